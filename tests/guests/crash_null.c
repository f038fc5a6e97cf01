// SPDX-License-Identifier: MIT
/*
 * Crash guest: a NULL write two calls deep, for the crash report's
 * "=>" line and backtrace order (crash_null_write, crash_null_caller,
 * main).  The configure CFLAGS (-O2) come last and win over -O0, so
 * the source itself keeps every frame: noinline against inlining,
 * an empty asm after each call against tail calls, and arguments read
 * from volatiles against constant-propagated clones (foo.constprop.0).
 * tests/unit/check_crash.c finds each frame's expected source line by
 * the "line:" markers.
 */
#include <stddef.h>

#define KEEP_FRAME() __asm__ volatile("" ::: "memory")

__attribute__((noinline)) void crash_null_write(volatile int *p);
__attribute__((noinline)) void crash_null_caller(volatile int *p);

__attribute__((noinline)) void crash_null_write(volatile int *p)
{
	*p = 1; /* line:write */
}

__attribute__((noinline)) void crash_null_caller(volatile int *p)
{
	crash_null_write(p); /* line:write-call */
	KEEP_FRAME();
}

int main(void)
{
	volatile int *volatile p = NULL;

	crash_null_caller(p); /* line:caller-call */
	KEEP_FRAME();
	return 0;
}
