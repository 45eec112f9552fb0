#!/usr/bin/env node
// The `tython` command: CPython's Programs/python.c, whose main() hands argv to Py_BytesMain.
import { pyBytesMain } from "../dist/src/cli/main.js";
process.exitCode = await pyBytesMain(process.argv.slice(2));
