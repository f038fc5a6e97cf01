// SPDX-License-Identifier: MIT
/*
 * Signal names, signal sets and siginfo, as strace prints them.  Real-
 * time signals are named relative to the kernel's SIGRTMIN (32), not
 * glibc's (34, after the two it reserves): SIGRTMIN, SIGRT_1..SIGRT_32.
 */
#include "config.h"

#include <ctype.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <linux/audit.h>

#include "arch/arch.h"
#include "decode.h"
#include "decode_impl.h"

#define NSIG_KERNEL	64
#define SIGRTMIN_KERNEL 32

#define S(s)  [s] = #s
#define RT(n) [SIGRTMIN_KERNEL + n] = "SIGRT_" #n

static const char *const signal_names[NSIG_KERNEL + 1] = {
    S(SIGHUP),	S(SIGINT),    S(SIGQUIT), S(SIGILL),
    S(SIGTRAP), S(SIGABRT),   S(SIGBUS),  S(SIGFPE),
    S(SIGKILL), S(SIGUSR1),   S(SIGSEGV), S(SIGUSR2),
    S(SIGPIPE), S(SIGALRM),   S(SIGTERM), S(SIGSTKFLT),
    S(SIGCHLD), S(SIGCONT),   S(SIGSTOP), S(SIGTSTP),
    S(SIGTTIN), S(SIGTTOU),   S(SIGURG),  S(SIGXCPU),
    S(SIGXFSZ), S(SIGVTALRM), S(SIGPROF), S(SIGWINCH),
    S(SIGIO),	S(SIGPWR),    S(SIGSYS),  [SIGRTMIN_KERNEL] = "SIGRTMIN",
    RT(1),	RT(2),	      RT(3),	  RT(4),
    RT(5),	RT(6),	      RT(7),	  RT(8),
    RT(9),	RT(10),	      RT(11),	  RT(12),
    RT(13),	RT(14),	      RT(15),	  RT(16),
    RT(17),	RT(18),	      RT(19),	  RT(20),
    RT(21),	RT(22),	      RT(23),	  RT(24),
    RT(25),	RT(26),	      RT(27),	  RT(28),
    RT(29),	RT(30),	      RT(31),	  RT(32),
};

#include "xlat/signal_aliases.h"

const char *signal_name(int sig)
{
	if (sig < 1 || sig > NSIG_KERNEL)
		return NULL;
	return signal_names[sig];
}

static int parse_number(const char *s)
{
	char *end;
	long v;

	if (!isdigit((unsigned char)*s))
		return -1;
	v = strtol(s, &end, 10);
	if (*end || v < 1 || v > NSIG_KERNEL)
		return -1;
	return (int)v;
}

int signal_parse(const char *s)
{
	const char *bare;

	if (!s || !*s)
		return -1;
	if (isdigit((unsigned char)*s))
		return parse_number(s);
	bare = strncasecmp(s, "SIG", 3) == 0 ? s + 3 : s;
	for (int sig = 1; sig <= NSIG_KERNEL; sig++)
		if (strcasecmp(bare, signal_names[sig] + 3) == 0)
			return sig;
	for (const struct xlat *x = signal_aliases; x->name; x++)
		if (strcasecmp(bare, x->name + 3) == 0)
			return (int)x->val;
	return -1;
}

void print_signal(struct sbuf *sb, int sig)
{
	const char *name = signal_name(sig);
	size_t mark = const_begin(sb);

	if (name)
		sb_puts(sb, name);
	else
		sb_printf(sb, "%d", sig);
	/* strace's signal numbers are decimal. */
	const_end_dec(sb, mark, sig);
}

void print_sigmask(struct sbuf *sb, uint64_t mask)
{
	const char *sep = "";

	/* A mostly full set reads better as its complement, as in strace. */
	if (__builtin_popcountll(mask) > NSIG_KERNEL / 2) {
		sb_putc(sb, '~');
		mask = ~mask;
	}
	sb_putc(sb, '[');
	for (int sig = 1; sig <= NSIG_KERNEL; sig++) {
		size_t mark;

		if (!(mask & (1ull << (sig - 1))))
			continue;
		sb_puts(sb, sep);
		mark = const_begin(sb);
		sb_puts(sb, signal_names[sig] + 3);
		const_end_dec(sb, mark, sig);
		sep = " ";
	}
	sb_putc(sb, ']');
}

/* ---- siginfo ---- */

#include "xlat/si_codes.h"
#include "xlat/segv_codes.h"
#include "xlat/bus_codes.h"
#include "xlat/ill_codes.h"
#include "xlat/fpe_codes.h"
#include "xlat/trap_codes.h"
#include "xlat/chld_codes.h"
#include "xlat/poll_codes.h"
#include "xlat/sys_codes.h"
#include "xlat/audit_arches.h"

/* Signals the kernel raises for a faulting instruction: si_addr matters. */
static bool is_fault_signal(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP;
}

static const struct xlat *signal_codes(int sig)
{
	switch (sig) {
	case SIGSEGV:
		return segv_codes;
	case SIGBUS:
		return bus_codes;
	case SIGILL:
		return ill_codes;
	case SIGFPE:
		return fpe_codes;
	case SIGTRAP:
		return trap_codes;
	case SIGCHLD:
		return chld_codes;
	case SIGIO:
		return poll_codes;
	case SIGSYS:
		return sys_codes;
	}
	return NULL;
}

