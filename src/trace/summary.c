// SPDX-License-Identifier: MIT
/*
 * -c, -C: strace's summary table, one row per syscall that was called:
 * the share of the time, the time, per call, calls, errors; sorted as
 * -S says.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/arch.h"
#include "options.h"
#include "seccomp_filter.h"
#include "trace/summary.h"
#include "trace/tracefmt.h"

struct callstat {
	unsigned long calls, errors;
	int64_t ns;
};

static struct callstat *stats; /* indexed by syscall number */
static int sort_key;	       /* enum summary_sort */

int summary_init(int sort_by)
{
	sort_key = sort_by;
	stats = calloc(SYSSET_MAX, sizeof(*stats));
	return stats ? 0 : -1;
}

bool summary_on(void)
{
	return stats;
}

void summary_count(long nr, int64_t ret, bool known, int64_t ns)
{
	struct callstat *c;

	if (!stats || !known || nr < 0 || nr >= SYSSET_MAX)
		return;
	c = &stats[nr];
	c->calls++;
	if (ret < 0 && ret >= -4095)
		c->errors++;
	c->ns += ns;
}

static int cmp_name(long a, long b)
{
	const char *x = arch_syscall_name(a), *y = arch_syscall_name(b);
	int d = strcmp(x ? x : "", y ? y : "");

	return d ? d : a < b ? -1 : 1;
}

/* -S: descending time (the default), calls or errors, else by name. */
static int cmp_rows(const void *a, const void *b)
{
	long ia = *(const long *)a, ib = *(const long *)b;
	const struct callstat *x = &stats[ia];
	const struct callstat *y = &stats[ib];

	switch (sort_key) {
	case SORT_CALLS:
		if (x->calls != y->calls)
			return x->calls < y->calls ? 1 : -1;
		break;
	case SORT_ERRORS:
		if (x->errors != y->errors)
			return x->errors < y->errors ? 1 : -1;
		break;
	case SORT_NAME:
		return cmp_name(ia, ib);
	case SORT_NOTHING:
		return ia < ib ? -1 : 1;
	default:
		if (x->ns != y->ns)
			return x->ns < y->ns ? 1 : -1;
	}
	return ia < ib ? -1 : 1;
}

static void print_row(FILE *f, double pct, int64_t ns, unsigned long calls, unsigned long errors,
		      const char *name)
{
	char row[256];

	trace_format_summary_row(row, sizeof(row), pct, ns, calls, errors, name);
	fprintf(f, "%s\n", row);
}

static void print_summary(FILE *f)
{
	static const char rule[] =
	    "------ ----------- ----------- --------- --------- ----------------\n";
	unsigned long calls = 0, errors = 0;
	long order[SYSSET_MAX];
	int64_t total = 0;
	size_t n = 0;

	for (long nr = 0; nr < SYSSET_MAX; nr++) {
		if (!stats[nr].calls)
			continue;
		order[n++] = nr;
		calls += stats[nr].calls;
		errors += stats[nr].errors;
		total += stats[nr].ns;
	}
	qsort(order, n, sizeof(order[0]), cmp_rows);
	fputs("% time     seconds  usecs/call     calls    errors syscall\n", f);
	fputs(rule, f);
	for (size_t i = 0; i < n; i++) {
		const struct callstat *c = &stats[order[i]];
		const char *name = arch_syscall_name(order[i]);

		print_row(f, total ? 100.0 * (double)c->ns / (double)total : 0, c->ns, c->calls,
			  c->errors, name ? name : "?");
	}
	fputs(rule, f);
	print_row(f, 100.0, total, calls, errors, "total");
	fflush(f);
}

void summary_finish(FILE *f)
{
	if (stats)
		print_summary(f);
	free(stats);
	stats = NULL;
}
