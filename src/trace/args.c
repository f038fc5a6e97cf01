// SPDX-License-Identifier: MIT
/*
 * Argument kinds: how one syscall argument is printed, and whether it is
 * printed at entry or at exit (an output argument is only meaningful
 * once the kernel has filled it).  Scalar, string and flag printers live
 * here; structure printers are in structs_*.c.  The kinds table at the end
 * is what syscalls.c refers to.
 */
#include "config.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <linux/fs.h>
#if defined(__x86_64__)
#include <asm/prctl.h>
#endif

#include "decode_impl.h"

/*
 * Names the code below compares with that some supported headers lack;
 * the tables in xlat/ check the same values where the headers have them.
 */
#ifndef F_DUPFD_QUERY
#define F_DUPFD_QUERY 1027
#endif
#ifndef ARCH_GET_FS /* x86_64 only; arch_prctl does not exist elsewhere */
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004
#endif
/* The 32-bit ABI's lock commands; 64-bit glibc's F_*LK64 are F_*LK. */
#define KERNEL_F_GETLK64  12
#define KERNEL_F_SETLK64  13
#define KERNEL_F_SETLKW64 14
/* IPC_64 is or-ed into the command; glibc keeps it private. */
#define KERNEL_IPC_64 0x100u

static uint64_t arg(const struct dctx *c, int i)
{
	return c->args[i];
}

/* Flag and value arguments are ints unless the kind says otherwise. */
static uint64_t flag_arg(const struct dctx *c, int i, const struct argfmt *k)
{
	return k->flags & K_WIDE ? arg(c, i) : (uint32_t)arg(c, i);
}

/* ---- scalars ---- */

static bool pr_hex(struct dctx *c, int i, const struct argfmt *k)
{
	sb_hex(c->sb, arg(c, i));
	return true;
}

static bool pr_int(struct dctx *c, int i, const struct argfmt *k)
{
	sb_dec(c->sb, (int)arg(c, i));
	return true;
}

static bool pr_uint(struct dctx *c, int i, const struct argfmt *k)
{
	sb_udec(c->sb, (unsigned int)arg(c, i));
	return true;
}

static bool pr_long(struct dctx *c, int i, const struct argfmt *k)
{
	sb_dec(c->sb, (long long)arg(c, i));
	return true;
}

static bool pr_ulong(struct dctx *c, int i, const struct argfmt *k)
{
	sb_udec(c->sb, arg(c, i));
	return true;
}

static bool pr_xint(struct dctx *c, int i, const struct argfmt *k)
{
	sb_hex(c->sb, (unsigned int)arg(c, i));
	return true;
}

static bool pr_ptr(struct dctx *c, int i, const struct argfmt *k)
{
	sb_ptr(c->sb, arg(c, i));
	return true;
}

static bool pr_dirfd(struct dctx *c, int i, const struct argfmt *k)
{
	if ((int)arg(c, i) == AT_FDCWD)
		print_at_fdcwd(c);
	else
		print_fd(c, (int)arg(c, i));
	return true;
}

static bool pr_fd(struct dctx *c, int i, const struct argfmt *k)
{
	print_fd(c, (int)arg(c, i));
	return true;
}

static bool pr_mode(struct dctx *c, int i, const struct argfmt *k)
{
	sb_printf(c->sb, "%#03o", (unsigned int)arg(c, i));
	return true;
}

static bool pr_uid(struct dctx *c, int i, const struct argfmt *k)
{
	unsigned int id = (unsigned int)arg(c, i);

	/* -1 means "unchanged" to set*id(); strace shows it as -1 */
	if (id == (unsigned int)-1)
		sb_puts(c->sb, "-1");
	else
		sb_udec(c->sb, id);
	return true;
}

static bool pr_sig(struct dctx *c, int i, const struct argfmt *k)
{
	print_signal(c->sb, (int)arg(c, i));
	return true;
}

static bool pr_resuming(struct dctx *c, int i, const struct argfmt *k)
{
	/* strace names the interrupted call; that takes state we do not keep */
	sb_puts(c->sb, "<... resuming interrupted call ...>");
	return true;
}

/* ---- strings ---- */

static bool pr_path(struct dctx *c, int i, const struct argfmt *k)
{
	print_path(c, arg(c, i));
	return true;
}

static bool pr_str(struct dctx *c, int i, const struct argfmt *k)
{
	print_cstr(c, arg(c, i), c->strsize);
	return true;
}

/* A buffer whose length is the next argument (write, sendto). */
static bool pr_buf_in(struct dctx *c, int i, const struct argfmt *k)
{
	print_buf(c, arg(c, i), arg(c, i + 1), false);
	return true;
}

/* A buffer the kernel filled with ret bytes (read, recvfrom). */
static bool pr_buf_out(struct dctx *c, int i, const struct argfmt *k)
{
	if (dctx_failed(c))
		sb_ptr(c->sb, arg(c, i));
	else
		print_buf(c, arg(c, i), (uint64_t)c->ret, k->flags & K_HEX);
	return true;
}

static bool pr_str_out(struct dctx *c, int i, const struct argfmt *k)
{
	if (dctx_failed(c))
		sb_ptr(c->sb, arg(c, i));
	else
		print_cstr(c, arg(c, i), c->strsize);
	return true;
}

static bool pr_path_out(struct dctx *c, int i, const struct argfmt *k)
{
	if (dctx_failed(c))
		sb_ptr(c->sb, arg(c, i));
	else
		print_path(c, arg(c, i));
	return true;
}

/* ---- flags and values ---- */

