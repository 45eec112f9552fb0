// The modules written in TypeScript (CPython: Modules/config.c's inittab), registered with the import system.
import { registerBuiltinModule } from "../python/import.js";
import { init_weakref } from "./_weakref.js";
import { initMath } from "./mathmodule.js";
import { initItertools } from "./itertoolsmodule.js";
import { initMarshal } from "../python/marshalmodule.js";
import { init_imp } from "../python/import_imp.js";
import { initStruct } from "./_struct.js";
import { initPosix } from "./posixmodule.js";
import { initErrno } from "./errnomodule.js";
import { init_stat } from "./_stat.js";
import { initTime } from "./timemodule.js";
import { init_collections } from "./_collectionsmodule.js";
import { init_opcode } from "./_opcode.js";
import { init_thread } from "./_threadmodule.js";
import { initAtexit } from "./atexitmodule.js";
import { init_contextvars } from "./_contextvarsmodule.js";
import { init_ast } from "../ast/python_ast.js";
import { init_sre } from "./_sre/sre.js";
import { init_codecs } from "./_codecsmodule.js";
// str.encode/bytes.decode through the codec registry (here, not in objects/init.ts: it needs the import system)
import "../objects/unicode_encoding.js";
import { init_tokenize } from "../python/python_tokenize.js";
import { init_symtable } from "./symtablemodule.js";

registerBuiltinModule("_weakref", init_weakref);
registerBuiltinModule("math", initMath);
registerBuiltinModule("itertools", initItertools);
registerBuiltinModule("marshal", initMarshal);
registerBuiltinModule("_struct", initStruct);
registerBuiltinModule("posix", initPosix);
registerBuiltinModule("_collections", init_collections);
registerBuiltinModule("_opcode", init_opcode);
registerBuiltinModule("_thread", init_thread);
registerBuiltinModule("atexit", initAtexit);
registerBuiltinModule("_contextvars", init_contextvars);
registerBuiltinModule("_ast", init_ast);
registerBuiltinModule("errno", initErrno);
registerBuiltinModule("_stat", init_stat);
registerBuiltinModule("time", initTime);
registerBuiltinModule("_sre", init_sre);
registerBuiltinModule("_codecs", init_codecs);
registerBuiltinModule("_tokenize", init_tokenize);
registerBuiltinModule("_symtable", init_symtable);
registerBuiltinModule("_imp", init_imp);
// stand-ins for _thread and _warnings until their modules are registered (they give way)
import "../python/import_shims.js";
