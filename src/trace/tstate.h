/* SPDX-License-Identifier: MIT */
/*
 * What --trace keeps per guest thread (struct task's trace): its call in
 * progress, the state of its line and what -e inject did to the call.
 * Private to trace/: line.c, syscall_line.c, events.c and inject_run.c
 * share it; each group of fields says which of them writes it.
 */
#ifndef PTSANDBOX_TRACE_TSTATE_H
#define PTSANDBOX_TRACE_TSTATE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "task.h"
#include "trace/decode_types.h"
#include "trace/inject.h"

/* What -e inject did to a call: its line's " (INJECTED...)" and " (DELAYED)". */
enum { INJ_RETVAL = 1, INJ_ARGS = 2, INJ_DELAYED = 4 };

struct tstate {
	/* The line (line.c, syscall_line.c): */
	FILE *f;    /* -ff: this task's FILE.PID, opened on first use */
	bool open;  /* entry printed, no newline yet */
	size_t col; /* width of the open line */

	/* The call (syscall_line.c): */
	bool active;   /* entered, line not finished yet */
	bool parked;   /* emulated wait: no exit stop, settled by the emulation */
	bool emulated; /* the result is (or will be) ptsandbox's */
	bool rerun;    /* settled as "run it again natively": expect its stop */
	long nr;
	uint64_t args[6];
	struct decode_saved saved; /* value-result arguments at entry */
	struct timespec start;
	char *held; /* -z/-Z/-e status=: the entry half, printed with its result */
	size_t held_len;
	uint64_t ip;	       /* -i: after the call's syscall instruction */
	unsigned int injected; /* INJ_*: what its line says was done (poke_exit= too) */
	bool entry_shown;      /* its line opened when its delay_enter= began, as strace's */
	/*
	 * A parked call stopped by a stop signal, its wait going on: its
	 * line ended as the kernel's call ends, and the line of its restart
	 * (restart_syscall, or the call again) is due once it runs again.
	 */
	long wait_nr;	   /* the call the emulation waits in (nr may be restart_syscall's) */
	bool restart_due;  /* that restart's line is not open yet */
	long restart_nr;   /* and it is this call's */
	bool unshown;	   /* a restart the trace set leaves out: followed, never printed */
	bool restart_held; /* settled while stopped, rerun: its exit gives restart_ret */
	bool restart_done; /* settled while stopped: its line waits for t's next event */
	int64_t restart_ret;
	/* A stop signal was delivered since the last group-stop line (events.c). */
	bool stop_delivered;
	/* The last call that ended ERESTART_RESTARTBLOCK: what restart_syscall resumes. */
	const char *resumable;

	/* -e inject (inject_run.c): */
	void *inject_counters;	      /* invocations per rule and syscall */
	unsigned int inject_mark;     /* INJ_*: what was done to the call at this seccomp stop */
	int inject_sig;		      /* sent at the call's entry: made SI_KERNEL at its delivery */
	struct inject_action delayed; /* matched, its delay_enter under way */
	unsigned int delayed_mark;    /* INJ_* done before it (poke_enter=) */
	bool entry_delayed;	      /* so the seccomp stop's second handling uses it */
	/* To do at the call's exit (its exit stop, or its parked wait's end): */
	bool exit_ret; /* syscall=: the replacement ran, give back exit_retval */
	int64_t exit_retval;
	const struct inject_poke *exit_poke; /* poke_exit= */
	bool exit_delay;		     /* delay_exit=: hold its next resume */
	int64_t exit_delay_ns;
	bool hold_armed;       /* exit done: the next resume of t is held exit_delay_ns */
	uint64_t exit_args[6]; /* the injected call's arguments, for poke_exit= */
	long exit_nr;
};

/* t's state, made on first use; NULL if out of memory. */
static inline struct tstate *tstate_of(struct task *t)
{
	if (!t->trace)
		t->trace = calloc(1, sizeof(struct tstate));
	return t->trace;
}

#endif