static bool pr_xlat(struct dctx *c, int i, const struct argfmt *k)
{
	print_xlat(c->sb, k->xlat, flag_arg(c, i, k), k->dflt);
	return true;
}

static bool pr_flags(struct dctx *c, int i, const struct argfmt *k)
{
	print_flags(c->sb, k->xlat, flag_arg(c, i, k), k->dflt);
	return true;
}

/* The access mode is a 2-bit value, the rest are flags. */
void print_open_flags(struct sbuf *sb, uint64_t flags)
{
	size_t mark = const_begin(sb);

	sb_puts(sb, xlat_name(open_accmode, flags & O_ACCMODE));
	print_flags_more(sb, open_flags, flags & ~(uint64_t)O_ACCMODE);
	const_end_hex(sb, mark, flags);
}

static bool pr_open_flags(struct dctx *c, int i, const struct argfmt *k)
{
	print_open_flags(c->sb, (uint32_t)arg(c, i));
	return true;
}

/* The mode only means something when a file may be created. */
static bool pr_open_mode(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t flags = arg(c, i - 1);

	if (!(flags & O_CREAT) && (flags & O_TMPFILE) != O_TMPFILE)
		return false;
	sb_printf(c->sb, "%#03o", (unsigned int)arg(c, i));
	return true;
}

static bool pr_statx_flags(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t flags = (uint32_t)arg(c, i);

	/*
	 * The sync type field prints even when zero, then the AT_ flags;
	 * strace's -X raw and verbose print them as two numbers ("|0x800"),
	 * and -X raw leaves out a zero sync type before other flags.
	 */
	if (flags & 0x6000 || !(flags & ~0x6000u) || const_style() != CONST_RAW)
		print_flags(c->sb, statx_sync_types, flags & 0x6000, NULL);
	print_flags_more(c->sb, at_flags, flags & ~0x6000u);
	return true;
}

#define HUGE_SHIFT 26
#define HUGE_MASK  (0x3fu << HUGE_SHIFT)

static bool pr_mmap_flags(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t flags = (uint32_t)arg(c, i);
	size_t mark = const_begin(c->sb);

	print_xlat(c->sb, mmap_types, flags & 0xf, "MAP_???");
	print_flags_more(c->sb, mmap_flags, flags & ~HUGE_MASK & ~0xfu);
	if (flags & HUGE_MASK)
		sb_printf(c->sb, "|%u<<MAP_HUGE_SHIFT", flags >> HUGE_SHIFT);
	const_end_hex(c->sb, mark, flags);
	return true;
}

static bool pr_mfd_flags(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t flags = (uint32_t)arg(c, i);
	size_t mark = const_begin(c->sb);

	if (flags & ~HUGE_MASK || !flags)
		print_flags(c->sb, mfd_flags, flags & ~HUGE_MASK, NULL);
	if (flags & HUGE_MASK)
		sb_printf(c->sb, "%s%u<<MFD_HUGE_SHIFT", flags & ~HUGE_MASK ? "|" : "",
			  flags >> HUGE_SHIFT);
	const_end_hex(c->sb, mark, flags);
	return true;
}

/* mremap's new address is only read with MREMAP_FIXED or _DONTUNMAP. */
static bool pr_mremap_addr(struct dctx *c, int i, const struct argfmt *k)
{
	if (!(arg(c, i - 1) & 6))
		return false;
	sb_ptr(c->sb, arg(c, i));
	return true;
}

static bool pr_sock_type(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t v = (uint32_t)arg(c, i);
	const char *type = xlat_name(sock_types, v & 0xf);
	size_t mark;

	if (!type) {
		print_flags(c->sb, sock_flags, v, NULL);
		return true;
	}
	/* Under -X raw and verbose strace prints the type and the flags as two numbers. */
	mark = const_begin(c->sb);
	sb_puts(c->sb, type);
	const_end_hex(c->sb, mark, v & 0xf);
	print_flags_more(c->sb, sock_flags, v & ~0xfu);
	return true;
}

static bool pr_sock_proto(struct dctx *c, int i, const struct argfmt *k)
{
	int family = (int)arg(c, 0);
	uint32_t proto = (uint32_t)arg(c, i);

	if (family == AF_INET || family == AF_INET6)
		print_xlat(c->sb, ipproto, proto, "IPPROTO_???");
	else if (family == AF_NETLINK)
		print_xlat(c->sb, netlink_protocols, proto, "NETLINK_???");
	else
		sb_printf(c->sb, "%d", (int)proto);
	return true;
}

static bool pr_sockopt_level(struct dctx *c, int i, const struct argfmt *k)
{
	const char *name = xlat_name(sol_levels, (uint32_t)arg(c, i));
	size_t mark = const_begin(c->sb);

	if (name)
		sb_puts(c->sb, name);
	else
		sb_printf(c->sb, "%d", (int)arg(c, i));
	const_end_hex(c->sb, mark, (uint32_t)arg(c, i));
	return true;
}

static bool pr_sockopt_name(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t name = (uint32_t)arg(c, i);

	switch ((int)arg(c, i - 1)) {
	case SOL_SOCKET:
		print_xlat(c->sb, so_options, name, "SO_???");
		break;
	case SOL_TCP:
		print_xlat(c->sb, tcp_options, name, "TCP_???");
		break;
	case SOL_IP:
		print_xlat(c->sb, ip_options, name, "IP_???");
		break;
	case SOL_IPV6:
		print_xlat(c->sb, ipv6_options, name, "IPV6_???");
		break;
	default:
		sb_printf(c->sb, "%d", (int)name);
	}
	return true;
}

