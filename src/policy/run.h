/* SPDX-License-Identifier: MIT */
/*
 * A policy in force: what policy_start() (enforce.c) made of the parsed
 * policy, and what the reports (report.c) read to explain a denial.  A
 * header of its own so that the reports need not know how it is put in
 * force.
 */
#ifndef PTSANDBOX_POLICY_RUN_H
#define PTSANDBOX_POLICY_RUN_H

#include "policy/filter.h"

struct policy;

struct policy_run {
	const struct policy *p;
	int abi; /* Landlock ABI in use */
	struct policy_filter filter;
};

#endif
