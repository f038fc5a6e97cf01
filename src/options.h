/* SPDX-License-Identifier: MIT */
/* Command-line options: pure parsing, no side effects, unit-tested. */
#ifndef PTSANDBOX_OPTIONS_H
#define PTSANDBOX_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

/* Exit statuses, following timeout(1) and env(1). */
enum {
	EXIT_TIMEDOUT = 124,
	EXIT_OWN_FAILURE = 125,
	EXIT_CANNOT_EXEC = 126,
	EXIT_NOT_FOUND = 127,
};

enum options_action {
	OPT_RUN,     /* run argv under the supervisor */
	OPT_HELP,    /* print usage to stdout, exit 0 */
	OPT_VERSION, /* print version to stdout, exit 0 */
	OPT_ERROR,   /* print error (and hint) to stderr, exit 125 */
};

/* --crash-report: whose deaths by a fault or abort() get a report. */
enum crash_scope {
	CRASH_REPORT_MAIN, /* the main guest process only (default) */
	CRASH_REPORT_ALL,  /* every guest process */
	CRASH_REPORT_NONE,
};

struct options {
	enum options_action action;
	const char *output; /* -o FILE: diagnostics go here, else stderr */

	/* Tracing (strace's options, strace's meaning). */
	const char *trace;    /* --trace[=SET] / -e trace=SET; NULL: no tracing */
	unsigned int strsize; /* -s N (default 32) */
	bool per_process;     /* -ff: -o FILE.<pid> per process */
	bool follow;	      /* -f given: with -o, "PID " on every line, as strace */
	int timestamps;	      /* -t 1, -tt 2, -ttt 3 */
	bool durations;	      /* -T */
	bool summary;	      /* -c */
	bool stack_trace;     /* -k, --stack-trace */

	enum crash_scope crash_scope; /* --crash-report=main|all|none */

	/* Hang reports. */
	long long timeout_ns; /* --timeout=DURATION; 0: none */
	int dump_signal;      /* --dump-on=SIG; 0: none */
	int timeout_status;   /* --timeout-status=N: exit status of a timeout (124) */

	char *const *argv; /* the guest command line */
	char *exec_path;   /* argv[0] found along PATH: set by main(), not parsed */
	int argc;
	char error[256]; /* with OPT_ERROR: the one-line message */
};

/* Parse argv into opts. Never exits, never prints. */
void options_parse(int argc, char *const argv[], struct options *opts);

/* timeout(1)'s DURATION in nanoseconds; -1 if invalid. */
long long options_parse_duration(const char *s);

/* The --help text. */
extern const char options_usage[];

#endif
