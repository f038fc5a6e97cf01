// SPDX-License-Identifier: MIT
/*
 * Option parsing.  Kept free of side effects so the unit tests can
 * drive it directly; main() acts on the result.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "options.h"

const char options_usage[] =
    "Usage: ptsandbox [OPTION]... -- PROGRAM [ARG]...\n"
    "  or:  ptsandbox [OPTION]... -p PID[,PID...]\n"
    "Run PROGRAM under a ptrace supervisor that emulates its blocking\n"
    "syscalls and delivers host signals to it as natively.\n"
    "\n"
    "  -o, --output=FILE   write the trace and diagnostics to FILE instead of stderr;\n"
    "                      alone it traces all syscalls (as strace -o), with\n"
    "                      --timeout or --dump-on only the hang reports\n"
    "\n"
    "Tracing (as strace):\n"
    "      --trace[=SET]   print each syscall of SET (default all); SET as strace's\n"
    "                      -e trace=: names, %file %process %signal %network %desc\n"
    "                      %memory, !name, all\n"
    "  -e trace=SET        same as --trace=SET\n"
    "  -e signal=SET       show only the signals of SET (--signal=SET)\n"
    "  -e status=SET       show only calls that ended so: successful, failed,\n"
    "                      unfinished, unavailable (--status=SET)\n"
    "  -e quiet=exit       no exit lines (--quiet=exit); -q, -qq as strace's\n"
    "  -e read=FDS, -e write=FDS  hex dump of what is read from / written to FDS\n"
    "  -e raw=SET          the calls of SET undecoded: arguments and result in hex\n"
    "  -e verbose=SET      structures of SET's calls only; the others' as addresses\n"
    "  -s, --string-limit=N  print at most N bytes of each string (default 32)\n"
    "  -f, --follow-forks  with -o FILE: \"PID \" on every line (always followed)\n"
    "  -ff, --output-separately  with -o FILE: one file FILE.PID per process\n"
    "  -t, -tt, -ttt       prefix lines with the time of day (-tt: us, -ttt: epoch)\n"
    "  -r                  prefix lines with the time since the previous one\n"
    "  -n, --syscall-number  prefix lines with the syscall number\n"
    "  -i, --instruction-pointer  prefix lines with the instruction pointer\n"
    "  -A, --output-append-mode  append to the -o file(s)\n"
    "  -T, --syscall-times show the time spent in each syscall\n"
    "  -a N, --columns=N   align results at column N (default 40)\n"
    "  -y, --decode-fds    show the path of each descriptor (-yy: and sockets'\n"
    "                      addresses, devices' numbers)\n"
    "  -x, -xx             strings with non-ASCII bytes (-xx: all) in hex\n"
    "  -z, -Z              only successful (-Z: failed) calls\n"
    "  -P PATH             only calls that name PATH or a descriptor of it\n"
    "  -c, --summary-only  count calls, errors and time per syscall; print a table\n"
    "  -C, --summary       the table and the lines\n"
    "  -S KEY              sort the table by time, calls, errors, name or nothing\n"
    "  -w                  accepted: the table's times are always wall-clock\n"
    "  -k, --stack-traces  print a backtrace of the guest under each traced syscall\n"
    "  -e inject=SET[:error=ERRNO|:retval=N][:signal=SIG][:syscall=NAME]\n"
    "          [:delay_enter=T][:delay_exit=T][:poke_enter=@argN=HEX][:poke_exit=@argN=HEX]\n"
    "          [:when=FIRST[..LAST][+[STEP]]]\n"
    "                      tamper with the calls of SET, as strace (--inject=)\n"
    "  -e fault=SET[:error=ERRNO][:when=...]  inject=, error defaults to ENOSYS\n"
    "  -E VAR=VAL, -E VAR  set or unset VAR for the guest\n"
    "  -u USER             run the guest as USER\n"
    "      --seccomp-bpf   accepted: only the traced syscalls stop the guest\n"
    "\n"
    "Hang reports:\n"
    "      --timeout=DURATION  after DURATION (timeout(1) syntax: 10, 1.5s, 2m, 1h, 1d)\n"
    "                      dump every guest thread, kill the guest, exit 124\n"
    "      --timeout-status=N  exit N instead of 124 on a timeout (automake's hard\n"
    "                      error is 99)\n"
    "      --dump-on=SIG   dump every guest thread when ptsandbox receives SIG\n"
    "\n"
    "Attaching (as strace -p):\n"
    "  -p, --attach=PID[,PID...]  trace running processes (all their threads; -f:\n"
    "                      and what they start) instead of PROGRAM; Ctrl-C detaches\n"
    "      --dump          with -p: print what every thread is blocked in, with its\n"
    "                      backtrace, then detach\n"
    "\n"
    "      --wait-all      return only once every traced descendant has exited,\n"
    "                      not as soon as PROGRAM has\n"
    "Sandbox policy (any of these confines the guest; see ptsandbox(1)):\n"
    "      --ro=PATH       may read PATH (file or tree); --rox also execute,\n"
    "      --rw=PATH       --rw also write, create, remove, rename within,\n"
    "      --rwx=PATH      --rwx all; once one is given, every other file is denied\n"
    "      --net=none      no network (TCP only to --connect/--bind ports)\n"
    "      --connect=PORT  may connect to TCP PORT\n"
    "      --bind=PORT     may bind TCP PORT\n"
    "      --deny=SET[:ERRNO|kill]  deny the syscalls of SET (strace syntax)\n"
    "      --allow=SET     take SET off the always-denied list\n"
    "      --rlimit=RES=N  set a resource limit (as, nofile, nproc, fsize, cpu, ...)\n"
    "      --policy=FILE   read options from FILE, one per line, # comments\n"
    "      --best-effort   run even if the kernel cannot enforce a rule (warns)\n"
    "      --learn=FILE    run unconfined, write the policy the run needed to FILE\n"
    "\n"
    "Crash reports:\n"
    "      --crash-report=WHOSE  report (registers, code, backtrace) a guest process\n"
    "                      killed by a fault or abort(): main (default: the main\n"
    "                      process only), all, or none\n"
    "      --interrupt=SET[:SIG][:when=FIRST[..LAST][+[STEP]]]\n"
    "                      send SIG (default SIGALRM) to a guest thread while it\n"
    "                      is blocked in an emulated wait of SET (strace's set\n"
    "                      syntax): its FIRST.. blocking call of each syscall\n"
    "                      (default when=1: only the first), to test EINTR handling\n"
    "      --native=SET    run these blocking calls in the kernel instead of\n"
    "                      emulating them: futex, sleep, poll, select, epoll,\n"
    "                      wait, sigwait, all (comma-separated); with futex,\n"
    "                      threads that hand work over run at native speed\n"
    "  -h, --help          display this help and exit\n"
    "  -V, --version       output version information and exit\n"
    "\n"
    "Exit status is PROGRAM's; if PROGRAM dies by a signal, ptsandbox dies\n"
    "by the same signal.  Otherwise:\n"
    "  124  --timeout expired, as timeout(1) (or --timeout-status's N)\n"
    "  125  ptsandbox itself failed (bad usage, ptrace or seccomp unavailable)\n"
    "  126  PROGRAM was found but cannot be executed\n"
    "  127  PROGRAM was not found\n";

enum {
	OPT_TRACE = 256,
	OPT_TIMEOUT,
	OPT_DUMP_ON,
	OPT_WAIT_ALL,
	OPT_POLICY,
	OPT_CRASH_REPORT,
	OPT_INTERRUPT,
	OPT_NATIVE,
	OPT_TIMEOUT_STATUS,
	OPT_DUMP,
	/* strace's long spellings without a short one */
	OPT_SECCOMP_BPF,
	OPT_STRACE_QUALIFIER, /* --status=, --signal=, --quiet= as -e X= */
};

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"trace", optional_argument, NULL, OPT_TRACE},
    {"string-limit", required_argument, NULL, 's'},
    {"summary", no_argument, NULL, 'C'},
    {"stack-trace", no_argument, NULL, 'k'},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"dump-on", required_argument, NULL, OPT_DUMP_ON},
    {"wait-all", no_argument, NULL, OPT_WAIT_ALL},
    {"ro", required_argument, NULL, OPT_POLICY},
    {"rox", required_argument, NULL, OPT_POLICY},
    {"rw", required_argument, NULL, OPT_POLICY},
    {"rwx", required_argument, NULL, OPT_POLICY},
    {"net", required_argument, NULL, OPT_POLICY},
    {"connect", required_argument, NULL, OPT_POLICY},
    {"bind", required_argument, NULL, OPT_POLICY},
    {"deny", required_argument, NULL, OPT_POLICY},
    {"allow", required_argument, NULL, OPT_POLICY},
    {"rlimit", required_argument, NULL, OPT_POLICY},
    {"policy", required_argument, NULL, OPT_POLICY},
    {"best-effort", no_argument, NULL, OPT_POLICY},
    {"learn", required_argument, NULL, OPT_POLICY},
    {"crash-report", required_argument, NULL, OPT_CRASH_REPORT},
    {"interrupt", required_argument, NULL, OPT_INTERRUPT},
    {"native", required_argument, NULL, OPT_NATIVE},
    {"timeout-status", required_argument, NULL, OPT_TIMEOUT_STATUS},
    {"attach", required_argument, NULL, 'p'},
    {"dump", no_argument, NULL, OPT_DUMP},
    /* strace's long spellings */
    {"output-separately", no_argument, NULL, 'F'},
    {"follow-forks", no_argument, NULL, 'f'},
    {"summary-only", no_argument, NULL, 'c'},
    {"summary-wall-clock", no_argument, NULL, 'w'},
    {"summary-sort-by", required_argument, NULL, 'S'},
    {"stack-traces", no_argument, NULL, 'k'},
    {"syscall-times", optional_argument, NULL, 'T'},
    {"absolute-timestamps", optional_argument, NULL, 't'},
    {"timestamps", optional_argument, NULL, 't'},
    {"relative-timestamps", optional_argument, NULL, 'r'},
    {"syscall-number", no_argument, NULL, 'n'},
    {"instruction-pointer", no_argument, NULL, 'i'},
    {"output-append-mode", no_argument, NULL, 'A'},
    {"columns", required_argument, NULL, 'a'},
    {"successful-only", no_argument, NULL, 'z'},
    {"failed-only", no_argument, NULL, 'Z'},
    {"decode-fds", optional_argument, NULL, 'y'},
    {"strings-in-hex", optional_argument, NULL, 'x'},
    {"const-print-style", required_argument, NULL, 'X'},
    {"no-abbrev", no_argument, NULL, 'v'},
    {"trace-path", required_argument, NULL, 'P'},
    {"env", required_argument, NULL, 'E'},
    {"user", required_argument, NULL, 'u'},
    {"seccomp-bpf", no_argument, NULL, OPT_SECCOMP_BPF},
    {"status", required_argument, NULL, OPT_STRACE_QUALIFIER},
    {"signal", required_argument, NULL, OPT_STRACE_QUALIFIER},
    {"inject", required_argument, NULL, OPT_STRACE_QUALIFIER},
    {"read", required_argument, NULL, OPT_STRACE_QUALIFIER},
    {"raw", required_argument, NULL, OPT_STRACE_QUALIFIER},
    {"write", required_argument, NULL, OPT_STRACE_QUALIFIER},
    {"fault", required_argument, NULL, OPT_STRACE_QUALIFIER},
    {"verbose", required_argument, NULL, OPT_STRACE_QUALIFIER},
    {"quiet", optional_argument, NULL, OPT_STRACE_QUALIFIER},
    {"silent", optional_argument, NULL, OPT_STRACE_QUALIFIER},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static void set_error(struct options *opts, const char *msg, const char *arg)
{
	opts->action = OPT_ERROR;
	if (arg)
		snprintf(opts->error, sizeof(opts->error), "%s '%s'", msg, arg);
	else
		snprintf(opts->error, sizeof(opts->error), "%s", msg);
}

