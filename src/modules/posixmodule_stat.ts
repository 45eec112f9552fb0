// CPython: Modules/posixmodule.c — os.stat_result (_pystat_fromstructstat, statresult_new) and
// os.statvfs_result, filled from Node's BigInt stats (nanosecond times, 64-bit numbers).
import type { BigIntStats } from "node:fs";
import { type PyObject, type PyTypeObject, Py_None } from "../objects/object.js";
import { PyFloat } from "../objects/floatobject.js";
import { normBig } from "../objects/longobject.js";
import { PyStructSequence_NewType, PyStructSequence_New, PyStructSequence } from "../objects/structseq.js";
import type { PyTuple } from "../objects/tupleobject.js";

export const StatResultType: PyTypeObject = PyStructSequence_NewType({
  name: "os.stat_result",
  doc:
    "stat_result: Result from stat, fstat, or lstat.\n\nThis object may be accessed either as a tuple of\n" +
    "  (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)\nor via the attributes st_mode, st_ino, st_dev, st_nlink, st_uid, and so on.\n\n" +
    "Posix/windows: If your platform supports st_blksize, st_blocks, st_rdev,\nor st_flags, they are available as attributes only.\n\nSee os.stat for more information.",
  fields: [
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", null, null, null,
    "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev",
  ],
  nSequence: 10,
});

// statresult_new: the float times default to the integer ones when not given
{
  const structNew = StatResultType.tp_new!;
  StatResultType.tp_new = (type: PyTypeObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null) => {
    const r = structNew(type, args, start, nargs, kwnames) as PyStructSequence;
    const hidden = r.hidden as PyObject[];
    for (let i = 0; i < 3; i++) if (hidden[i] === Py_None) hidden[i] = r.items[7 + i];
    return r;
  };
}

export const StatvfsResultType: PyTypeObject = PyStructSequence_NewType({
  name: "os.statvfs_result",
  doc: "statvfs_result: Result from statvfs or fstatvfs.",
  fields: ["f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail", "f_flag", "f_namemax", "f_fsid"],
  nSequence: 10,
});

const NS = 1000000000n;

/** (seconds, nanoseconds) of a time in ns, nanoseconds in [0, 1e9) as struct timespec has them. */
function splitNs(ns: bigint): [bigint, bigint] {
  let s = ns / NS;
  let n = ns % NS;
  if (n < 0n) {
    s -= 1n;
    n += NS;
  }
  return [s, n];
}

/** An os.stat_result from Node's stats (CPython: _pystat_fromstructstat). */
export function statResultFromNode(st: BigIntStats): PyObject {
  const times = [st.atimeNs, st.mtimeNs, st.ctimeNs];
  const ints: PyObject[] = [];
  const floats: PyObject[] = [];
  const nss: PyObject[] = [];
  for (const t of times) {
    const [s, n] = splitNs(t);
    ints.push(normBig(s));
    floats.push(new PyFloat(Number(s) + Number(n) * 1e-9));
    nss.push(normBig(t));
  }
  return PyStructSequence_New(StatResultType, [
    normBig(st.mode), normBig(st.ino), normBig(st.dev), normBig(st.nlink), normBig(st.uid), normBig(st.gid), normBig(st.size),
    ...ints, ...floats, ...nss,
    normBig(st.blksize), normBig(st.blocks), normBig(st.rdev),
  ]);
}
