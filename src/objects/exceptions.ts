// CPython: Objects/exceptions.c
//
// Error convention: a Python error is thrown as the Python exception object itself (an instance of
// PyBaseException); any other thrown JavaScript value is a bug in tython.
import { PyObjectBase } from "./object.js";

export class PyBaseException extends PyObjectBase {
  constructor(
    /** Name of the exception's class until the type system exists, e.g. "SyntaxError". */
    public readonly typeName: string,
    public readonly args: readonly unknown[],
  ) {
    super();
  }
}

/** SyntaxError and its subclasses IndentationError and TabError (CPython: SyntaxError_init). */
export class PySyntaxError extends PyBaseException {
  constructor(
    typeName: "SyntaxError" | "IndentationError" | "TabError",
    public readonly msg: string,
    public readonly filename: string,
    /** 1-based line, or null when unknown. */
    public readonly lineno: number | null,
    /** 1-based offset in characters (as CPython's SyntaxError.offset), or null. */
    public readonly offset: number | null,
    public readonly endLineno: number | null,
    public readonly endOffset: number | null,
    /** The source line, or null. */
    public readonly text: string | null,
  ) {
    super(typeName, [msg]);
  }
}
