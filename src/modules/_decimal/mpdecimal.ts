// CPython: Modules/_decimal/libmpdec/mpdecimal.c — the arithmetic of the General Decimal Arithmetic
// specification: a number is a sign, a bigint coefficient and an exponent (or a special value),
// and every operation rounds its exact result once, to the context, signalling conditions as
// libmpdec's status bits.

// libmpdec's status bits (mpdecimal.h); FloatOperation uses MPD_Not_implemented's bit as _decimal does
export const MPD_Clamped = 1;
export const MPD_Conversion_syntax = 2;
export const MPD_Division_by_zero = 4;
export const MPD_Division_impossible = 8;
export const MPD_Division_undefined = 16;
export const MPD_Fpu_error = 32;
export const MPD_Inexact = 64;
export const MPD_Invalid_context = 128;
export const MPD_Invalid_operation = 256;
export const MPD_Malloc_error = 512;
export const MPD_Float_operation = 1024;
export const MPD_Overflow = 2048;
export const MPD_Rounded = 4096;
export const MPD_Subnormal = 8192;
export const MPD_Underflow = 16384;
export const MPD_Max_status = 32767;
export const MPD_IEEE_Invalid_operation =
  MPD_Conversion_syntax | MPD_Division_impossible | MPD_Division_undefined | MPD_Fpu_error | MPD_Invalid_context |
  MPD_Invalid_operation | MPD_Malloc_error;

// rounding modes, in libmpdec's order
export const ROUND_UP = 0;
export const ROUND_DOWN = 1;
export const ROUND_CEILING = 2;
export const ROUND_FLOOR = 3;
export const ROUND_HALF_UP = 4;
export const ROUND_HALF_DOWN = 5;
export const ROUND_HALF_EVEN = 6;
export const ROUND_05UP = 7;

// limits of the 64-bit build
export const MAX_PREC = 999999999999999999n;
export const MAX_EMAX = 999999999999999999n;
export const MIN_EMIN = -999999999999999999n;
export const MIN_ETINY = MIN_EMIN - (MAX_PREC - 1n);

/** The kinds of value. */
export const FINITE = 0;
export const INF = 1;
export const NAN = 2;
export const SNAN = 3;

/** An immutable decimal number; for NaNs, coef is the payload. */
export class Dec {
  private nd = -1;
  constructor(
    readonly sign: number,
    readonly coef: bigint,
    readonly exp: number,
    readonly kind: number = FINITE,
  ) {}
  get digits(): number {
    if (this.nd < 0) this.nd = ndigits(this.coef);
    return this.nd;
  }
  /** The exponent of the most significant digit (spec: adjusted exponent). */
  get adj(): number {
    return this.exp + this.digits - 1;
  }
  isZero(): boolean {
    return this.kind === FINITE && this.coef === 0n;
  }
  isNaN(): boolean {
    return this.kind >= NAN;
  }
  isSpecial(): boolean {
    return this.kind !== FINITE;
  }
}

/** The arithmetic context (CPython: mpd_context_t). Exponent limits are JS numbers. */
export interface Ctx {
  prec: number;
  emax: number;
  emin: number;
  round: number;
  clamp: number;
}

export const etiny = (c: Ctx): number => c.emin - c.prec + 1;
export const etop = (c: Ctx): number => c.emax - c.prec + 1;

/** Status bits raised by the operations since the caller last cleared it. */
export const st = { f: 0 };

/** A context for exact intermediate results. */
export const MAXCTX: Ctx = { prec: 999999999999999999, emax: 999999999999999999, emin: -999999999999999999, round: ROUND_HALF_EVEN, clamp: 0 };

// --- digits and powers of ten ---------------------------------------------------------------------

const POW10: bigint[] = [1n];
for (let i = 1; i <= 400; i++) POW10.push(POW10[i - 1] * 10n);
export function pow10(n: number): bigint {
  if (n <= 400) return POW10[n];
  return 10n ** BigInt(n);
}

export function ndigits(c: bigint): number {
  if (c < 0n) c = -c;
  if (c < 1000000000000000n) {
    let n = 1;
    let x = Number(c);
    while (x >= 10) {
      x = Math.floor(x / 10);
      n++;
    }
    return n;
  }
  // estimate from the bit length, then correct
  const s = c.toString(16);
  const bits = (s.length - 1) * 4 + Math.floor(Math.log2(parseInt(s[0], 16))) + 1;
  let d = Math.floor((bits - 1) * 0.30102999566398120) + 1;
  if (c >= pow10(d)) d++;
  return d;
}

export const ONE = new Dec(0, 1n, 0);
export const ZERO = new Dec(0, 0n, 0);
export const finite = (sign: number, coef: bigint, exp: number): Dec => new Dec(sign, coef, exp);
export const inf = (sign: number): Dec => new Dec(sign, 0n, 0, INF);
export const qnan = (sign = 0, payload = 0n): Dec => new Dec(sign, payload, 0, NAN);
const NaNDec = new Dec(0, 0n, 0, NAN);

function invalid(): Dec {
  st.f |= MPD_Invalid_operation;
  return NaNDec;
}

