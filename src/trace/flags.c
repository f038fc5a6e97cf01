// SPDX-License-Identifier: MIT
/*
 * Flag and value tables, and the generic printers that turn a number
 * into "O_RDONLY|O_CLOEXEC" or "0x5 /\* SEEK_??? *\/".  Table order is
 * output order: it follows what strace prints, which is not always
 * numeric (a combined name such as O_SYNC or STATX_ALL must come before
 * the bits it contains so it can claim them).
 *
 * Values that differ between x86_64 and aarch64 come from the libc
 * headers of the build; the few where glibc's userspace value is not
 * the kernel's (O_LARGEFILE) are spelled out per architecture.
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

	if (name)
		sb_puts(sb, name);
	else
		print_unnamed(sb, val, dflt);
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

void print_flags(struct sbuf *sb, const struct xlat *x, uint64_t val, const char *dflt)
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

void print_flags_more(struct sbuf *sb, const struct xlat *x, uint64_t val)
{
	bool any = true;
	uint64_t rest = print_bits(sb, x, val, &any);

	if (rest) {
		sb_putc(sb, '|');
		sb_hex(sb, rest);
	}
}

/* ---- file modes and devices ---- */

static const struct xlat file_types[] = {XLAT(S_IFREG), XLAT(S_IFSOCK), XLAT(S_IFIFO),
					 XLAT(S_IFLNK), XLAT(S_IFDIR),	XLAT(S_IFBLK),
					 XLAT(S_IFCHR), XLAT_END};

static const struct xlat setid_bits[] = {XLAT(S_ISUID), XLAT(S_ISGID), XLAT(S_ISVTX), XLAT_END};

void print_mode_t(struct sbuf *sb, unsigned int mode)
{
	const char *type = xlat_name(file_types, mode & S_IFMT);
	bool any = false;

	if (type) {
		sb_puts(sb, type);
		any = true;
	}
	print_bits(sb, setid_bits, mode & 07000, &any);
	sb_printf(sb, any ? "|%#03o" : "%#03o", mode & 0777);
}

void print_dev(struct sbuf *sb, uint64_t dev)
{
	sb_printf(sb, "makedev(%#x, %#x)", major(dev), minor(dev));
}

/* ---- open(2) and friends ---- */

#if defined(__x86_64__)
#define KERNEL_O_LARGEFILE 0100000
#elif defined(__aarch64__)
#define KERNEL_O_LARGEFILE 0400000
#endif

const struct xlat open_accmode[] = {XLAT(O_RDONLY), XLAT(O_WRONLY), XLAT(O_RDWR), XLAT(O_ACCMODE),
				    XLAT_END};

const struct xlat open_flags[] = {XLAT(O_CREAT),    XLAT(O_EXCL),
				  XLAT(O_NOCTTY),   XLAT(O_TRUNC),
				  XLAT(O_APPEND),   XLAT(O_NONBLOCK),
				  XLAT(O_SYNC),	    XLAT(O_DSYNC),
				  XLAT(O_DIRECT),   {KERNEL_O_LARGEFILE, "O_LARGEFILE"},
				  XLAT(O_NOFOLLOW), XLAT(O_NOATIME),
				  XLAT(O_CLOEXEC),  XLAT(O_PATH),
				  XLAT(O_TMPFILE),  XLAT(O_DIRECTORY),
				  XLAT(FASYNC),	    XLAT_END};

const struct xlat access_modes[] = {XLAT(F_OK), XLAT(R_OK), XLAT(W_OK), XLAT(X_OK), XLAT_END};

const struct xlat at_flags[] = {XLAT(AT_SYMLINK_NOFOLLOW),
				XLAT(AT_REMOVEDIR),
				XLAT(AT_SYMLINK_FOLLOW),
				XLAT(AT_NO_AUTOMOUNT),
				XLAT(AT_EMPTY_PATH),
				{0x8000, "AT_RECURSIVE"},
				XLAT_END};

/* faccessat2 reuses AT_REMOVEDIR's bit for AT_EACCESS. */
const struct xlat at_eaccess_flags[] = {XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_EACCESS),
					XLAT(AT_EMPTY_PATH), XLAT_END};

const struct xlat statx_sync_types[] = {{0, "AT_STATX_SYNC_AS_STAT"},
					{0x2000, "AT_STATX_FORCE_SYNC"},
					{0x4000, "AT_STATX_DONT_SYNC"},
					XLAT_END};

const struct xlat statx_masks[] = {{0xfff, "STATX_ALL"},
				   {0x7ff, "STATX_BASIC_STATS"},
				   {0x1, "STATX_TYPE"},
				   {0x2, "STATX_MODE"},
				   {0x4, "STATX_NLINK"},
				   {0x8, "STATX_UID"},
				   {0x10, "STATX_GID"},
				   {0x20, "STATX_ATIME"},
				   {0x40, "STATX_MTIME"},
				   {0x80, "STATX_CTIME"},
				   {0x100, "STATX_INO"},
				   {0x200, "STATX_SIZE"},
				   {0x400, "STATX_BLOCKS"},
				   {0x800, "STATX_BTIME"},
				   {0x1000, "STATX_MNT_ID"},
				   {0x2000, "STATX_DIOALIGN"},
				   XLAT_END};

const struct xlat rename_flags[] = {
    {1, "RENAME_NOREPLACE"}, {2, "RENAME_EXCHANGE"}, {4, "RENAME_WHITEOUT"}, XLAT_END};

const struct xlat seek_whences[] = {XLAT(SEEK_SET),  XLAT(SEEK_CUR),  XLAT(SEEK_END),
				    XLAT(SEEK_DATA), XLAT(SEEK_HOLE), XLAT_END};

