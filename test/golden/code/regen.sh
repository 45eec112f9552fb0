#!/bin/sh
# Regenerates the expected `dump code` output of every test/corpus/code/*.py from CPython 3.14:
#
#   npm run build && sh test/golden/code/regen.sh
#
# (each file's dump.py `code` output goes to test/golden/code/<name>.py.code)
cd "$(dirname "$0")/../../.." && node dist/tools/oracle/golden.js code test/golden/code test/corpus/code/*.py
