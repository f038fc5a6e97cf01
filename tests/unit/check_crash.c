// SPDX-License-Identifier: MIT
/*
 * Crash reports of real crashes: each test runs a crash guest under
 * ptrace, stops it at the signal-delivery-stop of its fatal signal,
 * reports, then lets the signal through and checks the guest dies of
 * it (the report must not disturb the tracee).
 */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "report/crash.h"

static const char *guests_dir(void)
{
	const char *dir = getenv("GUESTS");

	return dir && dir[0] ? dir : "tests/guests";
}

/* No core files: a crash guest's death should be quick and leave nothing. */
static void exec_guest(const char *path)
{
	struct rlimit no_core = { 0, 0 };

	setrlimit(RLIMIT_CORE, &no_core);
	if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) < 0)
		_exit(126);
	execl(path, path, (char *)NULL);
	_exit(127);
}

/* The guest, traced and stopped just after its execve. */
static pid_t start_guest(const char *name)
{
	char path[PATH_MAX];
	int status;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/%s", guests_dir(), name);
	ck_assert_msg(access(path, X_OK) == 0, "no guest %s", path);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		exec_guest(path);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFSTOPPED(status) && WSTOPSIG(status) == SIGTRAP,
		      "guest %s did not stop at its exec (status %#x)", name, status);
	ck_assert_int_eq(ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)PTRACE_O_EXITKILL), 0);
	return pid;
}

/* Resume until the signal-delivery-stop of sig, passing other signals on. */
static void run_to_signal(pid_t pid, int sig, siginfo_t *si)
{
	int status, pass = 0;

	for (;;) {
		ck_assert_int_eq(ptrace(PTRACE_CONT, pid, NULL, (void *)(long)pass), 0);
		ck_assert_int_eq(waitpid(pid, &status, 0), pid);
		ck_assert_msg(WIFSTOPPED(status), "guest ended before signal %d (status %#x)",
			      sig, status);
		if (WSTOPSIG(status) == sig)
			break;
		pass = WSTOPSIG(status);
	}
	ck_assert_int_eq(ptrace(PTRACE_GETSIGINFO, pid, NULL, si), 0);
}

/* Deliver sig as the tracer would and check it kills the guest. */
static void deliver_and_reap(pid_t pid, int sig)
{
	int status;

	ck_assert_int_eq(ptrace(PTRACE_CONT, pid, NULL, (void *)(long)sig), 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == sig,
		      "guest not killed by signal %d after the report (status %#x)", sig, status);
}

/* Run guest name to its crash by sig; the report, to be freed. */
static char *crash_guest(const char *name, int sig)
{
	char *text = NULL;
	size_t len = 0;
	siginfo_t si;
	FILE *f;
	pid_t pid;

	pid = start_guest(name);
	run_to_signal(pid, sig, &si);
	ck_assert(crash_is_fatal_sync(sig, &si));
	ck_assert(crash_will_kill(pid, sig));
	f = open_memstream(&text, &len);
	ck_assert_ptr_nonnull(f);
	crash_report(f, pid, &si);
	ck_assert_int_eq(fclose(f), 0);
	deliver_and_reap(pid, sig);
	fprintf(stderr, "%s", text);	/* in the test log, for humans */
	return text;
}

/* The mnemonic on the "=>" line, copied into buf. */
static const char *fault_mnemonic(const char *report, char *buf, size_t len)
{
	const char *line = strstr(report, "    => ");
	const char *p;
	size_t n;

	ck_assert_msg(line != NULL, "no => line in:\n%s", report);
	p = strstr(line, ":  ");
	ck_assert_ptr_nonnull(p);
	p += 3;
	n = strcspn(p, " \n");
	ck_assert_uint_lt(n, len);
	memcpy(buf, p, n);
	buf[n] = '\0';
	return buf;
}

/* Code lines listed before the "=>" one (only x86_64's test counts them). */
static __attribute__((unused)) int lines_before_fault(const char *report)
{
	const char *p = strstr(report, "  code:\n");
	const char *at = strstr(report, "    => ");
	int n = 0;

	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(at);
	for (p = strchr(p, '\n') + 1; p < at; p = strchr(p, '\n') + 1)
		n++;
	return n;
}

/* Assert that the backtrace names funcs (NULL-terminated), innermost first. */
static void assert_frames_in_order(const char *report, const char *const *funcs)
{
	const char *p = strstr(report, "  backtrace:\n");
	char pat[128];

	ck_assert_msg(p != NULL, "no backtrace in:\n%s", report);
	for (; *funcs; funcs++) {
		/* " name+": a whole name, so main does not match __libc_start_call_main. */
		snprintf(pat, sizeof(pat), " %s+0x", *funcs);
		p = strstr(p, pat);
		ck_assert_msg(p != NULL, "backtrace lacks %s (or has it out of order):\n%s",
			      *funcs, report);
	}
}

