// SPDX-License-Identifier: MIT
#include "config.h"

#include <stddef.h>
#include <sys/resource.h>

#include "policy/limits.h"
#include "policy/policy.h"

int limits_apply(const struct policy *p)
{
	for (int i = 0; i < p->nrlimits; i++) {
		struct rlimit rl = {.rlim_cur = p->rlimits[i].value,
				    .rlim_max = p->rlimits[i].value};

		if (setrlimit(p->rlimits[i].resource, &rl) < 0)
			return -1;
	}
	return 0;
}

const char *limits_name(int resource)
{
	switch (resource) {
	case RLIMIT_AS:
		return "as";
	case RLIMIT_CPU:
		return "cpu";
	case RLIMIT_FSIZE:
		return "fsize";
	case RLIMIT_NOFILE:
		return "nofile";
	case RLIMIT_NPROC:
		return "nproc";
	case RLIMIT_CORE:
		return "core";
	case RLIMIT_DATA:
		return "data";
	case RLIMIT_STACK:
		return "stack";
	default:
		return NULL;
	}
}
