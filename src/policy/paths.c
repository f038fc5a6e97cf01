// SPDX-License-Identifier: MIT
/*
 * Resolving what a guest call named.  The guest's memory and /proc
 * are read after the kernel decided, so a racing thread can only make
 * a report wrong, never an access possible.
 */
#include "config.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/vfs.h>
#include <unistd.h>
#include <netinet/in.h>
#include <linux/magic.h>
#include <linux/openat2.h>

#include "arch/arch.h"
#include "guest_mem.h"
#include "policy/paths.h"
#include "policy/policy.h"

#define NONE (-1)
#define CWD  (-2)

/* dirfd argument (CWD: relative to the cwd), path argument (NONE: an fd in dirfd). */
struct pathspec {
	const char *name;
	int dirfd, path;
	int dirfd2, path2;
	unsigned int access;
	bool parent;
	int flags; /* argument holding open flags (NONE: access is fixed) */
};

static const struct pathspec specs[] = {
    {"open", CWD, 0, NONE, NONE, PACC_READ, false, 1},
    {"openat", 0, 1, NONE, NONE, PACC_READ, false, 2},
    {"openat2", 0, 1, NONE, NONE, PACC_READ, false, NONE},
    {"creat", CWD, 0, NONE, NONE, PACC_WRITE, true, NONE},
    {"execve", CWD, 0, NONE, NONE, PACC_EXEC, false, NONE},
    {"execveat", 0, 1, NONE, NONE, PACC_EXEC, false, NONE},
    {"mkdir", CWD, 0, NONE, NONE, PACC_WRITE, true, NONE},
    {"mkdirat", 0, 1, NONE, NONE, PACC_WRITE, true, NONE},
    {"mknod", CWD, 0, NONE, NONE, PACC_WRITE, true, NONE},
    {"mknodat", 0, 1, NONE, NONE, PACC_WRITE, true, NONE},
    {"unlink", CWD, 0, NONE, NONE, PACC_WRITE, true, NONE},
    {"unlinkat", 0, 1, NONE, NONE, PACC_WRITE, true, NONE},
    {"rmdir", CWD, 0, NONE, NONE, PACC_WRITE, true, NONE},
    {"symlink", CWD, 1, NONE, NONE, PACC_WRITE, true, NONE},
    {"symlinkat", 1, 2, NONE, NONE, PACC_WRITE, true, NONE},
    {"truncate", CWD, 0, NONE, NONE, PACC_WRITE, false, NONE},
    {"ftruncate", 0, NONE, NONE, NONE, PACC_WRITE, false, NONE},
    {"ioctl", 0, NONE, NONE, NONE, PACC_WRITE, false, NONE},
    {"rename", CWD, 0, CWD, 1, PACC_WRITE, true, NONE},
    {"renameat", 0, 1, 2, 3, PACC_WRITE, true, NONE},
    {"renameat2", 0, 1, 2, 3, PACC_WRITE, true, NONE},
    {"link", CWD, 0, CWD, 1, PACC_WRITE, true, NONE},
    {"linkat", 0, 1, 2, 3, PACC_WRITE, true, NONE},
};

#define NSPECS (sizeof(specs) / sizeof(specs[0]))

static const struct pathspec *spec_of(long nr)
{
	const char *name = arch_syscall_name(nr);

	if (!name)
		return NULL;
	for (size_t i = 0; i < NSPECS; i++)
		if (!strcmp(specs[i].name, name))
			return &specs[i];
	return NULL;
}

bool paths_known(long nr)
{
	return spec_of(nr) != NULL;
}

void path_dirname(char *path)
{
	char *slash = strrchr(path, '/');

	if (!slash)
		return;
	if (slash == path)
		slash[1] = '\0';
	else
		*slash = '\0';
}

bool path_beneath(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (!strcmp(dir, "/"))
		return path[0] == '/';
	return !strncmp(path, dir, n) && (path[n] == '\0' || path[n] == '/');
}

static int proc_link(pid_t tid, const char *what, char *out, size_t len)
{
	char link[64];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/%d/%s", (int)tid, what);
	n = readlink(link, out, len - 1);
	if (n < 0)
		return -1;
	out[n] = '\0';
	return 0;
}

