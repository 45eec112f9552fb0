// The modules written in TypeScript (CPython: Modules/config.c's inittab), registered with the import system.
import { registerBuiltinModule } from "../python/import.js";
import { init_weakref } from "./_weakref.js";
import { initMath } from "./mathmodule.js";
import { initItertools } from "./itertoolsmodule.js";
import { initPosix } from "./posixmodule.js";
import { initErrno } from "./errnomodule.js";
import { init_stat } from "./_stat.js";
import { initTime } from "./timemodule.js";
import { init_collections } from "./_collectionsmodule.js";
import { init_opcode } from "./_opcode.js";

registerBuiltinModule("_weakref", init_weakref);
registerBuiltinModule("math", initMath);
registerBuiltinModule("itertools", initItertools);
registerBuiltinModule("posix", initPosix);
registerBuiltinModule("_collections", init_collections);
registerBuiltinModule("_opcode", init_opcode);
registerBuiltinModule("errno", initErrno);
registerBuiltinModule("_stat", init_stat);
registerBuiltinModule("time", initTime);
