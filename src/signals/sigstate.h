/* SPDX-License-Identifier: MIT */
/*
 * The guest's signal state as the kernel holds it.  The kernel is the
 * authority on masks, dispositions and pending sets; the supervisor
 * reads them (/proc/TID/status) instead of shadowing sigprocmask and
 * sigaction, which it does not intercept.
 */
#ifndef PTSANDBOX_SIGNALS_SIGSTATE_H
#define PTSANDBOX_SIGNALS_SIGSTATE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct sigstate {
	uint64_t pending; /* SigPnd: thread-directed */
	uint64_t shared;  /* ShdPnd: process-directed */
	uint64_t blocked; /* SigBlk */
	uint64_t ignored; /* SigIgn */
	uint64_t caught;  /* SigCgt: has a handler */
};

static inline uint64_t sigbit(int sig)
{
	return 1ull << (sig - 1);
}

int sigstate_read(pid_t tid, struct sigstate *st);
/* Parse the text of a /proc status file (unit-tested). */
int sigstate_parse(const char *text, struct sigstate *st);

/* Signals whose default action is to ignore them. */
bool sig_default_ignored(int sig);
/* SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU: the signals that can start a group-stop. */
bool sig_is_stop(int sig);
/* Will delivering sig stop the thread described by st (default action)? */
bool sig_stops(const struct sigstate *st, int sig);
/* The same for thread tid, read now (SIGSTOP always stops). */
bool sig_will_stop(pid_t tid, int sig);
/* Will delivering sig run a handler in the thread described by st? */
bool sig_has_handler(const struct sigstate *st, int sig);

#endif
