// SPDX-License-Identifier: MIT
/*
 * strace-style tracing of the guest (--trace, -c, -k, -ff, -t, -T).
 *
 * Lines follow strace's conventions so that its readers and tools
 * apply: the entry half of a call is printed at once and the line stays
 * open, however long the call (emulated or not) takes; only if another
 * line must go out first (another task's, a signal's, a report) is the
 * half line closed with " <unfinished ...>" and the rest comes later
 * as "<... name resumed>".  " = ret" starts at column 40 when the call
 * is shorter.  Calls that ptsandbox emulated end with " <emulated>", so
 * a reader sees which results came from the supervisor rather than
 * from the kernel, and an interrupted one shows the kernel's own
 * result (trace/interrupted.c), not the emulation's restart code.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/ptrace.h>

#include "arch/arch.h"
#include "guest_mem.h"
#include "log.h"
#include "options.h"
#include "resume.h"
#include "seccomp_filter.h"
#include "task.h"
#include "emul/wait.h"
#include "signals/sigstate.h"
#include "report/backtrace.h"
#include "report/crash.h"
#include "trace/decode.h"
#include "trace/decode_ext.h"
#include "trace/delay.h"
#include "trace/inject.h"
#include "trace/interrupted.h"
#include "trace/sockinfo.h"
#include "trace/ptrace_note.h"
#include "trace/tracefmt.h"
#include "trace/tracing.h"

/* What -e inject did to a call: its line's " (INJECTED...)" and " (DELAYED)". */
enum { INJ_RETVAL = 1, INJ_ARGS = 2, INJ_DELAYED = 4 };

/* One traced thread's call in progress (struct task's trace). */
struct tstate {
	FILE *f;       /* -ff: this task's FILE.PID, opened on first use */
	bool active;   /* entered, line not finished yet */
	bool parked;   /* emulated wait: no exit stop, settled by the emulation */
	bool emulated; /* the result is (or will be) ptsandbox's */
	bool open;     /* entry printed, no newline yet */
	bool rerun;    /* settled as "run it again natively": expect its stop */
	long nr;
	uint64_t args[6];
	struct decode_saved saved; /* value-result arguments at entry */
	struct timespec start;
	size_t col; /* width of the open line */
	char *held; /* -z/-Z/-e status=: the entry half, printed with its result */
	size_t held_len;
	void *inject_counters;	      /* -e inject: invocations per rule and syscall */
	unsigned int inject_mark;     /* INJ_*: what was done to the call at this seccomp stop */
	unsigned int injected;	      /* INJ_*: what this call's line says was done to it */
	int inject_sig;		      /* sent at the call's entry: made SI_KERNEL at its delivery */
	struct inject_action delayed; /* matched, its delay_enter under way */
	unsigned int delayed_mark;    /* INJ_* done before it (poke_enter=) */
	bool entry_delayed;	      /* so the seccomp stop's second handling uses it */
	bool entry_shown;	      /* its line opened when the delay began, as strace's */
	/* To do at the call's exit (its exit stop, or its parked wait's end): */
	bool exit_ret; /* syscall=: the replacement ran, give back exit_retval */
	int64_t exit_retval;
	const struct inject_poke *exit_poke; /* poke_exit= */
	bool exit_delay;		     /* delay_exit=: hold its next resume */
	int64_t exit_delay_ns;
	bool hold_armed;       /* exit done: the next resume of t is held exit_delay_ns */
	uint64_t ip;	       /* -i: after the call's syscall instruction */
	uint64_t exit_args[6]; /* the injected call's arguments, for poke_exit= */
	long exit_nr;
};

struct callstat {
	unsigned long calls, errors;
	int64_t ns;
};

static struct {
	bool on;
	bool lines; /* false with -c: only the table */
	const struct options *o;
	struct sysset set;
	struct decode_opts dopts;
	bool multi;	   /* more than one task has existed: "[pid N] " */
	struct task *open; /* shared stream: whose line has no newline yet */
	char *buf;	   /* a line being built */
	size_t buflen;
	struct callstat *stats; /* -c, indexed by syscall number */
	uint64_t signals;	/* -e signal=: bit sig-1 set if its lines are shown */
	int64_t last_ns;	/* -r: when the previous line was printed */
	const char *paths[32];	/* -P: each path, and its real path if different */
	int npaths;
	char *real_paths[16]; /* the real paths above, to free */
	int nreal;
	uint8_t *read_fds, *write_fds; /* -e read=, -e write=: DECODE_FDSET_MAX bits */
	struct sysset raw;	       /* -e raw= */
	struct sysset abbrev;	       /* -e abbrev=, -v */
	struct sysset verbose;	       /* -e verbose= */
} tr;

/* -yy: what the guest's socket fd is, from a duplicate of it. */
static ssize_t describe_socket(pid_t tid, int fd, unsigned long ino, char *buf, size_t len)
{
	struct task *t = task_find(tid);
	int pidfd = t ? proc_pidfd(t->proc) : -1, dup;
	ssize_t n;

	if (pidfd < 0 || (dup = guest_fd_dup(pidfd, fd)) < 0)
		return -1;
	n = sock_describe(dup, tid, ino, buf, len);
	close(dup);
	return n;
}

