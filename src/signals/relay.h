/* SPDX-License-Identifier: MIT */
/*
 * The front (the process the shell waits for) and the supervisor (the
 * tracer, its child): see relay.c.
 */
#ifndef PTSANDBOX_SIGNALS_RELAY_H
#define PTSANDBOX_SIGNALS_RELAY_H

#include <signal.h>
#include <stdbool.h>

/*
 * Split ptsandbox: the calling process becomes the front and never
 * returns from here (it exits with the status the supervisor reports);
 * in the supervisor, returns the fd to read the host's signals from,
 * as signalfd_siginfo records (extra: --dump-on's signal, or 0).
 * Returns -1, in the caller, if the split failed.
 */
int relay_split(int extra);
/* Supervisor: a host signal record was read. */
void relay_seen(int sig);
/* Supervisor: the guest's job stopped by sig; stop the front too. */
void relay_stop_front(int sig);
/* Supervisor: did the host ask the job to stop (a stop signal at the front)? */
bool relay_stop_asked(void);
/*
 * A stop signal sent to the process group reaches the front and the
 * guest with the same number, code and sender.  relay_stop_id() names
 * the guest's copy (si); relay_stop_matches() says whether the front
 * read a copy of it, each front copy matching once.
 */
unsigned long long relay_stop_id(const siginfo_t *si);
bool relay_stop_matches(unsigned long long id);
/*
 * Supervisor: the main guest process is gone; the front exits with
 * status, or dies by sig.  With leftovers, the caller's stdio is given
 * up first.  Only the first call counts.
 */
void relay_report_exit(int status, int sig, bool leftovers);

#endif
