// SPDX-License-Identifier: MIT
/*
 * A traced call's line, as strace prints it (--trace, -T, -z, -Z,
 * -e status=, -k, -e read=/write= dumps).
 *
 * The call is recorded at its seccomp stop and the thread resumed with
 * PTRACE_SYSCALL (resume.c asks tracing_wants_exit_stop()), so its
 * syscall-exit-stop gives the result; a parked emulated call has no
 * exit stop of its own and is finished when the emulation settles it
 * (src/emul/settle.c).  " = ret" starts at column 40 when the call is
 * shorter.  Calls that ptsandbox emulated end with " <emulated>", so a
 * reader sees which results came from the supervisor rather than from
 * the kernel, and an interrupted one shows the kernel's own result
 * (trace/interrupted.c), not the emulation's restart code.
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <time.h>
#include <unistd.h>
#include <linux/ptrace.h>

#include "arch/arch.h"
#include "options.h"
#include "restart.h"
#include "task.h"
#include "report/backtrace.h"
#include "trace/decode_ext.h"
#include "trace/filters.h"
#include "trace/guest_view.h"
#include "trace/inject_run.h"
#include "trace/interrupted.h"
#include "trace/line.h"
#include "trace/ptrace_note.h"
#include "trace/summary.h"
#include "trace/syscall_line.h"
#include "trace/tracing.h"
#include "trace/tstate.h"

/* isatty() once per FILE, not once per call. */
static bool on_terminal(FILE *f)
{
	static FILE *last;
	static bool tty;

	if (f != last) {
		last = f;
		tty = isatty(fileno(f));
	}
	return tty;
}

/* Only -c and -T need a call's duration: no clock reads otherwise. */
static bool timed(void)
{
	return summary_on() || trace_cfg.o->durations;
}

static int64_t elapsed_ns(const struct tstate *s)
{
	return line_now_ns(CLOCK_MONOTONIC) - (s->start.tv_sec * 1000000000 + s->start.tv_nsec);
}

static const char *call_name(long nr)
{
	const char *name = arch_syscall_name(nr);

	return name ? name : "syscall";
}

/* ---- the entry half ---- */

/*
 * -z, -Z, -e status=: whether a call is shown depends on its result,
 * so its entry half is kept (s->held) until then, as strace does.
 */
static bool hold_entry(struct tstate *s, size_t n)
{
	char *p = realloc(s->held, n + 1);

	if (!p)
		return false;
	memcpy(p, trace_cfg.buf, n + 1);
	s->held = p;
	s->held_len = n;
	s->col = n;
	return true;
}

static void print_entry(struct task *t, struct tstate *s)
{
	const struct trace_mem mem = guest_view(t->tid);
	FILE *f = line_out(t, s);
	char *buf = trace_cfg.buf;
	size_t n;

	n = line_prefix(t->tid, s->nr, &s->ip, buf, trace_cfg.buflen);
	s->saved.resumed = s->resumable;
	n += decode_syscall_enter_saving(s->nr, s->args, &mem, filters_decode_opts(), &s->saved,
					 buf + n, trace_cfg.buflen - n);
	if (trace_cfg.o->st.status && hold_entry(s, n))
		return;
	line_close_open(t);
	fputs(buf, f);
	s->col = n;
	line_opened(t);
	/*
	 * On a terminal the half line shows what a thread is blocked in;
	 * into a file, like strace, whole lines only: one write per call.
	 */
	if (on_terminal(f))
		fflush(f);
}

/* ---- the result half ---- */

/* The exit half of a call whose result is unknown: ")", then "= ?" aligned. */
static size_t unknown_result(char *buf, size_t len, size_t col)
{
	size_t align = filters_decode_opts()->align;
	size_t pad = col + 1 < align ? align - col - 1 : 1;
	int n = snprintf(buf, len, ")%*s= ?", (int)pad, "");

	return n < 0 ? 0 : (size_t)n < len ? (size_t)n : len - 1;
}

#define LINE_TAIL_MAX 64 /* room kept for line_tail() */