/* -y: /proc/TID/fd/FD's link, what strace shows in <...>. */
static ssize_t fd_path(void *ctx, int fd, char *buf, size_t len)
{
	char link[64];

	unsigned long ino;
	ssize_t n, d;
	char *end;

	if (fd == AT_FDCWD)
		snprintf(link, sizeof(link), "/proc/%d/cwd", (int)(intptr_t)ctx);
	else
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)(intptr_t)ctx, fd);
	n = readlink(link, buf, len);
	if (n <= 0 || tr.o->st.decode_fds < 2)
		return n;
	/* -yy: a device's numbers, "/dev/null<char 1:3>". */
	if (strncmp(buf, "socket:[", 8)) {
		struct stat st;
		int w;

		if (stat(link, &st) < 0 || !(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
			return n;
		w = snprintf(buf + n, len - (size_t)n, "<%s %u:%u>",
			     S_ISCHR(st.st_mode) ? "char" : "block", major(st.st_rdev),
			     minor(st.st_rdev));
		return w > 0 && (size_t)w < len - (size_t)n ? n + w : n;
	}
	/* -yy: "socket:[INO]" becomes what the socket is, when known. */
	buf[n < (ssize_t)len ? n : (ssize_t)len - 1] = '\0';
	ino = strtoul(buf + 8, &end, 10);
	if (*end != ']')
		return n;
	d = describe_socket((pid_t)(intptr_t)ctx, fd, ino, buf, len);
	return d > 0 ? d : n;
}

static int64_t now_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void sysset_union(struct sysset *into, const struct sysset *from)
{
	if (from->all)
		into->all = true;
	for (long nr = 0; nr < SYSSET_MAX; nr++)
		if (sysset_has(from, nr))
			sysset_add(into, nr);
}

/* -e signal=SET: names or numbers, "all", "none", "!" negates. */
static int parse_signals(const char *set, uint64_t *mask)
{
	bool neg = *set == '!';
	char *copy, *tok, *save = NULL;
	int rc = 0;

	if (neg)
		set++;
	*mask = 0;
	copy = strdup(set);
	if (!copy)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int sig;

		if (!strcmp(tok, "all")) {
			*mask = ~0ull;
			continue;
		}
		if (!strcmp(tok, "none"))
			continue;
		sig = signal_parse(tok);
		if (sig < 1 || sig > 64) {
			psb_error("invalid signal name '%s'", tok);
			rc = -1;
			break;
		}
		*mask |= 1ull << (sig - 1);
	}
	free(copy);
	if (neg)
		*mask = ~*mask;
	return rc;
}

/*
 * -P PATH: the path as given, and where it leads if that differs
 * (strace says so on stderr), since descriptors show the real path.
 */
static int resolve_paths(const struct options *o)
{
	tr.npaths = 0;
	for (int i = 0; i < o->st.npaths; i++) {
		char *real = realpath(o->st.paths[i], NULL);

		tr.paths[tr.npaths++] = o->st.paths[i];
		if (!real)
			continue;
		if (strcmp(real, o->st.paths[i])) {
			psb_error("Requested path \"%s\" resolved into \"%s\"", o->st.paths[i],
				  real);
			tr.paths[tr.npaths++] = real;
			tr.real_paths[tr.nreal++] = real;
		} else {
			free(real);
		}
	}
	return 0;
}

/* -e read=SET: descriptor numbers, "all", "none", "!" negates. */
static int parse_fds(const char *set, uint8_t **out)
{
	bool neg = *set == '!';
	char *copy, *tok, *save = NULL, *end;
	uint8_t *bits;
	int rc = 0;

	if (!set)
		return 0;
	bits = calloc(DECODE_FDSET_MAX / 8, 1);
	copy = strdup(neg ? set + 1 : set);
	if (!bits || !copy) {
		free(bits);
		free(copy);
		return -1;
	}
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		long fd = strtol(tok, &end, 10);

		if (!strcmp(tok, "all")) {
			memset(bits, 0xff, DECODE_FDSET_MAX / 8);
		} else if (strcmp(tok, "none")) {
			if (!*tok || *end || fd < 0 || fd >= DECODE_FDSET_MAX) {
				psb_error("invalid descriptor '%s'", tok);
				rc = -1;
				break;
			}
			bits[fd / 8] |= (uint8_t)(1u << (fd % 8));
		}
	}
	if (neg)
		for (int i = 0; i < DECODE_FDSET_MAX / 8; i++)
			bits[i] = (uint8_t)~bits[i];
	free(copy);
	if (rc < 0)
		free(bits);
	else
		*out = bits;
	return rc;
}

static resume_hold_fn hold_resume;

