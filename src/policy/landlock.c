// SPDX-License-Identifier: MIT
/*
 * Landlock rules of a policy.  Debian 12's <linux/landlock.h> stops at
 * ABI 2 (its ruleset attribute has only handled_access_fs), so the
 * later constants and the longer attribute are defined here, checked
 * against the header wherever it has them.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/landlock.h>

#include "policy/landlock.h"
#include "policy/policy.h"

#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset 444
#define SYS_landlock_add_rule	    445
#define SYS_landlock_restrict_self  446
#endif

/* ABI 3 */
#define PSB_LL_FS_TRUNCATE (1ULL << 14)
#ifdef LANDLOCK_ACCESS_FS_TRUNCATE
_Static_assert(LANDLOCK_ACCESS_FS_TRUNCATE == PSB_LL_FS_TRUNCATE, "landlock truncate");
#endif
/* ABI 4 */
#define PSB_LL_NET_BIND_TCP    (1ULL << 0)
#define PSB_LL_NET_CONNECT_TCP (1ULL << 1)
#define PSB_LL_RULE_NET_PORT   2
#ifdef LANDLOCK_ACCESS_NET_BIND_TCP
_Static_assert(LANDLOCK_ACCESS_NET_BIND_TCP == PSB_LL_NET_BIND_TCP, "landlock bind");
_Static_assert(LANDLOCK_ACCESS_NET_CONNECT_TCP == PSB_LL_NET_CONNECT_TCP, "landlock connect");
#endif
/* ABI 5 */
#define PSB_LL_FS_IOCTL_DEV (1ULL << 15)
#ifdef LANDLOCK_ACCESS_FS_IOCTL_DEV
_Static_assert(LANDLOCK_ACCESS_FS_IOCTL_DEV == PSB_LL_FS_IOCTL_DEV, "landlock ioctl_dev");
#endif
/* ABI 6 */
#define PSB_LL_SCOPE_ABSTRACT_UNIX (1ULL << 0)
#define PSB_LL_SCOPE_SIGNAL	   (1ULL << 1)
#ifdef LANDLOCK_SCOPE_SIGNAL
_Static_assert(LANDLOCK_SCOPE_SIGNAL == PSB_LL_SCOPE_SIGNAL, "landlock scope signal");
_Static_assert(LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET == PSB_LL_SCOPE_ABSTRACT_UNIX,
	       "landlock scope unix");
#endif

/* The ABI 6 layout of struct landlock_ruleset_attr. */
struct psb_ruleset_attr {
	uint64_t handled_access_fs;
	uint64_t handled_access_net;
	uint64_t scoped;
};

struct psb_net_port_attr {
	uint64_t allowed_access;
	uint64_t port;
} __attribute__((packed));

#define FS_ABI1                                                                                    \
	(LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE |                              \
	 LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR |                              \
	 LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |                          \
	 LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR |                              \
	 LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK |                              \
	 LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |                            \
	 LANDLOCK_ACCESS_FS_MAKE_SYM)

/* Rights that Landlock accepts on a rule for a non-directory. */
#define FS_FILE_RIGHTS                                                                             \
	(LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE |                              \
	 LANDLOCK_ACCESS_FS_READ_FILE | PSB_LL_FS_TRUNCATE | PSB_LL_FS_IOCTL_DEV)

/* Harmless devices every shell writes to; granted with any file rule. */
static const char *const implicit_rw[] = {"/dev/null", "/dev/zero", "/dev/full"};

static unsigned long long fs_handled(int abi)
{
	unsigned long long r = FS_ABI1;

	if (abi >= 2)
		r |= LANDLOCK_ACCESS_FS_REFER;
	if (abi >= 3)
		r |= PSB_LL_FS_TRUNCATE;
	if (abi >= 5)
		r |= PSB_LL_FS_IOCTL_DEV;
	return r;
}

int landlock_abi(void)
{
	const char *cap = getenv("PTSANDBOX_LANDLOCK_ABI");
	long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);

	if (abi < 0)
		abi = 0;
	if (cap && *cap) {
		long c = strtol(cap, NULL, 10);

		if (c >= 0 && c < abi)
			abi = c;
	}
	return (int)abi;
}

unsigned long long landlock_fs_rights(unsigned int access, int abi, int is_dir)
{
	unsigned long long r = 0;

	if (access & PACC_READ)
		r |= LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;
	if (access & PACC_EXEC)
		r |= LANDLOCK_ACCESS_FS_EXECUTE;
	if (access & PACC_WRITE)
		r |= LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR |
		     LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_CHAR |
		     LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |
		     LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO |
		     LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM |
		     LANDLOCK_ACCESS_FS_REFER | PSB_LL_FS_TRUNCATE | PSB_LL_FS_IOCTL_DEV;
	if (!is_dir)
		r &= FS_FILE_RIGHTS;
	return r & fs_handled(abi);
}

