/* SPDX-License-Identifier: MIT */
/*
 * --trace's -e qualifiers (strace's word): which calls are traced
 * (trace=), which of them are shown (-P, status=, -z, -Z), which
 * signals (signal=), and how calls are decoded (read=, write=, raw=,
 * abbrev=, verbose=, -s, -a, -y, -x, -X).
 */
#ifndef PTSANDBOX_TRACE_FILTERS_H
#define PTSANDBOX_TRACE_FILTERS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

struct decode_opts;
struct options;
struct ptrace_syscall_info;
struct sysset;
struct trace_mem;

/*
 * What is shown: -e trace= (added to filter, the calls that must stop
 * the guest), -P, -e signal=.  0, or -1 after printing why.
 */
int filters_init_shown(const struct options *o, struct sysset *filter);
/* How calls are decoded: -e read=, write=, raw=, abbrev=, verbose= and the rest. */
int filters_init_decoding(const struct options *o);
/* No tracing: only say if a qualifier is bad (-1, said). */
int filters_check(const struct options *o);
void filters_finish(void);

/* Is nr in the trace set? */
bool filters_traced(long nr);
/* -P: does the call at this seccomp stop of tid name one of the paths?  true without -P. */
bool filters_paths_match(pid_t tid, const struct ptrace_syscall_info *info);
/* -e status=, -z, -Z: is a call that ended so (ret, if known) shown? */
bool filters_status_shown(int64_t ret, bool known);
/* -e signal=: are sig's delivery lines shown? */
bool filters_signal_shown(int sig);

const struct decode_opts *filters_decode_opts(void);
/* -e read=, -e write=: after call nr returned ret, the hex dump of its data to f. */
void filters_dump_io(long nr, const uint64_t args[6], int64_t ret, const struct trace_mem *mem,
		     FILE *f);

#endif
