// SPDX-License-Identifier: MIT
/* The -c rows, against lines strace 6.1 printed. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace/tracefmt.h"

static char buf[512];

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

	tcase_add_test(tc, test_summary_rows);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
