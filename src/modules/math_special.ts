// CPython: Modules/mathmodule.c (m_tgamma, m_lgamma, m_sinpi, vector_norm) and the libm functions
// the reference build uses for erf/erfc (musl's, from FreeBSD's s_erf.c): numerical kernels that
// must give CPython's results bit for bit. Also exact fused multiply-add and exact rounding of
// binary fractions, shared with sumprod.

const PI = 3.141592653589793;
const LOGPI = 1.1447298858494002;

function sinpi(x: number): number {
  const y = Math.abs(x) % 2.0;
  const n = Math.round(2.0 * y);
  let r: number;
  switch (n) {
    case 0:
      r = Math.sin(PI * y);
      break;
    case 1:
      r = Math.cos(PI * (y - 0.5));
      break;
    case 2:
      r = Math.sin(PI * (1.0 - y));
      break;
    case 3:
      r = -Math.cos(PI * (y - 1.5));
      break;
    default:
      r = Math.sin(PI * (y - 2.0));
  }
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN = [
  0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0,
  66.0, 1.0,
];
const GAMMA_INTEGRAL = [
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0, 6227020800.0,
  87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0,
  2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
];

function lanczosSum(x: number): number {
  let num = 0.0;
  let den = 0.0;
  if (x < 5.0) {
    for (let i = 13; --i >= 0; ) {
      num = num * x + LANCZOS_NUM[i];
      den = den * x + LANCZOS_DEN[i];
    }
  } else {
    for (let i = 0; i < 13; i++) {
      num = num / x + LANCZOS_NUM[i];
      den = den / x + LANCZOS_DEN[i];
    }
  }
  return num / den;
}

/** Result and C errno-like status: "dom" (ValueError), "range" (OverflowError) or null. */
export type MathResult = [number, "dom" | "range" | null];

export function tgamma(x: number): MathResult {
  if (!Number.isFinite(x)) {
    if (x !== x || x > 0) return [x, null];
    return [NaN, "dom"];
  }
  if (x === 0) return [Object.is(x, -0) ? -Infinity : Infinity, "dom"];
  if (x === Math.floor(x)) {
    if (x < 0) return [NaN, "dom"];
    if (x <= 23) return [GAMMA_INTEGRAL[x - 1], null];
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) {
    const r = 1.0 / x;
    return [r, Number.isFinite(r) ? null : "range"];
  }
  if (absx > 200.0) {
    if (x < 0) return [0.0 / sinpi(x), null];
    return [Infinity, "range"];
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  let z: number;
  if (absx > LANCZOS_G_MINUS_HALF) {
    const q = y - absx;
    z = q - LANCZOS_G_MINUS_HALF;
  } else {
    const q = y - LANCZOS_G_MINUS_HALF;
    z = q - absx;
  }
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0) {
    r = ((-PI / sinpi(absx) / absx) * Math.exp(y)) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140.0) r /= Math.pow(y, absx - 0.5);
    else {
      const sqrtpow = Math.pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / Math.exp(y);
    r += z * r;
    if (absx < 140.0) r *= Math.pow(y, absx - 0.5);
    else {
      const sqrtpow = Math.pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  return [r, Number.isFinite(r) ? null : "range"];
}

export function lgamma(x: number): MathResult {
  if (!Number.isFinite(x)) return [x !== x ? x : Infinity, null];
  if (x === Math.floor(x) && x <= 2.0) {
    if (x <= 0.0) return [Infinity, "dom"];
    return [0.0, null];
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return [-Math.log(absx), null];
  let r = Math.log(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (Math.log(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0.0) r = LOGPI - Math.log(Math.abs(sinpi(absx))) - Math.log(absx) - r;
  return [r, Number.isFinite(r) ? null : "range"];
}

// --- erf, erfc -------------------------------------------------------------------------------------

const ERX = 8.45062911510467529297e-1;
const EFX = 1.28379167095512586316e-1;
const EFX8 = 1.02703333676410069053e0;
const PP = [1.28379167095512558561e-1, -3.25042107247001499370e-1, -2.84817495755985104766e-2, -5.77027029648944159157e-3, -2.37630166566501626084e-5];
const QQ = [0, 3.97917223959155352819e-1, 6.50222499887672944485e-2, 5.08130628187576562776e-3, 1.32494738004321644526e-4, -3.96022827877536812320e-6];
const PA = [
  -2.36211856075265944077e-3, 4.14856118683748331666e-1, -3.72207876035701323847e-1, 3.18346619901161753674e-1,
  -1.10894694282396677476e-1, 3.54783043256182359371e-2, -2.16637559486879084300e-3,
];
const QA = [0, 1.06420880400844228286e-1, 5.40397917702171048937e-1, 7.18286544141962662868e-2, 1.26171219808761642112e-1, 1.36370839120290507362e-2, 1.19844998467991074170e-2];
const RA = [
  -9.86494403484714822705e-3, -6.93858572707181764372e-1, -1.05586262253232909814e1, -6.23753324503260060396e1,
  -1.62396669462573470355e2, -1.84605092906711035994e2, -8.12874355063065934246e1, -9.81432934416914548592e0,
];
const SA = [
  0, 1.96512716674392571292e1, 1.37657754143519042600e2, 4.34565877475229228821e2, 6.45387271733267880336e2,
  4.29008140027567833386e2, 1.08635005541779435134e2, 6.57024977031928170135e0, -6.04244152148580987438e-2,
];
const RB = [
  -9.86494292470009928597e-3, -7.99283237680523006574e-1, -1.77579549177547519889e1, -1.60636384855821916062e2,
  -6.37566443368389627722e2, -1.02509513161107724954e3, -4.83519191608651397019e2,
];
const SB = [
  0, 3.03380607434824582924e1, 3.25792512996573918826e2, 1.53672958608443695994e3, 3.19985821950859553908e3,
  2.55305040643316442583e3, 4.74528541206955367215e2, -2.24409524465858183362e1,
];
const TINY = 1e-300;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = 1; // little-endian word order
function highWord(x: number): number {
  f64[0] = x;
  return u32[HI] | 0;
}
function clearLowWord(x: number): number {
  f64[0] = x;
  u32[1 - HI] = 0;
  return f64[0];
}

/** Horner evaluation c0 + s*(c1 + s*(...)), with c[0] as given. */
function poly(c: readonly number[], s: number, from = 0): number {
  let r = c[c.length - 1];
  for (let i = c.length - 2; i >= from; i--) r = c[i] + s * r;
  return r;
}
/** 1 + s*(c1 + s*(c2 + ...)). */
function poly1(c: readonly number[], s: number): number {
  return 1.0 + s * poly(c, s, 1);
}

function erfcTail(x: number, ix: number, boundary: number): number {
  // x = |x| >= 1.25
  const s = 1.0 / (x * x);
  let R: number;
  let S: number;
  if (ix < boundary) {
    R = poly(RA, s);
    S = poly1(SA, s);
  } else {
    R = poly(RB, s);
    S = poly1(SB, s);
  }
  const z = clearLowWord(x);
  return Math.exp(-z * z - 0.5625) * Math.exp((z - x) * (z + x) + R / S);
}

export function erf(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return 1 - ((hx >>> 31) << 1) + 1.0 / x;
  if (ix < 0x3feb0000) {
    if (ix < 0x3e300000) {
      if (ix < 0x00800000) return 0.125 * (8.0 * x + EFX8 * x);
      return x + EFX * x;
    }
    const z = x * x;
    const r = poly(PP, z);
    const s = poly1(QQ, z);
    return x + x * (r / s);
  }
  if (ix < 0x3ff40000) {
    const s = Math.abs(x) - 1.0;
    const P = poly(PA, s);
    const Q = poly1(QA, s);
    return hx >= 0 ? ERX + P / Q : -ERX - P / Q;
  }
  if (ix >= 0x40180000) return hx >= 0 ? 1.0 - TINY : TINY - 1.0;
  const ax = Math.abs(x);
  const r = erfcTail(ax, ix, 0x4006db6e);
  return hx >= 0 ? 1.0 - r / ax : r / ax - 1.0;
}

export function erfc(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return ((hx >>> 31) << 1) + 1.0 / x;
  if (ix < 0x3feb0000) {
    if (ix < 0x3c700000) return 1.0 - x;
    const z = x * x;
    const r = poly(PP, z);
    const s = poly1(QQ, z);
    const y = r / s;
    if (hx < 0x3fd00000) return 1.0 - (x + x * y);
    let t = x * y;
    t += x - 0.5;
    return 0.5 - t;
  }
  if (ix < 0x3ff40000) {
    const s = Math.abs(x) - 1.0;
    const P = poly(PA, s);
    const Q = poly1(QA, s);
    return hx >= 0 ? 1.0 - ERX - P / Q : 1.0 + (ERX + P / Q);
  }
  if (ix < 0x403c0000) {
    if (hx < 0 && ix >= 0x40180000 && ix >= 0x4006db6d) return 2.0 - TINY;
    const ax = Math.abs(x);
    const r = erfcTail(ax, ix, 0x4006db6d);
    return hx > 0 ? r / ax : 2.0 - r / ax;
  }
  return hx > 0 ? TINY * TINY : 2.0 - TINY;
}

// --- hypot / dist -----------------------------------------------------------------------------------

/** frexp's exponent of a finite nonzero x. */
export function frexpExponent(x: number): number {
  f64[0] = x;
  const e = (u32[HI] >>> 20) & 0x7ff;
  if (e === 0) {
    // subnormal: scale up
    f64[0] = x * 2 ** 64;
    return ((u32[HI] >>> 20) & 0x7ff) - 1022 - 64;
  }
  return e - 1022;
}

/** sqrt(sum(x*x)) for |x| values, max the largest (CPython: vector_norm). */
export function vectorNorm(vec: readonly number[], max: number, foundNan: boolean): number {
  const T27 = 134217729.0;
  const n = vec.length;
  if (max === Infinity) return max;
  if (foundNan) return NaN;
  if (max === 0.0 || n <= 1) return max;
  const maxE = frexpExponent(max);
  let csum = 1.0;
  let frac1 = 0.0;
  let frac2 = 0.0;
  let frac3 = 0.0;
  let oldcsum: number;
  let x: number;
  let t: number;
  let hi: number;
  let lo: number;
  if (maxE >= -1023) {
    const scale = ldexp(1.0, -maxE);
    for (let i = 0; i < n; i++) {
      x = vec[i] * scale;
      t = x * T27;
      hi = t - (t - x);
      lo = x - hi;
      x = hi * hi;
      oldcsum = csum;
      csum += x;
      frac1 += oldcsum - csum + x;
      x = 2.0 * hi * lo;
      oldcsum = csum;
      csum += x;
      frac2 += oldcsum - csum + x;
      frac3 += lo * lo;
    }
    const h = Math.sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    x = h;
    t = x * T27;
    hi = t - (t - x);
    lo = x - hi;
    x = -hi * hi;
    oldcsum = csum;
    csum += x;
    frac1 += oldcsum - csum + x;
    x = -2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += oldcsum - csum + x;
    x = -lo * lo;
    oldcsum = csum;
    csum += x;
    frac3 += oldcsum - csum + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
  }
  for (let i = 0; i < n; i++) {
    x = vec[i] / max;
    x = x * x;
    oldcsum = csum;
    csum += x;
    frac1 += oldcsum - csum + x;
  }
  return max * Math.sqrt(csum - 1.0 + frac1);
}

/** x * 2**k, rounded once (C's ldexp). */
export function ldexp(x: number, k: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  if (k > 2200) return x > 0 ? Infinity : -Infinity;
  if (k < -2200) return x > 0 ? 0 : -0;
  if (k >= -1022 && k <= 1023) {
    const r = x * 2 ** k;
    if (Math.abs(r) >= 2 ** -1022) return r;
  }
  const [m, e] = decompose(x);
  return roundToDouble(m, e + k);
}

/** Exact mantissa and exponent: x == m * 2**e with m an integer (x finite). */
export function decompose(x: number): [bigint, number] {
  f64[0] = x;
  const hi = u32[HI];
  const lo = u32[1 - HI];
  const bexp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = bexp - 1075;
  }
  return [x < 0 || (x === 0 && Object.is(x, -0)) ? -m : m, e];
}

function bitLength(a: bigint): number {
  return a === 0n ? 0 : a.toString(2).length;
}

/** m * 2**e correctly rounded (half to even) to a double; m may be any size. */
export function roundToDouble(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const neg = m < 0n;
  let a = neg ? -m : m;
  const bl = bitLength(a);
  const E = bl - 1 + e;
  if (E > 1023) return neg ? -Infinity : Infinity;
  const q = Math.max(E - 52, -1074);
  const shift = q - e;
  let r: bigint;
  if (shift <= 0) r = a << BigInt(-shift);
  else {
    r = a >> BigInt(shift);
    const rem = a - (r << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    if (rem > half || (rem === half && (r & 1n) === 1n)) r += 1n;
  }
  a = r;
  let v: number;
  if (q >= -1022) {
    v = Number(a) * 2 ** Math.min(q, 1023);
    if (q > 1023) v *= 2 ** (q - 1023);
  } else v = Number(a) * 2 ** -1022 * 2 ** (q + 1022);
  return neg ? -v : v;
}

/** x*y + z with one rounding; status like C's fma under CPython's checks. */
export function fma(x: number, y: number, z: number): MathResult {
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) {
    const r = x * y + z;
    if (r !== r) return [r, x !== x || y !== y || z !== z ? null : "dom"];
    return [r, null];
  }
  const [mx, ex] = decompose(x);
  const [my, ey] = decompose(y);
  const [mz, ez] = decompose(z);
  const mp = mx * my;
  const ep = ex + ey;
  let sum: bigint;
  let e: number;
  if (ep <= ez) {
    sum = mp + (mz << BigInt(ez - ep));
    e = ep;
  } else {
    sum = (mp << BigInt(ep - ez)) + mz;
    e = ez;
  }
  if (sum === 0n) {
    // exact zero: IEEE sign rules for round-to-nearest
    const pNeg = mp === 0n ? (x < 0 || Object.is(x, -0)) !== (y < 0 || Object.is(y, -0)) : mp < 0n;
    const zNeg = z < 0 || Object.is(z, -0);
    if (mp === 0n && z === 0) return [pNeg && zNeg ? -0 : 0, null];
    return [0, null];
  }
  const r = roundToDouble(sum, e);
  if (!Number.isFinite(r)) return [r, "range"];
  return [r, null];
}