/*
 * timeout(1)'s DURATION: a non-negative decimal number with an optional
 * suffix s, m, h or d.  Returns nanoseconds, or -1.
 */
long long options_parse_duration(const char *s)
{
	static const struct {
		char suffix;
		double scale;
	} units[] = {{'s', 1}, {'m', 60}, {'h', 3600}, {'d', 86400}};
	double v, scale = 1;
	char *end;

	if (!s || !*s || *s == '-' || *s == '+' || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || v < 0 || v != v)
		return -1;
	if (*end) {
		size_t i;

		for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
			if (*end == units[i].suffix)
				break;
		if (i == sizeof(units) / sizeof(units[0]) || end[1])
			return -1;
		scale = units[i].scale;
	}
	v *= scale * 1e9;
	if (v > 9.2e18)
		return -1;
	return (long long)v;
}

/* "USR1", "SIGUSR1" or a number; only signals ptsandbox may catch. */
static int parse_dump_signal(const char *s)
{
	static const struct {
		const char *name;
		int sig;
	} names[] = {{"USR1", SIGUSR1}, {"USR2", SIGUSR2}, {"QUIT", SIGQUIT},
		     {"HUP", SIGHUP},	{"PWR", SIGPWR},   {"WINCH", SIGWINCH}};
	char *end;
	long n;

	if (!strncmp(s, "SIG", 3))
		s += 3;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(s, names[i].name))
			return names[i].sig;
	n = strtol(s, &end, 10);
	if (*s && !*end && n > 0 && n < NSIG && n != SIGKILL && n != SIGSTOP)
		return (int)n;
	return -1;
}

