// SPDX-License-Identifier: MIT
/*
 * Whole syscall lines: the entry half, the exit half, and the two
 * together, against what strace 6.1 printed for the same calls (the
 * memory contents are replayed from a fake guest address space).
 * Syscalls an architecture lacks (open, poll, select on aarch64) skip.
 */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/personality.h>
#include <sys/timex.h>
#include <sys/sem.h>
#include <sys/socket.h>
#include <linux/openat2.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <linux/kcmp.h>
#include <linux/membarrier.h>
#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <time.h>

#include "arch/arch.h"
#include "trace/decode.h"
#include "trace/decode_ext.h"

/* ---- a fake guest address space ---- */

struct region {
	uint64_t addr;
	size_t len;
	void *data;
};

static struct region regions[32];
static size_t nregions;

static ssize_t fake_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	for (size_t n = 0; n < nregions; n++) {
		struct region *r = &regions[n];
		size_t avail;

		if (addr < r->addr || addr >= r->addr + r->len)
			continue;
		avail = (size_t)(r->addr + r->len - addr);
		if (len > avail)
			len = avail;	/* a short read, as at the end of a mapping */
		memcpy(buf, (char *)r->data + (addr - r->addr), len);
		return (ssize_t)len;
	}
	return -1;
}

static void put(uint64_t addr, const void *data, size_t len)
{
	ck_assert_uint_lt(nregions, sizeof(regions) / sizeof(regions[0]));
	regions[nregions].addr = addr;
	regions[nregions].len = len;
	regions[nregions].data = malloc(len);
	memcpy(regions[nregions].data, data, len);
	nregions++;
}

static void put_str(uint64_t addr, const char *s)
{
	put(addr, s, strlen(s) + 1);
}

static void put_u64s(uint64_t addr, const uint64_t *v, size_t n)
{
	put(addr, v, n * sizeof(*v));
}

static void clear_mem(void)
{
	for (size_t n = 0; n < nregions; n++)
		free(regions[n].data);
	nregions = 0;
}

static ssize_t fake_fd_path(void *ctx, int fd, char *buf, size_t len)
{
	const char *path = fd == AT_FDCWD ? "/work" : fd == 3 ? "/etc/passwd" : NULL;

	(void)ctx;
	if (!path || strlen(path) > len)
		return -1;
	memcpy(buf, path, strlen(path));
	return (ssize_t)strlen(path);
}

static const struct trace_mem mem = { fake_read, NULL, fake_fd_path };
static struct decode_opts opts;

static void setup(void)
{
	opts.strsize = 32;
	setenv("TZ", "UTC", 1);
	tzset();
}

/* ---- decoding helpers ---- */

static char ent[8192], ext[8192], full[16384];

static long sysnr(const char *name)
{
	return arch_syscall_lookup(name);
}

/* Not every architecture has every syscall: such tests pass vacuously. */
#define NEED(name)                  \
	do {                        \
		if (sysnr(name) < 0) \
			return;     \
	} while (0)

static const char *line6(const char *name, const uint64_t args[6], int64_t ret)
{
	long nr = sysnr(name);
	size_t n;

	ck_assert_msg(nr >= 0, "no syscall %s here", name);
	n = decode_syscall_enter(nr, args, &mem, &opts, ent, sizeof(ent));
	ck_assert_uint_eq(n, strlen(ent));
	n = decode_syscall_exit(nr, args, ret, &mem, &opts, ext, sizeof(ext));
	ck_assert_uint_eq(n, strlen(ext));
	snprintf(full, sizeof(full), "%s%s", ent, ext);
	return full;
}

#define LINE(name, ret, ...) line6(name, (const uint64_t[6]){ __VA_ARGS__ }, ret)
#define NEG(x) ((uint64_t)(int64_t)(x))

/* ---- files ---- */

START_TEST(test_openat)
{
	put_str(0x1000, "/etc/ld.so.cache");
	put_str(0x1100, "/x");
	ck_assert_str_eq(LINE("openat", 3, NEG(AT_FDCWD), 0x1000, O_RDONLY | O_CLOEXEC),
			 "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3");
	ck_assert_str_eq(ent, "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC");
	ck_assert_str_eq(ext, ") = 3");
	ck_assert_str_eq(LINE("openat", 4, 7, 0x1100, O_WRONLY | O_CREAT | O_TRUNC, 0666),
			 "openat(7, \"/x\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 4");
	ck_assert_str_eq(LINE("openat", -ENOENT, NEG(AT_FDCWD), 0x1100, O_RDONLY, 0777),
			 "openat(AT_FDCWD, \"/x\", O_RDONLY) = -1 ENOENT (No such file or directory)");
	/* an unreadable name shows as its address */
	ck_assert_str_eq(LINE("openat", -EFAULT, NEG(AT_FDCWD), 0x5000, O_RDONLY),
			 "openat(AT_FDCWD, 0x5000, O_RDONLY) = -1 EFAULT (Bad address)");
}
END_TEST

START_TEST(test_path_not_cut_by_strsize)
{
	char path[300];

	memset(path, 'a', sizeof(path) - 1);
	path[sizeof(path) - 1] = '\0';
	put_str(0x1000, path);
	opts.strsize = 4;
	LINE("openat", 3, NEG(AT_FDCWD), 0x1000, O_RDONLY);
	ck_assert_ptr_nonnull(strstr(full, path));
	ck_assert_ptr_null(strstr(full, "\"..."));
}
END_TEST

START_TEST(test_open_legacy)
{
	NEED("open");
	put_str(0x1000, "/x");
	ck_assert_str_eq(LINE("open", 3, 0x1000, O_RDWR | O_TMPFILE, 0600),
			 "open(\"/x\", O_RDWR|O_TMPFILE, 0600) = 3");
}
END_TEST

static const char elf[] = "\177ELF\2\1\1\3\0\0\0\0\0\0\0\0\3\0>\0\1\0\0\0\20t\2\0\0\0\0\0";
#define ELF_QUOTED "\"\\177ELF\\2\\1\\1\\3\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0\\20t\\2\\0\\0\\0\\0\\0\""

