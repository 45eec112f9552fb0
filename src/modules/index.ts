// The modules written in TypeScript (CPython: Modules/config.c's inittab), registered with the import system.
import { registerBuiltinModule } from "../python/import.js";
import { init_weakref } from "./_weakref.js";
import { initMath } from "./mathmodule.js";
import { initItertools } from "./itertoolsmodule.js";
import { initMarshal } from "../python/marshalmodule.js";

registerBuiltinModule("_weakref", init_weakref);
registerBuiltinModule("math", initMath);
registerBuiltinModule("itertools", initItertools);
registerBuiltinModule("marshal", initMarshal);
