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

/** Replaces the body macros: DEOPT_IF(cond), DISPATCH(), DISPATCH_SAME_OPARG(), LOAD_FRAME_STATE(). */
function expandBody(body: string, inst: Instruction, a: Analysis): string {
  return body
    .replace(/\bDEOPT_IF\((.*)\);/g, (_m, cond: string) => {
      if (inst.family === null) throw new Error(`${inst.name}: DEOPT_IF outside a specialization`);
      return `if (${cond}) { nextInstr = thisInstr + 1; opcode = ${a.opmap.get(inst.family)}; continue reswitch; }`;
    })
    .replace(/\bDISPATCH_SAME_OPARG\(\);/g, "{ opcode = code[thisInstr]! & 255; nextInstr = thisInstr + 1; continue reswitch; }")
    .replace(/\bDISPATCH\(\);/g, "continue dispatch;")
    .replace(/\bLOAD_FRAME_STATE\(\);/g, "{ co = frame.f_executable; code = _PyCode_GetAdaptive(co); lp = frame.localsplus; sp = frame.stackpointer; }");
}

function reindent(body: string, indent: string): string[] {
  if (body.trim() === "") return [];
  const lines = body.replace(/^\n+|\s+$/g, "").split("\n");
  const widths = lines.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length);
  const strip = widths.length ? Math.min(...widths) : 0;
  return lines.map((l) => (l.trim() === "" ? "" : indent + l.slice(strip)));
}

function emitCase(inst: Instruction, a: Analysis): string[] {
  const d = inst.def;
  const ind = "            ";
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
  out.push(...reindent(expandBody(body, inst, a), i2));
  d.outputs.forEach((item, k) => {
    if (passthrough(k) || item.size !== null) return;
    out.push(`${i2}lp[${plus(base, outOffs[k]!)}] = ${ident(item.name)};`);
  });
  if (pushed !== popped) {
    const delta = `${pushed} - (${popped})`;
    const simple = /^\d+$/.test(pushed) && /^\d+$/.test(popped) ? String(Number(pushed) - Number(popped)) : delta;
    out.push(`${i2}sp += ${simple};`);
  }
  out.push(`${i2}continue dispatch;`, `${ind}}`);
  return out;
}

export function emitCases(a: Analysis, preamble: string): string {
  const cases: string[] = [];
  const insts = [...a.instructions.values()].filter((i) => i.opcode <= 255).sort((x, y) => x.opcode - y.opcode);
  for (const inst of insts) cases.push(...emitCase(inst, a));
  return [
    HEADER,
    "/**",
    " * The eval loop (CPython: Python/ceval.c, _PyEval_EvalFrameDefault, with the cases of",
    " * Python/generated_cases.c.h). Exports: _PyEval_EvalFrameDefault(tstate, frame, throwflag).",
    " */",
    preamble.trim(),
    "",
    "/**",
    " * Runs `entry` until it returns; Python-to-Python calls made meanwhile run in this same loop.",
    " * A Python exception is thrown out (as the exception object) when no frame handles it.",
    " */",
    "export function _PyEval_EvalFrameDefault(tstate: PyThreadState, entry: _PyInterpreterFrame, throwflag: boolean): PyObject {",
    "  let frame = entry;",
    "  let co = frame.f_executable;",
    "  let code = _PyCode_GetAdaptive(co);",
    "  let lp = frame.localsplus;",
    "  let sp = frame.stackpointer;",
    "  let nextInstr = frame.instr_ptr;",
    "  let thisInstr = nextInstr;",
    "  let opcode = 0;",
    "  let oparg = 0;",
    "  let word = 0;",
    "  // Set by RERAISE and bare `raise`: the traceback already has this frame's entry.",
    "  let reraising = false;",
    "  frame.previous = tstate.current_frame;",
    "  tstate.current_frame = frame;",
    "  for (;;) {",
    "    try {",
    "      if (throwflag) {",
    "        // generator.throw(): raise at the YIELD_VALUE the frame is suspended after",
    "        throwflag = false;",
    "        thisInstr = nextInstr - 1;",
    "        throw _PyEval_PendingThrow(tstate);",
    "      }",
    "      dispatch: for (;;) {",
    "        thisInstr = nextInstr;",
    "        word = code[nextInstr]!;",
    "        opcode = word & 255;",
    "        oparg = word >>> 8;",
    "        nextInstr++;",
    "        reswitch: for (;;) {",
    "          switch (opcode) {",
    ...cases,
    "            default:",
    "              throw _PyEval_NotImplemented(`opcode ${opcode}`);",
    "          }",
    "        }",
    "      }",
    "    } catch (e) {",
    "      // CPython: ceval.c, the error and exception_unwind labels",
    "      const exc = PyErr_FromJS(e);",
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
    "        LOAD_FRAME_STATE();".replace("LOAD_FRAME_STATE();", "co = frame.f_executable; code = _PyCode_GetAdaptive(co); lp = frame.localsplus; sp = frame.stackpointer;"),
    "        thisInstr = frame.instr_ptr;",
    "        PyTraceBack_Here(frame, exc);",
    "      }",
    "    }",
    "  }",
    "}",
    "",
  ].join("\n");
}
