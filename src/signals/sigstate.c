// SPDX-License-Identifier: MIT
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sigstate.h"

static int parse_mask(const char *text, const char *key, uint64_t *out)
{
	const char *p = strstr(text, key);

	if (!p)
		return -1;
	*out = strtoull(p + strlen(key), NULL, 16);
	return 0;
}

int sigstate_parse(const char *text, struct sigstate *st)
{
	memset(st, 0, sizeof(*st));
	if (parse_mask(text, "\nSigPnd:", &st->pending) < 0 ||
	    parse_mask(text, "\nShdPnd:", &st->shared) < 0 ||
	    parse_mask(text, "\nSigBlk:", &st->blocked) < 0 ||
	    parse_mask(text, "\nSigIgn:", &st->ignored) < 0 ||
	    parse_mask(text, "\nSigCgt:", &st->caught) < 0)
		return -1;
	return 0;
}

int sigstate_read(pid_t tid, struct sigstate *st)
{
	char path[64], buf[4096];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return sigstate_parse(buf, st);
}

bool sig_default_ignored(int sig)
{
	return sig == SIGCHLD || sig == SIGCONT || sig == SIGURG || sig == SIGWINCH;
}

bool sig_is_stop(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

/* The default actions that dump core (signal(7)'s "Core"). */
static bool sig_default_core(int sig)
{
	switch (sig) {
	case SIGQUIT:
	case SIGILL:
	case SIGTRAP:
	case SIGABRT:
	case SIGBUS:
	case SIGFPE:
	case SIGSEGV:
	case SIGXCPU:
	case SIGXFSZ:
	case SIGSYS:
		return true;
	default:
		return false;
	}
}

enum sig_action sig_action(const struct sigstate *st, int sig)
{
	if (sig < 1 || sig > 64)
		return SIGACT_UNKNOWN;
	/* Neither can be caught, ignored or blocked. */
	if (sig == SIGKILL)
		return SIGACT_TERMINATE;
	if (sig == SIGSTOP)
		return SIGACT_STOP;
	if (st->caught & sigbit(sig))
		return SIGACT_HANDLER;
	if (st->ignored & sigbit(sig))
		return SIGACT_IGNORE;
	if (sig_is_stop(sig))
		return SIGACT_STOP;
	if (sig_default_ignored(sig))
		return SIGACT_IGNORE;
	return sig_default_core(sig) ? SIGACT_CORE : SIGACT_TERMINATE;
}

const struct sigstate *sigsnap_get(struct sigsnap *snap)
{
	if (!snap->loaded)
		snap->loaded = sigstate_read(snap->tid, &snap->st) == 0 ? 1 : -1;
	return snap->loaded > 0 ? &snap->st : NULL;
}

enum sig_action sigsnap_action(struct sigsnap *snap, int sig)
{
	static const struct sigstate none;
	const struct sigstate *st;

	if (sig == SIGKILL || sig == SIGSTOP)
		return sig_action(&none, sig);
	st = sigsnap_get(snap);
	return st ? sig_action(st, sig) : SIGACT_UNKNOWN;
}
