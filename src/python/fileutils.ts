// CPython: Python/fileutils.c (_Py_read, _Py_write, _Py_lseek, _Py_open, _Py_fstat).
//
// Node has no lseek. For a seekable descriptor (regular file, block device) tython keeps the file
// offset itself and reads and writes at it (pread/pwrite), so seek/tell behave as on CPython; the
// offset starts from the kernel's (read from /proc/self/fdinfo on Linux). Non-seekable descriptors
// (pipes, terminals, sockets) use the kernel's own position. Every OS-facing module (posix, _io)
// goes through these functions, so they agree on each descriptor's offset.
import fs from "node:fs";
import { oserrorFromNode, PyErr_SetFromErrno, EINVAL } from "./oserror.js";

const ESPIPE = 29;
const EBADF = 9;
const EINTR = 4;
const EAGAIN = 11;
const O_APPEND = 0o2000;

interface FdState {
  /** Our file offset; null for a non-seekable descriptor. */
  pos: number | null;
  append: boolean;
}
const fds = new Map<number, FdState>();

function isSeekableStat(st: fs.Stats): boolean {
  if (st.isFile() || st.isBlockDevice()) return true;
  // the memory devices (/dev/null, /dev/zero: major 1) accept lseek; terminals do not
  return st.isCharacterDevice() && Math.floor(st.rdev / 256) % 4096 === 1;
}

/** Whether an fstat result names a terminal (major numbers of the tty drivers on Linux). */
export function statIsatty(st: fs.Stats): boolean {
  if (!st.isCharacterDevice()) return false;
  const major = Math.floor(st.rdev / 256) % 4096;
  return major === 4 || major === 5 || (major >= 136 && major <= 143);
}

/** The kernel's offset and flags of fd (Linux), or nulls when unknown. */
function kernelFdInfo(fd: number): { pos: number; flags: number } | null {
  try {
    const text = fs.readFileSync(`/proc/self/fdinfo/${fd}`, "latin1");
    const pos = /^pos:\s*(\d+)/m.exec(text);
    const flags = /^flags:\s*([0-7]+)/m.exec(text);
    return { pos: pos ? Number(pos[1]) : 0, flags: flags ? parseInt(flags[1], 8) : 0 };
  } catch {
    return null;
  }
}

function fdState(fd: number): FdState {
  let s = fds.get(fd);
  if (s !== undefined) return s;
  let st: fs.Stats;
  try {
    st = fs.fstatSync(fd);
  } catch (e) {
    throw oserrorFromNode(e);
  }
  if (isSeekableStat(st)) {
    const info = kernelFdInfo(fd);
    s = { pos: info?.pos ?? 0, append: info !== null && (info.flags & O_APPEND) !== 0 };
  } else s = { pos: null, append: false };
  fds.set(fd, s);
  return s;
}

/** Registers a descriptor just opened by tython (offset 0). */
export function _Py_fdOpened(fd: number, append: boolean): void {
  fds.delete(fd);
  try {
    const st = fs.fstatSync(fd);
    fds.set(fd, { pos: isSeekableStat(st) ? 0 : null, append });
  } catch {
    // fdState will look again on first use
  }
}

/** Forgets a descriptor's offset (after close). */
export function _Py_fdClosed(fd: number): void {
  fds.delete(fd);
}

/** Copies the offset state of fd to newfd (dup shares the offset on a real system; near enough). */
export function _Py_fdDup(fd: number, newfd: number): void {
  const s = fds.get(fd);
  if (s !== undefined) fds.set(newfd, s);
  else fds.delete(newfd);
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * EINTR is retried (PEP 475). EAGAIN on the standard descriptors is retried after a short wait:
 * Node may have made them non-blocking behind the program's back (a pipe it watches).
 */
function retryable(e: unknown, fd: number): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EINTR") return true;
  if (code === "EAGAIN" && fd <= 2) {
    Atomics.wait(pause, 0, 0, 2);
    return true;
  }
  return false;
}

/** read(2) into buf[off, off+len); returns the count (0 at EOF). EAGAIN raises BlockingIOError. */
export function _Py_read(fd: number, buf: Uint8Array, off: number, len: number): number {
  const s = fdState(fd);
  for (;;) {
    try {
      const n = fs.readSync(fd, buf, off, len, s.pos);
      if (s.pos !== null) s.pos += n;
      return n;
    } catch (e) {
      if (retryable(e, fd)) continue;
      // Node reports end of input on some pipes/ttys as EOF
      if ((e as NodeJS.ErrnoException).code === "EOF") return 0;
      throw oserrorFromNode(e);
    }
  }
}

/** write(2) of buf[off, off+len); returns the count written (may be short). */
export function _Py_write(fd: number, buf: Uint8Array, off: number, len: number): number {
  const s = fdState(fd);
  for (;;) {
    try {
      if (s.pos !== null && s.append) {
        // pwrite on an O_APPEND descriptor appends (Linux); the offset becomes the end
        const n = fs.writeSync(fd, buf, off, len, null);
        s.pos = fs.fstatSync(fd).size;
        return n;
      }
      const n = fs.writeSync(fd, buf, off, len, s.pos);
      if (s.pos !== null) s.pos += n;
      return n;
    } catch (e) {
      if (retryable(e, fd)) continue;
      throw oserrorFromNode(e);
    }
  }
}

/** lseek(2). whence 0 (SET), 1 (CUR), 2 (END). */
export function _Py_lseek(fd: number, pos: number, whence: number): number {
  const s = fdState(fd);
  if (s.pos === null) throw PyErr_SetFromErrno(ESPIPE);
  let base: number;
  if (whence === 0) base = 0;
  else if (whence === 1) base = s.pos;
  else if (whence === 2) {
    try {
      base = fs.fstatSync(fd).size;
    } catch (e) {
      throw oserrorFromNode(e);
    }
  } else throw PyErr_SetFromErrno(EINVAL);
  const r = base + pos;
  if (r < 0) throw PyErr_SetFromErrno(EINVAL);
  s.pos = r;
  return r;
}

/** Whether fd is valid (CPython: _PyVerify_fd / is_valid_fd). */
export function _Py_isValidFd(fd: number): boolean {
  try {
    fs.fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}

/** isatty(fd) (CPython: isatty(3); false for a closed descriptor). */
export function _Py_isatty(fd: number): boolean {
  try {
    return statIsatty(fs.fstatSync(fd));
  } catch {
    return false;
  }
}

/** ftruncate(2). */
export function _Py_ftruncate(fd: number, length: number): void {
  try {
    fs.ftruncateSync(fd, length);
  } catch (e) {
    throw oserrorFromNode(e);
  }
}

/** close(2); EBADF raises OSError. */
export function _Py_close(fd: number): void {
  fds.delete(fd);
  try {
    fs.closeSync(fd);
  } catch (e) {
    throw oserrorFromNode(e);
  }
}

export { ESPIPE, EBADF, EINTR, EAGAIN };
