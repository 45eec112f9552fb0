// The z_stream behind zlibmodule.ts, driven through Node's native zlib binding.
//
// Why this way: Node's public zlib API is either one-shot (deflateSync & co., which cannot keep a
// stream open across calls nor report unconsumed input) or asynchronous streams. The native handle
// behind every zlib.Deflate/Inflate object (`_handle`, the class Node's own *Sync functions drive
// through `writeSync`) runs one synchronous deflate()/inflate() call per `writeSync(flush, in,
// inOff, inLen, out, outOff, outLen)` and reports avail_out/avail_in in a Uint32Array, which is
// exactly the loop CPython's zlibmodule.c runs. We construct bare handles of that class so we can
// choose the raw windowBits ourselves; Node's init() CHECKs (aborts the process on) out-of-range
// parameters, so every parameter is validated by the callers first, as zlib's deflateInit2 /
// inflateInit2 would.
//
// zlib's deflateCopy/inflateCopy are not exposed, so copy() replays the recorded sequence of calls
// into a fresh handle (zlib is deterministic); the record is bounded (COPY_LOG_LIMIT) and copy()
// fails beyond it.
import * as nodeZlib from "node:zlib";

export const Z_NO_FLUSH = 0;
export const Z_SYNC_FLUSH = 2;
export const Z_FINISH = 4;
export const Z_OK = 0;
export const Z_STREAM_END = 1;
export const Z_NEED_DICT = 2;
export const Z_STREAM_ERROR = -2;
export const Z_DATA_ERROR = -3;
export const Z_BUF_ERROR = -5;

export const MODE_DEFLATE = 1;
export const MODE_INFLATE = 2;
export const MODE_GZIP = 3;
export const MODE_DEFLATERAW = 5;
export const MODE_INFLATERAW = 6;

/** A zlib failure: the zlib return code and z_stream.msg (null when zlib set none). */
export class ZlibFailure {
  constructor(
    readonly err: number,
    readonly msg: string | null,
    /** Replaces the caller's "while ..." phrase (a rejected dictionary is "while setting zdict"). */
    readonly context: string | null = null,
  ) {}
}

interface NativeHandle {
  init(windowBits: number, level: number, memLevel: number, strategy: number, writeState: Uint32Array, cb: () => void, dict: Uint8Array | undefined): void;
  writeSync(flush: number, input: Uint8Array | null, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  close(): void;
  onerror: (this: NativeHandle, message: string, errno: number) => void;
  zerr: number;
  zmsg: string;
}
type NativeHandleClass = new (mode: number) => NativeHandle;

let handleClass: NativeHandleClass | null = null;
function nativeHandleClass(): NativeHandleClass {
  if (handleClass === null) {
    const probe = new nodeZlib.Inflate() as unknown as { _handle: { constructor: NativeHandleClass }; close(): void };
    handleClass = probe._handle.constructor;
    probe.close();
  }
  return handleClass;
}

// Called by the binding (MakeCallback on "onerror") when deflate()/inflate() fail; then the
// write state is not updated.
function recordError(this: NativeHandle, message: string, errno: number): void {
  this.zerr = errno;
  this.zmsg = message;
}
function noop(): void {}

const COPY_LOG_LIMIT = 64 * 1024 * 1024;

interface LoggedCall {
  flush: number;
  input: Uint8Array | null;
  outLen: number;
}

export interface StreamParams {
  mode: number;
  windowBits: number;
  level: number;
  memLevel: number;
  strategy: number;
  dict: Uint8Array | null;
}

/** One open z_stream. */
export class ZStream {
  private handle: NativeHandle;
  private readonly state = new Uint32Array(2);
  private log: LoggedCall[] | null = [];
  private logged = 0;
  closed = false;
  /** avail_in / avail_out after the last successful write. */
  availIn = 0;
  availOut = 0;

  constructor(readonly params: StreamParams) {
    const H = nativeHandleClass();
    this.handle = new H(params.mode);
    this.handle.onerror = recordError;
    this.handle.zerr = 0;
    this.handle.zmsg = "";
    const dict = params.dict === null ? undefined : Buffer.from(params.dict);
    this.handle.init(params.windowBits, params.level, params.memLevel, params.strategy, this.state, noop, dict);
  }

  /**
   * One deflate()/inflate() call. Returns 0 on success, else the zlib error code (with its
   * message in `lastMsg`); on failure availIn/availOut are not meaningful.
   */
  write(flush: number, input: Uint8Array | null, inOff: number, inLen: number, out: Uint8Array, outLen: number): number {
    const h = this.handle;
    h.zerr = 0;
    h.writeSync(flush, input, inOff, inLen, out, 0, outLen);
    if (this.log !== null) {
      const piece = input === null ? null : input.slice(inOff, inOff + inLen);
      this.logged += inLen + 16;
      if (this.logged > COPY_LOG_LIMIT) this.log = null;
      else this.log.push({ flush, input: piece, outLen });
    }
    if (h.zerr !== 0) return h.zerr;
    this.availOut = this.state[0];
    this.availIn = this.state[1];
    return 0;
  }

  get lastMsg(): string {
    return this.handle.zmsg;
  }

  /** Whether copy() can rebuild this stream. */
  get copyable(): boolean {
    return this.log !== null && !this.closed;
  }

  /** A new stream in the same state, by replaying every call into a fresh handle. */
  copy(): ZStream {
    const c = new ZStream(this.params);
    const log = this.log as LoggedCall[];
    let scratch = new Uint8Array(0);
    for (const call of log) {
      if (scratch.length < call.outLen) scratch = new Uint8Array(call.outLen);
      c.write(call.flush, call.input, 0, call.input === null ? 0 : call.input.length, scratch, call.outLen);
    }
    c.availIn = this.availIn;
    c.availOut = this.availOut;
    return c;
  }

  close(): void {
    if (!this.closed) {
      this.closed = true;
      this.log = null;
      this.handle.close();
    }
  }
}
