// SPDX-License-Identifier: MIT
/*
 * Crash guest: a NULL write in a function inlined (always_inline, at
 * -O2) into another inlined into crash_inline_caller, for the
 * backtrace's inlined frames and source lines.  tests/unit/check_crash.c
 * and tests/e2e/srclines.sh find the expected lines by the "line:"
 * markers below, which must stay on the lines of the write and calls.
 */
#include <stddef.h>

#define KEEP_FRAME() __asm__ volatile("" ::: "memory")

extern volatile int calls;
__attribute__((noinline)) void crash_inline_caller(volatile int *p);

/*
 * Counted first: at the first instruction of an inlined call gdb shows
 * the caller, as if the call had not started yet, and ptsandbox the
 * inlined function; past it, both show the inlined frames.
 */
volatile int calls;

static inline __attribute__((always_inline)) void inlined_write(volatile int *p)
{
	calls++;
	*p = 2; /* line:write */
}

static inline __attribute__((always_inline)) void inlined_middle(volatile int *p)
{
	inlined_write(p); /* line:middle-call */
}

__attribute__((noinline)) void crash_inline_caller(volatile int *p)
{
	inlined_middle(p); /* line:inlined-call */
	KEEP_FRAME();
}

int main(void)
{
	volatile int *volatile p = NULL;

	crash_inline_caller(p); /* line:caller-call */
	KEEP_FRAME();
	return 0;
}
