// SPDX-License-Identifier: MIT
/* Pure formatting for --trace; see tracefmt.h. */
#include "config.h"

#include <stdio.h>

#include "trace/tracefmt.h"

size_t trace_format_summary_row(char *buf, size_t len, double pct, int64_t ns, unsigned long calls,
				unsigned long errors, const char *name)
{
	unsigned long us_per_call = calls ? (unsigned long)(ns / 1000) / calls : 0;
	int n;

	/* "%9.lu": precision 0 prints nothing for 0, as strace's blank column. */
	n = snprintf(buf, len, "%6.2f %11.6f %11lu %9lu %9.lu %s", pct, (double)ns / 1e9,
		     us_per_call, calls, errors, name);
	return n < 0 ? 0 : (size_t)n < len ? (size_t)n : len - 1;
}
