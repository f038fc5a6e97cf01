// SPDX-License-Identifier: MIT
/*
 * Crash guest: integer division by zero (SIGFPE on x86_64).  The
 * operands are volatile so the compiler can neither fold the division
 * nor specialise crash_div0 into a differently named clone.
 */

#define KEEP_FRAME() __asm__ volatile("" ::: "memory")

__attribute__((noinline)) int crash_div0(int num, int den);

__attribute__((noinline)) int crash_div0(int num, int den)
{
	return num / den;
}

int main(void)
{
	volatile int num = 42, zero = 0;
	int q = crash_div0(num, zero);

	KEEP_FRAME();	/* no tail call: main stays in the backtrace */
	return q;
}
