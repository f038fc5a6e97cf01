// SPDX-License-Identifier: MIT
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <time.h>
#include <unistd.h>

#include "../log.h"
#include "../task.h"
#include "forward.h"
#include "host.h"
#include "sigstate.h"

/*
 * How long a guest's own copy of a signal may wait for its host twin.
 * Both copies of one kill(-pgrp) or terminal signal are queued in the
 * same kernel call, guest first (newer group members are signalled
 * first), but ptsandbox's copy reaches the loop through the front,
 * which the CPU may run much later than the guest: a guest
 * taking one signal every 40 us was seen hundreds of copies ahead.
 * So the guest's copies are counted per sender, not kept one by one.
 */
#define TWIN_WINDOW_NS 1000000000ll
#define KCOPY_MAX      8
#define FWD_MAX	       8

/* The guest's own copies from one sender not yet matched with a host twin. */
struct kcopy {
	int code;
	pid_t pid;
	uid_t uid;
	unsigned int count;
	long long when; /* the newest */
};

struct fwd {
	siginfo_t info;
};

static pid_t guest;

/* Guest's own copies not yet matched with a host twin, per signal. */
static struct kcopy kcopies[NSIG][KCOPY_MAX];
static int nkcopies[NSIG];
/*
 * Twins matched while the guest's copy was still pending: their
 * deliveries are not new copies.  Counted, with the time of the last
 * (ns); stale ones are dropped.
 */
static struct {
	unsigned int count;
	long long when;
} credit[NSIG];
/* Host siginfos forwarded with kill(), oldest first, per signal. */
static struct fwd fwds[NSIG][FWD_MAX];
static int nfwds[NSIG];

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

void forward_init(pid_t guest_tgid)
{
	guest = guest_tgid;
}

void forward_guest_gone(void)
{
	guest = 0;
}

static bool from_guest(pid_t pid)
{
	return pid > 0 && (task_find(pid) || proc_find(pid));
}

static bool same_sender(const struct kcopy *k, int code, pid_t pid, uid_t uid)
{
	return k->code == code && k->pid == pid && k->uid == uid;
}

static bool kcopy_take(int sig, int code, pid_t pid, uid_t uid)
{
	long long t = now_ns();

	for (int i = 0; i < nkcopies[sig]; i++) {
		struct kcopy *k = &kcopies[sig][i];

		if (!same_sender(k, code, pid, uid) || t - k->when > TWIN_WINDOW_NS)
			continue;
		if (--k->count == 0)
			*k = kcopies[sig][--nkcopies[sig]];
		return true;
	}
	return false;
}

static void kcopy_add(int sig, const siginfo_t *si)
{
	struct kcopy *k = kcopies[sig];
	long long t = now_ns();
	int i, oldest = 0;

	for (i = 0; i < nkcopies[sig]; i++) {
		if (same_sender(&k[i], si->si_code, si->si_pid, si->si_uid)) {
			/* Older ones than the window were never matched: start again. */
			if (t - k[i].when > TWIN_WINDOW_NS)
				k[i].count = 0;
			k[i].count++;
			k[i].when = t;
			return;
		}
		if (k[i].when < k[oldest].when)
			oldest = i;
	}
	/* More senders than slots: the one heard from longest ago goes. */
	i = nkcopies[sig] < KCOPY_MAX ? nkcopies[sig]++ : oldest;
	k[i] = (struct kcopy){si->si_code, si->si_pid, si->si_uid, 1, t};
}

static void fwd_push(int sig, const struct signalfd_siginfo *ssi)
{
	siginfo_t *si;

	/*
	 * A standard signal is pending at most once: an older record is one
	 * the guest merged or read through a signalfd, and no delivery will
	 * ever claim it.
	 */
	if (sig < SIGRTMIN)
		nfwds[sig] = 0;
	if (nfwds[sig] == FWD_MAX) {
		memmove(&fwds[sig][0], &fwds[sig][1], sizeof(fwds[sig][0]) * (FWD_MAX - 1));
		nfwds[sig]--;
	}
	si = &fwds[sig][nfwds[sig]++].info;
	memset(si, 0, sizeof(*si));
	si->si_signo = sig;
	si->si_code = ssi->ssi_code;
	si->si_pid = (pid_t)ssi->ssi_pid;
	si->si_uid = ssi->ssi_uid;
	si->si_value.sival_ptr = (void *)(uintptr_t)ssi->ssi_ptr;
}

