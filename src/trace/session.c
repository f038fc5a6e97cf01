// SPDX-License-Identifier: MIT
/*
 * A --trace session from start to end: the options parsed and every
 * part of trace/ set up (tracing_init), a thread's state freed with it
 * (tracing_task_free), the -c table printed and the files closed when
 * the guest is gone (tracing_finish).  What each part does: line.c
 * (where lines go), filters.c (the -e qualifiers), syscall_line.c (a
 * call's line), events.c (signal and exit lines), inject_run.c (-e
 * inject), summary.c (-c).
 */
#include "config.h"

#include <stdlib.h>

#include "log.h"
#include "options.h"
#include "task.h"
#include "trace/filters.h"
#include "trace/inject.h"
#include "trace/inject_run.h"
#include "trace/line.h"
#include "trace/ptrace_note.h"
#include "trace/summary.h"
#include "trace/tracing.h"
#include "trace/tstate.h"

int tracing_init(const struct options *o, struct sysset *filter)
{
	ptrace_note_init(filter);
	task_set_release(tracing_task_free);
	if (!o->trace)
		return filters_check(o);
	if (filters_init_shown(o, filter) < 0 || inject_init(o, filter) < 0)
		return -1;
	inject_run_init();
	if (filters_init_decoding(o) < 0)
		return -1;
	if (line_init(o) < 0 || (o->summary && summary_init(o->st.sort_by) < 0)) {
		psb_error("out of memory");
		return -1;
	}
	trace_cfg.lines = !o->summary || o->st.with_lines;
	trace_cfg.on = true;
	return 0;
}

void tracing_task_free(struct task *t)
{
	struct tstate *s = t->trace;

	line_task_free(t);
	if (!s)
		return;
	free(s->held);
	inject_run_forget(t, s);
	free(s);
	t->trace = NULL;
}

void tracing_finish(void)
{
	if (!trace_cfg.on)
		return;
	summary_finish(line_shared_out());
	line_finish();
	filters_finish();
	inject_run_finish();
	trace_cfg.on = false;
}
