// SPDX-License-Identifier: MIT
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <sys/ptrace.h>

#include "log.h"
#include "resume.h"
#include "task.h"

static resume_wants_exit_fn *wants_exit;
static resume_hold_fn *hold;

void resume_set_wants_exit(resume_wants_exit_fn *fn)
{
	wants_exit = fn;
}

static void resume_with(struct task *t, int sig, bool exit_stop)
{
	enum __ptrace_request req = exit_stop ? PTRACE_SYSCALL : PTRACE_CONT;

	/* ESRCH: killed meanwhile (SIGKILL); its exit is reported next. */
	if (ptrace(req, t->tid, NULL, (void *)(long)sig) < 0 && errno != ESRCH)
		psb_perror("%s %d", exit_stop ? "PTRACE_SYSCALL" : "PTRACE_CONT", (int)t->tid);
}

void resume_set_hold(resume_hold_fn *fn)
{
	hold = fn;
}

void resume_released(struct task *t, int sig, bool entry)
{
	if (entry)
		resume_with(t, 0, (t->flags & TASK_EXIT_WORK) || (wants_exit && wants_exit(t)));
	else
		resume_with(t, sig, wants_exit && wants_exit(t));
}

void resume(struct task *t, int sig)
{
	if (hold && hold(t, sig, false))
		return;
	resume_released(t, sig, false);
}

void resume_entry(struct task *t)
{
	if (hold && hold(t, 0, true))
		return;
	resume_released(t, 0, true);
}

void resume_listen(struct task *t)
{
	if (ptrace(PTRACE_LISTEN, t->tid, NULL, NULL) < 0 && errno != ESRCH)
		psb_perror("PTRACE_LISTEN %d", (int)t->tid);
}

int interrupt(struct task *t)
{
	return ptrace(PTRACE_INTERRUPT, t->tid, NULL, NULL);
}
