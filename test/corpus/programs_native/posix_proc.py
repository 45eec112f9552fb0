# posix: process and system facts, environ, wait statuses, sysconf; errno and _stat
import posix, errno, _stat

def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(' ', f.__name__, type(e).__name__, e)
    else:
        print(' ', f.__name__, repr(r))

print(type(posix.getpid()).__name__, posix.getpid() > 0, posix.getppid() > 0, posix.getpid() != posix.getppid())
print(posix.getuid() == posix.geteuid(), posix.getgid() == posix.getegid(), type(posix.getgroups()).__name__)
print(posix.getpgrp() >= 0, posix.getsid(0) >= 0, posix.getresuid() == (posix.getuid(),) * 3, posix.getpgid(0) == posix.getpgrp())
u = posix.uname()
print(type(u).__name__, len(u), u.sysname, u.machine, u[0] == u.sysname, u.n_fields)
print(repr(u).startswith("posix.uname_result(sysname='Linux', nodename="))
t = posix.times()
print(type(t).__name__, len(t), all(isinstance(x, float) for x in t), t.user >= 0, t.elapsed > 0)
print(posix.cpu_count() >= 1, posix.cpu_count() == posix.sysconf('SC_NPROCESSORS_ONLN'))
la = posix.getloadavg()
print(type(la).__name__, len(la), all(isinstance(x, float) for x in la))
# environ is bytes -> bytes
env = posix.environ
print(type(env).__name__, all(type(k) is bytes and type(v) is bytes for k, v in env.items()))
print(b'PATH' in env)
posix.putenv('TYTHON_TEST_VAR', 'value')
print(b'TYTHON_TEST_VAR' in posix.environ, b'TYTHON_TEST_VAR' in posix._create_environ(), posix._create_environ()[b'TYTHON_TEST_VAR'])
posix.unsetenv('TYTHON_TEST_VAR')
print(b'TYTHON_TEST_VAR' in posix._create_environ())
posix.putenv(b'TYTHON_B', b'x=y')
print(posix._create_environ()[b'TYTHON_B'])
show(posix.putenv, 'a=b', 'c')
show(posix.putenv, '', 'c')
show(posix.putenv, 1, 'c')
show(posix.putenv, 'x', 'a\0b')
show(posix.unsetenv, 'a=b')
# strerror, urandom
for n in (0, 1, 2, 13, 22, 38, 95, 110, 133, 134, 1000, -1):
    print(n, posix.strerror(n))
print(len(posix.urandom(0)), len(posix.urandom(16)), type(posix.urandom(3)).__name__)
show(posix.urandom, -1)
show(posix.urandom, 'x')
# wait statuses
for s in (0, 256, 0x7f00, 9, 0x8b, 0x137f, 0xffff, 0x0a7f):
    print(hex(s), posix.WIFEXITED(s), posix.WEXITSTATUS(s), posix.WIFSIGNALED(s), posix.WTERMSIG(s), posix.WIFSTOPPED(s), posix.WSTOPSIG(s), posix.WIFCONTINUED(s), posix.WCOREDUMP(s))
for s in (0, 256, 9, 0x7f7f):
    show(posix.waitstatus_to_exitcode, s)
# devices
print(posix.major(0x10302), posix.minor(0x10302), posix.makedev(259, 2), posix.makedev(8, 1), posix.major(posix.makedev(4000, 300000)), posix.minor(posix.makedev(4000, 300000)))
# configuration
for name in ('SC_PAGESIZE', 'SC_PAGE_SIZE', 'SC_CLK_TCK', 'SC_NGROUPS_MAX', 'SC_LINE_MAX', 'SC_IOV_MAX', 'SC_LONG_BIT', 'SC_INT_MAX'):
    print(name, posix.sysconf(name), posix.sysconf_names[name])