static bool pr_ipc_key(struct dctx *c, int i, const struct argfmt *k)
{
	if ((int)arg(c, i) == 0)
		sb_puts(c->sb, "IPC_PRIVATE");
	else
		sb_printf(c->sb, "%#x", (unsigned int)arg(c, i));
	return true;
}

/* IPC_CREAT|IPC_EXCL|0600: named bits, then the permission bits. */
static bool pr_ipc_get_flags(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t v = (uint32_t)arg(c, i);
	bool any = false;

	for (const struct xlat *x = ipc_get_flags; x->name; x++) {
		if (!(v & x->val))
			continue;
		sb_printf(c->sb, "%s%s", any ? "|" : "", x->name);
		any = true;
	}
	sb_printf(c->sb, any ? "|%#03o" : "%#03o", v & 0777);
	return true;
}

static bool pr_ipc_cmd(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t cmd = (uint32_t)arg(c, i);
	size_t mark = const_begin(c->sb);

	print_xlat(c->sb, ipc_cmds, cmd & ~KERNEL_IPC_64, "IPC_???");
	if (cmd & KERNEL_IPC_64)
		sb_puts(c->sb, "|IPC_64");
	const_end_hex(c->sb, mark, cmd);
	return true;
}

static bool pr_mknod_mode(struct dctx *c, int i, const struct argfmt *k)
{
	print_mode_t(c->sb, (unsigned int)arg(c, i));
	return true;
}

/* The device number only matters for device nodes. */
static bool pr_dev(struct dctx *c, int i, const struct argfmt *k)
{
	unsigned int type = (unsigned int)arg(c, i - 1) & S_IFMT;

	if (type != S_IFCHR && type != S_IFBLK)
		return false;
	print_dev(c->sb, arg(c, i));
	return true;
}

/* ---- fcntl ---- */

static bool fcntl_is_getlk(uint32_t cmd)
{
	return cmd == F_GETLK || cmd == KERNEL_F_GETLK64 || cmd == F_OFD_GETLK;
}

static bool fcntl_is_setlk(uint32_t cmd)
{
	return cmd == F_SETLK || cmd == F_SETLKW || cmd == KERNEL_F_SETLK64 ||
	       cmd == KERNEL_F_SETLKW64 || cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW;
}

static bool fcntl_is_out(const struct dctx *c, int i)
{
	uint32_t cmd = (uint32_t)arg(c, 1);

	return fcntl_is_getlk(cmd) || cmd == F_GETOWN_EX;
}

/* Commands that take no third argument. */
static bool fcntl_no_arg(uint32_t cmd)
{
	switch (cmd) {
	case F_GETFD:
	case F_GETFL:
	case F_GETOWN:
	case F_GETSIG:
	case F_GETLEASE:
	case F_GETPIPE_SZ:
	case F_GET_SEALS:
		return true;
	}
	return false;
}

static bool fcntl_is_owner_ex(uint32_t cmd)
{
	return cmd == F_GETOWN_EX || cmd == F_SETOWN_EX;
}

static bool pr_fcntl_arg(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t cmd = (uint32_t)arg(c, 1);
	uint64_t v = arg(c, i);

	if (fcntl_no_arg(cmd))
		return false;
	if (fcntl_is_owner_ex(cmd)) {
		print_fcntl_owner_ex(c, v);
		return true;
	}
	if (fcntl_is_getlk(cmd) || fcntl_is_setlk(cmd)) {
		if (fcntl_is_getlk(cmd) && dctx_failed(c))
			sb_ptr(c->sb, v);
		else
			pr_flock(c, v, fcntl_is_getlk(cmd));
		return true;
	}
	switch (cmd) {
	case F_DUPFD:
	case F_SETOWN:
	case F_DUPFD_CLOEXEC:
	case F_SETPIPE_SZ:
	case F_DUPFD_QUERY:
		sb_printf(c->sb, "%d", (int)v);
		break;
	case F_SETFD:
		print_flags(c->sb, fd_flags, (uint32_t)v, "FD_???");
		break;
	case F_SETFL:
		print_open_flags(c->sb, (uint32_t)v);
		break;
	case F_SETSIG:
		print_signal(c->sb, (int)v);
		break;
	case F_SETLEASE:
		print_xlat(c->sb, lock_types, (uint32_t)v, "F_???");
		break;
	case F_NOTIFY:
		print_flags(c->sb, dnotify_flags, (uint32_t)v, "DN_???");
		break;
	case F_ADD_SEALS:
		print_flags(c->sb, seal_flags, (uint32_t)v, "F_SEAL_???");
		break;
	default:
		sb_printf(c->sb, "%#llx", (unsigned long long)v);
	}
	return true;
}

/* ---- futex ---- */

#define FUTEX_CMD(op) ((op)&0x7f)

static bool pr_futex_op(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t op = (uint32_t)arg(c, i);
	const char *name = xlat_name(futex_cmds, FUTEX_CMD(op));
	uint32_t rest = op & ~0x7fu & ~0x80u & ~0x100u;
	size_t mark = const_begin(c->sb);

	if (!name) {
		sb_printf(c->sb, "%#x /* FUTEX_??? */", op);
	} else {
		sb_printf(c->sb, "%s%s", name, op & 0x80 ? "_PRIVATE" : "");
		if (op & 0x100)
			sb_puts(c->sb, "|FUTEX_CLOCK_REALTIME");
		if (rest)
			sb_printf(c->sb, "|%#x", rest);
	}
	const_end_hex(c->sb, mark, op);
	return true;
}

enum futex_arg { F_NONE, F_VAL, F_TIMEOUT, F_VAL2, F_UADDR2, F_VAL3, F_BITSET, F_WAKEOP };

