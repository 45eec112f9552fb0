// CPython: Modules/_decimal/libmpdec/mpdecimal.c — square root, exp, ln, log10 and power. exp, ln and
// log10 are correctly rounded (libmpdec's allcr mode, always round-half-even): an approximation with
// an error bound is computed in bigint fixed point and widened until both ends of the bound round
// alike (Ziv's strategy). power follows libmpdec's algorithm so that its results match CPython's.
import {
  Dec, type Ctx, st, finite, inf, ONE, ZERO, nanResult, finalize, pow10, ndigits, roundDrop, etiny,
  multiply, divide, subtract, cmp, copyAbs,
  FINITE, INF, ROUND_HALF_EVEN, MPD_Inexact, MPD_Rounded, MPD_Subnormal, MPD_Underflow, MPD_Clamped,
  MPD_Invalid_operation, MPD_IEEE_Invalid_operation, MPD_Division_by_zero, MAXCTX,
} from "./mpdecimal.js";

const MPD_Errors = MPD_IEEE_Invalid_operation | MPD_Division_by_zero;
const EXP_INF = 2000000000000000001;

function invalid(): Dec {
  st.f |= MPD_Invalid_operation;
  return new Dec(0, 0n, 0, 2);
}

// --- fixed-point constants ------------------------------------------------------------------------

/** atanh(1/k) * 10**w, truncated (error < 1). */
function atanhInv(k: bigint, w: number): bigint {
  const g = w + 6;
  const S = pow10(g);
  const k2 = k * k;
  let term = S / k;
  let sum = term;
  for (let n = 3n; term !== 0n; n += 2n) {
    term /= k2;
    sum += term / n;
  }
  return sum / pow10(6);
}

let ln2Cache: [number, bigint] = [0, 0n];
let ln10Cache: [number, bigint] = [0, 0n];
function ln2(w: number): bigint {
  if (ln2Cache[0] < w) ln2Cache = [w + 20, 2n * atanhInv(3n, w + 20)];
  return ln2Cache[1] / pow10(ln2Cache[0] - w);
}
function ln10(w: number): bigint {
  if (ln10Cache[0] < w) {
    const g = w + 20;
    // ln 10 = 3 ln 2 + ln(5/4), ln(5/4) = 2 atanh(1/9)
    ln10Cache = [g, 3n * ln2(g) + 2n * atanhInv(9n, g)];
  }
  return ln10Cache[1] / pow10(ln10Cache[0] - w);
}

/** x * 10**g as a truncated bigint. */
function scaled(x: Dec, g: number): bigint {
  const s = x.exp + g;
  const c = s >= 0 ? x.coef * pow10(s) : x.coef / pow10(-s);
  return x.sign ? -c : c;
}

// --- correct rounding --------------------------------------------------------------------------------

/** An approximation: |value| is within err * 10**E of M * 10**E. */
type Approx = [bigint, number, bigint];

/**
 * Rounds an approximation to ctx if both ends of its error bound round alike (or when forced);
 * sets the flags of an inexact result.
 */
function tryRound(sign: number, ap: Approx, ctx: Ctx, force: boolean): Dec | null {
  const [M, E, err] = ap;
  const lo = M - err, hi = M + err;
  if (lo <= 0n && !force) return null;
  const tiny = etiny(ctx);
  const tOf = (c: bigint) => Math.max(E + ndigits(c) - ctx.prec, tiny);
  const t = tOf(hi);
  if (!force && tOf(lo) !== t) return null;
  if (t <= E) {
    if (!force) return null;
    return finalize(finite(sign, M, E), ctx);
  }
  const drop = t - E;
  const mode = ctx.round;
  let q: bigint;
  if (force) q = roundDrop(M, drop, mode, sign);
  else {
    q = roundDrop(hi, drop, mode, sign);
    if (roundDrop(lo, drop, mode, sign) !== q) return null;
  }
  let e = t;
  if (q !== 0n && ndigits(q) > ctx.prec) {
    q /= 10n;
    e++;
  }
  if (e > ctx.emax - ctx.prec + 1) return finalize(finite(sign, M, E), ctx);
  st.f |= MPD_Inexact | MPD_Rounded;
  const r = finite(sign, q, e);
  if (q === 0n || r.adj < ctx.emin) {
    st.f |= MPD_Subnormal | MPD_Underflow;
    if (q === 0n) st.f |= MPD_Clamped;
  }
  return finalize(r, ctx);
}

