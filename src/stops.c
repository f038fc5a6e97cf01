// SPDX-License-Identifier: MIT
/*
 * What the tracer does at each kind of ptrace stop of a guest thread,
 * and at its exit (the loop that waits for them is tracer.c's):
 *
 *   seccomp stop            -> emulate or let the syscall run
 *   syscall-exit-stop       -> the results a traced or watched call wants
 *   signal-delivery-stop    -> restore host siginfo, settle emulated
 *                              wait, deliver the signal unchanged
 *   group-stop (EVENT_STOP) -> PTRACE_LISTEN, as a native stop
 *   other EVENT_STOP        -> our PTRACE_INTERRUPT or a new tracee
 *   fork/clone/exec events  -> task bookkeeping
 *   exit                    -> the task goes; the main process's status
 */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <linux/ptrace.h>

#include "arch/arch.h"
#include "emul/emul.h"
#include "guest_mem.h"
#include "log.h"
#include "policy/hooks.h"
#include "policy/report.h"
#include "resume.h"
#include "signals/forward.h"
#include "signals/jobctl.h"
#include "signals/sigstate.h"
#include "signals/sigwait_siginfo.h"
#include "signals/ignored.h"
#include "task.h"
#include "report/crash.h"
#include "trace/tracing.h"
#include "report/dump.h"
#include "stops.h"

static pid_t main_pid;
static int main_status;
static bool main_exited;
static bool main_execd;

static struct task *new_task(pid_t tid)
{
	pid_t tgid, ppid;

	if (proc_read_ids(tid, &tgid, &ppid) < 0) {
		tgid = tid;
		ppid = 0;
	}
	return task_add(tid, tgid, ppid);
}

void stops_seccomp(struct task *t)
{
	struct ptrace_syscall_info info;
	bool parked, emulated;
	int injected;

	t->stop_eintr_ip = 0;
	emul_unhold(t);
	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(info), &info) <= 0 ||
	    info.op != PTRACE_SYSCALL_INFO_SECCOMP) {
		resume(t, 0);
		return;
	}
	/* Another ABI (int 0x80, x32): seen, then run with native semantics. */
	if (info.arch != arch_audit_arch() ||
	    (arch_foreign_nr_base() && info.seccomp.nr >= arch_foreign_nr_base())) {
		resume(t, 0);
		return;
	}
	parked = t->wait != NULL;
	if (parked)
		tracing_parked_restart(t);
	injected = parked ? 0 : tracing_inject(t, &info);
	/* -e inject=...:delay_enter=: left stopped, handled again when it is over. */
	if (injected < 0)
		return;
	/* -e inject: a call skipped with an injected result is not emulated. */
	if (injected == 1) {
		tracing_seccomp_stop(t, &info, false, false);
		resume(t, 0);
		return;
	}
	/* Nor one with an injected signal pending: the kernel's call sees it. */
	emulated = injected != 2 && emul_syscall(t, &info);
	/* A parked thread's stop is its parking ppoll restarting: no new call. */
	if (!parked)
		tracing_seccomp_stop(t, &info, emulated, t->wait != NULL);
	if (!emulated)
		policy_seccomp_stop(t, &info);
	resume_entry(t);
}

static void on_syscall_exit(struct task *t)
{
	struct ptrace_syscall_info info;
	/* TASK_POLICY_EXIT is the policy's own (policy_syscall_exit). */
	unsigned int work = t->flags & (TASK_SIGWAIT_EXIT | TASK_FUTEX_EXIT);

	if (!work)
		return;
	t->flags &= ~work;
	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(info), &info) <= 0 ||
	    info.op != PTRACE_SYSCALL_INFO_EXIT)
		return;
	if (work & TASK_SIGWAIT_EXIT)
		sigwait_exit(t, info.exit.rval);
	if (work & TASK_FUTEX_EXIT)
		emul_futex_exit(t, info.exit.rval);
}

/* The native syscalls that make a task, looked up once. */
static struct {
	bool known;
	long fork, vfork, clone, clone3;
} makers;

/*
 * The flags of the fork, vfork, clone or clone3 that t is in at its
 * creation event stop, from its registers.  false for another ABI,
 * whose numbers and registers differ.
 */
static bool clone_flags(struct task *t, uint64_t *flags)
{
	struct ptrace_syscall_info info;
	struct arch_regs regs;
	long nr;

	if (!makers.known) {
		makers.fork = arch_syscall_lookup("fork");
		makers.vfork = arch_syscall_lookup("vfork");
		makers.clone = arch_syscall_lookup("clone");
		makers.clone3 = arch_syscall_lookup("clone3");
		makers.known = true;
	}
	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(info), &info) <= 0 ||
	    info.arch != arch_audit_arch() || arch_get_regs(t->tid, &regs) < 0)
		return false;
	nr = arch_regs_nr(&regs);
	if (nr < 0)
		return false;
	if (nr == makers.fork || nr == makers.vfork) {
		*flags = 0;
		return true;
	}
	if (nr == makers.clone) {
		*flags = arch_regs_arg(&regs, 0);
		return true;
	}
	/* clone3(args, size): the flags are the first field of *args. */
	return nr == makers.clone3 && arch_regs_arg(&regs, 1) >= sizeof(*flags) &&
	       guest_read_upto((void *)(intptr_t)t->tid, arch_regs_arg(&regs, 0), flags,
			       sizeof(*flags)) == sizeof(*flags);
}

