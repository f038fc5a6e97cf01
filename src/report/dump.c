// SPDX-License-Identifier: MIT
/*
 * Hang reports: what every guest thread is blocked in, and where.
 *
 * What a thread is doing is read when the dump is requested, while the
 * thread still sits in its call: an emulated wait from its struct
 * ewait (the thread itself is parked in ppoll), anything else from
 * /proc/TID/syscall and /proc/TID/wchan.  The backtrace is printed at
 * the thread's next ptrace-stop, which our PTRACE_INTERRUPT forces;
 * the tracer then handles that stop as usual (an interrupted parking
 * ppoll restarts, a group-stopped thread is PTRACE_LISTENed again).
 * A thread held by -e inject's delay is in a ptrace-stop already, and
 * stays there: it is dumped at once.
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "emul/wait.h"
#include "guest_mem.h"
#include "log.h"
#include "options.h"
#include "resume.h"
#include "task.h"
#include "report/backtrace.h"
#include "report/dump.h"
#include "trace/decode.h"
#include "trace/delay.h"
#include "trace/tracing.h"

/* After the timeout, how long threads get to report their dump before the kill. */
#define DUMP_GRACE_NS 2000000000LL

/* A thread whose dump is awaited at its next stop. */
struct pending {
	pid_t tid;
	char *what; /* "nanosleep(...) for 1.0 s <emulated>" */
};

enum phase { IDLE, TIMEOUT_DUMPING, KILLING };

static struct {
	int timer_fd;
	int signal;
	long long timeout_ns;
	enum phase phase;
	struct pending *v;
	size_t n;
} dump = {.timer_fd = -1};

/* An open trace line there is closed first (" <unfinished ...>"). */
static FILE *out(void)
{
	FILE *f = diag ? diag : stderr;

	tracing_aside(f);
	return f;
}

/* "name(args...)": entry decoding leaves output arguments out; say so. */
static void format_call(pid_t tid, long nr, const uint64_t args[6], char *buf, size_t len)
{
	struct trace_mem mem = {.read = guest_read_upto, .ctx = (void *)(intptr_t)tid};
	struct decode_opts o = {.strsize = 32};
	size_t n = decode_syscall_enter(nr, args, &mem, &o, buf, len);

	if (n >= 2 && !strcmp(buf + n - 2, ", "))
		snprintf(buf + n, len - n, "...)");
	else if (n && buf[n - 1] != ')')
		snprintf(buf + n, len - n, ")");
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(ts_to_ns(&now) - ts_to_ns(start)) / 1e9;
}

static char *describe_emulated(const struct task *t)
{
	const struct ewait *ew = t->wait;
	char call[512], *s = NULL;

	format_call(t->tid, ew->nr, ew->args, call, sizeof(call));
	if (asprintf(&s, "%s for %.1f s <emulated>", call, seconds_since(&ew->start)) < 0)
		return NULL;
	return s;
}

/* The "se.exec_start" of a /proc .../sched file, in ms; < 0 if unknown. */
static double exec_start_ms(const char *path)
{
	char line[256];
	double ms = -1;
	FILE *f = fopen(path, "re");

	while (f && fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "se.exec_start", 13) && strchr(line, ':')) {
			ms = strtod(strchr(line, ':') + 1, NULL);
			break;
		}
	}
	if (f)
		fclose(f);
	return ms;
}

/*
 * How long a thread blocked in a real call has not run: the kernel
 * keeps no start time for a call, but the scheduler keeps when the
 * thread last ran (se.exec_start).  That clock is per CPU and the
 * CPUs' clocks differ (by seconds in a VM), so "now" is read from our
 * own thread on the CPU the thread last ran on.  < 0 if unknown.
 */
static double off_cpu_seconds(pid_t tid)
{
	cpu_set_t old, one;
	char path[64];
	double then, now = -1;
	int cpu = task_last_cpu(tid);

	if (cpu < 0 || cpu >= CPU_SETSIZE || sched_getaffinity(0, sizeof(old), &old) < 0)
		return -1;
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	snprintf(path, sizeof(path), "/proc/%d/sched", (int)tid);
	then = exec_start_ms(path);
	if (then >= 0 && sched_setaffinity(0, sizeof(one), &one) == 0) {
		now = exec_start_ms("/proc/thread-self/sched");
		sched_setaffinity(0, sizeof(old), &old);
	}
	if (then < 0 || now < then)
		return -1;
	return (now - then) / 1000;
}

