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

/*
 * What delivering a signal does to a thread: the one answer to that
 * question (signal(7)'s dispositions).  A signal an emulated wait takes
 * itself (rt_sigtimedwait's set) is never delivered: the wait's own
 * takes_signal decides that first (emul/settle.c).
 */
enum sig_action {
	SIGACT_UNKNOWN,	  /* the thread's state could not be read (it is gone) */
	SIGACT_HANDLER,	  /* a handler runs */
	SIGACT_IGNORE,	  /* ignored, explicitly or by default */
	SIGACT_STOP,	  /* the default action stops the thread group */
	SIGACT_TERMINATE, /* the default action kills the process */
	SIGACT_CORE,	  /* the same, with a core dump */
};

/* What delivering sig does to the thread described by st. */
enum sig_action sig_action(const struct sigstate *st, int sig);

static inline bool sig_action_kills(enum sig_action act)
{
	return act == SIGACT_TERMINATE || act == SIGACT_CORE;
}

/*
 * One thread's signal state at one stop, read from /proc/TID/status at
 * most once: the stop's handlers share it instead of each reading it.
 * Nothing else can change a ptrace-stopped thread's mask, and the
 * stop's decisions must agree with each other.
 */
struct sigsnap {
	pid_t tid;
	int loaded; /* 0: not read yet, 1: st holds it, -1: unreadable */
	struct sigstate st;
};

static inline void sigsnap_init(struct sigsnap *snap, pid_t tid)
{
	snap->tid = tid;
	snap->loaded = 0;
}

/* The state, read on first use; NULL when it cannot be read. */
const struct sigstate *sigsnap_get(struct sigsnap *snap);
/* sig_action for snap's thread (SIGKILL and SIGSTOP need no read). */
enum sig_action sigsnap_action(struct sigsnap *snap, int sig);

#endif
