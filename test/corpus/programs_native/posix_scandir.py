# posix.scandir and DirEntry (a scratch folder beside this program, removed at the end)
import posix

base = (__file__.rpartition('/')[0] or '.') + '/tmp_posix_scandir'

def rmtree(p):
    try:
        names = posix.listdir(p)
    except FileNotFoundError:
        return
    for n in names:
        q = p + '/' + n
        if (posix.lstat(q).st_mode & 0o170000) == 0o040000:
            rmtree(q)
        else:
            posix.unlink(q)
    posix.rmdir(p)

rmtree(base)
posix.mkdir(base)
posix.chdir(base)
try:
    posix.mkdir('d')
    posix.close(posix.open('f', posix.O_CREAT | posix.O_WRONLY))
    fd = posix.open('d/inner', posix.O_CREAT | posix.O_WRONLY)
    posix.write(fd, b'12345')
    posix.close(fd)
    posix.symlink('f', 'lf')
    posix.symlink('d', 'ld')
    posix.symlink('missing', 'broken')
    def row(e):
        try:
            st = e.stat().st_size if not e.is_dir() else 'dir'
        except OSError as ex:
            st = type(ex).__name__
        return (e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False), e.is_junction(), st, e.inode() == posix.lstat(e.path).st_ino)
    for r in sorted(row(e) for e in posix.scandir()):
        print(r)
    for r in sorted(row(e) for e in posix.scandir('.')):
        print(r)
    for r in sorted(row(e) for e in posix.scandir('d/')):
        print(r)
    for r in sorted(row(e) for e in posix.scandir(b'd')):
        print(r)
    dfd = posix.open('d', posix.O_RDONLY)
    print([(e.name, e.path, e.is_file()) for e in posix.scandir(dfd)], posix.listdir(dfd))
    print(posix.stat('inner', dir_fd=dfd).st_size, posix.access('inner', posix.R_OK, dir_fd=dfd))
    fd = posix.open('new', posix.O_CREAT | posix.O_WRONLY, dir_fd=dfd)
    posix.close(fd)
    posix.rename('new', 'new2', src_dir_fd=dfd, dst_dir_fd=dfd)
    print(sorted(posix.listdir('d')))
    posix.unlink('new2', dir_fd=dfd)
    posix.mkdir('sub', dir_fd=dfd)
    posix.rmdir('sub', dir_fd=dfd)
    print(sorted(posix.listdir('d')))
    try:
        posix.stat('nonexist', dir_fd=dfd)
    except OSError as ex:
        print(type(ex).__name__, ex)
    posix.close(dfd)
    e = [e for e in posix.scandir() if e.name == 'f'][0]
    print(repr(e), type(e).__name__, posix.fspath(e), e.stat().st_size, e.stat(follow_symlinks=False).st_size)
    eb = [e for e in posix.scandir(b'.') if e.name == b'f'][0]
    print(repr(eb), posix.fspath(eb))
    print(type(posix.scandir()).__name__)
    it = posix.scandir()
    print(it.__enter__() is it, it.close(), list(it))
    with posix.scandir('d') as it2:
        print([x.name for x in it2])
    print(list(it2))
    for bad in ('nonexist', 'f', ''):
        try:
            posix.scandir(bad)
        except OSError as ex:
            print(type(ex).__name__, ex)
    try:
        posix.scandir([])
    except TypeError as ex:
        print(ex)
    try:
        e.is_dir(1)
    except TypeError as ex:
        print(ex)
    try:
        posix.DirEntry()
    except TypeError as ex:
        print(ex)
    print(posix.DirEntry[int])
    posix.unlink('f')
    print(e.is_file(), e.stat().st_size)
finally:
    posix.chdir('..')
    rmtree(base)
