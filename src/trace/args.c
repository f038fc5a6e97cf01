// SPDX-License-Identifier: MIT
/*
 * Argument kinds: how one syscall argument is printed, and whether it is
 * printed at entry or at exit (an output argument is only meaningful
 * once the kernel has filled it).  Scalar, string and flag printers live
 * here, with prctl's (whose arguments are other kinds, by option); those
 * of one syscall family in args_<family>.c (file, mem, net, ipc, futex)
 * and decode_ioctl.c; structure printers in structs_*.c.  The kinds
 * table at the end is what syscalls.c refers to.
 */
#include "config.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#if defined(__x86_64__)
#include <asm/prctl.h>
#endif

#include "decode_impl.h"

/*
 * Names the code below compares with that some supported headers lack;
 * the tables in xlat/ check the same values where the headers have them.
 */
#ifndef ARCH_GET_FS /* x86_64 only; arch_prctl does not exist elsewhere */
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004
#endif

/* Flag and value arguments are ints unless the kind says otherwise. */
static uint64_t flag_arg(const struct dctx *c, int i, const struct argfmt *k)
{
	return k->flags & K_WIDE ? dctx_arg(c, i) : (uint32_t)dctx_arg(c, i);
}

/* ---- scalars ---- */

static bool pr_hex(struct dctx *c, int i, const struct argfmt *k)
{
	sb_hex(c->sb, dctx_arg(c, i));
	return true;
}

static bool pr_int(struct dctx *c, int i, const struct argfmt *k)
{
	sb_dec(c->sb, (int)dctx_arg(c, i));
	return true;
}

static bool pr_uint(struct dctx *c, int i, const struct argfmt *k)
{
	sb_udec(c->sb, (unsigned int)dctx_arg(c, i));
	return true;
}

static bool pr_long(struct dctx *c, int i, const struct argfmt *k)
{
	sb_dec(c->sb, (long long)dctx_arg(c, i));
	return true;
}

static bool pr_ulong(struct dctx *c, int i, const struct argfmt *k)
{
	sb_udec(c->sb, dctx_arg(c, i));
	return true;
}

static bool pr_xint(struct dctx *c, int i, const struct argfmt *k)
{
	sb_hex(c->sb, (unsigned int)dctx_arg(c, i));
	return true;
}

static bool pr_ptr(struct dctx *c, int i, const struct argfmt *k)
{
	sb_ptr(c->sb, dctx_arg(c, i));
	return true;
}

static bool pr_dirfd(struct dctx *c, int i, const struct argfmt *k)
{
	if ((int)dctx_arg(c, i) == AT_FDCWD)
		print_at_fdcwd(c);
	else
		print_fd(c, (int)dctx_arg(c, i));
	return true;
}

static bool pr_fd(struct dctx *c, int i, const struct argfmt *k)
{
	print_fd(c, (int)dctx_arg(c, i));
	return true;
}

static bool pr_mode(struct dctx *c, int i, const struct argfmt *k)
{
	sb_printf(c->sb, "%#03o", (unsigned int)dctx_arg(c, i));
	return true;
}

static bool pr_uid(struct dctx *c, int i, const struct argfmt *k)
{
	unsigned int id = (unsigned int)dctx_arg(c, i);

	/* -1 means "unchanged" to set*id(); strace shows it as -1 */
	if (id == (unsigned int)-1)
		sb_puts(c->sb, "-1");
	else
		sb_udec(c->sb, id);
	return true;
}

static bool pr_sig(struct dctx *c, int i, const struct argfmt *k)
{
	print_signal(c->sb, (int)dctx_arg(c, i));
	return true;
}

static bool pr_resuming(struct dctx *c, int i, const struct argfmt *k)
{
	const char *name = c->saved ? c->saved->resumed : NULL;

	/* The caller knows what its thread's last ERESTART_RESTARTBLOCK was. */
	sb_printf(c->sb, "<... resuming interrupted %s ...>", name ? name : "system call");
	return true;
}

/* ---- strings ---- */

static bool pr_path(struct dctx *c, int i, const struct argfmt *k)
{
	print_path(c, dctx_arg(c, i));
	return true;
}

static bool pr_str(struct dctx *c, int i, const struct argfmt *k)
{
	print_cstr(c, dctx_arg(c, i), c->strsize);
	return true;
}

/* A buffer whose length is the next argument (write, sendto). */
static bool pr_buf_in(struct dctx *c, int i, const struct argfmt *k)
{
	print_buf(c, dctx_arg(c, i), dctx_arg(c, i + 1), false);
	return true;
}

/* A buffer the kernel filled with ret bytes (read, recvfrom). */
static bool pr_buf_out(struct dctx *c, int i, const struct argfmt *k)
{
	if (dctx_failed(c))
		sb_ptr(c->sb, dctx_arg(c, i));
	else
		print_buf(c, dctx_arg(c, i), (uint64_t)c->ret, k->flags & K_HEX);
	return true;
}

static bool pr_str_out(struct dctx *c, int i, const struct argfmt *k)
{
	if (dctx_failed(c))
		sb_ptr(c->sb, dctx_arg(c, i));
	else
		print_cstr(c, dctx_arg(c, i), c->strsize);
	return true;
}

static bool pr_path_out(struct dctx *c, int i, const struct argfmt *k)
{
	if (dctx_failed(c))
		sb_ptr(c->sb, dctx_arg(c, i));
	else
		print_path(c, dctx_arg(c, i));
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

/* ---- arch_prctl, prctl ---- */

static bool arch_prctl_is_out(const struct dctx *c, int i)
{
	uint32_t code = (uint32_t)dctx_arg(c, 0);

	return code == ARCH_GET_FS || code == ARCH_GET_GS;
}

static bool pr_arch_prctl_arg(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t v = dctx_arg(c, i), val;

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
	const struct prctl_spec *s = prctl_find((uint32_t)dctx_arg(c, 0));

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
	uint32_t option = (uint32_t)dctx_arg(c, i);
	const char *name = prctl_extra_name(option);

	if (name)
		sb_puts(c->sb, name);
	else
		print_xlat(c->sb, prctl_options, option, "PR_???");
	return true;
}

static bool pr_prctl_arg(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t option = (uint32_t)dctx_arg(c, 0);
	const struct prctl_spec *s = prctl_find(option);
	uint8_t kind;

	if (!s) {
		sb_printf(c->sb, "%#llx", (unsigned long long)dctx_arg(c, i));
		return true;
	}
	if (i > s->nargs)
		return false;
	kind = i == 1 ? s->first : s->second;
	if (option == PR_SET_VMA && i > 2) /* addr, size, name */
		kind = i == 3 ? A_ULONG : A_STR;
	if (kind == A_PRCTL_OPTION) {
		print_prctl_value(c, option, dctx_arg(c, i));
		return true;
	}
	return print_as(c, i, kind);
}

/* ---- small output arguments: [N] ---- */

static bool pr_intptr(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t v = dctx_arg(c, i);
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
	uint64_t v = dctx_arg(c, i);
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
	uint64_t v = dctx_arg(c, i);
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
	uint64_t v = dctx_arg(c, i);
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
