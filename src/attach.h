/* SPDX-License-Identifier: MIT */
/*
 * ptsandbox -p PID[,PID...]: trace running processes, as strace -p.
 *
 * An attached process is only traced, never emulated: it has no seccomp
 * filter, so every thread is resumed with PTRACE_SYSCALL and every
 * syscall stops (entry and exit), and nothing of ptsandbox is in flight
 * when it detaches.  SIGINT, SIGTERM, SIGHUP, SIGQUIT or SIGPIPE to
 * ptsandbox, or --dump once every thread has been dumped, detach every
 * thread from whatever stop it is in and leave the process running.
 */
#ifndef PTSANDBOX_ATTACH_H
#define PTSANDBOX_ATTACH_H

struct options;

/*
 * Attach to opts->attach's processes and trace them until they exit or
 * ptsandbox detaches.  Returns the exit status: 0 (every process exited,
 * or --dump done), 128 + SIG after a detach by signal SIG (as strace),
 * or 125 after a one-line error (bad PID, EPERM, a command given too).
 */
int attach_main(const struct options *opts);

#endif
