// Runs fuzz cases in a worker thread with a watchdog: a case that runs longer than the hang limit
// is recorded as a hang, the worker is terminated and a new one resumes after it.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Mode, Outcome } from "./harness.js";

export interface WorkerData {
  repoRoot: string;
  stdlib: boolean;
  maxStructuralSize: number;
  seed: number;
  start: number;
  end: number;
  minimize: boolean;
}

export type WorkerMessage =
  | { type: "start"; index: number; name: string; source: Uint8Array | string; mode: Mode }
  | { type: "done"; index: number; outcome: Outcome; minimized: Uint8Array | string | null }
  | { type: "end" };

export interface FuzzOptions {
  seed: number;
  /** The first case's index (default 0). */
  start?: number;
  /** Stop after this many cases ... */
  cases?: number;
  /** ... or after this many seconds (whichever comes first). */
  seconds?: number;
  /** A case running longer than this is a hang (the worker is killed). */
  hangMs: number;
  /** A case finishing after longer than this is reported as slow. */
  slowMs: number;
  stdlib: boolean;
  maxStructuralSize: number;
  minimize: boolean;
  /** Called for each finished case (progress output). */
  onCase?: (index: number, outcome: Outcome) => void;
  /** Called as soon as a finding is recorded. */
  onFinding?: (f: Finding) => void;
}

export interface Finding {
  index: number;
  name: string;
  mode: Mode;
  kind: "crash" | "overflow" | "hang" | "slow";
  outcome: Outcome | null;
  source: Uint8Array | string;
  minimized: Uint8Array | string | null;
}

export interface FuzzReport {
  cases: number;
  counts: Record<string, number>;
  findings: Finding[];
}

/** The repository root (this file is dist/tools/fuzz/driver.js once built). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const first = opts.start ?? 0;
  const end = opts.cases === undefined ? Number.MAX_SAFE_INTEGER : first + opts.cases;
  const deadline = opts.seconds === undefined ? Infinity : Date.now() + opts.seconds * 1000;
  const report: FuzzReport = { cases: 0, counts: { ok: 0, pyexc: 0, overflow: 0, crash: 0, hang: 0, slow: 0 }, findings: [] };
  const record = (f: Finding): void => {
    report.findings.push(f);
    opts.onFinding?.(f);
  };
  return new Promise((resolve, reject) => {
    let next = first;
    const startWorker = (): void => {
      if (next >= end || Date.now() >= deadline) return resolve(report);
      const data: WorkerData = {
        repoRoot: REPO_ROOT,
        stdlib: opts.stdlib,
        maxStructuralSize: opts.maxStructuralSize,
        seed: opts.seed,
        start: next,
        end,
        minimize: opts.minimize,
      };
      // a ~1 MB stack, as the tython command has (node's default)
      const w = new Worker(new URL("./worker.js", import.meta.url), { workerData: data, resourceLimits: { stackSizeMb: 1, maxOldGenerationSizeMb: 1536 } });
      let current: Extract<WorkerMessage, { type: "start" }> | null = null;
      let timer: NodeJS.Timeout | null = null;
      let finished = false;
      const stop = (): void => {
        finished = true;
        if (timer) clearTimeout(timer);
        void w.terminate();
      };
      w.on("message", (m: WorkerMessage) => {
        if (finished) return;
        if (m.type === "start") {
          current = m;
          if (timer) clearTimeout(timer);
          if (Date.now() >= deadline) {
            stop();
            return resolve(report);
          }
          timer = setTimeout(() => {
            // hung: record it, kill the worker, resume after this case
            const c = current!;
            report.cases++;
            report.counts.hang!++;
            record({ index: c.index, name: c.name, mode: c.mode, kind: "hang", outcome: null, source: c.source, minimized: null });
            next = c.index + 1;
            stop();
            startWorker();
          }, opts.hangMs);
        } else if (m.type === "done") {
          if (timer) clearTimeout(timer);
          const c = current!;
          report.cases++;
          report.counts[m.outcome.kind]!++;
          opts.onCase?.(m.index, m.outcome);
          const kind = m.outcome.kind === "crash" || m.outcome.kind === "overflow" ? m.outcome.kind : m.outcome.ms > opts.slowMs ? "slow" : null;
          if (kind === "slow") report.counts.slow!++;
          if (kind !== null) record({ index: c.index, name: c.name, mode: c.mode, kind, outcome: m.outcome, source: c.source, minimized: m.minimized });
          next = m.index + 1;
        } else {
          stop();
          resolve(report);
        }
      });
      const died = (e: unknown): void => {
        if (finished) return;
        // the worker itself died (out of memory, ...): record the case and go on
        const c = current;
        stop();
        if (c === null) return reject(e);
        report.cases++;
        report.counts.crash!++;
        record({
          index: c.index,
          name: c.name,
          mode: c.mode,
          kind: "crash",
          outcome: { kind: "crash", stage: null, message: `worker died: ${String(e)}`, where: "", ms: 0 },
          source: c.source,
          minimized: null,
        });
        next = c.index + 1;
        startWorker();
      };
      w.on("error", died);
      w.on("exit", (code) => died(new Error(`worker exited with status ${code}`)));
    };
    startWorker();
  });
}
