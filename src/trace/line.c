// SPDX-License-Identifier: MIT
/*
 * Where --trace's lines go and how each begins.
 *
 * Lines follow strace's conventions so that its readers and tools
 * apply: the entry half of a call is printed at once and the line stays
 * open, however long the call (emulated or not) takes; only if another
 * line must go out first (another task's, a signal's, a report) is the
 * half line closed with " <unfinished ...>" and the rest comes later as
 * "<... name resumed>" (trace/syscall_line.c).  With -ff every file has
 * a single writer and lines stay whole.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "options.h"
#include "task.h"
#include "trace/line.h"
#include "trace/tracing.h"
#include "trace/tstate.h"

struct trace_cfg trace_cfg;

static struct {
	bool multi;	   /* more than one task has existed: "[pid N] " */
	struct task *open; /* shared stream: whose line has no newline yet */
	int64_t last_ns;   /* -r: when the previous line was printed */
} ln;

int line_init(const struct options *o)
{
	trace_cfg.o = o;
	/* Strings are quoted up to 4 bytes per byte; leave room for the rest. */
	trace_cfg.buflen = 16384 + (size_t)o->strsize * 8;
	trace_cfg.buf = malloc(trace_cfg.buflen);
	return trace_cfg.buf ? 0 : -1;
}

void line_finish(void)
{
	fflush(line_shared_out());
	free(trace_cfg.buf);
	trace_cfg.buf = NULL;
}

int64_t line_now_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- streams ---- */

FILE *line_shared_out(void)
{
	return diag ? diag : stderr;
}

/* -ff: FILE.TID, as strace names them (one per thread). */
FILE *line_out(struct task *t, struct tstate *s)
{
	char path[4096];

	if (!trace_cfg.o->per_process)
		return line_shared_out();
	if (s->f)
		return s->f;
	snprintf(path, sizeof(path), "%s.%d", trace_cfg.o->output, (int)t->tid);
	s->f = fopen(path, trace_cfg.o->st.append ? "ae" : "we");
	if (!s->f) {
		psb_perror("cannot open '%s'", path);
		s->f = stderr;
	} else {
		setvbuf(s->f, NULL, _IOLBF, BUFSIZ);
	}
	return s->f;
}

/* ---- the open half line ---- */

void line_close_open(struct task *t)
{
	if (trace_cfg.o->per_process || !ln.open || ln.open == t)
		return;
	fputs(" <unfinished ...>\n", line_shared_out());
	ln.open->trace->open = false;
	ln.open = NULL;
}

void line_opened(struct task *t)
{
	t->trace->open = true;
	if (!trace_cfg.o->per_process)
		ln.open = t;
}

void line_closed(struct task *t)
{
	t->trace->open = false;
	if (ln.open == t)
		ln.open = NULL;
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
	fputs(" <unfinished ...>\n", line_out(t, s));
	line_closed(t);
}

void tracing_aside(FILE *f)
{
	if (trace_cfg.on && trace_cfg.lines && f == line_shared_out())
		line_close_open(NULL);
}

void line_task_free(struct task *t)
{
	struct tstate *s = t->trace;

	if (ln.open == t)
		line_close_open(NULL);
	if (s && s->f && s->f != stderr)
		fclose(s->f);
}

/* ---- the prefix ---- */

void tracing_new_task(pid_t tid)
{
	(void)tid;
	ln.multi = true;
}

/* tid's decimal digits into digits, least significant first; their count. */
static size_t tid_digits(pid_t tid, char digits[12])
{
	unsigned int v = (unsigned int)tid;
	size_t n = 0;

	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10));
	return n;
}

/* "[pid %5d] " into buf, without a printf on every line. */
static size_t pid_prefix(pid_t tid, char *buf)
{
	char digits[12];
	size_t n = tid_digits(tid, digits), width;

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
	char digits[12];
	size_t n = tid_digits(tid, digits), width;

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
	const struct options *o = trace_cfg.o;
	struct timespec ts;
	struct tm tm;
	size_t n = 0;

	if (o->st.relative) {
		int64_t now = line_now_ns(CLOCK_MONOTONIC), d = ln.last_ns ? now - ln.last_ns : 0;

		ln.last_ns = now;
		return (size_t)snprintf(buf, len, "%6lld.%06lld ", (long long)(d / 1000000000),
					(long long)(d % 1000000000 / 1000));
	}
	if (!o->timestamps)
		return 0;
	clock_gettime(CLOCK_REALTIME, &ts);
	if (o->timestamps == 3)
		return (size_t)snprintf(buf, len, "%lld.%06ld ", (long long)ts.tv_sec,
					ts.tv_nsec / 1000);
	localtime_r(&ts.tv_sec, &tm);
	n = strftime(buf, len, "%H:%M:%S", &tm);
	if (o->timestamps == 2)
		n += (size_t)snprintf(buf + n, len - n, ".%06ld", ts.tv_nsec / 1000);
	return n + (size_t)snprintf(buf + n, len - n, " ");
}

size_t line_prefix(pid_t tid, long nr, const uint64_t *ip, char *buf, size_t len)
{
	const struct options *o = trace_cfg.o;
	size_t n = 0;

	buf[0] = '\0';
	if (o->per_process)
		;
	else if (o->follow && o->output)
		n = pid_column(tid, buf);
	else if (ln.multi)
		n = pid_prefix(tid, buf);
	n += time_stamp(buf + n, len - n);
	if (o->st.numbers && n < len)
		n += (size_t)snprintf(buf + n, len - n, "[%4ld] ", nr < 0 ? 0 : nr);
	/* -i: where the thread is; exit lines have no such place. */
	if (o->st.ip && n < len) {
		if (ip)
			n += (size_t)snprintf(buf + n, len - n, "[%016" PRIx64 "] ", *ip);
		else
			n += (size_t)snprintf(buf + n, len - n, "[????????????????] ");
	}
	return n;
}

/* ---- lines of no call ---- */

void line_print_event(struct task *t, pid_t tid, const uint64_t *ip, const char *text)
{
	FILE *f;

	if (!trace_cfg.lines)
		return;
	f = t && tstate_of(t) ? line_out(t, t->trace) : line_shared_out();
	if (t) {
		split_own_line(t);
		line_close_open(t);
	} else if (ln.open && !trace_cfg.o->per_process) {
		line_close_open(NULL);
	}
	line_prefix(tid, t && t->trace ? t->trace->nr : 0, ip, trace_cfg.buf, trace_cfg.buflen);
	fprintf(f, "%s%s\n", trace_cfg.buf, text);
	fflush(f);
}
