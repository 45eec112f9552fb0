// CPython: Modules/_posixsubprocess.c — fork_exec, the child-process launcher behind subprocess.Popen.
// Node cannot fork, and its child_process cannot hand a child the fds subprocess sets up (it has
// no pipe or dup2 either), so fork_exec raises OSError(ENOSYS): `import subprocess` works and
// Popen fails as on a platform without fork (docs/os-support.md).
import { PyModule } from "../objects/moduleobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { notAvailable } from "../python/oserror.js";

export function init_posixsubprocess(): PyModule {
  const m = new PyModule("_posixsubprocess", "A POSIX helper for the subprocess module.");
  m.dict.setStr("fork_exec", newBuiltinFunction("fork_exec", () => {
    throw notAvailable("fork_exec");
  }, "_posixsubprocess"));
  return m;
}
