// CPython: Modules/timemodule.c — the time module: clocks over Node's hrtime/cpuUsage, sleep on
// Atomics.wait, struct_time, gmtime/localtime/mktime with glibc's time zone rules
// (timemodule_tz.ts), strftime as glibc's C locale formats (timemodule_strftime.ts).
import { type PyObject, Py_None, Py_TYPE } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyFloat } from "../objects/floatobject.js";
import { newNamespace } from "../objects/namespaceobject.js";
import { PyStructSequence_NewType, PyStructSequence_New, PyStructSequence } from "../objects/structseq.js";
import { PyNumber_Index, PyObject_GetAttr, PyObject_Call, PyIndex_Check } from "../objects/abstract.js";
import { asStr } from "../objects/unicodeobject.js";
import { normBig } from "../objects/longobject.js";
import { PyImport_ImportModuleLevel } from "../python/import.js";
import { typeError, valueError, overflowError } from "../python/errors.js";
import { PyErr_SetFromErrno, notAvailable, EINVAL } from "../python/oserror.js";
import type { PyDict } from "../objects/dictobject.js";
import { defFunction, defPositional } from "./posixmodule_def.js";
import { newBuiltinFunction, type FastFunc } from "../objects/methodobject.js";
import { type Zone, loadZone, zoneTypeAt, currentTzname, tzsetNames, daysFromCivil, civilFromDays } from "./timemodule_tz.js";
import { type Tm, strftime, WDAY_NAMES, MON_NAMES } from "./timemodule_strftime.js";
import { _PyEval_Signals, _PyThread_SleepAlone } from "../python/ceval_gil.js";

const M = "time";

export const StructTimeType = PyStructSequence_NewType({
  name: "time.struct_time",
  doc:
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), mktime() and strftime().  May be considered as a\n sequence of 9 integers.\n\n" +
    " Note that several fields' values are not the same as those defined by\n the C language standard for struct tm.  For example, the value of the\n field tm_year is the actual year, not year - 1900.  See individual\n fields' descriptions for details.",
  fields: ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"],
  nSequence: 9,
});

// --- clocks ---

const hr = process.hrtime.bigint;
/** Wall clock in ns: Date.now() fixed once, advanced by the monotonic clock (Node's wall clock has ms only). */
const wallOffset = BigInt(Date.now()) * 1000000n - hr();
export const timeNs = (): bigint => hr() + wallOffset;
const cpuNs = (): bigint => {
  const u = process.cpuUsage();
  return BigInt(u.user + u.system) * 1000n;
};
const nsToFloat = (ns: bigint): PyFloat => new PyFloat(Number(ns) / 1e9);

export const CLOCK_REALTIME = 0;
export const CLOCK_MONOTONIC = 1;
export const CLOCK_PROCESS_CPUTIME_ID = 2;
export const CLOCK_THREAD_CPUTIME_ID = 3;
export const CLOCK_MONOTONIC_RAW = 4;
export const CLOCK_BOOTTIME = 7;
export const CLOCK_TAI = 11;

