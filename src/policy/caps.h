/* SPDX-License-Identifier: MIT */
/*
 * A root guest under a policy keeps uid 0 and the capabilities that
 * cannot defeat the policy; these go, from every capability set and
 * the bounding set, before execve.
 */
#ifndef PTSANDBOX_POLICY_CAPS_H
#define PTSANDBOX_POLICY_CAPS_H

/* 0, or -1 with errno set.  A guest with no capabilities has nothing to drop. */
int caps_drop(void);

#endif
