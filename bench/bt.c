// SPDX-License-Identifier: MIT
/*
 * bt: the benchmark driver's measuring tool.
 *
 *   bt wall [-t SEC] -- CMD...     run CMD (output to /dev/null), print
 *                                  its wall time in microseconds; kill
 *                                  it and fail after SEC (default 120) s
 *   bt siglat pid|pgrp N -- CMD... CMD ends in sigguest; send SIGINT N
 *                                  times to CMD's pid or process group,
 *                                  print "p50 p99 max" latency in us
 *   bt threads N -- CMD...         CMD ends in waiters N; once all its
 *                                  threads are blocked, print CMD's
 *                                  memory, threads and CPU use
 *
 * CMD runs in a process group of its own, with the guest's report pipe
 * on fd 3 (BENCH_FD).  If bt is interrupted, it kills that group.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

#define WARMUP 5

static volatile pid_t child_pgrp;

static void on_term(int sig)
{
	if (child_pgrp > 0)
		kill(-child_pgrp, SIGKILL);
	signal(sig, SIG_DFL);
	raise(sig);
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static void die(const char *what)
{
	fprintf(stderr, "bt: %s: %s\n", what, strerror(errno));
	exit(2);
}

/* Start CMD in its own process group; rfd gets the read end of fd 3. */
static pid_t spawn(char **cmd, int *rfd, int quiet)
{
	int p[2];
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) < 0)
		die("pipe");
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		setpgid(0, 0);
		if (p[1] == BENCH_FD)
			fcntl(BENCH_FD, F_SETFD, 0);
		else if (dup2(p[1], BENCH_FD) < 0)
			_exit(126);
		if (quiet) {
			int null = open("/dev/null", O_WRONLY);

			if (null < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
				_exit(126);
		}
		execvp(cmd[0], cmd);
		fprintf(stderr, "bt: %s: %s\n", cmd[0], strerror(errno));
		_exit(127);
	}
	setpgid(pid, pid);
	child_pgrp = pid;
	close(p[1]);
	*rfd = p[0];
	return pid;
}

/* Read exactly len bytes within timeout_ms; 0 on success. */
static int read_full(int fd, void *buf, size_t len, int timeout_ms)
{
	long long deadline = now_ns() + timeout_ms * 1000000LL;
	char *b = buf;

	while (len) {
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		long long left = (deadline - now_ns()) / 1000000;
		ssize_t n;

		if (left < 0 || poll(&pfd, 1, (int)left) == 0)
			return -1;
		n = read(fd, b, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		b += n;
		len -= (size_t)n;
	}
	return 0;
}

static void finish(pid_t pid)
{
	kill(-pid, SIGKILL);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

static int cmd_wall(int timeout_s, char **cmd)
{
	long long t0 = now_ns(), t1;
	int rfd, status;
	pid_t pid = spawn(cmd, &rfd, 1), r;

	while ((r = waitpid(pid, &status, WNOHANG)) == 0) {
		if (now_ns() - t0 > timeout_s * 1000000000LL) {
			fprintf(stderr, "bt: %s still running after %d s: killed\n", cmd[0],
				timeout_s);
			finish(pid);
			return 1;
		}
		sleep_ms(1);
	}
	if (r < 0)
		die("waitpid");
	t1 = now_ns();
	close(rfd);
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "bt: %s failed (status %#x)\n", cmd[0], status);
		return 1;
	}
	printf("%lld\n", (t1 - t0) / 1000);
	return 0;
}

static int cmd_siglat(const char *target, int n, char **cmd)
{
	long long *lat = calloc((size_t)n, sizeof(*lat));
	struct bench_rec r;
	int rfd, i, got = 0, pgrp = !strcmp(target, "pgrp");
	pid_t pid;

	if (!lat)
		die("calloc");
	pid = spawn(cmd, &rfd, 0);
	for (i = 0; i < n + WARMUP; i++) {
		long long t0;

		if (read_full(rfd, &r, sizeof(r), 10000) < 0 || r.type != REC_READY) {
			fprintf(stderr, "bt: no READY from the guest (sample %d)\n", i);
			break;
		}
		sleep_ms(2); /* let it block */
		t0 = now_ns();
		if (kill(pgrp ? -pid : pid, SIGINT) < 0)
			die("kill");
		if (read_full(rfd, &r, sizeof(r), 5000) < 0 || r.type != REC_TIME) {
			fprintf(stderr, "bt: SIGINT %d not handled within 5 s\n", i);
			break;
		}
		if (i >= WARMUP)
			lat[got++] = r.value - t0;
	}
	finish(pid);
	close(rfd);
	if (got < n) {
		printf("lost\n");
		return 1;
	}
	qsort(lat, (size_t)n, sizeof(*lat), cmp_ll);
	printf("%.1f %.1f %.1f\n", lat[(n - 1) / 2] / 1e3, lat[(n * 99 + 99) / 100 - 1] / 1e3,
	       lat[n - 1] / 1e3);
	free(lat);
	return 0;
}

