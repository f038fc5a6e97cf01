/* SPDX-License-Identifier: MIT */
/*
 * Host-to-guest signal forwarding.  A host signal is handed to the
 * guest's kernel with kill(2), so the kernel itself picks the thread,
 * keeps it pending while blocked, merges standard signals, and wakes
 * whatever the guest is blocked in.  At the guest's signal-delivery-
 * stop the siginfo is put back to what the host sender wrote.
 *
 * A terminal (or kill -SIG -PGRP) signals the guest and ptsandbox at
 * once; the guest's copy is its twin and ptsandbox's copy must then
 * not be forwarded, or one Ctrl-C would run the handler twice.
 */
#ifndef PTSANDBOX_SIGNALS_FORWARD_H
#define PTSANDBOX_SIGNALS_FORWARD_H

#include <signal.h>
#include <stdbool.h>
#include <sys/signalfd.h>
#include <sys/types.h>

struct task;

void forward_init(pid_t guest_tgid);
/* The guest process that host signals go to is gone. */
void forward_guest_gone(void);
/*
 * A forwarded-set signal was read from the supervisor's signalfd.
 * Returns true when it may still need forwarding: the loop then
 * handles every waitable stop (the guest's twin copy may be among
 * them) and calls forward_host_signal_drained(ssi), which forwards it
 * unless that drain met its twin.  Forwarding never calls into the loop.
 */
bool forward_host_signal(const struct signalfd_siginfo *ssi);
void forward_host_signal_drained(const struct signalfd_siginfo *ssi);
/*
 * Did ptsandbox itself get a job-control stop signal (Ctrl-Z, or kill
 * -TSTP to it or its process group) within the twin window?  Only then
 * does a guest stop become ptsandbox's, for the shell to see.
 */
bool forward_stop_asked(void);
/* Signal-delivery-stop of a guest thread for sig; si is its siginfo. */
void forward_on_delivery(struct task *t, int sig, siginfo_t *si);

/*
 * The guest took sig with siginfo si by any means (delivery, or
 * dequeued by rt_sigtimedwait).  Returns true if si was rewritten to
 * the host sender's and must be handed to the guest.
 */
bool forward_on_dequeue(int sig, siginfo_t *si);

#endif
