// SPDX-License-Identifier: MIT
/*
 * Crash reports: at the signal-delivery-stop of a fatal synchronous
 * signal, say what killed the guest, show its registers, the code
 * around the faulting instruction and a backtrace.
 *
 * The report only reads the tracee (registers by ptrace, memory by
 * /proc/PID/mem, symbols from the ELF files it maps); the tracer then
 * delivers the signal unchanged, so the guest dies exactly as natively.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <capstone.h>

#include "arch/arch.h"
#include "options.h"
#include "signals/sigstate.h"
#include "report/backtrace.h"
#include "report/crash.h"
#include "report/remote.h"
#include "task.h"

#define CODE_BEFORE  3	/* instructions listed before the faulting one */
#define CODE_AFTER   3	/* ... and after it */
#define MAX_INSN_LEN 16 /* x86: 15 bytes; aarch64: 4 */
/* Without a symbol, resynchronise x86 decoding from at most this far back. */
#define SCAN_BACK (CODE_BEFORE * MAX_INSN_LEN)
/* Decode from the symbol's start only when it is this close to ip. */
#define SYM_SPAN_MAX 4096
#define MAX_STARTS   2 /* symbol starts tried before scanning back */
#define AFTER_BYTES  ((CODE_AFTER + 1) * MAX_INSN_LEN)

/* Guest code around ip, as read from /proc/PID/mem. */
struct code {
	uint64_t base; /* guest address of bytes[0] */
	size_t ip_off; /* ip - base */
	size_t len;    /* bytes read from base */
	uint8_t bytes[SYM_SPAN_MAX + AFTER_BYTES];
};

bool crash_is_fatal_sync(int sig, const siginfo_t *si)
{
	switch (sig) {
	case SIGSEGV:
	case SIGBUS:
	case SIGILL:
	case SIGFPE:
	case SIGTRAP:
		/* > 0: raised by the kernel for a fault, not sent by kill(). */
		return si->si_code > 0;
	case SIGABRT:
		/* abort() sends it to itself with tgkill (SI_TKILL). */
		return true;
	default:
		return false;
	}
}

/*
 * Under ptrace even ignored signals reach a delivery-stop (sig_ignored()
 * spares traced tasks), e.g. the first raise() of abort() when SIGABRT
 * is ignored: those are dropped afterwards and must not be reported.
 * A kernel fault that is blocked or ignored has already been reset to
 * SIG_DFL by force_sig_fault(), so /proc shows what will happen.
 */
static int crash_scope = CRASH_REPORT_MAIN;

void crash_set_scope(int scope)
{
	crash_scope = scope;
}

bool crash_report_wanted(bool main)
{
	return crash_scope == CRASH_REPORT_ALL || (crash_scope == CRASH_REPORT_MAIN && main);
}

bool crash_will_kill(pid_t tid, int sig)
{
	struct sigstate st;

	if (sig <= 0 || sig > 64 || sigstate_read(tid, &st) < 0)
		return false;
	return sig_action_kills(sig_action(&st, sig));
}

static const char *const segv_codes[] = {
    [1] = "SEGV_MAPERR",  [2] = "SEGV_ACCERR",	[3] = "SEGV_BNDERR",  [4] = "SEGV_PKUERR",
    [5] = "SEGV_ACCADI",  [6] = "SEGV_ADIDERR", [7] = "SEGV_ADIPERR", [8] = "SEGV_MTEAERR",
    [9] = "SEGV_MTESERR", [10] = "SEGV_CPERR",
};
static const char *const bus_codes[] = {
    [1] = "BUS_ADRALN",	   [2] = "BUS_ADRERR",	  [3] = "BUS_OBJERR",
    [4] = "BUS_MCEERR_AR", [5] = "BUS_MCEERR_AO",
};
static const char *const ill_codes[] = {
    [1] = "ILL_ILLOPC", [2] = "ILL_ILLOPN", [3] = "ILL_ILLADR",
    [4] = "ILL_ILLTRP", [5] = "ILL_PRVOPC", [6] = "ILL_PRVREG",
    [7] = "ILL_COPROC", [8] = "ILL_BADSTK", [9] = "ILL_BADIADDR",
};
static const char *const fpe_codes[] = {
    [1] = "FPE_INTDIV",	 [2] = "FPE_INTOVF",	[3] = "FPE_FLTDIV", [4] = "FPE_FLTOVF",
    [5] = "FPE_FLTUND",	 [6] = "FPE_FLTRES",	[7] = "FPE_FLTINV", [8] = "FPE_FLTSUB",
    [14] = "FPE_FLTUNK", [15] = "FPE_CONDTRAP",
};
static const char *const trap_codes[] = {
    [1] = "TRAP_BRKPT",	 [2] = "TRAP_TRACE", [3] = "TRAP_BRANCH",
    [4] = "TRAP_HWBKPT", [5] = "TRAP_UNK",   [6] = "TRAP_PERF",
};

