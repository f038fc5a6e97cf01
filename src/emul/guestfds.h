/* SPDX-License-Identifier: MIT */
/* Guest fds and sigmask arguments, shared by the waiting families (guestfds.c). */
#ifndef PTSANDBOX_EMUL_GUESTFDS_H
#define PTSANDBOX_EMUL_GUESTFDS_H

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct task;

/*
 * Swap each guest fd in pfds for a supervisor duplicate (negative fds
 * stay, and are ignored by poll).  Returns -1 if a guest fd is not
 * open, which the real call would report itself.
 */
int borrow_fds(struct task *t, struct pollfd *pfds, int n);
/*
 * Would polling pfds from the supervisor change what the guest's own
 * call sees?  A procfs mounts file (/proc/PID/mounts, mountinfo)
 * reports a mount change as POLLPRI|POLLERR to the first poll after
 * it only, so the supervisor must leave such sets to the kernel.
 */
bool poll_consumes(const struct pollfd *pfds, int n);
/* Would poll() on pfds return at once? */
bool ready_now(struct pollfd *pfds, int n);
/* Validate a guest sigmask argument (NULL is valid); true if usable. */
bool guest_sigmask_ok(pid_t tid, uint64_t mask, uint64_t size);

#endif
