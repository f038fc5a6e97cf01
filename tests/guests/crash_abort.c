// SPDX-License-Identifier: MIT
/* Crash guest: abort(), whose SIGABRT comes from tgkill (SI_TKILL). */
#include <stdlib.h>

#define KEEP_FRAME() __asm__ volatile("" ::: "memory")

__attribute__((noinline)) void crash_abort(void);

__attribute__((noinline)) void crash_abort(void)
{
	abort();
}

int main(void)
{
	crash_abort();
	KEEP_FRAME();
	return 0;
}
