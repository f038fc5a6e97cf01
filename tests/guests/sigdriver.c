// SPDX-License-Identifier: MIT
/*
 * sigdriver [--pgrp] [--count N] [--sig SIG] [--stop] [--asleep COMM]
 *           [--timeout SECS] -- CMD [ARG]...
 *
 * Runs CMD in a new process group with its stdout on a pipe, and copies
 * CMD's output to stdout, except the lines "READY": for each of those,
 * up to N of them (default 1), it sends SIG (default SIGINT)
 *   - to CMD's pid: for `sigdriver -- ptsandbox -- guest` that is the
 *     supervisor alone, as `kill -INT <ptsandbox pid>` does;
 *   - with --pgrp, to CMD's whole process group, as a terminal's Ctrl-C
 *     does: supervisor and guest both receive it.
 * The READY line is the whole handshake: no sleeps.  With --asleep COMM
 * the signal also waits until a process named COMM in the group sleeps
 * in the kernel (for programs that cannot say when they block).  With
 * --stop, SIG is a stop signal: once CMD is stopped, SIGCONT follows to
 * the same target.
 *
 * CMD starts with every signal default and unblocked (a shell running
 * the tests in the background would hand it SIGINT ignored) and no core
 * dumps.  After CMD's output ends the last line is "sigdriver: sent N"
 * (and "sigdriver: TIMEOUT" when CMD's group had to be killed after
 * SECS seconds, default 20).  The exit status is CMD's, or 128+N when
 * CMD died by signal N, so native and sandboxed runs compare equal.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sigutil.h"

static struct {
	bool pgrp, stop;
	int count, sig, timeout;
	const char *asleep;
} opt = {.count = 1, .sig = SIGINT, .timeout = 20};

static pid_t child;
static int sent, status;
static bool reaped;
static volatile sig_atomic_t timed_out;

static void on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
	kill(-child, SIGKILL);
}

static void reset_signals(void)
{
	struct sigaction dfl = {.sa_handler = SIG_DFL};
	struct rlimit nocore = {0, 0};
	sigset_t none;

	for (int sig = 1; sig < NSIG; sig++)
		sigaction(sig, &dfl, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	setrlimit(RLIMIT_CORE, &nocore);
}

/* Starts CMD; returns the read end of its stdout. */
static int spawn(char **argv)
{
	char pid[16];
	int p[2];

	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	setenv("SIGDRIVER_PID", pid, 1);
	if (pipe2(p, O_CLOEXEC) < 0)
		die("pipe: %m");
	child = fork();
	if (child < 0)
		die("fork: %m");
	if (child == 0) {
		setpgid(0, 0);
		reset_signals();
		dup2(p[1], STDOUT_FILENO);
		execvp(argv[0], argv);
		fprintf(stderr, "sigdriver: %s: %m\n", argv[0]);
		_exit(errno == ENOENT ? 127 : 126);
	}
	/* Both sides set the group, so it exists before the first kill. */
	setpgid(child, child);
	close(p[1]);
	return p[0];
}

/*
 * Call fn for each process of CMD's group until it returns false;
 * returns false if one did.
 */
static bool each_in_group(bool (*fn)(pid_t pid, const void *arg), const void *arg)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	bool go_on = true;

	if (!d)
		die("/proc: %m");
	while (go_on && (e = readdir(d))) {
		pid_t pid;

		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		pid = (pid_t)atoi(e->d_name);
		if (getpgid(pid) == child)
			go_on = fn(pid, arg);
	}
	closedir(d);
	return go_on;
}

/* false (stop looking) if pid is named comm and sleeps in the kernel. */
static bool not_asleep(pid_t pid, const void *comm)
{
	char path[64], buf[512], *open, *close_;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return true;
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '\0';
	fclose(f);
	open = strchr(buf, '(');
	close_ = strrchr(buf, ')');
	if (!open || !close_ || close_[1] != ' ' || close_[2] != 'S')
		return true;
	*close_ = '\0';
	return strcmp(open + 1, comm) != 0;
}

/* Is a process named comm in CMD's group sleeping in the kernel? */
static bool asleep_in_group(const char *comm)
{
	return !each_in_group(not_asleep, comm);
}

static void wait_asleep(const char *comm)
{
	while (!timed_out && !asleep_in_group(comm))
		sleep_ms(1);
}

