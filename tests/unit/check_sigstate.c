// SPDX-License-Identifier: MIT
/*
 * The guest's signal state: parsing /proc/PID/status text, reading the
 * test's own live state, and the default-ignored signals checked
 * against what the kernel actually does with each signal.
 */
#include "config.h"

#include <check.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "signals/sigstate.h"

/* A /proc/PID/status as Linux 6.x prints it, with distinct masks. */
static const char status_text[] = "Name:\tcat\n"
				  "Umask:\t0022\n"
				  "State:\tR (running)\n"
				  "Tgid:\t4242\n"
				  "Ngid:\t0\n"
				  "Pid:\t4243\n"
				  "PPid:\t4000\n"
				  "TracerPid:\t0\n"
				  "Uid:\t1000\t1000\t1000\t1000\n"
				  "Gid:\t1000\t1000\t1000\t1000\n"
				  "FDSize:\t64\n"
				  "Groups:\t4 24 27 1000 \n"
				  "VmPeak:\t    8232 kB\n"
				  "Threads:\t2\n"
				  "SigQ:\t1/63446\n"
				  "SigPnd:\t0000000000000400\n"
				  "ShdPnd:\t8000000000004000\n"
				  "SigBlk:\t0000000000010000\n"
				  "SigIgn:\t0000000000001000\n"
				  "SigCgt:\t0000000180004002\n"
				  "CapInh:\t0000000000000000\n"
				  "CapPrm:\t0000000000000000\n"
				  "NoNewPrivs:\t0\n"
				  "Seccomp:\t0\n"
				  "Cpus_allowed_list:\t0-7\n"
				  "voluntary_ctxt_switches:\t1\n";

START_TEST(test_parse)
{
	struct sigstate st;

	memset(&st, 0xff, sizeof(st));
	ck_assert_int_eq(sigstate_parse(status_text, &st), 0);
	ck_assert_uint_eq(st.pending, 0x400);
	ck_assert_uint_eq(st.shared, 0x8000000000004000ull);
	ck_assert_uint_eq(st.blocked, 0x10000);
	ck_assert_uint_eq(st.ignored, 0x1000);
	ck_assert_uint_eq(st.caught, 0x180004002ull);
	/* The bits mean what sigbit() says. */
	ck_assert(st.pending & sigbit(SIGSEGV));
	ck_assert(st.shared & sigbit(SIGTERM));
	ck_assert(st.shared & sigbit(64));
	ck_assert(st.blocked & sigbit(SIGCHLD));
	ck_assert(st.ignored & sigbit(SIGPIPE));
	ck_assert(sig_action(&st, SIGINT) == SIGACT_HANDLER);
	ck_assert(sig_action(&st, SIGTERM) == SIGACT_HANDLER);
	ck_assert(sig_action(&st, 33) == SIGACT_HANDLER);
	ck_assert(sig_action(&st, SIGPIPE) != SIGACT_HANDLER);
	ck_assert(sig_action(&st, SIGUSR1) != SIGACT_HANDLER);
}
END_TEST

/* Each missing field is an error, not a silent zero. */
START_TEST(test_parse_missing_field)
{
	static const char *const keys[] = {"SigPnd:", "ShdPnd:", "SigBlk:", "SigIgn:", "SigCgt:"};
	struct sigstate st;
	char text[sizeof(status_text)];

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		char *p;

		memcpy(text, status_text, sizeof(text));
		p = strstr(text, keys[i]);
		ck_assert_ptr_nonnull(p);
		p[0] = 'X'; /* "XigPnd:" and so on */
		ck_assert_msg(sigstate_parse(text, &st) < 0, "%s missing, parse succeeded",
			      keys[i]);
	}
	ck_assert_int_lt(sigstate_parse("", &st), 0);
}
END_TEST

/* "SigPnd:" is matched at a line start only, never inside another key. */
START_TEST(test_parse_line_start)
{
	static const char text[] = "Name:\tx\n"
				   "XSigPnd:\tffffffffffffffff\n"
				   "SigPnd:\t0000000000000001\n"
				   "ShdPnd:\t0000000000000002\n"
				   "SigBlk:\t0000000000000004\n"
				   "SigIgn:\t0000000000000008\n"
				   "SigCgt:\t0000000000000010\n";
	struct sigstate st;

	ck_assert_int_eq(sigstate_parse(text, &st), 0);
	ck_assert_uint_eq(st.pending, 1);
	ck_assert_uint_eq(st.shared, 2);
	ck_assert_uint_eq(st.blocked, 4);
	ck_assert_uint_eq(st.ignored, 8);
	ck_assert_uint_eq(st.caught, 0x10);
}
END_TEST