/* -e EXPR: strace's qualifiers. */
static int parse_qualifier(struct options *opts, const char *expr)
{
	int rc;

	if (!strncmp(expr, "trace=", 6)) {
		opts->trace = expr + 6;
		return 0;
	}
	if (!strchr(expr, '=')) {
		opts->trace = expr;
		return 0;
	}
	rc =
	    strace_qualifier(opts, expr, (size_t)(strchr(expr, '=') - expr), strchr(expr, '=') + 1);
	if (rc <= 0)
		return rc;
	set_error(opts, "unsupported qualifier:", expr);
	return -1;
}

/* --status=X, --signal=X, --inject=X, --quiet[=X] as -e NAME=X. */
static int long_qualifier(struct options *opts, const char *name, const char *arg)
{
	if (!arg && (!strcmp(name, "quiet") || !strcmp(name, "silent")))
		arg = "attach,personality";
	return strace_qualifier(opts, name, strlen(name), arg) < 0 ? -1 : 0;
}

static int parse_crash_scope(struct options *opts, const char *s)
{
	static const char *const names[] = {
	    [CRASH_REPORT_MAIN] = "main", [CRASH_REPORT_ALL] = "all", [CRASH_REPORT_NONE] = "none"};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!strcmp(s, names[i])) {
			opts->crash_scope = (enum crash_scope)i;
			return 0;
		}
	}
	set_error(opts, "invalid --crash-report (main, all or none):", s);
	return -1;
}

