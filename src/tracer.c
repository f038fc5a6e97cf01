// SPDX-License-Identifier: MIT
/*
 * The tracer loop.  One thread (the one that seized the guest, as
 * ptrace requires) waits on a signalfd (SIGCHLD and the host signals
 * to forward) and on the emulation's completion eventfd, and drains
 * waitpid(__WALL) so that every ptrace stop is answered exactly once:
 *
 *   seccomp stop            -> emulate or let the syscall run
 *   signal-delivery-stop    -> restore host siginfo, settle emulated
 *                              wait, deliver the signal unchanged
 *   group-stop (EVENT_STOP) -> PTRACE_LISTEN, as a native stop
 *   other EVENT_STOP        -> our PTRACE_INTERRUPT or a new tracee
 *   fork/clone/exec events  -> task bookkeeping
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ptrace.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/ptrace.h>

#include "arch/arch.h"
#include "emul/emul.h"
#include "log.h"
#include "signals/forward.h"
#include "signals/host.h"
#include "signals/ignored.h"
#include "spawn.h"
#include "task.h"
#include "trace/crash.h"
#include "trace/dump.h"
#include "tracer.h"

static pid_t main_pid;
static int main_status;
static bool main_exited;
static bool main_execd;

void tracer_resume(pid_t tid, int sig)
{
	/* ESRCH: killed meanwhile (SIGKILL); its exit is reported next. */
	if (ptrace(PTRACE_CONT, tid, NULL, (void *)(long)sig) < 0 && errno != ESRCH)
		psb_perror("PTRACE_CONT %d", (int)tid);
}

static struct task *new_task(pid_t tid)
{
	pid_t tgid, ppid;

	if (proc_read_ids(tid, &tgid, &ppid) < 0) {
		tgid = tid;
		ppid = 0;
	}
	return task_add(tid, tgid, ppid);
}

static void on_seccomp_stop(struct task *t)
{
	struct ptrace_syscall_info info;

	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(info), &info) <= 0 ||
	    info.op != PTRACE_SYSCALL_INFO_SECCOMP) {
		tracer_resume(t->tid, 0);
		return;
	}
	/* Another ABI (int 0x80, x32): seen, then run with native semantics. */
	if (info.arch != arch_audit_arch() ||
	    (arch_foreign_nr_base() && info.seccomp.nr >= arch_foreign_nr_base())) {
		tracer_resume(t->tid, 0);
		return;
	}
	emul_syscall(t, &info);
	tracer_resume(t->tid, 0);
}

static void on_new_child(struct task *t)
{
	unsigned long msg = 0;

	if (ptrace(PTRACE_GETEVENTMSG, t->tid, NULL, &msg) == 0 && msg && !task_find((pid_t)msg))
		new_task((pid_t)msg);
}

static void on_exec(struct task *t)
{
	unsigned long former = 0;
	pid_t leader = t->tid;

	ptrace(PTRACE_GETEVENTMSG, leader, NULL, &former);
	if (former && (pid_t)former != leader) {
		struct task *moved = task_exec_rename((pid_t)former, leader);

		if (moved)
			t = moved;
	}
	/* Any wait of the execing thread ended with its old image. */
	if (t->wait)
		emul_task_gone(t);
	t->proc->exec_done = true;
	if (t->proc->tgid == main_pid)
		main_execd = true;
}

static bool is_group_stop_sig(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static void on_event_stop(struct task *t, int sig)
{
	bool stop_signal = t->flags & TASK_STOP_SIGNAL;

	t->flags &= ~(unsigned)TASK_STOP_SIGNAL;
	if (is_group_stop_sig(sig)) {
		/* Stay stopped like a native group-stop, yet see SIGCONT. */
		t->flags |= TASK_LISTENING;
		if (ptrace(PTRACE_LISTEN, t->tid, NULL, NULL) < 0 && errno != ESRCH)
			psb_perror("PTRACE_LISTEN %d", (int)t->tid);
		/*
		 * The job is stopped when the guest is, and the shell waits
		 * on us.  Every thread reports the group-stop, some after a
		 * SIGCONT already ended it; only the thread that dequeued the
		 * stop signal starts one.
		 */
		if (stop_signal && t->proc->tgid == main_pid)
			host_stop_self(sig);
		return;
	}
	/* Our PTRACE_INTERRUPT, the end of a group-stop, or a new tracee. */
	t->flags &= ~(unsigned)(TASK_LISTENING | TASK_INTERRUPTED);
	if (t->wait)
		emul_settle(t, 0);
	tracer_resume(t->tid, 0);
}

static void on_signal_stop(struct task *t, int sig)
{
	siginfo_t si;

	if (ptrace(PTRACE_GETSIGINFO, t->tid, NULL, &si) == 0) {
		forward_on_delivery(t, sig, &si);
		if (crash_is_fatal_sync(sig, &si) && crash_will_kill(t->tid, sig))
			crash_report(diag ? diag : stderr, t->tid, &si);
	}
	if (t->wait)
		emul_settle(t, sig);
	else
		ignored_signal_fixup(t->tid, sig);
	if (is_group_stop_sig(sig))
		t->flags |= TASK_STOP_SIGNAL;
	else
		t->flags &= ~(unsigned)TASK_STOP_SIGNAL;
	tracer_resume(t->tid, sig);
}

static void on_exit_status(pid_t tid, int status)
{
	struct task *t = task_find(tid);
	bool released;
	pid_t parent;

	if (tid == main_pid) {
		main_status = status;
		main_exited = true;
		forward_guest_gone();
	}
	if (!t)
		return;
	if (t->wait)
		emul_task_gone(t);
	dump_task_gone(tid);
	released = tid == t->proc->tgid;
	parent = t->proc->ppid;
	task_remove(t);
	/* Reaped by us, the exit is now visible to the real parent. */
	if (released)
		emul_child_released(parent, tid);
}

static bool debug;

static void handle_status(pid_t tid, int status)
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
	/* Any stop will do for a backtrace; then handle it as usual. */
	dump_at_stop(t);

	switch (event) {
	case PTRACE_EVENT_SECCOMP:
		on_seccomp_stop(t);
		return;
	case PTRACE_EVENT_STOP:
		on_event_stop(t, sig);
		return;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		on_new_child(t);
		tracer_resume(tid, 0);
		return;
	case PTRACE_EVENT_EXEC:
		on_exec(t);
		tracer_resume(tid, 0);
		return;
	case 0:
		break;
	default: /* VFORK_DONE, EXIT */
		tracer_resume(tid, 0);
		return;
	}
	if (sig == (SIGTRAP | 0x80)) {
		tracer_resume(tid, 0);
		return;
	}
	on_signal_stop(t, sig);
}

