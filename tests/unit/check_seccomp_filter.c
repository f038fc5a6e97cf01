// SPDX-License-Identifier: MIT
/*
 * The seccomp fast path: sysset operations, and the generated filter
 * run through a small classic-BPF interpreter (the subset a seccomp
 * filter may use), so the tests check what the filter decides rather
 * than how it is laid out.  One test also loads a filter into the
 * kernel, which has the last word on what it accepts.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "arch/arch.h"
#include "seccomp_filter.h"
#include "policy/filter.h"
#include "policy/policy.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <netinet/in.h>

/* Two ABIs on one host, as on x86_64: native and its 32-bit sibling. */
#define NATIVE_ARCH AUDIT_ARCH_X86_64
#define OTHER_ARCH AUDIT_ARCH_I386
#define X32_BASE 0x40000000u

/* What the interpreter reports for a program it cannot run. */
#define BPF_BAD 0xdeadbeefu

static struct sock_filter prog[SECCOMP_PROG_MAX];

/* Load a 32-bit word of seccomp_data, as the kernel does (aligned, in bounds). */
static int load_word(const struct seccomp_data *sd, uint32_t off, uint32_t *out)
{
	if (off % 4 || off + 4 > sizeof(*sd))
		return -1;
	memcpy(out, (const char *)sd + off, 4);
	return 0;
}

static int jump_taken(uint16_t code, uint32_t a, uint32_t k, bool *taken)
{
	switch (BPF_OP(code)) {
	case BPF_JEQ:
		*taken = a == k;
		return 0;
	case BPF_JGT:
		*taken = a > k;
		return 0;
	case BPF_JGE:
		*taken = a >= k;
		return 0;
	case BPF_JSET:
		*taken = (a & k) != 0;
		return 0;
	}
	return -1;
}

/*
 * Run prog on sd and return its verdict.  Only forward jumps exist in
 * classic BPF, so the program always terminates; anything outside the
 * subset seccomp_build() should use (or a jump out of the program)
 * yields BPF_BAD and fails the caller's assertion.
 */
static uint32_t bpf_run(const struct sock_filter *p, size_t len, const struct seccomp_data *sd)
{
	uint32_t a = 0;
	size_t pc = 0;

	while (pc < len) {
		const struct sock_filter *f = &p[pc++];
		bool taken;

		switch (f->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			if (load_word(sd, f->k, &a) < 0)
				return BPF_BAD;
			break;
		case BPF_RET | BPF_K:
			return f->k;
		case BPF_ALU | BPF_AND | BPF_K:
			a &= f->k;
			break;
		case BPF_JMP | BPF_JA:
			pc += f->k;
			break;
		default:
			if (BPF_CLASS(f->code) != BPF_JMP || BPF_SRC(f->code) != BPF_K ||
			    jump_taken(f->code, a, f->k, &taken) < 0)
				return BPF_BAD;
			pc += taken ? f->jt : f->jf;
			break;
		}
	}
	return BPF_BAD; /* fell off the end: the kernel rejects such a program */
}

static uint32_t verdict(const struct sysset *set, uint32_t base, uint32_t arch, uint32_t nr)
{
	struct seccomp_data sd = { .nr = (int)nr, .arch = arch, .instruction_pointer = 0x1000 };
	size_t len = seccomp_build(set, NATIVE_ARCH, base, prog);

	ck_assert_uint_gt(len, 0);
	ck_assert_uint_le(len, SECCOMP_PROG_MAX);
	return bpf_run(prog, len, &sd);
}

