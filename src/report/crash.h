/* SPDX-License-Identifier: MIT */
/*
 * Crash reports and backtraces of stopped guest threads: registers,
 * the faulting instruction disassembled with capstone, and a
 * libunwind-ptrace backtrace with symbol names from the guest's ELF
 * files (PIE, shared libraries, after execve).
 */
#ifndef PTSANDBOX_REPORT_CRASH_H
#define PTSANDBOX_REPORT_CRASH_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

/*
 * Whose crashes are reported (--crash-report, enum crash_scope).  Default: the main process only, so that a program
 * whose child aborts on purpose sees on its stderr what it sees
 * natively.
 */
void crash_set_scope(int scope);
/* Is a crash reported in this process (main: the main guest process)? */
bool crash_report_wanted(bool main);

/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT from a fault or abort(). */
bool crash_is_fatal_sync(int sig, const siginfo_t *si);
/*
 * At tid's signal-delivery-stop for sig: will delivering it kill the
 * guest (sig_action: its default action terminates)?  Callers report a crash
 * only when both this and crash_is_fatal_sync() hold.
 */
bool crash_will_kill(pid_t tid, int sig);
/*
 * tid is in a signal-delivery-stop for si: print the whole report to
 * out.  Only reads the tracee; never resumes it.
 */
void crash_report(FILE *out, pid_t tid, const siginfo_t *si);

#endif