/*
 * What each futex command reads from arguments 2..5 (val, timeout or
 * val2, uaddr2, val3); F_NONE arguments are unused and left out.
 */
static const uint8_t futex_layout[14][4] = {
    [0] = {F_VAL, F_TIMEOUT},			/* WAIT */
    [1] = {F_VAL},				/* WAKE */
    [2] = {F_VAL},				/* FD */
    [3] = {F_VAL, F_VAL2, F_UADDR2},		/* REQUEUE */
    [4] = {F_VAL, F_VAL2, F_UADDR2, F_VAL3},	/* CMP_REQUEUE */
    [5] = {F_VAL, F_VAL2, F_UADDR2, F_WAKEOP},	/* WAKE_OP */
    [6] = {F_NONE, F_TIMEOUT},			/* LOCK_PI */
    [7] = {F_NONE},				/* UNLOCK_PI */
    [8] = {F_NONE},				/* TRYLOCK_PI */
    [9] = {F_VAL, F_TIMEOUT, F_NONE, F_BITSET}, /* WAIT_BITSET */
    [10] = {F_VAL, F_NONE, F_NONE, F_BITSET},	/* WAKE_BITSET */
    [11] = {F_VAL, F_TIMEOUT, F_UADDR2},	/* WAIT_REQUEUE_PI */
    [12] = {F_VAL, F_VAL2, F_UADDR2, F_VAL3},	/* CMP_REQUEUE_PI */
    [13] = {F_NONE, F_TIMEOUT},			/* LOCK_PI2 */
};

/* An unknown command: everything, in the kernel's types. */
static const uint8_t futex_unknown[4] = {F_VAL, F_TIMEOUT, F_UADDR2, F_VAL};

static void print_wake_op(struct sbuf *sb, uint32_t v)
{
	if (v & (8u << 28))
		sb_puts(sb, "FUTEX_OP_OPARG_SHIFT|");
	print_xlat(sb, futex_wake_ops, (v >> 28) & 7, "FUTEX_OP_???");
	sb_printf(sb, "<<28|%#x<<12|", (v >> 12) & 0xfff);
	print_xlat(sb, futex_wake_cmps, (v >> 24) & 0xf, "FUTEX_OP_CMP_???");
	sb_printf(sb, "<<24|%#x", v & 0xfff);
}

static bool pr_futex_arg(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t cmd = FUTEX_CMD((uint32_t)arg(c, 1));
	uint64_t v = arg(c, i);
	uint8_t what;

	if (i < 2 || i > 5)
		return false;
	what = xlat_name(futex_cmds, cmd) ? futex_layout[cmd][i - 2] : futex_unknown[i - 2];
	switch (what) {
	case F_NONE:
		return false;
	case F_VAL:
	case F_VAL2:
	case F_VAL3:
		sb_printf(c->sb, "%d", (int)v);
		break;
	case F_TIMEOUT:
		pr_timespec_at(c, v);
		break;
	case F_BITSET:
		if ((uint32_t)v == 0xffffffffu)
			sb_puts(c->sb, "FUTEX_BITSET_MATCH_ANY");
		else
			sb_printf(c->sb, "%#x", (uint32_t)v);
		break;
	case F_WAKEOP:
		print_wake_op(c->sb, (uint32_t)v);
		break;
	default:
		sb_ptr(c->sb, v);
	}
	return true;
}

/* ---- arch_prctl, prctl ---- */

static bool arch_prctl_is_out(const struct dctx *c, int i)
{
	uint32_t code = (uint32_t)arg(c, 0);

	return code == ARCH_GET_FS || code == ARCH_GET_GS;
}

static bool pr_arch_prctl_arg(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t v = arg(c, i), val;

	if (!arch_prctl_is_out(c, i) || dctx_failed(c) || !mem_read(c, v, &val, sizeof(val))) {
		sb_ptr(c->sb, v);
		return true;
	}
	sb_printf(c->sb, "[%#llx]", (unsigned long long)val);
	return true;
}

struct prctl_spec {
	uint32_t option;
	uint8_t nargs;	/* how many of args 1..4 strace shows */
	uint8_t first;	/* enum argkind of arg 1 */
	uint8_t second; /* enum argkind of arg 2, if shown */
};

static const struct prctl_spec prctl_specs[] = {
    {PR_SET_PDEATHSIG, 1, A_SIG, 0},
    {PR_GET_PDEATHSIG, 1, A_INTPTR_OUT, 0},
    {PR_GET_DUMPABLE, 0, 0, 0},
    {PR_SET_DUMPABLE, 1, A_PRCTL_OPTION, 0},
    {PR_GET_KEEPCAPS, 0, 0, 0},
    {PR_SET_KEEPCAPS, 1, A_ULONG, 0},
    {PR_SET_NAME, 1, A_STR, 0},
    {PR_GET_NAME, 1, A_STR_OUT, 0},
    {PR_GET_SECCOMP, 0, 0, 0},
    {PR_SET_SECCOMP, 2, A_PRCTL_OPTION, A_FPROG},
    {PR_CAPBSET_READ, 1, A_PRCTL_OPTION, 0},
    {PR_CAPBSET_DROP, 1, A_PRCTL_OPTION, 0},
    {PR_SET_TIMERSLACK, 1, A_ULONG, 0},
    {PR_GET_TIMERSLACK, 0, 0, 0},
    {PR_SET_CHILD_SUBREAPER, 1, A_ULONG, 0},
    {PR_GET_CHILD_SUBREAPER, 1, A_INTPTR_OUT, 0},
    {PR_SET_NO_NEW_PRIVS, 4, A_ULONG, A_ULONG},
    {PR_GET_NO_NEW_PRIVS, 0, 0, 0},
    {PR_SET_THP_DISABLE, 4, A_ULONG, A_ULONG},
    {PR_GET_THP_DISABLE, 0, 0, 0},
    {PR_SET_VMA, 4, A_PRCTL_OPTION, A_PTR},
    {PR_SET_PTRACER, 1, A_PRCTL_OPTION, 0}, /* what LeakSanitizer calls */
};