START_TEST(test_sysset_ops)
{
	struct sysset set;

	sysset_clear(&set);
	for (long nr = -2; nr < SYSSET_MAX + 2; nr++)
		ck_assert(!sysset_has(&set, nr));
	sysset_add(&set, 0);
	sysset_add(&set, 7);
	sysset_add(&set, 8);
	sysset_add(&set, SYSSET_MAX - 1);
	ck_assert(sysset_has(&set, 0));
	ck_assert(sysset_has(&set, 7));
	ck_assert(sysset_has(&set, 8));
	ck_assert(sysset_has(&set, SYSSET_MAX - 1));
	ck_assert(!sysset_has(&set, 1));
	ck_assert(!sysset_has(&set, 9));
	sysset_del(&set, 7);
	ck_assert(!sysset_has(&set, 7));
	ck_assert(sysset_has(&set, 8)); /* same byte, untouched */
	sysset_del(&set, 7); /* deleting twice is harmless */
	ck_assert(!sysset_has(&set, 7));
	sysset_clear(&set);
	ck_assert(!sysset_has(&set, 0));
	ck_assert(!sysset_has(&set, SYSSET_MAX - 1));
}
END_TEST

/* Numbers outside the set's range are ignored, never written out of bounds. */
START_TEST(test_sysset_out_of_range)
{
	struct sysset set;

	sysset_clear(&set);
	sysset_add(&set, -1);
	sysset_add(&set, SYSSET_MAX);
	sysset_add(&set, X32_BASE);
	ck_assert(!sysset_has(&set, -1));
	ck_assert(!sysset_has(&set, SYSSET_MAX));
	for (long nr = 0; nr < SYSSET_MAX; nr++)
		ck_assert(!sysset_has(&set, nr));
	ck_assert(!set.all);
	sysset_del(&set, -1);
	sysset_del(&set, SYSSET_MAX);
}
END_TEST

START_TEST(test_sysset_all)
{
	struct sysset set;

	sysset_clear(&set);
	set.all = true;
	ck_assert(sysset_has(&set, 0));
	ck_assert(sysset_has(&set, SYSSET_MAX - 1));
	ck_assert(sysset_has(&set, SYSSET_MAX));
	sysset_clear(&set);
	ck_assert(!set.all);
}
END_TEST

