/* SPDX-License-Identifier: MIT */
/*
 * -e inject= and -e fault=: strace's syscall tampering.  A matching
 * call is skipped at its seccomp stop with the chosen error or return
 * value (or replaced by a side-effect-free call, syscall=), its
 * argument memory overwritten (poke_enter=, poke_exit=), the thread
 * held for a while (delay_enter=, delay_exit=), and/or a signal is
 * delivered to the thread; invocations are counted per syscall and per
 * thread, as strace counts them.
 */
#ifndef PTSANDBOX_TRACE_INJECT_H
#define PTSANDBOX_TRACE_INJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct options;
struct sysset;

/* poke_enter=@argN=HEX,...: bytes written where arguments point. */
struct inject_poke {
	int n;
	struct {
		int arg; /* 0-based */
		size_t len;
		unsigned char *data;
	} at[7];
};

/* What to do to one invocation. */
struct inject_action {
	bool skip;   /* do not run the call: it returns ret */
	int64_t ret; /* -errno or the retval */
	long sysnr;  /* syscall=: skipped by running this one instead (-1: none) */
	int signal;  /* deliver this signal (0: none) */
	bool delay_enter, delay_exit;
	int64_t delay_enter_ns, delay_exit_ns;
	const struct inject_poke *poke_enter, *poke_exit; /* NULL: none */
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
/* Has any rule a delay_enter= or delay_exit=? */
bool inject_has_delays(void);
/*
 * Invocation of nr by a thread whose counters are *counters (an opaque
 * per-thread table, freed with inject_free): fill *act and return true
 * if a rule applies to it.
 */
bool inject_match(void **counters, long nr, struct inject_action *act);
void inject_free(void **counters);
/*
 * Write p's bytes where tid's call arguments args point (as strace,
 * even into read-only mappings).  True if every write was done.
 */
bool inject_poke(pid_t tid, long nr, const uint64_t args[6], const struct inject_poke *p);
void inject_finish(void);

#endif
