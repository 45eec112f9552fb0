// Writes src/vm/generated_cases.generated.ts (CPython: Tools/cases_generator/tier1_generator.py):
// the eval loop function with one switch case per instruction. Each case reads its stack inputs
// (without popping), advances past its inline cache, runs the body, then stores its outputs and
// moves the stack pointer, all derived from the `(inputs -- outputs)` declaration.
import { countExpr, type Analysis, type Instruction } from "./analyzer.js";
import { HEADER } from "./emit_metadata.js";
import type { StackItem } from "./parser.js";

/** Stack item names that are TypeScript reserved words. */
const RENAME: Record<string, string> = { null: "null_", class: "class_" };
const ident = (name: string): string => RENAME[name] ?? name;

/** `base + offset` simplified: offsets are `(expr)` sums kept symbolic. */
function plus(base: string, offset: string): string {
  if (offset === "0") return base;
  return `${base} + ${offset}`;
}

/** Offsets (from the first item) of each item, as expressions. */
function offsets(items: StackItem[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) out.push(countExpr(items.slice(0, i)));
  return out;
}

function mayBeNull(name: string): boolean {
  return /null/.test(name);
}

type Mode = "hot" | "cold";

/** Saves the cold function's copies of the loop state back into `st`. */
const SYNC = "st.frame = frame; st.co = co; st.code = code; st.lp = lp; st.sp = sp; st.nextInstr = nextInstr;";

/** How a case leaves: to the next instruction, to the switch again, or out of the loop. */
function leave(mode: Mode, how: "dispatch" | "reswitch" | "return", value = ""): string {
  if (mode === "hot") return how === "dispatch" ? "continue dispatch;" : how === "reswitch" ? "continue reswitch;" : `return ${value};`;
  if (how === "dispatch") return `{ ${SYNC} return 0; }`;
  if (how === "reswitch") return `{ ${SYNC} st.opcode = opcode; st.oparg = oparg; st.thisInstr = thisInstr; return 1; }`;
  return `{ ${SYNC} st.retval = ${value}; return 2; }`;
}

/** Expands the body macros (listed at the top of bytecodes.def) for the hot or the cold function. */
function expandBody(body: string, inst: Instruction, a: Analysis, mode: Mode): string {
  return body
    .replace(/\bDEOPT_IF\((.*)\);/g, (_m, cond: string) => {
      if (inst.family === null) throw new Error(`${inst.name}: DEOPT_IF outside a specialization`);
      return `if (${cond}) { nextInstr = thisInstr + 1; opcode = ${a.opmap.get(inst.family)}; ${leave(mode, "reswitch")} }`;
    })
    .replace(/\bDISPATCH_SAME_OPARG\(\);/g, `{ opcode = code[thisInstr]! & 255; nextInstr = thisInstr + 1; ${leave(mode, "reswitch")} }`)
    .replace(/\bDISPATCH_SAME_OPARG_AS\((.*)\);/g, (_m, op: string) => `{ opcode = ${op}; ${leave(mode, "reswitch")} }`)
    .replace(/\bDISPATCH\(\);/g, leave(mode, "dispatch"))
    .replace(/\bENTER_FRAME\((\w+), (.*)\);/g, (_m, nf: string, n: string) =>
      `{ sp -= ${n}; for (let i = sp; i < sp + ${n}; i++) lp[i] = null; frame.stackpointer = sp; frame.instr_ptr = thisInstr; ` +
      `frame.return_offset = nextInstr - thisInstr; ${nf}.previous = frame; tstate.current_frame = ${nf}; frame = ${nf}; ` +
      `co = frame.f_executable; code = _PyCode_GetAdaptive(co); lp = frame.localsplus; sp = frame.stackpointer; nextInstr = 0; ${leave(mode, "dispatch")} }`)
    .replace(/\bRETURN_FROM_EVAL\((.*)\);/g, (_m, v: string) => leave(mode, "return", v))
    .replace(/\bCHECK_EVAL_BREAKER\(\);/g, mode === "hot" ? `if (--budget <= 0) { ${SYNC} return null; }` : "")
    .replace(/\bSKIP_TRACEBACK\(\);/g, mode === "hot" ? "reraising = true;" : "st.reraising = true;")
    .replace(/\bLOAD_FRAME_STATE\(\);/g, "{ co = frame.f_executable; code = _PyCode_GetAdaptive(co); lp = frame.localsplus; sp = frame.stackpointer; }");
}

function reindent(body: string, indent: string): string[] {
  if (body.trim() === "") return [];
  const lines = body.replace(/^\n+|\s+$/g, "").split("\n");
  const widths = lines.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length);
  const strip = widths.length ? Math.min(...widths) : 0;
  return lines.map((l) => (l.trim() === "" ? "" : indent + l.slice(strip)));
}

