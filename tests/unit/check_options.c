// SPDX-License-Identifier: MIT
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "options.h"

START_TEST(test_run_with_separator)
{
	char *argv[] = { "ptsandbox", "--", "ls", "-l", NULL };
	struct options o;

	options_parse(4, argv, &o);
	ck_assert_int_eq(o.action, OPT_RUN);
	ck_assert_int_eq(o.argc, 2);
	ck_assert_str_eq(o.argv[0], "ls");
	ck_assert_str_eq(o.argv[1], "-l");
}
END_TEST

START_TEST(test_stops_at_program)
{
	char *argv[] = { "ptsandbox", "ls", "-o", "x", NULL };
	struct options o;

	options_parse(4, argv, &o);
	ck_assert_int_eq(o.action, OPT_RUN);
	ck_assert_ptr_null(o.output);
	ck_assert_str_eq(o.argv[1], "-o");
}
END_TEST

START_TEST(test_output)
{
	char *argv[] = { "ptsandbox", "-o", "log", "--", "true", NULL };
	struct options o;

	options_parse(5, argv, &o);
	ck_assert_int_eq(o.action, OPT_RUN);
	ck_assert_str_eq(o.output, "log");
}
END_TEST

START_TEST(test_errors)
{
	char *none[] = { "ptsandbox", NULL };
	char *bad[] = { "ptsandbox", "--bogus", "--", "true", NULL };
	char *missing[] = { "ptsandbox", "-o", NULL };
	struct options o;

	options_parse(1, none, &o);
	ck_assert_int_eq(o.action, OPT_ERROR);
	ck_assert_str_eq(o.error, "no program given");
	options_parse(4, bad, &o);
	ck_assert_int_eq(o.action, OPT_ERROR);
	ck_assert_str_eq(o.error, "unrecognized option '--bogus'");
	options_parse(2, missing, &o);
	ck_assert_int_eq(o.action, OPT_ERROR);
}
END_TEST

START_TEST(test_help_version)
{
	char *help[] = { "ptsandbox", "--help", NULL };
	char *version[] = { "ptsandbox", "-V", NULL };
	struct options o;

	options_parse(2, help, &o);
	ck_assert_int_eq(o.action, OPT_HELP);
	options_parse(2, version, &o);
	ck_assert_int_eq(o.action, OPT_VERSION);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("options");
	TCase *tc = tcase_create("parse");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_run_with_separator);
	tcase_add_test(tc, test_stops_at_program);
	tcase_add_test(tc, test_output);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_help_version);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
