// SPDX-License-Identifier: MIT
/*
 * The arch layer: sysid <-> number <-> name tables, cross-checked
 * against each other and against the C library's SYS_* numbers, and
 * the struct arch_regs accessors, both on a zeroed struct and on the
 * registers of a real syscall stop.
 */
#include "config.h"

#include <check.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/ptrace.h>

#include "arch/arch.h"

/* The syscall name and flags of each enum sysid, from the one list. */
static const char *const sysid_names[SYSID_COUNT] = {
#define X(name, handler, flags) [SYSID_##name] = #name,
	SYSID_LIST(X)
#undef X
};

static const int sysid_flags[SYSID_COUNT] = {
#define X(name, handler, flags) [SYSID_##name] = (flags),
	SYSID_LIST(X)
#undef X
};

START_TEST(test_identity)
{
#if defined(__x86_64__)
	ck_assert_str_eq(arch_name(), "x86_64");
	ck_assert_uint_eq(arch_audit_arch(), AUDIT_ARCH_X86_64);
	ck_assert_uint_eq(arch_foreign_nr_base(), 0x40000000u);
	ck_assert_uint_eq(arch_syscall_insn_len(), 2);
#elif defined(__aarch64__)
	ck_assert_str_eq(arch_name(), "aarch64");
	ck_assert_uint_eq(arch_audit_arch(), AUDIT_ARCH_AARCH64);
	ck_assert_uint_eq(arch_foreign_nr_base(), 0);
	ck_assert_uint_eq(arch_syscall_insn_len(), 4);
#else
#error "unsupported architecture"
#endif
}
END_TEST

/* Every sysid maps to its own name's number and back (or to -1: absent). */
START_TEST(test_sysid_round_trip)
{
	for (int id = 0; id < SYSID_COUNT; id++) {
		long nr = arch_sysnr((enum sysid)id);

		ck_assert_msg(sysid_names[id], "sysid %d has no name in this test's table", id);
		ck_assert_msg(nr == arch_syscall_lookup(sysid_names[id]),
			      "sysid %s: number %ld, name table says %ld", sysid_names[id], nr,
			      arch_syscall_lookup(sysid_names[id]));
		if (nr < 0)
			continue;
		ck_assert_int_eq(arch_sysid(nr), id);
		ck_assert_str_eq(arch_syscall_name(nr), sysid_names[id]);
	}
}
END_TEST

/*
 * The list against the arch's generated table: every sysid is a syscall of
 * this arch, except the SYSF_LEGACY ones that asm-generic arches lack.
 */
START_TEST(test_sysid_list_vs_table)
{
	for (int id = 0; id < SYSID_COUNT; id++) {
		long nr = arch_syscall_lookup(sysid_names[id]);
		bool legacy = sysid_flags[id] & SYSF_LEGACY;

#if defined(__aarch64__)
		ck_assert_msg((nr < 0) == legacy, "sysid %s: number %ld but %s", sysid_names[id],
			      nr, legacy ? "SYSF_LEGACY" : "not SYSF_LEGACY");
#else
		(void)legacy;
		ck_assert_msg(nr >= 0, "sysid %s: not in the %s table", sysid_names[id],
			      arch_name());
#endif
		ck_assert_int_eq(arch_sysnr((enum sysid)id), nr);
	}
}
END_TEST

START_TEST(test_sysid_bounds)
{
	ck_assert_int_eq(arch_sysnr(SYSID_COUNT), -1);
	ck_assert_int_eq(arch_sysnr((enum sysid)-1), -1);
	/* -1 is "absent" in the tables: it must not map back to a sysid. */
	ck_assert_int_eq(arch_sysid(-1), -1);
	ck_assert_int_eq(arch_sysid(arch_syscall_lookup("getpid")), -1);
	ck_assert_int_eq(arch_sysid(arch_max_syscall() + 1000), -1);
}
END_TEST

/* Spot checks against the C library's own numbers. */
START_TEST(test_names_match_libc)
{
	ck_assert_int_eq(arch_syscall_lookup("read"), SYS_read);
	ck_assert_int_eq(arch_syscall_lookup("write"), SYS_write);
	ck_assert_int_eq(arch_syscall_lookup("getpid"), SYS_getpid);
	ck_assert_int_eq(arch_syscall_lookup("execve"), SYS_execve);
	ck_assert_int_eq(arch_syscall_lookup("clone3"), SYS_clone3);
	ck_assert_int_eq(arch_syscall_lookup("pidfd_getfd"), SYS_pidfd_getfd);
	ck_assert_str_eq(arch_syscall_name(SYS_read), "read");
	ck_assert_str_eq(arch_syscall_name(SYS_exit_group), "exit_group");
	ck_assert_str_eq(arch_syscall_name(SYS_wait4), "wait4");
	ck_assert_int_eq(arch_sysnr(SYSID_futex), SYS_futex);
	ck_assert_int_eq(arch_sysnr(SYSID_ppoll), SYS_ppoll);
	ck_assert_int_eq(arch_sysnr(SYSID_exit_group), SYS_exit_group);
#ifdef __x86_64__
	ck_assert_int_eq(arch_syscall_lookup("read"), 0);
	ck_assert_str_eq(arch_syscall_name(0), "read");
	ck_assert_str_eq(arch_syscall_name(59), "execve");
	ck_assert_int_eq(arch_syscall_lookup("exit_group"), 231);
	ck_assert_int_ge(arch_max_syscall(), 450);
#endif
}
END_TEST