function emitCase(inst: Instruction, a: Analysis, mode: Mode): string[] {
  const d = inst.def;
  const ind = mode === "hot" ? "            " : "      ";
  const out = [`${ind}case ${inst.opcode}: /* ${inst.name} */ {`];
  const i2 = ind + "  ";
  const popped = countExpr(d.inputs);
  const pushed = countExpr(d.outputs);
  const base = popped === "0" ? "sp" : `sp - (${popped})`;
  const inOffs = offsets(d.inputs);
  const outOffs = offsets(d.outputs);
  const body = d.body ?? "";
  const used = (name: string): boolean => new RegExp(`\\b${ident(name)}\\b`).test(body);
  // outputs that are not the same input in the same place
  const passthrough = (k: number): boolean => {
    const item = d.outputs[k]!;
    if (item.name === "unused") return true;
    const j = d.inputs.findIndex((x) => x.name === item.name);
    return j >= 0 && inOffs[j] === outOffs[k] && d.inputs[j]!.size === item.size;
  };
  const movedOutput = (name: string): boolean => d.outputs.some((o, k) => o.name === name && !passthrough(k));
  // inputs
  d.inputs.forEach((item, k) => {
    if (item.name === "unused" || !(used(item.name) || movedOutput(item.name))) return;
    const pos = plus(base, inOffs[k]!);
    if (item.size !== null) out.push(`${i2}const ${ident(item.name)} = ${pos};`);
    else out.push(`${i2}const ${ident(item.name)} = lp[${pos}]${mayBeNull(item.name) ? "" : " as PyObject"};`);
  });
  // cache entries: their index in `code`
  let cacheOff = 1;
  for (const c of d.caches) {
    if (c.name !== "unused" && used(c.name)) out.push(`${i2}const ${c.name} = thisInstr + ${cacheOff};`);
    cacheOff += c.size;
  }
  const isInput = (name: string): boolean => d.inputs.some((x) => x.name === name);
  d.outputs.forEach((item, k) => {
    if (passthrough(k) || isInput(item.name)) return;
    const pos = plus(base, outOffs[k]!);
    if (item.size !== null) out.push(`${i2}const ${ident(item.name)} = ${pos};`);
    else out.push(`${i2}let ${ident(item.name)}: PyObject${mayBeNull(item.name) ? " | null" : ""};`);
  });
  if (inst.cacheSize > 0) out.push(`${i2}nextInstr += ${inst.cacheSize};`);
  if (d.body === null) {
    out.push(`${i2}throw _PyEval_NotImplemented(${JSON.stringify(inst.name)});`, `${ind}}`);
    return out;
  }
  out.push(...reindent(expandBody(body, inst, a, mode), i2));
  d.outputs.forEach((item, k) => {
    if (passthrough(k) || item.size !== null) return;
    out.push(`${i2}lp[${plus(base, outOffs[k]!)}] = ${ident(item.name)};`);
  });
  if (pushed !== popped) {
    const delta = `${pushed} - (${popped})`;
    const simple = /^\d+$/.test(pushed) && /^\d+$/.test(popped) ? String(Number(pushed) - Number(popped)) : delta;
    out.push(`${i2}sp += ${simple};`);
  }
  out.push(`${i2}${leave(mode, "dispatch")}`, `${ind}}`);
  return out;
}