// --- rounding and finalization (spec: "rounding", "overflow", "underflow") -----------------------

/** Whether a number ending in `q` with discarded `r` of `div` (r > 0) rounds away from zero. */
function roundsUp(q: bigint, r: bigint, div: bigint, mode: number, sign: number): boolean {
  switch (mode) {
    case ROUND_UP:
      return true;
    case ROUND_DOWN:
      return false;
    case ROUND_CEILING:
      return sign === 0;
    case ROUND_FLOOR:
      return sign === 1;
    case ROUND_05UP: {
      const d = q % 10n;
      return d === 0n || d === 5n;
    }
    default: {
      const twice = r * 2n;
      if (twice > div) return true;
      if (twice < div) return false;
      if (mode === ROUND_HALF_UP) return true;
      if (mode === ROUND_HALF_DOWN) return false;
      return (q & 1n) === 1n;
    }
  }
}

/** Drops `n` low digits of `c` (n > 0), rounding; sets `lastInexact`. */
export let lastInexact = false;
export function roundDrop(c: bigint, n: number, mode: number, sign: number): bigint {
  const div = pow10(n);
  const q = c / div;
  const r = c - q * div;
  if (r === 0n) {
    lastInexact = false;
    return q;
  }
  lastInexact = true;
  return roundsUp(q, r, div, mode, sign) ? q + 1n : q;
}

/** The overflowed result (spec: overflow): infinity or the largest finite number. */
function overflow(sign: number, ctx: Ctx): Dec {
  st.f |= MPD_Overflow | MPD_Inexact | MPD_Rounded;
  const m = ctx.round;
  if (m === ROUND_HALF_UP || m === ROUND_HALF_EVEN || m === ROUND_HALF_DOWN || m === ROUND_UP ||
    (m === ROUND_CEILING && sign === 0) || (m === ROUND_FLOOR && sign === 1)) return inf(sign);
  return finite(sign, pow10(ctx.prec) - 1n, etop(ctx));
}

/** Keeps a NaN payload within prec - clamp digits (CPython: _mpd_fix_nan). */
function fixNaN(x: Dec, ctx: Ctx): Dec {
  if (x.coef === 0n) return x;
  const keep = ctx.prec - ctx.clamp;
  if (x.digits <= keep) return x;
  const p = keep <= 0 ? 0n : x.coef % pow10(keep);
  return new Dec(x.sign, p, 0, x.kind);
}

/** Rounds an exact result to the context and applies the exponent limits (CPython: mpd_qfinalize). */
export function finalize(x: Dec, ctx: Ctx): Dec {
  if (x.kind !== FINITE) return x.kind === INF ? x : fixNaN(x, ctx);
  const tiny = etiny(ctx);
  const top = etop(ctx);
  if (x.coef === 0n) {
    const emaxAllowed = ctx.clamp ? top : ctx.emax;
    let e = x.exp;
    if (e < tiny) e = tiny;
    else if (e > emaxAllowed) e = emaxAllowed;
    if (e !== x.exp) {
      st.f |= MPD_Clamped;
      return finite(x.sign, 0n, e);
    }
    return x;
  }
  const nd = x.digits;
  let expMin = nd + x.exp - ctx.prec;
  if (expMin > top) return overflow(x.sign, ctx);
  const subnormal = expMin < tiny;
  if (subnormal) expMin = tiny;
  if (x.exp < expMin) {
    const drop = expMin - x.exp;
    let c: bigint;
    let inexact: boolean;
    if (drop > nd + 1) {
      // everything is below the rounding digit: round a sticky digit
      c = roundsUp(0n, 1n, 10n, ctx.round, x.sign) ? 1n : 0n;
      inexact = true;
    } else {
      c = roundDrop(x.coef, drop, ctx.round, x.sign);
      inexact = lastInexact;
    }
    let e = expMin;
    if (c !== 0n && ndigits(c) > ctx.prec) {
      // a carry gave prec + 1 digits
      c /= 10n;
      e++;
      if (e > top) return overflow(x.sign, ctx);
    }
    st.f |= MPD_Rounded;
    if (inexact) st.f |= MPD_Inexact;
    if (subnormal) {
      st.f |= MPD_Subnormal;
      if (inexact) {
        st.f |= MPD_Underflow;
        if (c === 0n) st.f |= MPD_Clamped;
      }
    }
    return finite(x.sign, c, e);
  }
  if (subnormal || x.adj < ctx.emin) st.f |= MPD_Subnormal;
  if (ctx.clamp && x.exp > top) {
    st.f |= MPD_Clamped;
    return finite(x.sign, x.coef * pow10(x.exp - top), top);
  }
  return x;
}

// --- NaN propagation ---------------------------------------------------------------------------------

/** The result of an operation with NaN operands, or null when there are none (spec: NaN rules). */
export function nanResult(a: Dec, b: Dec | null, ctx: Ctx, c: Dec | null = null): Dec | null {
  const ka = a.kind, kb = b ? b.kind : 0, kc = c ? c.kind : 0;
  if (ka < NAN && kb < NAN && kc < NAN) return null;
  let r: Dec;
  if (ka === SNAN) r = a;
  else if (kb === SNAN) r = b!;
  else if (kc === SNAN) r = c!;
  else if (ka === NAN) r = a;
  else if (kb === NAN) r = b!;
  else r = c!;
  if (r.kind === SNAN) {
    st.f |= MPD_Invalid_operation;
    r = new Dec(r.sign, r.coef, 0, NAN);
  }
  return fixNaN(r, ctx);
}

