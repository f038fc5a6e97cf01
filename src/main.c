// SPDX-License-Identifier: MIT
/* ptsandbox: run a program under a ptrace supervisor. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "log.h"
#include "options.h"
#include "resolve.h"
#include "trace/crash.h"
#include "tracer.h"

int main(int argc, char *argv[])
{
	struct options opts;

	options_parse(argc, argv, &opts);
	switch (opts.action) {
	case OPT_HELP:
		fputs(options_usage, stdout);
		return fflush(stdout) == 0 ? EXIT_SUCCESS : EXIT_OWN_FAILURE;
	case OPT_VERSION:
		printf("ptsandbox %s\n", PACKAGE_VERSION);
		return fflush(stdout) == 0 ? EXIT_SUCCESS : EXIT_OWN_FAILURE;
	case OPT_ERROR:
		psb_error("%s", opts.error);
		fputs("Try 'ptsandbox --help' for more information.\n", stderr);
		return EXIT_OWN_FAILURE;
	case OPT_RUN:
		break;
	}
	crash_set_scope(opts.crash_scope);
	/* Before any output file or guest: a missing program is not a trace. */
	opts.exec_path = resolve_program(opts.argv[0]);
	if (!opts.exec_path)
		return resolve_report(opts.argv[0], errno);
	/* -ff: the trace goes to FILE.PID files only; diagnostics stay on stderr. */
	if (opts.output && !opts.per_process && diag_open(opts.output) < 0) {
		psb_perror("cannot open '%s'", opts.output);
		return EXIT_OWN_FAILURE;
	}
	return tracer_run(&opts);
}