function ziv(sign: number, f: (w: number) => Approx, ctx: Ctx, w0: number): Dec {
  const c: Ctx = { ...ctx, round: ROUND_HALF_EVEN };
  let w = w0;
  for (let i = 0; ; i++) {
    const r = tryRound(sign, f(w), c, i >= 5);
    if (r) return r;
    w += w;
  }
}

// --- exp -----------------------------------------------------------------------------------------------

function expApprox(x: Dec, w: number): Approx {
  const g = w + 10;
  const X = scaled(x, g);
  // x = n ln 10 + r with 0 <= r < ln 10
  const G2 = g + 22;
  const L = ln10(G2);
  const X2 = X * pow10(22);
  let n = X2 / L;
  if (X2 - n * L < 0n) n -= 1n;
  const r = (X2 - n * L) / pow10(22);
  const S = pow10(g);
  // exp(r / 256) by its series, then squared eight times
  const r2 = r >> 8n;
  let sum = S;
  let term = S;
  let terms = 0;
  for (let i = 1n; term !== 0n; i++) {
    term = (term * r2) / (S * i);
    sum += term;
    terms++;
  }
  for (let i = 0; i < 8; i++) sum = (sum * sum) / S;
  return [sum, Number(n) - g, BigInt(3000 * (terms + 10))];
}

export function exp(a: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, null, ctx);
  if (n) return n;
  if (a.kind === INF) return a.sign ? ZERO : inf(0);
  if (a.coef === 0n) return ONE;
  const hctx: Ctx = { ...ctx, round: ROUND_HALF_EVEN };
  // certain overflow or underflow (CPython: _mpd_qexp's MPD_EXP_MAX_T shortcut and beyond)
  const t = a.digits + a.exp;
  const xv = Number(a.coef) * 10 ** a.exp * (a.sign ? -1 : 1);
  if (t > 19 || xv > (ctx.emax + 1) * 2.302585093 + 2) {
    if (!a.sign) return finalize(finite(0, 1n, EXP_INF), hctx);
  }
  if (t > 19 || xv < (etiny(ctx) - 2) * 2.302585093 - 2) {
    if (a.sign) {
      st.f |= MPD_Inexact | MPD_Rounded | MPD_Subnormal | MPD_Underflow | MPD_Clamped;
      return finalize(finite(0, 0n, etiny(ctx)), hctx);
    }
  }
  // |a| <= 9 * 10**(-prec-1): the result rounds to one (CPython: _mpd_qexp_check_one)
  if (cmp(copyAbs(a), finite(0, 9n, -(ctx.prec + 4))) <= 0) {
    st.f |= MPD_Inexact | MPD_Rounded;
    return finalize(finite(0, pow10(ctx.prec - 1), -(ctx.prec - 1)), hctx);
  }
  return ziv(0, (w) => expApprox(a, w), ctx, ctx.prec + 8);
}

// --- ln and log10 -------------------------------------------------------------------------------

