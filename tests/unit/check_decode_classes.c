// SPDX-License-Identifier: MIT
/*
 * trace=SET parsing (strace's -e trace= syntax) and the syscall table
 * it relies on.  Expectations follow strace 6.1, including its error
 * messages.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "arch/arch.h"
#include "seccomp_filter.h"
#include "trace/decode.h"
#include "trace/decode_impl.h"

static struct sysset set;
static char err[256];

static int parse(const char *expr)
{
	err[0] = '\0';
	return trace_set_parse(expr, &set, err, sizeof(err));
}

static bool has(const char *name)
{
	long nr = arch_syscall_lookup(name);

	ck_assert_msg(nr >= 0, "no syscall %s here", name);
	return sysset_has(&set, nr);
}

static int count(void)
{
	int n = 0;

	for (long nr = 0; nr < SYSSET_MAX; nr++)
		n += sysset_has(&set, nr);
	return n;
}

START_TEST(test_names)
{
	ck_assert_int_eq(parse("openat"), 0);
	ck_assert(has("openat"));
	ck_assert(!has("read"));
	ck_assert_int_eq(count(), 1);
	ck_assert(!set.all);
	ck_assert_int_eq(parse("openat,read,,write"), 0);
	ck_assert_int_eq(count(), 3);
	ck_assert_int_eq(parse("1"), 0);	/* a number is a syscall number */
	ck_assert(sysset_has(&set, 1));
}
END_TEST

START_TEST(test_classes)
{
	ck_assert_int_eq(parse("%file"), 0);
	ck_assert(has("openat"));
	ck_assert(has("execve"));
	ck_assert(has("newfstatat"));
	ck_assert(has("getcwd"));
	ck_assert(!has("read"));
	ck_assert(!has("close"));
	ck_assert_int_eq(parse("%desc"), 0);
	ck_assert(has("close") && has("read") && has("openat") && has("mmap"));
	ck_assert(!has("getpid"));
	ck_assert_int_eq(parse("%process"), 0);
	ck_assert(has("clone") && has("execve") && has("wait4") && has("exit_group"));
	ck_assert(has("kill") && !has("read"));
	ck_assert_int_eq(parse("%signal"), 0);
	ck_assert(has("rt_sigaction") && has("kill") && !has("clone"));
	ck_assert_int_eq(parse("%network"), 0);
	ck_assert(has("socket") && has("connect") && has("sendto") && !has("read"));
	ck_assert_int_eq(parse("%net"), 0);
	ck_assert(has("socket"));
	ck_assert_int_eq(parse("%memory"), 0);
	ck_assert(has("mmap") && has("brk") && has("munmap") && !has("read"));
	ck_assert_int_eq(parse("%ipc"), 0);
	ck_assert(has("shmget") && has("semop") && !has("read"));
	ck_assert_int_eq(parse("%creds"), 0);
	ck_assert(has("getuid") && has("setresuid") && !has("getpid"));
	ck_assert_int_eq(parse("%clock"), 0);
	ck_assert(has("clock_gettime") && !has("nanosleep"));
	ck_assert_int_eq(parse("%%stat"), 0);
	ck_assert(has("newfstatat") && has("statx") && !has("openat"));
	ck_assert_int_eq(parse("%pure"), 0);
	ck_assert(has("getpid") && !has("read"));
	ck_assert_int_eq(parse("file"), 0);	/* pre-4.17 spelling */
	ck_assert(has("openat"));
}
END_TEST

START_TEST(test_negation)
{
	ck_assert_int_eq(parse("!write"), 0);
	ck_assert(!has("write"));
	ck_assert(has("read"));
	ck_assert(has("openat"));
	ck_assert(!set.all);
	ck_assert_int_eq(parse("!%file"), 0);
	ck_assert(!has("openat") && has("read"));
	/* "!" negates the whole list */
	ck_assert_int_eq(parse("!read,write"), 0);
	ck_assert(!has("read") && !has("write") && has("close"));
	ck_assert_int_eq(parse("!!read"), 0);
	ck_assert(has("read"));
	ck_assert_int_eq(count(), 1);
}
END_TEST