#define LOOKUP(table, i) ((i) < (int)(sizeof(table) / sizeof((table)[0])) ? (table)[i] : NULL)

/* The codes any sender can use, whatever the signal. */
static const char *generic_code_name(int code)
{
	switch (code) {
	case SI_USER:
		return "SI_USER";
	case SI_KERNEL:
		return "SI_KERNEL";
	case SI_QUEUE:
		return "SI_QUEUE";
	case SI_TIMER:
		return "SI_TIMER";
	case SI_MESGQ:
		return "SI_MESGQ";
	case SI_ASYNCIO:
		return "SI_ASYNCIO";
	case SI_SIGIO:
		return "SI_SIGIO";
	case SI_TKILL:
		return "SI_TKILL";
	case SI_DETHREAD:
		return "SI_DETHREAD";
	case SI_ASYNCNL:
		return "SI_ASYNCNL";
	default:
		return NULL;
	}
}

/* Positive codes other than SI_KERNEL mean something per signal. */
static const char *code_name(int sig, int code, char *buf, size_t len)
{
	const char *name = NULL;

	if (code > 0 && code != SI_KERNEL) {
		switch (sig) {
		case SIGSEGV:
			name = LOOKUP(segv_codes, code);
			break;
		case SIGBUS:
			name = LOOKUP(bus_codes, code);
			break;
		case SIGILL:
			name = LOOKUP(ill_codes, code);
			break;
		case SIGFPE:
			name = LOOKUP(fpe_codes, code);
			break;
		case SIGTRAP:
			name = LOOKUP(trap_codes, code);
			break;
		}
	} else {
		name = generic_code_name(code);
	}
	if (name)
		return name;
	snprintf(buf, len, "si_code %d", code);
	return buf;
}

static const char *signal_name(int sig, char *buf, size_t len)
{
	const char *abbrev = sigabbrev_np(sig);

	if (abbrev)
		snprintf(buf, len, "SIG%s", abbrev);
	else
		snprintf(buf, len, "signal %d", sig);
	return buf;
}

static pid_t tgid_of(pid_t tid)
{
	char path[64], line[256];
	pid_t tgid = tid;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	f = fopen(path, "re");
	if (!f)
		return tid;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Tgid: %d", &tgid) == 1)
			break;
	fclose(f);
	return tgid;
}

/* Signals whose si_addr is the faulting address (when the kernel sent them). */
static bool has_fault_addr(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP;
}

static void print_header(FILE *f, pid_t tid, const siginfo_t *si)
{
	char comm[64], sbuf[32], cbuf[32];
	pid_t tgid = tgid_of(tid);

	proc_read_line(tgid, "comm", comm, sizeof(comm));
	fprintf(f, "ptsandbox: pid %d (%s)", (int)tgid, comm);
	if (tid != tgid)
		fprintf(f, " thread %d", (int)tid);
	fprintf(f, " killed by %s (%s)", signal_name(si->si_signo, sbuf, sizeof(sbuf)),
		code_name(si->si_signo, si->si_code, cbuf, sizeof(cbuf)));
	/* SI_KERNEL faults (general protection, int3) have no address. */
	if (si->si_code > 0 && si->si_code != SI_KERNEL && has_fault_addr(si->si_signo))
		fprintf(f, " at address 0x%" PRIxPTR, (uintptr_t)si->si_addr);
	else if (si->si_code <= 0)
		fprintf(f, " from pid %d", (int)si->si_pid);
	fputc('\n', f);
}

/* arch_format_regs() lines, indented under "registers:". */
static void print_regs(FILE *f, const struct arch_regs *regs)
{
	char buf[2048];
	char *line, *save = NULL;

	arch_format_regs(regs, buf, sizeof(buf));
	fprintf(f, "  registers:\n");
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		fprintf(f, "    %s\n", line);
}

