# gc module API: state, argument errors, is_tracked, get_referents, callbacks (recorded with native CPython)
import gc
import sys


def t(label, f, *a, **k):
    try:
        print(label, repr(f(*a, **k)))
    except Exception as e:
        print(label, type(e).__name__, e)


print(sorted(n for n in dir(gc) if not n.startswith("_")))
print({k: getattr(gc, k) for k in dir(gc) if k.startswith("DEBUG")})
print(gc.get_threshold(), gc.get_debug(), gc.isenabled(), gc.get_freeze_count())
print(type(gc.garbage).__name__, gc.garbage, type(gc.callbacks).__name__)

# enable / disable
print(gc.disable(), gc.isenabled(), gc.collect(), gc.enable(), gc.isenabled())

# collect
for g in [3, -1, "x", 1.5, 2**70, True]:
    t("collect", gc.collect, g)
t("collect kw", gc.collect, generation=0)
t("collect bad kw", gc.collect, gen=0)
t("collect 2 args", gc.collect, 1, 2)

# thresholds
t("set_threshold()", gc.set_threshold)
t("set_threshold 4", gc.set_threshold, 1, 2, 3, 4)
t("set_threshold str", gc.set_threshold, "a")
t("set_threshold big", gc.set_threshold, 2**40)
t("set_threshold small", gc.set_threshold, -2**40)
t("set_threshold kw", gc.set_threshold, x=1)
t("set_threshold float", gc.set_threshold, 1.0)
t("set_threshold neg", gc.set_threshold, -5)
print(gc.get_threshold())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(0)
print(gc.get_threshold())
gc.set_threshold(2000, 10, 10)
print(gc.get_threshold())

# debug flags
t("set_debug()", gc.set_debug)
t("set_debug str", gc.set_debug, "x")
t("set_debug big", gc.set_debug, 2**40)
t("set_debug kw", gc.set_debug, flags=1)
gc.set_debug(gc.DEBUG_LEAK)
print(gc.get_debug())
gc.set_debug(0)
print(gc.get_debug())

# other argument errors
t("get_objects 3", gc.get_objects, generation=3)
t("get_objects -2", gc.get_objects, -2)
t("get_objects str", gc.get_objects, "x")
t("get_objects float", gc.get_objects, 1.0)
t("get_objects big", gc.get_objects, 2**70)
t("get_objects 2 args", gc.get_objects, 1, 2)
t("is_tracked()", gc.is_tracked)
t("is_tracked 2", gc.is_tracked, 1, 2)
t("is_tracked kw", gc.is_tracked, obj=1)
t("is_finalized()", gc.is_finalized)
t("enable 1", gc.enable, 1)
t("get_count 1", gc.get_count, 1)
t("freeze 1", gc.freeze, 1)
t("get_stats 1", gc.get_stats, 1)
t("get_referents kw", gc.get_referents, x=1)
t("get_referrers kw", gc.get_referrers, x=1)
print(gc.get_referents(), gc.get_referrers())

# get_stats shape
st = gc.get_stats()
print(len(st), [sorted(d) for d in st])

# is_tracked


class C:
    def __init__(self):
        self.a = 1
        self.b = [2]


class S:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 5


def f(a, b=3, *, k=4):
    return a


values = [
    1, 1.5, "s", None, True, b"b", 10**30, 1j, (), (1, 2), (1, []), ((1, 2), 3), (None,),
    ("a", 2.5, None), ([],), ("a", ("b",)), [], [1], {}, {"a": 1}, {"a": []}, {1: (1, 2)},
    set(), {1}, frozenset(), C(), S(), f, C, int, sys, slice(1, 2), range(2), bytearray(),
    iter([]), iter(range(3)), len, ..., NotImplemented, object(), ValueError(), property(),
    f.__code__, tuple([1, 2]), tuple([[]]),
]
for v in values:
    print(type(v).__name__, gc.is_tracked(v))
print(gc.is_finalized(C()), gc.is_finalized(1))


# get_referents
def show(x):
    r = gc.get_referents(x)
    print(type(x).__name__, [o if isinstance(o, (int, str, float, type(None))) else type(o).__name__ for o in r])


show([1, "a", None, 2.5])
show((1, [], "b"))
show({"a": 1, "b": [2]})
show({1: "x", (2,): 3})
show({1, 2})
show(frozenset([3]))
show(C())
show(S())
show(f)


def outer():
    z = 1

    def inner():
        return z
    return inner


show(outer())
show(outer().__closure__[0])
show(C().__init__)
show(sys)
show(iter([1]))
show(slice(1, 2, [3]))
show(ValueError("x", 1))
show(property(f))
show(super(C, C()))
for x in [1, "s", None, 3.5, b"x", range(3), Exception, 1j, True]:
    show(x)
print(gc.get_referents(1, [1, 2], (3,)))
lst = [1]
print(gc.get_referents(lst)[0] is lst[0], gc.get_referents([lst])[0] is lst)

# get_referrers / get_objects find a container holding an object
target = ["target"]
holder = {"k": target}
print(any(r is holder for r in gc.get_referrers(target)))
print(any(o is holder for o in gc.get_objects()))

# callbacks: called with ("start" / "stop", info) around each collection
log = []


def cb(phase, info):
    log.append((phase, sorted(info), info["generation"], info["collected"] >= 0))


gc.callbacks.append(cb)
gc.collect()
gc.collect(0)
gc.collect(generation=1)
gc.callbacks.remove(cb)
for entry in log:
    print(entry)


def nested(phase, info):
    log.append(("nested", phase, gc.collect()))


log.clear()
gc.callbacks.append(nested)
gc.collect()
gc.callbacks.clear()
print(log)

seen = []
sys.unraisablehook = lambda u: seen.append((type(u.exc_value).__name__, u.exc_value.args, u.err_msg.startswith("Exception ignored while calling GC callback <function bad")))


def bad(phase, info):
    raise KeyError(phase)


gc.callbacks.append(bad)
print(gc.collect())
gc.callbacks.clear()
print(seen)
sys.unraisablehook = sys.__unraisablehook__

gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
