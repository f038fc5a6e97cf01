// SPDX-License-Identifier: MIT
/*
 * Option parsing.  Kept free of side effects so the unit tests can
 * drive it directly; main() acts on the result.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "options.h"

const char options_usage[] =
    "Usage: ptsandbox [OPTION]... -- PROGRAM [ARG]...\n"
    "Run PROGRAM under a ptrace supervisor that emulates its blocking\n"
    "syscalls and delivers host signals to it as natively.\n"
    "\n"
    "  -o, --output=FILE   write diagnostics to FILE instead of stderr\n"
    "  -h, --help          display this help and exit\n"
    "  -V, --version       output version information and exit\n"
    "\n"
    "Exit status is PROGRAM's; if PROGRAM dies by a signal, ptsandbox dies\n"
    "by the same signal.  Otherwise:\n"
    "  125  ptsandbox itself failed (bad usage, ptrace or seccomp unavailable)\n"
    "  126  PROGRAM was found but cannot be executed\n"
    "  127  PROGRAM was not found\n";

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
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

void options_parse(int argc, char *const argv[], struct options *opts)
{
	int c;

	memset(opts, 0, sizeof(*opts));
	opts->action = OPT_RUN;

	/*
	 * '+': stop at the first non-option, so "ptsandbox ls -l" works
	 * like "ptsandbox -- ls -l".  opterr=0: errors are ours to word.
	 */
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, "+:o:hV", long_options, NULL)) != -1) {
		switch (c) {
		case 'o':
			if (optarg[0] == '\0') {
				set_error(opts, "empty file name for --output", NULL);
				return;
			}
			opts->output = optarg;
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
	if (optind >= argc) {
		set_error(opts, "no program given", NULL);
		return;
	}
	opts->argv = argv + optind;
	opts->argc = argc - optind;
}
