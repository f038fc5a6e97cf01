// SPDX-License-Identifier: MIT
/*
 * A guest that uses ptrace itself, as a debugger's tests do: each of
 * two processes asks PTRACE_TRACEME twice and prints whether it was
 * allowed.  Natively the first one is; under ptsandbox none is.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

static void traceme(const char *who)
{
	for (int i = 0; i < 2; i++) {
		long r = ptrace(PTRACE_TRACEME, 0, NULL, NULL);

		printf("%s: PTRACE_TRACEME %s\n", who, r < 0 ? strerror(errno) : "ok");
	}
	fflush(stdout);
}

int main(void)
{
	pid_t pid = fork();

	if (pid < 0)
		return 1;
	if (pid == 0) {
		traceme("child");
		return 0;
	}
	if (waitpid(pid, NULL, 0) != pid)
		return 1;
	traceme("parent");
	return 0;
}
