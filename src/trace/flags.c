// SPDX-License-Identifier: MIT
/*
 * The generic printers that turn a number into "O_RDONLY|O_CLOEXEC" or
 * "0x5 /\* SEEK_??? *\/", and the flag and value tables they share with
 * the argument printers.  Each table is generated from its declarative
 * file xlat/NAME.in (scripts/gen-xlat), which checks every value against
 * the system headers at compile time.  Table order is output order: it
 * follows what strace prints, which is not always numeric (a combined
 * name such as O_SYNC or STATX_ALL must come before the bits it contains
 * so it can claim them).
 */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#include "decode_impl.h"

/* ---- printers ---- */

const char *xlat_name(const struct xlat *x, uint64_t val)
{
	for (; x->name; x++)
		if (x->val == val)
			return x->name;
	return NULL;
}

/* A value no table names: "%#llx", with dflt as a comment if given. */
static void print_unnamed(struct sbuf *sb, uint64_t val, const char *dflt)
{
	sb_hex(sb, val);
	if (dflt) {
		sb_puts(sb, " /* ");
		sb_puts(sb, dflt);
		sb_puts(sb, " */");
	}
}

void print_xlat(struct sbuf *sb, const struct xlat *x, uint64_t val, const char *dflt)
{
	const char *name = xlat_name(x, val);
	size_t mark = const_begin(sb);

	if (name)
		sb_puts(sb, name);
	else
		print_unnamed(sb, val, dflt);
	const_end_hex(sb, mark, val);
}

/* Prints the names of the bits of val in table order; returns the rest. */
static uint64_t print_bits(struct sbuf *sb, const struct xlat *x, uint64_t val, bool *any)
{
	for (; x->name; x++) {
		if (!x->val || (val & x->val) != x->val)
			continue;
		if (*any)
			sb_putc(sb, '|');
		sb_puts(sb, x->name);
		*any = true;
		val &= ~x->val;
	}
	return val;
}

static void print_flags_abbrev(struct sbuf *sb, const struct xlat *x, uint64_t val,
			       const char *dflt)
{
	bool any = false;
	uint64_t rest;

	if (!val) {
		const char *zero = xlat_name(x, 0);

		sb_puts(sb, zero ? zero : "0");
		return;
	}
	rest = print_bits(sb, x, val, &any);
	if (!rest)
		return;
	if (any)
		sb_putc(sb, '|');
	print_unnamed(sb, rest, any ? NULL : dflt);
}

void print_flags(struct sbuf *sb, const struct xlat *x, uint64_t val, const char *dflt)
{
	size_t mark = const_begin(sb);

	print_flags_abbrev(sb, x, val, dflt);
	const_end_hex(sb, mark, val);
}

void print_flags_more(struct sbuf *sb, const struct xlat *x, uint64_t val)
{
	bool any = false;
	uint64_t rest;
	size_t mark;

	if (!val)
		return;
	sb_putc(sb, '|');
	mark = const_begin(sb);
	rest = print_bits(sb, x, val, &any);
	if (rest) {
		if (any)
			sb_putc(sb, '|');
		sb_hex(sb, rest);
	}
	/* Alone (statx's flags after the sync type), a constant of its own. */
	const_end_hex(sb, mark, val);
}

/* ---- file modes and devices ---- */

#include "xlat/file_types.h"
#include "xlat/setid_bits.h"

void print_mode_t(struct sbuf *sb, unsigned int mode)
{
	const char *type = xlat_name(file_types, mode & S_IFMT);
	size_t mark = const_begin(sb);
	bool any = false;
	char num[16];

	if (type) {
		sb_puts(sb, type);
		any = true;
	}
	print_bits(sb, setid_bits, mode & 07000, &any);
	sb_printf(sb, any ? "|%#03o" : "%#03o", mode & 0777);
	/* strace's number is the whole mode in octal: 0100644. */
	snprintf(num, sizeof(num), "%#03o", mode);
	const_end(sb, mark, num);
}