// --- comparison ---------------------------------------------------------------------------------------

/** Compares two non-NaN numbers: -1, 0 or 1. */
export function cmp(a: Dec, b: Dec): number {
  if (a.kind === INF || b.kind === INF) {
    const va = a.kind === INF ? (a.sign ? -1 : 1) : 0;
    const vb = b.kind === INF ? (b.sign ? -1 : 1) : 0;
    if (va !== vb) return va < vb ? -1 : 1;
    if (va !== 0) return 0;
    // one is infinite, one finite
    return a.kind === INF ? va : -vb;
  }
  const za = a.coef === 0n, zb = b.coef === 0n;
  if (za && zb) return 0;
  if (za) return b.sign ? 1 : -1;
  if (zb) return a.sign ? -1 : 1;
  if (a.sign !== b.sign) return a.sign ? -1 : 1;
  const s = a.sign ? -1 : 1;
  const r = cmpAbs(a, b);
  return r * s;
}

/** Compares the magnitudes of two nonzero finite numbers. */
function cmpAbs(a: Dec, b: Dec): number {
  const aa = a.adj, ab = b.adj;
  if (aa !== ab) return aa < ab ? -1 : 1;
  let ca = a.coef, cb = b.coef;
  if (a.exp > b.exp) ca *= pow10(a.exp - b.exp);
  else if (b.exp > a.exp) cb *= pow10(b.exp - a.exp);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

/** Magnitude comparison of non-NaN numbers, zeros included. */
export function cmpMag(a: Dec, b: Dec): number {
  return cmp(copyAbs(a), copyAbs(b));
}

export function compare(a: Dec, b: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, b, ctx);
  if (n) return n;
  const r = cmp(a, b);
  return r === 0 ? ZERO : r < 0 ? new Dec(1, 1n, 0) : ONE;
}

export function compareSignal(a: Dec, b: Dec, ctx: Ctx): Dec {
  if (a.isNaN() || b.isNaN()) {
    st.f |= MPD_Invalid_operation;
    const n = nanResult(a, b, ctx)!;
    return n;
  }
  return compare(a, b, ctx);
}

/** The total ordering (spec: compare-total), as -1, 0, 1. */
export function cmpTotal(a: Dec, b: Dec): number {
  if (a.sign !== b.sign) return a.sign ? -1 : 1;
  const s = a.sign ? -1 : 1;
  return s * cmpTotalMag(a, b);
}

export function cmpTotalMag(a: Dec, b: Dec): number {
  const ra = a.kind === FINITE ? 0 : a.kind === INF ? 1 : a.kind === SNAN ? 2 : 3;
  const rb = b.kind === FINITE ? 0 : b.kind === INF ? 1 : b.kind === SNAN ? 2 : 3;
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (ra >= 2) return a.coef < b.coef ? -1 : a.coef > b.coef ? 1 : 0;
  if (ra === 1) return 0;
  const c = cmpMag(a, b);
  if (c !== 0) return c;
  return a.exp < b.exp ? -1 : a.exp > b.exp ? 1 : 0;
}

// --- copies and signs ----------------------------------------------------------------------------------

export const copyAbs = (a: Dec): Dec => (a.sign ? new Dec(0, a.coef, a.exp, a.kind) : a);
export const copyNegate = (a: Dec): Dec => new Dec(a.sign ^ 1, a.coef, a.exp, a.kind);
export const copySign = (a: Dec, b: Dec): Dec => (a.sign === b.sign ? a : new Dec(b.sign, a.coef, a.exp, a.kind));

export function plus(a: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, null, ctx);
  if (n) return n;
  // plus is 0 + a: -0 becomes +0 except when rounding to floor
  if (a.isZero() && a.sign) return finalize(finite(ctx.round === ROUND_FLOOR ? 1 : 0, 0n, a.exp), ctx);
  return finalize(a, ctx);
}

export function minus(a: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, null, ctx);
  if (n) return n;
  // minus is 0 - a
  if (a.isZero()) return finalize(finite(a.sign === 0 && ctx.round === ROUND_FLOOR ? 1 : 0, 0n, a.exp), ctx);
  return finalize(copyNegate(a), ctx);
}

export function abs(a: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, null, ctx);
  if (n) return n;
  return finalize(copyAbs(a), ctx);
}

// --- addition and multiplication --------------------------------------------------------------------

export function add(a: Dec, b: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, b, ctx);
  if (n) return n;
  if (a.kind === INF) {
    if (b.kind === INF && a.sign !== b.sign) return invalid();
    return a;
  }
  if (b.kind === INF) return b;
  return finalize(addExact(a, b, ctx), ctx);
}

export function subtract(a: Dec, b: Dec, ctx: Ctx): Dec {
  // the sign of a NaN operand is kept
  return add(a, b.isNaN() ? b : copyNegate(b), ctx);
}

