/* SPDX-License-Identifier: MIT */
/*
 * Internals shared by the files of the strace-style decoder.  Only
 * decode.h is the public interface; this header ties together the
 * output buffer, the xlat tables, the argument printers and the
 * per-syscall table.
 */
#ifndef PTSANDBOX_TRACE_DECODE_IMPL_H
#define PTSANDBOX_TRACE_DECODE_IMPL_H

#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "../seccomp_filter.h"
#include "decode_types.h"

/* ---- output buffer (format.c) ---- */

/*
 * Appends never overflow: output past the end is dropped, and buf is
 * always NUL-terminated, so callers can print without checking.
 */
struct sbuf {
	char *buf;
	size_t cap; /* bytes available, including the NUL */
	size_t len; /* strlen(buf) */
};

void sb_init(struct sbuf *sb, char *buf, size_t cap);
void sb_puts(struct sbuf *sb, const char *s);
void sb_putc(struct sbuf *sb, char c);
void sb_printf(struct sbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_truncate(struct sbuf *sb, size_t len);
/* n spaces. */
void sb_pad(struct sbuf *sb, size_t n);
/* What "%lld", "%llu" and "%#llx" print. */
void sb_dec(struct sbuf *sb, long long v);
void sb_udec(struct sbuf *sb, unsigned long long v);
void sb_hex(struct sbuf *sb, unsigned long long v);

/* "NULL" or "0x7f...". */
void sb_ptr(struct sbuf *sb, uint64_t addr);
/* -x 1, -xx 2 (0: off): which quoted strings are all-hex, for every sb_quote. */
void sb_quote_hex(int level);
/* n bytes as a strace quoted string: octal escapes, or all-hex with hex. */
void sb_quote(struct sbuf *sb, const void *data, size_t n, bool hex);
/* Local time as ISO 8601 ("2023-11-14T22:13:20+0000"), nsec if non-zero. */
void sb_date(struct sbuf *sb, int64_t sec, long nsec);
/* The same date as the comment strace puts after a time value. */
void sb_time(struct sbuf *sb, int64_t sec, long nsec);

/* ---- decoding context ---- */

struct sysent;

struct dctx {
	struct sbuf *sb;
	const uint64_t *args;
	int64_t ret;
	bool exiting;
	const struct trace_mem *mem;
	unsigned int strsize;
	const struct sysent *ent;
	struct decode_saved *saved; /* entry values of value-result args, or NULL */
	int decode_fds;		    /* -y */
	bool raw;		    /* -e raw=: arguments and result in hex */
	bool abbrev;		    /* not -v: envp counted, structures and arrays cut short */
	bool verbose;		    /* -e verbose=: structures read, else their addresses */
	unsigned int out;	    /* bit i: argument i is filled by the kernel */
};

/*
 * Is argument i filled by the kernel (argkind_is_out(), worked out once
 * by dctx_init() from the arguments, so that the struct printers below
 * the kind table need not ask it)?
 */
static inline bool dctx_arg_out(const struct dctx *c, int i)
{
	return i >= 0 && i < 6 && (c->out >> i & 1u);
}

/* Argument i of the call. */
static inline uint64_t dctx_arg(const struct dctx *c, int i)
{
	return c->args[i];
}

/* A context for syscall nr, outside a line (decode_syscall_touches). */
void dctx_init_for(struct dctx *c, struct sbuf *sb, long nr, const uint64_t args[6],
		   const struct trace_mem *mem);

/* The syscall failed: ret is -errno (the kernel's -4095..-1 range). */
bool dctx_failed(const struct dctx *c);

/* ---- guest memory (format.c) ---- */

/*
 * A structure, array or number the guest points to: all len bytes, or
 * false, also for a call outside -e verbose= (strace then prints the
 * address, as for unreadable memory).
 */
bool mem_read(const struct dctx *c, uint64_t addr, void *buf, size_t len);
/* Bytes shown as strings or dumps, which -e verbose= does not hide. */
bool mem_read_bytes(const struct dctx *c, uint64_t addr, void *buf, size_t len);
/*
 * A NUL-terminated string of at most max bytes into buf (max + 1 bytes
 * long), read page by page so a string ending just before an unmapped
 * page is still found.  Returns its length, or -1 if nothing readable;
 * *cut tells whether no NUL was found within max bytes.
 */
ssize_t mem_read_str(const struct dctx *c, uint64_t addr, char *buf, size_t max, bool *cut);

/*
 * A guest array of pointers up to NULL (execve's argv, envp), read a
 * chunk at a time: one read per element made execve's line cost a
 * process_vm_readv per environment variable.
 */
struct ptr_array {
	uint64_t addr; /* of the first element not in chunk */
	uint64_t chunk[64];
	size_t n, next;
};

void ptr_array_init(struct ptr_array *a, uint64_t addr);
/* The next element into *p, or false if it cannot be read. */
bool ptr_array_next(const struct dctx *c, struct ptr_array *a, uint64_t *p);

/* len bytes at addr quoted and cut at -s, or the address if unreadable. */
void print_buf(struct dctx *c, uint64_t addr, uint64_t len, bool hex);
/* A NUL-terminated string cut at max bytes ("..." when longer). */
void print_cstr(struct dctx *c, uint64_t addr, size_t max);
/* A file name: like print_cstr but not cut by -s (PATH_MAX). */
void print_path(struct dctx *c, uint64_t addr);

/* ---- names and flags (flags.c, signame.c, errnoent.c) ---- */

struct xlat {
	uint64_t val;
	const char *name;
};

#define XLAT(v)                                                                                    \
	{                                                                                          \
		(uint64_t)(v), #v                                                                  \
	}
#define XLAT_END                                                                                   \
	{                                                                                          \
		0, NULL                                                                            \
	}

/* ---- -X: constants as names, numbers or both (conststyle.c) ---- */

enum { CONST_ABBREV, CONST_RAW, CONST_VERBOSE };
void const_set_style(int style);
int const_style(void);
/*
 * A constant's symbolic rendering is printed after const_begin() (which
 * returns the mark to pass on); const_end*() then rewrites it from mark
 * on as -X asks, with num (or val in hex or decimal) as the number.
 */
size_t const_begin(struct sbuf *sb);
void const_end(struct sbuf *sb, size_t mark, const char *num);
void const_end_hex(struct sbuf *sb, size_t mark, uint64_t val);
void const_end_dec(struct sbuf *sb, size_t mark, long long val);
/* Closes a region left as printed: what is inside keeps its names. */
void const_end_keep(void);

const char *xlat_name(const struct xlat *x, uint64_t val);
/* The name of val, or "%#x /\* dflt *\/". */
void print_xlat(struct sbuf *sb, const struct xlat *x, uint64_t val, const char *dflt);
/*
 * Bit flags joined with '|' in table order, unknown bits as a trailing
 * hex number; 0 prints the table's zero entry if any, else "0".
 */
void print_flags(struct sbuf *sb, const struct xlat *x, uint64_t val, const char *dflt);
/* As print_flags, but appends after already printed flags ("|..."). */
void print_flags_more(struct sbuf *sb, const struct xlat *x, uint64_t val);

/* The tables of flags.c, shared with the argument printers. */
extern const struct xlat open_accmode[], open_flags[], access_modes[], at_flags[],
    at_eaccess_flags[], statx_sync_types[], statx_masks[], rename_flags[], seek_whences[],
    fcntl_cmds[], fd_flags[], lock_types[], dnotify_flags[], seal_flags[], flock_ops[],
    xattr_flags[], umount_flags[], fadvise_advice[], falloc_modes[], splice_flags[],
    close_range_flags[], mmap_prot[], mmap_types[], mmap_flags[], mremap_flags[], msync_flags[],
    madvise_advice[], mlockall_flags[], mlock2_flags[], mfd_flags[], membarrier_cmds[],
    shmat_flags[], ipc_get_flags[], ipc_cmds[], clone_flags[], clone3_flags[], wait_options[],
    idtypes[], sigaction_flags[], sigprocmask_hows[], sigaltstack_flags[], futex_cmds[],
    futex_wake_ops[], futex_wake_cmps[], pidfd_flags[], rlimit_resources[], rusage_who[],
    prio_which[], sched_policies[], arch_prctl_codes[], prctl_options[], capabilities[],
    suid_dump_modes[], pr_set_vma_ops[], seccomp_modes[], seccomp_ops[], seccomp_filter_flags[],
    clock_ids[], timer_flags[], itimer_which[], poll_events[], epoll_events[], epoll_ops[],
    epoll_create_flags[], efd_flags[], sfd_flags[], tfd_flags[], in_init_flags[], in_masks[],
    grnd_flags[], ioctl_requests[], sock_families[], sock_types[], sock_flags[], ipproto[],
    netlink_protocols[], msg_flags[], shut_hows[], sol_levels[], so_options[], tcp_options[],
    ip_options[], ipv6_options[];

/* "S_IFREG|0644" style st_mode: type, setuid/setgid/sticky bits, then octal. */
void print_mode_t(struct sbuf *sb, unsigned int mode);
/* makedev(0x1, 0x3) */
void print_dev(struct sbuf *sb, uint64_t dev);

/* Signal number as strace prints it in arguments: SIGINT, or decimal. */
void print_signal(struct sbuf *sb, int sig);
/* A 64-signal set: "[INT CHLD]", or "~[RTMIN RT_1]" when mostly full. */
void print_sigmask(struct sbuf *sb, uint64_t mask);
/* The siginfo fields after si_signo/si_code, as decode_siginfo prints them. */
void print_siginfo(struct sbuf *sb, const siginfo_t *si);

/* Text for a return of -err: strerror(), or strace's for ERESTART*. */
const char *errno_text(int err);
/* Kernel-internal restart codes print as "= ? ERESTARTSYS (...)". */
bool errno_is_restart(int err);

/* ---- argument kinds (args.c, structs.c) ---- */

/*
 * How one syscall argument is printed.  The per-syscall table names a
 * kind per argument; args.c maps each kind to a printer, a direction
 * (printed at entry, or at exit because the kernel fills it) and, for
 * flag and value kinds, its table.
 */
enum argkind {
	A_DEFAULT, /* hex, as strace prints undecoded arguments */
	A_INT,
	A_UINT,
	A_LONG,
	A_ULONG,
	A_HEX,
	A_XINT,
	A_PTR,
	A_FD,
	A_DIRFD,
	A_MODE,
	A_UID,
	A_SIG,
	A_SIGSETSIZE,
	A_RESUMING,
	/* strings and buffers */
	A_PATH,
	A_STR,
	A_BUF_IN,
	A_BUF_OUT,
	A_BUF_OUT_HEX,
	A_STR_OUT,
	A_PATH_OUT,
	A_IOV_IN,
	A_IOV_OUT,
	A_ARGV,
	A_ENVP,
	/* flags and values */
	A_OPEN_FLAGS,
	A_FLAGS_OPEN0,
	A_OPEN_MODE,
	A_ACCESS_MODE,
	A_AT_FLAGS,
	A_AT_EACCESS,
	A_STATX_FLAGS,
	A_STATX_MASK,
	A_MMAP_PROT,
	A_MMAP_FLAGS,
	A_MREMAP_FLAGS,
	A_MREMAP_ADDR,
	A_MSYNC_FLAGS,
	A_MADV,
	A_MLOCKALL_FLAGS,
	A_MLOCK2_FLAGS,
	A_WAIT_OPTS,
	A_IDTYPE,
	A_SIGHOW,
	A_SEEK_WHENCE,
	A_CLOCKID,
	A_TIMER_FLAGS,
	A_FCNTL_CMD,
	A_FCNTL_ARG,
	A_FUTEX_OP,
	A_FUTEX_ARG,
	A_EFD_FLAGS,
	A_EPOLL_FLAGS,
	A_EPOLL_OP,
	A_IN_INIT_FLAGS,
	A_IN_MASK,
	A_SFD_FLAGS,
	A_TFD_FLAGS,
	A_TFD_SET_FLAGS,
	A_MFD_FLAGS,
	A_SOCK_FAMILY,
	A_SOCK_TYPE,
	A_SOCK_PROTO,
	A_SOCK_FLAGS,
	A_MSG_FLAGS,
	A_SHUT_HOW,
	A_SOCKOPT_LEVEL,
	A_SOCKOPT_NAME,
	A_FLOCK_OP,
	A_RENAME_FLAGS,
	A_GRND_FLAGS,
	A_CLOSE_RANGE_FLAGS,
	A_RLIMIT_RES,
	A_ITIMER_WHICH,
	A_RUSAGE_WHO,
	A_PRIO_WHICH,
	A_ARCH_PRCTL_CODE,
	A_ARCH_PRCTL_ARG,
	A_PRCTL_OPTION,
	A_PRCTL_ARG,
	A_MEMBARRIER_CMD,
	A_IOCTL_REQ,
	A_IOCTL_ARG,
	A_CLONE_FLAGS,
	A_PIDFD_FLAGS,
	A_SCHED_POLICY,
	A_FADV_ADVICE,
	A_FALLOC_MODE,
	A_SPLICE_FLAGS,
	A_XATTR_FLAGS,
	A_UMOUNT_FLAGS,
	A_SECCOMP_OP,
	A_SECCOMP_FLAGS,
	A_MKNOD_MODE,
	A_DEV,
	A_IPC_KEY,
	A_IPC_GET_FLAGS,
	A_IPC_CMD,
	A_SHMAT_FLAGS,
	/* structures */
	A_SIGSET_IN,
	A_SIGSET_OUT,
	A_SIGACTION_IN,
	A_SIGACTION_OUT,
	A_SIGINFO_IN,
	A_SIGINFO_OUT,
	A_STACK_IN,
	A_STACK_OUT,
	A_TIMESPEC_IN,
	A_TIMESPEC_OUT,
	A_TIMESPEC_REM,
	A_TIMEVAL_IN,
	A_TIMEVAL_OUT,
	A_TIMEZONE_OUT,
	A_ITIMERVAL_IN,
	A_ITIMERVAL_OUT,
	A_ITIMERSPEC_IN,
	A_ITIMERSPEC_OUT,
	A_UTIMENS_IN,
	A_STAT_OUT,
	A_STATX_OUT,
	A_PIPEFDS_OUT,
	A_WSTATUS_OUT,
	A_RUSAGE_OUT,
	A_POLLFD,
	A_FDSET,
	A_PSELECT_SIGMASK,
	A_RLIMIT_IN,
	A_RLIMIT_OUT,
	A_UTSNAME_OUT,
	A_SYSINFO_OUT,
	A_TMS_OUT,
	A_DIRENTS_OUT,
	A_CPUSET_IN,
	A_CPUSET_OUT,
	A_GROUPS_IN,
	A_GROUPS_OUT,
	A_INTPTR_IN,
	A_INTPTR_OUT,
	A_UIDPTR_OUT,
	A_INT64PTR,
	A_SOCKLEN_OUT,
	A_SOCKADDR_IN,
	A_SOCKADDR_OUT,
	A_SOCKOPT_IN,
	A_SOCKOPT_OUT,
	A_MSGHDR_IN,
	A_MSGHDR_OUT,
	A_EPOLL_EVENT_IN,
	A_EPOLL_EVENTS_OUT,
	A_FPROG,
	A_STATFS_OUT,
	A_TIME_OUT,
	A_KIND_COUNT
};

struct argfmt;
typedef bool (*arg_printer)(struct dctx *c, int i, const struct argfmt *k);

struct argfmt {
	arg_printer print; /* false: the argument is omitted */
	const struct xlat *xlat;
	const char *dflt; /* "F_???" for unknown values */
	uint8_t flags;
	/* For K_DYN kinds: whether argument i is filled by the kernel. */
	bool (*is_out)(const struct dctx *c, int i);
};

#define K_OUT  0x01 /* printed at exit */
#define K_DYN  0x02 /* direction decided by is_out() */
#define K_WIDE 0x04 /* 64-bit value, not an int */
#define K_HEX  0x08 /* a buffer of random bytes: quote every byte in hex */
#define K_SAVE 0x10 /* value-result: its int is read at entry too */

const struct argfmt *argkind_get(enum argkind kind);
bool argkind_is_out(const struct dctx *c, int i);

/* At entry: read the value-result arguments (K_SAVE) into c->saved. */
void save_value_results(struct dctx *c);
/* Argument i of the current syscall, printed by its kind. */
bool print_arg(struct dctx *c, int i);
/* "O_RDWR|O_CLOEXEC": the access mode, then the flags. */
void print_open_flags(struct sbuf *sb, uint64_t flags);
/* Argument i printed as another kind (prctl's depend on the option). */
bool print_as(struct dctx *c, int i, enum argkind kind);

/* Printers of one syscall family's argument kinds; the table lives in args.c. */
/* args_file.c */
bool pr_open_flags(struct dctx *c, int i, const struct argfmt *k);
bool pr_open_mode(struct dctx *c, int i, const struct argfmt *k);
bool pr_statx_flags(struct dctx *c, int i, const struct argfmt *k);
bool pr_mknod_mode(struct dctx *c, int i, const struct argfmt *k);
bool pr_dev(struct dctx *c, int i, const struct argfmt *k);
bool pr_fcntl_arg(struct dctx *c, int i, const struct argfmt *k);
bool fcntl_is_out(const struct dctx *c, int i);
/* args_mem.c */
bool pr_mmap_flags(struct dctx *c, int i, const struct argfmt *k);
bool pr_mfd_flags(struct dctx *c, int i, const struct argfmt *k);
bool pr_mremap_addr(struct dctx *c, int i, const struct argfmt *k);
/* args_net.c */
bool pr_sock_type(struct dctx *c, int i, const struct argfmt *k);
bool pr_sock_proto(struct dctx *c, int i, const struct argfmt *k);
bool pr_sockopt_level(struct dctx *c, int i, const struct argfmt *k);
bool pr_sockopt_name(struct dctx *c, int i, const struct argfmt *k);
/* args_ipc.c */
bool pr_ipc_key(struct dctx *c, int i, const struct argfmt *k);
bool pr_ipc_get_flags(struct dctx *c, int i, const struct argfmt *k);
bool pr_ipc_cmd(struct dctx *c, int i, const struct argfmt *k);
/* args_futex.c */
bool pr_futex_op(struct dctx *c, int i, const struct argfmt *k);
bool pr_futex_arg(struct dctx *c, int i, const struct argfmt *k);
/* decode_ioctl.c */
bool pr_ioctl_req(struct dctx *c, int i, const struct argfmt *k);
bool pr_ioctl_arg(struct dctx *c, int i, const struct argfmt *k);
bool ioctl_is_out(const struct dctx *c, int i);

/*
 * Printers of structure kinds, in structs_<family>.c (sig, time, file,
 * proc, poll, net) and structs.c (vectors); the table lives in args.c.
 */
bool pr_sigset(struct dctx *c, int i, const struct argfmt *k);
bool pr_sigaction(struct dctx *c, int i, const struct argfmt *k);
bool pr_siginfo(struct dctx *c, int i, const struct argfmt *k);
bool pr_stack(struct dctx *c, int i, const struct argfmt *k);
bool pr_timespec(struct dctx *c, int i, const struct argfmt *k);
bool pr_timespec_rem(struct dctx *c, int i, const struct argfmt *k);
bool pr_timeval(struct dctx *c, int i, const struct argfmt *k);
bool pr_timezone(struct dctx *c, int i, const struct argfmt *k);
bool pr_itimerval(struct dctx *c, int i, const struct argfmt *k);
bool pr_itimerspec(struct dctx *c, int i, const struct argfmt *k);
bool pr_utimens(struct dctx *c, int i, const struct argfmt *k);
bool pr_stat(struct dctx *c, int i, const struct argfmt *k);
bool pr_statx(struct dctx *c, int i, const struct argfmt *k);
bool pr_pipefds(struct dctx *c, int i, const struct argfmt *k);
bool pr_wstatus(struct dctx *c, int i, const struct argfmt *k);
bool pr_rusage(struct dctx *c, int i, const struct argfmt *k);
bool pr_pollfd(struct dctx *c, int i, const struct argfmt *k);
bool pr_fdset(struct dctx *c, int i, const struct argfmt *k);
bool pr_pselect_sigmask(struct dctx *c, int i, const struct argfmt *k);
bool pr_rlimit(struct dctx *c, int i, const struct argfmt *k);
bool pr_utsname(struct dctx *c, int i, const struct argfmt *k);
bool pr_sysinfo(struct dctx *c, int i, const struct argfmt *k);
bool pr_tms(struct dctx *c, int i, const struct argfmt *k);
bool pr_dirents(struct dctx *c, int i, const struct argfmt *k);
bool pr_cpuset(struct dctx *c, int i, const struct argfmt *k);
bool pr_groups(struct dctx *c, int i, const struct argfmt *k);
bool pr_sockaddr(struct dctx *c, int i, const struct argfmt *k);
bool pr_sockopt(struct dctx *c, int i, const struct argfmt *k);
bool pr_msghdr(struct dctx *c, int i, const struct argfmt *k);
bool pr_epoll_event(struct dctx *c, int i, const struct argfmt *k);
bool pr_epoll_events(struct dctx *c, int i, const struct argfmt *k);
bool pr_iov(struct dctx *c, int i, const struct argfmt *k);
bool pr_argv(struct dctx *c, int i, const struct argfmt *k);
bool pr_envp(struct dctx *c, int i, const struct argfmt *k);
bool pr_fprog(struct dctx *c, int i, const struct argfmt *k);
bool pr_statfs(struct dctx *c, int i, const struct argfmt *k);
bool pr_time_out(struct dctx *c, int i, const struct argfmt *k);
bool pr_flock(struct dctx *c, uint64_t addr, bool with_pid);
/* fcntl's F_GETOWN_EX/F_SETOWN_EX struct f_owner_ex. */
void print_fcntl_owner_ex(struct dctx *c, uint64_t addr);
/* A struct msghdr at addr; out: the kernel's (address if failed); iovs cut at limit (-1: none). */
void print_msghdr_at(struct dctx *c, uint64_t addr, bool out, int64_t limit);
void pr_timespec_at(struct dctx *c, uint64_t addr);
void pr_timeval_at(struct dctx *c, uint64_t addr);

/*
 * structs.c: a structure at addr read for printing; false (with "NULL"
 * or the address printed) when there is nothing to decode.  out: an
 * output argument (the address only if the call failed).
 */
bool fetch_struct(struct dctx *c, uint64_t addr, bool out, void *buf, size_t len);
/* fetch_struct() of argument i. */
bool fetch_arg(struct dctx *c, int i, void *buf, size_t len);
/* structs.c: an iovec array; limit is how many bytes the kernel filled (-1: all). */
void print_iov_array(struct dctx *c, uint64_t addr, uint64_t count, int64_t limit);
/* structs_time.c: "{tv_sec=1, tv_usec=0}". */
struct timeval;
void print_timeval(struct sbuf *sb, const struct timeval *tv);

/* The " ([{fd=3, revents=POLLIN}])" and " (in [3], left {...})" suffixes. */
void print_poll_result(struct dctx *c);
void print_select_result(struct dctx *c, bool timespec);

/* ---- the syscall table (syscalls.c) ---- */

/* strace's syscall classes, for trace=%file and friends. */
enum {
	TF = 1 << 0,	/* %file: takes a file name */
	TP = 1 << 1,	/* %process */
	TS = 1 << 2,	/* %signal */
	TN = 1 << 3,	/* %network */
	TD = 1 << 4,	/* %desc: takes or returns a file descriptor */
	TM = 1 << 5,	/* %memory */
	TI = 1 << 6,	/* %ipc */
	TC = 1 << 7,	/* %creds */
	TCL = 1 << 8,	/* %clock */
	TST = 1 << 9,	/* %stat */
	TLST = 1 << 10, /* %lstat */
	TFST = 1 << 11, /* %fstat */
	TSF = 1 << 12,	/* %statfs */
	TFSF = 1 << 13, /* %fstatfs */
	TSFA = 1 << 14, /* only in %%statfs */
	TPU = 1 << 15,	/* %pure: no arguments, always succeeds */
};

/* How the return value is printed after " = ". */
enum retkind {
	R_DEC,	  /* decimal */
	R_HEX,	  /* an address: mmap, brk */
	R_OCT,	  /* umask */
	R_POLL,	  /* " (Timeout)" or the revents */
	R_SELECT, /* " (in [3], left {tv_sec=...})" */
	R_PSELECT,
	R_FCNTL,  /* F_GETFD, F_GETFL: " (flags FD_CLOEXEC)" */
	R_SCHED,  /* " (SCHED_OTHER)" */
	R_SIGNAL, /* rt_sigtimedwait: " (SIGUSR1)" */
	R_TIME,	  /* time(): " (2026-11-24T19:21:11+0000)" */
	R_PRCTL,  /* decode_proc.c: " (SUID_DUMP_USER)" */
	R_PERSONALITY,
	R_MEMBARRIER,
	R_CLOCK_STATE, /* adjtimex: " (TIME_ERROR)" */
};

struct sysent {
	const char *name;
	uint8_t nargs;
	uint8_t ret;	  /* enum retkind */
	uint16_t classes; /* TF|TD|... */
	uint8_t args[6];  /* enum argkind */
	/* For the few syscalls whose line is not a list of arguments. */
	void (*custom)(struct dctx *c);
};

/* NULL if the name is not in the table. */
const struct sysent *sysent_find(const char *name);
/* The whole table, sorted by name (for class membership). */
const struct sysent *sysent_table(size_t *count);

void custom_clone(struct dctx *c);
void custom_clone3(struct dctx *c);
/* decode_sig.c */
void custom_rt_sigreturn(struct dctx *c);
/* decode_fd.c */
bool returns_fd(const char *name);
void print_fd(struct dctx *c, int fd);
void print_at_fdcwd(struct dctx *c);
/* decode_file.c */
void custom_openat2(struct dctx *c);
/* decode_caps.c, decode_ipc.c, decode_seccomp.c */
void custom_capget(struct dctx *c);
void custom_capset(struct dctx *c);
void custom_semctl(struct dctx *c);
void custom_seccomp(struct dctx *c);
/* structs_net.c */
bool print_sockopt_struct(struct dctx *c, int level, int name, uint64_t addr, uint32_t len);
void print_cmsgs(struct dctx *c, uint64_t addr, size_t len);
/* decode_net.c */
void custom_sendmmsg(struct dctx *c);
void custom_recvmmsg(struct dctx *c);
/* decode_proc.c */
void custom_personality(struct dctx *c);
void custom_kcmp(struct dctx *c);
void print_prctl_result(struct dctx *c);
void print_personality_result(struct dctx *c);
void print_membarrier_result(struct dctx *c);
void custom_io_setup(struct dctx *c);
const char *prctl_extra_name(uint32_t option);
void custom_io_destroy(struct dctx *c);
/* decode_time.c */
void custom_timer_create(struct dctx *c);
void custom_adjtimex(struct dctx *c);
void custom_clock_adjtime(struct dctx *c);
void print_clock_state_result(struct dctx *c);

#endif