/* Remove ".", "..", and doubled slashes; path is absolute. */
static void normalize(char *path)
{
	char *out = path, *in = path;

	while (*in) {
		while (*in == '/')
			in++;
		if (!*in)
			break;
		char *end = strchrnul(in, '/');
		size_t n = (size_t)(end - in);

		if (n == 1 && in[0] == '.') {
			in = end;
			continue;
		}
		if (n == 2 && in[0] == '.' && in[1] == '.') {
			while (out > path && *--out != '/')
				;
			in = end;
			continue;
		}
		*out++ = '/';
		memmove(out, in, n);
		out += n;
		in = end;
	}
	if (out == path)
		*out++ = '/';
	*out = '\0';
}

/*
 * "/proc/self/..." of the guest is "/proc/<tid>/..." to ptsandbox, and
 * its cwd, root and fd links lead where the kernel would go.
 */
static void own_proc(pid_t tid, char *path, size_t len)
{
	static const char *const selves[] = {"/proc/self", "/proc/thread-self"};
	char rest[PATH_MAX], link[PATH_MAX], target[PATH_MAX];
	int pid, skip = 0;
	ssize_t n;

	for (size_t i = 0; i < 2; i++) {
		size_t k = strlen(selves[i]);

		if (strncmp(path, selves[i], k) || (path[k] && path[k] != '/'))
			continue;
		snprintf(rest, sizeof(rest), "%s", path + k);
		if (snprintf(path, len, "/proc/%d%s", (int)tid, rest) >= (int)len)
			path[0] = '\0';
		break;
	}
	if (sscanf(path, "/proc/%d/%n", &pid, &skip) < 1 || !skip)
		return;
	/* cwd, root, exe or fd/N: one link, the rest beneath its target. */
	{
		const char *p = path + skip, *end = strchrnul(p, '/');

		if (!strncmp(p, "fd/", 3))
			end = strchrnul(p + 3, '/');
		if (strncmp(p, "cwd", 3) && strncmp(p, "root", 4) && strncmp(p, "fd/", 3))
			return;
		snprintf(link, sizeof(link), "%.*s", (int)(end - path), path);
		n = readlink(link, target, sizeof(target) - 1);
		if (n <= 0 || target[0] != '/')
			return;
		target[n] = '\0';
		snprintf(rest, sizeof(rest), "%s", end);
		if (snprintf(path, len, "%s%s", target, rest) >= (int)len)
			path[0] = '\0';
	}
}

/*
 * A name that does not resolve: if it is a dangling symlink, the name
 * its target makes (O_CREAT creates the target), else unchanged.
 * false when nothing is left to follow.
 */
static bool follow_dangling(char *path, size_t len)
{
	char target[PATH_MAX], dir[PATH_MAX];
	struct stat st;
	ssize_t n;

	if (lstat(path, &st) < 0 || !S_ISLNK(st.st_mode))
		return false;
	n = readlink(path, target, sizeof(target) - 1);
	if (n <= 0)
		return false;
	target[n] = '\0';
	snprintf(dir, sizeof(dir), "%s", path);
	path_dirname(dir);
	if (target[0] == '/')
		snprintf(path, len, "%s", target);
	else if (snprintf(path, len, "%s/%s", dir, target) >= (int)len)
		return false;
	return true;
}

/*
 * The real path the kernel would reach: links and ".." followed as the
 * kernel walks them (realpath), a dangling last link to its target.
 */
static void resolve(pid_t tid, char *path, size_t len)
{
	char real[PATH_MAX], dir[PATH_MAX];
	const char *base;

	for (int hops = 0; hops < 40; hops++) {
		own_proc(tid, path, len);
		/* ptsandbox's realpath() would see its own /proc/self: keep the guest's words. */
		if (path_beneath(path, "/proc")) {
			normalize(path);
			return;
		}
		if (realpath(path, real)) {
			snprintf(path, len, "%s", real);
			return;
		}
		if (!follow_dangling(path, len))
			break;
	}
	normalize(path);
	snprintf(dir, sizeof(dir), "%s", path);
	path_dirname(dir);
	base = strrchr(path, '/') + 1;
	if (realpath(dir, real) && *base)
		if (snprintf(path, len, "%s%s%s", real, strcmp(real, "/") ? "/" : "", base) >=
		    (int)len)
			path[len - 1] = '\0';
}