/** The sum of two finite numbers, exact where it matters for rounding to ctx. */
function addExact(a: Dec, b: Dec, ctx: Ctx): Dec {
  const exp = Math.min(a.exp, b.exp);
  const za = a.coef === 0n, zb = b.coef === 0n;
  if (za && zb) {
    const sign = a.sign === b.sign ? a.sign : ctx.round === ROUND_FLOOR ? 1 : 0;
    return finite(sign, 0n, exp);
  }
  if (za || zb) {
    // x + 0: x padded down to the smaller exponent, but no further than rounding can see
    const x = za ? b : a;
    const z = za ? a : b;
    let e = Math.max(exp, x.exp - ctx.prec - 1);
    if (z.exp > e) e = Math.min(x.exp, Math.max(e, z.exp));
    if (e >= x.exp) return x;
    return finite(x.sign, x.coef * pow10(x.exp - e), e);
  }
  // order so that hi has the larger exponent
  let hi = a, lo = b;
  if (hi.exp < lo.exp) {
    hi = b;
    lo = a;
  }
  let loCoef = lo.coef, loExp = lo.exp;
  // an operand entirely below the rounding position acts as a sticky digit
  const limit = hi.exp + Math.min(-1, hi.digits - ctx.prec - 2);
  if (lo.adj < limit) {
    loCoef = 1n;
    loExp = limit;
  }
  const hiCoef = hi.coef * pow10(hi.exp - loExp);
  let sum: bigint;
  let sign: number;
  if (hi.sign === lo.sign) {
    sum = hiCoef + loCoef;
    sign = hi.sign;
  } else {
    sum = hi.sign ? loCoef - hiCoef : hiCoef - loCoef;
    sign = 0;
    if (sum < 0n) {
      sum = -sum;
      sign = 1;
    } else if (sum === 0n) sign = ctx.round === ROUND_FLOOR ? 1 : 0;
  }
  return finite(sign, sum, loExp);
}

export function multiply(a: Dec, b: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, b, ctx);
  if (n) return n;
  const sign = a.sign ^ b.sign;
  if (a.kind === INF || b.kind === INF) {
    if (a.isZero() || b.isZero()) return invalid();
    return inf(sign);
  }
  return finalize(finite(sign, a.coef * b.coef, a.exp + b.exp), ctx);
}

export function fma(a: Dec, b: Dec, c: Dec, ctx: Ctx): Dec {
  const n = a.isNaN() || b.isNaN();
  const sign = a.sign ^ b.sign;
  let p: Dec;
  // an invalid product comes before the NaN rules for the three operands
  if (!n && (a.kind === INF || b.kind === INF) && (a.isZero() || b.isZero())) return invalid();
  const n3 = nanResult(a, b, ctx, c);
  if (n3) return n3;
  if (a.kind === INF || b.kind === INF) {
    p = inf(sign);
  } else p = finite(sign, a.coef * b.coef, a.exp + b.exp);
  return add(p, c, ctx);
}

// --- division -----------------------------------------------------------------------------------------

export function divide(a: Dec, b: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, b, ctx);
  if (n) return n;
  const sign = a.sign ^ b.sign;
  if (a.kind === INF) {
    if (b.kind === INF) return invalid();
    return inf(sign);
  }
  if (b.kind === INF) {
    st.f |= MPD_Clamped;
    return finite(sign, 0n, etiny(ctx));
  }
  if (b.coef === 0n) {
    if (a.coef === 0n) {
      st.f |= MPD_Division_undefined;
      return NaNDec;
    }
    st.f |= MPD_Division_by_zero;
    return inf(sign);
  }
  const ideal = a.exp - b.exp;
  if (a.coef === 0n) return finalize(finite(sign, 0n, ideal), ctx);
  const shift = b.digits - a.digits + ctx.prec + 1;
  let exp = ideal - shift;
  let q: bigint, r: bigint;
  if (shift >= 0) {
    const num = a.coef * pow10(shift);
    q = num / b.coef;
    r = num - q * b.coef;
  } else {
    const den = b.coef * pow10(-shift);
    q = a.coef / den;
    r = a.coef - q * den;
  }
  if (r !== 0n) {
    // a sticky digit for the rounding
    if (q % 5n === 0n) q += 1n;
  } else {
    while (exp < ideal && q % 10n === 0n) {
      q /= 10n;
      exp++;
    }
  }
  return finalize(finite(sign, q, exp), ctx);
}

/** The integer quotient and remainder (spec: divide-integer, remainder). */
function divRem(a: Dec, b: Dec, ctx: Ctx): [Dec, Dec] | null {
  const sign = a.sign ^ b.sign;
  const expr = Math.min(a.exp, b.exp);
  if (a.coef === 0n) return [finite(sign, 0n, 0), finite(a.sign, 0n, expr)];
  const diff = a.adj - b.adj;
  if (diff <= -2) {
    // |a| < |b|: quotient zero
    return [finite(sign, 0n, 0), finite(a.sign, a.coef * pow10(a.exp - expr), expr)];
  }
  if (diff > ctx.prec) {
    return null;
  }
  let ca = a.coef, cb = b.coef;
  if (a.exp > b.exp) ca *= pow10(a.exp - b.exp);
  else cb *= pow10(b.exp - a.exp);
  const q = ca / cb;
  const r = ca - q * cb;
  if (ndigits(q) > ctx.prec) return null;
  return [finite(sign, q, 0), finite(a.sign, r, expr)];
}

