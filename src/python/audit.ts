// CPython: Python/sysmodule.c — audit hooks (PEP 578): sys.addaudithook, sys.audit, PySys_Audit.
import { type PyObject } from "../objects/object.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyObject_CallFunctionObjArgs } from "../objects/abstract.js";

/** Hooks added by sys.addaudithook, called in order for every event. */
export const auditHooks: PyObject[] = [];

/** Raises the audit event `event` with `args` (CPython: PySys_Audit); cheap when there are no hooks. */
export function PySys_Audit(event: string, args: readonly PyObject[]): void {
  if (auditHooks.length === 0) return;
  const t = new PyTuple(args.slice());
  for (const hook of auditHooks.slice()) PyObject_CallFunctionObjArgs(hook, event, t);
}
