// CPython: Modules/posixmodule.c — os.scandir, its ScandirIterator and os.DirEntry.
//
// The directory is read when scandir is called (Node's readdirSync with file types, the d_type of
// readdir(3)); each DirEntry caches its stat and lstat as CPython's does. d_ino is not given by
// Node, so inode() takes it from an lstat (then cached).
import fs from "node:fs";
import { Buffer } from "node:buffer";
import { PyObjectBase, type PyObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_None } from "../objects/object.js";
import { PyObject_IsTrue, PyObject_Repr } from "../objects/abstract.js";
import { _genericAlias } from "../objects/dictobject.js";
import { normBig } from "../objects/longobject.js";
import { ArgParser } from "../python/getargs.js";
import { oserrorFromNode, ENOENT } from "../python/oserror.js";
import type { PyTuple } from "../objects/tupleobject.js";
import { type PathArg, fsResult, nodePath } from "./posixmodule_path.js";
import { statResultFromNode } from "./posixmodule_stat.js";

const DT_UNKNOWN = 0;
const DT_DIR = 4;
const DT_REG = 8;
const DT_LNK = 10;

export class PyDirEntry extends PyObjectBase {
  stat: PyObject | null = null;
  lstat: PyObject | null = null;
  ino: bigint | null = null;
  constructor(
    readonly name: PyObject,
    readonly path: PyObject,
    /** What Node opens for this entry. */
    readonly native: string | Buffer,
    readonly dType: number,
  ) {
    super();
  }
}
export const PyDirEntry_Type = newStaticType("posix.DirEntry", PyBaseObject_Type, 0);
PyDirEntry.prototype.ob_type = PyDirEntry_Type;
PyDirEntry_Type.tp_new = null;

export class PyScandirIterator extends PyObjectBase {
  pos = 0;
  constructor(public entries: PyDirEntry[] | null) {
    super();
  }
}
export const PyScandirIterator_Type = newStaticType("posix.ScandirIterator", PyBaseObject_Type, 0);
PyScandirIterator.prototype.ob_type = PyScandirIterator_Type;
PyScandirIterator_Type.tp_new = null;

function entryStat(e: PyDirEntry, follow: boolean): PyObject {
  if (follow && e.dType !== DT_LNK && e.dType !== DT_UNKNOWN) return entryStat(e, false);
  if (follow) {
    if (e.stat === null) {
      try {
        e.stat = statResultFromNode(fs.statSync(e.native, { bigint: true }));
      } catch (err) {
        throw oserrorFromNode(err, e.path);
      }
    }
    return e.stat;
  }
  if (e.lstat === null) {
    try {
      const st = fs.lstatSync(e.native, { bigint: true });
      e.lstat = statResultFromNode(st);
      e.ino = st.ino;
    } catch (err) {
      throw oserrorFromNode(err, e.path);
    }
    if (e.dType !== DT_LNK) e.stat = e.lstat;
  }
  return e.lstat;
}

/** is_dir/is_file through d_type, falling back to stat; a vanished entry is simply false. */
function testMode(e: PyDirEntry, follow: boolean, dType: number, sIf: number): boolean {
  if (e.dType !== DT_UNKNOWN && !(follow && e.dType === DT_LNK)) return e.dType === dType;
  let st: PyObject;
  try {
    st = entryStat(e, follow);
  } catch (err) {
    const errno = (err as { errno?: PyObject }).errno;
    if (errno === ENOENT) return false;
    throw err;
  }
  const mode = (st as unknown as { items: PyObject[] }).items[0] as number;
  return (mode & 0o170000) === sIf;
}

const followParser = (name: string): ArgParser => new ArgParser(name, ["follow_symlinks"], { kwonlyStart: 0 });
const isDirArgs = followParser("is_dir");
const isFileArgs = followParser("is_file");
const statArgs = followParser("stat");

function followArg(p: ArgParser, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): boolean {
  const [f] = p.parse(args, start, nargs, kw);
  return f === null ? true : PyObject_IsTrue(f);
}

