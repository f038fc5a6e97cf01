/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the signal test guests (sigcall, sigthreads,
 * sigstress, futexops, sigwaits, group_stop, thread_exec) and their
 * driver.  Everything they print must be the same
 * natively and under ptsandbox, so these helpers turn errno values,
 * si_codes and senders into names, never numbers or pids.
 */
#ifndef PTSANDBOX_TESTS_SIGUTIL_H
#define PTSANDBOX_TESTS_SIGUTIL_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

/* Bound of every wait that only ends early when ptsandbox is broken. */
#define LONG_MS 5000
/* Timeout of a call that nothing is expected to interrupt. */
#define SHORT_MS 100

/* Prints "NAME: message" on stderr and exits 99 (a test bug or a hang). */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

pid_t sys_gettid(void);
int64_t mono_ns(void);
/* Sleeps ms milliseconds, going on after signal handlers. */
void sleep_ms(int ms);

/* "INT", "SIGINT" or "2" -> 2; -1 when unknown. */
int sig_parse(const char *s);
/* 2 -> "SIGINT". */
const char *sig_name(int sig);
/* Does the default action of sig terminate the process? */
bool sig_default_kills(int sig);
const char *errno_name(int err);
/* The si_code of a delivered or dequeued sig, by name. */
const char *code_name(int sig, int code);

/*
 * Waits until thread tid of this process sleeps in the kernel (state
 * 'S'), or until *give_up becomes nonzero.  The caller knows that tid
 * makes no other blocking call, so 'S' means it has entered the call
 * under test: natively the call itself, under ptsandbox the call or
 * the spot where ptsandbox parks it.  Dies after LONG_MS.
 */
void wait_sleeping(pid_t tid, const volatile int *give_up);

/* Is sig pending for thread tid, thread-directed or process-directed? */
bool sig_pending_in(pid_t tid, int sig);
/* The state letter of process pid in /proc/PID/stat ('?' if unknown). */
char proc_state(pid_t pid);
/* The same for thread tid of this process. */
char task_state(pid_t tid);

#endif
