// SPDX-License-Identifier: MIT
/*
 * ptsandbox in two processes: the front and the supervisor.
 *
 * The shell waits for ptsandbox's pid, and natively it would return as
 * soon as the program's main process is gone, whatever background
 * processes it left.  But the leftovers must stay traced (their seccomp
 * filter makes every interposed syscall fail with ENOSYS without a
 * tracer), and ptrace is tied to the tracer.  So the process the shell
 * knows, the front, only stands in for the program: it receives the
 * host's signals and relays them, stops when the job stops, and exits
 * with the main process's status.  Its child, the supervisor, traces
 * the guest and lives on until the last leftover has exited.
 *
 * Host signals: the front blocks them and reads them from a signalfd,
 * and writes each signalfd_siginfo, whole, into a pipe that the
 * supervisor reads where it used to read its own signalfd: forward.c
 * sees the same records with the same senders.  Then it wakes the
 * tracer thread with LOOP_WAKE_SIGNAL (loop_wake.c).  The supervisor
 * ignores its own copies (a Ctrl-C reaches the whole process group).
 *
 * Job control: the supervisor tells the front to stop by a stop signal
 * when the guest's job stopped; the shell's SIGCONT continues the front
 * and is relayed like any signal.  A SIGCONT that the front read after
 * the supervisor decided, or still pending, cancels the stop.
 *
 * SIGKILL to the front kills the supervisor (PR_SET_PDEATHSIG) and so
 * the guest (PTRACE_O_EXITKILL), as long as the main process lives;
 * once it is gone the supervisor disarms that, gives up the caller's
 * stdin, stdout and stderr (/dev/null), and only then tells the front
 * the status, so that `out=$(ptsandbox ...)` returns at once.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../log.h"
#include "../loop_wake.h"
#include "../options.h"
#include "host.h"
#include "relay.h"
#include "sigstate.h"

/* How long a stop signal read by the front counts as "asked" (forward.c's twin window). */
#define STOP_WINDOW_NS 1000000000ll

/* Shared between the two: when the front last read a stop signal, and which. */
struct shared {
	atomic_llong stop_at;
	atomic_ullong stop_id; /* stop_id_of() its siginfo; 0: none, or matched */
};

/*
 * A stop signal sent to the process group reaches the front and the
 * guest with the same number, code and sender: that identifies the
 * guest's copy as the job's, however late the tracer gets to it.
 */
static unsigned long long stop_id_of(int signo, int code, unsigned int pid)
{
	return (unsigned long long)(signo & 0xff) << 56 |
	       (unsigned long long)((unsigned int)code & 0xffffff) << 32 | pid;
}

enum msg_kind { MSG_STOP = 1, MSG_EXIT };

/* Supervisor -> front. */
struct msg {
	int kind;
	int status;	/* MSG_EXIT: exit status, or */
	int sig;	/* the signal to die by (MSG_EXIT) or stop by (MSG_STOP) */
	unsigned conts; /* MSG_STOP: SIGCONTs the supervisor had read */
};

static struct {
	pid_t front;
	int ctl;	/* write end of supervisor -> front */
	unsigned conts; /* SIGCONT records read */
	bool reported;
	bool stopped_front; /* we asked it to stop at least once */
	struct shared *sh;
} sup = {.ctl = -1};

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

/*
 * Front: pass every host signal on, whole records, in one write, and
 * wake the tracer thread, the supervisor's main thread.
 */
static unsigned pass_on(int sfd, int relay_w, struct shared *sh, pid_t supervisor)
{
	struct signalfd_siginfo in[16], out[16];
	unsigned conts = 0;
	ssize_t n;

	do {
		size_t k = 0;

		n = read(sfd, in, sizeof(in));
		if (n <= 0)
			break;
		for (size_t i = 0; i < (size_t)n / sizeof(in[0]); i++) {
			int sig = (int)in[i].ssi_signo;

			/* The supervisor's own exit: ours to notice, not the guest's. */
			if (sig == SIGCHLD)
				continue;
			if (sig_is_stop(sig)) {
				atomic_store(&sh->stop_at, now_ns());
				atomic_store(&sh->stop_id,
					     stop_id_of(sig, in[i].ssi_code, in[i].ssi_pid));
			}
			if (sig == SIGCONT)
				conts++;
			out[k++] = in[i];
		}
		if (!k)
			continue;
		if (write(relay_w, out, k * sizeof(out[0])) < 0) {
			if (errno != EPIPE)
				psb_perror("cannot relay a signal");
			continue;
		}
		loop_wake_ring(supervisor);
		/* A short read emptied the signalfd: no read that fails with EAGAIN. */
	} while (n == (ssize_t)sizeof(in));
	return conts;
}

static noreturn void supervisor_died(pid_t pid)
{
	int status = 0;

	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFSIGNALED(status))
		psb_error("the supervisor died by signal %d", WTERMSIG(status));
	else
		psb_error("the supervisor exited without a status");
	_exit(EXIT_OWN_FAILURE);
}

