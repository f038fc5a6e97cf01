// SPDX-License-Identifier: MIT
/*
 * ptsandbox -p: attach to running processes, trace them, detach.
 *
 * Unlike a guest ptsandbox started, an attached process runs without a
 * seccomp filter and nothing of it is emulated: every thread is resumed
 * with PTRACE_SYSCALL, so each syscall stops at its entry (printed as a
 * seccomp stop would be) and at its exit, as under strace.  Blocked
 * calls stay in the kernel, which is what makes detaching exact.
 *
 * Attaching is PTRACE_SEIZE of every thread in /proc/PID/task (again
 * until a pass finds no new one), then PTRACE_INTERRUPT for a first
 * stop.  That interrupt wakes a blocked call as a signal would: most
 * restart by themselves (ERESTARTSYS, restart_syscall), but the calls
 * that fail with EINTR on any wakeup (epoll_wait, sigtimedwait, semop:
 * SYSF_EINTR_ANY) would return an EINTR never seen natively; those
 * are turned into restarts (undo_interrupt_eintr).
 *
 * Detaching interrupts every thread and detaches each at its next stop:
 * a signal-delivery-stop hands its signal back, a group-stop stays
 * stopped, and a call woken by the interrupt restarts as above.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/ptrace.h>

#include "arch/arch.h"
#include "attach.h"
#include "log.h"
#include "options.h"
#include "restart.h"
#include "seccomp_filter.h"
#include "signals/ignored.h"
#include "signals/sigstate.h"
#include "task.h"
#include "report/dump.h"
#include "trace/tracing.h"

#define MAX_PIDS 64

/* Signals that detach, as strace's. */
static const int detach_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};

static struct {
	const struct options *o;
	bool detaching;
	int detach_sig; /* the signal that made us detach: exit 128 + it, as strace */
	int sfd;
} at = {.sfd = -1};

static bool quiet(void)
{
	return at.o->st.quiet > 0;
}

/* -p 12,34 -p 56: every PID, each > 0. */
static int parse_pids(const struct options *o, pid_t *pids)
{
	int n = 0;

	for (int i = 0; i < o->nattach; i++) {
		const char *s = o->attach[i];

		do {
			char *end;
			long v;

			errno = 0;
			v = strtol(s, &end, 10);
			if (end == s || (*end && *end != ',') || errno || v <= 0 || v > INT_MAX) {
				psb_error("invalid process id: '%s'", o->attach[i]);
				return -1;
			}
			if (n == MAX_PIDS) {
				psb_error("too many process ids (at most %d)", MAX_PIDS);
				return -1;
			}
			pids[n++] = (pid_t)v;
			s = *end ? end + 1 : end;
		} while (*s);
	}
	return n;
}

/* What the running process cannot be given: it is traced, not run. */
static int check_options(const struct options *o)
{
	const char *bad = NULL;

	if (o->argc > 0)
		bad = "a command";
	else if (o->policy.active || o->policy.learn)
		bad = "a sandbox policy";
	else if (o->timeout_ns)
		bad = "--timeout";
	else if (o->interrupt)
		bad = "--interrupt";
	if (!bad)
		return 0;
	psb_error("-p PID cannot be combined with %s", bad);
	return -1;
}

/* EPERM: say why when Yama's ptrace_scope forbids it. */
static void attach_error(pid_t pid, int err)
{
	FILE *f = err == EPERM ? fopen("/proc/sys/kernel/yama/ptrace_scope", "re") : NULL;
	int scope = 0;

	if (f) {
		if (fscanf(f, "%d", &scope) != 1)
			scope = 0;
		fclose(f);
	}
	if (scope > 0)
		psb_error("cannot attach to pid %d: %s (kernel.yama.ptrace_scope is %d)", (int)pid,
			  strerror(err), scope);
	else
		psb_error("cannot attach to pid %d: %s", (int)pid, strerror(err));
}

static unsigned long seize_options(void)
{
	unsigned long opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC;

	/* No PTRACE_O_EXITKILL: the process must outlive ptsandbox. */
	if (at.o->follow)
		opts |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
	return opts;
}

static int seize_thread(pid_t tid, pid_t tgid, pid_t ppid)
{
	struct task *t;

	if (ptrace(PTRACE_SEIZE, tid, NULL, (void *)seize_options()) < 0)
		return -1;
	t = task_add(tid, tgid, ppid);
	t->flags |= TASK_INTERRUPTED;
	/* --dump: the dump's own interrupt is the first stop, and the last. */
	if (at.o->dump_now)
		t->flags |= TASK_DETACH;
	else
		ptrace(PTRACE_INTERRUPT, tid, NULL, NULL);
	return 0;
}