PyDirEntry_Type.tp_repr = (v) => `<DirEntry ${PyObject_Repr((v as PyDirEntry).name)}>`;
PyDirEntry_Type.tp_getset = [
  { name: "name", get: (v) => (v as PyDirEntry).name, doc: "the entry's base filename, relative to scandir() \"path\" argument" },
  { name: "path", get: (v) => (v as PyDirEntry).path, doc: "the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)" },
];
PyDirEntry_Type.tp_methods = [
  {
    name: "is_dir",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) =>
      testMode(self as PyDirEntry, followArg(isDirArgs, args, start, nargs, kw), DT_DIR, 0o040000)) as PyMethodDef["fn"],
  },
  {
    name: "is_file",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) =>
      testMode(self as PyDirEntry, followArg(isFileArgs, args, start, nargs, kw), DT_REG, 0o100000)) as PyMethodDef["fn"],
  },
  { name: "is_symlink", kind: "noargs", fn: ((self: PyObject) => testMode(self as PyDirEntry, false, DT_LNK, 0o120000)) as PyMethodDef["fn"] },
  { name: "is_junction", kind: "noargs", fn: (() => false) as PyMethodDef["fn"] },
  {
    name: "stat",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) =>
      entryStat(self as PyDirEntry, followArg(statArgs, args, start, nargs, kw))) as PyMethodDef["fn"],
  },
  {
    name: "inode",
    kind: "noargs",
    fn: ((self: PyObject) => {
      const e = self as PyDirEntry;
      if (e.ino === null) entryStat(e, false);
      return normBig(e.ino as bigint);
    }) as PyMethodDef["fn"],
  },
  { name: "__fspath__", kind: "noargs", fn: ((self: PyObject) => (self as PyDirEntry).path) as PyMethodDef["fn"] },
  {
    name: "__class_getitem__",
    kind: "o",
    binding: "class",
    fn: ((cls: PyObject, item: PyObject) => _genericAlias(cls, item)) as PyMethodDef["fn"],
  },
];

PyScandirIterator_Type.tp_iter = (v) => v;
PyScandirIterator_Type.tp_iternext = (v) => {
  const it = v as PyScandirIterator;
  if (it.entries === null) return null;
  if (it.pos < it.entries.length) return it.entries[it.pos++];
  it.entries = null; // exhausted: closed, as CPython closes the directory
  return null;
};
const closeIt = (self: PyObject): PyObject => {
  (self as PyScandirIterator).entries = null;
  return Py_None;
};
PyScandirIterator_Type.tp_methods = [
  { name: "close", kind: "noargs", fn: closeIt as PyMethodDef["fn"] },
  { name: "__enter__", kind: "noargs", fn: ((self: PyObject) => self) as PyMethodDef["fn"] },
  { name: "__exit__", kind: "fast", fn: ((self: PyObject) => closeIt(self)) as PyMethodDef["fn"] },
];

function dTypeOf(d: fs.Dirent<Buffer>): number {
  if (d.isDirectory()) return DT_DIR;
  if (d.isFile()) return DT_REG;
  if (d.isSymbolicLink()) return DT_LNK;
  if (d.isFIFO()) return 1;
  if (d.isCharacterDevice()) return 2;
  if (d.isBlockDevice()) return 6;
  if (d.isSocket()) return 12;
  return DT_UNKNOWN;
}

/** os.scandir(path) on a converted path argument. */
export function scandir(p: PathArg): PyScandirIterator {
  const dir = nodePath(p);
  let dirents: fs.Dirent<Buffer>[];
  try {
    dirents = fs.readdirSync(dir, { encoding: "buffer", withFileTypes: true });
  } catch (e) {
    throw oserrorFromNode(e, p.object);
  }
  const dirBuf = typeof dir === "string" ? Buffer.from(dir) : dir;
  const prefix = p.fd >= 0 ? null : p.object === Py_None ? Buffer.from("./") : dirBuf.length && dirBuf[dirBuf.length - 1] !== 0x2f ? Buffer.concat([dirBuf, Buffer.from("/")]) : dirBuf;
  const entries = dirents.map((d) => {
    const nameBuf = d.name;
    const native = Buffer.concat([typeof dir === "string" ? Buffer.from(dir + "/") : Buffer.concat([dir, Buffer.from("/")]), nameBuf]);
    const fullBuf = prefix === null ? nameBuf : Buffer.concat([prefix, nameBuf]);
    return new PyDirEntry(fsResult(nameBuf, p.narrow), fsResult(fullBuf, p.narrow), native, dTypeOf(d));
  });
  return new PyScandirIterator(entries);
}