const struct xlat fcntl_cmds[] = {
    XLAT(F_DUPFD),
    XLAT(F_GETFD),
    XLAT(F_SETFD),
    XLAT(F_GETFL),
    XLAT(F_SETFL),
    XLAT(F_GETLK),
    XLAT(F_SETLK),
    XLAT(F_SETLKW),
    XLAT(F_SETOWN),
    XLAT(F_GETOWN),
    XLAT(F_SETSIG),
    XLAT(F_GETSIG),
    /* the 32-bit ABI's numbers, which the 64-bit kernel still accepts */
    {12, "F_GETLK64"},
    {13, "F_SETLK64"},
    {14, "F_SETLKW64"},
    {15, "F_SETOWN_EX"},
    {16, "F_GETOWN_EX"},
    {17, "F_GETOWNER_UIDS"},
    {36, "F_OFD_GETLK"},
    {37, "F_OFD_SETLK"},
    {38, "F_OFD_SETLKW"},
    {1024, "F_SETLEASE"},
    {1025, "F_GETLEASE"},
    {1026, "F_NOTIFY"},
    {1027, "F_DUPFD_QUERY"},
    {1029, "F_CANCELLK"},
    {1030, "F_DUPFD_CLOEXEC"},
    {1031, "F_SETPIPE_SZ"},
    {1032, "F_GETPIPE_SZ"},
    {1033, "F_ADD_SEALS"},
    {1034, "F_GET_SEALS"},
    {1035, "F_GET_RW_HINT"},
    {1036, "F_SET_RW_HINT"},
    {1037, "F_GET_FILE_RW_HINT"},
    {1038, "F_SET_FILE_RW_HINT"},
    XLAT_END};

const struct xlat fd_flags[] = {XLAT(FD_CLOEXEC), XLAT_END};

const struct xlat lock_types[] = {XLAT(F_RDLCK), XLAT(F_WRLCK), XLAT(F_UNLCK), XLAT_END};

const struct xlat dnotify_flags[] = {
    {0x1, "DN_ACCESS"},	 {0x2, "DN_MODIFY"},  {0x4, "DN_CREATE"},	    {0x8, "DN_DELETE"},
    {0x10, "DN_RENAME"}, {0x20, "DN_ATTRIB"}, {0x80000000, "DN_MULTISHOT"}, XLAT_END};

const struct xlat seal_flags[] = {{0x1, "F_SEAL_SEAL"},		 {0x2, "F_SEAL_SHRINK"},
				  {0x4, "F_SEAL_GROW"},		 {0x8, "F_SEAL_WRITE"},
				  {0x10, "F_SEAL_FUTURE_WRITE"}, XLAT_END};

const struct xlat flock_ops[] = {{1, "LOCK_SH"},      {2, "LOCK_EX"},	    {4, "LOCK_NB"},
				 {8, "LOCK_UN"},      {0x20, "LOCK_MAND"},  {0xc0, "LOCK_RW"},
				 {0x40, "LOCK_READ"}, {0x80, "LOCK_WRITE"}, XLAT_END};

const struct xlat xattr_flags[] = {{1, "XATTR_CREATE"}, {2, "XATTR_REPLACE"}, XLAT_END};

const struct xlat umount_flags[] = {
    {1, "MNT_FORCE"}, {2, "MNT_DETACH"}, {4, "MNT_EXPIRE"}, {8, "UMOUNT_NOFOLLOW"}, XLAT_END};

const struct xlat fadvise_advice[] = {{0, "POSIX_FADV_NORMAL"},
				      {1, "POSIX_FADV_RANDOM"},
				      {2, "POSIX_FADV_SEQUENTIAL"},
				      {3, "POSIX_FADV_WILLNEED"},
				      {4, "POSIX_FADV_DONTNEED"},
				      {5, "POSIX_FADV_NOREUSE"},
				      XLAT_END};

const struct xlat falloc_modes[] = {
    {0x01, "FALLOC_FL_KEEP_SIZE"},     {0x02, "FALLOC_FL_PUNCH_HOLE"},
    {0x04, "FALLOC_FL_NO_HIDE_STALE"}, {0x08, "FALLOC_FL_COLLAPSE_RANGE"},
    {0x10, "FALLOC_FL_ZERO_RANGE"},    {0x20, "FALLOC_FL_INSERT_RANGE"},
    {0x40, "FALLOC_FL_UNSHARE_RANGE"}, XLAT_END};

const struct xlat splice_flags[] = {{1, "SPLICE_F_MOVE"},
				    {2, "SPLICE_F_NONBLOCK"},
				    {4, "SPLICE_F_MORE"},
				    {8, "SPLICE_F_GIFT"},
				    XLAT_END};

const struct xlat close_range_flags[] = {
    {2, "CLOSE_RANGE_UNSHARE"}, {4, "CLOSE_RANGE_CLOEXEC"}, XLAT_END};

/* ---- memory ---- */

const struct xlat mmap_prot[] = {XLAT(PROT_NONE),      XLAT(PROT_READ),	   XLAT(PROT_WRITE),
				 XLAT(PROT_EXEC),      {0x8, "PROT_SEM"},
#ifdef __aarch64__
				 {0x10, "PROT_BTI"},   {0x20, "PROT_MTE"},
#endif
				 XLAT(PROT_GROWSDOWN), XLAT(PROT_GROWSUP), XLAT_END};

/* The low nibble of mmap flags is a type, not bits. */
const struct xlat mmap_types[] = {
    {0, "MAP_FILE"}, XLAT(MAP_SHARED), XLAT(MAP_PRIVATE), {3, "MAP_SHARED_VALIDATE"}, XLAT_END};

