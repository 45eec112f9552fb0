// CPython: Modules/_stat.c — the S_IF* constants, S_IS* tests, S_IMODE/S_IFMT and filemode, with
// Linux's values.
import type { PyObject } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyFloat } from "../objects/floatobject.js";
import { PyNumber_Index } from "../objects/abstract.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { typeError, overflowError } from "../python/errors.js";

const S_IFMT = 0o170000;
const CONSTANTS: Record<string, number> = {
  S_IFDIR: 0o040000, S_IFCHR: 0o020000, S_IFBLK: 0o060000, S_IFREG: 0o100000, S_IFIFO: 0o010000, S_IFLNK: 0o120000,
  S_IFSOCK: 0o140000, S_IFDOOR: 0, S_IFPORT: 0, S_IFWHT: 0,
  S_ISUID: 0o4000, S_ISGID: 0o2000, S_ISVTX: 0o1000, S_ENFMT: 0o2000, S_IREAD: 0o400, S_IWRITE: 0o200, S_IEXEC: 0o100,
  S_IRWXU: 0o700, S_IRUSR: 0o400, S_IWUSR: 0o200, S_IXUSR: 0o100, S_IRWXG: 0o70, S_IRGRP: 0o40, S_IWGRP: 0o20, S_IXGRP: 0o10,
  S_IRWXO: 0o7, S_IROTH: 0o4, S_IWOTH: 0o2, S_IXOTH: 0o1,
  UF_SETTABLE: 0xffff, UF_NODUMP: 1, UF_IMMUTABLE: 2, UF_APPEND: 4, UF_OPAQUE: 8, UF_NOUNLINK: 16, UF_COMPRESSED: 32,
  UF_TRACKED: 64, UF_DATAVAULT: 128, UF_HIDDEN: 0x8000,
  SF_SETTABLE: 0xffff0000, SF_ARCHIVED: 0x10000, SF_IMMUTABLE: 0x20000, SF_APPEND: 0x40000, SF_NOUNLINK: 0x100000,
  SF_SNAPSHOT: 0x200000, SF_FIRMLINK: 0x800000, SF_DATALESS: 0x40000000,
  ST_MODE: 0, ST_INO: 1, ST_DEV: 2, ST_NLINK: 3, ST_UID: 4, ST_GID: 5, ST_SIZE: 6, ST_ATIME: 7, ST_MTIME: 8, ST_CTIME: 9,
};

/** A mode_t argument (CPython: _PyLong_AsMode_t). */
function modeArg(v: PyObject): number {
  if (v instanceof PyFloat) throw typeError("'float' object cannot be interpreted as an integer");
  const n = typeof v === "number" ? v : PyNumber_Index(v);
  if (n < 0) throw overflowError("can't convert negative value to unsigned int");
  if (typeof n === "bigint" && n >= 2n ** 64n) throw overflowError("Python int too large to convert to C unsigned long");
  if (n > 0xffffffff) throw overflowError("mode out of range");
  return Number(n);
}

function fileTypeChar(mode: number): string {
  switch (mode & S_IFMT) {
    case 0o100000: return "-";
    case 0o040000: return "d";
    case 0o120000: return "l";
    case 0o140000: return "s";
    case 0o010000: return "p";
    case 0o060000: return "b";
    case 0o020000: return "c";
    default: return "?";
  }
}

/** stat.filemode: "-rwxr-xr-x" (CPython: stat_filemode). */
export function filemode(mode: number): string {
  const bit = (b: number, c: string): string => (mode & b ? c : "-");
  const special = (x: number, s: number, on: string, off: string): string => (mode & s ? (mode & x ? on : off) : bit(x, "x"));
  return (
    fileTypeChar(mode) +
    bit(0o400, "r") + bit(0o200, "w") + special(0o100, 0o4000, "s", "S") +
    bit(0o40, "r") + bit(0o20, "w") + special(0o10, 0o2000, "s", "S") +
    bit(0o4, "r") + bit(0o2, "w") + special(0o1, 0o1000, "t", "T")
  );
}

export function init_stat(): PyModule {
  const m = new PyModule("_stat", "S_IFMT_: file type bits\nS_IFDIR: directory\nS_IFCHR: character device\nS_IFBLK: block device\nS_IFREG: regular file\nS_IFIFO: fifo (named pipe)\nS_IFLNK: symbolic link\nS_IFSOCK: socket file");
  const d = m.dict;
  for (const [k, v] of Object.entries(CONSTANTS)) d.setStr(k, v);
  const fn1 = (name: string, f: (mode: number) => PyObject): void => {
    d.setStr(name, newBuiltinFunction(name, (_s, args, start, nargs, kwnames) => {
      if (kwnames !== null && kwnames.items.length) throw typeError(`_stat.${name}() takes no keyword arguments`);
      if (nargs !== 1) throw typeError(`_stat.${name}() takes exactly one argument (${nargs} given)`);
      return f(modeArg(args[start]));
    }, "_stat"));
  };
  const tests: [string, number][] = [
    ["S_ISDIR", 0o040000], ["S_ISCHR", 0o020000], ["S_ISBLK", 0o060000], ["S_ISREG", 0o100000], ["S_ISFIFO", 0o010000],
    ["S_ISLNK", 0o120000], ["S_ISSOCK", 0o140000],
  ];
  for (const [name, t] of tests) fn1(name, (mode) => (mode & S_IFMT) === t);
  for (const name of ["S_ISDOOR", "S_ISPORT", "S_ISWHT"]) fn1(name, () => false);
  fn1("S_IMODE", (mode) => mode & 0o7777);
  fn1("S_IFMT", (mode) => mode & S_IFMT);
  fn1("filemode", filemode);
  return m;
}