static bool is_user_code(int code)
{
	return code == SI_USER || code == SI_QUEUE || code == SI_TKILL || code == SI_KERNEL;
}

static long long stop_asked_at;

bool forward_stop_asked(void)
{
	return stop_asked_at && now_ns() - stop_asked_at <= TWIN_WINDOW_NS;
}

bool forward_host_signal(const struct signalfd_siginfo *ssi)
{
	int sig = (int)ssi->ssi_signo;
	struct sigstate st;

	if (!guest || sig <= 0 || sig >= NSIG)
		return false;
	if (sig_is_stop(sig))
		stop_asked_at = now_ns();
	/*
	 * A guest signalling its parent means the shell, natively; it must
	 * not bounce back into the guest (sudo's rule, for the same reason).
	 */
	if (ssi->ssi_code != SI_KERNEL && from_guest((pid_t)ssi->ssi_pid))
		return false;
	/* Its twin was delivered already (we may be far behind the guest). */
	if (kcopy_take(sig, ssi->ssi_code, (pid_t)ssi->ssi_pid, ssi->ssi_uid))
		return false;
	/*
	 * Twin still pending in the guest: the kernel will deliver it.
	 * Read the pending set before draining stops: both happen under
	 * the guest's siglock, so a twin is either pending here or its
	 * signal-delivery-stop is already waitable, and the loop's drain
	 * records it (forward_on_dequeue) before forward_host_signal_drained.
	 */
	if (sigstate_read(guest, &st) == 0 && (st.shared & sigbit(sig))) {
		credit[sig].count++;
		credit[sig].when = now_ns();
		return false;
	}
	return true;
}

void forward_host_signal_drained(const struct signalfd_siginfo *ssi)
{
	int sig = (int)ssi->ssi_signo;

	/* The guest may have gone in the drain: kill(0) would hit our own group. */
	if (!guest)
		return;
	if (kcopy_take(sig, ssi->ssi_code, (pid_t)ssi->ssi_pid, ssi->ssi_uid))
		return;
	fwd_push(sig, ssi);
	if (kill(guest, sig) < 0 && errno != ESRCH)
		psb_perror("cannot forward signal %d to the guest", sig);
}

bool forward_on_dequeue(int sig, siginfo_t *si)
{
	static pid_t self;

	if (sig <= 0 || sig >= NSIG)
		return false;
	/* One syscall less at every delivery-stop. */
	if (!self)
		self = getpid();
	if (si->si_code == SI_USER && si->si_pid == self) {
		if (nfwds[sig] == 0)
			return false;
		/* Hand the guest the host sender's siginfo, not ours. */
		*si = fwds[sig][0].info;
		memmove(&fwds[sig][0], &fwds[sig][1],
			sizeof(fwds[sig][0]) * (size_t)(--nfwds[sig]));
		return true;
	}
	if (!host_signal_forwarded(sig) || !is_user_code(si->si_code))
		return false;
	if (si->si_code != SI_KERNEL && from_guest(si->si_pid))
		return false;
	if (credit[sig].count) {
		bool fresh = now_ns() - credit[sig].when <= TWIN_WINDOW_NS;

		credit[sig].count = fresh ? credit[sig].count - 1 : 0;
		if (fresh)
			return false;
	}
	kcopy_add(sig, si);
	return false;
}

void forward_on_delivery(struct task *t, int sig, siginfo_t *si)
{
	if (forward_on_dequeue(sig, si))
		ptrace(PTRACE_SETSIGINFO, t->tid, NULL, si);
}
