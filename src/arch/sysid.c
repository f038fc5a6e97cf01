// SPDX-License-Identifier: MIT
/*
 * sysid <-> syscall number for the native ABI.  The numbers are looked up
 * by name in the arch's generated syscall table (arch_syscall_lookup), so
 * a syscall the arch lacks (SYSF_LEGACY on aarch64) is simply absent: -1.
 */
#include "config.h"

#include "arch.h"

static const char *const sysid_names[SYSID_COUNT] = {
#define X(name, handler, flags) [SYSID_##name] = #name,
    SYSID_LIST(X)
#undef X
};

static const unsigned int sysid_flags[SYSID_COUNT] = {
#define X(name, handler, flags) [SYSID_##name] = (flags),
    SYSID_LIST(X)
#undef X
};

static long sysid_nr[SYSID_COUNT];

/* Before main, so the table is complete before any thread reads it. */
__attribute__((constructor)) static void sysid_init(void)
{
	for (int id = 0; id < SYSID_COUNT; id++)
		sysid_nr[id] = arch_syscall_lookup(sysid_names[id]);
}

long arch_sysnr(enum sysid id)
{
	if ((int)id < 0 || id >= SYSID_COUNT)
		return -1;
	return sysid_nr[id];
}

int arch_sysid(long nr)
{
	if (nr < 0)
		return -1;
	for (int i = 0; i < SYSID_COUNT; i++)
		if (sysid_nr[i] == nr)
			return i;
	return -1;
}

unsigned int arch_sysid_flags(long nr)
{
	int id = arch_sysid(nr);

	return id < 0 ? 0 : sysid_flags[id];
}
