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
 * program.  SIGTSTP/SIGTTIN/SIGTTOU keep their default action so a
 * terminal's Ctrl-Z stops the supervisor together with the guest and
 * the shell's job control sees the job stop.
 */
static const int forwarded[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGTERM, SIGWINCH,
	SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF,
};

#define NFORWARDED (sizeof(forwarded) / sizeof(forwarded[0]))

static sigset_t orig_mask;
static struct sigaction orig_pipe;

bool host_signal_forwarded(int sig)
{
	for (size_t i = 0; i < NFORWARDED; i++)
		if (forwarded[i] == sig)
			return true;
	return false;
}

int host_signals_init(void)
{
	struct sigaction ign = { .sa_handler = SIG_IGN };
	sigset_t set;
	int fd;

	sigemptyset(&set);
	for (size_t i = 0; i < NFORWARDED; i++)
		sigaddset(&set, forwarded[i]);
	sigaddset(&set, SIGCHLD);
	if (sigprocmask(SIG_BLOCK, &set, &orig_mask) < 0)
		return -1;
	/* A closed diagnostics pipe is an EPIPE for us, not a death. */
	sigaction(SIGPIPE, &ign, &orig_pipe);
	fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	return fd;
}

void host_signals_restore_in_child(void)
{
	sigaction(SIGPIPE, &orig_pipe, NULL);
	sigprocmask(SIG_SETMASK, &orig_mask, NULL);
}

void host_die_by_signal(int sig)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	struct rlimit nocore = { 0, 0 };
	sigset_t set;

	setrlimit(RLIMIT_CORE, &nocore);
	sigaction(sig, &dfl, NULL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
}