/*
 * child, just made by t: its thread group and real parent follow from
 * the clone flags, which cost two ptrace requests where /proc cost an
 * open, a read and a close.  CLONE_PARENT (t's parent, which may have
 * changed since t was seen) and anything unusual ask /proc.
 */
static struct task *new_child_task(struct task *t, pid_t child)
{
	uint64_t flags;

	if (!clone_flags(t, &flags) || (flags & CLONE_PARENT))
		return new_task(child);
	if (flags & CLONE_THREAD)
		return task_add(child, t->proc->tgid, t->proc->ppid);
	return task_add(child, child, t->proc->tgid);
}

static void on_new_child(struct task *t)
{
	unsigned long msg = 0;

	if (ptrace(PTRACE_GETEVENTMSG, t->tid, NULL, &msg) < 0 || !msg)
		return;
	/* Already stopped, exited and reaped before this event was read? */
	if (!task_find((pid_t)msg) && !task_was_reaped((pid_t)msg))
		new_child_task(t, (pid_t)msg);
	tracing_new_task((pid_t)msg);
}

/* Returns the task now at t's tid: a non-leader's exec moves its task there. */
static struct task *on_exec(struct task *t)
{
	unsigned long former = 0;
	pid_t leader = t->tid;

	ptrace(PTRACE_GETEVENTMSG, leader, NULL, &former);
	if (former && (pid_t)former != leader) {
		struct task *old = task_find(leader);

		tracing_superseded(old, (pid_t)former);
		/* The old leader vanished inside the exec: end its wait first. */
		if (old && old->wait)
			emul_task_gone(old);
		/*
		 * The event came to the leader's tid, so t is the old leader's
		 * task, which the rename frees; a thread we never saw (its
		 * first stop still queued) gets a fresh task.
		 */
		t = task_exec_rename((pid_t)former, leader);
		if (!t)
			t = new_task(leader);
	}
	/* Any wait of the execing thread ended with its old image. */
	if (t->wait)
		emul_task_gone(t);
	t->proc->exec_done = true;
	if (t->proc->tgid == main_pid)
		main_execd = true;
	return t;
}

static void on_event_stop(struct task *t, int sig)
{
	bool stop_signal = t->flags & TASK_STOP_SIGNAL;
	struct sigsnap snap;

	sigsnap_init(&snap, t->tid);
	t->flags &= ~(unsigned)TASK_STOP_SIGNAL;
	jobctl_settle_stop_effect(t, &snap);
	if (sig_is_stop(sig)) {
		jobctl_group_stop(t, sig, stop_signal, &snap);
		return;
	}
	/* Our PTRACE_INTERRUPT, the end of a group-stop, or a new tracee. */
	jobctl_running(t);
	t->flags &= ~(unsigned)(TASK_LISTENING | TASK_INTERRUPTED);
	if (t->wait)
		emul_settle(t, 0, NULL, &snap);
	resume(t, 0);
}

/*
 * The settled call goes first (emul_settle): sig, now blocked, is put
 * back in the queue by the kernel as we resume with it, and its real
 * delivery comes later.  SIGSTOP and SIGKILL cannot wait; they are
 * delivered now, before the call, as they would be at its entry.
 */
static bool requeue_held(struct task *t, int sig)
{
	if (!(t->flags & TASK_HELD) || sig == SIGKILL || sig == SIGSTOP)
		return false;
	/* Its siginfo is already the guest's: no second forwarding pass. */
	t->proc->requeued |= sigbit(sig);
	t->flags &= ~(unsigned)TASK_STOP_SIGNAL;
	resume(t, sig);
	return true;
}

