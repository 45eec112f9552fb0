// The modules written in TypeScript (CPython: Modules/config.c's inittab), registered with the import system.
import { registerBuiltinModule } from "../python/import.js";
import { init_weakref } from "./_weakref.js";
import { initMath } from "./mathmodule.js";
import { initItertools } from "./itertoolsmodule.js";
import { init_collections } from "./_collectionsmodule.js";
import { init_opcode } from "./_opcode.js";
import { init_thread } from "./_threadmodule.js";
import { initAtexit } from "./atexitmodule.js";
import { init_contextvars } from "./_contextvarsmodule.js";

registerBuiltinModule("_weakref", init_weakref);
registerBuiltinModule("math", initMath);
registerBuiltinModule("itertools", initItertools);
registerBuiltinModule("_collections", init_collections);
registerBuiltinModule("_opcode", init_opcode);
registerBuiltinModule("_thread", init_thread);
registerBuiltinModule("atexit", initAtexit);
registerBuiltinModule("_contextvars", init_contextvars);