/* name(nr) and lookup(name) are inverse over the whole table. */
START_TEST(test_name_table_round_trip)
{
	long max = arch_max_syscall();
	long named = 0;

	ck_assert_int_gt(max, 0);
	ck_assert_int_lt(max, 1024);
	for (long nr = 0; nr <= max; nr++) {
		const char *name = arch_syscall_name(nr);

		if (!name)
			continue;
		named++;
		ck_assert_msg(name[0] != '\0', "nr %ld: empty name", nr);
		ck_assert_msg(arch_syscall_lookup(name) == nr, "%s: lookup %ld, want %ld", name,
			      arch_syscall_lookup(name), nr);
	}
	ck_assert_int_gt(named, 250);
	ck_assert_ptr_nonnull(arch_syscall_name(max));
	ck_assert_ptr_null(arch_syscall_name(-1));
	ck_assert_ptr_null(arch_syscall_name(max + 1));
	ck_assert_int_eq(arch_syscall_lookup("no_such_syscall"), -1);
	ck_assert_int_eq(arch_syscall_lookup(""), -1);
}
END_TEST

/* Each setter is seen by its getter and by no other accessor. */
START_TEST(test_regs_accessors)
{
	struct arch_regs r;

	memset(&r, 0, sizeof(r));
	arch_regs_set_nr(&r, 231);
	for (int i = 0; i < 6; i++)
		arch_regs_set_arg(&r, i, 0x1111ull * (uint64_t)(i + 1));
	arch_regs_set_ip(&r, 0x401000);
	ck_assert_int_eq(arch_regs_nr(&r), 231);
	for (int i = 0; i < 6; i++)
		ck_assert_uint_eq(arch_regs_arg(&r, i), 0x1111ull * (uint64_t)(i + 1));
	ck_assert_uint_eq(arch_regs_ip(&r), 0x401000);
	ck_assert_uint_eq(arch_regs_sp(&r), 0);
	ck_assert_uint_eq(arch_regs_fp(&r), 0);

	/* Negative numbers and return values survive the round trip. */
	arch_regs_set_nr(&r, -1);
	ck_assert_int_eq(arch_regs_nr(&r), -1);
	arch_regs_set_ret(&r, -38);
	ck_assert_int_eq(arch_regs_ret(&r), -38);
	arch_regs_set_ret(&r, INT64_MAX);
	ck_assert_int_eq(arch_regs_ret(&r), INT64_MAX);
	ck_assert_uint_eq(arch_regs_arg(&r, 1), 0x2222);
	ck_assert_uint_eq(arch_regs_arg(&r, 5), 0x6666);
	ck_assert_uint_eq(arch_regs_ip(&r), 0x401000);
	ck_assert_int_eq(arch_regs_nr(&r), -1);
}
END_TEST

/* The accessors name the registers the kernel's syscall ABI uses. */
START_TEST(test_regs_layout)
{
	struct arch_regs r;
#ifdef __x86_64__
	struct user_regs_struct *u = (struct user_regs_struct *)r.raw;

	memset(&r, 0, sizeof(r));
	u->orig_rax = 59;
	u->rax = (unsigned long long)-38;
	u->rdi = 1;
	u->rsi = 2;
	u->rdx = 3;
	u->r10 = 4;
	u->r8 = 5;
	u->r9 = 6;
	u->rip = 0x1234;
	u->rsp = 0x7ff0;
	u->rbp = 0x7ff8;
	u->rcx = 0xdead; /* the syscall instruction's clobbers: never an arg */
	u->r11 = 0xbeef;
	ck_assert_int_eq(arch_regs_nr(&r), 59);
	ck_assert_int_eq(arch_regs_ret(&r), -38);
	for (int i = 0; i < 6; i++)
		ck_assert_uint_eq(arch_regs_arg(&r, i), (uint64_t)i + 1);
	ck_assert_uint_eq(arch_regs_ip(&r), 0x1234);
	ck_assert_uint_eq(arch_regs_sp(&r), 0x7ff0);
	ck_assert_uint_eq(arch_regs_fp(&r), 0x7ff8);
	/* Setting the return value leaves the number: the kernel needs both. */
	arch_regs_set_ret(&r, 7);
	ck_assert_uint_eq(u->rax, 7);
	ck_assert_uint_eq(u->orig_rax, 59);
#else
	memset(&r, 0, sizeof(r));
	/* aarch64: x0 is both the first argument and the return value. */
	arch_regs_set_arg(&r, 0, 9);
	ck_assert_int_eq(arch_regs_ret(&r), 9);
#endif
}
END_TEST

