// CPython: Modules/posixmodule.c — os.open/read/write/lseek/close and friends on real file
// descriptors (Node's fs.openSync returns kernel fds).
//
// Node has no lseek(2). Reads and writes use the kernel's own file offset (read(2)/write(2), which
// advance it, so that an fd shared with another process, such as a stdout redirected to a file,
// stays in step with it) until lseek moves an fd somewhere else: from then on the offset is kept
// here, and reads and writes are pread/pwrite at it, advancing it (O_APPEND writes go to the end,
// as the kernel does). lseek reads the kernel's offset from /proc/self/fdinfo, and an lseek back
// to it returns the fd to the kernel's offset. Other modules (_io) use these functions so that
// every reader of an fd sees the same offset.
import fs from "node:fs";
import tty from "node:tty";
import { Buffer } from "node:buffer";
import { PyErr_SetFromErrno, oserrorFromNode, nodeErrno, EAGAIN, EBADF, EINVAL } from "../python/oserror.js";

const ESPIPE = 29;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;

/** fd -> the offset tython keeps for it, when it differs from the kernel's (see above). */
const offsets = new Map<number, number>();
/** fds opened with O_APPEND by os.open (writes go to the end). */
const appendFds = new Set<number>();
/** fds the program made non-blocking itself (EAGAIN is then reported, not waited out). */
const nonBlocking = new Set<number>();

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
function sleepMs(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

/** The kernel's view of an fd (position and flags), from /proc/self/fdinfo; null off Linux or for a closed fd. */
export function fdInfo(fd: number): { pos: number; flags: number } | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/self/fdinfo/${fd}`, "latin1");
  } catch {
    return null;
  }
  const pos = /^pos:\s*(\d+)/m.exec(text);
  const flags = /^flags:\s*([0-7]+)/m.exec(text);
  return { pos: pos ? Number(pos[1]) : 0, flags: flags ? parseInt(flags[1], 8) : 0 };
}

/** os.open: returns the new fd (at the kernel's offset, 0). */
export function fdOpen(path: string | Buffer, flags: number, mode: number): number {
  const fd = fs.openSync(path, flags, mode);
  offsets.delete(fd);
  if (flags & O_APPEND) appendFds.add(fd);
  else appendFds.delete(fd);
  nonBlocking.delete(fd);
  if (flags & O_NONBLOCK) nonBlocking.add(fd);
  return fd;
}

/** Forgets what is kept about an fd (it was closed). */
export function fdForget(fd: number): void {
  offsets.delete(fd);
  appendFds.delete(fd);
  nonBlocking.delete(fd);
}

/** os.close. */
export function fdClose(fd: number): void {
  fs.closeSync(fd);
  fdForget(fd);
}

/** Calls f, waiting out EAGAIN on fds that Node (not the program) made non-blocking, as a blocking fd would. */
function retryAgain<T>(fd: number, f: () => T): T {
  for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
    try {
      return f();
    } catch (e) {
      if (nodeErrno(e) !== EAGAIN || nonBlocking.has(fd)) throw e;
      sleepMs(delay);
    }
  }
}

/** os.read: up to n bytes (fewer at end of file). Errors are thrown as Node's. */
export function fdRead(fd: number, n: number): Uint8Array {
  const buf = Buffer.allocUnsafe(n);
  const pos = offsets.get(fd);
  const got = retryAgain(fd, () => fs.readSync(fd, buf, 0, n, pos === undefined ? null : pos));
  if (pos !== undefined) offsets.set(fd, pos + got);
  return got === n ? new Uint8Array(buf.buffer, buf.byteOffset, got) : Uint8Array.prototype.slice.call(buf, 0, got);
}

/** Reads into `into` (os.readv, readinto of _io): the count read. */
export function fdReadInto(fd: number, into: Uint8Array): number {
  const pos = offsets.get(fd);
  const got = retryAgain(fd, () => fs.readSync(fd, into, 0, into.length, pos === undefined ? null : pos));
  if (pos !== undefined) offsets.set(fd, pos + got);
  return got;
}

/** os.write: the count written. */
export function fdWrite(fd: number, data: Uint8Array): number {
  const pos = offsets.get(fd);
  if (pos === undefined) return retryAgain(fd, () => fs.writeSync(fd, data, 0, data.length, null));
  const n = retryAgain(fd, () => fs.writeSync(fd, data, 0, data.length, pos));
  // pwrite on an O_APPEND fd appends (Linux): the offset moves to the new end
  offsets.set(fd, appendFds.has(fd) ? Number(fs.fstatSync(fd, { bigint: true }).size) : pos + n);
  return n;
}

/** os.pread. */
export function fdPread(fd: number, n: number, offset: number): Uint8Array {
  const buf = Buffer.allocUnsafe(n);
  const got = retryAgain(fd, () => fs.readSync(fd, buf, 0, n, offset));
  return Uint8Array.prototype.slice.call(buf, 0, got);
}

/** os.pwrite. */
export function fdPwrite(fd: number, data: Uint8Array, offset: number): number {
  return retryAgain(fd, () => fs.writeSync(fd, data, 0, data.length, offset));
}

export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;
export const SEEK_DATA = 3;
export const SEEK_HOLE = 4;

/** os.lseek: the new offset; throws Python OSErrors. */
export function fdLseek(fd: number, position: number, whence: number): number {
  let st: fs.BigIntStats;
  try {
    st = fs.fstatSync(fd, { bigint: true });
  } catch (e) {
    throw oserrorFromNode(e);
  }
  if (st.isFIFO() || st.isSocket() || (st.isCharacterDevice() && tty.isatty(fd))) throw PyErr_SetFromErrno(ESPIPE);
  if (st.isCharacterDevice()) {
    // /dev/null and its kind accept any seek and stay at 0
    if (whence < 0 || whence > SEEK_HOLE) throw PyErr_SetFromErrno(EINVAL);
    return 0;
  }
  const info = fdInfo(fd);
  if (info === null) throw PyErr_SetFromErrno(EBADF);
  if (info.flags & O_APPEND) appendFds.add(fd);
  const cur = offsets.get(fd) ?? info.pos;
  const size = Number(st.size);
  let target: number;
  switch (whence) {
    case SEEK_SET:
      target = position;
      break;
    case SEEK_CUR:
      target = cur + position;
      break;
    case SEEK_END:
      target = size + position;
      break;
    case SEEK_DATA:
      if (position >= size) throw PyErr_SetFromErrno(6); // ENXIO
      target = position;
      break;
    case SEEK_HOLE:
      if (position >= size) throw PyErr_SetFromErrno(6);
      target = size;
      break;
    default:
      throw PyErr_SetFromErrno(EINVAL);
  }
  if (target < 0) throw PyErr_SetFromErrno(EINVAL);
  if (target === info.pos) offsets.delete(fd);
  else offsets.set(fd, target);
  return target;
}

/** Whether the program may see fd as blocking (os.get_blocking). */
export function fdGetBlocking(fd: number): boolean {
  try {
    fs.fstatSync(fd);
  } catch (e) {
    throw oserrorFromNode(e);
  }
  if (nonBlocking.has(fd)) return false;
  // an fd Node made non-blocking still behaves as blocking here (EAGAIN is waited out)
  return true;
}

/**
 * Records the program's choice of (non-)blocking for fd (os.set_blocking); false when it cannot be
 * done (Node cannot set O_NONBLOCK on an fd the kernel has blocking).
 */
export function fdSetBlocking(fd: number, blocking: boolean): boolean {
  try {
    fs.fstatSync(fd);
  } catch (e) {
    throw oserrorFromNode(e);
  }
  if (blocking) {
    nonBlocking.delete(fd);
    return true;
  }
  const info = fdInfo(fd);
  if (info === null || (info.flags & O_NONBLOCK) === 0) return false;
  nonBlocking.add(fd);
  return true;
}
