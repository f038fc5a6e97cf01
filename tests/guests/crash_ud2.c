// SPDX-License-Identifier: MIT
/*
 * Crash guest: an undefined instruction (ud2 on x86_64; elsewhere
 * __builtin_trap(), brk on aarch64).
 */

#define KEEP_FRAME() __asm__ volatile("" ::: "memory")

__attribute__((noinline)) void crash_ud2(void);

__attribute__((noinline)) void crash_ud2(void)
{
#if defined(__x86_64__)
	__asm__ volatile("ud2");
#else
	__builtin_trap();
#endif
}

int main(void)
{
	crash_ud2();
	KEEP_FRAME();	/* no tail call: main stays in the backtrace */
	return 0;
}
