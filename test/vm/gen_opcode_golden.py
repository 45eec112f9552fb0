# Regenerates test/golden/vm/opcodes.json from CPython 3.14 (run from the repo root):
#   npm run build && node dist/tools/oracle/python.js test/vm/gen_opcode_golden.py > test/golden/vm/opcodes.json
# Opcode numbers, inline cache sizes, flags and stack effects as CPython 3.14 reports them.
import dis, json, opcode, _opcode

OPARGS = list(range(0, 20)) + [31, 32, 255, 256, 257, 1000]
names = {**opcode.opmap, **opcode._specialized_opmap}
effects = {}
for name, op in sorted(names.items(), key=lambda kv: kv[1]):
    rows = []
    for jump in (None, True, False):
        row = []
        for oparg in OPARGS:
            try:
                row.append(_opcode.stack_effect(op, oparg, jump=jump))
            except ValueError:
                row.append(None)
        rows.append(row)
    effects[name] = rows
flags = {}
for name, op in opcode.opmap.items():
    flags[name] = {
        "has_arg": _opcode.has_arg(op), "has_const": _opcode.has_const(op),
        "has_name": _opcode.has_name(op), "has_jump": _opcode.has_jump(op),
        "has_free": _opcode.has_free(op), "has_local": _opcode.has_local(op),
        "has_exc": _opcode.has_exc(op),
    }
print(json.dumps({
    "opmap": opcode.opmap,
    "specialized_opmap": opcode._specialized_opmap,
    "specializations": opcode._specializations,
    "inline_cache_entries": opcode._inline_cache_entries,
    "HAVE_ARGUMENT": opcode.HAVE_ARGUMENT,
    "MIN_INSTRUMENTED_OPCODE": opcode.MIN_INSTRUMENTED_OPCODE,
    "hasarg": dis.hasarg, "hasconst": dis.hasconst, "hasname": dis.hasname,
    "hasjrel": dis.hasjrel, "hasjabs": dis.hasjabs, "haslocal": dis.haslocal,
    "hasfree": dis.hasfree, "hasexc": dis.hasexc,
    "opargs": OPARGS,
    "stack_effect": effects,
    "flags": flags,
    "intrinsic1": _opcode.get_intrinsic1_descs(),
    "intrinsic2": _opcode.get_intrinsic2_descs(),
    "nb_ops": [name for name, _ in _opcode.get_nb_ops()],
    "special_method_names": _opcode.get_special_method_names(),
    "cmp_op": list(opcode.cmp_op),
}, indent=None, sort_keys=True))