print(posix.sysconf(30), posix.sysconf('SC_OPEN_MAX') > 0, posix.sysconf('SC_PHYS_PAGES') > 0)
show(posix.sysconf, 'nope')
show(posix.sysconf, 99999)
show(posix.sysconf, 1.5)
print(len(posix.sysconf_names), len(posix.pathconf_names), len(posix.confstr_names))
print(posix.pathconf('.', 'PC_NAME_MAX'), posix.pathconf('.', 'PC_PATH_MAX'), posix.fpathconf(0, 'PC_PIPE_BUF') if 0 else '')
show(posix.pathconf, 'nonexist', 'PC_NAME_MAX')
print(posix.confstr('CS_PATH'), posix.confstr('CS_GNU_LIBC_VERSION').startswith('glibc '))
# terminal
show(posix.get_terminal_size, 99)
print(posix.isatty(99), posix.device_encoding(99))
print(posix.terminal_size((80, 24)), posix.terminal_size((80, 24)).columns)
# kill with signal 0 checks existence
print(posix.kill(posix.getpid(), 0))
show(posix.kill, 2**22 + 12345, 0)
# register_at_fork
show(posix.register_at_fork)
show(posix.register_at_fork, before=1)
print(posix.register_at_fork(before=lambda: None, after_in_child=print))
# normpath and splitroot
for p in ('', '.', '/', '//', '///', 'a/b/../c', '/../a', '../../a/./b/', 'a//b', '//a/b', '/a/b/..', 'a/..', '..'):
    print(repr(p), repr(posix._path_normpath(p)), posix._path_splitroot_ex(p))
print(posix._path_normpath(b'/x/../y/.'), posix._path_splitroot_ex(b'//x'))
# misc
print(posix.error is OSError, posix.stat_result.__name__, posix.DirEntry.__name__, posix.DirEntry.__module__)
show(posix.DirEntry)
print('HAVE_FSTATAT' in posix._have_functions, 'HAVE_FORK' in posix._have_functions)
print(posix.O_RDONLY, posix.O_WRONLY, posix.O_RDWR, posix.O_CREAT, posix.O_EXCL, posix.O_TRUNC, posix.O_APPEND, posix.O_NONBLOCK, posix.O_CLOEXEC, posix.O_DIRECTORY, posix.O_NOFOLLOW)
print(posix.F_OK, posix.R_OK, posix.W_OK, posix.X_OK, posix.WNOHANG, posix.EX_OK, posix.EX_USAGE, posix.P_PID)
# errno
print(errno.ENOENT, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK, errno.EDEADLOCK, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EHWPOISON)
print(len(errno.errorcode), errno.errorcode[2], errno.errorcode[11], errno.errorcode[35], errno.errorcode[95])
print(sorted(n for n in dir(errno) if n.startswith('E'))[:8], len([n for n in dir(errno) if n.startswith('E')]))
print(all(getattr(errno, name) == code for code, name in errno.errorcode.items()))
# _stat
for m in (0o100644, 0o40755, 0o120777, 0o20666, 0o60660, 0o10600, 0o140755, 0o104755, 0o102755, 0o41777, 0o101000, 0o104000, 0, 0o170000):
    print(oct(m), _stat.filemode(m), _stat.S_ISDIR(m), _stat.S_ISREG(m), _stat.S_ISLNK(m), _stat.S_ISCHR(m), _stat.S_ISBLK(m), _stat.S_ISFIFO(m), _stat.S_ISSOCK(m), oct(_stat.S_IMODE(m)), oct(_stat.S_IFMT(m)))
print(_stat.S_IFDIR, _stat.S_IFREG, _stat.S_IFLNK, _stat.S_IRWXU, _stat.S_ISUID, _stat.UF_HIDDEN, _stat.SF_SETTABLE, _stat.ST_MTIME, _stat.S_ISDOOR(0), _stat.S_IFDOOR)
for f in (lambda: _stat.S_ISDIR('a'), lambda: _stat.S_IMODE(-1), lambda: _stat.S_IFMT(2**64), lambda: _stat.filemode(2**40), lambda: _stat.S_ISDIR(), lambda: _stat.S_ISDIR(1.5)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for f in (lambda: posix.getpid(1), lambda: posix.uname(x=1), lambda: posix.isatty(), lambda: posix.strerror(), lambda: posix.fspath(), lambda: posix.WIFEXITED(), lambda: posix.scandir(1, 2), lambda: posix.fstat(), lambda: posix.umask(), lambda: posix.read(1), lambda: posix.lseek(1, 2, 3, 4), lambda: posix.read(fd=1, length=2)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