int tracing_init(const struct options *o, struct sysset *filter)
{
	char err[256];

	ptrace_note_init(filter);
	task_set_release(tracing_task_free);
	if (!o->trace)
		return 0;
	sysset_clear(&tr.set);
	if (trace_set_parse(o->trace, &tr.set, err, sizeof(err)) < 0) {
		psb_error("%s", err);
		return -1;
	}
	/* Strings are quoted up to 4 bytes per byte; leave room for the rest. */
	tr.buflen = 16384 + (size_t)o->strsize * 8;
	tr.buf = malloc(tr.buflen);
	if (o->summary)
		tr.stats = calloc(SYSSET_MAX, sizeof(*tr.stats));
	if (!tr.buf || (o->summary && !tr.stats)) {
		psb_error("out of memory");
		return -1;
	}
	if (resolve_paths(o) < 0)
		return -1;
	tr.signals = ~0ull;
	if (o->st.signals && parse_signals(o->st.signals, &tr.signals) < 0)
		return -1;
	if (inject_init(o, filter) < 0)
		return -1;
	if (inject_has_delays())
		resume_set_hold(hold_resume);
	if ((o->st.read_fds && parse_fds(o->st.read_fds, &tr.read_fds) < 0) ||
	    (o->st.write_fds && parse_fds(o->st.write_fds, &tr.write_fds) < 0))
		return -1;
	tr.o = o;
	tr.dopts.strsize = o->strsize;
	tr.dopts.align = o->st.align ? o->st.align : 1;
	tr.dopts.decode_fds = o->st.decode_fds;
	if (o->st.raw) {
		if (trace_set_parse(o->st.raw, &tr.raw, err, sizeof(err)) < 0) {
			psb_error("%s", err);
			return -1;
		}
		tr.dopts.raw = &tr.raw;
	}
	if (o->st.abbrev) {
		if (trace_set_parse(o->st.abbrev, &tr.abbrev, err, sizeof(err)) < 0) {
			psb_error("%s", err);
			return -1;
		}
		tr.dopts.abbrev = &tr.abbrev;
	}
	if (o->st.verbose) {
		if (trace_set_parse(o->st.verbose, &tr.verbose, err, sizeof(err)) < 0) {
			psb_error("%s", err);
			return -1;
		}
		tr.dopts.verbose = &tr.verbose;
	}
	decode_set_hex_strings(o->st.hex);
	decode_set_const_style(o->st.const_style);
	tr.lines = !o->summary || o->st.with_lines;
	tr.on = true;
	sysset_union(filter, &tr.set);
	return 0;
}

/* ---- per-task state and output streams ---- */

static struct tstate *state_of(struct task *t)
{
	if (!t->trace)
		t->trace = calloc(1, sizeof(struct tstate));
	return t->trace;
}

static FILE *shared_out(void)
{
	return diag ? diag : stderr;
}

/* -ff: FILE.TID, as strace names them (one per thread). */
static FILE *out_of(struct task *t, struct tstate *s)
{
	char path[4096];

	if (!tr.o->per_process)
		return shared_out();
	if (s->f)
		return s->f;
	snprintf(path, sizeof(path), "%s.%d", tr.o->output, (int)t->tid);
	s->f = fopen(path, tr.o->st.append ? "ae" : "we");
	if (!s->f) {
		psb_perror("cannot open '%s'", path);
		s->f = stderr;
	} else {
		setvbuf(s->f, NULL, _IOLBF, BUFSIZ);
	}
	return s->f;
}

/*
 * t (NULL: nobody's) prints on the shared stream: end another task's
 * half line, whose call will be "<... name resumed>".  With -ff every
 * file has a single writer and lines stay whole.
 */
static void close_open_line(struct task *t)
{
	if (tr.o->per_process || !tr.open || tr.open == t)
		return;
	fputs(" <unfinished ...>\n", shared_out());
	tr.open->trace->open = false;
	tr.open = NULL;
}

/* "[pid %5d] " into buf, without a printf on every line. */
static size_t pid_prefix(pid_t tid, char *buf)
{
	unsigned int v = (unsigned int)tid;
	char digits[12];
	size_t n = 0, width;

	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10));
	width = n < 5 ? 5 : n;
	memcpy(buf, "[pid ", 5);
	memset(buf + 5, ' ', width - n);
	for (size_t i = 0; i < n; i++)
		buf[5 + width - 1 - i] = digits[i];
	memcpy(buf + 5 + width, "] ", 3);
	return 5 + width + 2;
}

/* strace -f -o's "PID " (left-aligned in 5 columns) on every line. */
static size_t pid_column(pid_t tid, char *buf)
{
	unsigned int v = (unsigned int)tid;
	char digits[12];
	size_t n = 0, width;

	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10));
	for (size_t i = 0; i < n; i++)
		buf[i] = digits[n - 1 - i];
	width = n < 5 ? 5 : n;
	memset(buf + n, ' ', width - n + 1);
	buf[width + 1] = '\0';
	return width + 1;
}

/* -t, -tt, -ttt: the time of day; -r: the time since the previous line. */
static size_t time_stamp(char *buf, size_t len)
{
	struct timespec ts;
	struct tm tm;
	size_t n = 0;

	if (tr.o->st.relative) {
		int64_t now = now_ns(CLOCK_MONOTONIC), d = tr.last_ns ? now - tr.last_ns : 0;

		tr.last_ns = now;
		return (size_t)snprintf(buf, len, "%6lld.%06lld ", (long long)(d / 1000000000),
					(long long)(d % 1000000000 / 1000));
	}
	if (!tr.o->timestamps)
		return 0;
	clock_gettime(CLOCK_REALTIME, &ts);
	if (tr.o->timestamps == 3)
		return (size_t)snprintf(buf, len, "%lld.%06ld ", (long long)ts.tv_sec,
					ts.tv_nsec / 1000);
	localtime_r(&ts.tv_sec, &tm);
	n = strftime(buf, len, "%H:%M:%S", &tm);
	if (tr.o->timestamps == 2)
		n += (size_t)snprintf(buf + n, len - n, ".%06ld", ts.tv_nsec / 1000);
	return n + (size_t)snprintf(buf + n, len - n, " ");
}

