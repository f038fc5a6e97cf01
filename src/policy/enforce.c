// SPDX-License-Identifier: MIT
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>

#include "log.h"
#include "policy/caps.h"
#include "policy/enforce.h"
#include "policy/landlock.h"
#include "policy/learn.h"
#include "policy/limits.h"
#include "policy/policy.h"
#include "policy/report.h"

static struct policy_run the_run;

static void missing(const char *rule, const char *feature, void *arg)
{
	const struct policy *p = arg;

	if (p->best_effort)
		psb_error("warning: %s not enforced: the kernel lacks %s", rule, feature);
	else
		psb_error("%s: the kernel lacks %s (--best-effort runs without it)", rule, feature);
}

int policy_start(const struct policy *p, char *const argv[], struct sysset *trap,
		 const struct policy_run **run)
{
	*run = NULL;
	if (p->learn)
		return learn_start(p->learn, argv, trap);
	if (!p->active)
		return 0;
	the_run.p = p;
	the_run.abi = landlock_abi();
	if (landlock_check(p, the_run.abi, missing, (void *)p) && !p->best_effort)
		return -1;
	if (policy_filter_build(p, the_run.abi, &the_run.filter) < 0) {
		psb_error("the policy's syscall rules are too many for one seccomp filter");
		return -1;
	}
	report_start(&the_run);
	*run = &the_run;
	return 0;
}

int policy_enforce_child(const struct policy_run *run)
{
	/* Landlock first: its ruleset needs file descriptors a low nofile may not leave. */
	if (landlock_enforce(run->p, run->abi) < 0)
		return -1;
	if (limits_apply(run->p) < 0)
		return -1;
	/* Even without Landlock (--best-effort): exec gains no privilege. */
	return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
}

int policy_enforce_child_late(const struct policy_run *run)
{
	(void)run;
	return caps_drop();
}
