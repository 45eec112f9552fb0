// CPython: Python/initconfig.c and Python/preconfig.c — the part of PyConfig that sys.flags,
// sys.warnoptions and sys._xoptions report: the command-line options combined with the PYTHON*
// environment variables (config_parse_cmdline, config_read_env_vars, config_init_warnoptions).
//
// This module imports nothing of the interpreter, so the command line can use it before the
// runtime is loaded.

/** The options the interpreter was started with (CPython: PyConfig / PyPreConfig fields). */
export interface SysOptions {
  parserDebug: number;
  inspect: number;
  interactive: number;
  optimize: number;
  writeBytecode: boolean;
  userSiteDirectory: boolean;
  siteImport: boolean;
  useEnvironment: boolean;
  verbose: number;
  bytesWarning: number;
  quiet: number;
  /** Whether str/bytes hashes are randomized (tython's never are: see sysmodule_info.ts). */
  hashRandomization: boolean;
  isolated: number;
  devMode: boolean;
  utf8Mode: number;
  warnDefaultEncoding: number;
  safePath: boolean;
  /** -1: the default (4300). */
  intMaxStrDigits: number;
  threadInheritContext: number;
  contextAwareWarnings: number;
  unbuffered: boolean;
  /** sys.warnoptions, in CPython's order. */
  warnoptions: string[];
  /** -X options as given ("name" or "name=value"). */
  xoptions: string[];
}

/** The options as the command line counted them (CPython: config_parse_cmdline's effects). */
export interface CmdLineOptions {
  /** How often each single-letter flag was given (b, B, d, E, i, I, O, P, q, R, s, S, u, v). */
  counts: Record<string, number>;
  /** -W arguments in order. */
  warnoptions: string[];
  /** -X arguments in order. */
  xoptions: string[];
}

/** The defaults (an interpreter started with no options and no PYTHON* variables). */
export function defaultSysOptions(): SysOptions {
  return {
    parserDebug: 0, inspect: 0, interactive: 0, optimize: 0, writeBytecode: true, userSiteDirectory: true,
    siteImport: true, useEnvironment: true, verbose: 0, bytesWarning: 0, quiet: 0, hashRandomization: false,
    isolated: 0, devMode: false, utf8Mode: 0, warnDefaultEncoding: 0, safePath: false, intMaxStrDigits: -1,
    threadInheritContext: 0, contextAwareWarnings: 0, unbuffered: false, warnoptions: [], xoptions: [],
  };
}