static int resolve_arg(pid_t tid, const uint64_t args[6], int dirfd, int patharg, char *out,
		       size_t len)
{
	char rel[PATH_MAX], base[PATH_MAX];
	ssize_t n = 0;
	int fd = dirfd == CWD ? AT_FDCWD : (int)args[dirfd];

	if (patharg != NONE) {
		n = guest_read_upto((void *)(intptr_t)tid, args[patharg], rel, sizeof(rel) - 1);
		if (n < 0)
			return -1;
		rel[n] = '\0';
		n = (ssize_t)strnlen(rel, (size_t)n);
	}
	if (n > 0 && rel[0] == '/') {
		snprintf(out, len, "%s", rel);
	} else {
		char what[32];

		if (fd == AT_FDCWD)
			snprintf(what, sizeof(what), "cwd");
		else
			snprintf(what, sizeof(what), "fd/%d", fd);
		if (proc_link(tid, what, base, sizeof(base)) < 0)
			return -1;
		if (n > 0 && snprintf(out, len, "%s/%s", base, rel) >= (int)len)
			return -1;
		if (n <= 0)
			snprintf(out, len, "%s", base);
	}
	resolve(tid, out, len);
	return 0;
}

static unsigned int open_access(uint64_t flags, bool *created)
{
	unsigned int a = (flags & O_ACCMODE) == O_RDONLY ? PACC_READ : PACC_WRITE;

	if ((flags & O_ACCMODE) == O_RDWR)
		a |= PACC_READ;
	if (flags & O_TRUNC)
		a |= PACC_WRITE;
	*created = (flags & O_CREAT) != 0;
	if (*created)
		a |= PACC_WRITE;
	/* O_PATH opens need no right. */
	if (flags & O_PATH)
		a = 0;
	return a;
}

int paths_of_call(pid_t tid, long nr, const uint64_t args[6], struct sysobj out[2])
{
	const struct pathspec *s = spec_of(nr);
	int n = 0;

	if (!s)
		return 0;
	memset(out, 0, sizeof(*out));
	out[0].access = s->access;
	out[0].parent = s->parent;
	if (s->flags != NONE) {
		out[0].access = open_access(args[s->flags], &out[0].created);
	} else if (!strcmp(s->name, "openat2")) {
		uint64_t flags = 0;

		guest_read_upto((void *)(intptr_t)tid, args[2], &flags, sizeof(flags));
		out[0].access = open_access(flags, &out[0].created);
	}
	if (resolve_arg(tid, args, s->dirfd, s->path, out[0].path, sizeof(out[0].path)) == 0)
		n++;
	if (s->path2 == NONE || !n)
		return n;
	memset(&out[1], 0, sizeof(out[1]));
	out[1].access = s->access;
	out[1].parent = s->parent;
	if (resolve_arg(tid, args, s->dirfd2, s->path2, out[1].path, sizeof(out[1].path)) == 0)
		n++;
	return n;
}

/*
 * The entry-side guess (report.c) resolves a name as the kernel is
 * about to: openat2 from the guest's cwd or dirfd, refusing magic links
 * (/proc/self/root, /proc/self/fd/N: their targets are the tracer's,
 * not the guest's) and anything on procfs.  The real path comes from
 * the O_PATH descriptor itself, so symlinks and ".." are the kernel's
 * own walk.  0, or -1 with errno (ENOENT: the name does not exist).
 */
static int walk_now(pid_t tid, int dirfd, const char *name, char *real, size_t len)
{
	struct open_how how = {.flags = O_PATH | O_CLOEXEC, .resolve = RESOLVE_NO_MAGICLINKS};
	char link[64];
	struct statfs sf;
	int dfd = AT_FDCWD, fd, err = 0;
	ssize_t n = -1;

	if (name[0] != '/') {
		if (dirfd == AT_FDCWD)
			snprintf(link, sizeof(link), "/proc/%d/cwd", (int)tid);
		else
			snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)tid, dirfd);
		dfd = open(link, O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (dfd < 0)
			return -1;
	}
	fd = (int)syscall(SYS_openat2, dfd, name, &how, sizeof(how));
	if (fd < 0) {
		err = errno;
		goto out;
	}
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	if (fstatfs(fd, &sf) == 0 && sf.f_type != PROC_SUPER_MAGIC)
		n = readlink(link, real, len - 1);
	err = n > 0 && real[0] == '/' ? 0 : ELOOP;
	if (!err)
		real[n] = '\0';
	close(fd);
