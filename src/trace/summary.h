/* SPDX-License-Identifier: MIT */
/* -c, -C: calls, errors and time per syscall, and strace's table of them at the end. */
#ifndef PTSANDBOX_TRACE_SUMMARY_H
#define PTSANDBOX_TRACE_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Start counting, the table sorted by sort_by (enum summary_sort): 0, or -1 if out of memory. */
int summary_init(int sort_by);
/* Are calls counted (-c, -C)? */
bool summary_on(void);
/* Call nr ended with ret (known: else it has no result) after ns. */
void summary_count(long nr, int64_t ret, bool known, int64_t ns);
/* The table to f, if counting; then stop. */
void summary_finish(FILE *f);

#endif
