// SPDX-License-Identifier: MIT
/*
 * Absolute deadlines inside a time namespace (LTP clock_nanosleep03):
 * after unshare(CLONE_NEWTIME) and an offset on CLOCK_MONOTONIC and
 * CLOCK_BOOTTIME, a child's clock_nanosleep(TIMER_ABSTIME) and
 * FUTEX_WAIT_BITSET deadlines of "now + 200 ms" in its own time must
 * end after about 200 ms.  Prints, per call and offset, whether the
 * wait ended too early, in time (under 3 s) or too late: an offset of
 * +-10 s that is not applied gives "early" or "late".  Exits 77 when
 * time namespaces are not available.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

#define WAIT_NS 200000000LL

static int64_t now_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static struct timespec ns_ts(int64_t ns)
{
	return (struct timespec){.tv_sec = ns / 1000000000LL, .tv_nsec = ns % 1000000000LL};
}

static const char *judge(int64_t start, int64_t end)
{
	if (end - start < WAIT_NS)
		return "early";
	return end - start < 3000000000LL ? "in time" : "late";
}

static void sleep_abs(const char *tag, clockid_t clk)
{
	int64_t start = now_ns(clk);
	struct timespec dl = ns_ts(start + WAIT_NS);
	int err = clock_nanosleep(clk, TIMER_ABSTIME, &dl, NULL);

	printf("%s clock_nanosleep %s: %s, %s\n", tag,
	       clk == CLOCK_MONOTONIC ? "monotonic" : "boottime", err ? strerror(err) : "0",
	       judge(start, now_ns(clk)));
}

static void futex_abs(const char *tag)
{
	static int word;
	int64_t start = now_ns(CLOCK_MONOTONIC);
	struct timespec dl = ns_ts(start + WAIT_NS);
	long ret = syscall(SYS_futex, &word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, 0, &dl, NULL,
			   FUTEX_BITSET_MATCH_ANY);

	printf("%s futex_wait_bitset: %s, %s\n", tag, ret ? strerror(errno) : "0",
	       judge(start, now_ns(CLOCK_MONOTONIC)));
}

static void child(const char *tag)
{
	sleep_abs(tag, CLOCK_MONOTONIC);
	sleep_abs(tag, CLOCK_BOOTTIME);
	futex_abs(tag);
	fflush(stdout);
}

/* In a new time namespace shifted by off_s seconds, run child() in a child process. */
static int scenario(const char *tag, int off_s)
{
	char buf[64];
	int fd, n;
	pid_t pid;

	if (unshare(CLONE_NEWTIME) < 0)
		return -1;
	fd = open("/proc/self/timens_offsets", O_WRONLY);
	n = snprintf(buf, sizeof(buf), "%d %d 0\n%d %d 0\n", CLOCK_MONOTONIC, off_s, CLOCK_BOOTTIME,
		     off_s);
	if (fd < 0 || write(fd, buf, n) != n)
		return -1;
	close(fd);
	pid = fork();
	if (pid == 0) {
		child(tag);
		/* A grandchild is in the same namespace. */
		if (fork() == 0) {
			char sub[64];

			snprintf(sub, sizeof(sub), "%s grandchild", tag);
			child(sub);
			_exit(0);
		}
		wait(NULL);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	return 0;
}

int main(void)
{
	pid_t pid;
	int st;

	/* Each offset in a process of its own: a namespace takes offsets once. */
	for (int off = -10; off <= 10; off += 20) {
		char tag[16];

		snprintf(tag, sizeof(tag), "offset %+d s", off);
		pid = fork();
		if (pid == 0)
			_exit(scenario(tag, off) < 0 ? 77 : 0);
		waitpid(pid, &st, 0);
		if (WIFEXITED(st) && WEXITSTATUS(st) == 77) {
			fprintf(stderr, "timens_sleep: no time namespaces here\n");
			return 77;
		}
	}
	return 0;
}
