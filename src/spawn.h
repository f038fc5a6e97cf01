/* SPDX-License-Identifier: MIT */
/* Starting the guest: fork, seize, install the filter, execve. */
#ifndef PTSANDBOX_SPAWN_H
#define PTSANDBOX_SPAWN_H

#include <sys/types.h>

#include "seccomp_filter.h"

struct policy_run;

struct spawned {
	pid_t pid;
	int exec_err_fd; /* readable: errno of a failed execve; EOF: exec'd */
};

/*
 * Fork the guest, PTRACE_SEIZE it with every follow option, and only
 * then let it confine itself to run's policy (NULL: none), install its
 * seccomp filter and execve(path, argv), path being argv[0] already
 * found along PATH (resolve_program()).  The filter
 * must not fire before the tracer is attached (SECCOMP_RET_TRACE with
 * no tracer fails the syscall with ENOSYS).  Returns 0, or -1 after
 * printing why (the child, if any, is killed and reaped).
 */
int spawn_guest(const char *path, char *const argv[], const struct sysset *set,
		const struct policy_run *run, struct spawned *out);

/*
 * What a negative code read from exec_err_fd means: the guest failed
 * to confine itself before execve ("cannot install the seccomp
 * filter: ...").  Written to buf.
 */
void spawn_describe_failure(int code, char *buf, size_t len);

/*
 * -u: run the guest as this user (uid, gid, the groups of name, read
 * now: the confined child may not read /etc/group); -1 if unreadable.
 */
int spawn_set_user(uid_t uid, gid_t gid, const char *name);

/* PTRACE_O_* options every tracee carries. */
#define PTSANDBOX_PTRACE_OPTIONS                                                                   \
	(PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC |     \
	 PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL | PTRACE_O_TRACESYSGOOD)

#endif
