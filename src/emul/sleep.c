// SPDX-License-Identifier: MIT
/*
 * nanosleep and clock_nanosleep.  The watcher times the sleep on a
 * timer of the guest's clock (absolute, so TIMER_ABSTIME follows
 * clock_settime like the kernel does).
 * Relative sleeps interrupted by a handler write the remaining time to
 * *rem, as the kernel does before returning EINTR.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "../guest_mem.h"
#include "../task.h"
#include "families.h"
#include "park.h"
#include "timens.h"
#include "wait.h"

struct sleep_priv {
	uint64_t rem_addr; /* 0: none (absolute, or NULL rem) */
};

static void sleep_done(struct ewait *ew, int n)
{
	(void)n;
	ewait_finish(ew, EW_RETURN, 0);
}

/*
 * The thread's timer slack: the kernel's sleep timer expires up to this
 * late, and the *rem it writes counts to that hard expiry, so a sleep
 * interrupted at once reports a little more than it asked for.
 */
static int64_t timer_slack_ns(pid_t tid)
{
	char path[64];
	long long slack = 50000; /* the kernel's default */
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/timerslack_ns", (int)tid);
	f = fopen(path, "re");
	if (f) {
		if (fscanf(f, "%lld", &slack) != 1)
			slack = 50000;
		fclose(f);
	}
	return slack;
}

/*
 * The kernel writes *rem on the way out, and a *rem it cannot write
 * turns the interruption into EFAULT (no EINTR, no restart).
 */
static int sleep_interrupted(struct ewait *ew)
{
	struct sleep_priv *sp = ew->priv;
	struct timespec rem;

	if (!sp->rem_addr)
		return 0;
	rem = ns_to_ts(ewait_remaining_ns(ew) + timer_slack_ns(ew->tid));
	if (guest_write(ew->tid, sp->rem_addr, &rem, sizeof(rem)) < 0)
		return -EFAULT;
	return 0;
}

static void sleep_release(struct ewait *ew)
{
	free(ew->priv);
}

static const struct ewait_ops sleep_ops = {
    .name = "nanosleep",
    .ready = sleep_done,
    .interrupted = sleep_interrupted,
    .release = sleep_release,
};

/* Clocks a timerfd can follow; CPU-time clocks only the guest can. */
static bool timer_clock(clockid_t clk)
{
	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_TAI:
	case CLOCK_REALTIME_ALARM:
	case CLOCK_BOOTTIME_ALARM:
		return true;
	}
	return false;
}

#define SHORT_SLEEP_NS 100000

bool emul_sleep(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs)
{
	clockid_t clk = CLOCK_MONOTONIC;
	bool absolute = false;
	uint64_t req_addr = args[0], rem_addr = args[1];
	struct timespec req;
	struct sleep_priv *sp;
	struct ewait *ew;

	if (sysid == SYSID_clock_nanosleep) {
		clk = (clockid_t)args[0];
		absolute = args[1] & TIMER_ABSTIME;
		req_addr = args[2];
		rem_addr = absolute ? 0 : args[3];
	}
	/*
	 * Anything the kernel would reject or return from at once (bad
	 * pointer, bad timespec, bad clock, zero or past deadline) runs
	 * natively: the guest gets the kernel's own errno.
	 */
	if (!timer_clock(clk) || guest_read(t->tid, req_addr, &req, sizeof(req)) < 0 ||
	    !ts_valid(&req))
		return false;
	/*
	 * A relative sleep shorter than a few ptrace round trips runs
	 * natively too: handing it to the watcher costs more than it lasts,
	 * and a host signal still interrupts it through the kernel.
	 */
	if (!absolute && req.tv_sec == 0 && req.tv_nsec < SHORT_SLEEP_NS)
		return false;

	sp = calloc(1, sizeof(*sp));
	ew = sp ? ewait_new(t, &sleep_ops, arch_regs_nr(regs), args) : NULL;
	if (!ew) {
		free(sp);
		return false;
	}
	ew->priv = sp;
	sp->rem_addr = rem_addr;
	if (absolute) {
		ew->has_deadline = true;
		ew->clock = clk;
		ew->deadline = timens_to_host(t, clk, req);
		if (ewait_remaining_ns(ew) == 0)
			goto native;
	} else {
		/*
		 * The kernel runs a relative CLOCK_REALTIME sleep on the
		 * monotonic clock: setting the time does not change it.
		 */
		ewait_set_relative(ew, clk == CLOCK_REALTIME ? CLOCK_MONOTONIC : clk,
				   ts_to_ns(&req));
	}
	if (ewait_start(ew, regs, 0) < 0)
		goto native;
	return true;
native:
	ewait_put(ew);
	return false;
}