/*
 * /proc/TID/syscall: "running", or "-1 sp pc" (blocked outside a
 * syscall, e.g. a page fault), or "nr arg1 ... arg6 sp pc".
 */
static char *describe_native(pid_t tid)
{
	char line[512], call[512], wchan[128], *s = NULL;
	uint64_t a[6];
	double off;
	long nr;

	proc_read_line(tid, "syscall", line, sizeof(line));
	if (!strcmp(line, "running"))
		return strdup("running");
	proc_read_line(tid, "wchan", wchan, sizeof(wchan));
	if (!wchan[0] || !strcmp(wchan, "0"))
		snprintf(wchan, sizeof(wchan), "?");
	if (sscanf(line, "%ld %" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64,
		   &nr, &a[0], &a[1], &a[2], &a[3], &a[4], &a[5]) != 7) {
		if (asprintf(&s, "blocked outside a syscall <wchan %s>", wchan) < 0)
			return NULL;
		return s;
	}
	format_call(tid, nr, a, call, sizeof(call));
	off = off_cpu_seconds(tid);
	if (off >= 0 && asprintf(&s, "%s for %.1f s <wchan %s>", call, off, wchan) < 0)
		return NULL;
	if (off < 0 && asprintf(&s, "%s <wchan %s>", call, wchan) < 0)
		return NULL;
	return s;
}

/* A stopped thread may still owe its call: it goes on after SIGCONT. */
static char *describe_stopped(const struct task *t)
{
	char *call = t->wait ? describe_emulated(t) : NULL, *s = NULL;

	if (asprintf(&s, "stopped (group-stop)%s%s", call ? " in " : "", call ? call : "") < 0)
		s = NULL;
	free(call);
	return s;
}

static char *describe(const struct task *t)
{
	if (t->flags & TASK_LISTENING)
		return describe_stopped(t);
	if (t->wait)
		return describe_emulated(t);
	return describe_native(t->tid);
}

static void pending_clear(void)
{
	for (size_t i = 0; i < dump.n; i++)
		free(dump.v[i].what);
	free(dump.v);
	dump.v = NULL;
	dump.n = 0;
}

static struct pending *pending_find(pid_t tid)
{
	for (size_t i = 0; i < dump.n; i++)
		if (dump.v[i].tid == tid)
			return &dump.v[i];
	return NULL;
}

static void pending_drop(struct pending *p)
{
	free(p->what);
	*p = dump.v[--dump.n];
}

static void print_thread(FILE *f, pid_t tid, pid_t tgid, const char *what);

/* A thread an inject delay holds: already stopped, no interrupt to wait for. */
static bool dump_held(struct task *t)
{
	int64_t left;
	char *what = NULL, *call;

	if (!delay_held(t->tid, &left))
		return false;
	call = describe_native(t->tid);
	if (asprintf(&what, "%s (held by -e inject's delay, %.3f s left)", call ? call : "?",
		     (double)left / 1e9) < 0)
		what = NULL;
	print_thread(out(), t->tid, t->proc->tgid, what);
	fflush(out());
	free(what);
	free(call);
	return true;
}

static void request_one(struct task *t, void *arg)
{
	struct pending *v;

	(void)arg;
	if (dump_held(t))
		return;
	v = realloc(dump.v, (dump.n + 1) * sizeof(*v));
	if (!v)
		return;
	dump.v = v;
	v[dump.n].tid = t->tid;
	v[dump.n].what = describe(t);
	/*
	 * ESRCH: exiting, its exit status comes next.  Otherwise the stop
	 * follows; a thread that stops for another reason first is dumped
	 * there, and the trap still pending is handled like any of ours.
	 */
	if (interrupt(t) < 0) {
		free(v[dump.n].what);
		return;
	}
	dump.n++;
}

