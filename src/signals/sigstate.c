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

bool sig_will_stop(pid_t tid, int sig)
{
	struct sigstate st;

	if (sig == SIGSTOP)
		return true;
	return sig_is_stop(sig) && sigstate_read(tid, &st) == 0 && sig_stops(&st, sig);
}

bool sig_has_handler(const struct sigstate *st, int sig)
{
	return (st->caught & sigbit(sig)) != 0;
}

bool sig_is_stop(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

bool sig_stops(const struct sigstate *st, int sig)
{
	if (sig == SIGSTOP)
		return true;
	return sig_is_stop(sig) && !((st->ignored | st->caught) & sigbit(sig));
}
