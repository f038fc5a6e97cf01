// SPDX-License-Identifier: MIT
/* Timer decoders beyond an argument kind: timer_create's struct sigevent. */
#include "config.h"

#include <signal.h>
#include <stdint.h>

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