export function divideInt(a: Dec, b: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, b, ctx);
  if (n) return n;
  const sign = a.sign ^ b.sign;
  if (a.kind === INF) {
    if (b.kind === INF) return invalid();
    return inf(sign);
  }
  if (b.kind === INF) return finite(sign, 0n, 0);
  if (b.coef === 0n) {
    if (a.coef === 0n) {
      st.f |= MPD_Division_undefined;
      return NaNDec;
    }
    st.f |= MPD_Division_by_zero;
    return inf(sign);
  }
  const qr = divRem(a, b, ctx);
  if (qr === null) {
    st.f |= MPD_Division_impossible;
    return NaNDec;
  }
  return finalize(qr[0], ctx);
}

export function remainder(a: Dec, b: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, b, ctx);
  if (n) return n;
  if (a.kind === INF) return invalid();
  if (b.kind === INF) return finalize(a, ctx);
  if (b.coef === 0n) {
    if (a.coef === 0n) st.f |= MPD_Division_undefined;
    else st.f |= MPD_Invalid_operation;
    return NaNDec;
  }
  const qr = divRem(a, b, ctx);
  if (qr === null) {
    st.f |= MPD_Division_impossible;
    return NaNDec;
  }
  return finalize(qr[1], ctx);
}

/** divmod for Python: both results, or null with the status set. */
export function divmod(a: Dec, b: Dec, ctx: Ctx): [Dec, Dec] {
  const n = nanResult(a, b, ctx);
  if (n) return [n, n];
  const sign = a.sign ^ b.sign;
  if (a.kind === INF) {
    if (b.kind === INF) {
      const r = invalid();
      return [r, r];
    }
    const r = invalid();
    return [inf(sign), r];
  }
  if (b.kind === INF) return [finite(sign, 0n, 0), finalize(a, ctx)];
  if (b.coef === 0n) {
    if (a.coef === 0n) {
      st.f |= MPD_Division_undefined;
      return [NaNDec, NaNDec];
    }
    st.f |= MPD_Division_by_zero | MPD_Invalid_operation;
    return [inf(sign), NaNDec];
  }
  const qr = divRem(a, b, ctx);
  if (qr === null) {
    st.f |= MPD_Division_impossible;
    return [NaNDec, NaNDec];
  }
  return [finalize(qr[0], ctx), finalize(qr[1], ctx)];
}

export function remainderNear(a: Dec, b: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, b, ctx);
  if (n) return n;
  if (a.kind === INF) return invalid();
  if (b.kind === INF) return finalize(a, ctx);
  if (b.coef === 0n) {
    if (a.coef === 0n) st.f |= MPD_Division_undefined;
    else st.f |= MPD_Invalid_operation;
    return NaNDec;
  }
  const expr = Math.min(a.exp, b.exp);
  if (a.coef === 0n) return finalize(finite(a.sign, 0n, expr), ctx);
  let ca = a.coef, cb = b.coef;
  if (a.adj - b.adj <= -2) {
    // |a| < |b| / 10: the nearest integer quotient is zero
    return finalize(finite(a.sign, a.coef * pow10(a.exp - expr), expr), ctx);
  }
  if (a.adj - b.adj > ctx.prec) {
    st.f |= MPD_Division_impossible;
    return NaNDec;
  }
  if (a.exp > b.exp) ca *= pow10(a.exp - b.exp);
  else cb *= pow10(b.exp - a.exp);
  let q = ca / cb;
  let r = ca - q * cb;
  // round the quotient to nearest, ties to even
  const twice = 2n * r;
  if (twice > cb || (twice === cb && (q & 1n) === 1n)) {
    r = cb - r;
    q += 1n;
    if (ndigits(q) > ctx.prec) {
      st.f |= MPD_Division_impossible;
      return NaNDec;
    }
    return finalize(finite(a.sign ^ 1, r, expr), ctx);
  }
  if (ndigits(q) > ctx.prec) {
    st.f |= MPD_Division_impossible;
    return NaNDec;
  }
  return finalize(finite(a.sign, r, expr), ctx);
}

// --- exponent manipulation ---------------------------------------------------------------------------

/** x with exponent e, rounding (spec: rescale, without the range checks). */
export function rescale(x: Dec, e: number, mode: number): Dec {
  if (x.kind !== FINITE) return x;
  if (x.coef === 0n) return finite(x.sign, 0n, e);
  if (e <= x.exp) {
    lastInexact = false;
    return finite(x.sign, x.coef * pow10(x.exp - e), e);
  }
  const drop = e - x.exp;
  let c: bigint;
  if (drop > x.digits + 1) {
    c = roundsUp(0n, 1n, 10n, mode, x.sign) ? 1n : 0n;
    lastInexact = true;
  } else c = roundDrop(x.coef, drop, mode, x.sign);
  return finite(x.sign, c, e);
}