/* " <duration>", " <emulated>" and the newline: at most LINE_TAIL_MAX bytes. */
static size_t line_tail(const struct tstate *s, bool known, int64_t ns, char *buf, size_t len)
{
	static const char *const marks[] = {"", " (INJECTED)", " (INJECTED: args)",
					    " (INJECTED: args, retval)"};
	const char *emulated = s->emulated ? " <emulated>" : "";
	const char *injected = known ? marks[s->injected & (INJ_RETVAL | INJ_ARGS)] : "";
	const char *delayed = known && (s->injected & INJ_DELAYED) ? " (DELAYED)" : "";
	int w;

	if (!trace_cfg.o->durations || !known)
		w = snprintf(buf, len, "%s%s%s\n", injected, delayed, emulated);
	else
		w = snprintf(buf, len, "%s%s <%" PRId64 ".%06" PRId64 ">%s\n", injected, delayed,
			     ns / 1000000000, ns % 1000000000 / 1000, emulated);
	return w < 0 ? 0 : (size_t)w < len ? (size_t)w : len - 1;
}

/*
 * The start of the line the result goes on, into trace_cfg.buf: the
 * held entry half, nothing (the entry half is still open in the
 * stream's buffer) or "<... name resumed>".  Its length and column in
 * *n and *col; false if the call is not shown (-e status=).
 */
static bool result_line_start(struct task *t, struct tstate *s, int64_t ret, bool known, size_t *n,
			      size_t *col)
{
	*n = 0;
	if (s->held) {
		bool shown = filters_status_shown(ret, known);

		if (shown) {
			line_close_open(t);
			memcpy(trace_cfg.buf, s->held, s->held_len);
		}
		*n = s->held_len;
		*col = s->col;
		free(s->held);
		s->held = NULL;
		return shown;
	}
	if (s->open) {
		*col = s->col;
		return true;
	}
	line_close_open(t);
	*n = line_prefix(t->tid, s->nr, &s->ip, trace_cfg.buf, trace_cfg.buflen);
	*n += (size_t)snprintf(trace_cfg.buf + *n, trace_cfg.buflen - *n, "<... %s resumed>",
			       call_name(s->nr));
	*col = *n;
	return true;
}

/*
 * The line's second half; known: ret is the call's result, else "?".
 * Built whole in trace_cfg.buf and written at once: the entry half, if
 * still open, is in the stream's buffer, so a line costs one write(2).
 */
static void finish_call(struct task *t, struct tstate *s, int64_t ret, bool known)
{
	const struct trace_mem mem = guest_view(t->tid);
	int64_t ns = timed() ? elapsed_ns(s) : 0;
	FILE *f = line_out(t, s);
	char *buf = trace_cfg.buf;
	size_t n, col, room;

	s->active = false;
	s->parked = false;
	if (s->unshown) {
		s->unshown = false;
		return;
	}
	/* As strace's: even restart_syscall's own, which it then names. */
	if (known && ret == -ERESTART_RESTARTBLOCK)
		s->resumable = arch_syscall_name(s->nr);
	summary_count(s->nr, ret, known, ns);
	if (!trace_cfg.lines || !result_line_start(t, s, ret, known, &n, &col))
		return;
	room = trace_cfg.buflen - LINE_TAIL_MAX - n;
	s->saved.injected = s->injected & INJ_RETVAL;
	if (known)
		n += decode_syscall_exit_saved(s->nr, s->args, ret, &mem, filters_decode_opts(),
					       &s->saved, col, buf + n, room);
	else
		n += unknown_result(buf + n, room, col);
	n += line_tail(s, known, ns, buf + n, trace_cfg.buflen - n);
	fwrite(buf, 1, n, f);
	line_closed(t);
	if (known)
		filters_dump_io(s->nr, s->args, ret, &mem, f);
	if (trace_cfg.o->stack_trace && known)
		backtrace_print_strace(f, t->tid);
	fflush(f);
}

void syscall_line_end(struct task *t, int64_t ret, bool known)
{
	if (t->trace && t->trace->active)
		finish_call(t, t->trace, ret, known);
}

/* ---- a parked call across a stop ---- */

static long restart_syscall_nr(void)
{
	static long nr = -2;

	if (nr == -2)
		nr = arch_syscall_lookup("restart_syscall");
	return nr;
}