/* An empty set traps nothing of the native ABI. */
START_TEST(test_filter_empty_allows)
{
	struct sysset set;

	sysset_clear(&set);
	for (uint32_t nr = 0; nr < SYSSET_MAX; nr++)
		ck_assert_uint_eq(verdict(&set, X32_BASE, NATIVE_ARCH, nr), SECCOMP_RET_ALLOW);
	/* Numbers the kernel does not know are still the kernel's to reject. */
	ck_assert_uint_eq(verdict(&set, X32_BASE, NATIVE_ARCH, X32_BASE - 1), SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(verdict(&set, X32_BASE, NATIVE_ARCH, 0xffffffffu), SECCOMP_RET_TRACE);
}
END_TEST

START_TEST(test_filter_members_traced)
{
	static const long members[] = { 0, 1, 7, 8, 61, 202, 247, 435, SYSSET_MAX - 1 };
	struct sysset set;

	sysset_clear(&set);
	for (size_t i = 0; i < sizeof(members) / sizeof(members[0]); i++)
		sysset_add(&set, members[i]);
	for (uint32_t nr = 0; nr < SYSSET_MAX; nr++) {
		uint32_t want = sysset_has(&set, nr) ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;

		ck_assert_msg(verdict(&set, X32_BASE, NATIVE_ARCH, nr) == want,
			      "nr %u: verdict differs from membership", nr);
	}
}
END_TEST

/* int 0x80 on x86_64: another audit arch, trapped whatever the number. */
START_TEST(test_filter_other_arch_traced)
{
	struct sysset set;

	sysset_clear(&set);
	sysset_add(&set, 5);
	ck_assert_uint_eq(verdict(&set, X32_BASE, OTHER_ARCH, 0), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(&set, X32_BASE, OTHER_ARCH, 20), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(&set, X32_BASE, OTHER_ARCH, 5), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(&set, 0, AUDIT_ARCH_AARCH64, 63), SECCOMP_RET_TRACE);
}
END_TEST

/* x32: same audit arch, numbers from the base up; trapped. */
START_TEST(test_filter_x32_range_traced)
{
	struct sysset set;

	sysset_clear(&set);
	ck_assert_uint_eq(verdict(&set, X32_BASE, NATIVE_ARCH, X32_BASE), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(&set, X32_BASE, NATIVE_ARCH, X32_BASE + 39), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(&set, X32_BASE, NATIVE_ARCH, X32_BASE - 1), SECCOMP_RET_ALLOW);
	/* Without a foreign range (aarch64) there is no such check. */
	ck_assert_uint_eq(verdict(&set, 0, NATIVE_ARCH, X32_BASE), SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(verdict(&set, 0, NATIVE_ARCH, X32_BASE + 39), SECCOMP_RET_ALLOW);
}
END_TEST

START_TEST(test_filter_all)
{
	struct sysset set;

	sysset_clear(&set);
	set.all = true;
	ck_assert_uint_eq(verdict(&set, X32_BASE, NATIVE_ARCH, 0), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(&set, X32_BASE, NATIVE_ARCH, 999), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(&set, X32_BASE, OTHER_ARCH, 1), SECCOMP_RET_TRACE);
}
END_TEST

/* The largest set still fits the buffer and the kernel's BPF_MAXINSNS. */
START_TEST(test_filter_full_set_fits)
{
	struct sysset set;
	size_t len;

	sysset_clear(&set);
	for (long nr = 0; nr < SYSSET_MAX; nr++)
		sysset_add(&set, nr);
	len = seccomp_build(&set, NATIVE_ARCH, X32_BASE, prog);
	ck_assert_uint_le(len, SECCOMP_PROG_MAX);
	ck_assert_uint_le(len, BPF_MAXINSNS);
	ck_assert_uint_eq(BPF_CLASS(prog[len - 1].code), BPF_RET);
	ck_assert_uint_eq(verdict(&set, X32_BASE, NATIVE_ARCH, SYSSET_MAX - 1), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(&set, X32_BASE, NATIVE_ARCH, SYSSET_MAX), SECCOMP_RET_ALLOW);
}
END_TEST

/*
 * The kernel accepts the filter and applies it: with no tracer
 * attached, SECCOMP_RET_TRACE makes a trapped syscall fail with
 * ENOSYS, while the others run.  Done in a child, since a filter
 * cannot be removed.
 */
static void __attribute__((noreturn)) filtered_child(void)
{
	struct sysset set;
	size_t len;

	sysset_clear(&set);
	sysset_add(&set, SYS_getppid);
	len = seccomp_build(&set, arch_audit_arch(), arch_foreign_nr_base(), prog);
	if (seccomp_install(prog, len) < 0)
		_exit(10);
	errno = 0;
	if (syscall(SYS_getppid) != -1 || errno != ENOSYS)
		_exit(11);
	if (syscall(SYS_getpid) != getpid() || syscall(SYS_gettid) <= 0)
		_exit(12);
	_exit(0);
}

START_TEST(test_filter_kernel_accepts)
{
	int status;
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		filtered_child();
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status), "child died, status %#x", status);
	ck_assert_msg(WEXITSTATUS(status) == 0,
		      "child exit %d: 10 install failed, 11 member not trapped, 12 non-member broken",
		      WEXITSTATUS(status));
}
END_TEST

/* The verdict of the filter made for policy p on name(a0, a1, a2) of arch. */
static uint32_t policy_verdict(const struct policy *p, const char *name, uint64_t a0, uint64_t a1,
			       uint64_t a2, uint32_t arch)
{
	static struct policy_filter f;
	struct seccomp_data sd = {.nr = (int)arch_syscall_lookup(name), .arch = arch};
	struct sysset none;
	size_t len;

	sysset_clear(&none);
	ck_assert_int_eq(policy_filter_build(p, 7, &f), 0);
	len = seccomp_build_ext(&none, arch_audit_arch(), arch_foreign_nr_base(), &f.extra, prog);
	ck_assert_uint_le(len, SECCOMP_PROG_MAX);
	sd.args[0] = a0;
	sd.args[1] = a1;
	sd.args[2] = a2;
	return bpf_run(prog, len, &sd);
}

