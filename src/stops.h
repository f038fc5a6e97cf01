/* SPDX-License-Identifier: MIT */
/*
 * What the tracer does at each ptrace stop and exit of a guest thread
 * (stops.c); the loop that waits for them is tracer.c's.
 */
#ifndef PTSANDBOX_STOPS_H
#define PTSANDBOX_STOPS_H

#include <stdbool.h>
#include <sys/types.h>

struct task;

/* The main guest process's pid; debug: print every wait status. */
void stops_init(pid_t main_pid, bool debug);
/* Answer one wait status of a guest thread (a stop or its exit). */
void stops_handle(pid_t tid, int status);
/* Answer every stop and exit waitable now (WNOHANG). */
void stops_drain(void);
/* A seccomp stop, answered (again, once -e inject's delay is over). */
void stops_seccomp(struct task *t);
/* Has the main process exited?  Its wait status in *status (if asked). */
bool stops_main_exited(int *status);
/* Did the main process's execve succeed? */
bool stops_main_execd(void);
/* The last drain found no tracee left at all (ECHILD). */
bool stops_none_left(void);

#endif
