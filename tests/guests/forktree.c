// SPDX-License-Identifier: MIT
/*
 * forktree DEPTH EXIT_CODE_GUEST: fork a set of children that run at
 * the same time and end in different ways (exec of /bin/echo, of
 * another guest, of a shell, of this program one level down; plain
 * _exit; death by a signal), then report each child's output and wait
 * status in a fixed order.
 *
 * Children write to their own pipe, and only the parent writes to
 * stdout, after a child is done, so the output does not depend on
 * scheduling.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define NCHILD 7

static const char *self;
static const char *exit_code_guest;
static int depth;

static void __attribute__((noreturn)) child(int i)
{
	char code[16], down[16];

	snprintf(code, sizeof(code), "%d", 10 + i);
	snprintf(down, sizeof(down), "%d", depth - 1);
	switch (i) {
	case 0:
		execl("/bin/echo", "echo", "echo", "from", "child", (char *)NULL);
		break;
	case 1:
		execl(exit_code_guest, exit_code_guest, code, (char *)NULL);
		break;
	case 2:
		execl("/bin/sh", "sh", "-c", "echo sh $((6 * 7)); exit 6", (char *)NULL);
		break;
	case 3:
		if (depth > 0)
			execl(self, self, down, exit_code_guest, (char *)NULL);
		printf("leaf\n");
		fflush(stdout);
		_exit(9);
	case 4:
		printf("no exec\n");
		fflush(stdout);
		_exit(4);
	case 5:
		signal(SIGTERM, SIG_DFL);
		kill(getpid(), SIGTERM);
		break;
	case 6:
		execlp("ptsandbox-test-no-such-program", "x", (char *)NULL);
		_exit(127);
	}
	_exit(99); /* exec failed */
}

static void print_status(int i, int status)
{
	if (WIFEXITED(status))
		printf("child %d: exit %d\n", i, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf("child %d: signal %d\n", i, WTERMSIG(status));
	else
		printf("child %d: status %#x\n", i, status);
}

/* Copy one child's output to stdout, marked as such. */
static void relay(int fd)
{
	FILE *in = fdopen(fd, "r");
	char line[512];

	while (fgets(line, sizeof(line), in))
		printf("| %s", line);
	fclose(in);
}

int main(int argc, char **argv)
{
	pid_t pids[NCHILD];
	int fds[NCHILD];

	if (argc < 3)
		return 2;
	self = argv[0];
	depth = atoi(argv[1]);
	exit_code_guest = argv[2];
	printf("depth %d\n", depth);
	fflush(stdout);
	for (int i = 0; i < NCHILD; i++) {
		int p[2];

		if (pipe(p) < 0 || (pids[i] = fork()) < 0)
			return 1;
		if (pids[i] == 0) {
			dup2(p[1], STDOUT_FILENO);
			close(p[0]);
			close(p[1]);
			child(i);
		}
		close(p[1]);
		fds[i] = p[0];
	}
	for (int i = 0; i < NCHILD; i++) {
		int status;

		relay(fds[i]);
		if (waitpid(pids[i], &status, 0) != pids[i])
			return 1;
		print_status(i, status);
	}
	return depth;
}
