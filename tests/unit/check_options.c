// SPDX-License-Identifier: MIT
#include "config.h"

#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
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
	/* -o alone traces, as strace -o does. */
	ck_assert_str_eq(o.trace, "all");
}
END_TEST

/* -o with a hang report option and no trace option: the report's file. */
START_TEST(test_output_hang_report)
{
	char *timeout[] = { "ptsandbox", "-o", "log", "--timeout=5", "--", "true", NULL };
	char *dump[] = { "ptsandbox", "--dump-on=USR1", "-o", "log", "--", "true", NULL };
	char *traced[] = { "ptsandbox", "-o", "log", "--timeout=5", "-e", "trace=read", "--", "true", NULL };
	char *ff[] = { "ptsandbox", "-ff", "-o", "log", "--timeout=5", "--", "true", NULL };
	struct options o;

	options_parse(6, timeout, &o);
	ck_assert_int_eq(o.action, OPT_RUN);
	ck_assert_ptr_null(o.trace);
	options_parse(6, dump, &o);
	ck_assert_ptr_null(o.trace);
	options_parse(8, traced, &o);
	ck_assert_str_eq(o.trace, "read");
	options_parse(7, ff, &o);
	ck_assert_str_eq(o.trace, "all");
}
END_TEST

/* -p: PIDs kept for attach.c; it traces everything unless it dumps. */
START_TEST(test_attach)
{
	char *plain[] = { "ptsandbox", "-p", "12,34", "--attach=56", NULL };
	char *dump[] = { "ptsandbox", "--dump", "-p", "12", NULL };
	char *nopid[] = { "ptsandbox", "--dump", "--", "true", NULL };
	char *noarg[] = { "ptsandbox", "-p", NULL };
	struct options o;

	options_parse(4, plain, &o);
	ck_assert_int_eq(o.action, OPT_RUN);
	ck_assert_int_eq(o.nattach, 2);
	ck_assert_str_eq(o.attach[0], "12,34");
	ck_assert_str_eq(o.attach[1], "56");
	ck_assert_int_eq(o.argc, 0);
	ck_assert_str_eq(o.trace, "all");
	options_parse(4, dump, &o);
	ck_assert_int_eq(o.action, OPT_RUN);
	ck_assert(o.dump_now);
	ck_assert_ptr_null(o.trace);
	options_parse(4, nopid, &o);
	ck_assert_int_eq(o.action, OPT_ERROR);
	options_parse(2, noarg, &o);
	ck_assert_int_eq(o.action, OPT_ERROR);
}
END_TEST

START_TEST(test_crash_report)
{
	char arg[64];
	char *argv[] = { "ptsandbox", arg, "--", "true", NULL };
	char *none[] = { "ptsandbox", "--", "true", NULL };
	struct options o;

	options_parse(3, none, &o);
	ck_assert_int_eq(o.crash_scope, CRASH_REPORT_MAIN);
	strcpy(arg, "--crash-report=all");
	options_parse(4, argv, &o);
	ck_assert_int_eq(o.crash_scope, CRASH_REPORT_ALL);
	strcpy(arg, "--crash-report=none");
	options_parse(4, argv, &o);
	ck_assert_int_eq(o.crash_scope, CRASH_REPORT_NONE);
	strcpy(arg, "--crash-report=main");
	options_parse(4, argv, &o);
	ck_assert_int_eq(o.crash_scope, CRASH_REPORT_MAIN);
	strcpy(arg, "--crash-report=some");
	options_parse(4, argv, &o);
	ck_assert_int_eq(o.action, OPT_ERROR);
	ck_assert_str_eq(o.error, "invalid --crash-report (main, all or none): 'some'");
}
END_TEST

START_TEST(test_interrupt)
{
	char arg[64];
	char *argv[] = { "ptsandbox", arg, "--", "true", NULL };
	char *none[] = { "ptsandbox", "--", "true", NULL };
	struct options o;

	options_parse(3, none, &o);
	ck_assert_ptr_null(o.interrupt);
	/* Kept as given (interrupt.c parses it); it implies no tracing. */
	strcpy(arg, "--interrupt=read:USR1:when=2+");
	options_parse(4, argv, &o);
	ck_assert_int_eq(o.action, OPT_RUN);
	ck_assert_str_eq(o.interrupt, "read:USR1:when=2+");
	ck_assert_ptr_null(o.trace);
	strcpy(arg, "--interrupt=");
	options_parse(4, argv, &o);
	ck_assert_int_eq(o.action, OPT_ERROR);
}
END_TEST

