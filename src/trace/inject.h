/* SPDX-License-Identifier: MIT */
/*
 * -e inject= and -e fault=: strace's syscall tampering.  A matching
 * call is skipped at its seccomp stop with the chosen error or return
 * value, and/or a signal is delivered to the thread; invocations are
 * counted per syscall and per thread, as strace counts them.
 */
#ifndef PTSANDBOX_TRACE_INJECT_H
#define PTSANDBOX_TRACE_INJECT_H

#include <stdbool.h>
#include <stdint.h>

struct options;
struct sysset;

/* What to do to one invocation. */
struct inject_action {
	bool skip;   /* do not run the call: it returns ret */
	int64_t ret; /* -errno or the retval */
	int signal;  /* deliver this signal (0: none) */
};

/* when=FIRST[..LAST][+[STEP]]: which invocations (counted from 1) match. */
struct inject_when {
	unsigned int first, last, step; /* first..last (0: no end), every step-th */
};

/* Parse strace's when= expression into *w; false if it is not one. */
bool inject_parse_when(const char *s, struct inject_when *w);
/* Is the n-th invocation one of w's? */
bool inject_when_matches(const struct inject_when *w, unsigned int n);

/* Parse o's rules and add their syscalls to filter.  0, or -1 after saying why. */
int inject_init(const struct options *o, struct sysset *filter);
bool inject_enabled(void);
/*
 * Invocation of nr by a thread whose counters are *counters (an opaque
 * per-thread table, freed with inject_free): fill *act and return true
 * if a rule applies to it.
 */
bool inject_match(void **counters, long nr, struct inject_action *act);
void inject_free(void **counters);
void inject_finish(void);

#endif