const struct xlat mmap_flags[] = {XLAT(MAP_FIXED),
				  XLAT(MAP_ANONYMOUS),
#ifdef MAP_32BIT
				  XLAT(MAP_32BIT),
#endif
				  XLAT(MAP_NORESERVE),
				  XLAT(MAP_POPULATE),
				  XLAT(MAP_NONBLOCK),
				  XLAT(MAP_GROWSDOWN),
				  XLAT(MAP_DENYWRITE),
				  XLAT(MAP_EXECUTABLE),
				  XLAT(MAP_LOCKED),
				  XLAT(MAP_STACK),
				  XLAT(MAP_HUGETLB),
				  {0x80000, "MAP_SYNC"},
				  {0x100000, "MAP_FIXED_NOREPLACE"},
				  XLAT_END};

const struct xlat mremap_flags[] = {
    {1, "MREMAP_MAYMOVE"}, {2, "MREMAP_FIXED"}, {4, "MREMAP_DONTUNMAP"}, XLAT_END};

const struct xlat msync_flags[] = {XLAT(MS_SYNC), XLAT(MS_ASYNC), XLAT(MS_INVALIDATE), XLAT_END};

const struct xlat madvise_advice[] = {{0, "MADV_NORMAL"},	   {1, "MADV_RANDOM"},
				      {2, "MADV_SEQUENTIAL"},	   {3, "MADV_WILLNEED"},
				      {4, "MADV_DONTNEED"},	   {8, "MADV_FREE"},
				      {9, "MADV_REMOVE"},	   {10, "MADV_DONTFORK"},
				      {11, "MADV_DOFORK"},	   {12, "MADV_MERGEABLE"},
				      {13, "MADV_UNMERGEABLE"},	   {14, "MADV_HUGEPAGE"},
				      {15, "MADV_NOHUGEPAGE"},	   {16, "MADV_DONTDUMP"},
				      {17, "MADV_DODUMP"},	   {18, "MADV_WIPEONFORK"},
				      {19, "MADV_KEEPONFORK"},	   {20, "MADV_COLD"},
				      {21, "MADV_PAGEOUT"},	   {22, "MADV_POPULATE_READ"},
				      {23, "MADV_POPULATE_WRITE"}, {24, "MADV_DONTNEED_LOCKED"},
				      {25, "MADV_COLLAPSE"},	   {100, "MADV_HWPOISON"},
				      {101, "MADV_SOFT_OFFLINE"},  XLAT_END};

const struct xlat mlockall_flags[] = {
    {1, "MCL_CURRENT"}, {2, "MCL_FUTURE"}, {4, "MCL_ONFAULT"}, XLAT_END};

const struct xlat mlock2_flags[] = {{1, "MLOCK_ONFAULT"}, XLAT_END};

const struct xlat mfd_flags[] = {
    {1, "MFD_CLOEXEC"}, {2, "MFD_ALLOW_SEALING"}, {4, "MFD_HUGETLB"}, XLAT_END};