export function emitCases(a: Analysis, preamble: string, hot: Set<string>): string {
  const insts = [...a.instructions.values()].filter((i) => i.opcode <= 255).sort((x, y) => x.opcode - y.opcode);
  const hotCases: string[] = [];
  const coldCases: string[] = [];
  const hotOps = new Set<number>();
  for (const inst of insts) {
    if (hot.has(inst.name)) {
      hotCases.push(...emitCase(inst, a, "hot"));
      hotOps.add(inst.opcode);
    } else {
      coldCases.push(...emitCase(inst, a, "cold"));
    }
  }
  // Every other byte value gets a label too: V8 compiles a switch into a jump table only when
  // its case values are dense.
  const coldLabels: string[] = [];
  for (let op = 0; op < 256; op += 16) {
    const row: string[] = [];
    for (let k = op; k < op + 16; k++) if (!hotOps.has(k)) row.push(`case ${k}:`);
    if (row.length > 0) coldLabels.push("            " + row.join(" "));
  }
  return [
    HEADER,
    "/**",
    " * The eval loop (CPython: Python/ceval.c, _PyEval_EvalFrameDefault, with the cases of",
    " * Python/generated_cases.c.h). Exports: _PyEval_EvalFrameDefault(tstate, frame, throwflag).",
    " * The `hot` instructions of bytecodes.def are cases of the loop; the others are cases of",
    " * _PyEval_ColdCases, which the loop calls with its state in an EvalState.",
    " */",
    preamble.trim(),
    "",
    "/** The loop's state while a cold instruction runs (CPython keeps these in C locals). */",
    "/** Backward jumps and calls between two entries of _PyEval_Loop. */",
    "const EVAL_BUDGET = 4096;",
    "",
    "class EvalState {",
    "  frame: _PyInterpreterFrame;",
    "  co: PyCodeObject;",
    "  code: Uint16Array;",
    "  lp: (PyObject | null)[];",
    "  sp = 0;",
    "  nextInstr = 0;",
    "  thisInstr = 0;",
    "  opcode = 0;",
    "  oparg = 0;",
    "  reraising = false;",
    "  throwflag = false;",
    "  retval: PyObject | null = null;",
    "  constructor(",
    "    readonly tstate: PyThreadState,",
    "    readonly entry: _PyInterpreterFrame,",
    "  ) {",
    "    this.frame = entry;",
    "    this.co = entry.f_executable;",
    "    this.code = _PyCode_GetAdaptive(this.co);",
    "    this.lp = entry.localsplus;",
    "  }",
    "}",
    "",
    "/**",
    " * Runs `entry` until it returns; Python-to-Python calls made meanwhile run in this same loop.",
    " * A Python exception is thrown out (as the exception object) when no frame handles it.",
    " */",
    "export function _PyEval_EvalFrameDefault(tstate: PyThreadState, entry: _PyInterpreterFrame, throwflag: boolean): PyObject {",
    "  _PyEval_EnterFrame(tstate);",
    "  const st = new EvalState(tstate, entry);",
    "  st.sp = entry.stackpointer;",
    "  st.nextInstr = entry.instr_ptr;",
    "  st.throwflag = throwflag;",
    "  entry.previous = tstate.current_frame;",
    "  tstate.current_frame = entry;",
    "  return _PyEval_Run(st);",
    "}",
    "",
    "/**",
    " * Runs the loop of `st` to its end. Between two entries of the loop (the eval breaker) other",
    " * threads may run: the thread's outermost loop, when it may, suspends (returns _PyEval_SUSPENDED",
    " * to the scheduler, which resumes it later); other loops run the other threads nested",
    " * (src/python/ceval_gil.ts, docs/threads.md).",
    " */",
    "function _PyEval_Run(st: EvalState): PyObject {",
    "  const tstate = st.tstate;",
    "  tstate.eval_depth++;",
    "  try {",
    "    for (;;) {",
    "      const result = _PyEval_Loop(st);",
    "      if (result !== null) {",
    "        if (result === _PyEval_SUSPENDED) _PyThread_SetResume(tstate, () => _PyEval_Run(st));",
    "        return result;",
    "      }",
    "      if (_PyThread_Multiple() && _PyThread_SwitchDue()) {",
    "        if (tstate.suspendable && tstate.eval_depth === 1) {",
    "          _PyThread_SetResume(tstate, () => _PyEval_Run(st));",
    "          return _PyEval_SUSPENDED;",
    "        }",
    "        _PyThread_YieldNested();",
    "      }",
    "      if (tstate.pending_async_exc !== null) {",
    "        // an exception sent to this thread (_thread.interrupt_main): raised where the loop stands",
    "        tstate.pending_throw = tstate.pending_async_exc;",
    "        tstate.pending_async_exc = null;",
    "        st.throwflag = true;",
    "      }",
    "      if (_PyEval_Signals.pending && tstate === _PyEval_Signals.main) {",
    "        // a signal handler to run, or a timer to poll (signal.alarm/setitimer)",
    "        const exc = _PyEval_Signals.check();",
    "        if (exc !== null) {",
    "          tstate.pending_throw = exc;",
    "          st.throwflag = true;",
    "        }",
    "      }",
    "    }",
    "  } finally {",
    "    tstate.eval_depth--;",
    "  }",
    "}",
    "",
    "/**",
    " * The dispatch loop. Returns the entry frame's result, or null after EVAL_BUDGET backward jumps",
    " * and calls, to be called again: entering afresh lets V8 run the newest optimized code (a",
    " * function that never returns can only be replaced by on-stack replacement, which stops after",
    " * a few deoptimizations).",
    " */",
    "function _PyEval_Loop(st: EvalState): PyObject | null {",
    "  const tstate = st.tstate;",
    "  const entry = st.entry;",
    "  let frame = st.frame;",
    "  let co = st.co;",
    "  let code = st.code;",
    "  let lp = st.lp;",
    "  let sp = st.sp;",
    "  let nextInstr = st.nextInstr;",
    "  let thisInstr = nextInstr;",
    "  let opcode = 0;",
    "  let oparg = 0;",
    "  let word = 0;",
    "  let budget = EVAL_BUDGET;",
    "  // Set by RERAISE and bare `raise`: the traceback already has this frame's entry.",
    "  let reraising = false;",
    "  for (;;) {",
    "    try {",
    "      if (st.throwflag) {",
    "        // generator.throw(): raise at the YIELD_VALUE the frame is suspended after",
    "        st.throwflag = false;",
    "        thisInstr = nextInstr - 1;",
    "        throw _PyEval_PendingThrow(tstate);",
    "      }",
    "      dispatch: for (;;) {",
    "        frame.instr_ptr = thisInstr = nextInstr;",
    "        word = code[nextInstr]!;",
    "        opcode = word & 255;",
    "        oparg = word >>> 8;",
    "        nextInstr++;",
    "        reswitch: for (;;) {",
    "          switch (opcode) {",
    ...hotCases,
    ...coldLabels,
    "            default: {",
    "              st.frame = frame; st.co = co; st.code = code; st.lp = lp; st.sp = sp;",
    "              st.nextInstr = nextInstr; st.thisInstr = thisInstr; st.opcode = opcode; st.oparg = oparg;",
    "              const act = _PyEval_ColdCases(st);",
    "              frame = st.frame; co = st.co; code = st.code; lp = st.lp; sp = st.sp;",
    "              nextInstr = st.nextInstr; thisInstr = st.thisInstr;",
    "              if (act === 0) continue dispatch;",
    "              if (act === 1) {",
    "                opcode = st.opcode;",
    "                oparg = st.oparg;",
    "                continue reswitch;",
    "              }",
    "              return st.retval!;",
    "            }",
    "          }",
    "        }",
    "      }",
    "    } catch (e) {",
    "      if (e === _PyThread_SuspendSignal) {",
    "        // a blocking call suspends the thread: it is executed again when the thread resumes",
    "        st.frame = frame; st.co = co; st.code = code; st.lp = lp; st.sp = sp; st.nextInstr = thisInstr;",
    "        return _PyEval_SUSPENDED;",
    "      }",
    "      // CPython: ceval.c, the error and exception_unwind labels",
    "      const exc = PyErr_FromJS(e);",
    "      if (st.reraising) {",
    "        reraising = true;",
    "        st.reraising = false;",
    "      }",
    "      if (!reraising) {",
    "        _PyErr_ChainContext(tstate, exc);",
    "        frame.instr_ptr = thisInstr;",
    "        PyTraceBack_Here(frame, exc);",
    "      }",
    "      reraising = false;",
    "      for (;;) {",
    "        if (get_exception_handler(co, thisInstr) >= 0) {",
    "          const level = co.co_nlocalsplus + exceptionHandler.depth;",
    "          while (sp > level) lp[--sp] = null;",
    "          if (exceptionHandler.lasti) lp[sp++] = frame.instr_ptr;",
    "          lp[sp++] = exc;",
    "          nextInstr = exceptionHandler.target;",
    "          break;",
    "        }",
    "        const stackBase = co.co_nlocalsplus;",
    "        while (sp > stackBase) lp[--sp] = null;",
    "        tstate.current_frame = frame.previous;",
    "        _PyEval_FrameClearAndPop(tstate, frame);",
    "        if (frame === entry) throw exc;",
    "        frame = frame.previous!;",
    "        co = frame.f_executable; code = _PyCode_GetAdaptive(co); lp = frame.localsplus; sp = frame.stackpointer;",
    "        thisInstr = frame.instr_ptr;",
    "        PyTraceBack_Here(frame, exc);",
    "      }",
    "    }",
    "  }",
    "}",
    "",
    "/**",
    " * The cases of the instructions not in the loop function. Returns 0 to go on with the next",
    " * instruction, 1 to dispatch st.opcode with st.oparg, 2 to leave the loop with st.retval.",
    " */",
    "function _PyEval_ColdCases(st: EvalState): number {",
    "  const tstate = st.tstate;",
    "  const entry = st.entry;",
    "  let frame = st.frame;",
    "  let co = st.co;",
    "  let code = st.code;",
    "  let lp = st.lp;",
    "  let sp = st.sp;",
    "  let nextInstr = st.nextInstr;",
    "  const thisInstr = st.thisInstr;",
    "  let opcode = st.opcode;",
    "  const oparg = st.oparg;",
    "  switch (opcode) {",
    ...coldCases,
    "    default:",
    "      throw _PyEval_NotImplemented(`opcode ${opcode}`);",
    "  }",
    "}",
    "",
  ].join("\n");
}
