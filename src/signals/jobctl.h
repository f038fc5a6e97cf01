/* SPDX-License-Identifier: MIT */
/*
 * Job control (jobctl.c).  A stop signal taken by one guest thread
 * stops the thread group, and every thread's interruptible call sees
 * it; the guest's stop is ptsandbox's own only when the job was asked
 * to stop (Ctrl-Z, a signal to ptsandbox or its process group).
 */
#ifndef PTSANDBOX_SIGNALS_JOBCTL_H
#define PTSANDBOX_SIGNALS_JOBCTL_H

#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>

struct sigsnap;
struct task;

/* The guest's main process, whose stops ptsandbox may follow. */
void jobctl_init(pid_t main_tgid);

/* At t's signal-delivery-stop (snap: its state) for sig. */
/* A stop signal already overtaken by a SIGCONT: deliver nothing. */
bool jobctl_stop_overtaken(struct sigsnap *snap, int sig);
/* The stop the taker's overtaken signal would have made: its process's other parked calls see it.
 */
void jobctl_stop_effect(struct task *taker);
/* A stop signal: remember where a call it interrupted returns EINTR. */
void jobctl_note_stop_eintr(struct task *t, int sig, struct sigsnap *snap);

/* At any signal or event stop of t: settle what jobctl_stop_effect marked. */
void jobctl_settle_stop_effect(struct task *t, struct sigsnap *snap);

/*
 * t's group-stop for stop signal sig: its parked call ends as the real
 * one would, and t listens.  stop_signal: t dequeued sig itself.
 */
void jobctl_group_stop(struct task *t, int sig, bool stop_signal, struct sigsnap *snap);
/*
 * t is resumed with a stop signal (si: its siginfo, NULL if unknown):
 * notes whether the job was asked to stop by it (the front got the
 * same signal from the same sender), which no delay can make stale.
 */
void jobctl_stop_delivered(struct task *t, const siginfo_t *si);
/* t runs again (any other event stop): a stop not yet followed is over. */
void jobctl_running(const struct task *t);

/* Between loop iterations: stop ptsandbox with the guest, if due. */
void jobctl_follow_stop(void);

#endif
