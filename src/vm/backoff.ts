// CPython: Include/internal/pycore_backoff.h
//
// The adaptive counter in an instruction's first inline cache entry: a 16-bit value whose top 12
// bits count down and whose low 4 bits are an exponential backoff. When the count reaches zero the
// instruction tries to specialize; on failure it waits 2**backoff - 1 executions before retrying.
const BACKOFF_BITS = 4;
const MAX_BACKOFF = 12;
const UNREACHABLE_BACKOFF = 15;

function makeBackoffCounter(value: number, backoff: number): number {
  return (value << BACKOFF_BITS) | backoff;
}

/** The counter a generic instruction starts with (value 1, backoff 1: specialize on the 2nd run). */
export const ADAPTIVE_WARMUP_VALUE = makeBackoffCounter(1, 1);
/** The counter after a successful specialization (value 52, no backoff). */
export const ADAPTIVE_COOLDOWN_VALUE = makeBackoffCounter(52, 0);
/** JUMP_BACKWARD's initial counter (value 4095, backoff 12). */
export const JUMP_BACKWARD_INITIAL_VALUE = makeBackoffCounter(4095, 12);

/** Whether the counter at code[index] has run out (CPython: backoff_counter_triggers). */
export function adaptiveCounterTriggers(code: Uint16Array, index: number): boolean {
  const c = code[index]!;
  return c >>> BACKOFF_BITS === 0 && (c & 15) !== UNREACHABLE_BACKOFF;
}

/** Counts one execution (CPython: advance_backoff_counter). */
export function advanceAdaptiveCounter(code: Uint16Array, index: number): void {
  const c = code[index]!;
  if ((c & 15) !== UNREACHABLE_BACKOFF && c >>> BACKOFF_BITS !== 0) code[index] = c - (1 << BACKOFF_BITS);
}

/** After a failed specialization: wait twice as long as last time (CPython: restart_backoff_counter). */
export function adaptiveCounterBackoff(code: Uint16Array, index: number): void {
  const backoff = Math.min((code[index]! & 15) + 1, MAX_BACKOFF);
  code[index] = makeBackoffCounter((1 << backoff) - 1, backoff);
}
