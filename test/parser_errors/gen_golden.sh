#!/bin/sh
# Regenerates the golden outputs of the invalid-program corpus from CPython 3.14 (the reference,
# through the project's oracle runner). Run from the repository root:
#
#   sh test/parser_errors/gen_golden.sh
#
# It writes test/golden/invalid/<name>.py.ast: dump.py's `ast` output for each
# test/corpus/invalid/<name>.py (a "SyntaxError: MSG (LINENO, OFFSET, END_LINENO, END_OFFSET)" line).
set -e
npx tsc -p tsconfig.json || true
rm -f test/golden/invalid/*.ast
node dist/tools/oracle/golden.js ast test/golden/invalid test/corpus/invalid/*.py