/*
 * The pid ("PID " with -f -o FILE, else "[pid N] " once there is more
 * than one task, none with -ff), the -t/-tt/-ttt/-r time stamp and
 * -n's syscall number nr (of the task's last call on event lines).
 * Returns the length.
 */
static size_t prefix(pid_t tid, long nr, const uint64_t *ip, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	if (tr.o->per_process)
		;
	else if (tr.o->follow && tr.o->output)
		n = pid_column(tid, buf);
	else if (tr.multi)
		n = pid_prefix(tid, buf);
	n += time_stamp(buf + n, len - n);
	if (tr.o->st.numbers && n < len)
		n += (size_t)snprintf(buf + n, len - n, "[%4ld] ", nr < 0 ? 0 : nr);
	/* -i: where the thread is; exit lines have no such place. */
	if (tr.o->st.ip && n < len) {
		if (ip)
			n += (size_t)snprintf(buf + n, len - n, "[%016" PRIx64 "] ", *ip);
		else
			n += (size_t)snprintf(buf + n, len - n, "[????????????????] ");
	}
	return n;
}

/*
 * t's own line is open, but something else of t's must be printed
 * first (a stop signal's line while its emulated call waits on): end
 * the half line, the call will be "<... name resumed>".
 */
static void split_own_line(struct task *t)
{
	struct tstate *s = t->trace;

	if (!s || !s->open)
		return;
	fputs(" <unfinished ...>\n", out_of(t, s));
	s->open = false;
	if (tr.open == t)
		tr.open = NULL;
}

/* A whole line that belongs to no call: signals, exits. */
static void print_event(struct task *t, pid_t tid, const uint64_t *ip, const char *text)
{
	FILE *f;

	if (!tr.lines)
		return;
	f = t && state_of(t) ? out_of(t, t->trace) : shared_out();
	if (t) {
		split_own_line(t);
		close_open_line(t);
	} else if (tr.open && !tr.o->per_process) {
		close_open_line(NULL);
	}
	prefix(tid, t && t->trace ? t->trace->nr : 0, ip, tr.buf, tr.buflen);
	fprintf(f, "%s%s\n", tr.buf, text);
	fflush(f);
}

/* ---- syscall lines ---- */

/* isatty() once per FILE, not once per call. */
static bool on_terminal(FILE *f)
{
	static FILE *last;
	static bool tty;

	if (f != last) {
		last = f;
		tty = isatty(fileno(f));
	}
	return tty;
}

/*
 * -z, -Z, -e status=: whether a call is shown depends on its result,
 * so its entry half is kept (s->held) until then, as strace does.
 */
static bool hold_entry(struct tstate *s, size_t n)
{
	char *p = realloc(s->held, n + 1);

	if (!p)
		return false;
	memcpy(p, tr.buf, n + 1);
	s->held = p;
	s->held_len = n;
	s->col = n;
	return true;
}

/* Is a call that ended so shown under -e status=? */
static bool status_shown(int64_t ret, bool known)
{
	unsigned int cls;

	if (!tr.o->st.status)
		return true;
	if (!known)
		cls = STATUS_UNFINISHED | STATUS_UNAVAILABLE;
	else
		cls = ret < 0 && ret >= -4095 ? STATUS_FAILED : STATUS_SUCCESSFUL;
	return tr.o->st.status & cls;
}

static void print_entry(struct task *t, struct tstate *s)
{
	const struct trace_mem mem = {guest_read_upto, (void *)(intptr_t)t->tid, fd_path};
	FILE *f = out_of(t, s);
	size_t n;

	n = prefix(t->tid, s->nr, &s->ip, tr.buf, tr.buflen);
	n += decode_syscall_enter_saving(s->nr, s->args, &mem, &tr.dopts, &s->saved, tr.buf + n,
					 tr.buflen - n);
	if (tr.o->st.status && hold_entry(s, n))
		return;
	close_open_line(t);
	fputs(tr.buf, f);
	s->col = n;
	s->open = true;
	if (!tr.o->per_process)
		tr.open = t;
	/*
	 * On a terminal the half line shows what a thread is blocked in;
	 * into a file, like strace, whole lines only: one write per call.
	 */
	if (on_terminal(f))
		fflush(f);
}

static void count_call(long nr, int64_t ret, bool known, int64_t ns)
{
	struct callstat *c;

	if (!tr.stats || !known || nr < 0 || nr >= SYSSET_MAX)
		return;
	c = &tr.stats[nr];
	c->calls++;
	if (ret < 0 && ret >= -4095)
		c->errors++;
	c->ns += ns;
}

static const char *call_name(long nr)
{
	const char *name = arch_syscall_name(nr);

	return name ? name : "syscall";
}

/* Only -c and -T need a call's duration: no clock reads otherwise. */
static bool timed(void)
{
	return tr.stats || tr.o->durations;
}

static int64_t elapsed_ns(const struct tstate *s)
{
	return now_ns(CLOCK_MONOTONIC) - (s->start.tv_sec * 1000000000 + s->start.tv_nsec);
}

