# posix: files, directories, stat, fds (a scratch folder beside this program, removed at the end)
import posix

base = (__file__.rpartition('/')[0] or '.') + '/tmp_posix_fs'

def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(' ', f.__name__, type(e).__name__, e, e.args)
    else:
        print(' ', f.__name__, repr(r))

def rmtree(p):
    try:
        names = posix.listdir(p)
    except FileNotFoundError:
        return
    for n in names:
        q = p + '/' + n
        st = posix.lstat(q)
        if (st.st_mode & 0o170000) == 0o040000:
            rmtree(q)
        else:
            posix.unlink(q)
    posix.rmdir(p)

rmtree(base)
posix.mkdir(base)
posix.chdir(base)
try:
    print(posix.getcwd().endswith('/tmp_posix_fs'), posix.getcwdb().endswith(b'/tmp_posix_fs'))
    posix.mkdir('sub', 0o755)
    show(posix.mkdir, 'sub')
    show(posix.rmdir, 'nonexist')
    fd = posix.open('f.txt', posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
    print(type(fd).__name__, posix.write(fd, b'hello world\n'), posix.write(fd, bytearray(b'second line\n')))
    show(posix.write, fd, 'text')
    posix.close(fd)
    show(posix.close, fd)
    st = posix.stat('f.txt')
    print(type(st).__name__, st.st_size, oct(st.st_mode), st.st_nlink, st.st_uid == posix.getuid(), st.st_gid == posix.getgid())
    print(len(st), st.n_fields, st.n_sequence_fields, st.n_unnamed_fields, st[6], type(st.st_atime).__name__, type(st.st_atime_ns).__name__)
    print(st.st_blksize > 0, st.st_blocks >= 0, st.st_rdev, st.st_ino == st[1], st.st_dev == st[2])
    posix.utime('f.txt', (1000000000, 1500000000.5))
    st = posix.stat('f.txt')
    print(st.st_atime, st.st_mtime, st[7], st[8], st.st_atime_ns, st.st_mtime_ns)
    posix.utime('f.txt', ns=(2000000000123456789 // 1000 * 1000, 3000000000))
    st = posix.stat('f.txt')
    print(st.st_atime_ns // 1000, st.st_mtime_ns, st.st_mtime)
    show(posix.utime, 'f.txt', (1, 2), ns=(1, 2))
    show(posix.utime, 'f.txt', 5)
    # reading and seeking
    fd = posix.open('f.txt', posix.O_RDWR)
    print(posix.read(fd, 5), posix.lseek(fd, 0, 1), posix.read(fd, 100), posix.read(fd, 10))
    print(posix.lseek(fd, 6, 0), posix.read(fd, 5), posix.lseek(fd, -5, 2), posix.read(fd, 100))
    show(posix.lseek, fd, -100, 0)
    show(posix.lseek, fd, 0, 7)
    show(posix.read, fd, -1)
    print(posix.pread(fd, 4, 1), posix.lseek(fd, 0, 1), posix.pwrite(fd, b'HE', 0), posix.pread(fd, 6, 0))
    posix.lseek(fd, 0, 0)
    print(posix.write(fd, b'J'), posix.read(fd, 4))
    print(posix.fstat(fd).st_size, posix.isatty(fd), posix.get_blocking(fd))
    posix.ftruncate(fd, 4)
    print(posix.fstat(fd).st_size, posix.lseek(fd, 0, 2))
    posix.fsync(fd)
    posix.close(fd)
    posix.truncate('f.txt', 2)
    print(posix.stat('f.txt').st_size)
    # append mode
    fd = posix.open('f.txt', posix.O_WRONLY | posix.O_APPEND)
    print(posix.write(fd, b'++'), posix.lseek(fd, 0, 1), posix.lseek(fd, 0, 0), posix.write(fd, b'--'), posix.lseek(fd, 0, 1))
    posix.close(fd)
    fd = posix.open('f.txt', posix.O_RDONLY)
    print(posix.read(fd, 100))
    show(posix.write, fd, b'x')
    posix.close(fd)
    show(posix.open, 'nonexist', posix.O_RDONLY)
    show(posix.open, 'f.txt', posix.O_WRONLY | posix.O_CREAT | posix.O_EXCL)
    show(posix.open, 'sub', posix.O_WRONLY)
    # listing
    for n in ['b', 'a', 'c']:
        posix.close(posix.open('sub/' + n, posix.O_CREAT | posix.O_WRONLY))
    print(sorted(posix.listdir('sub')), sorted(posix.listdir(b'sub')), sorted(posix.listdir()))
    show(posix.listdir, 'nonexist')
    show(posix.listdir, 'f.txt')
    show(posix.listdir, [])
    # renaming, links
    posix.rename('sub/a', 'sub/a2')
    posix.replace('sub/b', 'sub/a2')
    print(sorted(posix.listdir('sub')))
    show(posix.rename, 'nonexist', 'x')
    show(posix.rename, 'sub', 'f.txt')
    show(posix.rename, 'f.txt', b'g')
    posix.rename(b'g', 'f.txt')
    posix.symlink('f.txt', 'lnk')
    print(posix.readlink('lnk'), posix.readlink(b'lnk'), oct(posix.lstat('lnk').st_mode & 0o170000), posix.stat('lnk').st_size)
    show(posix.readlink, 'f.txt')
    show(posix.symlink, 'f.txt', 'lnk')
    posix.link('f.txt', 'hard')
    print(posix.stat('f.txt').st_nlink, posix.stat('hard').st_ino == posix.stat('f.txt').st_ino)
    print(posix.stat('lnk', follow_symlinks=False).st_mode == posix.lstat('lnk').st_mode)
    # access, chmod
    print(posix.access('f.txt', posix.F_OK), posix.access('nonexist', posix.F_OK), posix.access('f.txt', posix.R_OK | posix.W_OK))
    posix.chmod('f.txt', 0o600)
    print(oct(posix.stat('f.txt').st_mode & 0o777))
    fd = posix.open('f.txt', posix.O_RDONLY)
    posix.fchmod(fd, 0o640)
    print(oct(posix.stat(fd).st_mode & 0o777), oct(posix.stat('f.txt').st_mode & 0o7777))
    posix.close(fd)
    show(posix.chmod, 'nonexist', 0o600)
    # unlink, rmdir
    show(posix.rmdir, 'sub')
    show(posix.unlink, 'sub')
    show(posix.remove, 'nonexist')
    posix.unlink('hard')
    posix.remove('lnk')
    print(sorted(posix.listdir()))
    # argument errors
    show(posix.stat, 3.5)
    show(posix.lstat, 3)
    show(posix.stat, 'a\0b')
    show(posix.stat)
    show(posix.stat, 'a', 'b')
    show(posix.stat, 'x', dir_fd=1.5)
    show(posix.read, 'x', 1)
    show(posix.close, 2**40)
    show(posix.mkdir, None)
    show(posix.stat, b'\xff/nonexist')
    show(posix.stat, '\udcff/nonexist')
    show(posix.stat, '\ud800')
    class P:
        def __init__(self, p): self.p = p
        def __fspath__(self): return self.p
    print(posix.stat(P('f.txt')).st_size, posix.fspath(P(b'x')), posix.fspath('s'))
    show(posix.fspath, P(3))
    show(posix.fspath, 3)
    show(posix.stat, P('nonexist'))
    # umask
    old = posix.umask(0o022)
    print(oct(posix.umask(old)))
finally:
    posix.chdir('..')
    rmtree(base)
print(posix.access(base, posix.F_OK))