export function quantize(a: Dec, b: Dec, ctx: Ctx, mode = ctx.round): Dec {
  const n = nanResult(a, b, ctx);
  if (n) return n;
  if (a.kind === INF || b.kind === INF) {
    if (a.kind === INF && b.kind === INF) return a;
    return invalid();
  }
  const e = b.exp;
  if (e > ctx.emax || e < etiny(ctx)) return invalid();
  if (a.coef === 0n) return finalize(finite(a.sign, 0n, e), ctx);
  if (a.adj - e + 1 > ctx.prec) return invalid();
  const r = rescale(a, e, mode);
  const inexact = e > a.exp && lastInexact;
  if (r.coef !== 0n && (r.digits > ctx.prec || r.adj > ctx.emax || r.adj < etiny(ctx))) return invalid();
  if (e > a.exp) {
    st.f |= MPD_Rounded;
    if (inexact) st.f |= MPD_Inexact;
  }
  return finalize(r, ctx);
}

export function sameQuantum(a: Dec, b: Dec): boolean {
  if (a.isNaN() || b.isNaN()) return a.isNaN() && b.isNaN();
  if (a.kind === INF || b.kind === INF) return a.kind === INF && b.kind === INF;
  return a.exp === b.exp;
}

/** round-to-integral-value (exact=false) and -exact (exact=true). */
export function toIntegral(a: Dec, ctx: Ctx, mode: number, exact: boolean): Dec {
  const n = nanResult(a, null, ctx);
  if (n) return n;
  if (a.kind === INF || a.exp >= 0) return a;
  const r = rescale(a, 0, mode);
  if (exact) {
    if (a.coef !== 0n) st.f |= MPD_Rounded;
    if (lastInexact && a.coef !== 0n) st.f |= MPD_Inexact;
  }
  return r;
}

export function normalize(a: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, null, ctx);
  if (n) return n;
  if (a.kind === INF) return a;
  const r = finalize(a, ctx);
  if (r.kind !== FINITE) return r;
  if (r.coef === 0n) return finite(r.sign, 0n, 0);
  const emaxAllowed = ctx.clamp ? etop(ctx) : ctx.emax;
  let c = r.coef, e = r.exp;
  while (e < emaxAllowed && c % 10n === 0n) {
    c /= 10n;
    e++;
  }
  return finite(r.sign, c, e);
}

/** Strips trailing zeros without rounding (CPython: mpd_qreduce with no limit; used by Decimal.__round__ etc.). */
export function stripZeros(a: Dec): Dec {
  if (a.kind !== FINITE || a.coef === 0n) return a;
  let c = a.coef, e = a.exp;
  while (c % 10n === 0n) {
    c /= 10n;
    e++;
  }
  return finite(a.sign, c, e);
}

export function logb(a: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, null, ctx);
  if (n) return n;
  if (a.kind === INF) return inf(0);
  if (a.coef === 0n) {
    st.f |= MPD_Division_by_zero;
    return inf(1);
  }
  return finalize(fromInt(BigInt(a.adj)), ctx);
}

/** An integral operand with exponent 0, as a JS number, or null (for scaleb, shift, rotate). */
function intArg(b: Dec): number | null {
  if (b.kind !== FINITE || b.exp !== 0) return null;
  if (b.digits > 18) return null;
  const v = Number(b.coef);
  return b.sign ? -v : v;
}

export function scaleb(a: Dec, b: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, b, ctx);
  if (n) return n;
  const k = intArg(b);
  const lim = 2 * (ctx.emax + ctx.prec);
  if (k === null || k > lim || k < -lim) return invalid();
  if (a.kind === INF) return a;
  return finalize(finite(a.sign, a.coef, a.exp + k), ctx);
}

export function shift(a: Dec, b: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, b, ctx);
  if (n) return n;
  const k = intArg(b);
  if (k === null || k > ctx.prec || k < -ctx.prec) return invalid();
  if (a.kind === INF) return a;
  let c = a.digits > ctx.prec ? a.coef % pow10(ctx.prec) : a.coef;
  if (k > 0) {
    c *= pow10(k);
    if (ndigits(c) > ctx.prec) c %= pow10(ctx.prec);
  }
  else if (k < 0) c = c / pow10(-k);
  return finite(a.sign, c, a.exp);
}

export function rotate(a: Dec, b: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, b, ctx);
  if (n) return n;
  const k = intArg(b);
  if (k === null || k > ctx.prec || k < -ctx.prec) return invalid();
  if (a.kind === INF) return a;
  const p = ctx.prec;
  const c = a.digits > p ? a.coef % pow10(p) : a.coef;
  const r = k < 0 ? p + k : k;
  if (r === 0 || r === p) return finite(a.sign, c, a.exp);
  const hi = c / pow10(p - r);
  const lo = c % pow10(p - r);
  return finite(a.sign, lo * pow10(r) + hi, a.exp);
}

// --- logical operations --------------------------------------------------------------------------------

function logicalDigits(a: Dec): string | null {
  if (a.kind !== FINITE || a.sign || a.exp !== 0) return null;
  const s = a.coef.toString();
  for (let i = 0; i < s.length; i++) if (s[i] !== "0" && s[i] !== "1") return null;
  return s;
}

