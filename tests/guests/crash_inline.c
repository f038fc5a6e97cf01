// SPDX-License-Identifier: MIT
/*
 * Crash guest: a NULL write in a function inlined (always_inline, at
 * -O2) into crash_inline_caller, for the backtrace's inlined frame and
 * source lines.  tests/unit/check_crash.c finds the expected lines by
 * the "line:" markers below, so the markers must stay on the lines of
 * the write and of the calls.
 */
#include <stddef.h>

#define KEEP_FRAME() __asm__ volatile("" ::: "memory")

__attribute__((noinline)) void crash_inline_caller(volatile int *p);

static inline __attribute__((always_inline)) void inlined_write(volatile int *p)
{
	*p = 2; /* line:write */
}

__attribute__((noinline)) void crash_inline_caller(volatile int *p)
{
	inlined_write(p); /* line:inlined-call */
	KEEP_FRAME();
}

int main(void)
{
	volatile int *volatile p = NULL;

	crash_inline_caller(p); /* line:caller-call */
	KEEP_FRAME();
	return 0;
}
