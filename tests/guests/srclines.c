// SPDX-License-Identifier: MIT
/*
 * Guest for the source lines of -k backtraces (tests/e2e/srclines.sh):
 * getpid() from a function inlined (always_inline, at -O2) into
 * srclines_caller, called from main.  The test finds the expected
 * lines by the "line:" markers below.
 */
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#define KEEP_FRAME() __asm__ volatile("" ::: "memory")

__attribute__((noinline)) long srclines_caller(void);

static inline __attribute__((always_inline)) long inlined_getpid(void)
{
	return syscall(SYS_getpid); /* line:syscall */
}

__attribute__((noinline)) long srclines_caller(void)
{
	long pid = inlined_getpid(); /* line:inlined-call */

	KEEP_FRAME();
	return pid;
}

int main(void)
{
	long pid = srclines_caller(); /* line:caller-call */

	KEEP_FRAME();
	printf("%s\n", pid > 0 ? "ok" : "no pid");
	return 0;
}