/* One pass over /proc/TGID/task: how many threads were new, or -1. */
static int seize_new_threads(pid_t tgid, pid_t ppid, int *err)
{
	char path[64];
	struct dirent *de;
	int added = 0;
	DIR *d;

	snprintf(path, sizeof(path), "/proc/%d/task", (int)tgid);
	d = opendir(path);
	if (!d) {
		*err = ESRCH;
		return -1;
	}
	while ((de = readdir(d))) {
		pid_t tid = (pid_t)atoi(de->d_name);

		if (tid <= 0 || task_find(tid))
			continue;
		if (seize_thread(tid, tgid, ppid) == 0)
			added++;
		else if (errno != ESRCH && !*err)
			*err = errno; /* a thread that exited meanwhile is no error */
	}
	closedir(d);
	return added;
}

/* Every thread of pid's process, until no new one appears. */
static int attach_process(pid_t pid)
{
	int n, total = 0, err = 0;
	pid_t tgid, ppid;

	if (proc_read_ids(pid, &tgid, &ppid) < 0 || tgid <= 0) {
		attach_error(pid, ESRCH);
		return -1;
	}
	if (tgid == getpid()) {
		psb_error("cannot attach to pid %d: it is ptsandbox itself", (int)pid);
		return -1;
	}
	if (proc_find(tgid))
		return 0; /* named twice */
	while ((n = seize_new_threads(tgid, ppid, &err)) > 0)
		total += n;
	if (!total) {
		attach_error(pid, err ? err : ESRCH);
		return -1;
	}
	if (total > 1 || task_count() > total)
		tracing_new_task(tgid);
	if (!quiet()) {
		tracing_aside(stderr);
		if (total > 1)
			fprintf(stderr, "ptsandbox: Process %d attached with %d threads\n",
				(int)tgid, total);
		else
			fprintf(stderr, "ptsandbox: Process %d attached\n", (int)tgid);
	}
	return 0;
}

/* Tracing: stop at every syscall; only dumping (--dump-on): at signals and events only. */
static void resume_thread(struct task *t, int sig)
{
	bool syscalls = at.o->trace != NULL;

	if (ptrace(syscalls ? PTRACE_SYSCALL : PTRACE_CONT, t->tid, NULL, (void *)(long)sig) < 0 &&
	    errno != ESRCH)
		psb_perror("%s %d", syscalls ? "PTRACE_SYSCALL" : "PTRACE_CONT", (int)t->tid);
}

/*
 * Our PTRACE_INTERRUPT may have woken t's blocked call.  A call that fails with
 * EINTR on any wakeup would show an EINTR no signal caused: make the
 * kernel restart it instead, unless a signal is pending that ends the
 * call anyway (it is delivered next, and its EINTR is real).
 */
static void undo_interrupt_eintr(struct task *t)
{
	struct arch_regs regs;
	struct sigstate st;

	if (arch_get_regs(t->tid, &regs) < 0 || arch_regs_ret(&regs) != -EINTR ||
	    !(arch_sysid_flags(arch_regs_nr(&regs)) & SYSF_EINTR_ANY))
		return;
	if (sigstate_read(t->tid, &st) < 0 || ((st.pending | st.shared) & ~st.blocked))
		return;
	arch_regs_set_ret(&regs, -ERESTARTNOHAND);
	arch_set_regs(t->tid, &regs);
}

static void forget(struct task *t)
{
	dump_task_gone(t->tid);
	task_remove(t);
}

/* t, marked TASK_DETACH, is in a stop: let it go from there. */
static void detach_at_stop(struct task *t, int sig, int event)
{
	int dsig = 0;

	if (event == 0 && sig != (SIGTRAP | 0x80)) {
		struct sigsnap snap;

		/* A signal-delivery-stop: the signal goes on, untraced. */
		dsig = sig;
		sigsnap_init(&snap, t->tid);
		ignored_signal_fixup(&snap, sig, 0);
	}
	/* A group-stop (sig_is_stop) is detached as is: it stays stopped. */
	tracing_detached(t);
	if (ptrace(PTRACE_DETACH, t->tid, NULL, (void *)(long)dsig) < 0 && errno != ESRCH) {
		psb_perror("PTRACE_DETACH %d", (int)t->tid);
	} else if (!quiet()) {
		tracing_aside(stderr);
		fprintf(stderr, "ptsandbox: Process %d detached\n", (int)t->tid);
	}
	forget(t);
}

static void mark_detach(struct task *t, void *arg)
{
	(void)arg;
	if (t->flags & TASK_DETACH)
		return;
	t->flags |= TASK_DETACH | TASK_INTERRUPTED;
	/* ESRCH: exiting; its exit status comes next. */
	ptrace(PTRACE_INTERRUPT, t->tid, NULL, NULL);
}