static const struct prctl_spec *prctl_find(uint32_t option)
{
	for (size_t n = 0; n < sizeof(prctl_specs) / sizeof(prctl_specs[0]); n++)
		if (prctl_specs[n].option == option)
			return &prctl_specs[n];
	return NULL;
}

static bool prctl_is_out(const struct dctx *c, int i)
{
	const struct prctl_spec *s = prctl_find((uint32_t)arg(c, 0));

	return s && i == 1 && (s->first == A_STR_OUT || s->first == A_INTPTR_OUT);
}

bool print_as(struct dctx *c, int i, enum argkind kind)
{
	const struct argfmt *k = argkind_get(kind);

	return k->print(c, i, k);
}

/* Option-specific first arguments that reuse a value table. */
static void print_prctl_value(struct dctx *c, uint32_t option, uint64_t v)
{
	if (option == PR_SET_DUMPABLE)
		print_xlat(c->sb, suid_dump_modes, (uint32_t)v, "SUID_DUMP_???");
	else if (option == PR_CAPBSET_READ || option == PR_CAPBSET_DROP)
		print_xlat(c->sb, capabilities, v, "CAP_???");
	else if (option == PR_SET_SECCOMP)
		print_xlat(c->sb, seccomp_modes, (uint32_t)v, "SECCOMP_MODE_???");
	else if (option == PR_SET_PTRACER && v == (unsigned long)PR_SET_PTRACER_ANY)
		sb_puts(c->sb, "PR_SET_PTRACER_ANY");
	else if (option == PR_SET_PTRACER)
		sb_dec(c->sb, (long long)v);
	else
		print_xlat(c->sb, pr_set_vma_ops, v, "PR_SET_VMA_???");
}

/* The option: names decode_proc.c adds first, then the table's. */
static bool pr_prctl_option(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t option = (uint32_t)arg(c, i);
	const char *name = prctl_extra_name(option);

	if (name)
		sb_puts(c->sb, name);
	else
		print_xlat(c->sb, prctl_options, option, "PR_???");
	return true;
}

static bool pr_prctl_arg(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t option = (uint32_t)arg(c, 0);
	const struct prctl_spec *s = prctl_find(option);
	uint8_t kind;

	if (!s) {
		sb_printf(c->sb, "%#llx", (unsigned long long)arg(c, i));
		return true;
	}
	if (i > s->nargs)
		return false;
	kind = i == 1 ? s->first : s->second;
	if (option == PR_SET_VMA && i > 2) /* addr, size, name */
		kind = i == 3 ? A_ULONG : A_STR;
	if (kind == A_PRCTL_OPTION) {
		print_prctl_value(c, option, arg(c, i));
		return true;
	}
	return print_as(c, i, kind);
}

/* ---- ioctl ---- */

static const char *const ioc_dirs[] = {"_IOC_NONE", "_IOC_WRITE", "_IOC_READ",
				       "_IOC_READ|_IOC_WRITE"};

static bool pr_ioctl_req(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t req = (uint32_t)arg(c, i);
	const char *name = ioctl_extra_name(req);
	size_t mark = const_begin(c->sb);

	if (!name)
		name = xlat_name(ioctl_requests, req);
	if (name)
		sb_puts(c->sb, name);
	else
		sb_printf(c->sb, "_IOC(%s, %#x, %#x, %#x)", ioc_dirs[req >> 30], (req >> 8) & 0xff,
			  req & 0xff, (req >> 16) & 0x3fff);
	const_end_hex(c->sb, mark, req);
	return true;
}

static bool ioctl_is_out(const struct dctx *c, int i)
{
	int extra = ioctl_extra_is_out((uint32_t)arg(c, 1));

	if (extra >= 0)
		return extra;
	switch ((uint32_t)arg(c, 1)) {
	case TCGETS:
	case TIOCGPGRP:
	case TIOCOUTQ:
	case TIOCGWINSZ:
	case FIONREAD:
	case TIOCGSID:
	case TIOCGPTN:
		return true;
	}
	return false;
}

static bool pr_ioctl_arg(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t v = arg(c, i);
	uint16_t ws[4];
	int n;

	if (ioctl_extra_arg(c, (uint32_t)arg(c, 1), v))
		return true;
	switch ((uint32_t)arg(c, 1)) {
	case FIONCLEX:
	case FIOCLEX:
	case TIOCNOTTY:
		return false;
	case TIOCGWINSZ:
	case TIOCSWINSZ:
		if ((c->exiting && dctx_failed(c)) || !mem_read(c, v, ws, sizeof(ws)))
			break;
		sb_printf(c->sb, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}", ws[0], ws[1],
			  ws[2], ws[3]);
		return true;
	case TIOCGPGRP:
	case TIOCSPGRP:
	case TIOCOUTQ:
	case FIONREAD:
	case FIONBIO:
	case TIOCGSID:
	case TIOCGPTN:
	case TIOCSPTLCK:
		if ((c->exiting && dctx_failed(c)) || !mem_read(c, v, &n, sizeof(n)))
			break;
		sb_printf(c->sb, "[%d]", n);
		return true;
	case TCGETS:
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		break; /* termios: shown as its address */
	case FICLONE:  /* the source descriptor */
		sb_printf(c->sb, "%d", (int)v);
		return true;
	default:
		sb_printf(c->sb, "%#llx", (unsigned long long)v);
		return true;
	}
	sb_ptr(c->sb, v);
	return true;
}