static void request(const char *why)
{
	pending_clear();
	fprintf(out(), "ptsandbox: %s: dumping %d guest thread%s\n", why, task_count(),
		task_count() == 1 ? "" : "s");
	fflush(out());
	task_for_each(request_one, NULL);
}

void dump_request(const char *why)
{
	request(why);
}

int dump_pending(void)
{
	return (int)dump.n;
}

static void print_thread(FILE *f, pid_t tid, pid_t tgid, const char *what)
{
	char comm[64];

	proc_read_line(tid, "comm", comm, sizeof(comm));
	fprintf(f, "ptsandbox: thread %d (%s)", (int)tid, comm);
	if (tgid != tid)
		fprintf(f, " of pid %d", (int)tgid);
	fprintf(f, ": %s\n", what ? what : "?");
	backtrace_print(f, tid, "    ");
}

void dump_at_stop(struct task *t)
{
	struct pending *p;
	char *text = NULL;
	size_t len = 0;
	FILE *mem;

	if (!dump.n)
		return;
	p = pending_find(t->tid);
	if (!p)
		return;
	/* One block per thread: others may be written in between. */
	mem = open_memstream(&text, &len);
	if (mem) {
		print_thread(mem, t->tid, t->proc->tgid, p->what);
		if (fclose(mem) == 0)
			fwrite(text, 1, len, out());
		free(text);
	}
	fflush(out());
	pending_drop(p);
}

void dump_task_gone(int tid)
{
	struct pending *p = dump.n ? pending_find(tid) : NULL;

	if (p)
		pending_drop(p);
}

static int arm(long long ns)
{
	struct itimerspec its = {.it_value = ns_to_ts(ns)};

	return timerfd_settime(dump.timer_fd, 0, &its, NULL);
}

int dump_init(const struct options *opts)
{
	dump.signal = opts->dump_signal;
	dump.timeout_ns = opts->timeout_ns;
	if (!opts->timeout_ns)
		return -1;
	dump.timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	if (dump.timer_fd < 0 || arm(opts->timeout_ns) < 0) {
		psb_perror("cannot set up --timeout");
		return -1;
	}
	return dump.timer_fd;
}

int dump_signal(void)
{
	return dump.signal;
}

bool dump_on_signal(int sig)
{
	char why[64];

	if (!dump.signal || sig != dump.signal)
		return false;
	/* The timeout's dump is under way: that one is complete anyway. */
	if (dump.phase == IDLE) {
		snprintf(why, sizeof(why), "SIG%s", sigabbrev_np(sig) ? sigabbrev_np(sig) : "?");
		request(why);
	}
	return true;
}

static void kill_proc_tree(void)
{
	for (struct proc *p = proc_first(); p; p = p->next)
		if (kill(p->tgid, SIGKILL) < 0 && errno != ESRCH)
			psb_perror("cannot kill pid %d", (int)p->tgid);
}

static void start_killing(void)
{
	dump.phase = KILLING;
	pending_clear();
	kill_proc_tree();
}

void dump_timer_expired(void)
{
	uint64_t count;
	char why[64];

	if (read(dump.timer_fd, &count, sizeof(count)) != sizeof(count))
		return;
	if (dump.phase == TIMEOUT_DUMPING) {
		/* A thread never stopped: kill without its backtrace. */
		fprintf(out(), "ptsandbox: %zu thread%s did not stop for the dump\n", dump.n,
			dump.n == 1 ? "" : "s");
		start_killing();
		return;
	}
	if (dump.phase != IDLE)
		return;
	dump.phase = TIMEOUT_DUMPING;
	snprintf(why, sizeof(why), "timed out after %.3g s", (double)dump.timeout_ns / 1e9);
	request(why);
	arm(DUMP_GRACE_NS);
}

void dump_progress(void)
{
	if (dump.phase == TIMEOUT_DUMPING && !dump.n)
		start_killing();
	/* Again each time: children the guest forked meanwhile die too. */
	else if (dump.phase == KILLING)
		kill_proc_tree();
}

bool dump_timed_out(void)
{
	return dump.phase != IDLE;
}
