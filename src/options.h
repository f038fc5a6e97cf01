/* SPDX-License-Identifier: MIT */
/* Command-line options: pure parsing, no side effects, unit-tested. */
#ifndef PTSANDBOX_OPTIONS_H
#define PTSANDBOX_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "policy/policy.h"

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
	/* --interrupt=SET[:SIG][:when=...]; parsed by src/emul/interrupt.c */
	const char *interrupt;
	/* --native=SET: emulated families left to the kernel; parsed by src/emul/dispatch.c */
	const char *native;

	/* strace's everyday options (parsed in src/trace_options.c). */
	struct strace_opts {
		int quiet;		/* -q 1; -qq 2: no exit lines either */
		unsigned int align;	/* -a N: the result column (40) */
		bool with_lines;	/* -C: the -c table and the lines */
		int sort_by;		/* -S: enum summary_sort */
		bool relative;		/* -r: time since the previous line */
		bool numbers;		/* -n: "[ 59] " syscall numbers */
		bool ip;		/* -i: "[00007f...] " instruction pointers */
		bool append;		/* -A: -o files are appended to */
		unsigned int status;	/* -z, -Z, -e status=: STATUS_* shown; 0 all */
		const char *signals;	/* -e signal=SET; NULL: every signal */
		int decode_fds;		/* -y 1, -yy 2 */
		int hex;		/* -x 1 (non-ASCII strings), -xx 2 (all) */
		const char *paths[16];	/* -P PATH: only calls that touch these */
		int npaths;
		const char *env[64];	/* -E VAR=VAL / -E VAR for the guest */
		int nenv;
		const char *user;	/* -u USER: run the guest as USER */
		const char *raw;	/* -e raw=SET: these syscalls undecoded */
		const char *abbrev;	/* -e abbrev=SET, -v (none): NULL all abbreviated */
		const char *verbose;	/* -e verbose=SET: NULL all dereferenced */
		int const_style;	/* -X: 0 abbrev, 1 raw, 2 verbose */
		const char *read_fds;	/* -e read=SET: dump what is read from these */
		const char *write_fds;	/* -e write=SET: dump what is written to these */
		const char *inject[16]; /* -e inject=SPEC, -e fault=SPEC: SPEC */
		bool inject_fault[16];	/* that one was fault= */
		int ninject;
	} st;

	/* Hang reports. */
	long long timeout_ns; /* --timeout=DURATION; 0: none */
	int dump_signal;      /* --dump-on=SIG; 0: none */
	int timeout_status;   /* --timeout-status=N: exit status of a timeout (124) */

	bool wait_all; /* --wait-all: exit once every traced descendant has */
	/* -p PID[,PID...]: attach to running processes (src/attach.c parses the PIDs). */
	const char *attach[16];
	int nattach;
	bool dump_now; /* --dump: with -p, dump every thread, then detach */
	/* Sandbox policy (src/policy/): --ro, --rw, --net, --deny, ... */
	struct policy policy;

	char *const *argv; /* the guest command line */
	char *exec_path;   /* argv[0] found along PATH: set by main(), not parsed */
	int argc;
	char error[256]; /* with OPT_ERROR: the one-line message */
};

/* -S's keys. */
enum summary_sort { SORT_TIME, SORT_CALLS, SORT_ERRORS, SORT_NAME, SORT_NOTHING };

/* -e status= classes (strace's): which finished calls are shown. */
enum {
	STATUS_SUCCESSFUL = 1,
	STATUS_FAILED = 2,
	STATUS_UNFINISHED = 4,
	STATUS_UNAVAILABLE = 8,
	STATUS_DETACHED = 16,
};

/*
 * The strace option c with argument arg (NULL for none), for
 * options_parse: 0 done, 1 not a strace option of trace_options.c,
 * -1 after set_error-style message in opts->error.
 */
int strace_option(struct options *opts, int c, const char *arg);
/*
 * -e NAME=VALUE other than trace= (name: its first k bytes; value kept
 * by reference): 0, 1 unknown, -1 error.
 */
int strace_qualifier(struct options *opts, const char *name, size_t k, const char *value);

/* Parse argv into opts (and any --policy file). Never exits, never prints. */
void options_parse(int argc, char *const argv[], struct options *opts);

/* timeout(1)'s DURATION in nanoseconds; -1 if invalid. */
long long options_parse_duration(const char *s);

/* The --help text. */
extern const char options_usage[];

#endif