/* A dump is about to PTRACE_INTERRUPT every thread. */
static void mark_interrupted(struct task *t, void *arg)
{
	(void)arg;
	t->flags |= TASK_INTERRUPTED;
}

static void start_detach(void)
{
	at.detaching = true;
	task_for_each(mark_detach, NULL);
}

static struct task *new_task(pid_t tid)
{
	struct task *t;
	pid_t tgid, ppid;

	if (proc_read_ids(tid, &tgid, &ppid) < 0) {
		tgid = tid;
		ppid = 0;
	}
	t = task_add(tid, tgid, ppid);
	if (t && at.detaching)
		t->flags |= TASK_DETACH;
	return t;
}

static void on_new_child(struct task *t)
{
	unsigned long msg = 0;

	if (ptrace(PTRACE_GETEVENTMSG, t->tid, NULL, &msg) < 0 || !msg)
		return;
	if (!task_find((pid_t)msg) && !task_was_reaped((pid_t)msg))
		new_task((pid_t)msg);
	tracing_new_task((pid_t)msg);
}

static void on_exec(struct task *t)
{
	unsigned long former = 0;

	ptrace(PTRACE_GETEVENTMSG, t->tid, NULL, &former);
	if (!former || (pid_t)former == t->tid)
		return;
	tracing_superseded(t, (pid_t)former);
	task_exec_rename((pid_t)former, t->tid);
}

/* The entry stop of a call, printed as a seccomp stop is. */
static void on_entry(struct task *t, const struct ptrace_syscall_info *info)
{
	struct ptrace_syscall_info si = *info;

	if (info->arch != arch_audit_arch() ||
	    (arch_foreign_nr_base() && info->entry.nr >= arch_foreign_nr_base()))
		return;
	si.op = PTRACE_SYSCALL_INFO_SECCOMP;
	si.seccomp.nr = info->entry.nr;
	memcpy(si.seccomp.args, info->entry.args, sizeof(si.seccomp.args));
	si.seccomp.ret_data = 0;
	tracing_inject(t, &si);
	tracing_seccomp_stop(t, &si, false, false);
}

static void on_syscall_stop(struct task *t)
{
	struct ptrace_syscall_info info;

	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(info), &info) > 0) {
		if (info.op == PTRACE_SYSCALL_INFO_ENTRY)
			on_entry(t, &info);
		else if (info.op == PTRACE_SYSCALL_INFO_EXIT)
			tracing_syscall_exit(t);
	}
	resume_thread(t, 0);
}

static void on_event_stop(struct task *t, int sig)
{
	if (sig_is_stop(sig)) {
		/* A group-stop: stay stopped as natively, yet see the SIGCONT. */
		tracing_group_stop(t, sig);
		t->flags |= TASK_LISTENING;
		if (ptrace(PTRACE_LISTEN, t->tid, NULL, NULL) < 0 && errno != ESRCH)
			psb_perror("PTRACE_LISTEN %d", (int)t->tid);
		return;
	}
	/* Our interrupt, the end of a group-stop, or a new tracee's first stop. */
	t->flags &= ~(unsigned)TASK_LISTENING;
	resume_thread(t, 0);
}

static void on_signal_stop(struct task *t, int sig)
{
	siginfo_t si;
	struct sigsnap snap;

	if (ptrace(PTRACE_GETSIGINFO, t->tid, NULL, &si) == 0)
		tracing_signal(t, &si);
	/* Queued although ignored, because traced: no EINTR from it. */
	sigsnap_init(&snap, t->tid);
	ignored_signal_fixup(&snap, sig, 0);
	resume_thread(t, sig);
}

static void on_stop(struct task *t, int status)
{
	int sig = WSTOPSIG(status), event = (unsigned)status >> 16;

	/*
	 * Any ptrace-stop ends our PTRACE_INTERRUPT (the kernel drops its
	 * trap then): a syscall-exit-stop or the interrupt's own stop may
	 * show the call it woke.  Not a group-stop's: a stop's EINTR is
	 * native (signal(7)), nor a signal's, which is the real cause.
	 */
	if (t->flags & TASK_INTERRUPTED) {
		t->flags &= ~(unsigned)TASK_INTERRUPTED;
		tracing_woken_call(t);
		if ((event == 0 && sig == (SIGTRAP | 0x80)) ||
		    (event == PTRACE_EVENT_STOP && !sig_is_stop(sig)))
			undo_interrupt_eintr(t);
	}
	if (dump_pending())
		tracing_aside(diag ? diag : stderr);
	dump_at_stop(t);
	if (t->flags & TASK_DETACH) {
		detach_at_stop(t, sig, event);
		return;
	}
	switch (event) {
	case 0:
		if (sig == (SIGTRAP | 0x80))
			on_syscall_stop(t);
		else
			on_signal_stop(t, sig);
		return;
	case PTRACE_EVENT_STOP:
		on_event_stop(t, sig);
		return;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		on_new_child(t);
		break;
	case PTRACE_EVENT_EXEC: {
		pid_t leader = t->tid;

		/* A non-leader's exec frees the leader's task and moves its own there. */
		on_exec(t);
		t = task_find(leader);
		break;
	}
	}
	if (t)
		resume_thread(t, 0);
}

