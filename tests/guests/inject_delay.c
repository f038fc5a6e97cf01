// SPDX-License-Identifier: MIT
/*
 * For tests/e2e/inject.sh: a thread calls chdir("/"), which -e inject
 * holds for a delay_enter= or delay_exit= of seconds.  The main thread
 * waits until /proc says that thread is in a tracing stop, then sleeps
 * ten times 1 ms (calls ptsandbox emulates) and says whether the thread
 * is still held and its chdir not returned: the main thread must run on
 * while the other is held.  A tracer that slept through the delay would
 * hold the main thread's sleeps too, and find the chdir returned.
 * Whether the working directory is already "/" tells delay_exit= (the
 * call ran, its thread is held after it) from delay_enter=.  Then it
 * ends the process, the held thread with it.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int tid_pipe[2];
static atomic_int returned;

static void *held(void *arg)
{
	pid_t tid = (pid_t)syscall(SYS_gettid);

	(void)arg;
	if (write(tid_pipe[1], &tid, sizeof(tid)) != sizeof(tid))
		return NULL;
	chdir("/");
	atomic_store(&returned, 1);
	return NULL;
}

/* The state letter of /proc/self/task/TID/stat ('t': tracing stop). */
static char state_of(pid_t tid)
{
	char path[64], buf[512], *p;
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", (int)tid);
	f = fopen(path, "r");
	if (!f)
		return '?';
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : '?';
}

int main(void)
{
	struct timespec tick = {0, 1000000};
	char cwd[64];
	pthread_t th;
	pid_t tid;
	int dir = open("/proc", O_RDONLY | O_DIRECTORY);

	/* Out of "/" by fchdir, which -e inject=chdir leaves alone. */
	if (dir < 0 || fchdir(dir) < 0 || pipe(tid_pipe) < 0 ||
	    pthread_create(&th, NULL, held, NULL) != 0 ||
	    read(tid_pipe[0], &tid, sizeof(tid)) != sizeof(tid))
		return 1;
	/* Polled, as nothing else tells: at most 10 s. */
	for (int i = 0; i < 10000 && state_of(tid) != 't'; i++)
		nanosleep(&tick, NULL);
	for (int i = 0; i < 10; i++)
		nanosleep(&tick, NULL);
	printf("after 10 sleeps the thread is %s, its chdir %s, the cwd %s\n",
	       state_of(tid) == 't' ? "held in a tracing stop" : "not held",
	       atomic_load(&returned) ? "returned" : "not returned",
	       getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/") ? "/" : "not /");
	fflush(stdout);
	/* exit_group: the held thread ends with the process. */
	_exit(0);
}
