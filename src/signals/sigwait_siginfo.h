/* SPDX-License-Identifier: MIT */
/* rt_sigtimedwait: fix the siginfo of forwarded signals it dequeues. */
#ifndef PTSANDBOX_SIGNALS_SIGWAIT_SIGINFO_H
#define PTSANDBOX_SIGNALS_SIGWAIT_SIGINFO_H

#include <stdint.h>

struct task;

/* Seccomp stop of rt_sigtimedwait: the tracer must report its exit. */
void sigwait_entry(struct task *t, uint64_t info_addr);
/* Its syscall-exit-stop, with the call's return value. */
void sigwait_exit(struct task *t, int64_t ret);

#endif