static void on_status(pid_t tid, int status)
{
	struct task *t = task_find(tid);

	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		task_note_reaped(tid);
		tracing_task_exit(t, tid, status);
		if (t)
			forget(t);
		return;
	}
	if (!WIFSTOPPED(status))
		return;
	if (!t)
		t = new_task(tid);
	if (t)
		on_stop(t, status);
}

/* Every stop and exit waitable now; false once no tracee is left. */
static bool drain(void)
{
	for (;;) {
		int status;
		pid_t tid = waitpid(-1, &status, __WALL | WNOHANG);

		if (tid < 0 && errno == EINTR)
			continue;
		if (tid < 0)
			return false;
		if (tid == 0)
			return true;
		on_status(tid, status);
	}
}

static void read_signals(void)
{
	struct signalfd_siginfo ssi[8];
	ssize_t n;

	while ((n = read(at.sfd, ssi, sizeof(ssi))) > 0) {
		for (ssize_t i = 0; i < n / (ssize_t)sizeof(ssi[0]); i++) {
			int sig = (int)ssi[i].ssi_signo;

			if (sig == SIGCHLD)
				continue;
			if (sig == at.o->dump_signal) {
				tracing_aside(diag ? diag : stderr);
				task_for_each(mark_interrupted, NULL);
			}
			if (dump_on_signal(sig))
				continue;
			if (at.detaching)
				continue;
			at.detach_sig = sig;
			start_detach();
		}
	}
}

/*
 * The stops come with SIGCHLD (the tracer's, for any tracee), read
 * from a signalfd with the signals that detach: one poll waits for
 * either, and a signal is never lost between a check and a wait.
 */
static int open_signals(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	for (size_t i = 0; i < sizeof(detach_signals) / sizeof(detach_signals[0]); i++)
		sigaddset(&set, detach_signals[i]);
	if (at.o->dump_signal)
		sigaddset(&set, at.o->dump_signal);
	if (sigprocmask(SIG_BLOCK, &set, NULL) < 0)
		return -1;
	at.sfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	return at.sfd;
}

static void event_loop(void)
{
	while (task_count() > 0) {
		struct pollfd p = {.fd = at.sfd, .events = POLLIN};

		/* A detach first: the stops waiting now are where it happens. */
		read_signals();
		if (!drain())
			break;
		/* --dump: every thread dumped and detached at its stop. */
		if (task_count() == 0)
			break;
		if (poll(&p, 1, -1) < 0 && errno != EINTR) {
			psb_perror("poll");
			start_detach();
		}
	}
}

static int attach_all(const pid_t *pids, int n)
{
	for (int i = 0; i < n; i++)
		if (attach_process(pids[i]) < 0)
			return -1;
	return 0;
}

int attach_main(const struct options *opts)
{
	pid_t pids[MAX_PIDS];
	struct sysset set;
	int n, rc = EXIT_OWN_FAILURE;

	at.o = opts;
	if (check_options(opts) < 0 || (n = parse_pids(opts, pids)) < 0)
		return EXIT_OWN_FAILURE;
	if (opts->output && !opts->per_process && diag_open(opts->output, opts->st.append) < 0) {
		psb_perror("cannot open '%s'", opts->output);
		return EXIT_OWN_FAILURE;
	}
	sysset_clear(&set);
	if (tracing_init(opts, &set) < 0)
		return EXIT_OWN_FAILURE;
	/* A held thread is let go by the run loop's delay timer, not ours. */
	if (tracing_delay_fd() >= 0) {
		psb_error("-p PID cannot be combined with -e inject=...:delay_enter=/delay_exit=");
		return EXIT_OWN_FAILURE;
	}
	dump_init(opts);
	if (open_signals() < 0) {
		psb_perror("cannot set up signals");
		return EXIT_OWN_FAILURE;
	}
	if (attach_all(pids, n) == 0)
		rc = 0;
	if (rc)
		start_detach();
	else if (opts->dump_now)
		dump_request("attached");
	event_loop();
	tracing_finish();
	close(at.sfd);
	return rc ? rc : at.detach_sig ? 128 + at.detach_sig : 0;
}