static int parse_uint(const char *s, unsigned int *out)
{
	char *end;
	unsigned long v;

	if (!*s || *s == '-')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v > 1u << 30)
		return -1;
	*out = (unsigned int)v;
	return 0;
}

void options_parse(int argc, char *const argv[], struct options *opts)
{
	int c, nf = 0, idx = 0;

	memset(opts, 0, sizeof(*opts));
	opts->action = OPT_RUN;
	opts->strsize = 32;
	opts->st.align = 40;
	opts->timeout_status = EXIT_TIMEDOUT;

	/*
	 * '+': stop at the first non-option, so "ptsandbox ls -l" works
	 * like "ptsandbox -- ls -l".  opterr=0: errors are ours to word.
	 */
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, "+:o:hVe:s:fcktTqa:CS:wrnzZyxvX:P:E:u:iAp:", long_options,
				&idx)) != -1) {
		switch (c) {
		case OPT_SECCOMP_BPF:
			/* What ptsandbox always does: only the traced set stops. */
			break;
		case OPT_STRACE_QUALIFIER:
			if (long_qualifier(opts, long_options[idx].name, optarg) < 0)
				return;
			break;
		case 'F':
			nf = 2;
			break;
		case 'o':
			if (optarg[0] == '\0') {
				set_error(opts, "empty file name for --output", NULL);
				return;
			}
			opts->output = optarg;
			break;
		case OPT_TRACE:
			opts->trace = optarg && *optarg ? optarg : "all";
			break;
		case 'e':
			if (parse_qualifier(opts, optarg) < 0)
				return;
			break;
		case 's':
			if (parse_uint(optarg, &opts->strsize) < 0) {
				set_error(opts, "invalid string limit", optarg);
				return;
			}
			break;
		case 'f':
			nf++;
			break;
		case 'c':
			opts->summary = true;
			break;
		case 'k':
			opts->stack_trace = true;
			break;
		case 't':
			if (opts->timestamps < 3)
				opts->timestamps++;
			break;
		case 'T':
			opts->durations = true;
			break;
		case OPT_TIMEOUT:
			opts->timeout_ns = options_parse_duration(optarg);
			if (opts->timeout_ns < 0) {
				set_error(opts, "invalid time interval", optarg);
				return;
			}
			break;
		case OPT_DUMP_ON:
			opts->dump_signal = parse_dump_signal(optarg);
			if (opts->dump_signal < 0) {
				set_error(opts, "invalid signal for --dump-on", optarg);
				return;
			}
			break;
		case OPT_WAIT_ALL:
			opts->wait_all = true;
			break;
		case 'p':
			if (opts->nattach == (int)(sizeof(opts->attach) / sizeof(opts->attach[0]))) {
				set_error(opts, "too many -p options", NULL);
				return;
			}
			opts->attach[opts->nattach++] = optarg;
			break;
		case OPT_DUMP:
			opts->dump_now = true;
			break;
		case OPT_POLICY:
			if (policy_option(&opts->policy, long_options[idx].name, optarg,
					  opts->error, sizeof(opts->error)) < 0) {
				opts->action = OPT_ERROR;
				return;
			}
			break;
		case OPT_TIMEOUT_STATUS: {
			unsigned int st;

			if (parse_uint(optarg, &st) < 0 || st > 255) {
				set_error(opts, "invalid exit status for --timeout-status", optarg);
				return;
			}
			opts->timeout_status = (int)st;
			break;
		}
		case OPT_CRASH_REPORT:
			if (parse_crash_scope(opts, optarg) < 0)
				return;
			break;
		case OPT_INTERRUPT:
			/* Its set and signal names are the tracer's to parse. */
			if (!*optarg) {
				set_error(opts, "empty set for --interrupt", NULL);
				return;
			}
			opts->interrupt = optarg;
			break;
		case OPT_NATIVE:
			/* Its family names are the emulation's to parse. */
			if (!*optarg) {
				set_error(opts, "empty set for --native", NULL);
				return;
			}
			opts->native = optarg;
			break;
		case 'q':
		case 'a':
		case 'C':
		case 'S':
		case 'w':
		case 'r':
		case 'n':
		case 'i':
		case 'A':
		case 'z':
		case 'Z':
		case 'y':
		case 'x':
		case 'v':
		case 'X':
		case 'P':
		case 'E':
		case 'u':
			if (strace_option(opts, c, optarg) < 0)
				return;
			/* Long spellings with a level: --decode-fds=all is -yy. */
			if ((c == 'y' || c == 'x') && optarg && !strcmp(optarg, "all"))
				strace_option(opts, c, NULL);
			break;
		case 'h':
			opts->action = OPT_HELP;
			return;
		case 'V':
			opts->action = OPT_VERSION;
			return;
		case ':':
			set_error(opts, "option requires an argument --", argv[optind - 1]);
			return;
		default:
			if (optopt)
				snprintf(opts->error, sizeof(opts->error), "invalid option -- '%c'",
					 optopt);
			else
				snprintf(opts->error, sizeof(opts->error),
					 "unrecognized option '%s'", argv[optind - 1]);
			opts->action = OPT_ERROR;
			return;
		}
	}
	/* -p with a command too is attach.c's one-line error. */
	if (optind >= argc && !opts->nattach) {
		set_error(opts, "no program given", NULL);
		return;
	}
	if (opts->dump_now && !opts->nattach) {
		set_error(opts, "--dump needs -p PID", NULL);
		return;
	}
	opts->per_process = nf >= 2;
	opts->follow = nf >= 1;
	if (opts->per_process && !opts->output) {
		set_error(opts, "-ff needs -o FILE", NULL);
		return;
	}
	/*
	 * -c, -k, -T, -t, -ff, -o, -p alone imply tracing everything, as
	 * in strace.  But -o with --timeout or --dump-on and no trace option
	 * is where the hang report goes, not a trace; -p with --dump or
	 * --dump-on wants the dumps.
	 */
	if (!opts->trace &&
	    (opts->summary || opts->stack_trace || opts->durations || opts->timestamps ||
	     opts->per_process || opts->st.relative || opts->st.numbers || opts->st.decode_fds ||
	     opts->st.npaths || opts->st.status || opts->st.hex || opts->st.ninject ||
	     opts->st.ip || opts->st.read_fds || opts->st.write_fds ||
	     ((opts->output || opts->nattach) && !opts->timeout_ns && !opts->dump_signal &&
	      !opts->dump_now)))
		opts->trace = "all";
	if (opts->policy.learn && opts->policy.active) {
		set_error(opts, "--learn runs unconfined: it takes no other policy option", NULL);
		return;
	}
	opts->argv = argv + optind;
	opts->argc = argc - optind;
}