const struct xlat membarrier_cmds[] = {{0, "MEMBARRIER_CMD_QUERY"},
				       {1, "MEMBARRIER_CMD_GLOBAL"},
				       {2, "MEMBARRIER_CMD_GLOBAL_EXPEDITED"},
				       {4, "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"},
				       {8, "MEMBARRIER_CMD_PRIVATE_EXPEDITED"},
				       {16, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"},
				       {32, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE"},
				       {64, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE"},
				       {128, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ"},
				       {256, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"},
				       XLAT_END};

const struct xlat shmat_flags[] = {{010000, "SHM_RDONLY"},
				   {020000, "SHM_RND"},
				   {040000, "SHM_REMAP"},
				   {0100000, "SHM_EXEC"},
				   XLAT_END};

const struct xlat ipc_get_flags[] = {
    {01000, "IPC_CREAT"}, {02000, "IPC_EXCL"}, {04000, "IPC_NOWAIT"}, XLAT_END};

const struct xlat ipc_cmds[] = {
    {0, "IPC_RMID"}, {1, "IPC_SET"}, {2, "IPC_STAT"}, {3, "IPC_INFO"}, XLAT_END};

/* ---- processes and signals ---- */

/* Shared by clone(), whose low byte is the exit signal, and clone3(). */
#define CLONE_FLAG_ENTRIES                                                                         \
	{0x00000100, "CLONE_VM"}, {0x00000200, "CLONE_FS"}, {0x00000400, "CLONE_FILES"},           \
	    {0x00000800, "CLONE_SIGHAND"}, {0x00001000, "CLONE_PIDFD"},                            \
	    {0x00002000, "CLONE_PTRACE"}, {0x00004000, "CLONE_VFORK"},                             \
	    {0x00008000, "CLONE_PARENT"}, {0x00010000, "CLONE_THREAD"},                            \
	    {0x00020000, "CLONE_NEWNS"}, {0x00040000, "CLONE_SYSVSEM"},                            \
	    {0x00080000, "CLONE_SETTLS"}, {0x00100000, "CLONE_PARENT_SETTID"},                     \
	    {0x00200000, "CLONE_CHILD_CLEARTID"}, {0x00800000, "CLONE_UNTRACED"},                  \
	    {0x01000000, "CLONE_CHILD_SETTID"}, {0x02000000, "CLONE_NEWCGROUP"},                   \
	    {0x04000000, "CLONE_NEWUTS"}, {0x08000000, "CLONE_NEWIPC"},                            \
	    {0x10000000, "CLONE_NEWUSER"}, {0x20000000, "CLONE_NEWPID"},                           \
	    {0x40000000, "CLONE_NEWNET"},                                                          \
	{                                                                                          \
		0x80000000, "CLONE_IO"                                                             \
	}

const struct xlat clone_flags[] = {CLONE_FLAG_ENTRIES, XLAT_END};

/* clone3() and unshare() have no exit signal to share the flags with. */
const struct xlat clone3_flags[] = {{0x00000080, "CLONE_NEWTIME"},
				    CLONE_FLAG_ENTRIES,
				    {0x100000000ull, "CLONE_CLEAR_SIGHAND"},
				    {0x200000000ull, "CLONE_INTO_CGROUP"},
				    XLAT_END};

const struct xlat wait_options[] = {XLAT(WNOHANG),    XLAT(WEXITED),	 XLAT(WSTOPPED),
				    XLAT(WCONTINUED), XLAT(WNOWAIT),	 XLAT(__WCLONE),
				    XLAT(__WALL),     XLAT(__WNOTHREAD), XLAT_END};

const struct xlat idtypes[] = {{0, "P_ALL"}, {1, "P_PID"}, {2, "P_PGID"}, {3, "P_PIDFD"}, XLAT_END};

const struct xlat sigaction_flags[] = {{0x04000000, "SA_RESTORER"},
				       XLAT(SA_ONSTACK),
				       XLAT(SA_RESTART),
				       {0x20000000, "SA_INTERRUPT"},
				       XLAT(SA_NODEFER),
				       XLAT(SA_RESETHAND),
				       XLAT(SA_NOCLDSTOP),
				       XLAT(SA_NOCLDWAIT),
				       XLAT(SA_SIGINFO),
				       XLAT_END};

const struct xlat sigprocmask_hows[] = {XLAT(SIG_BLOCK), XLAT(SIG_UNBLOCK), XLAT(SIG_SETMASK),
					XLAT_END};

const struct xlat sigaltstack_flags[] = {
    XLAT(SS_ONSTACK), XLAT(SS_DISABLE), {1u << 31, "SS_AUTODISARM"}, XLAT_END};

const struct xlat futex_cmds[] = {{0, "FUTEX_WAIT"},
				  {1, "FUTEX_WAKE"},
				  {2, "FUTEX_FD"},
				  {3, "FUTEX_REQUEUE"},
				  {4, "FUTEX_CMP_REQUEUE"},
				  {5, "FUTEX_WAKE_OP"},
				  {6, "FUTEX_LOCK_PI"},
				  {7, "FUTEX_UNLOCK_PI"},
				  {8, "FUTEX_TRYLOCK_PI"},
				  {9, "FUTEX_WAIT_BITSET"},
				  {10, "FUTEX_WAKE_BITSET"},
				  {11, "FUTEX_WAIT_REQUEUE_PI"},
				  {12, "FUTEX_CMP_REQUEUE_PI"},
				  {13, "FUTEX_LOCK_PI2"},
				  XLAT_END};

const struct xlat futex_wake_ops[] = {{0, "FUTEX_OP_SET"},  {1, "FUTEX_OP_ADD"}, {2, "FUTEX_OP_OR"},
				      {3, "FUTEX_OP_ANDN"}, {4, "FUTEX_OP_XOR"}, XLAT_END};

const struct xlat futex_wake_cmps[] = {{0, "FUTEX_OP_CMP_EQ"},
				       {1, "FUTEX_OP_CMP_NE"},
				       {2, "FUTEX_OP_CMP_LT"},
				       {3, "FUTEX_OP_CMP_LE"},
				       {4, "FUTEX_OP_CMP_GT"},
				       {5, "FUTEX_OP_CMP_GE"},
				       XLAT_END};

const struct xlat pidfd_flags[] = {{O_NONBLOCK, "PIDFD_NONBLOCK"}, XLAT_END};

const struct xlat rlimit_resources[] = {{0, "RLIMIT_CPU"},
					{1, "RLIMIT_FSIZE"},
					{2, "RLIMIT_DATA"},
					{3, "RLIMIT_STACK"},
					{4, "RLIMIT_CORE"},
					{5, "RLIMIT_RSS"},
					{6, "RLIMIT_NPROC"},
					{7, "RLIMIT_NOFILE"},
					{8, "RLIMIT_MEMLOCK"},
					{9, "RLIMIT_AS"},
					{10, "RLIMIT_LOCKS"},
					{11, "RLIMIT_SIGPENDING"},
					{12, "RLIMIT_MSGQUEUE"},
					{13, "RLIMIT_NICE"},
					{14, "RLIMIT_RTPRIO"},
					{15, "RLIMIT_RTTIME"},
					XLAT_END};

const struct xlat rusage_who[] = {
    {0, "RUSAGE_SELF"}, {0xffffffff, "RUSAGE_CHILDREN"}, {1, "RUSAGE_THREAD"}, XLAT_END};

const struct xlat prio_which[] = {
    {0, "PRIO_PROCESS"}, {1, "PRIO_PGRP"}, {2, "PRIO_USER"}, XLAT_END};

const struct xlat sched_policies[] = {{0, "SCHED_OTHER"},    {1, "SCHED_FIFO"}, {2, "SCHED_RR"},
				      {3, "SCHED_BATCH"},    {4, "SCHED_ISO"},	{5, "SCHED_IDLE"},
				      {6, "SCHED_DEADLINE"}, XLAT_END};

const struct xlat arch_prctl_codes[] = {{0x1001, "ARCH_SET_GS"},
					{0x1002, "ARCH_SET_FS"},
					{0x1003, "ARCH_GET_FS"},
					{0x1004, "ARCH_GET_GS"},
					{0x1011, "ARCH_GET_CPUID"},
					{0x1012, "ARCH_SET_CPUID"},
					{0x1021, "ARCH_GET_XCOMP_SUPP"},
					{0x1022, "ARCH_GET_XCOMP_PERM"},
					{0x1023, "ARCH_REQ_XCOMP_PERM"},
					{0x1024, "ARCH_GET_XCOMP_GUEST_PERM"},
					{0x1025, "ARCH_REQ_XCOMP_GUEST_PERM"},
					{0x2001, "ARCH_MAP_VDSO_X32"},
					{0x2002, "ARCH_MAP_VDSO_32"},
					{0x2003, "ARCH_MAP_VDSO_64"},
					XLAT_END};

const struct xlat prctl_options[] = {{1, "PR_SET_PDEATHSIG"},
				     {2, "PR_GET_PDEATHSIG"},
				     {3, "PR_GET_DUMPABLE"},
				     {4, "PR_SET_DUMPABLE"},
				     {5, "PR_GET_UNALIGN"},
				     {6, "PR_SET_UNALIGN"},
				     {7, "PR_GET_KEEPCAPS"},
				     {8, "PR_SET_KEEPCAPS"},
				     {9, "PR_GET_FPEMU"},
				     {10, "PR_SET_FPEMU"},
				     {11, "PR_GET_FPEXC"},
				     {12, "PR_SET_FPEXC"},
				     {13, "PR_GET_TIMING"},
				     {14, "PR_SET_TIMING"},
				     {15, "PR_SET_NAME"},
				     {16, "PR_GET_NAME"},
				     {19, "PR_GET_ENDIAN"},
				     {20, "PR_SET_ENDIAN"},
				     {21, "PR_GET_SECCOMP"},
				     {22, "PR_SET_SECCOMP"},
				     {23, "PR_CAPBSET_READ"},
				     {24, "PR_CAPBSET_DROP"},
				     {25, "PR_GET_TSC"},
				     {26, "PR_SET_TSC"},
				     {27, "PR_GET_SECUREBITS"},
				     {28, "PR_SET_SECUREBITS"},
				     {29, "PR_SET_TIMERSLACK"},
				     {30, "PR_GET_TIMERSLACK"},
				     {31, "PR_TASK_PERF_EVENTS_DISABLE"},
				     {32, "PR_TASK_PERF_EVENTS_ENABLE"},
				     {33, "PR_MCE_KILL"},
				     {34, "PR_MCE_KILL_GET"},
				     {35, "PR_SET_MM"},
				     {36, "PR_SET_CHILD_SUBREAPER"},
				     {37, "PR_GET_CHILD_SUBREAPER"},
				     {38, "PR_SET_NO_NEW_PRIVS"},
				     {39, "PR_GET_NO_NEW_PRIVS"},
				     {40, "PR_GET_TID_ADDRESS"},
				     {41, "PR_SET_THP_DISABLE"},
				     {42, "PR_GET_THP_DISABLE"},
				     {43, "PR_MPX_ENABLE_MANAGEMENT"},
				     {44, "PR_MPX_DISABLE_MANAGEMENT"},
				     {45, "PR_SET_FP_MODE"},
				     {46, "PR_GET_FP_MODE"},
				     {47, "PR_CAP_AMBIENT"},
				     {50, "PR_SVE_SET_VL"},
				     {51, "PR_SVE_GET_VL"},
				     {52, "PR_GET_SPECULATION_CTRL"},
				     {53, "PR_SET_SPECULATION_CTRL"},
				     {54, "PR_PAC_RESET_KEYS"},
				     {55, "PR_SET_TAGGED_ADDR_CTRL"},
				     {56, "PR_GET_TAGGED_ADDR_CTRL"},
				     {57, "PR_SET_IO_FLUSHER"},
				     {58, "PR_GET_IO_FLUSHER"},
				     {59, "PR_SET_SYSCALL_USER_DISPATCH"},
				     {60, "PR_PAC_SET_ENABLED_KEYS"},
				     {61, "PR_PAC_GET_ENABLED_KEYS"},
				     {62, "PR_SCHED_CORE"},
				     {0x53564d41, "PR_SET_VMA"},
				     XLAT_END};

const struct xlat capabilities[] = {{0, "CAP_CHOWN"},
				    {1, "CAP_DAC_OVERRIDE"},
				    {2, "CAP_DAC_READ_SEARCH"},
				    {3, "CAP_FOWNER"},
				    {4, "CAP_FSETID"},
				    {5, "CAP_KILL"},
				    {6, "CAP_SETGID"},
				    {7, "CAP_SETUID"},
				    {8, "CAP_SETPCAP"},
				    {9, "CAP_LINUX_IMMUTABLE"},
				    {10, "CAP_NET_BIND_SERVICE"},
				    {11, "CAP_NET_BROADCAST"},
				    {12, "CAP_NET_ADMIN"},
				    {13, "CAP_NET_RAW"},
				    {14, "CAP_IPC_LOCK"},
				    {15, "CAP_IPC_OWNER"},
				    {16, "CAP_SYS_MODULE"},
				    {17, "CAP_SYS_RAWIO"},
				    {18, "CAP_SYS_CHROOT"},
				    {19, "CAP_SYS_PTRACE"},
				    {20, "CAP_SYS_PACCT"},
				    {21, "CAP_SYS_ADMIN"},
				    {22, "CAP_SYS_BOOT"},
				    {23, "CAP_SYS_NICE"},
				    {24, "CAP_SYS_RESOURCE"},
				    {25, "CAP_SYS_TIME"},
				    {26, "CAP_SYS_TTY_CONFIG"},
				    {27, "CAP_MKNOD"},
				    {28, "CAP_LEASE"},
				    {29, "CAP_AUDIT_WRITE"},
				    {30, "CAP_AUDIT_CONTROL"},
				    {31, "CAP_SETFCAP"},
				    {32, "CAP_MAC_OVERRIDE"},
				    {33, "CAP_MAC_ADMIN"},
				    {34, "CAP_SYSLOG"},
				    {35, "CAP_WAKE_ALARM"},
				    {36, "CAP_BLOCK_SUSPEND"},
				    {37, "CAP_AUDIT_READ"},
				    {38, "CAP_PERFMON"},
				    {39, "CAP_BPF"},
				    {40, "CAP_CHECKPOINT_RESTORE"},
				    XLAT_END};

const struct xlat suid_dump_modes[] = {
    {0, "SUID_DUMP_DISABLE"}, {1, "SUID_DUMP_USER"}, {2, "SUID_DUMP_ROOT"}, XLAT_END};

const struct xlat pr_set_vma_ops[] = {{0, "PR_SET_VMA_ANON_NAME"}, XLAT_END};

const struct xlat seccomp_modes[] = {
    {0, "SECCOMP_MODE_DISABLED"}, {1, "SECCOMP_MODE_STRICT"}, {2, "SECCOMP_MODE_FILTER"}, XLAT_END};

const struct xlat seccomp_ops[] = {{0, "SECCOMP_SET_MODE_STRICT"},
				   {1, "SECCOMP_SET_MODE_FILTER"},
				   {2, "SECCOMP_GET_ACTION_AVAIL"},
				   {3, "SECCOMP_GET_NOTIF_SIZES"},
				   XLAT_END};

const struct xlat seccomp_filter_flags[] = {{1, "SECCOMP_FILTER_FLAG_TSYNC"},
					    {2, "SECCOMP_FILTER_FLAG_LOG"},
					    {4, "SECCOMP_FILTER_FLAG_SPEC_ALLOW"},
					    {8, "SECCOMP_FILTER_FLAG_NEW_LISTENER"},
					    {16, "SECCOMP_FILTER_FLAG_TSYNC_ESRCH"},
					    {32, "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"},
					    XLAT_END};

/* ---- time ---- */

const struct xlat clock_ids[] = {{0, "CLOCK_REALTIME"},
				 {1, "CLOCK_MONOTONIC"},
				 {2, "CLOCK_PROCESS_CPUTIME_ID"},
				 {3, "CLOCK_THREAD_CPUTIME_ID"},
				 {4, "CLOCK_MONOTONIC_RAW"},
				 {5, "CLOCK_REALTIME_COARSE"},
				 {6, "CLOCK_MONOTONIC_COARSE"},
				 {7, "CLOCK_BOOTTIME"},
				 {8, "CLOCK_REALTIME_ALARM"},
				 {9, "CLOCK_BOOTTIME_ALARM"},
				 {10, "CLOCK_SGI_CYCLE"},
				 {11, "CLOCK_TAI"},
				 XLAT_END};

const struct xlat timer_flags[] = {{1, "TIMER_ABSTIME"}, XLAT_END};

const struct xlat itimer_which[] = {
    {0, "ITIMER_REAL"}, {1, "ITIMER_VIRTUAL"}, {2, "ITIMER_PROF"}, XLAT_END};

/* ---- descriptors ---- */

const struct xlat poll_events[] = {
    {0x1, "POLLIN"},	   {0x2, "POLLPRI"},	       {0x4, "POLLOUT"},
    {0x8, "POLLERR"},	   {0x10, "POLLHUP"},	       {0x20, "POLLNVAL"},
    {0x40, "POLLRDNORM"},  {0x80, "POLLRDBAND"},       {0x100, "POLLWRNORM"},
    {0x200, "POLLWRBAND"}, {0x400, "POLLMSG"},	       {0x1000, "POLLREMOVE"},
    {0x2000, "POLLRDHUP"}, {0x8000, "POLL_BUSY_LOOP"}, XLAT_END};

const struct xlat epoll_events[] = {{0x1, "EPOLLIN"},
				    {0x2, "EPOLLPRI"},
				    {0x4, "EPOLLOUT"},
				    {0x8, "EPOLLERR"},
				    {0x10, "EPOLLHUP"},
				    {0x20, "EPOLLNVAL"},
				    {0x40, "EPOLLRDNORM"},
				    {0x80, "EPOLLRDBAND"},
				    {0x100, "EPOLLWRNORM"},
				    {0x200, "EPOLLWRBAND"},
				    {0x400, "EPOLLMSG"},
				    {0x2000, "EPOLLRDHUP"},
				    {1u << 28, "EPOLLEXCLUSIVE"},
				    {1u << 29, "EPOLLWAKEUP"},
				    {1u << 30, "EPOLLONESHOT"},
				    {1u << 31, "EPOLLET"},
				    XLAT_END};

const struct xlat epoll_ops[] = {
    {1, "EPOLL_CTL_ADD"}, {2, "EPOLL_CTL_DEL"}, {3, "EPOLL_CTL_MOD"}, XLAT_END};

const struct xlat epoll_create_flags[] = {{O_CLOEXEC, "EPOLL_CLOEXEC"}, XLAT_END};

const struct xlat efd_flags[] = {
    {1, "EFD_SEMAPHORE"}, {O_CLOEXEC, "EFD_CLOEXEC"}, {O_NONBLOCK, "EFD_NONBLOCK"}, XLAT_END};

const struct xlat sfd_flags[] = {
    {O_CLOEXEC, "SFD_CLOEXEC"}, {O_NONBLOCK, "SFD_NONBLOCK"}, XLAT_END};

const struct xlat tfd_flags[] = {{1, "TFD_TIMER_ABSTIME"},
				 {2, "TFD_TIMER_CANCEL_ON_SET"},
				 {O_CLOEXEC, "TFD_CLOEXEC"},
				 {O_NONBLOCK, "TFD_NONBLOCK"},
				 XLAT_END};

const struct xlat in_init_flags[] = {
    {O_NONBLOCK, "IN_NONBLOCK"}, {O_CLOEXEC, "IN_CLOEXEC"}, XLAT_END};

const struct xlat in_masks[] = {{0x1, "IN_ACCESS"},
				{0x2, "IN_MODIFY"},
				{0x4, "IN_ATTRIB"},
				{0x8, "IN_CLOSE_WRITE"},
				{0x10, "IN_CLOSE_NOWRITE"},
				{0x20, "IN_OPEN"},
				{0x40, "IN_MOVED_FROM"},
				{0x80, "IN_MOVED_TO"},
				{0x100, "IN_CREATE"},
				{0x200, "IN_DELETE"},
				{0x400, "IN_DELETE_SELF"},
				{0x800, "IN_MOVE_SELF"},
				{0x2000, "IN_UNMOUNT"},
				{0x4000, "IN_Q_OVERFLOW"},
				{0x8000, "IN_IGNORED"},
				{0x1000000, "IN_ONLYDIR"},
				{0x2000000, "IN_DONT_FOLLOW"},
				{0x4000000, "IN_EXCL_UNLINK"},
				{0x10000000, "IN_MASK_CREATE"},
				{0x20000000, "IN_MASK_ADD"},
				{0x40000000, "IN_ISDIR"},
				{0x80000000, "IN_ONESHOT"},
				XLAT_END};

const struct xlat grnd_flags[] = {
    {1, "GRND_NONBLOCK"}, {2, "GRND_RANDOM"}, {4, "GRND_INSECURE"}, XLAT_END};

/* Generic TTY and file ioctls: the same numbers on x86_64 and aarch64. */
const struct xlat ioctl_requests[] = {{0x5401, "TCGETS"},
				      {0x5402, "TCSETS"},
				      {0x5403, "TCSETSW"},
				      {0x5404, "TCSETSF"},
				      {0x540b, "TCFLSH"},
				      {0x540e, "TIOCSCTTY"},
				      {0x540f, "TIOCGPGRP"},
				      {0x5410, "TIOCSPGRP"},
				      {0x5411, "TIOCOUTQ"},
				      {0x5412, "TIOCSTI"},
				      {0x5413, "TIOCGWINSZ"},
				      {0x5414, "TIOCSWINSZ"},
				      {0x541b, "FIONREAD"},
				      {0x5421, "FIONBIO"},
				      {0x5422, "TIOCNOTTY"},
				      {0x5429, "TIOCGSID"},
				      {0x5450, "FIONCLEX"},
				      {0x5451, "FIOCLEX"},
				      {0x5452, "FIOASYNC"},
				      {0x80045430, "TIOCGPTN"},
				      {0x40045431, "TIOCSPTLCK"},
				      {0x40049409, "BTRFS_IOC_CLONE or FICLONE"},
				      XLAT_END};

/* ---- sockets ---- */

const struct xlat sock_families[] = {
    {0, "AF_UNSPEC"},	 {1, "AF_UNIX"},       {2, "AF_INET"}, {3, "AF_AX25"},	 {4, "AF_IPX"},
    {5, "AF_APPLETALK"}, {7, "AF_BRIDGE"},     {9, "AF_X25"},  {10, "AF_INET6"}, {15, "AF_KEY"},
    {16, "AF_NETLINK"},	 {17, "AF_PACKET"},    {21, "AF_RDS"}, {26, "AF_LLC"},	 {29, "AF_CAN"},
    {30, "AF_TIPC"},	 {31, "AF_BLUETOOTH"}, {38, "AF_ALG"}, {39, "AF_NFC"},	 {40, "AF_VSOCK"},
    {42, "AF_QIPCRTR"},	 {43, "AF_SMC"},       {44, "AF_XDP"}, {45, "AF_MCTP"},	 XLAT_END};

const struct xlat sock_types[] = {
    {1, "SOCK_STREAM"},	   {2, "SOCK_DGRAM"}, {3, "SOCK_RAW"},	   {4, "SOCK_RDM"},
    {5, "SOCK_SEQPACKET"}, {6, "SOCK_DCCP"},  {10, "SOCK_PACKET"}, XLAT_END};

const struct xlat sock_flags[] = {
    {SOCK_CLOEXEC, "SOCK_CLOEXEC"}, {SOCK_NONBLOCK, "SOCK_NONBLOCK"}, XLAT_END};

const struct xlat ipproto[] = {
    {0, "IPPROTO_IP"},	      {1, "IPPROTO_ICMP"},  {2, "IPPROTO_IGMP"},    {6, "IPPROTO_TCP"},
    {17, "IPPROTO_UDP"},      {41, "IPPROTO_IPV6"}, {58, "IPPROTO_ICMPV6"}, {132, "IPPROTO_SCTP"},
    {136, "IPPROTO_UDPLITE"}, {255, "IPPROTO_RAW"}, {262, "IPPROTO_MPTCP"}, XLAT_END};

const struct xlat netlink_protocols[] = {{0, "NETLINK_ROUTE"},
					 {2, "NETLINK_USERSOCK"},
					 {3, "NETLINK_FIREWALL"},
					 {4, "NETLINK_SOCK_DIAG"},
					 {5, "NETLINK_NFLOG"},
					 {6, "NETLINK_XFRM"},
					 {7, "NETLINK_SELINUX"},
					 {8, "NETLINK_ISCSI"},
					 {9, "NETLINK_AUDIT"},
					 {10, "NETLINK_FIB_LOOKUP"},
					 {11, "NETLINK_CONNECTOR"},
					 {12, "NETLINK_NETFILTER"},
					 {13, "NETLINK_IP6_FW"},
					 {14, "NETLINK_DNRTMSG"},
					 {15, "NETLINK_KOBJECT_UEVENT"},
					 {16, "NETLINK_GENERIC"},
					 {18, "NETLINK_SCSITRANSPORT"},
					 {19, "NETLINK_ECRYPTFS"},
					 {20, "NETLINK_RDMA"},
					 {21, "NETLINK_CRYPTO"},
					 {22, "NETLINK_SMC"},
					 XLAT_END};

const struct xlat msg_flags[] = {{0x1, "MSG_OOB"},
				 {0x2, "MSG_PEEK"},
				 {0x4, "MSG_DONTROUTE"},
				 {0x8, "MSG_CTRUNC"},
				 {0x10, "MSG_PROXY"},
				 {0x20, "MSG_TRUNC"},
				 {0x40, "MSG_DONTWAIT"},
				 {0x80, "MSG_EOR"},
				 {0x100, "MSG_WAITALL"},
				 {0x200, "MSG_FIN"},
				 {0x400, "MSG_SYN"},
				 {0x800, "MSG_CONFIRM"},
				 {0x1000, "MSG_RST"},
				 {0x2000, "MSG_ERRQUEUE"},
				 {0x4000, "MSG_NOSIGNAL"},
				 {0x8000, "MSG_MORE"},
				 {0x10000, "MSG_WAITFORONE"},
				 {0x40000, "MSG_BATCH"},
				 {0x4000000, "MSG_ZEROCOPY"},
				 {0x20000000, "MSG_FASTOPEN"},
				 {0x40000000, "MSG_CMSG_CLOEXEC"},
				 XLAT_END};

const struct xlat shut_hows[] = {{0, "SHUT_RD"}, {1, "SHUT_WR"}, {2, "SHUT_RDWR"}, XLAT_END};

const struct xlat sol_levels[] = {{0, "SOL_IP"},    {1, "SOL_SOCKET"},	 {6, "SOL_TCP"},
				  {17, "SOL_UDP"},  {41, "SOL_IPV6"},	 {58, "SOL_ICMPV6"},
				  {255, "SOL_RAW"}, {263, "SOL_PACKET"}, {270, "SOL_NETLINK"},
				  {279, "SOL_ALG"}, {282, "SOL_TLS"},	 XLAT_END};

const struct xlat so_options[] = {{1, "SO_DEBUG"},
				  {2, "SO_REUSEADDR"},
				  {3, "SO_TYPE"},
				  {4, "SO_ERROR"},
				  {5, "SO_DONTROUTE"},
				  {6, "SO_BROADCAST"},
				  {7, "SO_SNDBUF"},
				  {8, "SO_RCVBUF"},
				  {9, "SO_KEEPALIVE"},
				  {10, "SO_OOBINLINE"},
				  {11, "SO_NO_CHECK"},
				  {12, "SO_PRIORITY"},
				  {13, "SO_LINGER"},
				  {14, "SO_BSDCOMPAT"},
				  {15, "SO_REUSEPORT"},
				  {16, "SO_PASSCRED"},
				  {17, "SO_PEERCRED"},
				  {18, "SO_RCVLOWAT"},
				  {19, "SO_SNDLOWAT"},
				  {20, "SO_RCVTIMEO_OLD"},
				  {21, "SO_SNDTIMEO_OLD"},
				  {25, "SO_BINDTODEVICE"},
				  {26, "SO_ATTACH_FILTER"},
				  {28, "SO_PEERNAME"},
				  {29, "SO_TIMESTAMP_OLD"},
				  {30, "SO_ACCEPTCONN"},
				  {31, "SO_PEERSEC"},
				  {32, "SO_SNDBUFFORCE"},
				  {33, "SO_RCVBUFFORCE"},
				  {34, "SO_PASSSEC"},
				  {36, "SO_MARK"},
				  {38, "SO_PROTOCOL"},
				  {39, "SO_DOMAIN"},
				  {40, "SO_RXQ_OVFL"},
				  {42, "SO_PEEK_OFF"},
				  {46, "SO_BUSY_POLL"},
				  {49, "SO_INCOMING_CPU"},
				  {57, "SO_COOKIE"},
				  {59, "SO_PEERGROUPS"},
				  {60, "SO_ZEROCOPY"},
				  XLAT_END};

const struct xlat tcp_options[] = {{1, "TCP_NODELAY"},
				   {2, "TCP_MAXSEG"},
				   {3, "TCP_CORK"},
				   {4, "TCP_KEEPIDLE"},
				   {5, "TCP_KEEPINTVL"},
				   {6, "TCP_KEEPCNT"},
				   {7, "TCP_SYNCNT"},
				   {8, "TCP_LINGER2"},
				   {9, "TCP_DEFER_ACCEPT"},
				   {10, "TCP_WINDOW_CLAMP"},
				   {11, "TCP_INFO"},
				   {12, "TCP_QUICKACK"},
				   {13, "TCP_CONGESTION"},
				   {18, "TCP_USER_TIMEOUT"},
				   {23, "TCP_FASTOPEN"},
				   {25, "TCP_NOTSENT_LOWAT"},
				   XLAT_END};

const struct xlat ip_options[] = {{1, "IP_TOS"},
				  {2, "IP_TTL"},
				  {3, "IP_HDRINCL"},
				  {4, "IP_OPTIONS"},
				  {8, "IP_PKTINFO"},
				  {10, "IP_MTU_DISCOVER"},
				  {11, "IP_RECVERR"},
				  {32, "IP_MULTICAST_IF"},
				  {33, "IP_MULTICAST_TTL"},
				  {34, "IP_MULTICAST_LOOP"},
				  {35, "IP_ADD_MEMBERSHIP"},
				  {36, "IP_DROP_MEMBERSHIP"},
				  XLAT_END};

const struct xlat ipv6_options[] = {{16, "IPV6_UNICAST_HOPS"},
				    {17, "IPV6_MULTICAST_IF"},
				    {18, "IPV6_MULTICAST_HOPS"},
				    {19, "IPV6_MULTICAST_LOOP"},
				    {25, "IPV6_RECVERR"},
				    {26, "IPV6_V6ONLY"},
				    XLAT_END};
