#!/usr/bin/env -S node --stack-size=3900
// The `tython` command: CPython's Programs/python.c, whose main() hands argv to Py_BytesMain.
//
// CPython's parser nests 6000 rule calls deep (200 nested brackets are valid Python); Node's
// default 984 KB stack holds about 150. The main thread has an 8 MB stack: the #! line asks for a
// 3.9 MB V8 stack limit, and when started another way (`node bin/tython.js`) we start once more with it.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const STACK_FLAG = "--stack-size=3900";
if (!process.execArgv.some((a) => a.startsWith("--stack-size"))) {
  const child = spawnSync(process.execPath, [...process.execArgv, STACK_FLAG, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  if (child.error) throw child.error;
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}
const { pyBytesMain } = await import("../dist/src/cli/main.js");
process.exitCode = await pyBytesMain(process.argv.slice(2));