START_TEST(test_format_regs)
{
	struct arch_regs r;
	char buf[1024];
	int n;

	memset(&r, 0, sizeof(r));
	arch_regs_set_ip(&r, 0xabcdef);
	n = arch_format_regs(&r, buf, sizeof(buf));
	ck_assert_int_gt(n, 0);
	ck_assert_int_eq(n, (int)strlen(buf));
	ck_assert_ptr_nonnull(strstr(buf, "abcdef"));
#ifdef __x86_64__
	ck_assert_ptr_nonnull(strstr(buf, "rip=0000000000abcdef"));
#else
	ck_assert_ptr_nonnull(strstr(buf, "pc=0000000000abcdef"));
#endif
}
END_TEST

/*
 * A real syscall stop: the child makes getpid with six recognizable
 * (ignored) arguments; at its entry the accessors must see the number
 * and arguments, and at its exit a changed return value must reach the
 * child through arch_set_regs.
 */
#define FAKE_RET 4242

static void __attribute__((noreturn)) traced_child(void)
{
	long r;

	if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) < 0)
		_exit(10);
	raise(SIGSTOP);
	r = syscall(SYS_getpid, 11, 22, 33, 44, 55, 66);
	_exit(r == FAKE_RET ? 0 : 11);
}

/* Resume to the next syscall stop; return the PTRACE_GET_SYSCALL_INFO op. */
static int next_syscall_stop(pid_t pid, struct ptrace_syscall_info *info)
{
	int status;

	ck_assert_int_eq(ptrace(PTRACE_SYSCALL, pid, NULL, NULL), 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFSTOPPED(status) && WSTOPSIG(status) == (SIGTRAP | 0x80),
		      "unexpected status %#x", status);
	ck_assert_int_gt(ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof(*info), info), 0);
	return info->op;
}

static void check_entry(pid_t pid)
{
	struct arch_regs r;

	memset(&r, 0, sizeof(r));
	ck_assert_int_eq(arch_get_regs(pid, &r), 0);
	ck_assert_int_eq(arch_regs_nr(&r), SYS_getpid);
	for (int i = 0; i < 6; i++)
		ck_assert_uint_eq(arch_regs_arg(&r, i), 11u * (uint64_t)(i + 1));
	ck_assert_uint_ne(arch_regs_ip(&r), 0);
	ck_assert_uint_ne(arch_regs_sp(&r), 0);
}

static void fake_return(pid_t pid)
{
	struct arch_regs r;

	memset(&r, 0, sizeof(r));
	ck_assert_int_eq(arch_get_regs(pid, &r), 0);
	ck_assert_int_eq(arch_regs_ret(&r), pid);
	arch_regs_set_ret(&r, FAKE_RET);
	ck_assert_int_eq(arch_set_regs(pid, &r), 0);
}

START_TEST(test_regs_live)
{
	struct ptrace_syscall_info info;
	pid_t pid = fork();
	int status;

	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		traced_child();
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP, "status %#x", status);
	ck_assert_int_eq(ptrace(PTRACE_SETOPTIONS, pid, NULL,
				(void *)(long)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL)), 0);
	/* Skip raise()'s own syscalls up to the entry of our getpid. */
	for (;;) {
		if (next_syscall_stop(pid, &info) == PTRACE_SYSCALL_INFO_ENTRY &&
		    info.entry.nr == SYS_getpid && info.entry.args[0] == 11)
			break;
	}
	check_entry(pid);
	ck_assert_int_eq(next_syscall_stop(pid, &info), PTRACE_SYSCALL_INFO_EXIT);
	fake_return(pid);
	ck_assert_int_eq(ptrace(PTRACE_CONT, pid, NULL, NULL), 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "child status %#x (exit 11: return value not changed)", status);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("arch");
	TCase *tables = tcase_create("tables");
	TCase *regs = tcase_create("regs");
	TCase *kernel = tcase_create("kernel");
	SRunner *sr;
	int failed;

	tcase_add_test(tables, test_identity);
	tcase_add_test(tables, test_sysid_round_trip);
	tcase_add_test(tables, test_sysid_list_vs_table);
	tcase_add_test(tables, test_sysid_bounds);
	tcase_add_test(tables, test_names_match_libc);
	tcase_add_test(tables, test_name_table_round_trip);
	tcase_add_test(regs, test_regs_accessors);
	tcase_add_test(regs, test_regs_layout);
	tcase_add_test(regs, test_format_regs);
	/* Needs the real kernel: a cross build's qemu-user run excludes it. */
	tcase_set_tags(kernel, "kernel");
	tcase_add_test(kernel, test_regs_live);
	suite_add_tcase(s, tables);
	suite_add_tcase(s, regs);
	suite_add_tcase(s, kernel);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