/*
 * The restart's line, as strace shows the kernel's: restart_syscall
 * naming the call (trace/args.c), or the call again with its
 * arguments as they are now (ppoll's timeout is the time left).  Its
 * result comes when the emulation settles it, as any parked call's.
 */
static void open_restart(struct task *t, struct tstate *s)
{
	s->restart_due = false;
	/*
	 * Not traced (restart_syscall outside the set): still followed to
	 * its end, for a rerun's native call is the kernel's restart.
	 */
	s->unshown = !filters_traced(s->restart_nr);
	s->active = true;
	s->parked = true;
	s->emulated = true;
	s->rerun = false;
	s->injected = 0;
	s->nr = s->restart_nr;
	if (timed())
		clock_gettime(CLOCK_MONOTONIC, &s->start);
	if (trace_cfg.lines && !s->unshown)
		print_entry(t, s);
}

void syscall_line_stopped(struct task *t, int64_t err)
{
	struct tstate *s = t->trace;
	int64_t ret;

	if (!s || !s->active || !s->parked)
		return;
	ret = trace_interrupted_ret(s->wait_nr, s->args, err);
	finish_call(t, s, ret, true);
	/* An EINTR is the call's end; a restart code is the kernel's restart. */
	if (!trace_is_interruption(ret) || ret == -EINTR)
		return;
	s->restart_due = true;
	s->restart_nr = ret == -ERESTART_RESTARTBLOCK ? restart_syscall_nr() : s->wait_nr;
}

/*
 * Settled after a stop before its restart's line opened: it completed
 * while the thread was stopped, or a signal ended it.  The kernel runs
 * the restart once the thread runs again, after the SIGCONT's delivery:
 * its line comes with the thread's next one (syscall_line_flush_restart),
 * with the result settled now or, for a rerun, its native call's.  A
 * handler's signal ends the call before any restart: no line.
 */
static void settled_before_restart(struct tstate *s, int64_t ret, bool rerun)
{
	if (rerun) {
		s->rerun = true;
		return;
	}
	s->restart_due = false;
	if (trace_is_interruption(ret))
		return;
	s->restart_done = true;
	s->restart_ret = ret;
}

void syscall_line_flush_restart(struct task *t)
{
	struct tstate *s = t->trace;

	if (!s || !s->restart_done)
		return;
	s->restart_done = false;
	open_restart(t, s);
	finish_call(t, s, trace_interrupted_ret(s->wait_nr, s->args, s->restart_ret), true);
}

void tracing_parked_restart(struct task *t)
{
	struct tstate *s = t->trace;

	if (trace_cfg.on && s && s->restart_due)
		open_restart(t, s);
}

/* ---- the hooks ---- */

static long sigreturn_nr(void)
{
	static long nr = -2;

	if (nr == -2)
		nr = arch_syscall_lookup("rt_sigreturn");
	return nr;
}

void tracing_seccomp_stop(struct task *t, const struct ptrace_syscall_info *info, bool emulated,
			  bool parked)
{
	long nr = (long)info->seccomp.nr;
	struct tstate *s;
	unsigned int injected;

	ptrace_note_seccomp(info);
	if (!trace_cfg.on || !(s = tstate_of(t)))
		return;
	syscall_line_flush_restart(t);
	injected = s->inject_mark;
	s->inject_mark = 0;
	if (!filters_traced(nr))
		return;
	/* The same stop after its delay_enter=: the line was opened before it. */
	if (s->entry_shown) {
		s->entry_shown = false;
		if (s->active && s->nr == nr) {
			s->injected = injected | INJ_DELAYED;
			s->emulated = emulated;
			s->parked = parked;
			return;
		}
	}
	if (!(s->rerun && s->wait_nr == nr) && !filters_paths_match(t->tid, info))
		return;
	/*
	 * The native re-execution of a settled wait: the same call goes on
	 * (also on a restart_syscall line: the kernel's restart returns it).
	 */
	if (s->rerun && s->wait_nr == nr) {
		s->rerun = false;
		s->active = true;
		/*
		 * Settled while stopped: the kernel's restart would run after
		 * the SIGCONT's delivery, which the rerun's held signals
		 * (emul/settle.c) put after this call: its line waits for
		 * that, its result from this call's exit.
		 */
		s->restart_held = s->restart_due;
		return;
	}
	if (s->active)
		finish_call(t, s, 0, false);
	s->rerun = false;
	s->active = true;
	s->injected = injected;
	s->emulated = emulated;
	s->parked = parked;
	s->nr = nr;
	s->wait_nr = nr;
	s->restart_due = false;
	s->unshown = false;
	memcpy(s->args, info->seccomp.args, sizeof(s->args));
	s->ip = info->instruction_pointer;
	/* The decoder's way to the frame rt_sigreturn restores its mask from. */
	if (nr == sigreturn_nr())
		s->args[0] = arch_sigreturn_mask_addr(info->stack_pointer);
	if (timed())
		clock_gettime(CLOCK_MONOTONIC, &s->start);
	if (trace_cfg.lines)
		print_entry(t, s);
}