function logical(a: Dec, b: Dec | null, ctx: Ctx, op: (x: boolean, y: boolean) => boolean): Dec {
  const sa = logicalDigits(a);
  const sb = b === null ? "0" : logicalDigits(b);
  if (sa === null || sb === null) return invalid();
  const p = ctx.prec;
  const pa = sa.length > p ? sa.slice(sa.length - p) : sa.padStart(p, "0");
  const pb = sb.length > p ? sb.slice(sb.length - p) : sb.padStart(p, "0");
  let out = "";
  for (let i = 0; i < p; i++) out += op(pa[i] === "1", pb[i] === "1") ? "1" : "0";
  return finite(0, BigInt(out), 0);
}

export const logicalAnd = (a: Dec, b: Dec, ctx: Ctx): Dec => logical(a, b, ctx, (x, y) => x && y);
export const logicalOr = (a: Dec, b: Dec, ctx: Ctx): Dec => logical(a, b, ctx, (x, y) => x || y);
export const logicalXor = (a: Dec, b: Dec, ctx: Ctx): Dec => logical(a, b, ctx, (x, y) => x !== y);
export const logicalInvert = (a: Dec, ctx: Ctx): Dec => logical(a, null, ctx, (x) => !x);

// --- max, min, next ------------------------------------------------------------------------------------

function minmax(a: Dec, b: Dec, ctx: Ctx, wantMax: boolean, mag: boolean): Dec {
  if (a.isNaN() || b.isNaN()) {
    // a single quiet NaN loses against a number
    if (a.kind === NAN && !b.isNaN()) return finalize(b, ctx);
    if (b.kind === NAN && !a.isNaN()) return finalize(a, ctx);
    return nanResult(a, b, ctx)!;
  }
  let c = mag ? cmpMag(a, b) : 0;
  if (c === 0) c = cmp(a, b);
  if (c === 0) c = cmpTotal(a, b);
  const pick = wantMax ? (c >= 0 ? a : b) : c <= 0 ? a : b;
  return finalize(pick, ctx);
}

export const max = (a: Dec, b: Dec, ctx: Ctx): Dec => minmax(a, b, ctx, true, false);
export const min = (a: Dec, b: Dec, ctx: Ctx): Dec => minmax(a, b, ctx, false, false);
export const maxMag = (a: Dec, b: Dec, ctx: Ctx): Dec => minmax(a, b, ctx, true, true);
export const minMag = (a: Dec, b: Dec, ctx: Ctx): Dec => minmax(a, b, ctx, false, true);

/** The largest finite number of the context. */
const maxFinite = (sign: number, ctx: Ctx): Dec => finite(sign, pow10(ctx.prec) - 1n, etop(ctx));

export function nextPlus(a: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, null, ctx);
  if (n) return n;
  if (a.kind === INF) return a.sign ? maxFinite(1, ctx) : a;
  return nextToward0(a, ctx, 0);
}

export function nextMinus(a: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, null, ctx);
  if (n) return n;
  if (a.kind === INF) return a.sign ? a : maxFinite(0, ctx);
  return nextToward0(a, ctx, 1);
}

/** The next number above (dir 0) or below (dir 1) a finite a. */
function nextToward0(a: Dec, ctx: Ctx, dir: number): Dec {
  const tiny = etiny(ctx);
  const saved = st.f;
  // add a tiny amount in the wanted direction and round toward it
  const e = Math.min(tiny - 1, a.exp - 1, a.adj - ctx.prec - 1);
  const tinyDec = finite(dir, 1n, e);
  const c: Ctx = { ...ctx, round: dir ? ROUND_FLOOR : ROUND_CEILING };
  const r = add(a, tinyDec, c);
  st.f = saved;
  return r;
}

export function nextToward(a: Dec, b: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, b, ctx);
  if (n) return n;
  const c = cmp(a, b);
  if (c === 0) return copySign(a, b);
  const r = c < 0 ? nextPlus(a, ctx) : nextMinus(a, ctx);
  if (r.kind === INF) {
    st.f |= MPD_Overflow | MPD_Inexact | MPD_Rounded;
  } else if (r.kind === FINITE && r.adj < ctx.emin) {
    st.f |= MPD_Underflow | MPD_Subnormal | MPD_Inexact | MPD_Rounded;
    if (r.coef === 0n) st.f |= MPD_Clamped;
  } else if (r.kind === FINITE && a.kind === FINITE && r.coef === maxFinite(0, ctx).coef && r.exp === etop(ctx) && a.kind === FINITE && cmpMag(a, r) > 0) {
    // stepping down from beyond the largest finite number
  }
  return r;
}

// --- classification ------------------------------------------------------------------------------------

export function isNormal(a: Dec, ctx: Ctx): boolean {
  return a.kind === FINITE && a.coef !== 0n && a.adj >= ctx.emin;
}
export function isSubnormal(a: Dec, ctx: Ctx): boolean {
  return a.kind === FINITE && a.coef !== 0n && a.adj < ctx.emin;
}

