# sys data: struct sequences, version and platform facts, paths as relations (not values)
import sys, os

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

# struct sequence types
for name in ("flags", "float_info", "int_info", "hash_info", "thread_info", "version_info"):
    v = getattr(sys, name)
    t = type(v)
    print(name, t, t.__module__, t.__name__, t.n_sequence_fields, t.n_fields, t.n_unnamed_fields,
          len(v), isinstance(v, tuple), t.__mro__[1:])
print(sys.float_info)
print(sys.int_info)
h = sys.hash_info
print(h.width, h.modulus, h.inf, h.nan, h.imag, h.cutoff, type(h.algorithm), type(h.hash_bits), type(h.seed_bits))
print(h.modulus == 2**61 - 1, hash(float("inf")) == h.inf, hash(2**61) == 1, hash(1j) == h.imag)
print(sys.thread_info.name, sys.thread_info.lock in ("semaphore", "mutex+cond"))
f = sys.flags
print([x for x in dir(f) if not x.startswith("_")])
for field in ("debug", "inspect", "interactive", "optimize", "no_user_site", "no_site", "ignore_environment",
              "verbose", "bytes_warning", "quiet", "isolated", "dev_mode", "warn_default_encoding", "safe_path",
              "int_max_str_digits", "gil", "thread_inherit_context", "context_aware_warnings"):
    print(" ", field, repr(getattr(f, field)))
print(type(f.dont_write_bytecode), type(f.utf8_mode), type(f.hash_randomization))
print(f[0], f[-1] == f.int_max_str_digits, f[:3], f.count(0) > 5, f.index(f.debug))
show("new flags", lambda: type(f)())
show("new version_info", lambda: type(sys.version_info)((3, 14, 0, "final", 0)))
show("new float_info", lambda: type(sys.float_info)())
show("float_info 11", lambda: type(sys.float_info)(range(11)))
show("int_info", lambda: type(sys.int_info)((1, 2, 3, 4)))
show("set attr", lambda: setattr(f, "debug", 1))
show("del attr", lambda: delattr(sys.float_info, "max"))
show("reduce", lambda: sys.int_info.__reduce__())
show("match_args", lambda: type(sys.version_info).__match_args__)
show("flags doc", lambda: type(f).__doc__)

# version facts
vi = sys.version_info
print(vi[:2], vi.major, vi.minor, vi.releaselevel, vi.serial, vi >= (3, 14), vi < (3, 15), type(vi.micro))
print(sys.hexversion >> 16 == 0x030e, sys.hexversion & 0xff == 0xf0, (sys.hexversion >> 8) & 0xff == vi.micro)
print(sys.api_version, type(sys.version), sys.version.startswith("%d.%d.%d" % vi[:3]))
impl = sys.implementation
print(type(impl).__name__, impl.cache_tag, impl.version == vi, impl.hexversion == sys.hexversion, impl._multiarch)
print(sorted(k for k in vars(impl) if k != "supports_isolated_interpreters"))
print(repr(sys.abiflags), sys.byteorder, sys.maxsize, sys.maxsize == 2**63 - 1, sys.maxunicode, sys.platform)
print(sys.float_repr_style, sys.copyright.splitlines()[0], len(sys.copyright.splitlines()))

# paths: relations only
print(os.path.isabs(sys.executable), os.path.exists(sys.executable), sys._base_executable == sys.executable)
print(sys.prefix == sys.base_prefix == sys.exec_prefix == sys.base_exec_prefix, sys.platlibdir)
print(sys._stdlib_dir == os.path.join(sys.prefix, sys.platlibdir, "python3.14"), os.path.isfile(os.path.join(sys._stdlib_dir, "os.py")))
print(os.path.dirname(os.__file__) == sys._stdlib_dir)
print(sys.warnoptions, sys._xoptions, type(sys.orig_argv), sys.orig_argv[-1], sys.argv)

# module name sets
names = sys.stdlib_module_names
print(type(names), "os" in names, "sys" in names, "_pydecimal" in names, "numpy" in names, "antigravity" in names)
print(len(names), sorted(names)[:5])
b = sys.builtin_module_names
print(type(b), "sys" in b, "builtins" in b, "os" in b, list(b) == sorted(b))
