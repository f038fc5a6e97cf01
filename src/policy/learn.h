/* SPDX-License-Identifier: MIT */
/*
 * --learn=FILE: run unconfined, watch what the guest touches, and
 * write the smallest policy (in the --policy grammar) under which the
 * same run succeeds with no denial, generalised as a person would
 * write it: system trees whole, the working tree, the temporary
 * directory, single files elsewhere.
 */
#ifndef PTSANDBOX_POLICY_LEARN_H
#define PTSANDBOX_POLICY_LEARN_H

struct sysset;

/* Add the calls to watch to trap (argv: the command, for the file); 0, or -1 after printing why. */
int learn_start(const char *file, char *const argv[], struct sysset *trap);
/* Write the policy (no-op when not learning). */
void learn_finish(void);

#endif
