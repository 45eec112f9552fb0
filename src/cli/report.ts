// How tython reports one of its own bugs (a thrown value that is not a Python exception): one clear
// paragraph naming the error and where it happened, not a raw stack trace.

/** How tython reports one of its own bugs: one clear paragraph, not a raw stack trace. */
export function internalErrorReport(e: unknown): string {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const where = e instanceof Error && e.stack ? e.stack.split("\n").slice(1, 4).map((l) => l.trim()).join(" <- ") : "";
  return `tython: internal error: ${what}${where ? `\n  (at ${where})` : ""}\n`;
}
