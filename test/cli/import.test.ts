// The import system (docs/import.md): importlib installed at start-up, frozen modules, .pyc files
// written and read back in CPython 3.14's format, -m, a directory or zip file as the script,
// sys.path's order, and CPython's import error messages. Each test works in a fresh temporary folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT, runTython } from "../support/tython.js";

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tython-import-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const STDLIB = path.join(REPO_ROOT, "lib", "python3.14");
/** The environment without the variables that stop .pyc writing. */
const WRITE_PYC: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: "", PYTHONPYCACHEPREFIX: "" };

test("importlib is the import system: meta_path, path_hooks, frozen and source specs", () => {
  const r = runTython(["-c", [
    "import sys, os, json",
    "print([getattr(f, '__name__', f) for f in sys.meta_path])",
    "print(type(sys.path_hooks[0]).__name__, sys.path_hooks[0].__name__)",
    "print(os.__spec__.origin, os.__loader__.__name__, os.__file__ == os.path.join(sys._stdlib_dir, 'os.py'))",
    "print(json.__spec__.origin == os.path.join(sys._stdlib_dir, 'json', '__init__.py'), type(json.__loader__).__name__)",
    "print(sys.modules['__main__'].__loader__.__name__, __spec__, sys.path[0] == '')",
    "import _frozen_importlib, importlib._bootstrap as b; print(b is _frozen_importlib, b.__spec__.origin)",
  ].join("\n")]);
  assert.equal(r.stderr, "");
  assert.equal(r.stdout, [
    "['BuiltinImporter', 'FrozenImporter', 'PathFinder']",
    "type zipimporter",
    "frozen FrozenImporter True",
    "True SourceFileLoader",
    "BuiltinImporter None True",
    "True frozen",
    "",
  ].join("\n"));
});

test("sys.path: script directory first, then PYTHONPATH, the zip, the standard library", () => {
  const dir = tempDir({ "show.py": "import sys\nfor p in sys.path[:5]: print(p)\n" });
  const r = runTython([path.join(dir, "show.py")], { cwd: os.tmpdir() });
  assert.equal(r.stderr, "");
  assert.deepEqual(r.stdout.split("\n").slice(0, 4), [fs.realpathSync(dir), path.join(REPO_ROOT, "lib", "python314.zip"), STDLIB, path.join(STDLIB, "lib-dynload")]);
  const p = runTython(["-P", path.join(dir, "show.py")]);
  assert.equal(p.stdout.split("\n")[0], path.join(REPO_ROOT, "lib", "python314.zip"));
});

test("a .pyc is written in __pycache__ with CPython 3.14's header, and is used when fresh", () => {
  const dir = tempDir({ "mod.py": "X = 42\n", "main.py": "import mod, sys\nprint(mod.X, mod.__cached__.endswith('__pycache__/mod.cpython-314.pyc'))\n" });
  const r = runTython(["main.py"], { cwd: dir, env: WRITE_PYC });
  assert.deepEqual([r.stdout, r.stderr], ["42 True\n", ""]);
  const pyc = fs.readFileSync(path.join(dir, "__pycache__", "mod.cpython-314.pyc"));
  assert.deepEqual([...pyc.subarray(0, 8)], [0x2b, 0x0e, 0x0d, 0x0a, 0, 0, 0, 0]);
  assert.equal(pyc.readUInt32LE(12), 7); // the source's size
  // the cached code is what runs, even when it no longer matches the source's text
  const st = fs.statSync(path.join(dir, "mod.py"));
  fs.writeFileSync(path.join(dir, "mod.py"), "X = 43\n");
  fs.utimesSync(path.join(dir, "mod.py"), st.atime, st.mtime);
  assert.equal(runTython(["main.py"], { cwd: dir, env: WRITE_PYC }).stdout, "42 True\n");
  // -B neither writes nor needs one
  const d2 = tempDir({ "m2.py": "Y = 1\n" });
  assert.equal(runTython(["-B", "-c", "import m2; print(m2.Y)"], { cwd: d2, env: WRITE_PYC }).stdout, "1\n");
  assert.equal(fs.existsSync(path.join(d2, "__pycache__")), false);
});