/* ---- small output arguments: [N] ---- */

static bool pr_intptr(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t v = arg(c, i);
	int n;

	if ((c->exiting && dctx_failed(c)) || !mem_read(c, v, &n, sizeof(n)))
		sb_ptr(c->sb, v);
	else
		sb_printf(c->sb, "[%d]", n);
	return true;
}

/* getresuid's outputs: ids are unsigned. */
static bool pr_uidptr(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t v = arg(c, i);
	unsigned int id;

	if (dctx_failed(c) || !mem_read(c, v, &id, sizeof(id)))
		sb_ptr(c->sb, v);
	else
		sb_printf(c->sb, "[%u]", id);
	return true;
}

/*
 * A length the kernel reads and rewrites (accept's addrlen).  A failed
 * call leaves it alone, so it is worth printing either way.  As strace:
 * "[128 => 16]" when the call changed it, from the entry value the
 * tracer kept (c->saved).
 */
static bool pr_socklen(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t v = arg(c, i);
	int n;

	(void)k;
	if (!mem_read(c, v, &n, sizeof(n)))
		sb_ptr(c->sb, v);
	else if (c->saved && (c->saved->have & (1u << i)) && c->saved->val[i] != n)
		sb_printf(c->sb, "[%d => %d]", c->saved->val[i], n);
	else
		sb_printf(c->sb, "[%d]", n);
	return true;
}

static bool pr_int64ptr(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t v = arg(c, i);
	int64_t n;

	if (!mem_read(c, v, &n, sizeof(n)))
		sb_ptr(c->sb, v);
	else
		sb_printf(c->sb, "[%lld]", (long long)n);
	return true;
}

/* ---- the table ---- */

#define SCALAR(fn)                                                                                 \
	{                                                                                          \
		fn, NULL, NULL, 0, NULL                                                            \
	}
#define OUT(fn)                                                                                    \
	{                                                                                          \
		fn, NULL, NULL, K_OUT, NULL                                                        \
	}
#define HEX_OUT(fn)                                                                                \
	{                                                                                          \
		fn, NULL, NULL, K_OUT | K_HEX, NULL                                                \
	}
#define VALUE(tbl, dflt)                                                                           \
	{                                                                                          \
		pr_xlat, tbl, dflt, 0, NULL                                                        \
	}
#define FLAGS(tbl, dflt)                                                                           \
	{                                                                                          \
		pr_flags, tbl, dflt, 0, NULL                                                       \
	}
#define WIDE_FLAGS(tbl, dflt)                                                                      \
	{                                                                                          \
		pr_flags, tbl, dflt, K_WIDE, NULL                                                  \
	}
#define DYN(fn, pred)                                                                              \
	{                                                                                          \
		fn, NULL, NULL, K_DYN, pred                                                        \
	}