void print_dev(struct sbuf *sb, uint64_t dev)
{
	size_t mark = const_begin(sb);

	sb_printf(sb, "makedev(%#x, %#x)", major(dev), minor(dev));
	const_end_hex(sb, mark, dev);
}

/* ---- open(2) and friends ---- */

#include "xlat/open_accmode.h"
#include "xlat/open_flags.h"
#include "xlat/access_modes.h"
#include "xlat/at_flags.h"
#include "xlat/at_eaccess_flags.h"
#include "xlat/statx_sync_types.h"
#include "xlat/statx_masks.h"
#include "xlat/rename_flags.h"
#include "xlat/seek_whences.h"
#include "xlat/fcntl_cmds.h"
#include "xlat/fd_flags.h"
#include "xlat/lock_types.h"
#include "xlat/dnotify_flags.h"
#include "xlat/seal_flags.h"
#include "xlat/flock_ops.h"
#include "xlat/xattr_flags.h"
#include "xlat/umount_flags.h"
#include "xlat/fadvise_advice.h"
#include "xlat/falloc_modes.h"
#include "xlat/splice_flags.h"
#include "xlat/close_range_flags.h"

/* ---- memory ---- */

#include "xlat/mmap_prot.h"
#include "xlat/mmap_types.h"
#include "xlat/mmap_flags.h"
#include "xlat/mremap_flags.h"
#include "xlat/msync_flags.h"
#include "xlat/madvise_advice.h"
#include "xlat/mlockall_flags.h"
#include "xlat/mlock2_flags.h"
#include "xlat/mfd_flags.h"
#include "xlat/membarrier_cmds.h"
#include "xlat/shmat_flags.h"
#include "xlat/ipc_get_flags.h"
#include "xlat/ipc_cmds.h"

/* ---- processes and signals ---- */

#include "xlat/clone_flags.h"
#include "xlat/clone3_flags.h"
#include "xlat/wait_options.h"
#include "xlat/idtypes.h"
#include "xlat/sigaction_flags.h"
#include "xlat/sigprocmask_hows.h"
#include "xlat/sigaltstack_flags.h"
#include "xlat/futex_cmds.h"
#include "xlat/futex_wake_ops.h"
#include "xlat/futex_wake_cmps.h"
#include "xlat/pidfd_flags.h"
#include "xlat/rlimit_resources.h"
#include "xlat/rusage_who.h"
#include "xlat/prio_which.h"
#include "xlat/sched_policies.h"
#include "xlat/arch_prctl_codes.h"
#include "xlat/prctl_options.h"
#include "xlat/capabilities.h"
#include "xlat/suid_dump_modes.h"
#include "xlat/pr_set_vma_ops.h"
#include "xlat/seccomp_modes.h"
#include "xlat/seccomp_ops.h"
#include "xlat/seccomp_filter_flags.h"

/* ---- time ---- */

#include "xlat/clock_ids.h"
#include "xlat/timer_flags.h"
#include "xlat/itimer_which.h"

/* ---- descriptors ---- */

#include "xlat/poll_events.h"
#include "xlat/epoll_events.h"
#include "xlat/epoll_ops.h"
#include "xlat/epoll_create_flags.h"
#include "xlat/efd_flags.h"
#include "xlat/sfd_flags.h"
#include "xlat/tfd_flags.h"
#include "xlat/in_init_flags.h"
#include "xlat/in_masks.h"
#include "xlat/grnd_flags.h"
#include "xlat/ioctl_requests.h"

/* ---- sockets ---- */

#include "xlat/sock_families.h"
#include "xlat/sock_types.h"
#include "xlat/sock_flags.h"
#include "xlat/ipproto.h"
#include "xlat/netlink_protocols.h"
#include "xlat/msg_flags.h"
#include "xlat/shut_hows.h"
#include "xlat/sol_levels.h"
#include "xlat/so_options.h"
#include "xlat/tcp_options.h"
#include "xlat/ip_options.h"
#include "xlat/ipv6_options.h"