int tracing_inject(struct task *t, const struct ptrace_syscall_info *info)
{
	int rc = inject_run_enter(t, info);

	if (rc < 0) {
		/* strace prints the entry first: a thread killed meanwhile ends it "= ?". */
		tracing_seccomp_stop(t, info, false, false);
		t->trace->entry_shown = t->trace->active;
	}
	return rc;
}

bool tracing_wants_exit_stop(const struct task *t)
{
	struct tstate *s;

	if (!trace_cfg.on || !t || !(s = t->trace))
		return false;
	/* A parked call's work is done when the emulation settles it. */
	return (s->active && !s->parked) ||
	       (!t->wait && (s->exit_ret || s->exit_poke || s->exit_delay));
}

void tracing_syscall_exit(struct task *t)
{
	struct ptrace_syscall_info info;
	struct tstate *s = t->trace;

	if (!trace_cfg.on || !s)
		return;
	/* The exit of a parking ppoll is not the call's. */
	if (!t->wait)
		inject_run_exit(t, s);
	if (!s->active || s->parked)
		return;
	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(info), &info) <= 0 ||
	    info.op != PTRACE_SYSCALL_INFO_EXIT) {
		s->restart_held = false;
		finish_call(t, s, 0, false);
		return;
	}
	if (s->restart_held) {
		s->restart_held = false;
		s->active = false;
		s->restart_done = true;
		s->restart_ret = info.exit.rval;
		return;
	}
	finish_call(t, s, info.exit.rval, true);
}

void tracing_emul_settled(struct task *t, int64_t ret, bool rerun)
{
	struct tstate *s = t->trace;

	if (!trace_cfg.on || !s)
		return;
	/* A rerun's own exit stop does it. */
	if (!rerun)
		inject_run_exit(t, s);
	if (s->restart_due) {
		settled_before_restart(s, ret, rerun);
		return;
	}
	if (!s->active || !s->parked)
		return;
	if (rerun) {
		/* Its seccomp stop comes next; that one's exit gives the result. */
		s->active = false;
		s->parked = false;
		s->rerun = true;
		return;
	}
	/* A restart_syscall line ends as the call it resumes would. */
	finish_call(t, s, trace_interrupted_ret(s->wait_nr, s->args, ret), true);
}

void tracing_woken_call(struct task *t)
{
	struct arch_regs regs;
	struct tstate *s;

	/* At an interrupt's stop the kernel has not set up the restart yet. */
	if (!trace_cfg.on || !(s = tstate_of(t)) || arch_get_regs(t->tid, &regs) < 0 ||
	    arch_regs_ret(&regs) != -ERESTART_RESTARTBLOCK)
		return;
	s->resumable = arch_syscall_name(arch_regs_nr(&regs));
}

void tracing_detached(struct task *t)
{
	struct tstate *s = t->trace;
	FILE *f;

	if (!trace_cfg.on || !s || !s->active)
		return;
	s->active = false;
	/* -e status=: the entry half was held; nothing of it was shown. */
	free(s->held);
	s->held = NULL;
	/* As strace: only a line still open ends so; "<unfinished ...>" ones stay. */
	if (!trace_cfg.lines || !s->open)
		return;
	f = line_out(t, s);
	fputs(" <detached ...>\n", f);
	fflush(f);
	line_closed(t);
}
