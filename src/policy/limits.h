/* SPDX-License-Identifier: MIT */
/* --rlimit: resource limits, set (soft and hard) by the guest before execve. */
#ifndef PTSANDBOX_POLICY_LIMITS_H
#define PTSANDBOX_POLICY_LIMITS_H

struct policy;

/* 0, or -1 with errno set (a limit above the hard one needs CAP_SYS_RESOURCE). */
int limits_apply(const struct policy *p);

/* "fsize" for RLIMIT_FSIZE; NULL if unknown. */
const char *limits_name(int resource);

#endif