/*
 * Has every process of CMD's group taken its copy of the stop signal
 * (none still has it pending)?  Under ptsandbox the child seen stopped
 * is the supervisor, which a SIGSTOP stops at once; the guest may not
 * have taken its own copy yet, and a SIGCONT sent before it does would
 * discard it, where a shell would only continue the job much later.
 * (Waiting for the guest to stop would wait for ever: its stop goes
 * through the stopped supervisor.)
 */
/* true if pid has taken sig: not pending, or waiting for the supervisor. */
static bool took_signal(pid_t pid, const void *arg)
{
	unsigned long long bit = 1ull << (*(const int *)arg - 1), set;
	bool pending = false, traced_stop = false;
	char path[64], line[256];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return true;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "State:\tt", 8))
			traced_stop = true;
		if ((sscanf(line, "SigPnd: %llx", &set) == 1 ||
		     sscanf(line, "ShdPnd: %llx", &set) == 1) &&
		    (set & bit))
			pending = true;
	}
	fclose(f);
	/* A tracee in a ptrace-stop takes it only when the supervisor runs. */
	return !pending || traced_stop;
}

static bool group_took_signal(int sig)
{
	return each_in_group(took_signal, &sig);
}

static void stop_then_continue(pid_t target)
{
	pid_t r;

	do
		r = waitpid(child, &status, WUNTRACED);
	while (r < 0 && errno == EINTR && !timed_out);
	while (r == child && WIFSTOPPED(status) && !timed_out && !group_took_signal(opt.sig))
		sleep_ms(1);
	if (r == child && WIFSTOPPED(status))
		kill(target, SIGCONT);
	else if (r == child)
		reaped = true;
}

static void send_signal(void)
{
	pid_t target = opt.pgrp ? -child : child;

	if (opt.asleep)
		wait_asleep(opt.asleep);
	if (kill(target, opt.sig) < 0)
		fprintf(stderr, "sigdriver: kill: %m\n");
	sent++;
	if (opt.stop)
		stop_then_continue(target);
}

static void line(const char *s, size_t len)
{
	if (len == 5 && !memcmp(s, "READY", 5)) {
		if (sent < opt.count)
			send_signal();
		return;
	}
	fwrite(s, 1, len, stdout);
	fputc('\n', stdout);
	fflush(stdout);
}

static void relay(int fd)
{
	char buf[4096];
	size_t len = 0;

	for (;;) {
		ssize_t n = read(fd, buf + len, sizeof(buf) - len);
		char *nl;

		if (n < 0 && errno == EINTR && !timed_out)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
		while ((nl = memchr(buf, '\n', len))) {
			line(buf, (size_t)(nl - buf));
			len -= (size_t)(nl + 1 - buf);
			memmove(buf, nl + 1, len);
		}
		if (len == sizeof(buf)) {
			line(buf, len);
			len = 0;
		}
	}
	if (len)
		line(buf, len);
}

static int parse(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"pgrp", no_argument, NULL, 'p'},
	    {"count", required_argument, NULL, 'n'},
	    {"sig", required_argument, NULL, 's'},
	    {"stop", no_argument, NULL, 'S'},
	    {"asleep", required_argument, NULL, 'a'},
	    {"timeout", required_argument, NULL, 't'},
	    {NULL, 0, NULL, 0},
	};
	int o;

	while ((o = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		if (o == 'p')
			opt.pgrp = true;
		else if (o == 'n')
			opt.count = atoi(optarg);
		else if (o == 's' && (opt.sig = sig_parse(optarg)) < 0)
			die("unknown signal %s", optarg);
		else if (o == 'S')
			opt.stop = true;
		else if (o == 'a')
			opt.asleep = optarg;
		else if (o == 't')
			opt.timeout = atoi(optarg);
		else if (o == '?')
			exit(2);
	}
	if (optind >= argc)
		die("usage: sigdriver [--pgrp] [--count N] [--sig SIG] [--stop] "
		    "[--asleep COMM] [--timeout SECS] -- CMD [ARG]...");
	return optind;
}

int main(int argc, char **argv)
{
	struct sigaction sa = {.sa_handler = on_alarm};
	int fd = spawn(argv + parse(argc, argv));
	pid_t r;

	/* No SA_RESTART: a timeout must break the read of CMD's output. */
	sigaction(SIGALRM, &sa, NULL);
	alarm((unsigned)opt.timeout);
	relay(fd);
	while (!reaped && (r = waitpid(child, &status, 0)) != child)
		if (r < 0 && errno != EINTR)
			die("waitpid: %m");
	printf("sigdriver: sent %d\n", sent);
	if (timed_out)
		printf("sigdriver: TIMEOUT\n");
	fflush(stdout);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