START_TEST(test_read)
{
	char buf[832];

	memset(buf, 'z', sizeof(buf));
	memcpy(buf, elf, 32);
	put(0x2000, buf, sizeof(buf));
	ck_assert_str_eq(LINE("read", 832, 3, 0x2000, 832),
			 "read(3, " ELF_QUOTED "..., 832) = 832");
	/* the kernel fills the buffer: entry stops before it */
	ck_assert_str_eq(ent, "read(3, ");
	ck_assert_str_eq(ext, ELF_QUOTED "..., 832) = 832");
	ck_assert_str_eq(LINE("read", 0, 3, 0x2000, 256), "read(3, \"\", 256) = 0");
	ck_assert_str_eq(LINE("read", -EBADF, 3, 0x2000, 832),
			 "read(3, 0x2000, 832) = -1 EBADF (Bad file descriptor)");
	ck_assert_str_eq(LINE("read", 3, 3, 0x2000 + 32, 4), "read(3, \"zzz\", 4) = 3");
}
END_TEST

START_TEST(test_read_strsize)
{
	put(0x2000, elf, 32);
	opts.strsize = 5;
	ck_assert_str_eq(LINE("read", 32, 3, 0x2000, 832), "read(3, \"\\177ELF\\2\"..., 832) = 32");
	opts.strsize = 0;
	ck_assert_str_eq(LINE("read", 32, 3, 0x2000, 832), "read(3, \"\"..., 832) = 32");
	/* -s 0 still tells an unreadable buffer from a readable one */
	ck_assert_str_eq(LINE("read", 32, 3, 0x7000, 832), "read(3, 0x7000, 832) = 32");
}
END_TEST

START_TEST(test_write)
{
	const char *digits = "0123456789abcdef0123456789ABCDEFXYZ";

	put(0x3000, "hi\n", 3);
	put(0x3100, digits, strlen(digits));
	ck_assert_str_eq(LINE("write", 3, 1, 0x3000, 3), "write(1, \"hi\\n\", 3) = 3");
	/* everything is known at entry, where strace prints it */
	ck_assert_str_eq(ent, "write(1, \"hi\\n\", 3");
	ck_assert_str_eq(LINE("write", 35, 1, 0x3100, 35),
			 "write(1, \"0123456789abcdef0123456789ABCDEF\"..., 35) = 35");
	ck_assert_str_eq(LINE("write", 32, 1, 0x3100, 32),
			 "write(1, \"0123456789abcdef0123456789ABCDEF\", 32) = 32");
	ck_assert_str_eq(LINE("write", 0, 0, 0, 0), "write(0, NULL, 0) = 0");
	ck_assert_str_eq(LINE("write", -EPIPE, 1, 0x3000, 3),
			 "write(1, \"hi\\n\", 3) = -1 EPIPE (Broken pipe)");
}
END_TEST

START_TEST(test_close)
{
	ck_assert_str_eq(LINE("close", 0, 3), "close(3) = 0");
	ck_assert_str_eq(LINE("close", -EBADF, NEG(-1)), "close(-1) = -1 EBADF (Bad file descriptor)");
	/* an fd is an int: the upper half of the register is noise */
	ck_assert_str_eq(LINE("close", 0, 0x100000005ull), "close(5) = 0");
}
END_TEST

START_TEST(test_newfstatat)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_mode = S_IFREG | 0644;
	st.st_size = 42399;
	put(0x4000, &st, sizeof(st));
	put_str(0x4800, "");
	ck_assert_str_eq(LINE("newfstatat", 0, 3, 0x4800, 0x4000, AT_EMPTY_PATH),
			 "newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=42399, ...}, "
			 "AT_EMPTY_PATH) = 0");
	ck_assert_str_eq(ent, "newfstatat(3, \"\", ");
	ck_assert_str_eq(LINE("newfstatat", -ENOENT, NEG(AT_FDCWD), 0x4800, 0x4000, 0),
			 "newfstatat(AT_FDCWD, \"\", 0x4000, 0) = -1 ENOENT "
			 "(No such file or directory)");
	clear_mem();
	st.st_mode = S_IFCHR | 0666;
	st.st_rdev = makedev(1, 3);
	put(0x4000, &st, sizeof(st));
	ck_assert_str_eq(LINE("fstat", 0, 0, 0x4000),
			 "fstat(0, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0");
}
END_TEST

START_TEST(test_pipe2_and_fcntl)
{
	int fds[2] = { 3, 4 };

	put(0x4000, fds, sizeof(fds));
	ck_assert_str_eq(LINE("pipe2", 0, 0x4000, O_CLOEXEC), "pipe2([3, 4], O_CLOEXEC) = 0");
	ck_assert_str_eq(ent, "pipe2(");
	ck_assert_str_eq(LINE("pipe2", -EFAULT, 0x4000, 0),
			 "pipe2(0x4000, 0) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(LINE("fcntl", 1, 3, F_GETFD), "fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)");
	ck_assert_str_eq(LINE("fcntl", 0, 3, F_GETFD), "fcntl(3, F_GETFD) = 0");
	ck_assert_str_eq(LINE("fcntl", 2, 3, F_GETFL), "fcntl(3, F_GETFL) = 0x2 (flags O_RDWR)");
	ck_assert_str_eq(LINE("fcntl", 0, 3, F_SETFD, FD_CLOEXEC),
			 "fcntl(3, F_SETFD, FD_CLOEXEC) = 0");
	ck_assert_str_eq(LINE("fcntl", 4, 3, F_DUPFD_CLOEXEC, 3), "fcntl(3, F_DUPFD_CLOEXEC, 3) = 4");
	ck_assert_str_eq(LINE("fcntl", 0, 3, F_SETFL, O_RDONLY | O_NONBLOCK),
			 "fcntl(3, F_SETFL, O_RDONLY|O_NONBLOCK) = 0");
}
END_TEST

/* ---- memory ---- */

