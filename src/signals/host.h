/* SPDX-License-Identifier: MIT */
/*
 * Host signals: the supervisor's own signal disposition.  Signals
 * that must reach the guest (SIGINT, SIGTERM, ...) and SIGCHLD are
 * blocked and read from a signalfd by the tracer loop; the guest gets
 * back the mask and dispositions ptsandbox was started with.
 */
#ifndef PTSANDBOX_SIGNALS_HOST_H
#define PTSANDBOX_SIGNALS_HOST_H

#include <stdbool.h>

/*
 * Save the inherited state, block the forwarded set and extra (0: none,
 * --dump-on's signal); returns a signalfd for them and SIGCHLD.
 */
int host_signals_init(int extra);
/*
 * The supervisor process, which gets host signals through the front
 * (relay.c): its own copies of them (a Ctrl-C to the process group)
 * are discarded, never pending, never stopping it.
 */
void host_signals_ignore(void);
/* In the forked guest, before execve: undo host_signals_init(). */
void host_signals_restore_in_child(void);
/* Is sig one ptsandbox forwards to the guest? */
bool host_signal_forwarded(int sig);
/*
 * Die by sig the way the guest did: default action, unblocked, no
 * core dump.  Returns only if that did not kill us.
 */
void host_die_by_signal(int sig);

/*
 * The guest has entered a group-stop by sig: stop ptsandbox the same
 * way, so the shell's job control sees the job stop; returns once
 * ptsandbox is continued.
 */
void host_stop_self(int sig);

#endif