static ssize_t read_mem(int fd, void *buf, size_t len, uint64_t addr)
{
	return pread(fd, buf, len, (off_t)addr);
}

/*
 * Read [ip - back, ip + AFTER_BYTES).  The code before ip may lie on
 * an unmapped page (ip near the start of a mapping): then start at
 * ip's own page.  /proc/PID/mem reads even execute-only pages, and a
 * read that runs into an unmapped page returns what came before it.
 */
static int read_code(pid_t tid, uint64_t ip, size_t back, struct code *c)
{
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	char path[64];
	ssize_t n;
	int fd;

	if (back > ip)
		back = (size_t)ip;
	snprintf(path, sizeof(path), "/proc/%d/mem", (int)tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	c->base = ip - back;
	n = read_mem(fd, c->bytes, back + AFTER_BYTES, c->base);
	if (n <= (ssize_t)back && c->base < (ip & ~(page - 1))) {
		c->base = ip & ~(page - 1);
		n = read_mem(fd, c->bytes, (size_t)(ip - c->base) + AFTER_BYTES, c->base);
	}
	close(fd);
	c->ip_off = (size_t)(ip - c->base);
	if (n <= (ssize_t)c->ip_off)
		return -1;
	c->len = (size_t)n;
	return 0;
}

static int disasm_open(csh *h)
{
#if defined(__x86_64__)
	if (cs_open(CS_ARCH_X86, CS_MODE_64, h) != CS_ERR_OK)
		return -1;
	cs_option(*h, CS_OPT_SYNTAX, CS_OPT_SYNTAX_ATT);
	return 0;
#elif defined(__aarch64__)
	return cs_open(CS_ARCH_ARM64, CS_MODE_ARM, h) == CS_ERR_OK ? 0 : -1;
#else
#error "crash reports: no capstone mode for this architecture"
#endif
}

/*
 * Decode [from, ip) and return the instruction count if the last one
 * ends exactly at ip: only then are the boundaries right (x86 code is
 * variable-length; a wrong start decodes garbage that overlaps ip).
 */
static size_t decode_upto(csh h, const struct code *c, size_t from, cs_insn **insn)
{
	uint64_t ip = c->base + c->ip_off;
	size_t n;

	*insn = NULL;
	n = cs_disasm(h, c->bytes + from, c->ip_off - from, c->base + from, 0, insn);
	if (n && (*insn)[n - 1].address + (*insn)[n - 1].size == ip)
		return n;
	if (n)
		cs_free(*insn, n);
	*insn = NULL;
	return 0;
}

/*
 * Where to start decoding to reach ip on an instruction boundary, best
 * first: the starts of ip's symbol and of the one before it (exact),
 * then every point back to SCAN_BACK (x86 decoding resynchronises
 * within a few instructions).  The first candidate that lands on ip
 * with CODE_BEFORE instructions wins, else the one with the most.
 */
static size_t find_before(csh h, const struct code *c, const uint64_t *starts, int nstarts,
			  cs_insn **insn)
{
	size_t cand[MAX_STARTS + SCAN_BACK], nc = 0, best = 0, best_from = 0, n, back;

	for (int i = 0; i < nstarts; i++)
		if (starts[i] >= c->base)
			cand[nc++] = (size_t)(starts[i] - c->base);
	for (back = c->ip_off < SCAN_BACK ? c->ip_off : SCAN_BACK; back > 0; back--)
		cand[nc++] = c->ip_off - back;
	*insn = NULL;
	for (size_t i = 0; i < nc; i++) {
		n = decode_upto(h, c, cand[i], insn);
		if (n >= CODE_BEFORE)
			return n;
		if (n > best) {
			best = n;
			best_from = cand[i];
		}
		if (n)
			cs_free(*insn, n);
	}
	*insn = NULL;
	return best ? decode_upto(h, c, best_from, insn) : 0;
}

static void print_insn(FILE *f, struct remote *r, const cs_insn *in, bool at_ip)
{
	char sym[256];
	uint64_t off;

	fprintf(f, "    %s0x%016" PRIx64, at_ip ? "=> " : "   ", in->address);
	if (r && remote_symbol(r, in->address, sym, sizeof(sym), &off) == 0)
		fprintf(f, " <%s+0x%" PRIx64 ">", sym, off);
	if (in->op_str[0])
		fprintf(f, ":  %-7s %s\n", in->mnemonic, in->op_str);
	else
		fprintf(f, ":  %s\n", in->mnemonic);
}

static void print_bad(FILE *f, const struct code *c)
{
	size_t end = c->ip_off + 8 < c->len ? c->ip_off + 8 : c->len;

	fprintf(f, "    => 0x%016" PRIx64 ":  (bad)", c->base + c->ip_off);
	for (size_t i = c->ip_off; i < end; i++)
		fprintf(f, " %02x", c->bytes[i]);
	fputc('\n', f);
}

static void print_listing(FILE *f, csh h, const struct code *c, const uint64_t *starts, int nstarts,
			  struct remote *r)
{
	cs_insn *before, *after;
	size_t nb, na, i;

	nb = find_before(h, c, starts, nstarts, &before);
	for (i = nb > CODE_BEFORE ? nb - CODE_BEFORE : 0; i < nb; i++)
		print_insn(f, r, &before[i], false);
	if (nb)
		cs_free(before, nb);
	na = cs_disasm(h, c->bytes + c->ip_off, c->len - c->ip_off, c->base + c->ip_off,
		       CODE_AFTER + 1, &after);
	if (!na) {
		print_bad(f, c);
		return;
	}
	for (i = 0; i < na; i++)
		print_insn(f, r, &after[i], i == 0);
	cs_free(after, na);
}

/*
 * Symbol starts below ip within SYM_SPAN_MAX, nearest first: ip's own
 * function and the one before, whose tail is what precedes ip when ip
 * is at (or just after) a function's entry.
 */
static int symbol_starts(struct remote *r, uint64_t ip, uint64_t *starts)
{
	uint64_t at = ip, off, start;
	char sym[256];
	int n = 0;

	for (int tries = 0; r && tries <= MAX_STARTS && n < MAX_STARTS && at; tries++) {
		if (remote_symbol(r, at, sym, sizeof(sym), &off) < 0)
			break;
		start = at - off;
		if (ip - start > SYM_SPAN_MAX)
			break;
		if (start < ip)
			starts[n++] = start;
		if (!start)
			break;
		at = start - 1;
	}
	return n;
}

static void print_code(FILE *f, pid_t tid, uint64_t ip, struct remote *r)
{
	uint64_t starts[MAX_STARTS];
	size_t back = SCAN_BACK;
	struct code *c;
	int nstarts;
	csh h;

	fprintf(f, "  code:\n");
	nstarts = symbol_starts(r, ip, starts);
	for (int i = 0; i < nstarts; i++)
		if (ip - starts[i] > back)
			back = (size_t)(ip - starts[i]);
	c = malloc(sizeof(*c));
	if (!c || read_code(tid, ip, back, c) < 0) {
		fprintf(f, "    => 0x%016" PRIx64 ":  (unreadable)\n", ip);
		goto out;
	}
	if (disasm_open(&h) < 0) {
		fprintf(f, "    (no disassembler)\n");
		goto out;
	}
	print_listing(f, h, c, starts, nstarts, r);
	cs_close(&h);
out:
	free(c);
}

static void write_report(FILE *f, pid_t tid, const siginfo_t *si)
{
	struct arch_regs regs;
	struct remote r;
	bool have_r = remote_open(&r, tid) == 0;

	print_header(f, tid, si);
	if (arch_get_regs(tid, &regs) == 0) {
		print_regs(f, &regs);
		print_code(f, tid, arch_regs_ip(&regs), have_r ? &r : NULL);
	} else {
		fprintf(f, "  registers: unavailable (%s)\n", strerror(errno));
	}
	if (have_r)
		remote_close(&r);
	fprintf(f, "  backtrace:\n");
	backtrace_print(f, tid, "    ");
}

void crash_report(FILE *out, pid_t tid, const siginfo_t *si)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);

	/* Compose, then write once: one block even on unbuffered stderr. */
	if (!mem) {
		write_report(out, tid, si);
		fflush(out);
		return;
	}
	write_report(mem, tid, si);
	if (fclose(mem) == 0)
		fwrite(text, 1, len, out);
	free(text);
	fflush(out);
}
