// SPDX-License-Identifier: MIT
/*
 * Waking the tracer loop: the doorbell.  The tracer sleeps in wait4(), which is all that a
 * ptrace stop needs: one blocking call per stop, as in strace, where an
 * epoll on a signalfd cost an epoll_wait, a SIGCHLD queued and read,
 * and a final WNOHANG wait per stop.  But wait4() returns only for a
 * change of state of a child.  So the other wake sources are funnelled
 * into one: the bell, a small child process that polls them and stops
 * itself (SIGSTOP) when one is readable.  The tracer's wait4(WUNTRACED)
 * reports that stop like a ptrace stop; the tracer reads every source,
 * then continues the bell (SIGCONT).
 *
 * The bell polls the completion eventfd and the timerfds itself: their
 * readiness belongs to the file, whoever polls it.
 *
 * Host signals take a shorter way, one process wake-up fewer (the
 * bell's): the front (signals/relay.c) writes them into its pipe, sets
 * the flag "rung" in memory it shares with the supervisor
 * (loop_wake_share) and, if the tracer may be asleep in its wait, sends
 * the tracer thread LOOP_WAKE_SIGNAL (loop_wake_ring).  The wait
 * (arch_wait_unless) does not sleep while the flag is set, and the
 * signal's handler moves a thread caught between that look at the flag
 * and the syscall instruction past the call (the window musl's thread
 * cancellation closes the same way); the kernel restarts a wait the
 * signal interrupted by moving back onto its syscall instruction
 * (SA_RESTART), which is in that window too.  A busy tracer is not
 * signalled: it says "waiting" before it looks at the flag, the front
 * sets the flag before it looks at "waiting", so one of the two sees
 * the other's store.
 *
 * No wakeup is lost (doc/design.md, section 6): every source is
 * level-triggered state that stays readable until the tracer reads it;
 * the bell stops only after poll() saw one readable; the tracer reads
 * every source before it continues the bell, so anything that arrives
 * after those reads is still readable when the bell polls again.
 *
 * The bell is the child of another thread, the ringer, not the tracer
 * thread's: a wait with __WNOTHREAD by the tracer thread sees only the
 * guest, so its ECHILD still means that no tracee is left.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdnoreturn.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arch/arch.h"
#include "loop_wake.h"

#define RINGER_STACK (128 * 1024)
#define BELL_FDS     3

/* Shared by the front and the tracer thread (loop_wake_share). */
struct wake_words {
	int rung;    /* the front wrote into signal_fd since the tracer read it */
	int waiting; /* the tracer is in, or about to be in, its wait */
};

static struct wake_words own_words;

static struct {
	pid_t pid;	   /* the bell */
	int fds[BELL_FDS]; /* what it polls */
	int nfds;
	int signal_fd;	/* host signals from the front; -1 once it is gone */
	int timer_fd;	/* the --timeout timer; -1: none */
	int delay_fd;	/* -e inject delays' timer (trace/delay.c); -1: none */
	int request[2]; /* tracer -> ringer: fork a bell */
	int reply[2];	/* ringer -> tracer: its pid */
	struct wake_words *words;
	const struct loop_wake_readers *readers;
} bell = {.pid = -1, .signal_fd = -1, .timer_fd = -1, .delay_fd = -1, .words = &own_words};

/* Close every fd but the bell's own: it must hold no guest pipe open. */
static void close_others(void)
{
	int keep[BELL_FDS];
	unsigned int from = 0;

	/* Sorted, by insertion: no library call that may allocate after fork(). */
	for (int i = 0; i < bell.nfds; i++) {
		int j = i;

		for (; j > 0 && keep[j - 1] > bell.fds[i]; j--)
			keep[j] = keep[j - 1];
		keep[j] = bell.fds[i];
	}
	for (int i = 0; i < bell.nfds; i++) {
		if ((unsigned int)keep[i] > from)
			close_range(from, (unsigned int)keep[i] - 1, 0);
		from = (unsigned int)keep[i] + 1;
	}
	close_range(from, ~0u, 0);
}

static noreturn void bell_main(pid_t ptsandbox)
{
	struct pollfd p[BELL_FDS];
	pid_t self = getpid();
	sigset_t all;

	/* Only its own SIGSTOP stops it; only SIGKILL ends it. */
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	/* With ptsandbox, even killed by SIGKILL: then nobody answers it. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != ptsandbox)
		_exit(0);
	/* Out of the job's process group: a Ctrl-C or a kill(-pgrp) is not for it. */
	setpgid(0, 0);
	close_others();
	for (int i = 0; i < bell.nfds; i++)
		p[i] = (struct pollfd){.fd = bell.fds[i], .events = POLLIN};
	for (;;)
		if (poll(p, (nfds_t)bell.nfds, -1) > 0)
			kill(self, SIGSTOP);
}

static void fork_bell(void)
{
	pid_t parent = getpid();
	pid_t pid = fork();
	ssize_t unused;

	if (pid == 0)
		bell_main(parent);
	unused = write(bell.reply[1], &pid, sizeof(pid));
	(void)unused;
}

static void *ringer_main(void *arg)
{
	char req;

	(void)arg;
	for (;;) {
		ssize_t n = read(bell.request[0], &req, 1);

		if (n == 1)
			fork_bell();
		else if (n == 0)
			return NULL;
	}
}

/*
 * Every signal but SIGCHLD (the bell's stops) is blocked: at SIG_DFL
 * the kernel drops that one at once instead of queueing one per ring
 * for nobody.
 */