int landlock_check(const struct policy *p, int abi,
		   void (*missing)(const char *rule, const char *feature, void *arg), void *arg)
{
	int n = 0;
	bool writable = false;

	for (int i = 0; i < p->npaths; i++)
		writable |= (p->paths[i].access & PACC_WRITE) != 0;
	if (p->npaths && abi < 1) {
		missing("file rules (--ro/--rw)", "Landlock", arg);
		n++;
	} else if (p->npaths) {
		if (writable && abi < 2 && ++n)
			missing("--rw rules", "Landlock ABI 2 (rename and link across directories)",
				arg);
		if (abi < 3 && ++n)
			missing("file rules (--ro/--rw)", "Landlock ABI 3 (truncation)", arg);
		if (abi < 5 && ++n)
			missing("file rules (--ro/--rw)", "Landlock ABI 5 (device ioctls)", arg);
	}
	if (p->net && abi < 4 && ++n)
		missing("--net/--connect/--bind", "Landlock ABI 4 (TCP ports)", arg);
	if (p->active && abi < 6 && ++n)
		missing(
		    "scope (signals and abstract unix sockets of processes outside the sandbox)",
		    "Landlock ABI 6 (scoping)", arg);
	return n;
}

static int add_path_rule(int rfd, const char *path, unsigned int access, int abi)
{
	struct landlock_path_beneath_attr pb;
	struct stat st;
	int fd, rc;

	fd = open(path, O_PATH | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0) {
		close(fd);
		return -1;
	}
	pb.allowed_access = landlock_fs_rights(access, abi, S_ISDIR(st.st_mode));
	pb.parent_fd = fd;
	rc = pb.allowed_access
		 ? (int)syscall(SYS_landlock_add_rule, rfd, LANDLOCK_RULE_PATH_BENEATH, &pb, 0)
		 : 0;
	close(fd);
	return rc;
}

static int add_port_rule(int rfd, uint16_t port, uint64_t access)
{
	struct psb_net_port_attr np = {.allowed_access = access, .port = port};

	return (int)syscall(SYS_landlock_add_rule, rfd, PSB_LL_RULE_NET_PORT, &np, 0);
}

static int add_rules(int rfd, const struct policy *p, int abi)
{
	for (int i = 0; i < p->npaths; i++)
		if (add_path_rule(rfd, p->paths[i].path, p->paths[i].access, abi) < 0)
			return -1;
	for (size_t i = 0; p->npaths && i < sizeof(implicit_rw) / sizeof(implicit_rw[0]); i++)
		if (add_path_rule(rfd, implicit_rw[i], PACC_READ | PACC_WRITE, abi) < 0 &&
		    errno != ENOENT)
			return -1;
	if (!p->net || abi < 4)
		return 0;
	for (int i = 0; i < p->nconnect; i++)
		if (add_port_rule(rfd, p->connect[i], PSB_LL_NET_CONNECT_TCP) < 0)
			return -1;
	for (int i = 0; i < p->nbind; i++)
		if (add_port_rule(rfd, p->bind[i], PSB_LL_NET_BIND_TCP) < 0)
			return -1;
	return 0;
}

int landlock_enforce(const struct policy *p, int abi)
{
	struct psb_ruleset_attr attr = {0};
	size_t size = sizeof(attr);
	int rfd, rc = -1;

	if (abi < 1 || !p->active)
		return 0;
	if (p->npaths)
		attr.handled_access_fs = fs_handled(abi);
	if (p->net && abi >= 4)
		attr.handled_access_net = PSB_LL_NET_BIND_TCP | PSB_LL_NET_CONNECT_TCP;
	if (abi >= 6)
		attr.scoped = PSB_LL_SCOPE_ABSTRACT_UNIX | PSB_LL_SCOPE_SIGNAL;
	/* Older kernels reject a longer attribute: give them the ABI 1 one. */
	if (abi < 4)
		size = sizeof(attr.handled_access_fs);
	if (!attr.handled_access_fs && !attr.handled_access_net && !attr.scoped)
		return 0;
	rfd = (int)syscall(SYS_landlock_create_ruleset, &attr, size, 0);
	if (rfd < 0)
		return -1;
	if (add_rules(rfd, p, abi) < 0)
		goto out;
	/* Exec then gains nothing (setuid, file caps), and Landlock needs it without CAP_SYS_ADMIN.
	 */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		goto out;
	rc = (int)syscall(SYS_landlock_restrict_self, rfd, 0);
out:
	close(rfd);
	return rc;
}
