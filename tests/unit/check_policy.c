// SPDX-License-Identifier: MIT
/* The policy grammar: command line and --policy file, and every bad input. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/openat2.h>

#include "arch/arch.h"
#include "guest_mem.h"
#include "options.h"
#include "policy/paths.h"
#include "policy/policy.h"
#include "trace/decode.h"

static struct options o;

static void parse(char **argv)
{
	int argc = 0;

	while (argv[argc])
		argc++;
	options_parse(argc, argv, &o);
}

static void teardown(void)
{
	policy_free(&o.policy);
}

/* A policy file with these lines; its name is returned (static buffer). */
static const char *policy_file(const char *text)
{
	static char name[64];
	FILE *f;

	snprintf(name, sizeof(name), "/tmp/check_policy.%d", (int)getpid());
	f = fopen(name, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return name;
}

START_TEST(test_no_policy)
{
	char *argv[] = {"ptsandbox", "--", "true", NULL};

	parse(argv);
	ck_assert_int_eq(o.action, OPT_RUN);
	ck_assert(!o.policy.active);
	ck_assert_int_eq(o.policy.npaths, 0);
}
END_TEST

START_TEST(test_cli)
{
	char *argv[] = {"ptsandbox",
			"--ro=/usr/",
			"--rox=/bin",
			"--rw=/tmp",
			"--rwx=/",
			"--net=none",
			"--connect=443",
			"--bind=8080",
			"--deny=%file:EACCES",
			"--deny=getpid:kill",
			"--allow=bpf",
			"--rlimit=nofile=64",
			"--rlimit=as=1G",
			"--best-effort",
			"--",
			"true",
			NULL};

	parse(argv);
	ck_assert_int_eq(o.action, OPT_RUN);
	ck_assert(o.policy.active);
	ck_assert(o.policy.best_effort);
	ck_assert_int_eq(o.policy.npaths, 4);
	ck_assert_str_eq(o.policy.paths[0].path, "/usr");
	ck_assert_uint_eq(o.policy.paths[0].access, PACC_READ);
	ck_assert_uint_eq(o.policy.paths[1].access, PACC_READ | PACC_EXEC);
	ck_assert_uint_eq(o.policy.paths[2].access, PACC_READ | PACC_WRITE);
	ck_assert_uint_eq(o.policy.paths[3].access, PACC_READ | PACC_WRITE | PACC_EXEC);
	ck_assert_str_eq(o.policy.paths[3].path, "/");
	ck_assert(o.policy.net);
	ck_assert_int_eq(o.policy.nconnect, 1);
	ck_assert_int_eq(o.policy.connect[0], 443);
	ck_assert_int_eq(o.policy.bind[0], 8080);
	ck_assert_int_eq(o.policy.ndeny, 2);
	ck_assert_int_eq(o.policy.deny[0].action, EACCES);
	ck_assert(sysset_has(&o.policy.deny[0].set, arch_syscall_lookup("openat")));
	ck_assert(!sysset_has(&o.policy.deny[0].set, arch_syscall_lookup("getpid")));
	ck_assert_int_eq(o.policy.deny[1].action, POLICY_KILL);
	ck_assert(sysset_has(&o.policy.deny[1].set, arch_syscall_lookup("getpid")));
	ck_assert(sysset_has(&o.policy.allow, arch_syscall_lookup("bpf")));
	ck_assert_int_eq(o.policy.nrlimits, 2);
	ck_assert_int_eq(o.policy.rlimits[0].resource, RLIMIT_NOFILE);
	ck_assert_uint_eq(o.policy.rlimits[0].value, 64);
	ck_assert_uint_eq(o.policy.rlimits[1].value, 1ULL << 30);
	ck_assert_str_eq(o.argv[0], "true");
}
END_TEST

START_TEST(test_deny_never_exit)
{
	char *argv[] = {"ptsandbox", "--deny=all", "--", "true", NULL};

	parse(argv);
	ck_assert_int_eq(o.action, OPT_RUN);
	ck_assert(!o.policy.deny[0].set.all);
	ck_assert(!sysset_has(&o.policy.deny[0].set, arch_syscall_lookup("exit_group")));
	ck_assert(sysset_has(&o.policy.deny[0].set, arch_syscall_lookup("read")));
	ck_assert_int_eq(o.policy.deny[0].action, EPERM);
}
END_TEST

/* Each bad option alone: OPT_ERROR with this message. */
static const struct {
	const char *arg, *error;
} bad_cli[] = {
    {"--ro=usr", "--ro: not an absolute path 'usr'"},
    {"--rw=", "--rw: not an absolute path ''"},
    {"--rox=/no/such/dir", "--rox: no such file or directory '/no/such/dir'"},
    {"--connect=0", "--connect: invalid port '0'"},
    {"--connect=65536", "--connect: invalid port '65536'"},
    {"--bind=http", "--bind: invalid port 'http'"},
    {"--bind=80x", "--bind: invalid port '80x'"},
    {"--net=host", "--net: expected 'none', got 'host'"},
    {"--deny=getpid:EWHAT", "--deny: unknown errno 'EWHAT'"},
    {"--deny=nosuchcall", "--deny: invalid system call 'nosuchcall'"},
    {"--deny=", "--deny: empty syscall set"},
    {"--rlimit=files=3", "--rlimit: unknown resource 'files'"},
    {"--rlimit=nofile", "--rlimit: expected RESOURCE=N, got 'nofile'"},
    {"--rlimit=nofile=-1", "--rlimit: invalid limit '-1'"},
    {"--rlimit=as=1T", "--rlimit: invalid limit '1T'"},
    {"--policy=/no/such/file", "/no/such/file: No such file or directory"},
    {"--learn=", "--learn: empty file name"},
};

START_TEST(test_bad_cli)
{
	char arg[128];
	char *argv[] = {"ptsandbox", arg, "--", "true", NULL};

	snprintf(arg, sizeof(arg), "%s", bad_cli[_i].arg);
	parse(argv);
	ck_assert_int_eq(o.action, OPT_ERROR);
	ck_assert_str_eq(o.error, bad_cli[_i].error);
}
END_TEST

START_TEST(test_learn_alone)
{
	char *argv[] = {"ptsandbox", "--learn=/tmp/p", "--ro=/", "--", "true", NULL};

	parse(argv);
	ck_assert_int_eq(o.action, OPT_ERROR);
	ck_assert_str_eq(o.error, "--learn runs unconfined: it takes no other policy option");
}
END_TEST

START_TEST(test_file_same_as_cli)
{
	const char *f = policy_file("# a policy\n"
				    "\n"
				    "--ro=/usr\n"
				    "  rw=/tmp   # not a comment: part of no path\n");
	char arg[96];
	char *argv[] = {"ptsandbox", arg, "--", "true", NULL};

	/* A '#' after a value is part of the value: that path does not exist. */
	snprintf(arg, sizeof(arg), "--policy=%s", f);
	parse(argv);
	ck_assert_int_eq(o.action, OPT_ERROR);
	unlink(f);

	f = policy_file("# a policy\n\n--ro=/usr\n  rw=/tmp  \nnet=none\nconnect=443\n"
			"deny=%network:EACCES\nrlimit=nofile=64\n");
	snprintf(arg, sizeof(arg), "--policy=%s", f);
	teardown();
	parse(argv);
	unlink(f);
	ck_assert_int_eq(o.action, OPT_RUN);
	ck_assert_int_eq(o.policy.npaths, 2);
	ck_assert_str_eq(o.policy.paths[0].path, "/usr");
	ck_assert_str_eq(o.policy.paths[1].path, "/tmp");
	ck_assert_uint_eq(o.policy.paths[1].access, PACC_READ | PACC_WRITE);
	ck_assert(o.policy.net);
	ck_assert_int_eq(o.policy.connect[0], 443);
	ck_assert_int_eq(o.policy.deny[0].action, EACCES);
	ck_assert_uint_eq(o.policy.rlimits[0].value, 64);
}
END_TEST

/* Bad file lines: "FILE:LINE: what". */
static const struct {
	const char *text, *error;
} bad_file[] = {
    {"ro=/usr\nbogus=1\n", "%s:2: unknown option 'bogus'"},
    {"\n\n--rw=tmp\n", "%s:3: --rw: not an absolute path 'tmp'"},
    {"ro=/nonexistent-psb\n", "%s:1: --ro: no such file or directory '/nonexistent-psb'"},
    {"# c\nconnect=99999\n", "%s:2: --connect: invalid port '99999'"},
    {"deny=open:EBOGUS\n", "%s:1: --deny: unknown errno 'EBOGUS'"},
    {"deny=frobnicate\n", "%s:1: --deny: invalid system call 'frobnicate'"},
    {"best-effort=yes\n", "%s:1: --best-effort takes no value"},
    {"ro\n", "%s:1: --ro needs a value"},
    {"trace=all\n", "%s:1: unknown option 'trace'"},
};

START_TEST(test_bad_file)
{
	const char *f = policy_file(bad_file[_i].text);
	char arg[96], want[256];
	char *argv[] = {"ptsandbox", arg, "--", "true", NULL};

	snprintf(arg, sizeof(arg), "--policy=%s", f);
	snprintf(want, sizeof(want), bad_file[_i].error, f);
	parse(argv);
	unlink(f);
	ck_assert_int_eq(o.action, OPT_ERROR);
	ck_assert_str_eq(o.error, want);
}
END_TEST

START_TEST(test_errno_parse)
{
	ck_assert_int_eq(errno_parse("EACCES"), EACCES);
	ck_assert_int_eq(errno_parse("13"), 13);
	ck_assert_int_eq(errno_parse("ENOSYS"), ENOSYS);
	ck_assert_int_eq(errno_parse("0"), -1);
	ck_assert_int_eq(errno_parse("eacces"), -1);
	ck_assert_int_eq(errno_parse(""), -1);
}
END_TEST

START_TEST(test_always_denied_known)
{
	/* Every name of the list is a syscall somewhere; x86_64 has them all. */
	for (size_t i = 0; policy_always_denied[i]; i++)
		if (!strcmp(arch_name(), "x86_64"))
			ck_assert_msg(arch_syscall_lookup(policy_always_denied[i]) >= 0, "%s",
				      policy_always_denied[i]);
}
END_TEST

/* paths_entry_object() on this process, as the tracer calls it on a guest's. */
static int entry(const char *call, long a0, const char *name, uint64_t flags, struct sysobj *obj)
{
	long nr = arch_syscall_lookup(call);
	uint64_t args[6] = {0};

	ck_assert_int_ge(nr, 0);
	if (!strcmp(call, "openat")) {
		args[0] = (uint64_t)a0;
		args[1] = (uintptr_t)name;
		args[2] = flags;
	} else if (!strcmp(call, "ioctl")) {
		args[0] = (uint64_t)a0;
	} else {
		args[0] = (uintptr_t)name;
		args[1] = (uintptr_t)name;
	}
	return paths_entry_object(getpid(), nr, args, obj);
}

/*
 * Under qemu-user (CI's aarch64 cross check) the tracer's view of a
 * process -- its memory read by address, a name resolved from its
 * /proc cwd with openat2 -- is the emulator's, not the guest's.
 */
static bool tracer_view_works(void)
{
	char probe[] = "probe", got[sizeof(probe)];
	struct open_how how = {.flags = O_PATH | O_CLOEXEC};
	long fd;

	if (guest_read(getpid(), (uintptr_t)probe, got, sizeof(got)) < 0 ||
	    memcmp(probe, got, sizeof(got)))
		return false;
	fd = syscall(SYS_openat2, AT_FDCWD, "/proc/self/cwd", &how, sizeof(how));
	if (fd < 0)
		return false;
	close((int)fd);
	return true;
}

START_TEST(test_entry_object)
{
	char d[] = "/tmp/check-policy.XXXXXX", p[PATH_MAX + 64], q[PATH_MAX + 64], real[PATH_MAX];
	struct sysobj ob;
	int fd;

	if (!tracer_view_works()) {
		fprintf(stderr, "test_entry_object: skipped, this process cannot be looked at "
				"as the tracer looks at a guest (qemu-user?)\n");
		return;
	}

	ck_assert_ptr_nonnull(mkdtemp(d));
	ck_assert_ptr_nonnull(realpath(d, real));
	snprintf(p, sizeof(p), "%s/f", d);
	fd = open(p, O_CREAT | O_WRONLY, 0600);
	ck_assert_int_ge(fd, 0);
	/* An existing file: its real path and the access of the flags. */
	ck_assert_int_eq(entry("openat", AT_FDCWD, p, O_RDWR, &ob), 1);
	snprintf(q, sizeof(q), "%s/f", real);
	ck_assert_str_eq(ob.path, q);
	ck_assert_uint_eq(ob.access, PACC_READ | PACC_WRITE);
	/* Nothing to open, nothing made; O_PATH: no right asked. */
	snprintf(q, sizeof(q), "%s/none", d);
	ck_assert_int_eq(entry("openat", AT_FDCWD, q, O_RDONLY, &ob), 0);
	ck_assert_int_eq(entry("openat", AT_FDCWD, p, O_PATH, &ob), 0);
	/* A missing name created: its directory needs write. */
	ck_assert_int_eq(entry("openat", AT_FDCWD, q, O_CREAT | O_WRONLY, &ob), 1);
	ck_assert_str_eq(ob.path, real);
	ck_assert(ob.parent && ob.access == PACC_WRITE);
	/* O_CREAT through a dangling symlink creates elsewhere: unknown. */
	snprintf(q, sizeof(q), "%s/dangle", d);
	ck_assert_int_eq(symlink("/nonexistent-dir/x", q), 0);
	ck_assert_int_eq(entry("openat", AT_FDCWD, q, O_CREAT | O_WRONLY, &ob), -1);
	/* ".." after a symlink is the parent of its target. */
	snprintf(q, sizeof(q), "%s/a", d);
	ck_assert_int_eq(mkdir(q, 0700), 0);
	snprintf(q, sizeof(q), "%s/a/b", d);
	ck_assert_int_eq(mkdir(q, 0700), 0);
	snprintf(p, sizeof(p), "%s/l", d);
	ck_assert_int_eq(symlink(q, p), 0);
	snprintf(q, sizeof(q), "%s/l/../f", d);
	ck_assert_int_eq(entry("openat", AT_FDCWD, q, O_CREAT | O_WRONLY, &ob), 1);
	snprintf(q, sizeof(q), "%s/a", real);
	ck_assert_str_eq(ob.path, q);
	/* A magic link (its target would be the tracer's): unknown. */
	snprintf(q, sizeof(q), "/proc/self/root%s/f", d);
	ck_assert_int_eq(entry("openat", AT_FDCWD, q, O_RDONLY, &ob), -1);
	/* ioctl: a file's cannot be refused, a device's needs write on it. */
	ck_assert_int_eq(entry("ioctl", fd, NULL, 0, &ob), 0);
	close(fd);
	fd = open("/dev/null", O_RDONLY);
	ck_assert_int_eq(entry("ioctl", fd, NULL, 0, &ob), 1);
	ck_assert_str_eq(ob.path, "/dev/null");
	close(fd);
	/* exec: only a missing name is sure; rename never. */
	ck_assert_int_eq(entry("execve", 0, "/nonexistent-dir/prog", 0, &ob), 0);
	ck_assert_int_eq(entry("execve", 0, "/bin/sh", 0, &ob), -1);
	ck_assert_int_eq(entry("renameat2", 0, "/tmp", 0, &ob), -1);
	snprintf(q, sizeof(q), "rm -rf '%s'", d);
	ck_assert_int_eq(system(q), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("policy");
	TCase *tc = tcase_create("grammar");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, test_no_policy);
	tcase_add_test(tc, test_cli);
	tcase_add_test(tc, test_deny_never_exit);
	tcase_add_loop_test(tc, test_bad_cli, 0, sizeof(bad_cli) / sizeof(bad_cli[0]));
	tcase_add_test(tc, test_learn_alone);
	tcase_add_test(tc, test_file_same_as_cli);
	tcase_add_loop_test(tc, test_bad_file, 0, sizeof(bad_file) / sizeof(bad_file[0]));
	tcase_add_test(tc, test_errno_parse);
	tcase_add_test(tc, test_always_denied_known);
	tcase_add_test(tc, test_entry_object);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
