// Where tython's installation keeps its library (CPython: the prefix that Modules/getpath.py
// computes): lib/ beside dist/, with the standard library in lib/python3.14 and the frozen
// modules' code in lib/frozen_modules. No other imports: the command line reads this before
// the interpreter is loaded.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package's root (dist/src/python/paths.js -> ../../..): sys.prefix. */
export const PREFIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const LIB_DIR = path.join(PREFIX, "lib");
export const STDLIB_DIR = path.join(LIB_DIR, "python3.14");
export const FROZEN_DIR = path.join(LIB_DIR, "frozen_modules");
