// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sigutil.h"

void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", program_invocation_short_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(99);
}

pid_t sys_gettid(void)
{
	return (pid_t)syscall(SYS_gettid);
}

int64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

int sig_parse(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s && !*end)
		return n > 0 && n < NSIG ? (int)n : -1;
	if (!strncmp(s, "SIG", 3))
		s += 3;
	for (int sig = 1; sig < SIGRTMIN; sig++) {
		const char *abbrev = sigabbrev_np(sig);

		if (abbrev && !strcmp(abbrev, s))
			return sig;
	}
	return -1;
}

const char *sig_name(int sig)
{
	static char buf[32];
	const char *abbrev = sigabbrev_np(sig);

	if (abbrev)
		snprintf(buf, sizeof(buf), "SIG%s", abbrev);
	else
		snprintf(buf, sizeof(buf), "SIGRTMIN+%d", sig - SIGRTMIN);
	return buf;
}

bool sig_default_kills(int sig)
{
	switch (sig) {
	case SIGCHLD:
	case SIGCONT:
	case SIGURG:
	case SIGWINCH:
	case SIGSTOP:
	case SIGTSTP:
	case SIGTTIN:
	case SIGTTOU:
		return false;
	default:
		return true;
	}
}

const char *errno_name(int err)
{
	const char *name = strerrorname_np(err);

	return name ? name : "E?";
}

const char *code_name(int sig, int code)
{
	switch (code) {
	case SI_USER:
		return "SI_USER";
	case SI_KERNEL:
		return "SI_KERNEL";
	case SI_QUEUE:
		return "SI_QUEUE";
	case SI_TIMER:
		return "SI_TIMER";
	case SI_TKILL:
		return "SI_TKILL";
	}
	if (sig == SIGCHLD) {
		switch (code) {
		case CLD_EXITED:
			return "CLD_EXITED";
		case CLD_KILLED:
			return "CLD_KILLED";
		case CLD_DUMPED:
			return "CLD_DUMPED";
		case CLD_STOPPED:
			return "CLD_STOPPED";
		case CLD_CONTINUED:
			return "CLD_CONTINUED";
		}
	}
	return "SI_other";
}

/* Reads the file at path into buf; false if it cannot. */
static bool read_file(const char *path, char *buf, size_t size)
{
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	return true;
}

/* Reads /proc/self/task/TID/NAME into buf; false if it cannot. */
static bool read_task_file(pid_t tid, const char *name, char *buf, size_t size)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/task/%d/%s", (int)tid, name);
	return read_file(path, buf, size);
}

/* The state letter of a stat file's text ('?' if none). */
static char stat_state(const char *path)
{
	char buf[512], *paren;

	if (!read_file(path, buf, sizeof(buf)))
		return '?';
	/* The state follows the last ')': comm may contain anything. */
	paren = strrchr(buf, ')');
	return paren && paren[1] == ' ' ? paren[2] : '?';
}

char task_state(pid_t tid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", (int)tid);
	return stat_state(path);
}

char proc_state(pid_t pid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	return stat_state(path);
}

void wait_sleeping(pid_t tid, const volatile int *give_up)
{
	int64_t deadline = mono_ns() + (int64_t)LONG_MS * 1000000;

	while (!(give_up && *give_up) && task_state(tid) != 'S') {
		if (mono_ns() > deadline)
			die("thread %d never blocked", (int)tid);
		sched_yield();
	}
}

/* The hex mask of the line "field:\t..." in a /proc status text. */
static uint64_t status_mask(const char *text, const char *field)
{
	const char *p = strstr(text, field);

	return p ? strtoull(p + strlen(field), NULL, 16) : 0;
}

bool sig_pending_in(pid_t tid, int sig)
{
	char buf[4096];
	uint64_t bit = 1ull << (sig - 1);

	if (!read_task_file(tid, "status", buf, sizeof(buf)))
		return false;
	return ((status_mask(buf, "\nSigPnd:") | status_mask(buf, "\nShdPnd:")) & bit) != 0;
}
