// Shrinks a failing source while it keeps failing the same way (a simple ddmin: remove chunks of
// lines, then of single units, halving the chunk size). Bytes are minimized byte by byte, a string
// source (compile() of a str) UTF-16 code unit by code unit.
import { runCase, signature, type Mode } from "./harness.js";

type Units = number[];

function lineBounds(u: Units): number[] {
  const out = [0];
  for (let i = 0; i < u.length; i++) if (u[i] === 10) out.push(i + 1);
  if (out[out.length - 1] !== u.length) out.push(u.length);
  return out;
}

function without(u: Units, from: number, to: number): Units {
  return u.slice(0, from).concat(u.slice(to));
}

function unitsToString(u: Units): string {
  let s = "";
  for (let i = 0; i < u.length; i += 8192) s += String.fromCharCode(...u.slice(i, i + 8192));
  return s;
}

function ddmin(start: Units, same: (u: Units) => boolean, deadline: number): Units {
  let cur = start;
  for (let chunk = Math.max(1, lineBounds(cur).length >> 1); chunk >= 1; chunk >>= 1) {
    let bounds = lineBounds(cur);
    for (let i = 0; i + 1 < bounds.length && performance.now() < deadline; ) {
      const cand = without(cur, bounds[i]!, bounds[Math.min(bounds.length - 1, i + chunk)]!);
      if (cand.length < cur.length && same(cand)) {
        cur = cand;
        bounds = lineBounds(cur);
      } else i += chunk;
    }
  }
  for (let chunk = Math.max(1, cur.length >> 1); chunk >= 1; chunk >>= 1) {
    for (let i = 0; i < cur.length && performance.now() < deadline; ) {
      const cand = without(cur, i, Math.min(cur.length, i + chunk));
      if (same(cand)) cur = cand;
      else i += chunk;
    }
  }
  return cur;
}

/** The smallest source found (within `budgetMs`) whose outcome has the same signature. */
export function minimize(source: Uint8Array | string, mode: Mode, budgetMs = 20_000): Uint8Array | string {
  const target = signature(runCase(source, mode));
  const deadline = performance.now() + budgetMs;
  if (typeof source === "string") {
    const units = Array.from({ length: source.length }, (_, i) => source.charCodeAt(i));
    return unitsToString(ddmin(units, (u) => signature(runCase(unitsToString(u), mode)) === target, deadline));
  }
  const out = ddmin(Array.from(source), (u) => signature(runCase(Uint8Array.from(u), mode)) === target, deadline);
  return Uint8Array.from(out);
}
