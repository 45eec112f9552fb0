#!/bin/sh
# Regenerates the expected `dump code` and `dump dis` output of every test/corpus/code/*.py from
# CPython 3.14:
#
#   npm run build && sh test/golden/code/regen.sh
#
# (dump.py's output for each file goes to test/golden/code/<name>.py.code and <name>.py.dis)
cd "$(dirname "$0")/../../.." &&
  node dist/tools/oracle/golden.js code test/golden/code test/corpus/code/*.py &&
  node dist/tools/oracle/golden.js dis test/golden/code test/corpus/code/*.py
