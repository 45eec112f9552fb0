// Running tython as a subprocess, as a user runs it: `node bin/tython.js ARGS` (for differential
// tests of whole programs and of the command line).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file is dist/test/support/tython.js once built). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const TYTHON_BIN = path.join(REPO_ROOT, "bin", "tython.js");

export interface TythonResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

export function runTython(
  args: readonly string[],
  options: { cwd?: string; stdin?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): TythonResult {
  const r = spawnSync(process.execPath, ["--stack-size=3900", TYTHON_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? process.env,
    input: options.stdin ?? "",
    encoding: "utf8",
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 64 << 20,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** The message pythonrun prints when a stage of tython does not exist yet. */
export function missingStage(stderr: string): string | null {
  const m = /^tython: (.* is not available yet .*)$/m.exec(stderr);
  return m === null ? null : m[1]!;
}