START_TEST(test_mmap)
{
	ck_assert_str_eq(LINE("mmap", 0x7eff28ac8000, 0, 8192, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, NEG(-1), 0),
			 "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) "
			 "= 0x7eff28ac8000");
	ck_assert_str_eq(LINE("mmap", 0x7eff28901000, 0x7eff28901000, 1400832,
			      PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED | MAP_DENYWRITE, 3,
			      0x26000),
			 "mmap(0x7eff28901000, 1400832, PROT_READ|PROT_EXEC, "
			 "MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7eff28901000");
	ck_assert_str_eq(LINE("mmap", -ENOMEM, 0, 4096, PROT_NONE, MAP_SHARED, 3, 0),
			 "mmap(NULL, 4096, PROT_NONE, MAP_SHARED, 3, 0) = -1 ENOMEM "
			 "(Cannot allocate memory)");
	ck_assert_str_eq(LINE("mmap", 0x1000, 0x1000, 4096, PROT_READ,
			      3 | MAP_FIXED | MAP_STACK | (21u << 26), 3, 0),
			 "mmap(0x1000, 4096, PROT_READ, MAP_SHARED_VALIDATE|MAP_FIXED|MAP_STACK|"
			 "21<<MAP_HUGE_SHIFT, 3, 0) = 0x1000");
	ck_assert_str_eq(LINE("mprotect", 0, 0x7eff28aaa000, 16384, PROT_READ),
			 "mprotect(0x7eff28aaa000, 16384, PROT_READ) = 0");
	ck_assert_str_eq(LINE("brk", 0x55a4f6701000, 0), "brk(NULL) = 0x55a4f6701000");
}
END_TEST

/* ---- time ---- */

static void put_timespec(uint64_t addr, long sec, long nsec)
{
	struct timespec ts = { sec, nsec };

	put(addr, &ts, sizeof(ts));
}