/* The exit half of a call whose result is unknown: ")", then "= ?" aligned. */
static size_t unknown_result(char *buf, size_t len, size_t col)
{
	size_t align = tr.dopts.align;
	size_t pad = col + 1 < align ? align - col - 1 : 1;
	int n = snprintf(buf, len, ")%*s= ?", (int)pad, "");

	return n < 0 ? 0 : (size_t)n < len ? (size_t)n : len - 1;
}

#define LINE_TAIL_MAX 64 /* room kept for line_tail() */

/* " <duration>", " <emulated>" and the newline: at most LINE_TAIL_MAX bytes. */
static size_t line_tail(const struct tstate *s, bool known, int64_t ns, char *buf, size_t len)
{
	static const char *const marks[] = {"", " (INJECTED)", " (INJECTED: args)",
					    " (INJECTED: args, retval)"};
	const char *emulated = s->emulated ? " <emulated>" : "";
	const char *injected = known ? marks[s->injected & (INJ_RETVAL | INJ_ARGS)] : "";
	const char *delayed = known && (s->injected & INJ_DELAYED) ? " (DELAYED)" : "";
	int w;

	if (!tr.o->durations || !known)
		w = snprintf(buf, len, "%s%s%s\n", injected, delayed, emulated);
	else
		w = snprintf(buf, len, "%s%s <%" PRId64 ".%06" PRId64 ">%s\n", injected, delayed,
			     ns / 1000000000, ns % 1000000000 / 1000, emulated);
	return w < 0 ? 0 : (size_t)w < len ? (size_t)w : len - 1;
}

/*
 * The line's second half; known: ret is the call's result, else "?".
 * Built whole in tr.buf and written at once: the entry half, if still
 * open, is in the stream's buffer, so a line costs one write(2).
 */
static void finish_call(struct task *t, struct tstate *s, int64_t ret, bool known)
{
	const struct trace_mem mem = {guest_read_upto, (void *)(intptr_t)t->tid, fd_path};
	int64_t ns = timed() ? elapsed_ns(s) : 0;
	FILE *f = out_of(t, s);
	size_t n = 0, col, room;

	s->active = false;
	s->parked = false;
	count_call(s->nr, ret, known, ns);
	if (!tr.lines)
		return;
	if (s->held) {
		bool shown = status_shown(ret, known);

		if (shown) {
			close_open_line(t);
			memcpy(tr.buf, s->held, s->held_len);
		}
		n = s->held_len;
		col = s->col;
		free(s->held);
		s->held = NULL;
		if (!shown)
			return;
	} else if (s->open) {
		col = s->col;
	} else {
		close_open_line(t);
		n = prefix(t->tid, s->nr, &s->ip, tr.buf, tr.buflen);
		n += (size_t)snprintf(tr.buf + n, tr.buflen - n, "<... %s resumed>",
				      call_name(s->nr));
		col = n;
	}
	room = tr.buflen - LINE_TAIL_MAX - n;
	s->saved.injected = s->injected & INJ_RETVAL;
	if (known)
		n += decode_syscall_exit_saved(s->nr, s->args, ret, &mem, &tr.dopts, &s->saved, col,
					       tr.buf + n, room);
	else
		n += unknown_result(tr.buf + n, room, col);
	n += line_tail(s, known, ns, tr.buf + n, tr.buflen - n);
	fwrite(tr.buf, 1, n, f);
	s->open = false;
	if (tr.open == t)
		tr.open = NULL;
	if (known && (tr.read_fds || tr.write_fds))
		decode_dump_io(s->nr, s->args, ret, &mem, tr.read_fds, tr.write_fds, f);
	if (tr.o->stack_trace && known)
		backtrace_print_strace(f, t->tid);
	fflush(f);
}

/* -P: the call names one of the paths (checked at entry, as strace does). */
static bool touches_paths(struct task *t, const struct ptrace_syscall_info *info)
{
	const struct trace_mem mem = {guest_read_upto, (void *)(intptr_t)t->tid, fd_path};
	uint64_t args[6];

	memcpy(args, info->seccomp.args, sizeof(args));
	return decode_syscall_touches((long)info->seccomp.nr, args, &mem, tr.paths, tr.npaths);
}

static long sigreturn_nr(void)
{
	static long nr = -2;

	if (nr == -2)
		nr = arch_syscall_lookup("rt_sigreturn");
	return nr;
}

void tracing_seccomp_stop(struct task *t, const struct ptrace_syscall_info *info, bool emulated,
			  bool parked)
{
	long nr = (long)info->seccomp.nr;
	struct tstate *s;
	unsigned int injected;

	ptrace_note_seccomp(info);
	if (!tr.on || !(s = state_of(t)))
		return;
	injected = s->inject_mark;
	s->inject_mark = 0;
	if (!sysset_has(&tr.set, nr))
		return;
	/* The same stop after its delay_enter=: the line was opened before it. */
	if (s->entry_shown) {
		s->entry_shown = false;
		if (s->active && s->nr == nr) {
			s->injected = injected | INJ_DELAYED;
			s->emulated = emulated;
			s->parked = parked;
			return;
		}
	}
	if (tr.o->st.npaths && !(s->rerun && s->nr == nr) && !touches_paths(t, info))
		return;
	/* The native re-execution of a settled wait: the same call goes on. */
	if (s->rerun && s->nr == nr) {
		s->rerun = false;
		s->active = true;
		return;
	}
	if (s->active)
		finish_call(t, s, 0, false);
	s->rerun = false;
	s->active = true;
	s->injected = injected;
	s->emulated = emulated;
	s->parked = parked;
	s->nr = nr;
	memcpy(s->args, info->seccomp.args, sizeof(s->args));
	s->ip = info->instruction_pointer;
	/* The decoder's way to the frame rt_sigreturn restores its mask from. */
	if (nr == sigreturn_nr())
		s->args[0] = arch_sigreturn_mask_addr(info->stack_pointer);
	if (timed())
		clock_gettime(CLOCK_MONOTONIC, &s->start);
	if (tr.lines)
		print_entry(t, s);
}

