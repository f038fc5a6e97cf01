// SPDX-License-Identifier: MIT
/* Pure formatting for --trace; see tracefmt.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "trace/tracefmt.h"

/* The result follows the last ") = ": strings before it may hold one. */
static const char *result_sep(const char *text)
{
	const char *sep = NULL, *p = text;

	while ((p = strstr(p, ") = ")))
		sep = p++;
	return sep;
}

size_t trace_format_result(char *buf, size_t len, size_t col, const char *exit_text)
{
	const char *sep = result_sep(exit_text);
	size_t head, pad = 1;
	int n;

	if (!len)
		return 0;
	if (!sep)
		return (size_t)snprintf(buf, len, "%s", exit_text) < len ? strlen(buf) : len - 1;
	head = (size_t)(sep - exit_text) + 1; /* up to and with the ")" */
	if (col + head < TRACE_RESULT_COLUMN)
		pad = TRACE_RESULT_COLUMN - col - head;
	n = snprintf(buf, len, "%.*s%*s%s", (int)head, exit_text, (int)pad, "", sep + 2);
	return n < 0 ? 0 : (size_t)n < len ? (size_t)n : len - 1;
}

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