/** A configuration error, reported as CPython's "Fatal Python error: FUNC: MESSAGE". */
export class ConfigError extends Error {
  constructor(readonly func: string, message: string, readonly state: string) {
    super(message);
  }
  /** The text CPython writes to stderr (then it exits with status 1). */
  report(): string {
    return `Fatal Python error: ${this.func}: ${this.message}\nPython runtime state: ${this.state}\n\n`;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** A PYTHON* variable if the environment is used and it is non-empty (CPython: config_get_env). */
function getEnv(env: Env, use: boolean, name: string): string | null {
  if (!use) return null;
  const v = env[name];
  return v === undefined || v === "" ? null : v;
}

/** CPython: _Py_get_env_flag: a flag raised to the variable's value (non-numbers count as 1). */
function envFlag(env: Env, use: boolean, name: string, cur: number): number {
  const v = getEnv(env, use, name);
  if (v === null) return cur;
  let n = /^\s*[+-]?\d+\s*$/.test(v) ? Number.parseInt(v, 10) : 1;
  if (!Number.isFinite(n) || n < 0 || n > 0x7fffffff) n = 1;
  return Math.max(cur, n);
}

/** The value of -X NAME (true for a bare NAME, the text after '='), or undefined. */
function xoption(xoptions: readonly string[], name: string): string | true | undefined {
  let found: string | true | undefined;
  for (const x of xoptions) {
    const eq = x.indexOf("=");
    const key = eq < 0 ? x : x.slice(0, eq);
    if (key === name) found = eq < 0 ? true : x.slice(eq + 1);
  }
  return found;
}

/** "-X int_max_str_digits" / PYTHONINTMAXSTRDIGITS (CPython: config_init_int_max_str_digits). */
function parseMaxStrDigits(v: string, what: string): number {
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (!(n === 0 || (n >= 640 && n <= 0x7fffffff))) {
    throw new ConfigError("config_init_int_max_str_digits", `${what}: invalid limit; must be >= 640 or 0 for unlimited.`, "preinitialized");
  }
  return n;
}

/** Whether the LC_CTYPE locale is the C or POSIX locale (CPython: _Py_LegacyLocaleDetected). */
function legacyLocale(env: Env): boolean {
  const loc = env.LC_ALL || env.LC_CTYPE || env.LANG || "C";
  return loc === "C" || loc === "POSIX";
}

/**
 * Combines the command line with the environment as CPython's PyConfig_Read does. Throws
 * ConfigError for the values CPython refuses at startup.
 */
export function readSysOptions(cl: CmdLineOptions, env: Env): SysOptions {
  const o = defaultSysOptions();
  const c = (k: string): number => cl.counts[k] ?? 0;
  o.xoptions = cl.xoptions.slice();
  o.parserDebug = c("d");
  o.inspect = c("i") ? 1 : 0;
  o.interactive = c("i") ? 1 : 0;
  o.optimize = c("O");
  o.writeBytecode = c("B") === 0;
  o.userSiteDirectory = c("s") === 0;
  o.siteImport = c("S") === 0;
  o.useEnvironment = c("E") === 0;
  o.verbose = c("v");
  o.bytesWarning = c("b");
  o.quiet = c("q") ? 1 : 0;
  o.safePath = c("P") > 0;
  o.unbuffered = c("u") > 0;
  if (c("I")) {
    o.isolated = 1;
    o.useEnvironment = false;
    o.userSiteDirectory = false;
    o.safePath = true;
  }
  const use = o.useEnvironment;
  const x = cl.xoptions;

  // preconfig: -X utf8 / PYTHONUTF8, else the C/POSIX locale turns UTF-8 mode on
  const xutf8 = xoption(x, "utf8");
  const envUtf8 = getEnv(env, use, "PYTHONUTF8");
  if (xutf8 !== undefined) {
    if (xutf8 === true || xutf8 === "1") o.utf8Mode = 1;
    else if (xutf8 === "0") o.utf8Mode = 0;
    else throw new ConfigError("preconfig_init_utf8_mode", "invalid -X utf8 option value", "preinitializing");
  } else if (envUtf8 !== null) {
    if (envUtf8 === "1") o.utf8Mode = 1;
    else if (envUtf8 === "0") o.utf8Mode = 0;
    else throw new ConfigError("preconfig_init_utf8_mode", "invalid PYTHONUTF8 environment variable value", "preinitializing");
  } else {
    o.utf8Mode = legacyLocale(env) ? 1 : 0;
  }
  o.devMode = xoption(x, "dev") !== undefined || getEnv(env, use, "PYTHONDEVMODE") !== null;

  o.parserDebug = envFlag(env, use, "PYTHONDEBUG", o.parserDebug);
  o.verbose = envFlag(env, use, "PYTHONVERBOSE", o.verbose);
  o.optimize = envFlag(env, use, "PYTHONOPTIMIZE", o.optimize);
  o.inspect = envFlag(env, use, "PYTHONINSPECT", o.inspect);
  if (envFlag(env, use, "PYTHONDONTWRITEBYTECODE", 0)) o.writeBytecode = false;
  if (envFlag(env, use, "PYTHONNOUSERSITE", 0)) o.userSiteDirectory = false;
  if (envFlag(env, use, "PYTHONUNBUFFERED", 0)) o.unbuffered = true;
  if (getEnv(env, use, "PYTHONSAFEPATH") !== null) o.safePath = true;
  if (xoption(x, "warn_default_encoding") !== undefined || getEnv(env, use, "PYTHONWARNDEFAULTENCODING") !== null) {
    o.warnDefaultEncoding = 1;
  }

  const seed = getEnv(env, use, "PYTHONHASHSEED");
  if (seed !== null && seed !== "random" && !(/^\d+$/.test(seed) && Number(seed) <= 4294967295)) {
    throw new ConfigError("config_init_hash_seed", 'PYTHONHASHSEED must be "random" or an integer in range [0; 4294967295]', "preinitialized");
  }

  const xdigits = xoption(x, "int_max_str_digits");
  const envDigits = getEnv(env, use, "PYTHONINTMAXSTRDIGITS");
  if (xdigits !== undefined) o.intMaxStrDigits = parseMaxStrDigits(xdigits === true ? "" : xdigits, "-X int_max_str_digits");
  else if (envDigits !== null) o.intMaxStrDigits = parseMaxStrDigits(envDigits, "PYTHONINTMAXSTRDIGITS");

  o.threadInheritContext = onOff(x, "thread_inherit_context", env, use, "PYTHON_THREAD_INHERIT_CONTEXT");
  o.contextAwareWarnings = onOff(x, "context_aware_warnings", env, use, "PYTHON_CONTEXT_AWARE_WARNINGS");

  // config_init_warnoptions: lowest priority first, each option once
  const w: string[] = [];
  const add = (s: string): void => {
    if (!w.includes(s)) w.push(s);
  };
  if (o.devMode) add("default");
  const envW = getEnv(env, use, "PYTHONWARNINGS");
  if (envW !== null) for (const part of envW.split(",")) if (part !== "") add(part);
  for (const s of cl.warnoptions) add(s);
  if (o.bytesWarning) add(o.bytesWarning > 1 ? "error::BytesWarning" : "default::BytesWarning");
  o.warnoptions = w;
  return o;
}

/** A 0/1 option from -X NAME=0|1 or an environment variable (CPython: config_init_*). */
function onOff(x: readonly string[], name: string, env: Env, use: boolean, envName: string): number {
  const v = xoption(x, name);
  if (v !== undefined) {
    if (v === "1") return 1;
    if (v === "0") return 0;
    throw new ConfigError(`config_init_${name}`, `-X ${name}=n: n is missing or invalid`, "preinitialized");
  }
  const e = getEnv(env, use, envName);
  if (e !== null) {
    if (e === "1") return 1;
    if (e === "0") return 0;
    throw new ConfigError(`config_init_${name}`, `${envName}=N: N is missing or invalid`, "preinitialized");
  }
  return 0;
}

/** What an interpreter started without options gets from the environment alone. */
function environmentOnly(): SysOptions {
  try {
    return readSysOptions({ counts: {}, warnoptions: [], xoptions: [] }, process.env);
  } catch {
    return defaultSysOptions();
  }
}

/** The options of the running interpreter (the command line sets them before the program runs). */
export let sysOptions: SysOptions = environmentOnly();
export function setSysOptions(o: SysOptions): void {
  sysOptions = o;
}