bool tracing_wants_exit_stop(const struct task *t)
{
	struct tstate *s;

	if (!tr.on || !t || !(s = t->trace))
		return false;
	/* A parked call's work is done when the emulation settles it. */
	return (s->active && !s->parked) ||
	       (!t->wait && (s->exit_ret || s->exit_poke || s->exit_delay));
}

/*
 * -e inject's work at the end of t's call, before its result is seen:
 * syscall='s replacement gives back the injected result, poke_exit=
 * writes, and delay_exit= holds the thread's next resume.
 */
static void inject_at_exit(struct task *t, struct tstate *s)
{
	if (s->exit_ret) {
		struct arch_regs regs;

		s->exit_ret = false;
		if (arch_get_regs(t->tid, &regs) == 0) {
			arch_regs_set_ret(&regs, s->exit_retval);
			arch_set_regs(t->tid, &regs);
		}
	}
	if (s->exit_poke) {
		if (inject_poke(t->tid, s->exit_nr, s->exit_args, s->exit_poke))
			s->injected |= INJ_ARGS;
		s->exit_poke = NULL;
	}
	if (s->exit_delay) {
		s->exit_delay = false;
		s->hold_armed = true;
	}
}

void tracing_syscall_exit(struct task *t)
{
	struct ptrace_syscall_info info;
	struct tstate *s = t->trace;

	if (!tr.on || !s)
		return;
	/* The exit of a parking ppoll is not the call's. */
	if (!t->wait)
		inject_at_exit(t, s);
	if (!s->active || s->parked)
		return;
	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(info), &info) <= 0 ||
	    info.op != PTRACE_SYSCALL_INFO_EXIT) {
		finish_call(t, s, 0, false);
		return;
	}
	finish_call(t, s, info.exit.rval, true);
}

void tracing_inject_siginfo(struct task *t, int sig, siginfo_t *si)
{
	struct tstate *s = t->trace;

	if (!tr.on || !s || !s->inject_sig || s->inject_sig != sig || si->si_code != SI_TKILL ||
	    si->si_pid != getpid())
		return;
	s->inject_sig = 0;
	/* What strace's carries: a signal resumed with from a syscall-stop is the kernel's own. */
	memset(si, 0, sizeof(*si));
	si->si_signo = sig;
	si->si_code = SI_KERNEL;
	ptrace(PTRACE_SETSIGINFO, t->tid, NULL, si);
}

/* Skipped at its seccomp stop: nr -1 (or syscall='s), the result in the return register. */
static bool inject_skip(struct task *t, struct tstate *s, const struct inject_action *act)
{
	struct arch_regs regs;

	if (arch_get_regs(t->tid, &regs) < 0)
		return false;
	arch_regs_set_nr(&regs, act->sysnr >= 0 ? act->sysnr : -1);
	arch_regs_set_ret(&regs, act->ret);
	if (arch_set_regs(t->tid, &regs) < 0)
		return false;
	/* The replacement's own result is overwritten at its exit. */
	s->exit_ret = act->sysnr >= 0;
	s->exit_retval = act->ret;
	return true;
}

/* poke_enter=, first of all (strace's entry line shows what it wrote): INJ_ARGS or 0. */
static unsigned int inject_enter_poke(struct task *t, struct tstate *s,
				      const struct inject_action *act,
				      const struct ptrace_syscall_info *info)
{
	memcpy(s->exit_args, info->seccomp.args, sizeof(s->exit_args));
	s->exit_nr = (long)info->seccomp.nr;
	if (act->poke_enter && inject_poke(t->tid, s->exit_nr, s->exit_args, act->poke_enter))
		return INJ_ARGS;
	return 0;
}

/* The rest of act, matched at this seccomp stop, now (after its delay_enter). */
static int inject_apply(struct task *t, struct tstate *s, const struct inject_action *act,
			unsigned int mark)
{
	if (act->delay_enter || act->delay_exit)
		mark |= INJ_DELAYED;
	/*
	 * Pending before the call starts, as strace's (queued when it
	 * resumes the entry stop): a blocking call returns at once.  A
	 * seccomp stop's resume cannot carry a signal, so it is sent now.
	 */
	s->inject_sig = 0;
	if (act->signal && syscall(SYS_tgkill, t->proc->tgid, t->tid, act->signal) == 0)
		s->inject_sig = act->signal;
	s->exit_poke = act->poke_exit;
	s->exit_delay = act->delay_exit;
	s->exit_delay_ns = act->delay_exit_ns;
	s->exit_ret = false;
	if (act->skip && inject_skip(t, s, act))
		mark |= INJ_RETVAL;
	s->inject_mark = mark;
	if (mark & INJ_RETVAL)
		return 1;
	/* Not emulated: the kernel's call sees the pending signal, as natively. */
	return s->inject_sig ? 2 : 0;
}