static void on_signal(int sig)
{
	(void)sig;
}

/* Set a known state on ourselves and read it back from /proc. */
START_TEST(test_read_self)
{
	struct sigaction sa = {.sa_handler = on_signal};
	struct sigaction ign = {.sa_handler = SIG_IGN};
	struct sigstate st;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	ck_assert_int_eq(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	ck_assert_int_eq(sigaction(SIGHUP, &sa, NULL), 0);
	ck_assert_int_eq(sigaction(SIGPIPE, &ign, NULL), 0);
	ck_assert_int_eq(raise(SIGUSR1), 0);	      /* thread-directed */
	ck_assert_int_eq(kill(getpid(), SIGUSR2), 0); /* process-directed */

	ck_assert_int_eq(sigstate_read(getpid(), &st), 0);
	ck_assert(st.pending & sigbit(SIGUSR1));
	ck_assert(!(st.pending & sigbit(SIGUSR2)));
	ck_assert(st.shared & sigbit(SIGUSR2));
	ck_assert(!(st.shared & sigbit(SIGUSR1)));
	ck_assert(st.blocked & sigbit(SIGUSR1));
	ck_assert(st.blocked & sigbit(SIGUSR2));
	ck_assert(st.ignored & sigbit(SIGPIPE));
	ck_assert(sig_action(&st, SIGHUP) == SIGACT_HANDLER);
	ck_assert(sig_action(&st, SIGPIPE) != SIGACT_HANDLER);
	ck_assert_int_lt(sigstate_read(-1, &st), 0);
}
END_TEST

/*
 * What the kernel does with sig at its default disposition: a child
 * unblocks it and sends it to itself.  Returns true if the child went
 * on as if nothing happened (the default action is to ignore).
 */
static bool is_tty_stop(int sig)
{
	return sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static bool kernel_ignores(int sig)
{
	pid_t pid = fork();
	int status;

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct sigaction dfl = {.sa_handler = SIG_DFL};
		struct rlimit nocore = {0, 0};
		sigset_t set;

		setrlimit(RLIMIT_CORE, &nocore); /* SIGSEGV and co. dump no core */
		sigaction(sig, &dfl, NULL);
		sigemptyset(&set);
		sigprocmask(SIG_SETMASK, &set, NULL);
		raise(sig);
		_exit(0);
	}
	ck_assert_int_eq(waitpid(pid, &status, WUNTRACED), pid);
	if (WIFSTOPPED(status)) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return false;
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Only a stop signal at its default action stops; SIGSTOP always does. */
START_TEST(test_sig_action_stop)
{
	struct sigstate st = {0};

	ck_assert_int_eq(sig_action(&st, SIGSTOP), SIGACT_STOP);
	ck_assert_int_eq(sig_action(&st, SIGTSTP), SIGACT_STOP);
	ck_assert_int_ne(sig_action(&st, SIGINT), SIGACT_STOP);
	ck_assert_int_ne(sig_action(&st, SIGCONT), SIGACT_STOP);
	st.caught = sigbit(SIGTSTP) | sigbit(SIGSTOP);
	st.ignored = sigbit(SIGTTIN);
	ck_assert_int_eq(sig_action(&st, SIGTSTP), SIGACT_HANDLER);
	ck_assert_int_eq(sig_action(&st, SIGTTIN), SIGACT_IGNORE);
	ck_assert_int_eq(sig_action(&st, SIGTTOU), SIGACT_STOP);
	ck_assert_int_eq(sig_action(&st, SIGSTOP), SIGACT_STOP);
}
END_TEST

/* signal(7)'s default actions; a disposition overrides all but SIGKILL's and SIGSTOP's. */
START_TEST(test_sig_action_default)
{
	static const struct {
		int sig;
		enum sig_action act;
	} dfl[] = {
	    {SIGHUP, SIGACT_TERMINATE},	 {SIGINT, SIGACT_TERMINATE},  {SIGQUIT, SIGACT_CORE},
	    {SIGILL, SIGACT_CORE},	 {SIGTRAP, SIGACT_CORE},      {SIGABRT, SIGACT_CORE},
	    {SIGBUS, SIGACT_CORE},	 {SIGFPE, SIGACT_CORE},	      {SIGKILL, SIGACT_TERMINATE},
	    {SIGUSR1, SIGACT_TERMINATE}, {SIGSEGV, SIGACT_CORE},      {SIGPIPE, SIGACT_TERMINATE},
	    {SIGALRM, SIGACT_TERMINATE}, {SIGTERM, SIGACT_TERMINATE}, {SIGCHLD, SIGACT_IGNORE},
	    {SIGCONT, SIGACT_IGNORE},	 {SIGURG, SIGACT_IGNORE},     {SIGXCPU, SIGACT_CORE},
	    {SIGXFSZ, SIGACT_CORE},	 {SIGWINCH, SIGACT_IGNORE},   {SIGSYS, SIGACT_CORE},
	    {34, SIGACT_TERMINATE},	 {64, SIGACT_TERMINATE},
	};
	struct sigstate st = {0};

	for (size_t i = 0; i < sizeof(dfl) / sizeof(dfl[0]); i++)
		ck_assert_msg(sig_action(&st, dfl[i].sig) == dfl[i].act, "signal %d: %d",
			      dfl[i].sig, sig_action(&st, dfl[i].sig));
	st.caught = sigbit(SIGSEGV) | sigbit(SIGKILL);
	st.ignored = sigbit(SIGCHLD) | sigbit(SIGTERM);
	ck_assert_int_eq(sig_action(&st, SIGSEGV), SIGACT_HANDLER);
	ck_assert_int_eq(sig_action(&st, SIGTERM), SIGACT_IGNORE);
	ck_assert_int_eq(sig_action(&st, SIGCHLD), SIGACT_IGNORE);
	ck_assert_int_eq(sig_action(&st, SIGKILL), SIGACT_TERMINATE);
	ck_assert_int_eq(sig_action(&st, 0), SIGACT_UNKNOWN);
	ck_assert_int_eq(sig_action(&st, 65), SIGACT_UNKNOWN);
	ck_assert(sig_action_kills(SIGACT_CORE) && sig_action_kills(SIGACT_TERMINATE));
	ck_assert(!sig_action_kills(SIGACT_HANDLER) && !sig_action_kills(SIGACT_STOP));
}
END_TEST

/* A snapshot reads the thread's status once, and not at all for SIGKILL/SIGSTOP. */
START_TEST(test_sigsnap)
{
	struct sigsnap snap;

	sigsnap_init(&snap, -1);
	ck_assert_int_eq(sigsnap_action(&snap, SIGSTOP), SIGACT_STOP);
	ck_assert_int_eq(sigsnap_action(&snap, SIGKILL), SIGACT_TERMINATE);
	ck_assert_int_eq(snap.loaded, 0);
	ck_assert_int_eq(sigsnap_action(&snap, SIGINT), SIGACT_UNKNOWN);
	ck_assert_int_eq(snap.loaded, -1);
	sigsnap_init(&snap, getpid());
	ck_assert_ptr_nonnull(sigsnap_get(&snap));
	ck_assert_int_eq(snap.loaded, 1);
	snap.st.caught = sigbit(SIGINT);
	ck_assert_int_eq(sigsnap_action(&snap, SIGINT), SIGACT_HANDLER);
}
END_TEST

START_TEST(test_default_ignored_matches_kernel)
{
	for (int sig = 1; sig < SIGRTMIN; sig++) {
		/* 32, 33: reserved by the C library for its threads. */
		if (sig >= 32)
			break;
		/*
		 * The kernel discards these in an orphaned process group
		 * (as under some CI runners), which looks like "ignored".
		 */
		if (is_tty_stop(sig)) {
			ck_assert(!sig_default_ignored(sig));
			continue;
		}
		ck_assert_msg(sig_default_ignored(sig) == kernel_ignores(sig),
			      "signal %d (%s): sig_default_ignored says %d", sig, strsignal(sig),
			      sig_default_ignored(sig));
	}
	ck_assert(!sig_default_ignored(SIGRTMIN));
	ck_assert(!kernel_ignores(SIGRTMIN));
	ck_assert(!sig_default_ignored(SIGRTMAX));
	ck_assert(!kernel_ignores(SIGRTMAX));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("sigstate");
	TCase *tc = tcase_create("sigstate");
	TCase *kernel = tcase_create("kernel");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_parse);
	tcase_add_test(tc, test_parse_missing_field);
	tcase_add_test(tc, test_parse_line_start);
	tcase_add_test(tc, test_read_self);
	tcase_add_test(tc, test_sig_action_stop);
	tcase_add_test(tc, test_sig_action_default);
	tcase_add_test(tc, test_sigsnap);
	/* Needs the real kernel: a cross build's qemu-user run excludes it. */
	tcase_set_tags(kernel, "kernel");
	tcase_add_test(kernel, test_default_ignored_matches_kernel);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, kernel);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