function clockNs(clk: number): bigint {
  switch (clk) {
    case CLOCK_REALTIME:
      return timeNs();
    case CLOCK_TAI:
      return timeNs() + 37000000000n; // TAI - UTC since 2017
    case CLOCK_MONOTONIC:
    case CLOCK_MONOTONIC_RAW:
    case CLOCK_BOOTTIME:
      return hr();
    case CLOCK_PROCESS_CPUTIME_ID:
    case CLOCK_THREAD_CPUTIME_ID:
      return cpuNs();
  }
  throw PyErr_SetFromErrno(EINVAL);
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** time.sleep: blocks the thread (nothing else runs on it meanwhile). */
export function sleepSeconds(secs: number): void {
  if (_PyEval_Signals.pending) {
    // a signal timer may expire meanwhile: its handler runs during the sleep
    _PyThread_SleepAlone(secs * 1000);
    return;
  }
  let ms = secs * 1000;
  const end = performance.now() + ms;
  while (ms > 0) {
    Atomics.wait(sleepCell, 0, 0, Math.min(ms, 2 ** 31 - 1));
    ms = end - performance.now();
  }
}

// --- arguments ---

/** A time_t argument, float seconds rounded toward -inf (CPython: _PyTime_ObjectToTime_t). */
function timeT(v: PyObject): number {
  if (v instanceof PyFloat) {
    const x = v.value;
    if (x !== x) throw valueError("Invalid value NaN (not a number)");
    const f = Math.floor(x);
    if (!(f >= -(2 ** 63) && f < 2 ** 63)) throw overflowError("timestamp out of range for platform time_t");
    return f;
  }
  const n = PyNumber_Index(v);
  if (typeof n === "bigint" && (n < -(2n ** 63n) || n >= 2n ** 63n)) throw overflowError("timestamp out of range for platform time_t");
  return Number(n);
}

function optTime(v: PyObject | null): number {
  if (v === null || v === Py_None) return Math.floor(Number(timeNs() / 1000000000n));
  return timeT(v);
}

/** An "i" argument of PyArg_ParseTuple. */
function cIntItem(v: PyObject): number {
  if (v instanceof PyFloat) throw typeError("'float' object cannot be interpreted as an integer");
  const n = PyNumber_Index(v);
  if (n > 2147483647) throw overflowError("signed integer is greater than maximum");
  if (n < -2147483648) throw overflowError("signed integer is less than minimum");
  return Number(n);
}

/** The argument count checks of PyArg_ParseTuple ("|O:gmtime"). */
function tupleArgs(fname: string, min: number, max: number, fn: (a: (PyObject | null)[]) => PyObject): FastFunc {
  return (_s, args, start, nargs, kwnames) => {
    if (kwnames !== null && kwnames.items.length) throw typeError(`${fname}() takes no keyword arguments`);
    if (nargs < min || nargs > max) {
      const how = min === max ? "exactly" : nargs < min ? "at least" : "at most";
      const n = nargs < min ? min : max;
      throw typeError(`${fname}() takes ${how} ${n} argument${n === 1 ? "" : "s"} (${nargs} given)`);
    }
    const a: (PyObject | null)[] = new Array(max).fill(null);
    for (let i = 0; i < nargs; i++) a[i] = args[start + i];
    return fn(a);
  };
}

/** A time tuple argument (CPython: gettmarg); `what` is the message for a wrong length. */
function gettmarg(v: PyObject, what: string): Tm {
  if (!(v instanceof PyTuple)) throw typeError("Tuple or struct_time argument required");
  const it = v.items;
  if (it.length !== 9) throw typeError(what);
  const y = cIntItem(it[0]);
  const tm: Tm = {
    year: y, mon: cIntItem(it[1]) - 1, mday: cIntItem(it[2]), hour: cIntItem(it[3]), min: cIntItem(it[4]), sec: cIntItem(it[5]),
    wday: (cIntItem(it[6]) + 1) % 7, yday: cIntItem(it[7]) - 1, isdst: cIntItem(it[8]), zone: null, gmtoff: 0,
  };
  if (y - 1900 < -2147483648 || y - 1900 > 2147483647) throw overflowError("year out of range");
  if (Py_TYPE(v) === StructTimeType && v instanceof PyStructSequence) {
    const zone = v.hidden[0];
    const off = v.hidden[1];
    if (zone !== undefined && zone !== Py_None) tm.zone = asStr(zone);
    if (off !== undefined && off !== Py_None) tm.gmtoff = Number(PyNumber_Index(off));
  }
  return tm;
}

/** Range checks of strftime/asctime (CPython: checktm), zero values forced to the lowest valid ones. */
function checktm(tm: Tm): void {
  if (tm.mon === -1) tm.mon = 0;
  else if (tm.mon < 0 || tm.mon > 11) throw valueError("month out of range");
  if (tm.mday === 0) tm.mday = 1;
  else if (tm.mday < 0 || tm.mday > 31) throw valueError("day of month out of range");
  if (tm.hour < 0 || tm.hour > 23) throw valueError("hour out of range");
  if (tm.min < 0 || tm.min > 59) throw valueError("minute out of range");
  if (tm.sec < 0 || tm.sec > 61) throw valueError("seconds out of range");
  if (tm.wday < 0) throw valueError("day of week out of range");
  if (tm.yday === -1) tm.yday = 0;
  else if (tm.yday < 0 || tm.yday > 365) throw valueError("day of year out of range");
}

// --- conversions ---

let zone: Zone | null = null;
let zoneKey: string | undefined | null = null;

/** The local zone, reloaded when TZ changed (glibc's localtime calls tzset). */
function localZone(): Zone {
  const tz = process.env.TZ;
  if (zone === null || tz !== zoneKey) {
    zone = loadZone(tz);
    zoneKey = tz;
    tzsetNames(zone);
  }
  return zone;
}

/** Broken-down UTC time of t (glibc's __offtime); OSError EOVERFLOW when the year does not fit an int. */
function offtime(t: number, off: number): Tm {
  const lt = t + off;
  const days = Math.floor(lt / 86400);
  let rem = lt - days * 86400;
  const [y, m, d] = civilFromDays(days);
  if (y - 1900 > 2147483647 || y - 1900 < -2147483648) throw PyErr_SetFromErrno(75); // EOVERFLOW
  const hour = Math.floor(rem / 3600);
  rem -= hour * 3600;
  const min = Math.floor(rem / 60);
  return {
    year: y, mon: m - 1, mday: d, hour, min, sec: rem - min * 60,
    wday: (((days + 4) % 7) + 7) % 7, yday: days - daysFromCivil(y, 1, 1), isdst: 0, zone: null, gmtoff: off,
  };
}

export function gmtime(t: number): Tm {
  const tm = offtime(t, 0);
  tm.zone = "GMT";
  return tm;
}

export function localtime(t: number): Tm {
  const ty = zoneTypeAt(localZone(), t);
  const tm = offtime(t, ty.off);
  tm.isdst = ty.isdst ? 1 : 0;
  tm.zone = ty.abbr;
  return tm;
}

/** mktime(3): local broken-down time (fields may be out of range) to seconds; null if out of range. */
export function mktime(tm: Tm): number | null {
  const mon = tm.mon;
  const y = tm.year + Math.floor(mon / 12);
  const m = ((mon % 12) + 12) % 12;
  const local = (daysFromCivil(y, m + 1, 1) + tm.mday - 1) * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec;
  if (!Number.isFinite(local) || Math.abs(local) > 2 ** 62) return null;
  const z = localZone();
  let t = local - zoneTypeAt(z, local).off;
  for (let k = 0; k < 4; k++) {
    const next = local - zoneTypeAt(z, t).off;
    if (next === t) break;
    if (k === 3 || local - zoneTypeAt(z, next).off === t) {
      // a clock reading skipped by a forward change: read it with the offset in force before it
      t = local - zoneTypeAt(z, Math.min(t, next)).off;
      break;
    }
    t = next;
  }
  if (tm.isdst >= 0) {
    // the clock reading is taken with the offset of the kind of time asked for: the one in force
    // at t, else the nearest of that kind within a year, else standard time +1 hour (glibc)
    const want = tm.isdst > 0;
    let ty = zoneTypeAt(z, t);
    if (ty.isdst !== want) {
      let found: typeof ty | null = null;
      for (let dd = 7; dd <= 366 && found === null; dd += 7) {
        for (const probe of [t - dd * 86400, t + dd * 86400]) {
          const p = zoneTypeAt(z, probe);
          if (p.isdst === want) {
            found = p;
            break;
          }
        }
      }
      t = found !== null ? local - found.off : local - (ty.off + (want ? 3600 : -3600));
    } else t = local - ty.off;
  }
  zoneTypeAt(z, t); // leaves tzname as the conversion of the result does
  return t;
}

function structTime(tm: Tm): PyObject {
  return PyStructSequence_New(StructTimeType, [
    tm.year, tm.mon + 1, tm.mday, tm.hour, tm.min, tm.sec, (tm.wday + 6) % 7, tm.yday + 1, tm.isdst, tm.zone ?? Py_None, tm.gmtoff,
  ]);
}

/** asctime's format (CPython: _asctime). */
function asctime(tm: Tm): string {
  const p2 = (n: number): string => String(n).padStart(2, "0");
  return `${WDAY_NAMES[tm.wday].slice(0, 3)} ${MON_NAMES[tm.mon].slice(0, 3)}${String(tm.mday).padStart(3, " ")} ${p2(tm.hour)}:${p2(tm.min)}:${p2(tm.sec)} ${tm.year}`;
}

/** time.timezone, altzone, daylight, tzname (CPython: init_timezone, from January and July of this year). */
function initTimezone(d: PyDict): void {
  const YEAR = (365 * 24 + 6) * 3600;
  const now = Math.floor(Number(timeNs() / 1000000000n));
  const t = Math.floor(now / YEAR) * YEAR;
  const z = localZone();
  const jan = zoneTypeAt(z, t);
  const jul = zoneTypeAt(z, t + YEAR / 2);
  const janzone = -jan.off;
  const julzone = -jul.off;
  let tzname: [string, string];
  if (janzone < julzone) {
    // DST is reversed in the southern hemisphere
    d.setStr("timezone", julzone);
    d.setStr("altzone", janzone);
    d.setStr("daylight", janzone !== julzone ? 1 : 0);
    tzname = [jul.abbr, jan.abbr];
  } else {
    d.setStr("timezone", janzone);
    d.setStr("altzone", julzone);
    d.setStr("daylight", janzone !== julzone ? 1 : 0);
    tzname = [jan.abbr, jul.abbr];
  }
  d.setStr("tzname", new PyTuple(tzname));
}

export function initTime(): PyModule {
  const m = new PyModule(M, "This module provides various functions to manipulate time values.");
  const d = m.dict;
  d.setStr("struct_time", StructTimeType);
  for (const [k, v] of Object.entries({ CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME, CLOCK_TAI })) {
    d.setStr(k, v);
  }
  const d0 = (name: string, fn: () => PyObject): void => void defFunction(d, M, name, [], {}, fn);
  const def = (name: string, min: number, max: number, fn: (a: (PyObject | null)[]) => PyObject): void => {
    d.setStr(name, newBuiltinFunction(name, tupleArgs(name, min, max, fn), M));
  };
  d0("time", () => nsToFloat(timeNs()));
  d0("time_ns", () => normBig(timeNs()));
  d0("monotonic", () => nsToFloat(hr()));
  d0("monotonic_ns", () => normBig(hr()));
  d0("perf_counter", () => nsToFloat(hr()));
  d0("perf_counter_ns", () => normBig(hr()));
  d0("process_time", () => nsToFloat(cpuNs()));
  d0("process_time_ns", () => normBig(cpuNs()));
  d0("thread_time", () => nsToFloat(cpuNs()));
  d0("thread_time_ns", () => normBig(cpuNs()));
  defPositional(d, M, "clock_gettime", ["clk_id"], 1, (a) => nsToFloat(clockNs(cIntItem(a[0] as PyObject))));
  defPositional(d, M, "clock_gettime_ns", ["clk_id"], 1, (a) => normBig(clockNs(cIntItem(a[0] as PyObject))));
  defPositional(d, M, "clock_getres", ["clk_id"], 1, (a) => {
    clockNs(cIntItem(a[0] as PyObject));
    return new PyFloat(1e-9);
  });
  defPositional(d, M, "clock_settime", ["clk_id", "time"], 2, () => {
    throw notAvailable("clock_settime");
  });
  defPositional(d, M, "clock_settime_ns", ["clk_id", "time"], 2, () => {
    throw notAvailable("clock_settime_ns");
  });
  defPositional(d, M, "sleep", ["secs"], 1, (a) => {
    const v = a[0] as PyObject;
    let secs: number;
    if (v instanceof PyFloat) secs = v.value;
    else if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" || PyIndex_Check(v)) secs = Number(PyNumber_Index(v));
    else throw typeError(`'${Py_TYPE(v).tp_name}' object cannot be interpreted as an integer or float`);
    if (secs !== secs) throw valueError("Invalid value NaN (not a number)");
    if (secs < 0) throw valueError("sleep length must be non-negative");
    sleepSeconds(secs);
    return Py_None;
  });
  const clockInfo: Record<string, [string, boolean, boolean]> = {
    time: ["clock_gettime(CLOCK_REALTIME)", false, true],
    monotonic: ["clock_gettime(CLOCK_MONOTONIC)", true, false],
    perf_counter: ["clock_gettime(CLOCK_MONOTONIC)", true, false],
    process_time: ["clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false],
    thread_time: ["clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false],
  };
  defPositional(d, M, "get_clock_info", ["name"], 1, (a) => {
    const name = asStr(a[0] as PyObject);
    if (name === null) throw typeError(`get_clock_info() argument 1 must be str, not ${Py_TYPE(a[0] as PyObject).tp_name}`);
    const info = clockInfo[name];
    if (info === undefined) throw valueError("unknown clock");
    return newNamespace({ implementation: info[0], monotonic: info[1], adjustable: info[2], resolution: new PyFloat(1e-9) });
  });
  def("gmtime", 0, 1, (a) => structTime(gmtime(optTime(a[0]))));
  def("localtime", 0, 1, (a) => structTime(localtime(optTime(a[0]))));
  defPositional(d, M, "mktime", ["tuple"], 1, (a) => {
    const tm = gettmarg(a[0] as PyObject, "mktime(): illegal time tuple argument");
    const t = mktime(tm);
    if (t === null) throw overflowError("mktime argument out of range");
    return new PyFloat(t);
  });
  defPositional(d, M, "asctime", ["tuple"], 0, (a) => {
    let tm: Tm;
    if (a[0] === null) tm = localtime(optTime(null));
    else {
      tm = gettmarg(a[0], "asctime(): illegal time tuple argument");
      checktm(tm);
    }
    return asctime(tm);
  });
  def("ctime", 0, 1, (a) => asctime(localtime(optTime(a[0]))));
  def("strftime", 1, 2, (a) => {
    const fmt = a[0] as PyObject;
    const f = asStr(fmt);
    if (f === null) throw typeError(`strftime() argument 1 must be str, not ${Py_TYPE(fmt).tp_name}`);
    let tm: Tm;
    if (a[1] === null) tm = localtime(optTime(null));
    else {
      tm = gettmarg(a[1], "strftime(): illegal time tuple argument");
      checktm(tm);
    }
    if (tm.isdst < -1) tm.isdst = -1;
    else if (tm.isdst > 1) tm.isdst = 1;
    localZone();
    return strftime(f, { tm, tzname: currentTzname(), mktime: (x) => mktime({ ...x }) ?? -1 });
  });
  defFunction(d, M, "strptime", ["string", "format"], { posonly: 2, required: 1 }, (a) => {
    const mod = PyImport_ImportModuleLevel("_strptime", Py_None, Py_None, 0);
    const args = a[1] === null ? [a[0] as PyObject] : [a[0] as PyObject, a[1]];
    return PyObject_Call(PyObject_GetAttr(mod, "_strptime_time"), args, null);
  });
  d0("tzset", () => {
    zone = null;
    localZone();
    initTimezone(d);
    return Py_None;
  });
  initTimezone(d);
  return m;
}