static void on_signal_stop(struct task *t, int sig)
{
	siginfo_t si;
	bool have_si = ptrace(PTRACE_GETSIGINFO, t->tid, NULL, &si) == 0;
	struct sigsnap snap;
	bool overtaken, requeued = t->proc->requeued & sigbit(sig);

	/* This stop's one read of the thread's signal state, on first use. */
	sigsnap_init(&snap, t->tid);
	overtaken = jobctl_stop_overtaken(&snap, sig);
	t->proc->requeued &= ~sigbit(sig);
	jobctl_settle_stop_effect(t, &snap);
	if (have_si)
		tracing_inject_siginfo(t, sig, &si);
	if (have_si) {
		if (!requeued)
			forward_on_delivery(t, sig, &si);
		if (crash_report_wanted(t->proc->tgid == main_pid) &&
		    crash_is_fatal_sync(sig, &si) && sig_action_kills(sigsnap_action(&snap, sig))) {
			tracing_aside(diag ? diag : stderr);
			crash_report(diag ? diag : stderr, t->tid, &si);
		}
	}
	if (t->wait) {
		/* Taken by the call itself: dequeued, never delivered. */
		if (!emul_settle(t, sig, have_si ? &si : NULL, &snap)) {
			t->flags &= ~(unsigned)TASK_STOP_SIGNAL;
			resume(t, 0);
			return;
		}
		if (requeue_held(t, sig))
			return;
	} else if (!(t->real_eintr & sigbit(sig))) {
		ignored_signal_fixup(&snap, sig, t->stop_eintr_ip);
	}
	jobctl_note_stop_eintr(t, sig, &snap);
	/* After the settled call's line, as the kernel ends the call first. */
	if (have_si)
		tracing_signal(t, &si);
	/*
	 * A stop taken by this thread interrupts every thread's call.  The
	 * others' parked calls would see it at their group-stop, but a
	 * SIGCONT that comes first cancels that and their parking ppoll
	 * just restarts, where the real call has already returned (epoll's
	 * EINTR, nanosleep's *rem): each is interrupted now and settled at
	 * its next stop.  An overtaken stop is over as well: dropped.
	 */
	if (sig_is_stop(sig) && sigsnap_action(&snap, sig) == SIGACT_STOP)
		jobctl_stop_effect(t);
	if (overtaken)
		sig = 0;
	if (sig_is_stop(sig)) {
		t->flags |= TASK_STOP_SIGNAL;
		jobctl_stop_delivered(t, have_si ? &si : NULL);
	} else {
		t->flags &= ~(unsigned)TASK_STOP_SIGNAL;
	}
	resume(t, sig);
}

static void on_exit_status(pid_t tid, int status)
{
	struct task *t = task_find(tid);
	bool released;
	pid_t parent, tgid;

	task_note_reaped(tid);
	if (tid == main_pid) {
		main_status = status;
		main_exited = true;
		forward_guest_gone();
	}
	tracing_task_exit(t, tid, status);
	if (!t)
		return;
	if (t->wait)
		emul_task_gone(t);
	dump_task_gone(tid);
	tgid = t->proc->tgid;
	released = tid == tgid;
	parent = t->proc->ppid;
	task_remove(t);
	emul_thread_exited(tid, tgid);
	/* Reaped by us, the exit is now visible to the real parent. */
	if (released)
		emul_child_released(parent, tid);
}

static bool debug;

void stops_handle(pid_t tid, int status)
{
	struct task *t;
	int sig, event;

	if (debug)
		diag_printf("ptsandbox: debug: tid %d status %#x\n", (int)tid, (unsigned)status);

	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		on_exit_status(tid, status);
		return;
	}
	if (!WIFSTOPPED(status))
		return;
	sig = WSTOPSIG(status);
	event = (unsigned)status >> 16;
	t = task_find(tid);
	if (!t)
		t = new_task(tid);
	/* Only a stop signal's own group-stop may follow its delivery. */
	if (event != PTRACE_EVENT_STOP)
		t->flags &= ~(unsigned)TASK_STOP_SIGNAL;
	/* Any stop will do for a backtrace; then handle it as usual. */
	dump_at_stop(t);

	switch (event) {
	case PTRACE_EVENT_SECCOMP:
		stops_seccomp(t);
		return;
	case PTRACE_EVENT_STOP:
		on_event_stop(t, sig);
		return;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		on_new_child(t);
		resume(t, 0);
		return;
	case PTRACE_EVENT_EXEC:
		policy_exec_event(t);
		t = on_exec(t);
		resume(t, 0);
		return;
	case PTRACE_EVENT_EXIT: /* asked for by a --deny=...:kill only */
		policy_exit_event(t);
		resume(t, 0);
		return;
	case 0:
		break;
	default: /* VFORK_DONE */
		resume(t, 0);
		return;
	}
	if (sig == (SIGTRAP | 0x80)) {
		on_syscall_exit(t);
		tracing_syscall_exit(t);
		/* After the traced line, which the report explains. */
		policy_syscall_exit(t);
		resume(t, 0);
		return;
	}
	/* A call the policy's filter refused: reported, its SIGSYS never delivered. */
	if (policy_signal_stop(t, sig)) {
		resume(t, 0);
		return;
	}
	on_signal_stop(t, sig);
}

static bool no_children;

/*
 * Handle every ptrace stop and exit that is waitable now.  The last
 * wait, which finds nothing, also tells whether any tracee is left
 * (ECHILD): a safety net for a task table out of step with the kernel.
 * __WNOTHREAD: the tracer thread's children and tracees are the guest;
 * the doorbell is another thread's child and is answered by the loop.
 */
void stops_drain(void)
{
	for (;;) {
		int status;
		pid_t tid = waitpid(-1, &status, __WALL | WNOHANG | __WNOTHREAD);

		if (tid < 0 && errno == ECHILD)
			no_children = true;
		if (tid <= 0)
			return;
		stops_handle(tid, status);
	}
}

void stops_init(pid_t main, bool debug_statuses)
{
	main_pid = main;
	debug = debug_statuses;
}

bool stops_main_exited(int *status)
{
	if (status && main_exited)
		*status = main_status;
	return main_exited;
}

bool stops_main_execd(void)
{
	return main_execd;
}

bool stops_none_left(void)
{
	return no_children;
}
