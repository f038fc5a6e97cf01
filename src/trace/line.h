/* SPDX-License-Identifier: MIT */
/*
 * Where --trace's lines go and how each begins: the streams (stderr,
 * -o FILE, -ff's FILE.PID), the prefix (pid, -t/-tt/-ttt/-r time, -n,
 * -i), and the one half line the shared stream may have open, which
 * anything else printed there first ends with " <unfinished ...>".
 */
#ifndef PTSANDBOX_TRACE_LINE_H
#define PTSANDBOX_TRACE_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

struct options;
struct task;
struct tstate;

/* The trace as a whole, set up by tracing_init() (trace/session.c). */
struct trace_cfg {
	const struct options *o;
	bool on;
	bool lines; /* false with -c: only the table */
	char *buf;  /* a line being built */
	size_t buflen;
};
extern struct trace_cfg trace_cfg;

/* Take o's output options, allocate the line buffer: 0, or -1 if out of memory. */
int line_init(const struct options *o);
/* Flush the shared stream, free the buffer. */
void line_finish(void);
/* t is being freed: end its open line, close its -ff file. */
void line_task_free(struct task *t);

/* The shared stream (-o FILE or stderr). */
FILE *line_shared_out(void);
/* t's stream: its -ff file (opened on first use), else the shared one. */
FILE *line_out(struct task *t, struct tstate *s);
/*
 * The pid ("PID " with -f -o FILE, else "[pid N] " once there is more
 * than one task, none with -ff), the time stamp, -n's syscall number nr
 * and -i's ip (NULL: unknown) into buf.  Returns the length.
 */
size_t line_prefix(pid_t tid, long nr, const uint64_t *ip, char *buf, size_t len);

/* t (NULL: nobody) prints on the shared stream: end another task's half line. */
void line_close_open(struct task *t);
/* t's entry half is out without its newline. */
void line_opened(struct task *t);
/* t's open line got its newline. */
void line_closed(struct task *t);
/* A whole line that belongs to no call (signals, exits), text after the prefix. */
void line_print_event(struct task *t, pid_t tid, const uint64_t *ip, const char *text);

/* clock's time in ns. */
int64_t line_now_ns(clockid_t clock);

#endif
