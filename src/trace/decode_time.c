// SPDX-License-Identifier: MIT
/*
 * Time decoders beyond an argument kind: timer_create's struct
 * sigevent, adjtimex/clock_adjtime's struct timex and their state.
 */
#include "config.h"

#include <signal.h>
#include <stdint.h>
#include <sys/timex.h>

#include "decode_impl.h"

static const struct xlat sigev_notify[] = {XLAT(SIGEV_SIGNAL), XLAT(SIGEV_NONE), XLAT(SIGEV_THREAD),
					   XLAT(SIGEV_THREAD_ID), XLAT_END};

/* The kernel's struct sigevent: the union's first words after the header. */
struct ksigevent {
	union {
		int sival_int;
		uint64_t sival_ptr;
	} value;
	int signo;
	int notify;
	union {
		int tid;
		struct {
			uint64_t function, attribute;
		} thread;
	} un;
};

static void print_sigevent(struct dctx *c, uint64_t addr)
{
	struct ksigevent ev;

	if (!addr) {
		sb_puts(c->sb, "NULL");
		return;
	}
	if (!mem_read(c, addr, &ev, sizeof(ev))) {
		sb_ptr(c->sb, addr);
		return;
	}
	sb_printf(c->sb, "{sigev_value={sival_int=%d, sival_ptr=", ev.value.sival_int);
	sb_hex(c->sb, ev.value.sival_ptr);
	sb_puts(c->sb, "}, sigev_signo=");
	/* Only a notification by signal names its signal. */
	if (ev.notify == SIGEV_SIGNAL || ev.notify == SIGEV_THREAD_ID)
		print_signal(c->sb, ev.signo);
	else
		sb_printf(c->sb, "%d", ev.signo);
	sb_puts(c->sb, ", sigev_notify=");
	print_xlat(c->sb, sigev_notify, (uint32_t)ev.notify, "SIGEV_???");
	if (ev.notify == SIGEV_THREAD_ID)
		sb_printf(c->sb, ", sigev_notify_thread_id=%d", ev.un.tid);
	else if (ev.notify == SIGEV_THREAD) {
		sb_puts(c->sb, ", sigev_notify_function=");
		sb_ptr(c->sb, ev.un.thread.function);
		sb_puts(c->sb, ", sigev_notify_attributes=");
		sb_ptr(c->sb, ev.un.thread.attribute);
	}
	sb_putc(c->sb, '}');
}

/* timer_create(clockid, sevp, timerid): the id is the kernel's. */
void custom_timer_create(struct dctx *c)
{
	int id;

	if (!c->exiting) {
		print_as(c, 0, A_CLOCKID);
		sb_puts(c->sb, ", ");
		print_sigevent(c, c->args[1]);
		sb_puts(c->sb, ", ");
		return;
	}
	if (dctx_failed(c) || !mem_read(c, c->args[2], &id, sizeof(id)))
		sb_ptr(c->sb, c->args[2]);
	else
		sb_printf(c->sb, "[%d]", id);
}

/* Combined values first, so that they are named whole. */
static const struct xlat adj_modes[] = {XLAT(ADJ_OFFSET_SS_READ),
					XLAT(ADJ_OFFSET_SINGLESHOT),
					XLAT(ADJ_OFFSET),
					XLAT(ADJ_FREQUENCY),
					XLAT(ADJ_MAXERROR),
					XLAT(ADJ_ESTERROR),
					XLAT(ADJ_STATUS),
					XLAT(ADJ_TIMECONST),
					XLAT(ADJ_TAI),
					XLAT(ADJ_SETOFFSET),
					XLAT(ADJ_MICRO),
					XLAT(ADJ_NANO),
					XLAT(ADJ_TICK),
					XLAT_END};

static const struct xlat sta_flags[] = {XLAT(STA_PLL),
					XLAT(STA_PPSFREQ),
					XLAT(STA_PPSTIME),
					XLAT(STA_FLL),
					XLAT(STA_INS),
					XLAT(STA_DEL),
					XLAT(STA_UNSYNC),
					XLAT(STA_FREQHOLD),
					XLAT(STA_PPSSIGNAL),
					XLAT(STA_PPSJITTER),
					XLAT(STA_PPSWANDER),
					XLAT(STA_PPSERROR),
					XLAT(STA_CLOCKERR),
					XLAT(STA_NANO),
					XLAT(STA_MODE),
					XLAT(STA_CLK),
					XLAT_END};

static const struct xlat clock_states[] = {XLAT(TIME_OK),  XLAT(TIME_INS),  XLAT(TIME_DEL),
					   XLAT(TIME_OOP), XLAT(TIME_WAIT), XLAT(TIME_ERROR),
					   XLAT_END};

static void print_timex(struct dctx *c, uint64_t addr)
{
	struct timex t;

	if (dctx_failed(c) || !mem_read(c, addr, &t, sizeof(t))) {
		sb_ptr(c->sb, addr);
		return;
	}
	sb_puts(c->sb, "{modes=");
	print_flags(c->sb, adj_modes, (uint32_t)t.modes, "ADJ_???");
	sb_printf(c->sb,
		  ", offset=%ld, freq=%ld, maxerror=%ld, esterror=%ld, status=", (long)t.offset,
		  (long)t.freq, (long)t.maxerror, (long)t.esterror);
	print_flags(c->sb, sta_flags, (uint32_t)t.status, "STA_???");
	sb_printf(c->sb,
		  ", constant=%ld, precision=%ld, tolerance=%ld, time={tv_sec=%lld, "
		  "tv_usec=%lld}, tick=%ld, ppsfreq=%ld, jitter=%ld, shift=%d, stabil=%ld, "
		  "jitcnt=%ld, calcnt=%ld, errcnt=%ld, stbcnt=%ld, tai=%d}",
		  (long)t.constant, (long)t.precision, (long)t.tolerance, (long long)t.time.tv_sec,
		  (long long)t.time.tv_usec, (long)t.tick, (long)t.ppsfreq, (long)t.jitter, t.shift,
		  (long)t.stabil, (long)t.jitcnt, (long)t.calcnt, (long)t.errcnt, (long)t.stbcnt,
		  t.tai);
}

/* adjtimex(buf): the struct as the kernel left it. */
void custom_adjtimex(struct dctx *c)
{
	if (c->exiting)
		print_timex(c, c->args[0]);
}

/* clock_adjtime(clockid, buf) */
void custom_clock_adjtime(struct dctx *c)
{
	if (!c->exiting) {
		print_as(c, 0, A_CLOCKID);
		sb_puts(c->sb, ", ");
		return;
	}
	print_timex(c, c->args[1]);
}

/* The clock state both return: "5 (TIME_ERROR)". */
void print_clock_state_result(struct dctx *c)
{
	const char *name = xlat_name(clock_states, (uint64_t)c->ret);

	sb_dec(c->sb, c->ret);
	if (name)
		sb_printf(c->sb, " (%s)", name);
}
