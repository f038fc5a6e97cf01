/* SPDX-License-Identifier: MIT */
/*
 * Pure formatting for --trace (trace/summary.c): the rows of the -c table.
 * Unit-tested.
 */
#ifndef PTSANDBOX_TRACE_TRACEFMT_H
#define PTSANDBOX_TRACE_TRACEFMT_H

#include <stddef.h>
#include <stdint.h>

/* One row of the -c table ("total" for the last); errors 0 is blank. */
size_t trace_format_summary_row(char *buf, size_t len, double pct, int64_t ns, unsigned long calls,
				unsigned long errors, const char *name);

#endif
