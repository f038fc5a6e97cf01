/* SPDX-License-Identifier: MIT */
/*
 * The sandbox policy: what the guest may touch, as parsed from the
 * command line (--ro=PATH ...) or a --policy=FILE of the same options.
 * Pure data and parsing; the kernel enforces it (landlock.c, filter.c,
 * rlimits.c, caps.c), the tracer only explains its denials (report.c).
 */
#ifndef PTSANDBOX_POLICY_POLICY_H
#define PTSANDBOX_POLICY_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/resource.h>

#include "seccomp_filter.h"

/* Access kinds of a file rule. */
enum {
	PACC_READ = 1u << 0,  /* read files, list directories */
	PACC_WRITE = 1u << 1, /* write, create, remove, rename within */
	PACC_EXEC = 1u << 2,  /* execute */
};

#define POLICY_MAX_PATHS   128
#define POLICY_MAX_PORTS   64
#define POLICY_MAX_DENY	   16
#define POLICY_MAX_RLIMITS 16

/* The action of a --deny rule that kills instead of failing the call. */
#define POLICY_KILL (-1)

struct policy_path {
	char *path; /* absolute, as written (owned) */
	unsigned int access;
};

struct policy_deny {
	struct sysset set;
	int action; /* errno, or POLICY_KILL */
	char *spec; /* the SET as written, for reports (owned) */
};

struct policy_rlimit {
	int resource;
	rlim_t value;
};

struct policy {
	bool active; /* any confining option given */
	bool best_effort;
	char *learn; /* --learn=FILE (owned) */

	struct policy_path paths[POLICY_MAX_PATHS];
	int npaths;

	bool net; /* --net=none, --connect or --bind given: network confined */
	uint16_t connect[POLICY_MAX_PORTS];
	int nconnect;
	uint16_t bind[POLICY_MAX_PORTS];
	int nbind;

	struct policy_deny deny[POLICY_MAX_DENY];
	int ndeny;
	struct sysset allow; /* --allow: taken off the always-denied list */

	struct policy_rlimit rlimits[POLICY_MAX_RLIMITS];
	int nrlimits;
};

/* Is name (without "--") one of the policy's options? */
bool policy_is_option(const char *name);

/*
 * Apply one option "name=value" (name without "--"; value NULL for
 * --best-effort).  --policy=FILE reads FILE.  Returns 0, or -1 with a
 * one-line reason in err (a file's errors start "FILE:LINE: ").
 */
int policy_option(struct policy *p, const char *name, const char *value, char *err, size_t errlen);

/* Read a policy file: one option per line, "--" optional, # comments. */
int policy_parse_file(struct policy *p, const char *file, char *err, size_t errlen);

/* Free what policy_option() allocated; p is left empty. */
void policy_free(struct policy *p);

/* The always-denied syscalls (names), NULL-terminated. */
extern const char *const policy_always_denied[];

#endif
