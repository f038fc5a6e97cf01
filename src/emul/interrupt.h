/* SPDX-License-Identifier: MIT */
/*
 * --interrupt=SET[:SIG][:when=EXPR]: a signal sent to a guest thread
 * while it is really blocked in an emulated wait of SET, as another
 * process's kill would reach it on a busy machine.  Only waits that
 * were parked count (a call that completes at once is not a wait);
 * they are counted per thread and per syscall, as strace's when=.
 */
#ifndef PTSANDBOX_EMUL_INTERRUPT_H
#define PTSANDBOX_EMUL_INTERRUPT_H

struct ewait;
struct task;

struct sysset;

/*
 * Parse the option's SPEC (NULL: off); emulated is what the emulation
 * interposes (emul_interpose).  0, or -1 after saying why.
 */
int interrupt_init(const char *spec, const struct sysset *emulated);
/*
 * ew was just parked for t.  If it is a wait to interrupt, watch it:
 * once t sleeps in the parking call and ew still waits, the signal is
 * sent.  put drops the watcher's reference to ew, taken here.
 */
void interrupt_parked(struct task *t, struct ewait *ew, void (*put)(struct ewait *ew));

#endif