/* The one-letter state of task tid of pid, or 0. */
static char task_state(int pid, const char *tid)
{
	char path[320], buf[512], *p;
	ssize_t len;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/task/%s/stat", pid, tid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	len = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (len <= 0)
		return 0;
	buf[len] = 0;
	p = strrchr(buf, ')');
	return p && p[1] && p[2] ? p[2] : 0;
}

/* Threads of pid blocked (S, D or ptrace-stopped t); -1 if any runs. */
static int blocked_tasks(int pid)
{
	char path[64];
	struct dirent *de;
	int n = 0;
	DIR *d;

	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	d = opendir(path);
	if (!d)
		return -1;
	while ((de = readdir(d))) {
		char st;

		if (de->d_name[0] == '.')
			continue;
		st = task_state(pid, de->d_name);
		if (st != 'S' && st != 'D' && st != 't') {
			n = -1;
			break;
		}
		n++;
	}
	closedir(d);
	return n;
}

/* On-CPU time of all threads of pid in ns (schedstat), or -1. */
static long long cpu_ns(int pid)
{
	char path[320];
	struct dirent *de;
	long long sum = 0, v;
	DIR *d;

	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	d = opendir(path);
	if (!d)
		return -1;
	while ((de = readdir(d))) {
		FILE *f;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/%d/task/%s/schedstat", pid, de->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fscanf(f, "%lld", &v) == 1)
			sum += v;
		fclose(f);
	}
	closedir(d);
	return sum;
}

static long status_field(int pid, const char *key)
{
	char path[64], line[256];
	size_t klen = strlen(key);
	long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, key, klen) && line[klen] == ':') {
			v = atol(line + klen + 1);
			break;
		}
	fclose(f);
	return v;
}

static int cmd_threads(int n, char **cmd)
{
	long long t0 = now_ns(), c0, c1, deadline;
	int rfd, gpid, tracer, stable = 0, i;
	pid_t pid = spawn(cmd, &rfd, 0);
	char c;

	if (read_full(rfd, &gpid, sizeof(gpid), 10000) < 0)
		goto fail;
	for (i = 0; i < n; i++)
		if (read_full(rfd, &c, 1, 60000) < 0)
			goto fail;
	deadline = now_ns() + 60000000000LL;
	while (stable < 5) {
		if (now_ns() > deadline)
			goto fail;
		stable = blocked_tasks(gpid) == n + 1 ? stable + 1 : 0;
		sleep_ms(20);
	}
	printf("ready_ms=%.0f\n", (now_ns() - t0) / 1e6 - 100);
	/*
	 * The process that traces the guest, which is not CMD itself when
	 * CMD hands the tracing to a child (ptsandbox's supervisor).
	 */
	tracer = (int)status_field(gpid, "TracerPid");
	if (tracer <= 0)
		tracer = pid;
	printf("rss_kb=%ld\n", status_field(tracer, "VmRSS"));
	printf("hwm_kb=%ld\n", status_field(tracer, "VmHWM"));
	printf("threads=%ld\n", status_field(tracer, "Threads"));
	printf("guest_threads=%ld\n", status_field(gpid, "Threads"));
	c0 = cpu_ns(tracer);
	printf("cpu_setup_ms=%.1f\n", c0 / 1e6);
	sleep_ms(1000);
	c1 = cpu_ns(tracer);
	printf("cpu_idle_ms=%.2f\n", (c1 - c0) / 1e6);
	finish(pid);
	return 0;
fail:
	fprintf(stderr, "bt: the %d threads did not all block\n", n);
	finish(pid);
	return 1;
}

static void usage(void)
{
	fprintf(stderr, "usage: bt wall [-t SEC] -- CMD...\n"
			"       bt siglat pid|pgrp N -- CMD...\n"
			"       bt threads N -- CMD...\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int i;

	signal(SIGPIPE, SIG_IGN);
	signal(SIGINT, on_term);
	signal(SIGTERM, on_term);
	signal(SIGHUP, on_term);
	for (i = 1; i < argc && strcmp(argv[i], "--"); i++)
		;
	if (argc < 2 || i >= argc - 1)
		usage();
	if (!strcmp(argv[1], "wall") && i == 2)
		return cmd_wall(120, argv + i + 1);
	if (!strcmp(argv[1], "wall") && i == 4 && !strcmp(argv[2], "-t") && atoi(argv[3]) > 0)
		return cmd_wall(atoi(argv[3]), argv + i + 1);
	if (!strcmp(argv[1], "siglat") && i == 4 && atoi(argv[3]) > 0)
		return cmd_siglat(argv[2], atoi(argv[3]), argv + i + 1);
	if (!strcmp(argv[1], "threads") && i == 3 && atoi(argv[2]) > 0)
		return cmd_threads(atoi(argv[2]), argv + i + 1);
	usage();
	return 2;
}