/* Handle every ptrace stop and exit that is waitable now. */
static void drain_events(void)
{
	for (;;) {
		int status;
		pid_t tid = waitpid(-1, &status, __WALL | WNOHANG);

		if (tid <= 0)
			return;
		handle_status(tid, status);
	}
}

static void read_host_signals(int sfd)
{
	struct signalfd_siginfo ssi;

	while (read(sfd, &ssi, sizeof(ssi)) == sizeof(ssi)) {
		if (ssi.ssi_signo == SIGCHLD || dump_on_signal((int)ssi.ssi_signo))
			continue;
		forward_host_signal(&ssi);
	}
}

static bool all_gone(void)
{
	return main_exited && task_count() == 0;
}

/*
 * Safety net for a task table out of step with the kernel.  WNOWAIT
 * matters: a plain WNOHANG wait here would consume (and lose) a stop
 * that arrived since drain_events(), leaving that tracee stopped for
 * ever.
 */
static bool no_tracee_left(void)
{
	siginfo_t si;

	return waitid(P_ALL, 0, &si, WEXITED | WSTOPPED | WNOHANG | WNOWAIT | __WALL) < 0 &&
	       errno == ECHILD;
}

static int event_loop(int sfd, int cfd, int tfd)
{
	struct epoll_event ev = {.events = EPOLLIN};
	int ep = epoll_create1(EPOLL_CLOEXEC);

	if (ep < 0)
		return -1;
	ev.data.fd = sfd;
	epoll_ctl(ep, EPOLL_CTL_ADD, sfd, &ev);
	ev.data.fd = cfd;
	epoll_ctl(ep, EPOLL_CTL_ADD, cfd, &ev);
	ev.data.fd = tfd;
	if (tfd >= 0)
		epoll_ctl(ep, EPOLL_CTL_ADD, tfd, &ev);

	drain_events();
	while (!all_gone()) {
		struct epoll_event evs[4];
		int n = epoll_wait(ep, evs, 4, -1);

		if (n < 0 && errno != EINTR)
			break;
		for (int i = 0; i < n; i++) {
			if (evs[i].data.fd == sfd)
				read_host_signals(sfd);
			else if (evs[i].data.fd == tfd)
				dump_timer_expired();
			else
				emul_completions();
		}
		drain_events();
		dump_progress();
		if (no_tracee_left())
			break;
	}
	close(ep);
	return 0;
}

static bool is_directory(const char *path)
{
	struct stat st;

	return strchr(path, '/') && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The guest never reached execve's success: report why, env(1)-style. */
static int exec_failure(const char *prog, int err_fd)
{
	int err = 0;

	if (read(err_fd, &err, sizeof(err)) != sizeof(err))
		return -1;
	if (err < 0) {
		psb_error("cannot install the seccomp filter: %s", strerror(-err));
		return EXIT_OWN_FAILURE;
	}
	if (err == EACCES && is_directory(prog)) {
		psb_error("'%s': Is a directory", prog);
		return EXIT_CANNOT_EXEC;
	}
	psb_error("'%s': %s", prog, strerror(err));
	return err == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXEC;
}

int tracer_run(const struct options *opts)
{
	struct sysset set;
	struct spawned sp;
	int sfd, cfd, tfd, rc;

	debug = getenv("PTSANDBOX_DEBUG") != NULL;
	sysset_clear(&set);
	emul_interpose(&set);
	tfd = dump_init(opts);
	if (opts->timeout_ns && tfd < 0)
		return EXIT_OWN_FAILURE;
	sfd = host_signals_init(dump_signal());
	if (sfd < 0) {
		psb_perror("cannot set up signal handling");
		return EXIT_OWN_FAILURE;
	}
	cfd = emul_init();
	if (cfd < 0) {
		psb_perror("cannot start the emulation workers");
		return EXIT_OWN_FAILURE;
	}
	if (spawn_guest(opts->argv, &set, &sp) < 0)
		return EXIT_OWN_FAILURE;
	main_pid = sp.pid;
	task_add(sp.pid, sp.pid, getpid());
	forward_init(sp.pid, drain_events);

	if (event_loop(sfd, cfd, tfd) < 0) {
		psb_perror("tracer loop");
		return EXIT_OWN_FAILURE;
	}
	if (!main_execd) {
		rc = exec_failure(opts->argv[0], sp.exec_err_fd);
		if (rc >= 0)
			return rc;
	}
	if (diag)
		fflush(diag);
	/* timeout(1)'s status, whatever the kill did to the guest. */
	if (dump_timed_out())
		return EXIT_TIMEDOUT;
	if (WIFSIGNALED(main_status)) {
		host_die_by_signal(WTERMSIG(main_status));
		return 128 + WTERMSIG(main_status);
	}
	return WEXITSTATUS(main_status);
}
