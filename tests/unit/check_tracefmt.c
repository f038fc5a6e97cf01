// SPDX-License-Identifier: MIT
/* The --trace line layout and -c rows, against lines strace 6.1 printed. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace/tracefmt.h"

static char buf[512];

/* The whole line: entry half (col columns) then the padded exit half. */
static const char *line(const char *entry, const char *exit_text)
{
	static char whole[1024];

	trace_format_result(buf, sizeof(buf), strlen(entry), exit_text);
	snprintf(whole, sizeof(whole), "%s%s", entry, buf);
	return whole;
}

START_TEST(test_short_call_padded_to_column_40)
{
	ck_assert_str_eq(line("getpid(", ") = 31722"),
			 "getpid()                                = 31722");
	ck_assert_str_eq(line("read(3, ", "\"\", 16) = 0"),
			 "read(3, \"\", 16)                         = 0");
	ck_assert_str_eq(
	    line("close(", "-1) = -1 EBADF (Bad file descriptor)"),
	    "close(-1)                               = -1 EBADF (Bad file descriptor)");
}
END_TEST

START_TEST(test_long_call_one_space)
{
	ck_assert_str_eq(line("openat(AT_FDCWD, \"/dev/null\", O_RDONLY", ") = 3"),
			 "openat(AT_FDCWD, \"/dev/null\", O_RDONLY) = 3");
	/* Exactly 39 columns before "=": one space, "=" in column 40. */
	ck_assert_str_eq(line("0123456789012345678901234567890123456(", ") = 0"),
			 "0123456789012345678901234567890123456() = 0");
}
END_TEST

START_TEST(test_prefix_counts)
{
	/* "[pid N] " and time stamps are part of the column count. */
	ck_assert_str_eq(line("20:35:02.299414 getpid(", ") = 20125"),
			 "20:35:02.299414 getpid()                = 20125");
}
END_TEST

START_TEST(test_last_separator_wins)
{
	/* A string argument may contain ") = " itself. */
	ck_assert_str_eq(line("write(1, ", "\"a) = b\", 6) = 6"),
			 "write(1, \"a) = b\", 6)                   = 6");
	ck_assert_str_eq(line("exit_group(", "0) = ?"),
			 "exit_group(0)                           = ?");
}
END_TEST

START_TEST(test_small_buffer)
{
	char small[8];

	ck_assert_uint_eq(trace_format_result(small, sizeof(small), 0, ") = 123456789"), 7);
	ck_assert_str_eq(small, ")      ");
	ck_assert_uint_eq(trace_format_result(small, 0, 0, ") = 1"), 0);
}
END_TEST

START_TEST(test_summary_rows)
{
	trace_format_summary_row(buf, sizeof(buf), 46.2, 1061000, 1, 0, "clock_nanosleep");
	ck_assert_str_eq(buf, " 46.20    0.001061        1061         1           clock_nanosleep");
	trace_format_summary_row(buf, sizeof(buf), 0, 0, 4, 1, "close");
	ck_assert_str_eq(buf, "  0.00    0.000000           0         4         1 close");
	trace_format_summary_row(buf, sizeof(buf), 100, 0, 42, 3, "total");
	ck_assert_str_eq(buf, "100.00    0.000000           0        42         3 total");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tracefmt");
	TCase *tc = tcase_create("format");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_short_call_padded_to_column_40);
	tcase_add_test(tc, test_long_call_one_space);
	tcase_add_test(tc, test_prefix_counts);
	tcase_add_test(tc, test_last_separator_wins);
	tcase_add_test(tc, test_small_buffer);
	tcase_add_test(tc, test_summary_rows);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
