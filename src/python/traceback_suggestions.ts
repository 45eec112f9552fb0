// CPython 3.14: Lib/traceback.py, _compute_suggestion_error: the "Did you mean: 'x'?" (and
// "Did you forget to import 'x'?") added to the message of an uncaught NameError or AttributeError.
import { PyObject_Vectorcall, PyObject_HasAttr } from "../objects/abstract.js";
import { PyBaseException, PyNameError, PyAttributeError } from "../objects/exceptions.js";
import { PyDict } from "../objects/dictobject.js";
import { PyList } from "../objects/listobject.js";
import type { PyObject } from "../objects/object.js";
import { builtinsDict } from "./bltinmodule.js";
import { STDLIB_MODULE_NAMES } from "./stdlib_module_names.js";
import { calculateSuggestions } from "./suggestions.js";
import type { PyTraceBackObject } from "./traceback.js";

function dictKeys(d: PyObject): string[] {
  if (!(d instanceof PyDict)) return [];
  const out: string[] = [];
  for (let i = 0; i < d.capacity; i++) {
    const k = d.keyAt(i);
    if (typeof k === "string") out.push(k);
  }
  return out;
}

function lastFrameLocals(tb: PyTraceBackObject | null): { locals: PyObject; globals: PyObject; builtins: PyObject } | null {
  if (tb === null) return null;
  while (tb.tb_next !== null) tb = tb.tb_next;
  const f = tb.tb_frame;
  return { locals: f.f_locals, globals: f.f_frame.f_globals, builtins: f.f_frame.f_builtins };
}

function dirOf(obj: PyObject): string[] {
  const dir = builtinsDict.getStr("dir");
  if (dir === undefined) return [];
  const r = PyObject_Vectorcall(dir, [obj], 0, 1, null);
  return r instanceof PyList ? r.items.filter((x): x is string => typeof x === "string").sort() : [];
}

/** The text added after the message of a NameError or AttributeError ("" when none). */
export function suggestionSuffix(exc: PyBaseException, tb: PyTraceBackObject | null): string {
  try {
    if (exc instanceof PyAttributeError && typeof exc.name === "string") {
      const wrong = exc.name;
      let d = dirOf(exc.obj);
      let hide = !wrong.startsWith("_");
      if (hide) {
        const fr = lastFrameLocals(tb);
        const self = fr !== null && fr.locals instanceof PyDict ? fr.locals.getStr("self") : undefined;
        if (self !== undefined && self === exc.obj) hide = false;
      }
      if (hide) d = d.filter((x) => !x.startsWith("_"));
      const s = calculateSuggestions(d, wrong);
      return s === null ? "" : `. Did you mean: '${s}'?`;
    }
    if (exc instanceof PyNameError && typeof exc.name === "string") {
      const wrong = exc.name;
      const fr = lastFrameLocals(tb);
      let s: string | null = null;
      if (fr !== null) {
        const self = fr.locals instanceof PyDict ? fr.locals.getStr("self") : undefined;
        if (self !== undefined && PyObject_HasAttr(self, wrong)) {
          s = `self.${wrong}`;
        } else {
          s = calculateSuggestions([...dictKeys(fr.locals), ...dictKeys(fr.globals), ...dictKeys(fr.builtins)], wrong);
        }
      }
      let out = s === null ? "" : `. Did you mean: '${s}'?`;
      if (STDLIB_MODULE_NAMES.has(wrong)) out += s === null ? `. Did you forget to import '${wrong}'?` : ` Or did you forget to import '${wrong}'?`;
      return out;
    }
  } catch {
    return "";
  }
  return "";
}