START_TEST(test_all_none)
{
	ck_assert_int_eq(parse("all"), 0);
	ck_assert(set.all);
	ck_assert(has("read"));
	ck_assert_int_eq(parse("none"), 0);
	ck_assert_int_eq(count(), 0);
	ck_assert(!set.all);
	ck_assert_int_eq(parse("!none"), 0);
	ck_assert(set.all);
	ck_assert_int_eq(parse("!all"), 0);
	ck_assert_int_eq(count(), 0);
}
END_TEST

START_TEST(test_regex_and_optional)
{
	ck_assert_int_eq(parse("/^read$"), 0);
	ck_assert(has("read") && !has("readv"));
	ck_assert_int_eq(count(), 1);
	ck_assert_int_eq(parse("/^rt_sig"), 0);
	ck_assert(has("rt_sigaction") && has("rt_sigprocmask") && !has("kill"));
	ck_assert_int_eq(parse("?nosuchcall,read"), 0);
	ck_assert_int_eq(count(), 1);
	ck_assert_int_eq(parse("?%nosuchclass"), 0);
	ck_assert_int_eq(count(), 0);
}
END_TEST

START_TEST(test_errors)
{
	ck_assert_int_eq(parse("foo"), -1);
	ck_assert_str_eq(err, "invalid system call 'foo'");
	ck_assert_int_eq(count(), 0);
	ck_assert_int_eq(parse("read,foo,,"), -1);
	ck_assert_str_eq(err, "invalid system call 'foo'");
	ck_assert_int_eq(parse("%foo"), -1);
	ck_assert_str_eq(err, "invalid system call '%foo'");
	ck_assert_int_eq(parse(""), -1);
	ck_assert_str_eq(err, "invalid system call ''");
	ck_assert_int_eq(parse("!"), -1);
	ck_assert_str_eq(err, "invalid system call '!'");
	ck_assert_int_eq(parse(","), -1);
	ck_assert_str_eq(err, "invalid system call ','");
	ck_assert_int_eq(parse("none,read"), -1);
	ck_assert_str_eq(err, "invalid system call 'none'");
	ck_assert_int_eq(parse("99999"), -1);
	ck_assert_str_eq(err, "invalid system call '99999'");
	ck_assert_int_eq(parse("READ"), -1);
	ck_assert_int_eq(parse("/zzzz"), -1);
	ck_assert_str_eq(err, "invalid system call '/zzzz'");
	ck_assert_int_eq(parse("/["), -1);
	ck_assert_msg(strncmp(err, "regcomp: [: ", 12) == 0, "got '%s'", err);
	ck_assert_ptr_null(strchr(err, '\n'));
	/* no room for the reason is not a crash */
	ck_assert_int_eq(trace_set_parse("foo", &set, NULL, 0), -1);
}
END_TEST

/* The table is binary-searched: it must stay sorted. */
START_TEST(test_table_sorted)
{
	size_t n;
	const struct sysent *t = sysent_table(&n);

	ck_assert_uint_gt(n, 300);
	for (size_t i = 1; i < n; i++)
		ck_assert_msg(strcmp(t[i - 1].name, t[i].name) < 0, "%s before %s", t[i - 1].name,
			      t[i].name);
	for (size_t i = 0; i < n; i++) {
		ck_assert_uint_le(t[i].nargs, 6);
		ck_assert_ptr_eq(sysent_find(t[i].name), &t[i]);
	}
	ck_assert_ptr_null(sysent_find("nosuchcall"));
	ck_assert_ptr_null(sysent_find(NULL));
}
END_TEST

/* Every syscall of the native ABI has an entry (argument count, classes). */
START_TEST(test_table_covers_arch)
{
	for (long nr = 0; nr <= arch_max_syscall(); nr++) {
		const char *name = arch_syscall_name(nr);

		if (!name || strcmp(name, "arch_specific_syscall") == 0)
			continue;
		ck_assert_msg(sysent_find(name), "%s (%ld) missing from the table", name, nr);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("decode_classes");
	TCase *tc = tcase_create("trace_set");
	TCase *tbl = tcase_create("table");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_classes);
	tcase_add_test(tc, test_negation);
	tcase_add_test(tc, test_all_none);
	tcase_add_test(tc, test_regex_and_optional);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tbl, test_table_sorted);
	tcase_add_test(tbl, test_table_covers_arch);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, tbl);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
