// SPDX-License-Identifier: MIT
/* ptsandbox: run a program under a ptrace supervisor. */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "attach.h"
#include "log.h"
#include "options.h"
#include "resolve.h"
#include "spawn.h"
#include "report/crash.h"
#include "tracer.h"

/* -E VAR=VAL sets, -E VAR unsets, in the environment the guest inherits. */
static int apply_env(const struct options *o)
{
	for (int i = 0; i < o->st.nenv; i++) {
		const char *e = o->st.env[i], *eq = strchr(e, '=');
		char name[256];
		int rc;

		if (!eq) {
			rc = unsetenv(e);
		} else if ((size_t)(eq - e) >= sizeof(name) || eq == e) {
			errno = EINVAL;
			rc = -1;
		} else {
			memcpy(name, e, (size_t)(eq - e));
			name[eq - e] = '\0';
			rc = setenv(name, eq + 1, 1);
		}
		if (rc < 0) {
			psb_perror("-E '%s'", e);
			return -1;
		}
	}
	return 0;
}

static int apply_user(const char *user)
{
	struct passwd *pw;

	if (!user)
		return 0;
	errno = 0;
	pw = getpwnam(user);
	if (!pw) {
		psb_error("cannot find user '%s'", user);
		return -1;
	}
	if (spawn_set_user(pw->pw_uid, pw->pw_gid, user) < 0) {
		psb_error("cannot read the groups of user '%s'", user);
		return -1;
	}
	return 0;
}

int main(int argc, char *argv[])
{
	struct options opts;
	int rc;

	options_parse(argc, argv, &opts);
	switch (opts.action) {
	case OPT_HELP:
		fputs(options_usage, stdout);
		return fflush(stdout) == 0 ? EXIT_SUCCESS : EXIT_OWN_FAILURE;
	case OPT_VERSION:
		printf("ptsandbox %s\n", PACKAGE_VERSION);
		return fflush(stdout) == 0 ? EXIT_SUCCESS : EXIT_OWN_FAILURE;
	case OPT_ERROR:
		policy_free(&opts.policy);
		psb_error("%s", opts.error);
		fputs("Try 'ptsandbox --help' for more information.\n", stderr);
		return EXIT_OWN_FAILURE;
	case OPT_RUN:
		break;
	}
	crash_set_scope(opts.crash_scope);
	if (opts.nattach) {
		rc = attach_main(&opts);
		policy_free(&opts.policy); /* refused with -p, but parsed */
		return rc;
	}
	if (apply_user(opts.st.user) < 0)
		return EXIT_OWN_FAILURE;
	/* Before any output file or guest: a missing program is not a trace. */
	opts.exec_path = resolve_program(opts.argv[0]);
	if (!opts.exec_path)
		return resolve_report(opts.argv[0], errno);
	rc = EXIT_OWN_FAILURE;
	/* After the PATH search, as strace's: -E PATH=... is the guest's. */
	if (apply_env(&opts) < 0)
		goto out;
	/* -ff: the trace goes to FILE.PID files only; diagnostics stay on stderr. */
	if (opts.output && !opts.per_process && diag_open(opts.output, opts.st.append) < 0) {
		psb_perror("cannot open '%s'", opts.output);
		goto out;
	}
	rc = tracer_run(&opts);
out:
	policy_free(&opts.policy);
	free(opts.exec_path);
	return rc;
}
