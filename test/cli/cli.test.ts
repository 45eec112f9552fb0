// The command line itself: options, messages and exit statuses as CPython 3.14's Modules/main.c and
// Python/getopt.c produce them (with `tython` as the program name), and `tython dump`'s batch format.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { referenceDump } from "../support/reference.js";
import { missingStage, REPO_ROOT, runTython } from "../support/tython.js";

const USAGE = "usage: tython [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";
const TRY = "Try `python -h' for more information.\n";

test("-V and --version print the Python version", () => {
  for (const opt of ["-V", "--version"]) {
    const r = runTython([opt]);
    assert.deepEqual(r, { stdout: "Python 3.14.2\n", stderr: "", status: 0 });
  }
  const vv = runTython(["-VV"]);
  assert.match(vv.stdout, /^Python 3\.14\.2 \(.+\n$/);
});

test("-h prints the usage line first and exits 0", () => {
  for (const opt of ["-h", "-?", "--help"]) {
    const r = runTython([opt]);
    assert.equal(r.status, 0);
    assert.ok(r.stdout.startsWith(USAGE), r.stdout);
  }
});

test("unknown options and missing arguments exit 2 with CPython's messages", () => {
  const cases: [string[], string][] = [
    [["-z"], "Unknown option: -z\n"],
    [["--frobnicate"], "unknown option --frobnicate\n"],
    [["-c"], "Argument expected for the -c option\n"],
    [["-m"], "Argument expected for the -m option\n"],
    [["-J"], "-J is reserved for Jython\n"],
  ];
  for (const [args, message] of cases) {
    assert.deepEqual(runTython(args), { stdout: "", stderr: message + USAGE + TRY, status: 2 }, args.join(" "));
  }
});

test("a missing script exits 2", () => {
  const dir = path.join(REPO_ROOT, "test", "corpus");
  const r = runTython(["no_such_file.py"], { cwd: dir });
  assert.deepEqual(r, {
    stdout: "",
    stderr: `tython: can't open file '${path.join(dir, "no_such_file.py")}': [Errno 2] No such file or directory\n`,
    status: 2,
  });
});

test("-m with an unknown module exits 1", () => {
  // runpy reports it with sys.executable's name, as CPython does
  const r = runTython(["-m", "no_such_module_xyz"]);
  assert.deepEqual(r, { stdout: "", stderr: `${path.join(REPO_ROOT, "bin", "tython.js")}: No module named no_such_module_xyz\n`, status: 1 });
});

test("a syntax error in -c code is reported as CPython reports it", (t) => {
  const r = runTython(["-c", "x = (1,"]);
  const missing = missingStage(r.stderr);
  if (missing !== null) t.todo(missing);
  assert.deepEqual(r, {
    stdout: "",
    stderr: `  File "<string>", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n`,
    status: 1,
  });
});

test("-c runs code; standard input runs as <stdin>", (t) => {
  const c = runTython(["-c", "print(1+2)"]);
  const s = runTython([], { stdin: "print('from', 'stdin')\n" });
  const missing = missingStage(c.stderr) ?? missingStage(s.stderr);
  if (missing !== null) t.todo(missing);
  assert.deepEqual(c, { stdout: "3\n", stderr: "", status: 0 });
  assert.deepEqual(s, { stdout: "from stdin\n", stderr: "", status: 0 });
});

test("tython dump: usage error exits 2", () => {
  const r = runTython(["dump", "nonsense", "x.py"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^usage: tython dump MODE FILE/);
});

test("tython dump tokens: one file without header, several with `==> path <==` headers", async () => {
  const dir = path.join(REPO_ROOT, "test", "corpus", "dump");
  const files = fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
  const expected = await referenceDump("tokens", files);
  const one = runTython(["dump", "tokens", files[0]!]);
  assert.equal(one.stdout, expected.get(files[0]!));
  const all = runTython(["dump", "tokens", ...files]);
  assert.equal(all.status, 0);
  assert.equal(all.stdout, files.map((f) => `==> ${f} <==\n${expected.get(f)}`).join(""));
});

test("tython dump symtable: a SyntaxError (IndentationError included) is one line and the batch goes on", async () => {
  const dir = path.join(REPO_ROOT, "test", "corpus", "dump");
  const files = ["dedent_error.py", "simple.py", "unclosed.py"].map((f) => path.join(dir, f));
  const expected = await referenceDump("symtable", files);
  const r = runTython(["dump", "symtable", ...files]);
  assert.equal(r.stdout, files.map((f) => `==> ${f} <==\n${expected.get(f)}`).join(""));
});

test("-m runs a module or a package's __main__ as __main__", (t) => {
  const cwd = path.join(REPO_ROOT, "test", "corpus", "modules");
  const mod = runTython(["-m", "hello_mod"], { cwd });
  const pkg = runTython(["-m", "pkgdemo"], { cwd });
  const missing = missingStage(mod.stderr) ?? missingStage(pkg.stderr);
  if (missing !== null) t.todo(missing);
  assert.deepEqual(mod, { stdout: "hello from __main__\n", stderr: "", status: 0 });
  assert.deepEqual(pkg, { stdout: "package main __main__\n", stderr: "", status: 0 });
});

test("tracebacks of -c code show its lines (CPython 3.13+), of stdin code none", (t) => {
  const c = runTython(["-c", "print(__name__)\n1/0"]);
  const s = runTython(["-"], { stdin: "print('in', __name__)\nx = [\n" });
  const missing = missingStage(c.stderr) ?? missingStage(s.stderr);
  if (missing !== null) t.todo(missing);
  assert.deepEqual(c, {
    stdout: "__main__\n",
    stderr: 'Traceback (most recent call last):\n  File "<string>", line 2, in <module>\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n',
    status: 1,
  });
  assert.deepEqual(s, {
    stdout: "",
    stderr: `  File "<stdin>", line 2\n    x = [\n        ^\nSyntaxError: '[' was never closed\n`,
    status: 1,
  });
});

test("-O removes asserts and makes __debug__ false", (t) => {
  const r = runTython(["-O", "-c", "assert False, 'boom'\nprint('ok', __debug__)"]);
  const missing = missingStage(r.stderr);
  if (missing !== null) t.todo(missing);
  assert.deepEqual(r, { stdout: "ok False\n", stderr: "", status: 0 });
});

test("sys.argv and sys.path[0] are set as CPython sets them", (t) => {
  const cwd = path.join(REPO_ROOT, "test", "corpus", "modules");
  const code = "import sys; print(sys.argv, repr(sys.path[0]))";
  const results = [
    runTython(["-c", code, "a", "b"], { cwd }),
    runTython(["-", "x"], { cwd, stdin: code + "\n" }),
    runTython([], { cwd, stdin: code + "\n" }),
  ];
  const missing = results.map((r) => missingStage(r.stderr)).find((m) => m !== null);
  if (missing) t.todo(missing);
  assert.deepEqual(
    results.map((r) => r.stdout),
    ["['-c', 'a', 'b'] ''\n", "['-', 'x'] ''\n", "[''] ''\n"],
  );
});