static int start_ringer(void)
{
	pthread_attr_t attr;
	sigset_t mask, old;
	pthread_t th;
	int err;

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&attr, RINGER_STACK);
	sigfillset(&mask);
	sigdelset(&mask, SIGCHLD);
	pthread_sigmask(SIG_SETMASK, &mask, &old);
	err = pthread_create(&th, &attr, ringer_main, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&attr);
	if (err)
		errno = err;
	return err ? -1 : 0;
}

/* The ringer forks it, so that it is the ringer's child. */
static pid_t spawn_bell(void)
{
	const char req = 0;
	pid_t pid;
	ssize_t n;

	if (write(bell.request[1], &req, 1) != 1)
		return -1;
	do
		n = read(bell.reply[0], &pid, sizeof(pid));
	while (n < 0 && errno == EINTR);
	return n == sizeof(pid) ? pid : -1;
}

/* The flag is set already (or this is a stray signal: a spurious wake). */
static void on_wake_signal(int sig, siginfo_t *si, void *ucontext)
{
	(void)sig;
	(void)si;
	arch_wait_abort(ucontext);
}

/*
 * The guest was forked before: it inherits none of this.  SA_RESTART:
 * the tracer thread's other calls go on as if nothing happened.
 */
static int catch_wake_signal(void)
{
	struct sigaction sa = {.sa_sigaction = on_wake_signal, .sa_flags = SA_SIGINFO | SA_RESTART};
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, LOOP_WAKE_SIGNAL);
	if (sigaction(LOOP_WAKE_SIGNAL, &sa, NULL) < 0)
		return -1;
	return pthread_sigmask(SIG_UNBLOCK, &set, NULL) ? -1 : 0;
}

int loop_wake_start(int signal_fd, int done_fd, int timer_fd, int delay_fd,
		    const struct loop_wake_readers *readers)
{
	if (pipe2(bell.request, O_CLOEXEC) < 0 || pipe2(bell.reply, O_CLOEXEC) < 0)
		return -1;
	bell.readers = readers;
	bell.signal_fd = signal_fd;
	bell.timer_fd = timer_fd;
	bell.delay_fd = delay_fd;
	bell.fds[bell.nfds++] = done_fd;
	if (timer_fd >= 0)
		bell.fds[bell.nfds++] = timer_fd;
	if (delay_fd >= 0)
		bell.fds[bell.nfds++] = delay_fd;
	if (catch_wake_signal() < 0 || start_ringer() < 0)
		return -1;
	bell.pid = spawn_bell();
	return bell.pid < 0 ? -1 : 0;
}

int loop_wake_share(void)
{
	void *p = mmap(NULL, sizeof(struct wake_words), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return -1;
	bell.words = p;
	return 0;
}

void loop_wake_ring(pid_t supervisor)
{
	struct wake_words *w = bell.words;

	__atomic_store_n(&w->rung, 1, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (__atomic_load_n(&w->waiting, __ATOMIC_RELAXED))
		tgkill(supervisor, supervisor, LOOP_WAKE_SIGNAL);
}

bool loop_wake_is(pid_t pid)
{
	return pid > 0 && pid == bell.pid;
}

/*
 * Every source is read: let the bell wait again.  A bell that died is
 * replaced.
 */
static int rearm(int status)
{
	if (WIFSTOPPED(status))
		return kill(bell.pid, SIGCONT);
	if (!WIFEXITED(status) && !WIFSIGNALED(status))
		return 0;
	/* Killed by someone: without a bell, nothing but a ptrace stop wakes us. */
	bell.pid = spawn_bell();
	return bell.pid < 0 ? -1 : 0;
}

/*
 * Read every source, whichever rang (reading an empty one costs a
 * failed read; leaving a full one would ring the bell again at once),
 * then let the bell wait again: only then (doc/design.md, section 6).
 */
int loop_wake_answer(int status)
{
	const struct loop_wake_readers *r = bell.readers;

	if (WIFSTOPPED(status)) {
		r->completions();
		if (bell.timer_fd >= 0)
			r->timer();
		if (bell.delay_fd >= 0)
			r->delays();
	}
	return rearm(status);
}

/*
 * wait4() looks at the calling thread's own children and tracees before
 * another thread's child, so while the guest keeps stopping, the bell's
 * stop waits unreported: completions then lag behind the guest's
 * stops.  So the loop also asks for the bell by pid.
 */
int loop_wake_check(void)
{
	int status;

	if (bell.pid <= 0 || waitpid(bell.pid, &status, WNOHANG | WUNTRACED | __WALL) != bell.pid)
		return 0;
	return loop_wake_answer(status);
}

/*
 * Flag first, then the pipe: a signal relayed after the read sets the
 * flag again, and the next wait does not sleep.
 */
static void read_signals(void)
{
	__atomic_store_n(&bell.words->rung, 0, __ATOMIC_SEQ_CST);
	/* At EOF the front is gone: nothing more will come. */
	if (bell.signal_fd >= 0 && !bell.readers->signals(bell.signal_fd))
		bell.signal_fd = -1;
}

pid_t loop_wake_wait(int *status)
{
	struct wake_words *w = bell.words;
	long r;

	/* "waiting" before the look at "rung" (see the top of this file). */
	__atomic_store_n(&w->waiting, 1, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	r = arch_wait_unless(&w->rung, -1, status, __WALL | WUNTRACED);
	__atomic_store_n(&w->waiting, 0, __ATOMIC_RELAXED);
	if (r == -EINTR)
		read_signals();
	if (r < 0) {
		errno = (int)-r;
		return -1;
	}
	return (pid_t)r;
}

void loop_wake_stop(void)
{
	if (bell.pid <= 0)
		return;
	kill(bell.pid, SIGKILL);
	waitpid(bell.pid, NULL, __WALL);
	bell.pid = -1;
}