static struct policy pol;

static void use(const char *name, const char *value)
{
	char err[256];

	ck_assert_msg(policy_option(&pol, name, value, err, sizeof(err)) == 0, "%s", err);
}

#define NATIVE(name, a0, a1, a2) policy_verdict(&pol, name, a0, a1, a2, arch_audit_arch())
#define TRAP(err) (SECCOMP_RET_TRAP | POLICY_TRAP_TAG | (err))

START_TEST(test_policy_none)
{
	policy_free(&pol);
	ck_assert_uint_eq(NATIVE("getpid", 0, 0, 0), SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(NATIVE("io_uring_setup", 0, 0, 0), SECCOMP_RET_ALLOW);
}
END_TEST

START_TEST(test_policy_deny)
{
	policy_free(&pol);
	use("deny", "getpid:ENOSYS");
	use("deny", "getuid:kill");
	ck_assert_uint_eq(NATIVE("getpid", 0, 0, 0), TRAP(ENOSYS));
	ck_assert_uint_eq(NATIVE("getuid", 0, 0, 0), SECCOMP_RET_KILL_PROCESS);
	ck_assert_uint_eq(NATIVE("getppid", 0, 0, 0), SECCOMP_RET_ALLOW);
	/* The deny list is in native numbers: another ABI is refused whole. */
	ck_assert_uint_eq(policy_verdict(&pol, "getppid", 0, 0, 0, ~arch_audit_arch()),
			  TRAP(ENOSYS));
	policy_free(&pol);
}
END_TEST

START_TEST(test_policy_always_denied)
{
	policy_free(&pol);
	use("rlimit", "core=0");
	ck_assert_uint_eq(NATIVE("io_uring_setup", 0, 0, 0), TRAP(EPERM));
	ck_assert_uint_eq(NATIVE("bpf", 0, 0, 0), TRAP(EPERM));
	ck_assert_uint_eq(NATIVE("ioctl", 0, TIOCSTI, 0), TRAP(EPERM));
	ck_assert_uint_eq(NATIVE("ioctl", 0, 0x10000000ULL << 32 | TIOCSTI, 0), TRAP(EPERM));
	ck_assert_uint_eq(NATIVE("ioctl", 0, TCGETS, 0), SECCOMP_RET_ALLOW);
	use("allow", "io_uring_setup,ioctl");
	ck_assert_uint_eq(NATIVE("io_uring_setup", 0, 0, 0), SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(NATIVE("ioctl", 0, TIOCSTI, 0), SECCOMP_RET_ALLOW);
	policy_free(&pol);
}
END_TEST

START_TEST(test_policy_sockets)
{
	policy_free(&pol);
	use("rlimit", "core=0");
	ck_assert_uint_eq(NATIVE("socket", AF_INET, SOCK_DGRAM, 0), SECCOMP_RET_ALLOW);
	use("net", "none");
	ck_assert_uint_eq(NATIVE("socket", AF_INET, SOCK_DGRAM, 0), TRAP(EACCES));
	ck_assert_uint_eq(NATIVE("socket", AF_INET6, SOCK_RAW, 0), TRAP(EACCES));
	ck_assert_uint_eq(NATIVE("socket", AF_INET, SOCK_STREAM, IPPROTO_SCTP), TRAP(EACCES));
	ck_assert_uint_eq(NATIVE("socket", AF_PACKET, SOCK_RAW, 0), TRAP(EACCES));
	ck_assert_uint_eq(NATIVE("socket", AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0),
			  SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(NATIVE("socket", AF_INET6, SOCK_STREAM, IPPROTO_TCP), SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(NATIVE("socket", AF_UNIX, SOCK_DGRAM, 0), SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(NATIVE("socket", AF_NETLINK, SOCK_RAW, 0), SECCOMP_RET_ALLOW);
	/* Landlock decides ports: connect stops only to be explained. */
	ck_assert_uint_eq(NATIVE("connect", 3, 0, 16), SECCOMP_RET_TRACE);
	policy_free(&pol);
}
END_TEST

START_TEST(test_policy_watch)
{
	policy_free(&pol);
	use("ro", "/");
	/* Readable everywhere: a read-only open cannot be denied, a writing one can. */
	ck_assert_uint_eq(NATIVE("ioctl", 0, TCGETS, 0), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(NATIVE("openat", AT_FDCWD, 0, O_RDONLY | O_CLOEXEC), SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(NATIVE("openat", AT_FDCWD, 0, O_WRONLY), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(NATIVE("openat", AT_FDCWD, 0, O_RDONLY | O_CREAT), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(NATIVE("unlinkat", AT_FDCWD, 0, 0), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(NATIVE("execve", 0, 0, 0), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(NATIVE("read", 0, 0, 0), SECCOMP_RET_ALLOW);
	policy_free(&pol);
	use("rwx", "/");
	ck_assert_uint_eq(NATIVE("openat", AT_FDCWD, 0, O_WRONLY), SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(NATIVE("execve", 0, 0, 0), SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(NATIVE("ioctl", 0, TCGETS, 0), SECCOMP_RET_ALLOW);
	policy_free(&pol);
	use("ro", "/usr");
	ck_assert_uint_eq(NATIVE("openat", AT_FDCWD, 0, O_RDONLY), SECCOMP_RET_TRACE);
	/* No device is readable without --rw: no ioctl can be denied, none stops. */
	ck_assert_uint_eq(NATIVE("ioctl", 0, TCGETS, 0), SECCOMP_RET_ALLOW);
	use("ro", "/dev/urandom");
	ck_assert_uint_eq(NATIVE("ioctl", 0, TCGETS, 0), SECCOMP_RET_TRACE);
	/* A set limit watches the calls it makes fail, read-only opens included. */
	policy_free(&pol);
	use("ro", "/");
	use("rlimit", "nofile=64");
	ck_assert_uint_eq(NATIVE("openat", AT_FDCWD, 0, O_RDONLY), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(NATIVE("pipe2", 0, 0, 0), SECCOMP_RET_TRACE);
	policy_free(&pol);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("seccomp_filter");
	TCase *sets = tcase_create("sysset");
	TCase *filter = tcase_create("filter");
	TCase *kernel = tcase_create("kernel");
	SRunner *sr;
	int failed;

	tcase_add_test(sets, test_sysset_ops);
	tcase_add_test(sets, test_sysset_out_of_range);
	tcase_add_test(sets, test_sysset_all);
	tcase_add_test(filter, test_filter_empty_allows);
	tcase_add_test(filter, test_filter_members_traced);
	tcase_add_test(filter, test_filter_other_arch_traced);
	tcase_add_test(filter, test_filter_x32_range_traced);
	tcase_add_test(filter, test_filter_all);
	tcase_add_test(filter, test_filter_full_set_fits);
	/* Needs the real kernel: a cross build's qemu-user run excludes it. */
	tcase_set_tags(kernel, "kernel");
	tcase_add_test(kernel, test_filter_kernel_accepts);
	tcase_add_test(filter, test_policy_none);
	tcase_add_test(filter, test_policy_deny);
	tcase_add_test(filter, test_policy_always_denied);
	tcase_add_test(filter, test_policy_sockets);
	tcase_add_test(filter, test_policy_watch);
	suite_add_tcase(s, sets);
	suite_add_tcase(s, filter);
	suite_add_tcase(s, kernel);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
