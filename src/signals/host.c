// SPDX-License-Identifier: MIT
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "../log.h"
#include "host.h"

/*
 * Forwarded: what a user or a terminal sends to stop or poke a
 * program.  The job-control signals are forwarded too, rather than
 * left to stop the supervisor: a guest with a SIGTSTP handler does not
 * stop on Ctrl-Z, so neither may ptsandbox.  ptsandbox stops itself
 * only once the guest has stopped (host_stop_self), and a blocked
 * SIGCONT still continues it.
 */
static const int forwarded[] = {
    SIGHUP,  SIGINT,  SIGQUIT,	 SIGUSR1, SIGUSR2, SIGALRM, SIGTERM, SIGWINCH,
    SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGTSTP, SIGTTIN, SIGTTOU, SIGCONT,
};

#define NFORWARDED (sizeof(forwarded) / sizeof(forwarded[0]))

static sigset_t orig_mask;
static struct sigaction orig_pipe;
static struct sigaction orig_chld;
/* The forwarded set and extra: what the guest gets back (host_signals_ignore). */
static sigset_t taken;
static struct sigaction orig_act[NSIG];

bool host_signal_forwarded(int sig)
{
	for (size_t i = 0; i < NFORWARDED; i++)
		if (forwarded[i] == sig)
			return true;
	return false;
}

int host_signals_init(int extra)
{
	struct sigaction ign = {.sa_handler = SIG_IGN};
	struct sigaction dfl = {.sa_handler = SIG_DFL};
	sigset_t set;
	int fd;

	/*
	 * An inherited SIG_IGN for SIGCHLD would auto-reap tracees and
	 * stop ptrace-stop notifications: the guest gets it back below.
	 */
	sigaction(SIGCHLD, &dfl, &orig_chld);
	sigemptyset(&set);
	for (size_t i = 0; i < NFORWARDED; i++)
		sigaddset(&set, forwarded[i]);
	sigaddset(&set, SIGCHLD);
	if (extra)
		sigaddset(&set, extra);
	taken = set;
	sigdelset(&taken, SIGCHLD);
	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(&taken, sig))
			sigaction(sig, NULL, &orig_act[sig]);
	if (sigprocmask(SIG_BLOCK, &set, &orig_mask) < 0)
		return -1;
	/* A closed diagnostics pipe is an EPIPE for us, not a death. */
	sigaction(SIGPIPE, &ign, &orig_pipe);
	fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	return fd;
}

void host_signals_ignore(void)
{
	struct sigaction ign = {.sa_handler = SIG_IGN};

	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(&taken, sig))
			sigaction(sig, &ign, NULL);
	sigprocmask(SIG_UNBLOCK, &taken, NULL);
}

void host_signals_restore_in_child(void)
{
	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(&taken, sig))
			sigaction(sig, &orig_act[sig], NULL);
	sigaction(SIGPIPE, &orig_pipe, NULL);
	sigaction(SIGCHLD, &orig_chld, NULL);
	sigprocmask(SIG_SETMASK, &orig_mask, NULL);
}

void host_die_by_signal(int sig)
{
	struct sigaction dfl = {.sa_handler = SIG_DFL};
	struct rlimit nocore = {0, 0};
	sigset_t set;

	setrlimit(RLIMIT_CORE, &nocore);
	sigaction(sig, &dfl, NULL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
}

void host_stop_self(int sig)
{
	struct sigaction dfl = {.sa_handler = SIG_DFL}, old;
	sigset_t set;

	if (sig == SIGSTOP) {
		kill(getpid(), SIGSTOP);
		return;
	}
	/*
	 * Stop by the guest's own signal so the parent's wait reports
	 * WSTOPSIG as natively.  Only this thread unblocks it, so it is
	 * delivered here, at the unblock, and not read by the signalfd.
	 */
	sigaction(sig, &dfl, &old);
	sigemptyset(&set);
	sigaddset(&set, sig);
	kill(getpid(), sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigaction(sig, &old, NULL);
}