int tracing_inject(struct task *t, const struct ptrace_syscall_info *info)
{
	long nr = (long)info->seccomp.nr;
	struct inject_action act;
	unsigned int mark;
	struct tstate *s;

	/* Not a new invocation: the native rerun of a call the emulation settled. */
	if (!tr.on || !inject_enabled() || t->pass_once == nr || !(s = state_of(t)))
		return 0;
	if (s->entry_delayed) {
		/* The same stop again, its delay over: the call goes on. */
		s->entry_delayed = false;
		return inject_apply(t, s, &s->delayed, s->delayed_mark);
	}
	if (!inject_match(&s->inject_counters, nr, &act))
		return 0;
	mark = inject_enter_poke(t, s, &act, info);
	if (act.delay_enter && delay_hold(t->tid, act.delay_enter_ns, DELAY_ENTRY, 0)) {
		s->delayed = act;
		s->delayed_mark = mark;
		s->entry_delayed = true;
		/* strace prints the entry first: a thread killed meanwhile ends it "= ?". */
		tracing_seccomp_stop(t, info, false, false);
		s->entry_shown = s->active;
		return -1;
	}
	return inject_apply(t, s, &act, mark);
}

/* resume.c's hold: the first resume after a delay_exit= call's end waits. */
static bool hold_resume(struct task *t, int sig, bool entry)
{
	struct tstate *s = t->trace;

	if (!s || !s->hold_armed)
		return false;
	s->hold_armed = false;
	return delay_hold(t->tid, s->exit_delay_ns, entry ? DELAY_RESUME_ENTRY : DELAY_RESUME, sig);
}

int tracing_delay_fd(void)
{
	return tr.on && inject_has_delays() ? delay_fd() : -1;
}

void tracing_delays_expired(void (*seccomp_stop)(struct task *t))
{
	enum delay_kind kind;
	pid_t tid;
	int sig;

	if (!tr.on || !inject_has_delays())
		return;
	delay_ack();
	while (delay_due(&tid, &kind, &sig)) {
		struct task *t = task_find(tid);

		if (!t)
			continue;
		if (kind == DELAY_ENTRY)
			seccomp_stop(t);
		else
			resume_released(t, sig, kind == DELAY_RESUME_ENTRY);
	}
}

void tracing_emul_settled(struct task *t, int64_t ret, bool rerun)
{
	struct tstate *s = t->trace;

	if (!tr.on || !s)
		return;
	/* A rerun's own exit stop does it. */
	if (!rerun)
		inject_at_exit(t, s);
	if (!s->active || !s->parked)
		return;
	if (rerun) {
		/* Its seccomp stop comes next; that one's exit gives the result. */
		s->active = false;
		s->parked = false;
		s->rerun = true;
		return;
	}
	finish_call(t, s, trace_interrupted_ret(s->nr, s->args, ret), true);
}

/* Does delivering sig kill t's process (the default action terminates)? */
static bool signal_kills(pid_t tid, int sig)
{
	return crash_will_kill(tid, sig) && !sig_default_ignored(sig) && !sig_is_stop(sig) &&
	       sig != SIGCONT;
}

/*
 * A signal that kills the process ends a parked call first: natively
 * the call returned its restart code before the signal was delivered,
 * and strace prints "= ? ERESTART..." before the signal's line.
 * (With a handler the emulation settles the call itself.)
 */
static void end_parked_call(struct task *t, int sig)
{
	struct tstate *s = t->trace;

	if (!s || !s->active || !s->parked || !t->wait || !signal_kills(t->tid, sig))
		return;
	finish_call(t, s, trace_interrupted_ret(s->nr, s->args, -(int64_t)t->wait->restart), true);
}

/* -i: where t is at its signal-delivery-stop; NULL if unknown or not asked. */
static const uint64_t *signal_ip(struct task *t, uint64_t *ip)
{
	struct arch_regs regs;

	if (!tr.o->st.ip || arch_get_regs(t->tid, &regs) < 0)
		return NULL;
	*ip = arch_regs_ip(&regs);
	return ip;
}

void tracing_signal(struct task *t, const siginfo_t *si)
{
	char info[512], line[600];
	const char *name;
	uint64_t ip;

	if (!tr.on)
		return;
	end_parked_call(t, si->si_signo);
	if (!tr.lines || si->si_signo < 1 || si->si_signo > 64 ||
	    !(tr.signals & (1ull << (si->si_signo - 1))))
		return;
	decode_siginfo(si, info, sizeof(info));
	name = signal_name(si->si_signo);
	snprintf(line, sizeof(line), "--- %s %s ---", name ? name : "SIG???", info);
	print_event(t, t->tid, signal_ip(t, &ip), line);
	/* Where the thread was when the signal came, as strace -k shows. */
	if (tr.o->stack_trace) {
		FILE *f = state_of(t) ? out_of(t, t->trace) : shared_out();

		backtrace_print_strace(f, t->tid);
		fflush(f);
	}
}

void tracing_new_task(pid_t tid)
{
	(void)tid;
	tr.multi = true;
}

