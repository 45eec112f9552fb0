// Shrinks a failing source while it keeps failing the same way (a simple ddmin: remove chunks of
// lines, then of bytes, halving the chunk size).
import { runCase, signature, type Mode } from "./harness.js";

function without(src: Uint8Array, from: number, to: number): Uint8Array {
  const out = new Uint8Array(src.length - (to - from));
  out.set(src.subarray(0, from), 0);
  out.set(src.subarray(to), from);
  return out;
}

function lineBounds(src: Uint8Array): number[] {
  const out = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === 10) out.push(i + 1);
  if (out[out.length - 1] !== src.length) out.push(src.length);
  return out;
}

/** The smallest source found (within `budgetMs`) whose outcome has the same signature. */
export function minimize(source: Uint8Array, mode: Mode, budgetMs = 20_000): Uint8Array {
  const target = signature(runCase(source, mode));
  const deadline = performance.now() + budgetMs;
  const same = (s: Uint8Array): boolean => signature(runCase(s, mode)) === target;
  let cur = source;
  // lines first
  for (let chunk = Math.max(1, Math.floor(lineBounds(cur).length / 2)); chunk >= 1; chunk = Math.floor(chunk / 2)) {
    let bounds = lineBounds(cur);
    for (let i = 0; i + 1 < bounds.length && performance.now() < deadline; ) {
      const j = Math.min(bounds.length - 1, i + chunk);
      const cand = without(cur, bounds[i]!, bounds[j]!);
      if (cand.length < cur.length && same(cand)) {
        cur = cand;
        bounds = lineBounds(cur);
      } else i += chunk;
    }
  }
  // then bytes
  for (let chunk = Math.max(1, cur.length >> 1); chunk >= 1; chunk >>= 1) {
    for (let i = 0; i < cur.length && performance.now() < deadline; ) {
      const cand = without(cur, i, Math.min(cur.length, i + chunk));
      if (same(cand)) cur = cand;
      else i += chunk;
    }
  }
  return cur;
}
