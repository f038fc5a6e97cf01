// SPDX-License-Identifier: MIT
/*
 * A relative sleep interrupted by a handler whose *rem cannot be
 * written: the kernel returns EFAULT instead of EINTR (LTP
 * clock_nanosleep01, case BAD_TS_ADDR_REM).  A helper thread sends
 * SIGUSR1 once the main thread sleeps.  Prints each call's outcome.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "sigutil.h"

static pid_t main_tid;

static void on_usr1(int sig)
{
	(void)sig;
}

static void *interrupter(void *arg)
{
	(void)arg;
	wait_sleeping(main_tid, NULL);
	syscall(SYS_tgkill, getpid(), main_tid, SIGUSR1);
	return NULL;
}

/* Sleep 5 s on clk (-1: nanosleep) with rem at addr; a handler interrupts. */
static void one(const char *name, clockid_t clk, void *rem)
{
	struct timespec req = {.tv_sec = 5};
	pthread_t th;
	long ret;

	pthread_create(&th, NULL, interrupter, NULL);
	if (clk < 0)
		ret = syscall(SYS_nanosleep, &req, rem);
	else
		ret = syscall(SYS_clock_nanosleep, clk, 0, &req, rem);
	pthread_join(th, NULL);
	printf("%s: %s\n", name, ret == 0 ? "0" : errno_name(errno));
}

int main(void)
{
	struct sigaction sa = {.sa_handler = on_usr1};
	void *none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	void *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct timespec ok;

	if (none == MAP_FAILED || ro == MAP_FAILED)
		die("mmap: %s", strerror(errno));
	main_tid = sys_gettid();
	sigaction(SIGUSR1, &sa, NULL);
	one("clock_nanosleep monotonic, rem PROT_NONE", CLOCK_MONOTONIC, none);
	one("clock_nanosleep realtime, rem read-only", CLOCK_REALTIME, ro);
	one("nanosleep, rem PROT_NONE", -1, none);
	one("clock_nanosleep, rem writable", CLOCK_MONOTONIC, &ok);
	one("nanosleep, rem NULL", -1, NULL);
	return 0;
}
