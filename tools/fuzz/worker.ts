// The fuzzing worker thread: runs cases start, start+1, ... and reports each to the driver
// (tools/fuzz/driver.ts), which kills and restarts it when a case hangs.
import { parentPort, workerData } from "node:worker_threads";
import { CaseList } from "./cases.js";
import { runCase } from "./harness.js";
import { minimize } from "./minimize.js";
import { loadSeeds } from "./seeds.js";
import type { WorkerData, WorkerMessage } from "./driver.js";

const data = workerData as WorkerData;
const cases = new CaseList(loadSeeds(data.repoRoot, data.stdlib), data.maxStructuralSize);
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

for (let i = data.start; i < data.end; i++) {
  const c = cases.caseAt(data.seed, i);
  post({ type: "start", index: i, name: c.name, source: c.source, mode: c.mode });
  const o = runCase(c.source, c.mode);
  let minimized: Uint8Array | string | null = null;
  if ((o.kind === "crash" || o.kind === "overflow") && data.minimize) minimized = minimize(c.source, c.mode);
  post({ type: "done", index: i, outcome: o, minimized });
}
post({ type: "end" });