static bool cont_pending_here(void)
{
	sigset_t set;

	return sigpending(&set) == 0 && sigismember(&set, SIGCONT);
}

static void obey(int ctl, pid_t pid, unsigned conts)
{
	struct msg m;
	ssize_t n = read(ctl, &m, sizeof(m));

	if (n < 0 && errno == EINTR)
		return;
	if (n != sizeof(m))
		supervisor_died(pid);
	if (m.kind == MSG_STOP) {
		if (m.conts == conts && !cont_pending_here())
			host_stop_self(m.sig);
		return;
	}
	if (m.sig)
		host_die_by_signal(m.sig);
	/*
	 * Nothing to flush, and no exit-time work: a sanitizer's leak check
	 * at exit (which stops the process's threads by ptrace) only delays
	 * what the shell waits for.
	 */
	_exit(m.status);
}

static noreturn void front_main(pid_t pid, int sfd, int relay_w, int ctl, struct shared *sh)
{
	unsigned conts = 0;

	for (;;) {
		struct pollfd p[2] = {{.fd = sfd, .events = POLLIN}, {.fd = ctl, .events = POLLIN}};

		if (poll(p, 2, -1) < 0)
			continue;
		/* Signals first: a SIGCONT read now cancels a stop asked before it. */
		if (p[0].revents)
			conts += pass_on(sfd, relay_w, sh, pid);
		if (p[1].revents)
			obey(ctl, pid, conts);
	}
}

int relay_split(int extra)
{
	int sfd, relay[2], ctl[2];
	pid_t front = getpid(), pid;
	struct shared *sh;

	sfd = host_signals_init(extra);
	if (sfd < 0) {
		psb_perror("cannot set up signal handling");
		return -1;
	}
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED || loop_wake_share() < 0 || pipe2(relay, O_CLOEXEC) < 0 ||
	    pipe2(ctl, O_CLOEXEC) < 0) {
		psb_perror("cannot start the supervisor");
		return -1;
	}
	atomic_init(&sh->stop_at, 0);
	atomic_init(&sh->stop_id, 0);
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		psb_perror("cannot start the supervisor");
		return -1;
	}
	if (pid > 0) {
		close(relay[0]);
		close(ctl[1]);
		front_main(pid, sfd, relay[1], ctl[0], sh);
	}
	/* With the front, even killed by SIGKILL, while the main process lives. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != front)
		_exit(EXIT_OWN_FAILURE);
	close(sfd);
	close(relay[1]);
	close(ctl[0]);
	host_signals_ignore();
	fcntl(relay[0], F_SETFL, O_NONBLOCK);
	sup.front = front;
	sup.ctl = ctl[1];
	sup.sh = sh;
	return relay[0];
}

void relay_seen(int sig)
{
	if (sig == SIGCONT)
		sup.conts++;
}

void relay_stop_front(int sig)
{
	struct msg m = {.kind = MSG_STOP, .sig = sig, .conts = sup.conts};

	if (sup.reported)
		return;
	sup.stopped_front = true;
	if (write(sup.ctl, &m, sizeof(m)) < 0)
		psb_perror("cannot stop ptsandbox");
}

unsigned long long relay_stop_id(const siginfo_t *si)
{
	return stop_id_of(si->si_signo, si->si_code, (unsigned int)si->si_pid);
}

bool relay_stop_matches(unsigned long long id)
{
	unsigned long long expected = id;

	if (!id || !sup.sh || sup.reported)
		return false;
	/* Matched once: a later copy from the same sender was sent to the guest alone. */
	return atomic_compare_exchange_strong(&sup.sh->stop_id, &expected, 0);
}

bool relay_stop_asked(void)
{
	struct sigstate st;
	uint64_t stops = sigbit(SIGTSTP) | sigbit(SIGTTIN) | sigbit(SIGTTOU);

	if (sup.reported)
		return false;
	if (now_ns() - atomic_load(&sup.sh->stop_at) <= STOP_WINDOW_NS)
		return true;
	/* Blocked in the front until it reads them. */
	return sigstate_read(sup.front, &st) == 0 && ((st.pending | st.shared) & stops);
}

/* Nothing of the caller's may stay open here once the front is gone. */
static void release_stdio(void)
{
	int fd = open("/dev/null", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return;
	for (int i = 0; i <= 2; i++)
		dup2(fd, i);
	if (fd > 2)
		close(fd);
}

void relay_report_exit(int status, int sig, bool leftovers)
{
	struct msg m = {.kind = MSG_EXIT, .status = status, .sig = sig};

	if (sup.reported)
		return;
	sup.reported = true;
	fflush(NULL);
	prctl(PR_SET_PDEATHSIG, 0);
	if (leftovers)
		release_stdio();
	if (write(sup.ctl, &m, sizeof(m)) < 0)
		psb_perror("cannot report the exit status");
	/* A job stopped with the guest ends when it does, as natively. */
	if (sup.stopped_front)
		kill(sup.front, SIGCONT);
	close(sup.ctl);
	sup.ctl = -1;
}
