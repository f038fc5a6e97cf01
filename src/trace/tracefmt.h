/* SPDX-License-Identifier: MIT */
/*
 * Pure formatting for --trace (tracing.c): where the result goes on a
 * line, and the rows of the -c table.  Unit-tested.
 */
#ifndef PTSANDBOX_TRACE_TRACEFMT_H
#define PTSANDBOX_TRACE_TRACEFMT_H

#include <stddef.h>
#include <stdint.h>

#define TRACE_RESULT_COLUMN 40 /* strace's default -a */

/*
 * exit_text is the decoder's exit half, "...) = ret": copy it to buf
 * with the " = " moved to TRACE_RESULT_COLUMN when the line, which
 * already has col columns before exit_text, is shorter.  Returns
 * strlen(buf).
 */
size_t trace_format_result(char *buf, size_t len, size_t col, const char *exit_text);

/* One row of the -c table ("total" for the last); errors 0 is blank. */
size_t trace_format_summary_row(char *buf, size_t len, double pct, int64_t ns, unsigned long calls,
				unsigned long errors, const char *name);

#endif
