/* SPDX-License-Identifier: MIT */
/*
 * Ignored signals under ptrace.  Natively the kernel discards a signal
 * the guest ignores at the moment it is sent; for a traced process it
 * is queued instead, so the tracer can see it.  Most blocking calls
 * then restart transparently, but a few return -EINTR directly when
 * woken by any signal (rt_sigtimedwait, semop, epoll_wait...): the
 * guest would see an EINTR it never gets natively.
 */
#ifndef PTSANDBOX_SIGNALS_IGNORED_H
#define PTSANDBOX_SIGNALS_IGNORED_H

#include <stdint.h>
#include <sys/types.h>

struct sigsnap;

/*
 * snap's thread is in a signal-delivery-stop for sig, with no emulated wait.
 * If sig will be ignored and tid is returning -EINTR from one of those
 * calls, turn it into a restart, which is what native execution shows.
 * Not at keep_ip: a stop signal produced the EINTR returning there,
 * and that one is real (signal(7)).
 */
void ignored_signal_fixup(struct sigsnap *snap, int sig, uint64_t keep_ip);

#endif
