// SPDX-License-Identifier: MIT
/*
 * Time structures, as strace prints them: timespec, timeval, timezone,
 * itimerval, itimerspec, utimensat's pair, time()'s result.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>

#include "decode_impl.h"

/* ---- time ---- */

static void print_timespec(struct sbuf *sb, const struct timespec *ts)
{
	sb_printf(sb, "{tv_sec=%lld, tv_nsec=%lld}", (long long)ts->tv_sec, (long long)ts->tv_nsec);
}

void print_timeval(struct sbuf *sb, const struct timeval *tv)
{
	sb_printf(sb, "{tv_sec=%lld, tv_usec=%lld}", (long long)tv->tv_sec, (long long)tv->tv_usec);
}

void pr_timespec_at(struct dctx *c, uint64_t addr)
{
	struct timespec ts;

	if (fetch_struct(c, addr, false, &ts, sizeof(ts)))
		print_timespec(c->sb, &ts);
}

void pr_timeval_at(struct dctx *c, uint64_t addr)
{
	struct timeval tv;

	if (fetch_struct(c, addr, false, &tv, sizeof(tv)))
		print_timeval(c->sb, &tv);
}

bool pr_timespec(struct dctx *c, int i, const struct argfmt *k)
{
	struct timespec ts;

	if (fetch_arg(c, i, &ts, sizeof(ts)))
		print_timespec(c->sb, &ts);
	return true;
}

/* The remaining time is only written when a signal cut the sleep short. */
bool pr_timespec_rem(struct dctx *c, int i, const struct argfmt *k)
{
	int err = (int)-c->ret;

	/* An injected EINTR: the kernel never wrote *rem. */
	if (c->args[i] && dctx_failed(c) && (err == EINTR || errno_is_restart(err)) &&
	    !(c->saved && c->saved->injected))
		pr_timespec_at(c, c->args[i]);
	else
		sb_ptr(c->sb, c->args[i]);
	return true;
}

bool pr_timeval(struct dctx *c, int i, const struct argfmt *k)
{
	struct timeval tv;

	if (fetch_arg(c, i, &tv, sizeof(tv)))
		print_timeval(c->sb, &tv);
	return true;
}

bool pr_timezone(struct dctx *c, int i, const struct argfmt *k)
{
	int tz[2];

	if (fetch_arg(c, i, tz, sizeof(tz)))
		sb_printf(c->sb, "{tz_minuteswest=%d, tz_dsttime=%d}", tz[0], tz[1]);
	return true;
}

bool pr_itimerval(struct dctx *c, int i, const struct argfmt *k)
{
	struct itimerval it;

	if (!fetch_arg(c, i, &it, sizeof(it)))
		return true;
	sb_puts(c->sb, "{it_interval=");
	print_timeval(c->sb, &it.it_interval);
	sb_puts(c->sb, ", it_value=");
	print_timeval(c->sb, &it.it_value);
	sb_putc(c->sb, '}');
	return true;
}

bool pr_itimerspec(struct dctx *c, int i, const struct argfmt *k)
{
	struct itimerspec it;

	if (!fetch_arg(c, i, &it, sizeof(it)))
		return true;
	sb_puts(c->sb, "{it_interval=");
	print_timespec(c->sb, &it.it_interval);
	sb_puts(c->sb, ", it_value=");
	print_timespec(c->sb, &it.it_value);
	sb_putc(c->sb, '}');
	return true;
}

bool pr_utimens(struct dctx *c, int i, const struct argfmt *k)
{
	struct timespec ts[2];

	if (!fetch_arg(c, i, ts, sizeof(ts)))
		return true;
	sb_putc(c->sb, '[');
	for (int n = 0; n < 2; n++) {
		if (n)
			sb_puts(c->sb, ", ");
		if (ts[n].tv_nsec == UTIME_NOW) {
			sb_puts(c->sb, "UTIME_NOW");
		} else if (ts[n].tv_nsec == UTIME_OMIT) {
			sb_puts(c->sb, "UTIME_OMIT");
		} else {
			print_timespec(c->sb, &ts[n]);
			sb_time(c->sb, ts[n].tv_sec, ts[n].tv_nsec);
		}
	}
	sb_putc(c->sb, ']');
	return true;
}

bool pr_time_out(struct dctx *c, int i, const struct argfmt *k)
{
	int64_t t;

	if (!fetch_arg(c, i, &t, sizeof(t)))
		return true;
	sb_printf(c->sb, "[%lld", (long long)t);
	sb_time(c->sb, t, 0);
	sb_putc(c->sb, ']');
	return true;
}