out:
	if (dfd >= 0)
		close(dfd);
	errno = err;
	return err ? -1 : 0;
}

/* Split "a/b/" into "a" and "b" in place; false for a base of "", "." or "..". */
static bool split_parent(char *name, const char **dir, const char **base)
{
	size_t n = strlen(name);
	char *slash;

	while (n > 1 && name[n - 1] == '/')
		name[--n] = '\0';
	slash = strrchr(name, '/');
	*base = slash ? slash + 1 : name;
	if (!**base || !strcmp(*base, ".") || !strcmp(*base, ".."))
		return false;
	if (!slash)
		*dir = ".";
	else if (slash == name)
		*dir = "/";
	else
		*dir = name, *slash = '\0';
	return true;
}

/* The directory that a name is made in or removed from; the name must not exist as a link. */
static int entry_parent(pid_t tid, int dirfd, char *name, struct sysobj *out, bool no_link)
{
	const char *dir, *base;
	char path[PATH_MAX + 1];
	struct stat st;

	if (!split_parent(name, &dir, &base) || walk_now(tid, dirfd, dir, out->path, PATH_MAX) < 0)
		return -1;
	/* O_CREAT through a dangling symlink makes its target, elsewhere. */
	if (no_link &&
	    (snprintf(path, sizeof(path), "%s/%s", out->path, base) >= (int)sizeof(path) ||
	     lstat(path, &st) == 0 || errno != ENOENT))
		return -1;
	out->access = PACC_WRITE;
	out->parent = true;
	return 1;
}

/* Landlock refuses ioctls only on devices (ABI 5), by the rights over their path. */
static int entry_ioctl(pid_t tid, int fd, struct sysobj *out)
{
	char link[64];
	struct stat st;
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)tid, fd);
	if (stat(link, &st) < 0)
		return -1;
	if (!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode))
		return 0;
	memset(out, 0, sizeof(*out));
	n = readlink(link, out->path, sizeof(out->path) - 1);
	if (n <= 0 || out->path[0] != '/')
		return -1;
	out->path[n] = '\0';
	out->access = PACC_WRITE;
	return 1;
}

int paths_entry_object(pid_t tid, long nr, const uint64_t args[6], struct sysobj *out)
{
	static const char *const parent_calls[] = {"mkdir", "mkdirat", "unlink",    "unlinkat",
						   "rmdir", "symlink", "symlinkat", NULL};
	const struct pathspec *s = spec_of(nr);
	char name[PATH_MAX];
	uint64_t flags = 0;
	int dirfd;
	ssize_t n;

	if (s && !strcmp(s->name, "ioctl"))
		return entry_ioctl(tid, (int)args[0], out);
	if (!s || s->path == NONE || s->path2 != NONE)
		return -1;
	dirfd = s->dirfd == CWD ? AT_FDCWD : (int)args[s->dirfd];
	n = guest_read_upto((void *)(intptr_t)tid, args[s->path], name, sizeof(name) - 1);
	if (n <= 0)
		return -1;
	name[n] = '\0';
	if (strnlen(name, (size_t)n) == (size_t)n || !name[0])
		return -1;
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; parent_calls[i]; i++)
		if (!strcmp(s->name, parent_calls[i]))
			return entry_parent(tid, dirfd, name, out, false);
	/* An exec also needs execute on its interpreter: only a missing name is sure. */
	if (s->access == PACC_EXEC)
		return walk_now(tid, dirfd, name, out->path, sizeof(out->path)) < 0 &&
			       errno == ENOENT
			   ? 0
			   : -1;
	if (!strcmp(s->name, "creat"))
		flags = O_CREAT | O_WRONLY | O_TRUNC;
	else if (s->flags != NONE)
		flags = args[s->flags];
	else if (!strcmp(s->name, "openat2") &&
		 guest_read_upto((void *)(intptr_t)tid, args[2], &flags, sizeof(flags)) !=
		     sizeof(flags))
		return -1;
	else if (strcmp(s->name, "truncate") && strcmp(s->name, "openat2"))
		return -1;
	out->access = !strcmp(s->name, "truncate") ? PACC_WRITE : open_access(flags, &out->created);
	if (!out->access)
		return 0;
	if (walk_now(tid, dirfd, name, out->path, sizeof(out->path)) == 0)
		return 1;
	if (errno != ENOENT)
		return -1;
	/* Nothing to open and nothing made: no file rule is asked. */
	if (!out->created)
		return 0;
	return entry_parent(tid, dirfd, name, out, true);
}