static const struct argfmt kinds[A_KIND_COUNT] = {
    [A_DEFAULT] = SCALAR(pr_hex),
    [A_INT] = SCALAR(pr_int),
    [A_UINT] = SCALAR(pr_uint),
    [A_LONG] = SCALAR(pr_long),
    [A_ULONG] = SCALAR(pr_ulong),
    [A_HEX] = SCALAR(pr_hex),
    [A_XINT] = SCALAR(pr_xint),
    [A_PTR] = SCALAR(pr_ptr),
    [A_FD] = SCALAR(pr_fd),
    [A_DIRFD] = SCALAR(pr_dirfd),
    [A_MODE] = SCALAR(pr_mode),
    [A_UID] = SCALAR(pr_uid),
    [A_SIG] = SCALAR(pr_sig),
    [A_SIGSETSIZE] = SCALAR(pr_ulong),
    [A_RESUMING] = SCALAR(pr_resuming),

    [A_PATH] = SCALAR(pr_path),
    [A_STR] = SCALAR(pr_str),
    [A_BUF_IN] = SCALAR(pr_buf_in),
    [A_BUF_OUT] = OUT(pr_buf_out),
    [A_BUF_OUT_HEX] = HEX_OUT(pr_buf_out),
    [A_STR_OUT] = OUT(pr_str_out),
    [A_PATH_OUT] = OUT(pr_path_out),
    [A_IOV_IN] = SCALAR(pr_iov),
    [A_IOV_OUT] = OUT(pr_iov),
    [A_ARGV] = SCALAR(pr_argv),
    [A_ENVP] = SCALAR(pr_envp),

    [A_OPEN_FLAGS] = SCALAR(pr_open_flags),
    [A_FLAGS_OPEN0] = FLAGS(open_flags, NULL),
    [A_OPEN_MODE] = SCALAR(pr_open_mode),
    [A_ACCESS_MODE] = FLAGS(access_modes, NULL),
    [A_AT_FLAGS] = FLAGS(at_flags, NULL),
    [A_AT_EACCESS] = FLAGS(at_eaccess_flags, NULL),
    [A_STATX_FLAGS] = SCALAR(pr_statx_flags),
    [A_STATX_MASK] = FLAGS(statx_masks, NULL),
    [A_MMAP_PROT] = WIDE_FLAGS(mmap_prot, "PROT_???"),
    [A_MMAP_FLAGS] = SCALAR(pr_mmap_flags),
    [A_MREMAP_FLAGS] = FLAGS(mremap_flags, "MREMAP_???"),
    [A_MREMAP_ADDR] = SCALAR(pr_mremap_addr),
    [A_MSYNC_FLAGS] = FLAGS(msync_flags, "MS_???"),
    [A_MADV] = VALUE(madvise_advice, "MADV_???"),
    [A_MLOCKALL_FLAGS] = FLAGS(mlockall_flags, "MCL_???"),
    [A_MLOCK2_FLAGS] = FLAGS(mlock2_flags, "MLOCK_???"),
    [A_WAIT_OPTS] = FLAGS(wait_options, "W???"),
    [A_IDTYPE] = VALUE(idtypes, "P_???"),
    [A_SIGHOW] = VALUE(sigprocmask_hows, "SIG_???"),
    [A_SEEK_WHENCE] = VALUE(seek_whences, "SEEK_???"),
    [A_CLOCKID] = VALUE(clock_ids, "CLOCK_???"),
    [A_TIMER_FLAGS] = FLAGS(timer_flags, "TIMER_???"),
    [A_FCNTL_CMD] = VALUE(fcntl_cmds, "F_???"),
    [A_FCNTL_ARG] = DYN(pr_fcntl_arg, fcntl_is_out),
    [A_FUTEX_OP] = SCALAR(pr_futex_op),
    [A_FUTEX_ARG] = SCALAR(pr_futex_arg),
    [A_EFD_FLAGS] = FLAGS(efd_flags, "EFD_???"),
    [A_EPOLL_FLAGS] = FLAGS(epoll_create_flags, "EPOLL_???"),
    [A_EPOLL_OP] = VALUE(epoll_ops, "EPOLL_CTL_???"),
    [A_IN_INIT_FLAGS] = FLAGS(in_init_flags, "IN_???"),
    [A_IN_MASK] = FLAGS(in_masks, "IN_???"),
    [A_SFD_FLAGS] = FLAGS(sfd_flags, "SFD_???"),
    [A_TFD_FLAGS] = FLAGS(tfd_flags, "TFD_???"),
    [A_TFD_SET_FLAGS] = FLAGS(tfd_flags, "TFD_???"),
    [A_MFD_FLAGS] = SCALAR(pr_mfd_flags),
    [A_SOCK_FAMILY] = VALUE(sock_families, "AF_???"),
    [A_SOCK_TYPE] = SCALAR(pr_sock_type),
    [A_SOCK_PROTO] = SCALAR(pr_sock_proto),
    [A_SOCK_FLAGS] = FLAGS(sock_flags, "SOCK_???"),
    [A_MSG_FLAGS] = FLAGS(msg_flags, "MSG_???"),
    [A_SHUT_HOW] = VALUE(shut_hows, "SHUT_???"),
    [A_SOCKOPT_LEVEL] = SCALAR(pr_sockopt_level),
    [A_SOCKOPT_NAME] = SCALAR(pr_sockopt_name),
    [A_FLOCK_OP] = FLAGS(flock_ops, "LOCK_???"),
    [A_RENAME_FLAGS] = FLAGS(rename_flags, "RENAME_???"),
    [A_GRND_FLAGS] = FLAGS(grnd_flags, "GRND_???"),
    [A_CLOSE_RANGE_FLAGS] = FLAGS(close_range_flags, "CLOSE_RANGE_???"),
    [A_RLIMIT_RES] = VALUE(rlimit_resources, "RLIMIT_???"),
    [A_ITIMER_WHICH] = VALUE(itimer_which, "ITIMER_???"),
    [A_RUSAGE_WHO] = VALUE(rusage_who, "RUSAGE_???"),
    [A_PRIO_WHICH] = VALUE(prio_which, "PRIO_???"),
    [A_ARCH_PRCTL_CODE] = VALUE(arch_prctl_codes, "ARCH_???"),
    [A_ARCH_PRCTL_ARG] = DYN(pr_arch_prctl_arg, arch_prctl_is_out),
    [A_PRCTL_OPTION] = SCALAR(pr_prctl_option),
    [A_PRCTL_ARG] = DYN(pr_prctl_arg, prctl_is_out),
    [A_MEMBARRIER_CMD] = VALUE(membarrier_cmds, "MEMBARRIER_CMD_???"),
    [A_IOCTL_REQ] = SCALAR(pr_ioctl_req),
    [A_IOCTL_ARG] = DYN(pr_ioctl_arg, ioctl_is_out),
    [A_CLONE_FLAGS] = WIDE_FLAGS(clone3_flags, "CLONE_???"),
    [A_PIDFD_FLAGS] = FLAGS(pidfd_flags, "PIDFD_???"),
    [A_SCHED_POLICY] = VALUE(sched_policies, "SCHED_???"),
    [A_FADV_ADVICE] = VALUE(fadvise_advice, "POSIX_FADV_???"),
    [A_FALLOC_MODE] = FLAGS(falloc_modes, "FALLOC_FL_???"),
    [A_SPLICE_FLAGS] = FLAGS(splice_flags, "SPLICE_F_???"),
    [A_XATTR_FLAGS] = FLAGS(xattr_flags, "XATTR_???"),
    [A_UMOUNT_FLAGS] = FLAGS(umount_flags, "MNT_???"),
    [A_SECCOMP_OP] = VALUE(seccomp_ops, "SECCOMP_???"),
    [A_SECCOMP_FLAGS] = FLAGS(seccomp_filter_flags, "SECCOMP_FILTER_FLAG_???"),
    [A_MKNOD_MODE] = SCALAR(pr_mknod_mode),
    [A_DEV] = SCALAR(pr_dev),
    [A_IPC_KEY] = SCALAR(pr_ipc_key),
    [A_IPC_GET_FLAGS] = SCALAR(pr_ipc_get_flags),
    [A_IPC_CMD] = SCALAR(pr_ipc_cmd),
    [A_SHMAT_FLAGS] = FLAGS(shmat_flags, "SHM_???"),

    [A_SIGSET_IN] = SCALAR(pr_sigset),
    [A_SIGSET_OUT] = OUT(pr_sigset),
    [A_SIGACTION_IN] = SCALAR(pr_sigaction),
    [A_SIGACTION_OUT] = OUT(pr_sigaction),
    [A_SIGINFO_IN] = SCALAR(pr_siginfo),
    [A_SIGINFO_OUT] = OUT(pr_siginfo),
    [A_STACK_IN] = SCALAR(pr_stack),
    [A_STACK_OUT] = OUT(pr_stack),
    [A_TIMESPEC_IN] = SCALAR(pr_timespec),
    [A_TIMESPEC_OUT] = OUT(pr_timespec),
    [A_TIMESPEC_REM] = OUT(pr_timespec_rem),
    [A_TIMEVAL_IN] = SCALAR(pr_timeval),
    [A_TIMEVAL_OUT] = OUT(pr_timeval),
    [A_TIMEZONE_OUT] = OUT(pr_timezone),
    [A_ITIMERVAL_IN] = SCALAR(pr_itimerval),
    [A_ITIMERVAL_OUT] = OUT(pr_itimerval),
    [A_ITIMERSPEC_IN] = SCALAR(pr_itimerspec),
    [A_ITIMERSPEC_OUT] = OUT(pr_itimerspec),
    [A_UTIMENS_IN] = SCALAR(pr_utimens),
    [A_STAT_OUT] = OUT(pr_stat),
    [A_STATX_OUT] = OUT(pr_statx),
    [A_PIPEFDS_OUT] = OUT(pr_pipefds),
    [A_WSTATUS_OUT] = OUT(pr_wstatus),
    [A_RUSAGE_OUT] = OUT(pr_rusage),
    [A_POLLFD] = SCALAR(pr_pollfd),
    [A_FDSET] = SCALAR(pr_fdset),
    [A_PSELECT_SIGMASK] = SCALAR(pr_pselect_sigmask),
    [A_RLIMIT_IN] = SCALAR(pr_rlimit),
    [A_RLIMIT_OUT] = OUT(pr_rlimit),
    [A_UTSNAME_OUT] = OUT(pr_utsname),
    [A_SYSINFO_OUT] = OUT(pr_sysinfo),
    [A_TMS_OUT] = OUT(pr_tms),
    [A_DIRENTS_OUT] = OUT(pr_dirents),
    [A_CPUSET_IN] = SCALAR(pr_cpuset),
    [A_CPUSET_OUT] = OUT(pr_cpuset),
    [A_GROUPS_IN] = SCALAR(pr_groups),
    [A_GROUPS_OUT] = OUT(pr_groups),
    [A_INTPTR_IN] = SCALAR(pr_intptr),
    [A_INTPTR_OUT] = OUT(pr_intptr),
    [A_UIDPTR_OUT] = OUT(pr_uidptr),
    [A_INT64PTR] = SCALAR(pr_int64ptr),
    [A_SOCKLEN_OUT] = {pr_socklen, NULL, NULL, K_OUT | K_SAVE, NULL},
    [A_SOCKADDR_IN] = SCALAR(pr_sockaddr),
    [A_SOCKADDR_OUT] = OUT(pr_sockaddr),
    [A_SOCKOPT_IN] = SCALAR(pr_sockopt),
    [A_SOCKOPT_OUT] = OUT(pr_sockopt),
    [A_MSGHDR_IN] = SCALAR(pr_msghdr),
    [A_MSGHDR_OUT] = OUT(pr_msghdr),
    [A_EPOLL_EVENT_IN] = SCALAR(pr_epoll_event),
    [A_EPOLL_EVENTS_OUT] = OUT(pr_epoll_events),
    [A_FPROG] = SCALAR(pr_fprog),
    [A_STATFS_OUT] = OUT(pr_statfs),
    [A_TIME_OUT] = OUT(pr_time_out),
};

