# _opcode: validity, flags and stack effects of every generic instruction, and the tables opcode.py reads
import _opcode
import opcode

generic = sorted(set(opcode.opmap.values()))
for op in [-1, *generic, 267, 300]:
    flags = [int(getattr(_opcode, f)(op)) for f in
             ('is_valid', 'has_arg', 'has_const', 'has_name', 'has_jump', 'has_free', 'has_local', 'has_exc')]
    effects = []
    for args, kw in [((0,), {}), ((1,), {}), ((3,), {}), ((1,), {'jump': True}), ((1,), {'jump': False}), ((258,), {})]:
        try:
            effects.append(_opcode.stack_effect(op, *args, **kw))
        except ValueError as e:
            effects.append(str(e))
    print(op, opcode.opname[op] if 0 <= op < 256 else '', *flags, *effects)

print(_opcode.get_intrinsic1_descs())
print(_opcode.get_intrinsic2_descs())
print(_opcode.get_special_method_names())
print(_opcode.get_nb_ops())
print(_opcode.get_specialization_stats(), _opcode.ENABLE_SPECIALIZATION)
print(opcode.hasarg == [op for op in opcode.opmap.values() if op >= opcode.HAVE_ARGUMENT or op in opcode.hasarg])
for bad in [(), ('x',), (1, 'y'), (1, 1.5), (1, 2**70), (1, 2, 3)]:
    try:
        _opcode.stack_effect(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    _opcode.has_arg()
except TypeError as e:
    print(e)