test("py_compile writes a .pyc that `tython FILE.pyc` runs", () => {
  const dir = tempDir({ "prog.py": "import sys\nprint('compiled', __loader__.__class__.__name__, sys.argv[1:])\n" });
  const c = runTython(["-m", "py_compile", "prog.py"], { cwd: dir });
  assert.equal(c.stderr, "");
  const pyc = path.join(dir, "__pycache__", "prog.cpython-314.pyc");
  fs.copyFileSync(pyc, path.join(dir, "prog.pyc"));
  const r = runTython(["prog.pyc", "a"], { cwd: dir });
  assert.deepEqual([r.stdout, r.stderr, r.status], ["compiled SourcelessFileLoader ['a']\n", "", 0]);
  fs.writeFileSync(path.join(dir, "bad.pyc"), "not compiled");
  const bad = runTython(["bad.pyc"], { cwd: dir });
  assert.match(bad.stderr, /RuntimeError: Bad magic number in \.pyc file\n$/);
});

test("-m runs a module or a package's __main__ through runpy", () => {
  const dir = tempDir({
    "pkg/__init__.py": "",
    "pkg/__main__.py": "import sys\nprint('main of', __package__, __name__, sys.argv)\n",
    "tool.py": "import sys\nprint(__name__, __spec__.name, sys.argv[0].endswith('tool.py'), sys.argv[1:])\n",
  });
  assert.equal(runTython(["-m", "pkg", "x"], { cwd: dir }).stdout, `main of pkg __main__ ['${path.join(dir, "pkg", "__main__.py")}', 'x']\n`);
  assert.equal(runTython(["-m", "tool", "y"], { cwd: dir }).stdout, "__main__ tool True ['y']\n");
});

test("a directory or zip file with __main__.py is run as the script", () => {
  const dir = tempDir({ "app/__main__.py": "import sys\nprint('app', __file__.endswith('__main__.py'), sys.argv[0].endswith('app'))\n" });
  assert.equal(runTython(["app"], { cwd: dir }).stdout, "app True True\n");
  const zipped = runTython(["-c", "import zipfile; z = zipfile.ZipFile('app.zip', 'w'); z.write('app/__main__.py', '__main__.py'); z.close()"], { cwd: dir });
  assert.equal(zipped.stderr, "");
  assert.equal(runTython(["app.zip"], { cwd: dir }).stdout, "app True False\n");
});

test("import errors: CPython's messages and tracebacks without importlib's frames", () => {
  const dir = tempDir({
    "pkg/__init__.py": "",
    "pkg/a.py": "from pkg import b\nx = 1\n",
    "pkg/b.py": "from pkg.a import x\n",
    "circular.py": "import pkg.a\n",
    "missing.py": "import no_such_module_xyz\n",
    "relative.py": "from . import x\n",
  });
  const circ = runTython(["circular.py"], { cwd: dir });
  assert.equal(circ.stderr.split("\n").at(-2), `ImportError: cannot import name 'x' from partially initialized module 'pkg.a' (most likely due to a circular import) (${path.join(dir, "pkg", "a.py")})`);
  assert.doesNotMatch(circ.stderr, /<frozen importlib/);
  assert.equal(runTython(["missing.py"], { cwd: dir }).stderr, [
    "Traceback (most recent call last):",
    `  File "${path.join(dir, "missing.py")}", line 1, in <module>`,
    "    import no_such_module_xyz",
    "ModuleNotFoundError: No module named 'no_such_module_xyz'",
    "",
  ].join("\n"));
  assert.match(runTython(["relative.py"], { cwd: dir }).stderr, /ImportError: attempted relative import with no known parent package\n$/);
});

test("frozen modules: _imp's view and -X frozen_modules=off", () => {
  const code = "import _imp, os; print(_imp.is_frozen('os'), _imp.find_frozen('os.path'), os.__spec__.origin, _imp.is_frozen('zipimport'))";
  assert.equal(runTython(["-c", code]).stdout, "True (None, False, 'posixpath') frozen True\n");
  assert.equal(runTython(["-X", "frozen_modules=off", "-c", code]).stdout, `False None ${path.join(STDLIB, "os.py")} True\n`);
});