START_TEST(test_timeout_status)
{
	char arg[64];
	char *argv[] = { "ptsandbox", arg, "--", "true", NULL };
	char *none[] = { "ptsandbox", "--", "true", NULL };
	struct options o;

	options_parse(3, none, &o);
	ck_assert_int_eq(o.timeout_status, 124);
	strcpy(arg, "--timeout-status=99");
	options_parse(4, argv, &o);
	ck_assert_int_eq(o.action, OPT_RUN);
	ck_assert_int_eq(o.timeout_status, 99);
	strcpy(arg, "--timeout-status=256");
	options_parse(4, argv, &o);
	ck_assert_int_eq(o.action, OPT_ERROR);
	strcpy(arg, "--timeout-status=x");
	options_parse(4, argv, &o);
	ck_assert_int_eq(o.action, OPT_ERROR);
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

START_TEST(test_timeout)
{
	char *ok[] = { "ptsandbox", "--timeout=1.5m", "--", "true", NULL };
	char *bad[] = { "ptsandbox", "--timeout=5x", "--", "true", NULL };
	char *neg[] = { "ptsandbox", "--timeout=-1", "--", "true", NULL };
	struct options o;

	options_parse(4, ok, &o);
	ck_assert_int_eq(o.action, OPT_RUN);
	ck_assert_int_eq(o.timeout_ns, 90000000000LL);
	ck_assert_int_eq(o.dump_signal, 0);
	options_parse(4, bad, &o);
	ck_assert_int_eq(o.action, OPT_ERROR);
	ck_assert_str_eq(o.error, "invalid time interval '5x'");
	options_parse(4, neg, &o);
	ck_assert_int_eq(o.action, OPT_ERROR);
}
END_TEST

START_TEST(test_durations)
{
	ck_assert_int_eq(options_parse_duration("10"), 10000000000LL);
	ck_assert_int_eq(options_parse_duration("0.5s"), 500000000LL);
	ck_assert_int_eq(options_parse_duration("2m"), 120000000000LL);
	ck_assert_int_eq(options_parse_duration("1h"), 3600000000000LL);
	ck_assert_int_eq(options_parse_duration("1d"), 86400000000000LL);
	ck_assert_int_eq(options_parse_duration("0"), 0);
	ck_assert_int_eq(options_parse_duration(""), -1);
	ck_assert_int_eq(options_parse_duration("s"), -1);
	ck_assert_int_eq(options_parse_duration("1ss"), -1);
	ck_assert_int_eq(options_parse_duration(" 1"), -1);
	ck_assert_int_eq(options_parse_duration("+1"), -1);
	ck_assert_int_eq(options_parse_duration("1e30d"), -1);
}
END_TEST

START_TEST(test_dump_on)
{
	char *names[] = { "USR1", "SIGUSR2", "QUIT", "10", NULL };
	int want[] = { SIGUSR1, SIGUSR2, SIGQUIT, 10 };
	char *bad[] = { "KILL", "SIGSTOP", "9", "0", "NOPE", "", "65", NULL };
	char arg[64];
	char *argv[] = { "ptsandbox", arg, "--", "true", NULL };
	struct options o;

	for (int i = 0; names[i]; i++) {
		snprintf(arg, sizeof(arg), "--dump-on=%s", names[i]);
		options_parse(4, argv, &o);
		ck_assert_int_eq(o.action, OPT_RUN);
		ck_assert_int_eq(o.dump_signal, want[i]);
		ck_assert_int_eq(o.timeout_ns, 0);
	}
	for (int i = 0; bad[i]; i++) {
		snprintf(arg, sizeof(arg), "--dump-on=%s", bad[i]);
		options_parse(4, argv, &o);
		ck_assert_msg(o.action == OPT_ERROR, "--dump-on=%s accepted", bad[i]);
		ck_assert_pstr_eq(strstr(o.error, "invalid signal for --dump-on"), o.error);
	}
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
	tcase_add_test(tc, test_output_hang_report);
	tcase_add_test(tc, test_crash_report);
	tcase_add_test(tc, test_timeout_status);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_timeout);
	tcase_add_test(tc, test_durations);
	tcase_add_test(tc, test_dump_on);
	tcase_add_test(tc, test_help_version);
	tcase_add_test(tc, test_interrupt);
	tcase_add_test(tc, test_attach);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