/** ln(x) * 10**g, with its error in units. */
function lnFixed(x: Dec, g: number): [bigint, bigint] {
  const d = x.digits;
  const a = x.adj;
  const S = pow10(g);
  const m = d - 1 <= g ? x.coef * pow10(g - (d - 1)) : x.coef / pow10(d - 1 - g);
  let j = 0;
  if (m >= 6n * S) j = 3;
  else if (m >= 3n * S) j = 2;
  else if (m >= (3n * S) / 2n) j = 1;
  const T = m >> BigInt(j);
  const Z = ((T - S) * S) / (T + S);
  const Z2 = (Z * Z) / S;
  let sum = Z;
  let term = Z;
  let terms = 0;
  for (let k = 3n; term !== 0n; k += 2n) {
    term = (term * Z2) / S;
    sum += term / k;
    terms++;
  }
  let L = BigInt(j) * ln2(g) + 2n * sum;
  if (a !== 0) {
    const extra = ndigits(BigInt(Math.abs(a))) + 2;
    L += (BigInt(a) * ln10(g + extra)) / pow10(extra);
  }
  return [L, BigInt(terms + 20)];
}

function lnApprox(x: Dec, w: number): Approx {
  const g = w + 10;
  const [L, err] = lnFixed(x, g);
  return [L < 0n ? -L : L, -g, err];
}

/** Extra working digits for a logarithm near zero (x near one). */
function lnExtra(x: Dec): number {
  const a = x.adj;
  if (a !== 0 && a !== -1) return 0;
  const u = subtract(x, ONE, MAXCTX);
  return u.coef === 0n ? 0 : Math.max(0, -u.adj);
}

export function ln(a: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, null, ctx);
  if (n) return n;
  if (a.kind === INF) return a.sign ? invalid() : a;
  if (a.coef === 0n) return inf(1);
  if (a.sign) return invalid();
  if (cmp(a, ONE) === 0) return ZERO;
  const sign = a.adj < 0 || cmp(a, ONE) < 0 ? 1 : 0;
  const saved = st.f;
  st.f = 0;
  const r = ziv(sign, (w) => lnApprox(a, w), ctx, ctx.prec + 8 + lnExtra(a));
  st.f |= saved;
  return r;
}

function log10Approx(x: Dec, w: number): Approx {
  const g = w + 10;
  const [L, err] = lnFixed(x, g);
  const Q = (L * pow10(g)) / ln10(g);
  return [Q < 0n ? -Q : Q, -g, err + 10n];
}

export function log10(a: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, null, ctx);
  if (n) return n;
  if (a.kind === INF) return a.sign ? invalid() : a;
  if (a.coef === 0n) return inf(1);
  if (a.sign) return invalid();
  const hctx: Ctx = { ...ctx, round: ROUND_HALF_EVEN };
  if (a.coef === pow10(a.digits - 1)) {
    const adj = a.adj;
    return finalize(finite(adj < 0 ? 1 : 0, BigInt(Math.abs(adj)), 0), hctx);
  }
  const sign = a.adj < 0 ? 1 : 0;
  return ziv(sign, (w) => log10Approx(a, w), ctx, ctx.prec + 8 + lnExtra(a));
}

// --- square root ----------------------------------------------------------------------------------

export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x: bigint;
  if (n < 1n << 100n) x = BigInt(Math.floor(Math.sqrt(Number(n)))) + 1n;
  else {
    // Newton from above, starting with a power of two
    const bits = n.toString(2).length;
    x = 1n << BigInt((bits >> 1) + 1);
  }
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

export function sqrt(a: Dec, ctx: Ctx): Dec {
  const n = nanResult(a, null, ctx);
  if (n) return n;
  const hctx: Ctx = { ...ctx, round: ROUND_HALF_EVEN };
  if (a.kind === INF) return a.sign ? invalid() : a;
  const ideal = Math.floor(a.exp / 2);
  if (a.coef === 0n) return finalize(finite(a.sign, 0n, ideal), hctx);
  if (a.sign) return invalid();
  let c = a.coef;
  let e = a.exp;
  if (e & 1) {
    c *= 10n;
    e -= 1;
  }
  const l = (ndigits(c) + 1) >> 1;
  const shift = ctx.prec + 1 - l;
  let exact = true;
  if (shift >= 0) c *= pow10(2 * shift);
  else {
    const d = pow10(-2 * shift);
    const q = c / d;
    if (q * d !== c) exact = false;
    c = q;
  }
  let e2 = e / 2 - shift;
  let r = isqrt(c);
  if (exact && r * r === c) {
    while (e2 < ideal && r % 10n === 0n) {
      r /= 10n;
      e2++;
    }
  } else if (r % 5n === 0n) r += 1n;
  return finalize(finite(0, r, e2), hctx);
}

