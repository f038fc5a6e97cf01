// SPDX-License-Identifier: MIT
/*
 * vfork_exec EXIT_CODE_GUEST: vfork children that exec (a guest, a
 * missing program) or _exit without exec, and a posix_spawn (which
 * glibc implements with clone(CLONE_VM | CLONE_VFORK)).  The parent
 * prints each status after waiting, and flushes before each vfork,
 * so the children's output and its own come in a fixed order.
 */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void report(const char *what, pid_t pid)
{
	int status;

	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		printf("%s: cannot start or wait\n", what);
	} else if (WIFEXITED(status)) {
		printf("%s: exit %d\n", what, WEXITSTATUS(status));
	} else if (WIFSIGNALED(status)) {
		printf("%s: signal %d\n", what, WTERMSIG(status));
	}
	fflush(stdout);
}

/* Only exec or _exit may follow vfork in the child. */
static pid_t vfork_exec(const char *path, char *const argv[])
{
	pid_t pid;

	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		execv(path, argv);
		_exit(127);
	}
	return pid;
}

static pid_t vfork_exit(int code)
{
	pid_t pid;

	fflush(stdout);
	pid = vfork();
	if (pid == 0)
		_exit(code);
	return pid;
}

int main(int argc, char **argv)
{
	char *guest_argv[] = { argv[1], "7", NULL };
	char *spawn_argv[] = { argv[1], "9", NULL };
	char *missing_argv[] = { "/nonexistent/program", NULL };
	pid_t pid;

	if (argc < 2)
		return 2;
	report("vfork+exec guest", vfork_exec(argv[1], guest_argv));
	report("vfork+_exit", vfork_exit(5));
	report("vfork+exec missing", vfork_exec(missing_argv[0], missing_argv));
	fflush(stdout);
	if (posix_spawn(&pid, argv[1], NULL, NULL, spawn_argv, environ) != 0)
		pid = -1;
	report("posix_spawn guest", pid);
	/* Several vforks in a row, each waited for before the next. */
	for (int i = 0; i < 20; i++) {
		int status;

		pid = vfork_exit(i);
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != i) {
			printf("vfork %d: bad status %#x\n", i, status);
			return 1;
		}
	}
	printf("20 vforks: ok\n");
	return 0;
}