/* The first "#!" word, or the ELF PT_INTERP, of the file open at fd, in buf. */
static bool interpreter_name(int fd, char *buf, size_t len)
{
	Elf64_Ehdr eh;
	ssize_t n = pread(fd, buf, len - 1, 0);

	if (n > 2 && buf[0] == '#' && buf[1] == '!') {
		char *p = buf + 2;

		buf[n] = '\0';
		p += strspn(p, " \t");
		p[strcspn(p, " \t\n")] = '\0';
		memmove(buf, p, strlen(p) + 1);
		return buf[0] != '\0';
	}
	if (n < (ssize_t)sizeof(eh) || memcmp(buf, ELFMAG, SELFMAG) || buf[EI_CLASS] != ELFCLASS64)
		return false;
	memcpy(&eh, buf, sizeof(eh));
	for (int i = 0; i < eh.e_phnum; i++) {
		Elf64_Phdr ph;

		if (pread(fd, &ph, sizeof(ph),
			  (off_t)(eh.e_phoff + (uint64_t)i * eh.e_phentsize)) != sizeof(ph) ||
		    ph.p_type != PT_INTERP || ph.p_filesz >= len)
			continue;
		if (pread(fd, buf, ph.p_filesz, (off_t)ph.p_offset) != (ssize_t)ph.p_filesz)
			return false;
		buf[ph.p_filesz] = '\0';
		return true;
	}
	return false;
}

bool paths_interpreter(const char *exe, char *real, size_t len)
{
	char buf[PATH_MAX];
	int fd = open(exe, O_RDONLY | O_CLOEXEC);
	bool found;

	if (fd < 0)
		return false;
	found = interpreter_name(fd, buf, sizeof(buf)) && buf[0] == '/' && len >= PATH_MAX &&
		realpath(buf, real);
	close(fd);
	return found;
}

static enum sock_kind sockaddr_kind(const struct sockaddr_storage *ss, size_t alen, int *port,
				    char *name, size_t len)
{
	if (ss->ss_family == AF_INET) {
		*port = ntohs(((const struct sockaddr_in *)ss)->sin_port);
		return SOCK_TCP;
	}
	if (ss->ss_family == AF_INET6) {
		*port = ntohs(((const struct sockaddr_in6 *)ss)->sin6_port);
		return SOCK_TCP;
	}
	if (ss->ss_family == AF_UNIX && alen > offsetof(struct sockaddr_un, sun_path) + 1 &&
	    ((const struct sockaddr_un *)ss)->sun_path[0] == '\0') {
		const char *p = ((const struct sockaddr_un *)ss)->sun_path + 1;
		size_t n = alen - offsetof(struct sockaddr_un, sun_path) - 1;

		snprintf(name, len, "@%.*s", (int)(n < len - 2 ? n : len - 2), p);
		return SOCK_ABSTRACT;
	}
	return SOCK_OTHER;
}

enum sock_kind sock_of_call(pid_t tid, long nr, const uint64_t args[6], int *port, char *name,
			    size_t len)
{
	const char *call = arch_syscall_name(nr);
	struct sockaddr_storage ss;
	uint64_t addr, alen;
	void *ctx = (void *)(intptr_t)tid;

	if (!call)
		return SOCK_NONE;
	if (!strcmp(call, "connect") || !strcmp(call, "bind")) {
		addr = args[1];
		alen = args[2];
	} else if (!strcmp(call, "sendto")) {
		addr = args[4];
		alen = args[5];
	} else if (!strcmp(call, "sendmsg")) {
		uint64_t hdr[2];

		if (guest_read_upto(ctx, args[1], hdr, sizeof(hdr)) != sizeof(hdr))
			return SOCK_NONE;
		addr = hdr[0];
		alen = (uint32_t)hdr[1];
	} else {
		return SOCK_NONE;
	}
	if (!addr || alen < sizeof(sa_family_t))
		return SOCK_NONE;
	if (alen > sizeof(ss))
		alen = sizeof(ss);
	memset(&ss, 0, sizeof(ss));
	if (guest_read_upto(ctx, addr, &ss, alen) < (ssize_t)sizeof(sa_family_t))
		return SOCK_NONE;
	return sockaddr_kind(&ss, alen, port, name, len);
}