export function numberClass(a: Dec, ctx: Ctx): string {
  if (a.kind === SNAN) return "sNaN";
  if (a.kind === NAN) return "NaN";
  const s = a.sign ? "-" : "+";
  if (a.kind === INF) return s + "Infinity";
  if (a.coef === 0n) return s + "Zero";
  return s + (a.adj < ctx.emin ? "Subnormal" : "Normal");
}

// --- conversions ---------------------------------------------------------------------------------------

export function fromInt(v: bigint): Dec {
  return v < 0n ? finite(1, -v, 0) : finite(0, v, 0);
}

/** The decimal string of a number (spec: to-scientific-string, to-engineering-string). */
export function toString(a: Dec, eng: boolean, capitals: boolean): string {
  const sign = a.sign ? "-" : "";
  if (a.kind === INF) return sign + "Infinity";
  if (a.kind >= NAN) return sign + (a.kind === SNAN ? "sNaN" : "NaN") + (a.coef === 0n ? "" : a.coef.toString());
  const digits = a.coef.toString();
  const n = digits.length;
  const exp = a.exp;
  const adj = exp + n - 1;
  if (exp <= 0 && adj >= -6) {
    if (exp === 0) return sign + digits;
    const point = n + exp;
    if (point > 0) return sign + digits.slice(0, point) + "." + digits.slice(point);
    return sign + "0." + "0".repeat(-point) + digits;
  }
  let dot = 1;
  let e = adj;
  let body = digits;
  if (eng) {
    if (a.coef === 0n) {
      // zero: the exponent becomes a multiple of three by adding zeros after the point
      const r = ((adj % 3) + 3) % 3;
      if (r === 0) dot = 1;
      else {
        e = adj + 3 - r;
        dot = -(2 - r);
        // "0.00E+3" style
        const zeros = 3 - r;
        const lead = "0." + "0".repeat(zeros);
        return sign + lead + (e === 0 ? "" : (capitals ? "E" : "e") + (e > 0 ? "+" : "") + e);
      }
    } else {
      const r = ((adj % 3) + 3) % 3;
      dot = 1 + r;
      e = adj - r;
      if (dot > n) body = digits + "0".repeat(dot - n);
    }
  }
  const intPart = body.slice(0, dot);
  const frac = body.slice(dot);
  const mant = frac.length ? intPart + "." + frac : intPart;
  if (e === 0) return sign + mant;
  return sign + mant + (capitals ? "E" : "e") + (e > 0 ? "+" : "") + e;
}

/**
 * Parses a number string (spec: to-number). Returns null on a syntax error; payloads that are too
 * long for the context are the caller's concern (see `fromString`).
 */
export function parse(s: string): Dec | null {
  let i = 0;
  const n = s.length;
  let sign = 0;
  if (s[0] === "+" || s[0] === "-") {
    sign = s[0] === "-" ? 1 : 0;
    i = 1;
  }
  const rest = s.slice(i).toLowerCase();
  if (rest === "inf" || rest === "infinity") return inf(sign);
  if (rest.startsWith("nan") || rest.startsWith("snan")) {
    const sn = rest[0] === "s";
    const p = rest.slice(sn ? 4 : 3);
    if (p.length && !/^[0-9]+$/.test(p)) return null;
    return new Dec(sign, p.length ? BigInt(p) : 0n, 0, sn ? SNAN : NAN);
  }
  let intDigits = "";
  let fracDigits = "";
  while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) intDigits += s[i++];
  if (i < n && s[i] === ".") {
    i++;
    while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) fracDigits += s[i++];
  }
  if (intDigits.length === 0 && fracDigits.length === 0) return null;
  let exp = 0;
  if (i < n && (s[i] === "e" || s[i] === "E")) {
    i++;
    let esign = 1;
    if (s[i] === "+" || s[i] === "-") {
      if (s[i] === "-") esign = -1;
      i++;
    }
    const start = i;
    while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === start) return null;
    const es = s.slice(start, i).replace(/^0+/, "");
    // exponents beyond any context saturate (CPython: libmpdec's exponent overflow handling)
    exp = es.length > 19 ? esign * 1e19 : esign * Number(es);
  }
  if (i !== n) return null;
  const digits = intDigits + fracDigits;
  return finite(sign, BigInt(digits), exp - fracDigits.length);
}

/** The exact value of a double (CPython: PyDecType_FromFloatExact). */
export function fromDouble(x: number): Dec {
  if (Number.isNaN(x)) {
    // the sign of a NaN is kept
    const buf = new DataView(new ArrayBuffer(8));
    buf.setFloat64(0, x);
    return qnan(buf.getUint8(0) >> 7);
  }
  const sign = x < 0 || Object.is(x, -0) ? 1 : 0;
  if (!Number.isFinite(x)) return inf(sign);
  x = Math.abs(x);
  if (x === 0) return finite(sign, 0n, 0);
  // x = m * 2**e exactly
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0), lo = buf.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = bexp - 1075;
  }
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  if (e >= 0) return finite(sign, m << BigInt(e), 0);
  // m / 2**k = m * 5**k / 10**k
  return finite(sign, m * 5n ** BigInt(-e), e);
}
