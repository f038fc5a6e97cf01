// SPDX-License-Identifier: MIT
/*
 * SECCOMP_MODE_STRICT (LTP seccomp01) and a guest's own seccomp
 * filter.  Each scenario runs in a child process; the parent prints
 * how it ended.  Strict mode allows read, write, _exit and
 * rt_sigreturn and kills the thread with SIGKILL on anything else; it
 * cannot be entered on top of a filter (EINVAL).  A filter of the
 * guest's own that forbids ppoll must not break the guest's blocking
 * calls.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sigutil.h"

static void say(const char *s)
{
	if (write(1, s, strlen(s)) < 0)
		syscall(SYS_exit, 3);
}

static void strict_prctl(void)
{
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT, 0, 0, 0))
		printf("prctl strict: %s\n", errno_name(errno)), fflush(stdout);
}

static void strict_seccomp(void)
{
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 0, NULL))
		printf("seccomp strict: %s\n", errno_name(errno)), fflush(stdout);
}

/* A filter of the guest's own: everything but ppoll (killed). */
static void own_filter(void)
{
	struct sock_filter prog[] = {
	    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
	    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_ppoll, 0, 1),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog fprog = {.len = sizeof(prog) / sizeof(prog[0]), .filter = prog};

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog))
		die("own filter: %s", strerror(errno));
}

static void s_rw_exit(void)
{
	char c;
	int p[2];

	if (pipe(p))
		die("pipe");
	strict_prctl();
	say("strict: write allowed\n");
	if (write(p[1], "x", 1) != 1 || read(p[0], &c, 1) != 1)
		say("strict: pipe read/write failed\n");
	syscall(SYS_exit, 7);
}

static void s_getpid(void)
{
	strict_prctl();
	syscall(SYS_getpid);
	say("strict: getpid survived\n");
	syscall(SYS_exit, 0);
}

static void s_close(void)
{
	strict_seccomp();
	close(0);
	say("strict: close survived\n");
	syscall(SYS_exit, 0);
}

static void s_nanosleep(void)
{
	struct timespec ts = {.tv_sec = 1};

	strict_prctl();
	syscall(SYS_nanosleep, &ts, NULL);
	say("strict: nanosleep survived\n");
	syscall(SYS_exit, 0);
}

static void s_exit_group(void)
{
	strict_seccomp();
	syscall(SYS_exit_group, 0);
	say("strict: exit_group survived\n");
	syscall(SYS_exit, 0);
}

static void s_strict_on_filter(void)
{
	own_filter();
	strict_prctl();
	strict_seccomp();
	fflush(stdout);
	_exit(0);
}

static void *strict_thread(void *arg)
{
	(void)arg;
	strict_prctl();
	syscall(SYS_getpid);
	say("strict thread: getpid survived\n");
	syscall(SYS_exit, 0);
	return NULL;
}

static void s_thread(void)
{
	pthread_t th;

	pthread_create(&th, NULL, strict_thread, NULL);
	pthread_join(th, NULL);
	printf("main thread goes on\n");
	fflush(stdout);
	_exit(0);
}

/* Blocking waits under a filter that kills ppoll. */
static void s_own_filter_waits(void)
{
	struct timespec ts = {.tv_nsec = 200000000};
	int p[2], st;
	pid_t pid;
	char c;

	own_filter();
	if (pipe(p))
		die("pipe");
	pid = fork();
	if (pid == 0) {
		while (proc_state(getppid()) != 'S')
			;
		_exit(5);
	}
	waitpid(pid, &st, 0);
	printf("own filter: waitpid: child exit %d\n", WEXITSTATUS(st));
	nanosleep(&ts, NULL);
	printf("own filter: nanosleep done\n");
	pid = fork();
	if (pid == 0) {
		while (proc_state(getppid()) != 'S')
			;
		if (write(p[1], "y", 1) != 1)
			_exit(1);
		_exit(0);
	}
	close(p[1]);
	if (read(p[0], &c, 1) == 1)
		printf("own filter: pipe read %c\n", c);
	waitpid(pid, NULL, 0);
	fflush(stdout);
	_exit(0);
}

static void run(const char *name, void (*fn)(void))
{
	pid_t pid;
	int st;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		fn();
	waitpid(pid, &st, 0);
	if (WIFSIGNALED(st))
		printf("%s: killed by %s\n", name, sig_name(WTERMSIG(st)));
	else
		printf("%s: exit %d\n", name, WEXITSTATUS(st));
}

int main(void)
{
	run("read/write/_exit", s_rw_exit);
	run("getpid", s_getpid);
	run("close (seccomp())", s_close);
	run("nanosleep", s_nanosleep);
	run("exit_group", s_exit_group);
	run("strict on a filter", s_strict_on_filter);
	run("thread", s_thread);
	run("own filter, blocking waits", s_own_filter_waits);
	return 0;
}
