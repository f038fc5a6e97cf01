// SPDX-License-Identifier: MIT
/*
 * Capabilities that would defeat a policy (doc/design.md lists why):
 * device nodes to raw disks (MKNOD), raw I/O, raising --rlimit's hard
 * limits (SYS_RESOURCE), file handles that open by inode
 * (DAC_READ_SEARCH), raw sockets and network configuration, the
 * administrator's catch-all (SYS_ADMIN), modules, BPF, perf, tracing of
 * other processes, clocks, reboot, audit and MAC administration, the
 * priorities of processes outside (SYS_NICE: Landlock does not scope
 * setpriority) and other users' System V IPC (IPC_OWNER).
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>

#include "policy/caps.h"

static const int dropped[] = {
    CAP_SYS_ADMIN, CAP_SYS_MODULE,     CAP_SYS_RAWIO,	       CAP_SYS_PTRACE,
    CAP_SYS_BOOT,  CAP_SYS_TIME,       CAP_SYS_RESOURCE,       CAP_MKNOD,
    CAP_NET_ADMIN, CAP_NET_RAW,	       CAP_DAC_READ_SEARCH,    CAP_LINUX_IMMUTABLE,
    CAP_MAC_ADMIN, CAP_MAC_OVERRIDE,   CAP_AUDIT_CONTROL,      CAP_SYSLOG,
    CAP_SYS_PACCT, CAP_SYS_TTY_CONFIG, CAP_WAKE_ALARM,	       CAP_BLOCK_SUSPEND,
    CAP_SETFCAP,   CAP_SYS_CHROOT,     CAP_SYS_NICE,	       CAP_IPC_OWNER,
#ifdef CAP_BPF
    CAP_BPF,	   CAP_PERFMON,	       CAP_CHECKPOINT_RESTORE,
#else
    39,		      38,		  40,
#endif
};

int caps_drop(void)
{
	struct __user_cap_header_struct hdr = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
	struct __user_cap_data_struct data[2];
	size_t n = sizeof(dropped) / sizeof(dropped[0]);

	if (syscall(SYS_capget, &hdr, data) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int c = dropped[i];
		uint32_t bit = 1u << (c % 32);

		/* EINVAL: a capability this kernel does not know. */
		if (prctl(PR_CAPBSET_DROP, c, 0, 0, 0) < 0 && errno != EINVAL && errno != EPERM)
			return -1;
		data[c / 32].effective &= ~bit;
		data[c / 32].permitted &= ~bit;
		data[c / 32].inheritable &= ~bit;
		prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, c, 0, 0);
	}
	return syscall(SYS_capset, &hdr, data) < 0 ? -1 : 0;
}