/* The number of the line of tests/guests/NAME holding "/\* line:MARKER *\/". */
static int marker_line(const char *name, const char *marker)
{
	const char *src = getenv("srcdir");
	char path[PATH_MAX], pat[64], buf[512];
	int n = 0, found = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/tests/guests/%s", src && src[0] ? src : ".", name);
	snprintf(pat, sizeof(pat), "/* line:%s */", marker);
	f = fopen(path, "re");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	while (fgets(buf, sizeof(buf), f)) {
		n++;
		if (strstr(buf, pat)) {
			ck_assert_msg(!found, "%s twice in %s", pat, path);
			found = n;
		}
	}
	fclose(f);
	ck_assert_msg(found, "no %s in %s", pat, path);
	return found;
}

/*
 * The backtrace line of func (" func+0x" or, inlined, " func ("),
 * copied into buf without its newline.
 */
static const char *frame_of(const char *report, const char *func, char *buf, size_t len)
{
	const char *p = strstr(report, "  backtrace:\n");
	const char *at, *bol, *eol;
	char pat[128];

	ck_assert_msg(p != NULL, "no backtrace in:\n%s", report);
	snprintf(pat, sizeof(pat), " %s+0x", func);
	at = strstr(p, pat);
	if (!at) {
		snprintf(pat, sizeof(pat), " %s (", func);
		at = strstr(p, pat);
	}
	ck_assert_msg(at != NULL, "no frame of %s in:\n%s", func, report);
	for (bol = at; bol > p && bol[-1] != '\n'; bol--)
		;
	eol = strchr(at, '\n');
	ck_assert_ptr_nonnull(eol);
	ck_assert_uint_lt((size_t)(eol - bol), len);
	memcpy(buf, bol, (size_t)(eol - bol));
	buf[eol - bol] = '\0';
	return buf;
}

/*
 * func's frame ends with " at DIR/FILE:LINE", LINE that of the marker
 * in tests/guests/FILE: the file as the compiler was given it (from the
 * build directory), whatever that directory is.
 */
static void assert_frame_at(const char *report, const char *func, const char *file,
			    const char *marker)
{
	char frame[512], want[128];
	size_t fl, wl;

	snprintf(want, sizeof(want), "guests/%s:%d", file, marker_line(file, marker));
	frame_of(report, func, frame, sizeof(frame));
	fl = strlen(frame);
	wl = strlen(want);
	ck_assert_msg(strstr(frame, " at ") && fl > wl && !strcmp(frame + fl - wl, want) &&
			      (frame[fl - wl - 1] == '/' || frame[fl - wl - 1] == ' '),
		      "%s: want \"... at .../%s\", got \"%s\"", func, want, frame);
}

START_TEST(test_null_write)
{
	static const char *const frames[] = {
		"crash_null_write", "crash_null_caller", "main", NULL
	};
	char *r = crash_guest("crash_null", SIGSEGV);
	char mn[32];

	ck_assert_ptr_nonnull(strstr(r, "killed by SIGSEGV (SEGV_MAPERR) at address 0x0\n"));
	ck_assert_ptr_nonnull(strstr(r, "(crash_null)"));
	ck_assert_ptr_nonnull(strstr(r, "  registers:\n"));
#if defined(__x86_64__)
	ck_assert_msg(strncmp(fault_mnemonic(r, mn, sizeof(mn)), "mov", 3) == 0, "=> %s", mn);
	/* Decoded forward from the symbol, the lines before are exact. */
	ck_assert_int_eq(lines_before_fault(r), 3);
	ck_assert_ptr_nonnull(strstr(r, " <crash_null_write+0x"));
#elif defined(__aarch64__)
	ck_assert_str_eq(fault_mnemonic(r, mn, sizeof(mn)), "str");
#endif
	assert_frames_in_order(r, frames);
	/* -g: each of the guest's own frames at the line of its call (or write). */
	assert_frame_at(r, "crash_null_write", "crash_null.c", "write");
	assert_frame_at(r, "crash_null_caller", "crash_null.c", "write-call");
	assert_frame_at(r, "main", "crash_null.c", "caller-call");
	free(r);
}
END_TEST

/*
 * At -O2 the write is inlined, twice: gdb's frames, the inlined
 * function at the write, then at the same address the one it was
 * inlined into at the line of that call, and so on out to the real
 * function.
 */
START_TEST(test_inlined_frame)
{
	static const char *const frames[] = { "crash_inline_caller", "main", NULL };
	char *r = crash_guest("crash_inline", SIGSEGV);
	static const char *const inlined[] = { "inlined_write", "inlined_middle",
					       "crash_inline_caller" };
	char frame[512];
	unsigned long long ip, ip0 = 0;
	int n;

	assert_frames_in_order(r, frames);
	assert_frame_at(r, "inlined_write", "crash_inline.c", "write");
	assert_frame_at(r, "inlined_middle", "crash_inline.c", "middle-call");
	assert_frame_at(r, "crash_inline_caller", "crash_inline.c", "inlined-call");
	assert_frame_at(r, "main", "crash_inline.c", "caller-call");
	/* #0, #1, #2 in that order, all at the faulting address. */
	for (int i = 0; i < 3; i++) {
		frame_of(r, inlined[i], frame, sizeof(frame));
		ck_assert_int_eq(sscanf(frame, " #%d 0x%llx", &n, &ip), 2);
		if (!i)
			ip0 = ip;
		ck_assert_msg(n == i && ip == ip0, "%s not #%d at #0's address:\n%s", inlined[i],
			      i, r);
	}
	free(r);
}
END_TEST