void tracing_task_exit(struct task *t, pid_t tid, int status)
{
	char line[128];
	const char *name;

	if (!tr.on)
		return;
	if (t && t->trace && t->trace->active)
		finish_call(t, t->trace, 0, false);
	/* -qq: no exit lines. */
	if (tr.o->st.quiet >= 2)
		return;
	if (WIFEXITED(status)) {
		/* -n: the exit line carries exit_group's number, as strace's. */
		if (t && t->trace && tr.o->st.numbers)
			t->trace->nr = arch_syscall_lookup("exit_group");
		snprintf(line, sizeof(line), "+++ exited with %d +++", WEXITSTATUS(status));
	} else {
		name = signal_name(WTERMSIG(status));
		snprintf(line, sizeof(line), "+++ killed by %s%s +++", name ? name : "SIG???",
			 WCOREDUMP(status) ? " (core dumped)" : "");
	}
	print_event(t, tid, NULL, line);
}

void tracing_superseded(struct task *old, pid_t former)
{
	char line[96];

	if (!tr.on || !old)
		return;
	if (old->trace && old->trace->active)
		finish_call(old, old->trace, 0, false);
	snprintf(line, sizeof(line), "+++ superseded by execve in pid %d +++", (int)former);
	print_event(old, old->tid, NULL, line);
}

void tracing_detached(struct task *t)
{
	struct tstate *s = t->trace;
	FILE *f;

	if (!tr.on || !s || !s->active)
		return;
	s->active = false;
	/* -e status=: the entry half was held; nothing of it was shown. */
	free(s->held);
	s->held = NULL;
	/* As strace: only a line still open ends so; "<unfinished ...>" ones stay. */
	if (!tr.lines || !s->open)
		return;
	f = out_of(t, s);
	fputs(" <detached ...>\n", f);
	fflush(f);
	s->open = false;
	if (tr.open == t)
		tr.open = NULL;
}

void tracing_aside(FILE *f)
{
	if (tr.on && tr.lines && f == shared_out())
		close_open_line(NULL);
}

void tracing_task_free(struct task *t)
{
	struct tstate *s = t->trace;

	if (tr.open == t)
		close_open_line(NULL);
	if (!s)
		return;
	if (s->f && s->f != stderr)
		fclose(s->f);
	free(s->held);
	delay_forget(t->tid);
	inject_free(&s->inject_counters);
	free(s);
	t->trace = NULL;
}

/* ---- -c ---- */

static int cmp_name(long a, long b)
{
	const char *x = arch_syscall_name(a), *y = arch_syscall_name(b);
	int d = strcmp(x ? x : "", y ? y : "");

	return d ? d : a < b ? -1 : 1;
}

/* -S: descending time (the default), calls or errors, else by name. */
static int cmp_rows(const void *a, const void *b)
{
	long ia = *(const long *)a, ib = *(const long *)b;
	const struct callstat *x = &tr.stats[ia];
	const struct callstat *y = &tr.stats[ib];

	switch (tr.o->st.sort_by) {
	case SORT_CALLS:
		if (x->calls != y->calls)
			return x->calls < y->calls ? 1 : -1;
		break;
	case SORT_ERRORS:
		if (x->errors != y->errors)
			return x->errors < y->errors ? 1 : -1;
		break;
	case SORT_NAME:
		return cmp_name(ia, ib);
	case SORT_NOTHING:
		return ia < ib ? -1 : 1;
	default:
		if (x->ns != y->ns)
			return x->ns < y->ns ? 1 : -1;
	}
	return ia < ib ? -1 : 1;
}

static void print_row(FILE *f, double pct, int64_t ns, unsigned long calls, unsigned long errors,
		      const char *name)
{
	char row[256];

	trace_format_summary_row(row, sizeof(row), pct, ns, calls, errors, name);
	fprintf(f, "%s\n", row);
}

static void print_summary(FILE *f)
{
	static const char rule[] =
	    "------ ----------- ----------- --------- --------- ----------------\n";
	unsigned long calls = 0, errors = 0;
	long order[SYSSET_MAX];
	int64_t total = 0;
	size_t n = 0;

	for (long nr = 0; nr < SYSSET_MAX; nr++) {
		if (!tr.stats[nr].calls)
			continue;
		order[n++] = nr;
		calls += tr.stats[nr].calls;
		errors += tr.stats[nr].errors;
		total += tr.stats[nr].ns;
	}
	qsort(order, n, sizeof(order[0]), cmp_rows);
	fputs("% time     seconds  usecs/call     calls    errors syscall\n", f);
	fputs(rule, f);
	for (size_t i = 0; i < n; i++) {
		const struct callstat *c = &tr.stats[order[i]];
		const char *name = arch_syscall_name(order[i]);

		print_row(f, total ? 100.0 * (double)c->ns / (double)total : 0, c->ns, c->calls,
			  c->errors, name ? name : "?");
	}
	fputs(rule, f);
	print_row(f, 100.0, total, calls, errors, "total");
	fflush(f);
}

void tracing_finish(void)
{
	if (!tr.on)
		return;
	if (tr.stats)
		print_summary(shared_out());
	fflush(shared_out());
	free(tr.stats);
	free(tr.buf);
	while (tr.nreal > 0)
		free(tr.real_paths[--tr.nreal]);
	inject_finish();
	delay_finish();
	free(tr.read_fds);
	free(tr.write_fds);
	tr.read_fds = tr.write_fds = NULL;
	tr.stats = NULL;
	tr.buf = NULL;
	tr.on = false;
}
