// SPDX-License-Identifier: MIT
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arch/arch.h"
#include "log.h"
#include "policy/enforce.h"
#include "policy/filter.h"
#include "signals/host.h"
#include "spawn.h"

/* A negative code: the failed step times STEP_BASE plus the errno. */
enum { STEP_BASE = 1 << 16, STEP_SECCOMP = 0, STEP_POLICY = 1, STEP_CAPS = 2 };

void spawn_describe_failure(int code, char *buf, size_t len)
{
	static const char *const steps[] = {
	    "cannot install the seccomp filter",
	    "cannot put the policy in force (rlimits, Landlock)",
	    "cannot drop the capabilities",
	};
	int step = (-code) / STEP_BASE, err = (-code) % STEP_BASE;

	if (step < 0 || step > STEP_CAPS)
		step = 0;
	snprintf(buf, len, "%s: %s", steps[step], strerror(err));
}

static void child_fail(int err_fd, int err)
{
	ssize_t unused = write(err_fd, &err, sizeof(err));

	(void)unused;
	_exit(EXIT_FAILURE);
}

/*
 * -u USER: the guest's credentials, set in the child just before
 * execve.  The group list is read here, in the supervisor: in the child
 * a file policy is already in force and /etc/group may be out of reach.
 */
static struct {
	bool set;
	uid_t uid;
	gid_t gid;
	gid_t *groups;
	int ngroups;
} guest_user;

int spawn_set_user(uid_t uid, gid_t gid, const char *name)
{
	int n = 0;

	getgrouplist(name, gid, NULL, &n);
	guest_user.groups = calloc(n > 0 ? (size_t)n : 1, sizeof(gid_t));
	if (!guest_user.groups || getgrouplist(name, gid, guest_user.groups, &n) < 0)
		return -1;
	guest_user.set = true;
	guest_user.uid = uid;
	guest_user.gid = gid;
	guest_user.ngroups = n;
	return 0;
}

static int become_user(void)
{
	if (!guest_user.set)
		return 0;
	if (setgroups((size_t)guest_user.ngroups, guest_user.groups) < 0 ||
	    setgid(guest_user.gid) < 0 || setuid(guest_user.uid) < 0)
		return -1;
	return 0;
}

/*
 * The exec step: path was found by the supervisor (resolve.c), so the
 * only execve the guest makes is the one that runs it; a file without
 * #! goes to /bin/sh as execvp(3) sends it.  Returns only on failure.
 */
static void exec_program(const char *path, char *const argv[])
{
	size_t argc = 0;
	char **sh_argv;

	if (become_user() < 0)
		return;
	execve(path, argv, environ);
	if (errno != ENOEXEC)
		return;
	while (argv[argc])
		argc++;
	sh_argv = calloc(argc + 2, sizeof(*sh_argv));
	if (!sh_argv)
		return;
	sh_argv[0] = (char *)"/bin/sh";
	sh_argv[1] = (char *)path;
	memcpy(sh_argv + 2, argv + 1, (argc ? argc - 1 : 0) * sizeof(*sh_argv));
	execve("/bin/sh", sh_argv, environ);
	errno = ENOEXEC;
}

static void __attribute__((noreturn))
child_main(const char *path, char *const argv[], const struct sysset *set,
	   const struct policy_run *run, int sync_fd, int err_fd)
{
	static struct sock_filter prog[SECCOMP_PROG_MAX];
	const struct seccomp_extra *extra = run ? &run->filter.extra : NULL;
	size_t len;
	char go;

	/* Wait until the tracer has seized us; EOF means it died first. */
	if (read(sync_fd, &go, 1) != 1)
		_exit(EXIT_FAILURE);
	close(sync_fd);

	host_signals_restore_in_child();
	if (run && policy_enforce_child(run) < 0)
		child_fail(err_fd, -(STEP_POLICY * STEP_BASE + errno));
	len = seccomp_build_ext(set, arch_audit_arch(), arch_foreign_nr_base(), extra, prog);
	if (seccomp_install(prog, len) < 0) {
		/* Negative: not an execve errno, the tracer reports it as its own. */
		child_fail(err_fd, -(STEP_SECCOMP * STEP_BASE + errno));
	}
	if (run && policy_enforce_child_late(run) < 0)
		child_fail(err_fd, -(STEP_CAPS * STEP_BASE + errno));
	exec_program(path, argv);
	child_fail(err_fd, errno);
	_exit(EXIT_FAILURE);
}

int spawn_guest(const char *path, char *const argv[], const struct sysset *set,
		const struct policy_run *run, struct spawned *out)
{
	long ptopts = PTSANDBOX_PTRACE_OPTIONS;
	int sync[2], err[2];
	pid_t pid;

	if (pipe2(sync, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0) {
		psb_perror("pipe");
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		psb_perror("fork");
		return -1;
	}
	if (pid == 0) {
		close(sync[1]);
		close(err[0]);
		child_main(path, argv, set, run, sync[0], err[1]);
	}
	close(sync[0]);
	close(err[1]);
	/* A --deny=...:kill kills with no signal stop: its exit stop names the call. */
	if (run && policy_has_kill(run->p))
		ptopts |= PTRACE_O_TRACEEXIT;
	if (ptrace(PTRACE_SEIZE, pid, NULL, (void *)ptopts) < 0) {
		psb_perror("cannot trace the guest (PTRACE_SEIZE)");
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		close(sync[1]);
		close(err[0]);
		return -1;
	}
	if (write(sync[1], "g", 1) != 1) {
		psb_perror("cannot start the guest");
		kill(pid, SIGKILL);
		waitpid(pid, NULL, __WALL);
		close(sync[1]);
		close(err[0]);
		return -1;
	}
	close(sync[1]);
	out->pid = pid;
	out->exec_err_fd = err[0];
	return 0;
}