// --- power --------------------------------------------------------------------------------------

/** Whether a finite number is an integer. */
export function isInteger(x: Dec): boolean {
  if (x.kind !== FINITE) return false;
  if (x.exp >= 0 || x.coef === 0n) return true;
  if (-x.exp >= x.digits) return false;
  return x.coef % pow10(-x.exp) === 0n;
}

/** The integer value of an integral finite number. */
function intValue(x: Dec): bigint {
  const v = x.exp >= 0 ? x.coef * pow10(x.exp) : x.coef / pow10(-x.exp);
  return x.sign ? -v : v;
}

function isOddInt(x: Dec): boolean {
  if (!isInteger(x)) return false;
  if (x.exp > 0) return false;
  return (intValue(x) & 1n) !== 0n;
}

/** base**n for a positive integer n by left-to-right squaring at ctx (CPython: _mpd_qpow_uint). */
function powUint(base: Dec, n: bigint, sign: number, ctx: Ctx): Dec {
  let r = base;
  const saved = st.f;
  st.f = 0;
  const bits = n.toString(2);
  for (let i = 1; i < bits.length; i++) {
    r = multiply(r, r, ctx);
    if (bits[i] === "1") r = multiply(r, base, ctx);
    if (r.kind !== FINITE || (r.coef === 0n && st.f & MPD_Clamped)) break;
  }
  st.f |= saved;
  return new Dec(sign, r.coef, r.exp, r.kind);
}

function powInt(base: Dec, y: Dec, sign: number, ctx: Ctx): Dec {
  const w: Ctx = { ...ctx, prec: ctx.prec + y.digits + y.exp + 2, round: ROUND_HALF_EVEN, clamp: 0 };
  let tbase = base;
  let r: Dec;
  if (y.sign) {
    w.prec += 1;
    const before = st.f;
    tbase = divide(ONE, base, w);
    if (st.f & MPD_Errors & ~before) return finalize(new Dec(0, 0n, 0, 2), ctx);
  }
  const k = intValue(y);
  r = powUint(tbase, k < 0n ? -k : k, sign, w);
  if (r.kind === INF) r = finite(sign, 1n, EXP_INF);
  return finalize(r, ctx);
}

/** Handles |base| == 1; null when |base| != 1 (CPython: _qcheck_pow_one). */
function powOne(base: Dec, y: Dec, sign: number, ctx: Ctx): Dec | null {
  if (cmp(copyAbs(base), ONE) !== 0) return null;
  let shift: number;
  if (isInteger(y)) {
    if (y.sign) return finite(sign, 1n, 0);
    const s = intValue(y) * BigInt(-base.exp);
    if (s > BigInt(ctx.prec - 1)) {
      shift = ctx.prec - 1;
      st.f |= MPD_Rounded;
    } else shift = Number(s);
  } else {
    shift = ctx.prec - 1;
    st.f |= MPD_Inexact | MPD_Rounded;
  }
  return finite(sign, pow10(shift), -shift);
}

const expDigits = (e: number): number => ndigits(BigInt(Math.abs(e)));