/* The si_code's name; NULL if this signal has no such code. */
static const char *code_name(const siginfo_t *si)
{
	const struct xlat *codes;

	if (si->si_code <= 0 || si->si_code == SI_KERNEL)
		return xlat_name(si_codes, (uint64_t)(int64_t)si->si_code);
	codes = signal_codes(si->si_signo);
	return codes ? xlat_name(codes, (uint64_t)si->si_code) : NULL;
}

static void print_sender(struct sbuf *sb, const siginfo_t *si)
{
	sb_printf(sb, ", si_pid=%d, si_uid=%u", (int)si->si_pid, (unsigned int)si->si_uid);
}

static void print_value(struct sbuf *sb, const siginfo_t *si)
{
	sb_printf(sb, ", si_int=%d, si_ptr=", si->si_int);
	sb_ptr(sb, (uint64_t)(uintptr_t)si->si_ptr);
}

/*
 * A clock_t field in ticks, and as strace 6.1 shows a non-zero one
 * (unless -X raw) its seconds in a comment: 12 ticks are "0.12 s".
 */
static void print_clock(struct sbuf *sb, const char *name, long long ticks)
{
	static long hz;
	int digits = 0;

	sb_printf(sb, ", %s=%lld", name, ticks);
	if (ticks <= 0 || const_style() == CONST_RAW)
		return;
	if (!hz && (hz = sysconf(_SC_CLK_TCK)) <= 0)
		hz = 100;
	/* As many decimals as a tick needs: 2 at 100 Hz. */
	for (long v = hz - 1; v > 0; v /= 10)
		digits++;
	sb_printf(sb, " /* %lld.%0*lld s */", ticks / hz, digits, ticks % hz);
}

static void print_chld(struct sbuf *sb, const siginfo_t *si)
{
	print_sender(sb, si);
	sb_puts(sb, ", si_status=");
	if (si->si_code == CLD_EXITED) /* an exit status, not a signal */
		sb_printf(sb, "%d", si->si_status);
	else
		print_signal(sb, si->si_status);
	print_clock(sb, "si_utime", (long long)si->si_utime);
	print_clock(sb, "si_stime", (long long)si->si_stime);
}

static void print_seccomp(struct sbuf *sb, const siginfo_t *si)
{
	const char *name = arch_syscall_name(si->si_syscall);

	sb_puts(sb, ", si_call_addr=");
	sb_ptr(sb, (uint64_t)(uintptr_t)si->si_call_addr);
	if (name)
		sb_printf(sb, ", si_syscall=__NR_%s", name);
	else
		sb_printf(sb, ", si_syscall=%d", si->si_syscall);
	sb_puts(sb, ", si_arch=");
	print_xlat(sb, audit_arches, si->si_arch, "AUDIT_ARCH_???");
}

/* Fields of a signal-specific (positive) si_code. */
static void print_specific(struct sbuf *sb, const siginfo_t *si, bool known)
{
	int sig = si->si_signo;

	if (is_fault_signal(sig)) {
		sb_puts(sb, ", si_addr=");
		sb_ptr(sb, (uint64_t)(uintptr_t)si->si_addr);
	} else if (!known) {
		/* Queued with a code we cannot interpret: show what was queued. */
		print_sender(sb, si);
		print_value(sb, si);
	} else if (sig == SIGCHLD) {
		print_chld(sb, si);
	} else if (sig == SIGIO) {
		sb_printf(sb, ", si_band=%ld, si_fd=%d", si->si_band, si->si_fd);
	} else if (sig == SIGSYS) {
		print_seccomp(sb, si);
	}
}

static void print_fields(struct sbuf *sb, const siginfo_t *si, bool known)
{
	switch (si->si_code) {
	case SI_USER:
	case SI_TKILL:
		print_sender(sb, si);
		break;
	case SI_QUEUE:
	case SI_MESGQ:
		print_sender(sb, si);
		print_value(sb, si);
		break;
	case SI_TIMER:
		sb_printf(sb, ", si_timerid=%#x, si_overrun=%d", (unsigned int)si->si_timerid,
			  si->si_overrun);
		print_value(sb, si);
		break;
	case SI_KERNEL:
		if (is_fault_signal(si->si_signo)) {
			sb_puts(sb, ", si_addr=");
			sb_ptr(sb, (uint64_t)(uintptr_t)si->si_addr);
		}
		break;
	default:
		if (si->si_code > 0)
			print_specific(sb, si, known);
	}
}

void print_siginfo(struct sbuf *sb, const siginfo_t *si)
{
	const char *code = code_name(si);
	const char *err;

	sb_puts(sb, "{si_signo=");
	print_signal(sb, si->si_signo);
	sb_puts(sb, ", si_code=");
	if (code) {
		size_t mark = const_begin(sb);

		sb_puts(sb, code);
		const_end_hex(sb, mark, (unsigned int)si->si_code);
	} else {
		sb_printf(sb, "%#x", (unsigned int)si->si_code);
	}
	if (si->si_errno) {
		err = errno_name(si->si_errno);
		if (err)
			sb_printf(sb, ", si_errno=%s", err);
		else
			sb_printf(sb, ", si_errno=%d", si->si_errno);
	}
	print_fields(sb, si, code != NULL);
	sb_putc(sb, '}');
}

size_t decode_siginfo(const siginfo_t *si, char *buf, size_t len)
{
	struct sbuf sb;

	sb_init(&sb, buf, len);
	print_siginfo(&sb, si);
	return sb.len;
}
