// Writing to the process's standard streams synchronously and completely: a pipe may accept only
// part of a buffer, or refuse for a moment (EAGAIN); a reader that went away (EPIPE, as with
// `| head`) ends the process quietly, as CPython's SIGPIPE handling effectively does.
import fs from "node:fs";

const pause = new Int32Array(new SharedArrayBuffer(4));

export function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let done = 0;
  while (done < bytes.length) {
    try {
      done += fs.writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EPIPE") process.exit(process.exitCode ?? 0);
      if (code !== "EAGAIN") throw e;
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}

export function writeStdout(data: string | Uint8Array): void {
  writeAll(1, data);
}

export function writeStderr(data: string | Uint8Array): void {
  writeAll(2, data);
}

/** Collects text and writes it in large blocks (one write for small outputs). */
export class BufferedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly fd: number,
    private readonly limit = 1 << 22,
  ) {}

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= this.limit) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join("");
    this.parts = [];
    this.size = 0;
    writeAll(this.fd, text);
  }
}