/** Certain overflow or underflow of x**y (CPython: _qcheck_pow_bounds). */
function powBounds(x: Dec, y: Dec, sign: number, ctx: Ctx): Dec | null {
  const ax = copyAbs(x);
  const lbTheta = y.adj;
  const t = ax.adj;
  let lbZeta: number;
  if (t > 0) lbZeta = expDigits(t) - 1;
  else if (t < -1) lbZeta = expDigits(t + 1) - 1;
  else {
    const u = subtract(ax, ONE, MAXCTX).adj;
    lbZeta = t === 0 ? u - 2 : u - 1;
  }
  const s = (ax.adj < 0 ? 1 : 0) ^ y.sign;
  if (s === 0) {
    if (expDigits(ctx.emax) < lbZeta + lbTheta) return finalize(finite(sign, 1n, EXP_INF), ctx);
  } else if (expDigits(etiny(ctx)) < lbZeta + lbTheta) {
    return finalize(finite(sign, 1n, etiny(ctx) - 1), ctx);
  }
  return null;
}

function powReal(base: Dec, y: Dec, ctx: Ctx): Dec {
  const wp = Math.max(base.digits, ctx.prec) + 4 + 19;
  const w: Ctx = { ...MAXCTX, prec: wp, round: ROUND_HALF_EVEN };
  const saved = st.f;
  st.f = 0;
  let r = ln(base, w);
  r = multiply(r, y, w);
  const errs = st.f & MPD_Errors;
  st.f = 0;
  r = exp(r, w);
  st.f |= saved | errs | MPD_Inexact | MPD_Rounded;
  return r;
}

export function pow(base: Dec, y: Dec, ctx: Ctx): Dec {
  const n = nanResult(base, y, ctx);
  if (n) return n;
  let sign = 0;
  const intexp = y.kind === INF || isInteger(y);
  if (y.kind === FINITE && intexp) sign = base.sign && isOddInt(y) ? 1 : 0;
  if (base.isZero()) {
    if (y.isZero()) return invalid();
    if (y.sign) return inf(sign);
    return finite(sign, 0n, 0);
  }
  if (base.sign && (!intexp || y.kind === INF)) return invalid();
  if (y.kind === INF) {
    const c = cmp(base, ONE);
    if (c === 0) {
      st.f |= MPD_Inexact | MPD_Rounded;
      return finite(sign, pow10(ctx.prec - 1), -(ctx.prec - 1));
    }
    return c * (y.sign ? -1 : 1) < 0 ? finite(sign, 0n, 0) : inf(sign);
  }
  if (base.kind === INF) {
    if (y.isZero()) return finite(sign, 1n, 0);
    if (y.sign) return finite(sign, 0n, 0);
    return inf(sign);
  }
  if (y.isZero()) return finite(sign, 1n, 0);
  const one = powOne(base, y, sign, ctx);
  if (one) return one;
  const b = powBounds(base, y, sign, ctx);
  if (b) return b;
  if (intexp) return powInt(base, y, sign, ctx);
  let r = powReal(base, y, ctx);
  if (r.kind === FINITE && cmp(r, ONE) === 0) r = finite(0, pow10(ctx.prec - 1), -(ctx.prec - 1));
  if (r.kind === INF) r = finite(0, 1n, EXP_INF);
  return finalize(r, ctx);
}

/** (base**y) % mod for integers (CPython: mpd_qpowmod). */
export function powmod(base: Dec, y: Dec, mod: Dec, ctx: Ctx): Dec {
  const n = nanResult(base, y, ctx, mod);
  if (n) return n;
  if (base.kind === INF || y.kind === INF || mod.kind === INF) return invalid();
  if (!isInteger(base) || !isInteger(y) || !isInteger(mod)) return invalid();
  if (mod.isZero()) return invalid();
  if (mod.digits + mod.exp > ctx.prec) return invalid();
  const sign = base.sign && isOddInt(y) ? 1 : 0;
  const m = intValue(mod) < 0n ? -intValue(mod) : intValue(mod);
  if (y.isZero()) {
    if (base.isZero()) return invalid();
    return finite(sign, m === 1n ? 0n : 1n, 0);
  }
  if (y.sign) return invalid();
  if (base.isZero()) return finite(sign, 0n, 0);
  let b = intValue(base);
  if (b < 0n) b = -b;
  b %= m;
  let e = intValue(y);
  let r = 1n % m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return finite(sign, r, 0);
}
