# _imp: magic number token, source hashes (PEP 552), built-in modules, the import lock, errors.
import _imp
print(_imp.pyc_magic_number_token, _imp.pyc_magic_number_token.to_bytes(4, 'little'))
print(_imp.check_hash_based_pycs)
for data in [b'', b'hello', b'x' * 7, b'y' * 8, b'z' * 9, bytes(range(256))]:
    print(_imp.source_hash(_imp.pyc_magic_number_token, data).hex(), _imp.source_hash(12345, data).hex())
print(_imp.is_builtin('sys'), _imp.is_builtin('builtins'), _imp.is_builtin('math'), _imp.is_builtin('no_such_module'))
print(_imp.lock_held())
_imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock()
print(_imp.lock_held())
try:
    _imp.release_lock()
except RuntimeError as e:
    print(type(e).__name__, e)
print(type(_imp.extension_suffixes()).__name__)
for bad in [lambda: _imp.is_builtin(1), lambda: _imp.source_hash(1), lambda: _imp.source_hash('k', b'')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__)
code = compile('def f(): pass', 'old.py', 'exec')
_imp._fix_co_filename(code, 'new.py')
print(code.co_filename, code.co_consts[0].co_filename)