const struct argfmt *argkind_get(enum argkind kind)
{
	if ((unsigned int)kind >= A_KIND_COUNT || !kinds[kind].print)
		return &kinds[A_DEFAULT];
	return &kinds[kind];
}

static enum argkind kind_of(const struct dctx *c, int i)
{
	return c->ent ? (enum argkind)c->ent->args[i] : A_DEFAULT;
}

bool argkind_is_out(const struct dctx *c, int i)
{
	const struct argfmt *k = argkind_get(kind_of(c, i));

	if (k->flags & K_DYN)
		return k->is_out(c, i);
	return k->flags & K_OUT;
}

void save_value_results(struct dctx *c)
{
	int n = c->ent ? c->ent->nargs : 0;

	if (!c->saved)
		return;
	c->saved->have = 0;
	c->saved->injected = false;
	for (int i = 0; i < n && i < 6; i++) {
		int32_t v;

		if (!(argkind_get(kind_of(c, i))->flags & K_SAVE) ||
		    !mem_read(c, c->args[i], &v, sizeof(v)))
			continue;
		c->saved->val[i] = v;
		c->saved->have |= 1u << i;
	}
}

bool print_arg(struct dctx *c, int i)
{
	const struct argfmt *k = argkind_get(kind_of(c, i));

	return k->print(c, i, k);
}