START_TEST(test_nanosleep)
{
	put_timespec(0x3000, 0, 10000000);
	put_timespec(0x3100, 2, 0);
	put_timespec(0x3200, 1, 899777942);
	ck_assert_str_eq(LINE("nanosleep", 0, 0x3000, 0),
			 "nanosleep({tv_sec=0, tv_nsec=10000000}, NULL) = 0");
	/* the remaining time is only written when a signal interrupts */
	ck_assert_str_eq(LINE("nanosleep", 0, 0x3100, 0x3200),
			 "nanosleep({tv_sec=2, tv_nsec=0}, 0x3200) = 0");
	ck_assert_str_eq(ent, "nanosleep({tv_sec=2, tv_nsec=0}, ");
	ck_assert_str_eq(LINE("nanosleep", -516, 0x3100, 0x3200),
			 "nanosleep({tv_sec=2, tv_nsec=0}, {tv_sec=1, tv_nsec=899777942}) "
			 "= ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
	ck_assert_str_eq(LINE("clock_nanosleep", 0, CLOCK_MONOTONIC, TIMER_ABSTIME, 0x3100, 0),
			 "clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=2, tv_nsec=0}, "
			 "NULL) = 0");
	ck_assert_str_eq(LINE("clock_gettime", 0, CLOCK_REALTIME, 0x3200),
			 "clock_gettime(CLOCK_REALTIME, {tv_sec=1, tv_nsec=899777942}) = 0");
}
END_TEST

START_TEST(test_utimensat_dates)
{
	struct timespec ts[2] = { { 1700000000, 5 }, { 0, UTIME_OMIT } };

	put(0x3000, ts, sizeof(ts));
	put_str(0x3100, "/f");
	ck_assert_str_eq(LINE("utimensat", 0, NEG(AT_FDCWD), 0x3100, 0x3000, 0),
			 "utimensat(AT_FDCWD, \"/f\", [{tv_sec=1700000000, tv_nsec=5} "
			 "/* 2023-11-14T22:13:20.000000005+0000 */, UTIME_OMIT], 0) = 0");
}
END_TEST

/* ---- signals ---- */

struct ksigaction {
	uint64_t handler, flags, restorer, mask;
};

#define SIGBIT(s) (1ull << ((s) - 1))

START_TEST(test_rt_sigaction)
{
	struct ksigaction act = { 0x55a4e60e0dc0, 0x04000000, 0x7eff28917050,
				  ~(SIGBIT(32) | SIGBIT(33)) };
	struct ksigaction old = { 0, 0, 0, 0 };

	put(0x5000, &act, sizeof(act));
	put(0x5100, &old, sizeof(old));
	ck_assert_str_eq(LINE("rt_sigaction", 0, SIGCHLD, 0x5000, 0, 8),
			 "rt_sigaction(SIGCHLD, {sa_handler=0x55a4e60e0dc0, sa_mask=~[RTMIN RT_1], "
			 "sa_flags=SA_RESTORER, sa_restorer=0x7eff28917050}, NULL, 8) = 0");
	ck_assert_str_eq(LINE("rt_sigaction", 0, SIGINT, 0, 0x5100, 8),
			 "rt_sigaction(SIGINT, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, "
			 "8) = 0");
	ck_assert_str_eq(ent, "rt_sigaction(SIGINT, NULL, ");
	ck_assert_str_eq(ext, "{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0");
	ck_assert_str_eq(LINE("rt_sigaction", -EINVAL, SIGKILL, 0x5100, 0x5100, 8),
			 "rt_sigaction(SIGKILL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, "
			 "0x5100, 8) = -1 EINVAL (Invalid argument)");
}
END_TEST

START_TEST(test_rt_sigprocmask)
{
	uint64_t all_but = ~(SIGBIT(32) | SIGBIT(33)), usr2 = SIGBIT(SIGUSR2), none = 0;

	put(0x5000, &all_but, sizeof(all_but));
	put(0x5100, &usr2, sizeof(usr2));
	put(0x5200, &none, sizeof(none));
	ck_assert_str_eq(LINE("rt_sigprocmask", 0, SIG_SETMASK, 0x5000, 0, 8),
			 "rt_sigprocmask(SIG_SETMASK, ~[RTMIN RT_1], NULL, 8) = 0");
	ck_assert_str_eq(LINE("rt_sigprocmask", 0, SIG_BLOCK, 0x5100, 0x5200, 8),
			 "rt_sigprocmask(SIG_BLOCK, [USR2], [], 8) = 0");
	ck_assert_str_eq(ent, "rt_sigprocmask(SIG_BLOCK, [USR2], ");
	/* a size the kernel rejects: the sets are not decoded */
	ck_assert_str_eq(LINE("rt_sigprocmask", -EINVAL, SIG_BLOCK, 0x5100, 0, 16),
			 "rt_sigprocmask(SIG_BLOCK, 0x5100, NULL, 16) = -1 EINVAL (Invalid argument)");
}
END_TEST

/* rt_sigreturn: tracing passes the frame's saved mask's address as args[0]. */
START_TEST(test_rt_sigreturn)
{
	uint64_t mask = SIGBIT(SIGCHLD) | SIGBIT(SIGTERM);

	put(0x5300, &mask, sizeof(mask));
	ck_assert_str_eq(LINE("rt_sigreturn", 0, 0x5300),
			 "rt_sigreturn({mask=[TERM CHLD]}) = 0");
	ck_assert_str_eq(LINE("rt_sigreturn", -EINTR, 0x5300),
			 "rt_sigreturn({mask=[TERM CHLD]}) = -1 EINTR (Interrupted system call)");
	ck_assert_str_eq(LINE("rt_sigreturn", 0, 0x9900), "rt_sigreturn({mask=?}) = 0");
}
END_TEST

START_TEST(test_kill)
{
	ck_assert_str_eq(LINE("kill", 0, 8082, SIGUSR1), "kill(8082, SIGUSR1) = 0");
	ck_assert_str_eq(LINE("kill", 0, 1, 0), "kill(1, 0) = 0");
	ck_assert_str_eq(LINE("kill", -ESRCH, NEG(-1), SIGTERM),
			 "kill(-1, SIGTERM) = -1 ESRCH (No such process)");
	ck_assert_str_eq(LINE("kill", -EINVAL, 1, 65), "kill(1, 65) = -1 EINVAL (Invalid argument)");
	ck_assert_str_eq(LINE("tgkill", 0, 1, 2, 35), "tgkill(1, 2, SIGRT_3) = 0");
}
END_TEST

/* ---- processes ---- */

/* clone's tid and tls arguments swap places between x86_64 and aarch64 */
#ifdef __aarch64__
#define CLONE_ARGS(flags, stack, ptid, ctid, tls) flags, stack, ptid, tls, ctid
#else
#define CLONE_ARGS(flags, stack, ptid, ctid, tls) flags, stack, ptid, ctid, tls
#endif

START_TEST(test_clone)
{
	int tid = 1234;

	ck_assert_str_eq(LINE("clone", 8084,
			      CLONE_ARGS(0x01200000 | SIGCHLD, 0, 0, 0x7f067c6c0a10, 0)),
			 "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|"
			 "SIGCHLD, child_tidptr=0x7f067c6c0a10) = 8084");
	ck_assert_str_eq(ent, "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|"
			      "CLONE_CHILD_SETTID|SIGCHLD");
	ck_assert_str_eq(ext, ", child_tidptr=0x7f067c6c0a10) = 8084");
	ck_assert_str_eq(LINE("clone", 5, CLONE_ARGS(0x100 | 0x4000 | SIGCHLD, 0x1234, 0, 0, 0)),
			 "clone(child_stack=0x1234, flags=CLONE_VM|CLONE_VFORK|SIGCHLD) = 5");
	put(0x8000, &tid, sizeof(tid));
	ck_assert_str_eq(LINE("clone", 1234,
			      CLONE_ARGS(0x3d0f00, 0x7000, 0x8000, 0x9000, 0xa000)),
			 "clone(child_stack=0x7000, flags=CLONE_VM|CLONE_FS|CLONE_FILES|"
			 "CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|"
			 "CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, parent_tid=[1234], tls=0xa000, "
			 "child_tidptr=0x9000) = 1234");
	ck_assert_str_eq(LINE("clone", -ENOSYS, CLONE_ARGS(0, 0, 0, 0, 0)),
			 "clone(child_stack=NULL, flags=0) = -1 ENOSYS (Function not implemented)");
}
END_TEST

START_TEST(test_wait4)
{
	int exited = 3 << 8, killed = SIGTERM, dumped = SIGSEGV | 0x80, stopped = 0x137f;

	put(0x8000, &exited, sizeof(int));
	put(0x8100, &killed, sizeof(int));
	put(0x8200, &dumped, sizeof(int));
	put(0x8300, &stopped, sizeof(int));
	ck_assert_str_eq(LINE("wait4", 8083, NEG(-1), 0x8000, 0, 0),
			 "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 8083");
	ck_assert_str_eq(ent, "wait4(-1, ");
	ck_assert_str_eq(ext, "[{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 8083");
	ck_assert_str_eq(LINE("wait4", 9, 9, 0x8100, 0, 0),
			 "wait4(9, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}], 0, NULL) = 9");
	ck_assert_str_eq(LINE("wait4", 9, 9, 0x8200, 0, 0),
			 "wait4(9, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], 0, "
			 "NULL) = 9");
	ck_assert_str_eq(LINE("wait4", 9, 9, 0x8300, 2, 0),
			 "wait4(9, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL) = 9");
	ck_assert_str_eq(LINE("wait4", -ECHILD, NEG(-1), 0x8000, 1, 0),
			 "wait4(-1, 0x8000, WNOHANG, NULL) = -1 ECHILD (No child processes)");
	/* WNOHANG with no child ready: nothing was written */
	ck_assert_str_eq(LINE("wait4", 0, NEG(-1), 0x8000, 1, 0), "wait4(-1, 0x8000, WNOHANG, NULL) = 0");
}
END_TEST

START_TEST(test_execve)
{
	uint64_t argv[] = { 0x1100, 0x1200, 0x1300, 0 };
	uint64_t envp[] = { 0x1400, 0x1400, 0x1400, 0 };

	put_str(0x1000, "/usr/bin/sh");
	put_str(0x1100, "sh");
	put_str(0x1200, "-c");
	put_str(0x1300, "sleep 0.01; echo hi | cat; kill $$");
	put_str(0x1400, "X=1");
	put_u64s(0x2000, argv, 4);
	put_u64s(0x3000, envp, 4);
	ck_assert_str_eq(LINE("execve", 0, 0x1000, 0x2000, 0x3000),
			 "execve(\"/usr/bin/sh\", [\"sh\", \"-c\", \"sleep 0.01; echo hi | cat; kill "
			 "\"...], 0x3000 /* 3 vars */) = 0");
	opts.strsize = 2;
	ck_assert_str_eq(LINE("execve", -ENOENT, 0x1000, 0x2000, 0),
			 "execve(\"/usr/bin/sh\", [\"sh\", \"-c\", ...], NULL) = -1 ENOENT "
			 "(No such file or directory)");
}
END_TEST

START_TEST(test_exit_group_entry)
{
	uint64_t args[6] = { 0 };

	decode_syscall_enter(sysnr("exit_group"), args, &mem, &opts, ent, sizeof(ent));
	ck_assert_str_eq(ent, "exit_group(0");
}
END_TEST

/* ---- descriptors ---- */

START_TEST(test_poll)
{
	struct pollfd fds[2] = { { 3, POLLIN | POLLPRI, 0 }, { 4, POLLOUT, POLLOUT } };

	NEED("poll");
	put(0x7000, fds, sizeof(fds));
	ck_assert_str_eq(LINE("poll", 1, 0x7000, 2, 10),
			 "poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}], 2, 10) = 1 "
			 "([{fd=4, revents=POLLOUT}])");
	ck_assert_str_eq(LINE("poll", 0, 0x7000, 1, 0),
			 "poll([{fd=3, events=POLLIN|POLLPRI}], 1, 0) = 0 (Timeout)");
	ck_assert_str_eq(LINE("poll", -EFAULT, 0x9000, 3, NEG(-1)),
			 "poll(0x9000, 3, -1) = -1 EFAULT (Bad address)");
}
END_TEST

START_TEST(test_ppoll)
{
	struct pollfd fd = { 3, POLLIN, POLLIN };
	uint64_t usr1 = SIGBIT(SIGUSR1);

	put(0x7000, &fd, sizeof(fd));
	put(0x7100, &usr1, sizeof(usr1));
	put_timespec(0x7200, 0, 1000);
	ck_assert_str_eq(LINE("ppoll", 1, 0x7000, 1, 0, 0, 8),
			 "ppoll([{fd=3, events=POLLIN}], 1, NULL, NULL, 8) = 1 "
			 "([{fd=3, revents=POLLIN}])");
	ck_assert_str_eq(LINE("ppoll", 0, 0x7000, 1, 0x7200, 0x7100, 8),
			 "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=1000}, [USR1], 8) = 0 "
			 "(Timeout)");
}
END_TEST

START_TEST(test_select)
{
	uint64_t set = (1u << 3) | (1u << 6);
	struct { long sec, usec; } tv = { 0, 100 };

	NEED("select");
	put(0x7000, &set, sizeof(set));
	put(0x7100, &tv, sizeof(tv));
	ck_assert_str_eq(LINE("select", 0, 10, 0x7000, 0, 0, 0x7100),
			 "select(10, [3 6], NULL, NULL, {tv_sec=0, tv_usec=100}) = 0 (Timeout)");
	ck_assert_str_eq(LINE("select", 2, 10, 0x7000, 0, 0, 0x7100),
			 "select(10, [3 6], NULL, NULL, {tv_sec=0, tv_usec=100}) = 2 "
			 "(in [3 6], left {tv_sec=0, tv_usec=100})");
}
END_TEST

START_TEST(test_iovecs)
{
	struct iovec iov[2] = { { (void *)0x6100, 2 }, { (void *)0x6200, 10 } };

	put(0x6000, iov, sizeof(iov));
	put(0x6100, "ab", 2);
	put(0x6200, "cdefghijkl", 10);
	ck_assert_str_eq(LINE("writev", 12, 4, 0x6000, 2),
			 "writev(4, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cdefghijkl\", "
			 "iov_len=10}], 2) = 12");
	/* readv shows what was read: ret bytes across the vector */
	ck_assert_str_eq(LINE("readv", 6, 3, 0x6000, 2),
			 "readv(3, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cdef\", iov_len=10}], 2) "
			 "= 6");
	ck_assert_str_eq(ent, "readv(3, ");
}
END_TEST

START_TEST(test_getrandom_hex)
{
	put(0x6000, "\x9f\x13\xdd\x72\x09\x31\x4c\xc1", 8);
	ck_assert_str_eq(LINE("getrandom", 8, 0x6000, 8, 1),
			 "getrandom(\"\\x9f\\x13\\xdd\\x72\\x09\\x31\\x4c\\xc1\", 8, GRND_NONBLOCK) = 8");
}
END_TEST

START_TEST(test_futex)
{
	ck_assert_str_eq(LINE("futex", 0, 0x7f52df329a4c, 0x81, 2147483647),
			 "futex(0x7f52df329a4c, FUTEX_WAKE_PRIVATE, 2147483647) = 0");
	ck_assert_str_eq(LINE("futex", -EAGAIN, 0x1000, 9 | 0x80 | 0x100, 0, 0, 0, 0xffffffff),
			 "futex(0x1000, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, "
			 "FUTEX_BITSET_MATCH_ANY) = -1 EAGAIN (Resource temporarily unavailable)");
	ck_assert_str_eq(LINE("futex", 0, 0x1000, 5, 1, 8192, 0x3000, 7),
			 "futex(0x1000, FUTEX_WAKE_OP, 1, 8192, 0x3000, "
			 "FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_EQ<<24|0x7) = 0");
	ck_assert_str_eq(LINE("futex", 0, 0x1000, 6, 1, 0x2000),
			 "futex(0x1000, FUTEX_LOCK_PI, 0x2000) = 0");
}
END_TEST

/* ---- sockets ---- */

START_TEST(test_sockets)
{
	struct sockaddr_in sin = { AF_INET, htons(1), { htonl(0x7f000001) }, { 0 } };
	struct sockaddr_un sun = { AF_UNIX, "/run/x.sock" };

	put(0x6000, &sin, sizeof(sin));
	put(0x6100, &sun, sizeof(sun));
	ck_assert_str_eq(LINE("socket", 8, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0),
			 "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 8");
	ck_assert_str_eq(LINE("connect", -ECONNREFUSED, 8, 0x6000, sizeof(sin)),
			 "connect(8, {sa_family=AF_INET, sin_port=htons(1), "
			 "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = -1 ECONNREFUSED "
			 "(Connection refused)");
	ck_assert_str_eq(LINE("connect", 0, 7, 0x6100, sizeof(sun)),
			 "connect(7, {sa_family=AF_UNIX, sun_path=\"/run/x.sock\"}, 110) = 0");
}
END_TEST

/* The whole line through the saving entry and exit, as tracing decodes. */
static const char *line_saved(const char *name, const uint64_t args[6], int64_t ret,
			      const void *before, const void *after, uint64_t at, size_t len)
{
	struct decode_saved saved;
	long nr = sysnr(name);

	put(at, before, len);
	decode_syscall_enter_saving(nr, args, &mem, &opts, &saved, ent, sizeof(ent));
	/* The kernel writes the value-result argument. */
	memcpy(regions[nregions - 1].data, after, len);
	decode_syscall_exit_saved(nr, args, ret, &mem, &opts, &saved, DECODE_NO_COLUMN, ext,
				  sizeof(ext));
	snprintf(full, sizeof(full), "%s%s", ent, ext);
	return full;
}

START_TEST(test_value_result_socklen)
{
	struct sockaddr_in sin = { AF_INET, htons(1), { htonl(0x7f000001) }, { 0 } };
	int in = 128, out = 16, same = 4, type = SOCK_STREAM;

	put(0x6000, &sin, sizeof(sin));
	put(0x6200, &type, sizeof(type));
	ck_assert_str_eq(line_saved("getsockname", (const uint64_t[6]){ 3, 0x6000, 0x6100 }, 0,
				    &in, &out, 0x6100, sizeof(int)),
			 "getsockname(3, {sa_family=AF_INET, sin_port=htons(1), "
			 "sin_addr=inet_addr(\"127.0.0.1\")}, [128 => 16]) = 0");
	ck_assert_str_eq(line_saved("getsockopt",
				    (const uint64_t[6]){ 3, SOL_SOCKET, SO_TYPE, 0x6200, 0x6300 }, 0,
				    &same, &same, 0x6300, sizeof(int)),
			 "getsockopt(3, SOL_SOCKET, SO_TYPE, [1], [4]) = 0");
	/* Without the entry value (decode_syscall_exit): the value after. */
	ck_assert_str_eq(LINE("getsockname", 0, 3, 0x6000, 0x6100),
			 "getsockname(3, {sa_family=AF_INET, sin_port=htons(1), "
			 "sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 0");
}
END_TEST

START_TEST(test_timex)
{
	struct timex t;

	memset(&t, 0, sizeof(t));
	t.modes = ADJ_OFFSET | ADJ_STATUS;
	t.status = STA_UNSYNC;
	t.constant = 10;
	t.time.tv_sec = 7;
	t.tai = 4;
	put(0x7700, &t, sizeof(t));
	ck_assert_str_eq(LINE("clock_adjtime", 5, CLOCK_REALTIME, 0x7700),
			 "clock_adjtime(CLOCK_REALTIME, {modes=ADJ_OFFSET|ADJ_STATUS, offset=0, "
			 "freq=0, maxerror=0, esterror=0, status=STA_UNSYNC, constant=10, "
			 "precision=0, tolerance=0, time={tv_sec=7, tv_usec=0}, tick=0, ppsfreq=0, "
			 "jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, "
			 "tai=4}) = 5 (TIME_ERROR)");
	ck_assert_str_eq(LINE("clock_adjtime", -EPERM, CLOCK_REALTIME, 0x7700),
			 "clock_adjtime(CLOCK_REALTIME, 0x7700) = -1 EPERM (Operation not permitted)");
}
END_TEST

/* -y: descriptors with their paths, including returned ones. */
START_TEST(test_decode_fds)
{
	put_str(0x7600, "/etc/passwd");
	opts.decode_fds = 1;
	ck_assert_str_eq(LINE("close", 0, 3), "close(3</etc/passwd>) = 0");
	ck_assert_str_eq(LINE("close", -EBADF, 9), "close(9) = -1 EBADF (Bad file descriptor)");
	ck_assert_str_eq(LINE("openat", 3, AT_FDCWD, 0x7600, O_RDONLY),
			 "openat(AT_FDCWD</work>, \"/etc/passwd\", O_RDONLY) = 3</etc/passwd>");
	opts.decode_fds = 0;
	ck_assert_str_eq(LINE("close", 0, 3), "close(3) = 0");
}
END_TEST

START_TEST(test_named_results)
{
	ck_assert_str_eq(LINE("prctl", 1, PR_GET_DUMPABLE), "prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)");
	ck_assert_str_eq(LINE("personality", 0, 0xffffffff), "personality(0xffffffff) = 0 (PER_LINUX)");
	ck_assert_str_eq(LINE("personality", 0x40000, 0xffffffff),
			 "personality(0xffffffff) = 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)");
	ck_assert_str_eq(LINE("personality", 0, PER_LINUX | ADDR_NO_RANDOMIZE),
			 "personality(PER_LINUX|ADDR_NO_RANDOMIZE) = 0 (PER_LINUX)");
	ck_assert_str_eq(LINE("membarrier", 0x9, MEMBARRIER_CMD_QUERY, 0),
			 "membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x9 (MEMBARRIER_CMD_GLOBAL|"
			 "MEMBARRIER_CMD_PRIVATE_EXPEDITED)");
	ck_assert_str_eq(LINE("membarrier", 0, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0),
			 "membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0) = 0");
	ck_assert_str_eq(LINE("kcmp", 1, 42, 43, KCMP_FILE, 0, 1), "kcmp(42, 43, KCMP_FILE, 0, 1) = 1");
}
END_TEST

START_TEST(test_family_decoders)
{
	struct open_how how = { .flags = O_WRONLY | O_CREAT, .mode = 0644, .resolve = 0 };
	struct f_owner_ex owner = { F_OWNER_PGRP, 42 };
	int fds[2] = { 5, 6 };
	struct {
		struct cmsghdr h;
		int fds[2];
	} cm = { { CMSG_LEN(sizeof(fds)), SOL_SOCKET, SCM_RIGHTS }, { 5, 6 } };
	struct msghdr m = { 0 };

	put(0x7000, &how, sizeof(how));
	put_str(0x7100, "/tmp/x");
	ck_assert_str_eq(LINE("openat2", 3, AT_FDCWD, 0x7100, 0x7000, sizeof(how)),
			 "openat2(AT_FDCWD, \"/tmp/x\", {flags=O_WRONLY|O_CREAT, mode=0644, "
			 "resolve=0}, 24) = 3");
	put(0x7200, &owner, sizeof(owner));
	ck_assert_str_eq(LINE("fcntl", 0, 3, F_SETOWN_EX, 0x7200),
			 "fcntl(3, F_SETOWN_EX, {type=F_OWNER_PGRP, pid=42}) = 0");
	ck_assert_str_eq(LINE("fcntl", -EFAULT, 3, F_GETOWN_EX, 0x7200),
			 "fcntl(3, F_GETOWN_EX, 0x7200) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(LINE("semctl", 0, 7, 0, SETVAL, 5), "semctl(7, 0, SETVAL, 0x5) = 0");
	ck_assert_str_eq(LINE("semctl", 0, 7, 0, IPC_RMID, 0), "semctl(7, 0, IPC_RMID, NULL) = 0");
	ck_assert_str_eq(LINE("seccomp", 0, SECCOMP_SET_MODE_STRICT, 0, 0),
			 "seccomp(SECCOMP_SET_MODE_STRICT, 0, NULL) = 0");
	/* Control messages past the readable memory: the address. */
	put(0x7300, &cm, sizeof(cm));
	m.msg_control = (void *)0x7300;
	m.msg_controllen = sizeof(cm);
	put(0x7400, &m, sizeof(m));
	ck_assert_str_eq(LINE("sendmsg", 0, 3, 0x7400, 0),
			 "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, "
			 "msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
			 "cmsg_data=[5, 6]}], msg_controllen=24, msg_flags=0}, 0) = 0");
	m.msg_control = (void *)0x9900;
	put(0x7500, &m, sizeof(m));
	ck_assert_str_eq(LINE("sendmsg", 0, 3, 0x7500, 0),
			 "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, "
			 "msg_control=0x9900, msg_controllen=24, msg_flags=0}, 0) = 0");
	(void)fds;
}
END_TEST

/* ---- limits and the rest ---- */

START_TEST(test_prlimit64)
{
	uint64_t rl[2] = { 8192 * 1024, UINT64_MAX };

	put(0x6000, rl, sizeof(rl));
	ck_assert_str_eq(LINE("prlimit64", 0, 0, 3, 0, 0x6000),
			 "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, "
			 "rlim_max=RLIM64_INFINITY}) = 0");
}
END_TEST

START_TEST(test_umask_and_unformatted)
{
	ck_assert_str_eq(LINE("umask", 022, 077), "umask(077) = 022");
	/* known to the arch but without argument kinds: strace's hex */
	ck_assert_str_eq(LINE("add_key", 5, 1, 0x7fff0000, 0, 16, NEG(-2)),
			 "add_key(0x1, 0x7fff0000, 0, 0x10, 0xfffffffffffffffe) = 5");
	ck_assert_str_eq(LINE("getpid", 42), "getpid() = 42");
}
END_TEST

START_TEST(test_unknown_syscall)
{
	uint64_t args[6] = { 1, 2, 0, 0, 0, 0 };
	long nr = arch_max_syscall() + 7;

	decode_syscall_enter(nr, args, &mem, &opts, ent, sizeof(ent));
	decode_syscall_exit(nr, args, -ENOSYS, &mem, &opts, ext, sizeof(ext));
	snprintf(full, sizeof(full), "%s%s", ent, ext);
	snprintf(ent, sizeof(ent), "syscall_%#lx(0x1, 0x2, 0, 0, 0, 0) = -1 ENOSYS "
		 "(Function not implemented)", nr);
	ck_assert_str_eq(full, ent);
}
END_TEST

START_TEST(test_no_memory_reader)
{
	uint64_t args[6] = { 3, 0x2000, 10, 0, 0, 0 };
	long nr = sysnr("read");

	decode_syscall_exit(nr, args, 10, NULL, NULL, ext, sizeof(ext));
	ck_assert_str_eq(ext, "0x2000, 10) = 10");
}
END_TEST

START_TEST(test_alignment)
{
	uint64_t args[6] = { 3 };
	long nr = sysnr("close");
	size_t col = decode_syscall_enter(nr, args, &mem, &opts, ent, sizeof(ent));

	decode_syscall_exit_at(nr, args, 0, &mem, &opts, col, ext, sizeof(ext));
	snprintf(full, sizeof(full), "%s%s", ent, ext);
	ck_assert_str_eq(full, "close(3)                                = 0");
	ck_assert_ptr_eq(strchr(full, '='), full + DECODE_RESULT_COLUMN);
	/* a long line gets a single space */
	decode_syscall_exit_at(nr, args, 0, &mem, &opts, 50, ext, sizeof(ext));
	ck_assert_str_eq(ext, ") = 0");
	/* exactly 39 columns before "=": one space, "=" in column 40 */
	decode_syscall_exit_at(nr, args, 0, &mem, &opts, 38, ext, sizeof(ext));
	ck_assert_str_eq(ext, ") = 0");
	/* "[pid N] " and time stamps count: the caller's column has them */
	decode_syscall_exit_at(nr, args, 0, &mem, &opts, strlen("20:35:02.299414 close(3"),
			       ext, sizeof(ext));
	ck_assert_str_eq(ext, ")                = 0");
}
END_TEST

START_TEST(test_small_buffer)
{
	char small[12];
	size_t n;

	put_str(0x1000, "/etc/ld.so.cache");
	n = decode_syscall_enter(sysnr("openat"), (const uint64_t[6]){ NEG(AT_FDCWD), 0x1000, 0 },
				 &mem, &opts, small, sizeof(small));
	ck_assert_uint_eq(n, sizeof(small) - 1);
	ck_assert_str_eq(small, "openat(AT_F");
}
END_TEST

/* ---- -X and -v (strace 6.1's lines for the same calls) ---- */

START_TEST(test_const_styles)
{
	struct stat st;

	put_str(0x1000, "/etc/ld.so.cache");
	memset(&st, 0, sizeof(st));
	st.st_mode = S_IFREG | 0644;
	st.st_size = 42399;
	put(0x4000, &st, sizeof(st));
	put_str(0x4800, "");
	decode_set_const_style(1);
	ck_assert_str_eq(LINE("openat", 3, NEG(AT_FDCWD), 0x1000, O_RDONLY | O_CLOEXEC),
			 "openat(-100, \"/etc/ld.so.cache\", 0x80000) = 3");
	ck_assert_str_eq(LINE("openat", 3, NEG(AT_FDCWD), 0x1000, O_RDONLY),
			 "openat(-100, \"/etc/ld.so.cache\", 0) = 3");
	ck_assert_str_eq(LINE("kill", 0, 1234, SIGUSR1), "kill(1234, 10) = 0");
	ck_assert_str_eq(LINE("newfstatat", 0, 3, 0x4800, 0x4000, AT_EMPTY_PATH),
			 "newfstatat(3, \"\", {st_mode=0100644, st_size=42399, ...}, 0x1000) = 0");
	decode_set_const_style(2);
	ck_assert_str_eq(LINE("openat", 3, NEG(AT_FDCWD), 0x1000, O_RDONLY),
			 "openat(-100 /* AT_FDCWD */, \"/etc/ld.so.cache\", 0 /* O_RDONLY */) = 3");
	ck_assert_str_eq(LINE("kill", 0, 1234, SIGUSR1), "kill(1234, 10 /* SIGUSR1 */) = 0");
	/* strace styles F_GETFD's note but not F_GETFL's. */
	ck_assert_str_eq(LINE("fcntl", 1, 11, F_GETFD),
			 "fcntl(11, 0x1 /* F_GETFD */) = 0x1 (flags 0x1 /* FD_CLOEXEC */)");
	ck_assert_str_eq(LINE("fcntl", O_RDWR | O_NONBLOCK, 255, F_GETFL),
			 "fcntl(255, 0x3 /* F_GETFL */) = 0x802 (flags O_RDWR|O_NONBLOCK)");
	ck_assert_str_eq(LINE("mmap", 0x7eff28ac8000, 0, 8192, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, NEG(-1), 0),
			 "mmap(NULL, 8192, 0x3 /* PROT_READ|PROT_WRITE */, "
			 "0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0) = 0x7eff28ac8000");
	ck_assert_str_eq(LINE("newfstatat", 0, 3, 0x4800, 0x4000, AT_EMPTY_PATH),
			 "newfstatat(3, \"\", {st_mode=0100644 /* S_IFREG|0644 */, st_size=42399, "
			 "...}, 0x1000 /* AT_EMPTY_PATH */) = 0");
	decode_set_const_style(0);
	ck_assert_str_eq(LINE("kill", 0, 1234, SIGUSR1), "kill(1234, SIGUSR1) = 0");
}
END_TEST

START_TEST(test_no_abbrev)
{
	uint64_t argv[] = {0x1100, 0x1200, 0x1300, 0};
	uint64_t envp[] = {0x1400, 0x1500, 0};
	struct sysset none;
	char err[128];

	put_str(0x1000, "/bin/echo");
	put_str(0x1100, "echo");
	put_str(0x1200, "a");
	put_str(0x1300, "b");
	put_str(0x1400, "X=1");
	put_str(0x1500, "Y=2");
	put_u64s(0x2000, argv, 4);
	put_u64s(0x3000, envp, 3);
	ck_assert_int_eq(trace_set_parse("none", &none, err, sizeof(err)), 0);
	opts.abbrev = &none;
	opts.strsize = 2;
	ck_assert_str_eq(
	    LINE("execve", 0, 0x1000, 0x2000, 0x3000),
	    "execve(\"/bin/echo\", [\"ec\"..., \"a\", \"b\"], [\"X=\"..., \"Y=\"...]) = 0");
	{
		/* two linux_dirent64 records: ".", then "ab" */
		unsigned char d[48] = {0};

		d[0] = 7, d[8] = 1, d[16] = 24, d[18] = DT_DIR, d[19] = '.';
		d[24] = 9, d[32] = 2, d[40] = 24, d[42] = DT_REG, d[43] = 'a', d[44] = 'b';
		put(0x5000, d, sizeof(d));
	}
	ck_assert_str_eq(
	    LINE("getdents64", 48, 3, 0x5000, 32768),
	    "getdents64(3, [{d_ino=7, d_off=1, d_reclen=24, d_type=DT_DIR, d_name=\".\"}, "
	    "{d_ino=9, d_off=2, d_reclen=24, d_type=DT_REG, d_name=\"ab\"}], 32768) = 48");
	opts.abbrev = NULL;
	ck_assert_str_eq(LINE("getdents64", 48, 3, 0x5000, 32768),
			 "getdents64(3, 0x5000 /* 2 entries */, 32768) = 48");
	ck_assert_str_eq(LINE("execve", 0, 0x1000, 0x2000, 0x3000),
			 "execve(\"/bin/echo\", [\"ec\"..., \"a\", ...], 0x3000 /* 2 vars */) = 0");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("decode_lines");
	TCase *files = tcase_create("files");
	TCase *mm = tcase_create("memory+time");
	TCase *sig = tcase_create("signals+processes");
	TCase *io = tcase_create("descriptors+sockets");
	TCase *misc = tcase_create("misc");
	TCase *all[] = { files, mm, sig, io, misc };
	SRunner *sr;
	int failed;

	tcase_add_test(files, test_openat);
	tcase_add_test(files, test_path_not_cut_by_strsize);
	tcase_add_test(files, test_open_legacy);
	tcase_add_test(files, test_read);
	tcase_add_test(files, test_read_strsize);
	tcase_add_test(files, test_write);
	tcase_add_test(files, test_close);
	tcase_add_test(files, test_newfstatat);
	tcase_add_test(files, test_pipe2_and_fcntl);
	tcase_add_test(mm, test_mmap);
	tcase_add_test(mm, test_nanosleep);
	tcase_add_test(mm, test_utimensat_dates);
	tcase_add_test(sig, test_rt_sigaction);
	tcase_add_test(sig, test_rt_sigprocmask);
	tcase_add_test(sig, test_rt_sigreturn);
	tcase_add_test(sig, test_kill);
	tcase_add_test(sig, test_clone);
	tcase_add_test(sig, test_wait4);
	tcase_add_test(sig, test_execve);
	tcase_add_test(sig, test_exit_group_entry);
	tcase_add_test(io, test_poll);
	tcase_add_test(io, test_ppoll);
	tcase_add_test(io, test_select);
	tcase_add_test(io, test_iovecs);
	tcase_add_test(io, test_getrandom_hex);
	tcase_add_test(io, test_futex);
	tcase_add_test(io, test_sockets);
	tcase_add_test(io, test_value_result_socklen);
	tcase_add_test(misc, test_named_results);
	tcase_add_test(misc, test_decode_fds);
	tcase_add_test(misc, test_timex);
	tcase_add_test(misc, test_family_decoders);
	tcase_add_test(misc, test_prlimit64);
	tcase_add_test(misc, test_umask_and_unformatted);
	tcase_add_test(misc, test_unknown_syscall);
	tcase_add_test(misc, test_no_memory_reader);
	tcase_add_test(misc, test_alignment);
	tcase_add_test(misc, test_small_buffer);
	tcase_add_test(misc, test_const_styles);
	tcase_add_test(misc, test_no_abbrev);
	for (size_t n = 0; n < sizeof(all) / sizeof(all[0]); n++) {
		tcase_add_checked_fixture(all[n], setup, clear_mem);
		suite_add_tcase(s, all[n]);
	}
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