START_TEST(test_illegal_instruction)
{
	static const char *const frames[] = { "crash_ud2", "main", NULL };
	char mn[32];
	char *r;

#if defined(__x86_64__)
	r = crash_guest("crash_ud2", SIGILL);
	ck_assert_ptr_nonnull(strstr(r, "killed by SIGILL (ILL_ILLOPN) at address 0x"));
	ck_assert_str_eq(fault_mnemonic(r, mn, sizeof(mn)), "ud2");
#else
	/* __builtin_trap() is brk on aarch64: a breakpoint, SIGTRAP. */
	r = crash_guest("crash_ud2", SIGTRAP);
	ck_assert_ptr_nonnull(strstr(r, "killed by SIGTRAP (TRAP_BRKPT)"));
	ck_assert_str_eq(fault_mnemonic(r, mn, sizeof(mn)), "brk");
#endif
	assert_frames_in_order(r, frames);
	free(r);
}
END_TEST

#if defined(__x86_64__)
/* aarch64 division by zero does not trap (sdiv yields 0). */
START_TEST(test_divide_by_zero)
{
	static const char *const frames[] = { "crash_div0", "main", NULL };
	char *r = crash_guest("crash_div0", SIGFPE);
	char mn[32];

	ck_assert_ptr_nonnull(strstr(r, "killed by SIGFPE (FPE_INTDIV) at address 0x"));
	ck_assert_msg(strstr(fault_mnemonic(r, mn, sizeof(mn)), "div") != NULL, "=> %s", mn);
	assert_frames_in_order(r, frames);
	free(r);
}
END_TEST
#endif

START_TEST(test_abort)
{
	static const char *const frames[] = { "abort", "crash_abort", "main", NULL };
	char *r = crash_guest("crash_abort", SIGABRT);

	ck_assert_ptr_nonnull(strstr(r, "killed by SIGABRT (SI_TKILL) from pid "));
	ck_assert_ptr_nonnull(strstr(r, "  code:\n"));
	assert_frames_in_order(r, frames);
	free(r);
}
END_TEST

START_TEST(test_fatal_sync)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_code = SEGV_MAPERR;
	ck_assert(crash_is_fatal_sync(SIGSEGV, &si));
	si.si_code = SI_KERNEL;
	ck_assert(crash_is_fatal_sync(SIGSEGV, &si));
	/* kill -SEGV is no crash... */
	si.si_code = SI_USER;
	ck_assert(!crash_is_fatal_sync(SIGSEGV, &si));
	ck_assert(!crash_is_fatal_sync(SIGTRAP, &si));
	/* ...but abort() is, whoever sends SIGABRT and how. */
	ck_assert(crash_is_fatal_sync(SIGABRT, &si));
	si.si_code = SI_TKILL;
	ck_assert(crash_is_fatal_sync(SIGABRT, &si));
	ck_assert(!crash_is_fatal_sync(SIGTERM, &si));
	si.si_code = 1;
	ck_assert(!crash_is_fatal_sync(SIGCHLD, &si));
}
END_TEST

static void on_segv(int sig)
{
	(void)sig;
}

/* A handler or SIG_IGN means the guest survives: no report. */
START_TEST(test_will_kill_dispositions)
{
	int status;
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		signal(SIGSEGV, on_segv);
		signal(SIGABRT, SIG_IGN);
		/* The sanitizers install their own: make it the default again. */
		signal(SIGFPE, SIG_DFL);
		raise(SIGSTOP);
		_exit(0);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP);
	ck_assert(!crash_will_kill(pid, SIGSEGV));
	ck_assert(!crash_will_kill(pid, SIGABRT));
	ck_assert(crash_will_kill(pid, SIGFPE));
	kill(pid, SIGKILL);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("crash");
	TCase *tc = tcase_create("crash");
	TCase *kernel = tcase_create("kernel");
	SRunner *sr;
	int failed;

	/* libunwind and capstone under the sanitizers take their time. */
	tcase_set_timeout(tc, 30);
	tcase_set_timeout(kernel, 30);
	tcase_add_test(tc, test_fatal_sync);
	/* Needs the real kernel: a cross build's qemu-user run excludes it. */
	tcase_set_tags(kernel, "kernel");
	tcase_add_test(kernel, test_will_kill_dispositions);
	tcase_add_test(kernel, test_null_write);
	tcase_add_test(kernel, test_inlined_frame);
	tcase_add_test(kernel, test_illegal_instruction);
#if defined(__x86_64__)
	tcase_add_test(kernel, test_divide_by_zero);
#endif
	tcase_add_test(kernel, test_abort);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, kernel);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
