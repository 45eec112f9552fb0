// The PEP 523 frame-evaluation hook: an installed function sees every Python frame (the loop
// stops running callees inline) and can delegate to the default evaluator.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileStringObject } from "../../src/compiler/compile.js";
import { PyCodeObject } from "../../src/objects/codeobject.js";
import { PyDict } from "../../src/objects/dictobject.js";
import type { PyObject } from "../../src/objects/object.js";
import { builtinsModule } from "../../src/python/bltinmodule.js";
import { PyEval_EvalCode } from "../../src/vm/ceval.js";
import { _PyEval_EvalFrameDefault } from "../../src/vm/generated_cases.generated.js";
import {
  PyInterpreterState_Get, _PyInterpreterState_GetEvalFrameFunc, _PyInterpreterState_SetEvalFrameFunc,
  type _PyFrameEvalFunction,
} from "../../src/vm/pystate.js";

function run(source: string): PyDict {
  const code = compileStringObject(source, "<test>", "exec") as PyCodeObject;
  const globals = new PyDict();
  globals.setStr("__name__", "__main__");
  globals.setStr("__builtins__", builtinsModule);
  PyEval_EvalCode(code, globals, globals);
  return globals;
}

const SOURCE = `
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
result = fib(10)
`;

test("without a hook the loop runs the program", () => {
  assert.equal(_PyInterpreterState_GetEvalFrameFunc(PyInterpreterState_Get()), null);
  assert.equal(run(SOURCE).getStr("result"), 55);
});

test("an installed hook sees every frame and can delegate", () => {
  const interp = PyInterpreterState_Get();
  const seen: string[] = [];
  const hook: _PyFrameEvalFunction = (tstate, frame, throwflag): PyObject => {
    seen.push(frame.f_executable.co_name);
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
  };
  _PyInterpreterState_SetEvalFrameFunc(interp, hook);
  try {
    assert.equal(run(SOURCE).getStr("result"), 55);
  } finally {
    _PyInterpreterState_SetEvalFrameFunc(interp, null);
  }
  assert.equal(seen[0], "<module>");
  assert.equal(seen.filter((n) => n === "fib").length, 177); // calls made by fib(10)
});

test("a hook can replace evaluation", () => {
  const interp = PyInterpreterState_Get();
  _PyInterpreterState_SetEvalFrameFunc(interp, (tstate, frame, throwflag) =>
    frame.f_executable.co_name === "answer" ? 42 : _PyEval_EvalFrameDefault(tstate, frame, throwflag),
  );
  try {
    assert.equal(run("def answer():\n    return 0\nresult = answer()\n").getStr("result"), 42);
  } finally {
    _PyInterpreterState_SetEvalFrameFunc(interp, null);
  }
});
