// SPDX-License-Identifier: MIT
/*
 * The decoder's building blocks: errno and signal names, signal sets,
 * siginfo, strace's string quoting, and the flag printers.  Expected
 * strings are what strace 6.1 prints for the same values.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "trace/decode.h"
#include "trace/decode_impl.h"

static char out[4096];
static struct sbuf sb;

static void reset(void)
{
	sb_init(&sb, out, sizeof(out));
}

/* ---- errno ---- */

START_TEST(test_errno_names)
{
	ck_assert_str_eq(errno_name(ENOENT), "ENOENT");
	ck_assert_str_eq(errno_name(EPERM), "EPERM");
	ck_assert_str_eq(errno_name(EAGAIN), "EAGAIN");		/* not EWOULDBLOCK */
	ck_assert_str_eq(errno_name(EOPNOTSUPP), "EOPNOTSUPP");
	ck_assert_str_eq(errno_name(EHWPOISON), "EHWPOISON");
	ck_assert_str_eq(errno_name(512), "ERESTARTSYS");
	ck_assert_str_eq(errno_name(516), "ERESTART_RESTARTBLOCK");
	ck_assert_ptr_null(errno_name(0));
	ck_assert_ptr_null(errno_name(-1));
	ck_assert_ptr_null(errno_name(4000));
}
END_TEST

START_TEST(test_errno_text)
{
	ck_assert_str_eq(errno_text(ENOENT), "No such file or directory");
	ck_assert_str_eq(errno_text(512), "To be restarted if SA_RESTART is set");
	ck_assert_str_eq(errno_text(516), "Interrupted by signal");
	ck_assert(errno_is_restart(514));
	ck_assert(!errno_is_restart(EINTR));
}
END_TEST

/* ---- signals ---- */

START_TEST(test_signal_names)
{
	ck_assert_str_eq(signal_name(SIGINT), "SIGINT");
	ck_assert_str_eq(signal_name(SIGSYS), "SIGSYS");
	ck_assert_str_eq(signal_name(SIGIO), "SIGIO");
	ck_assert_str_eq(signal_name(32), "SIGRTMIN");
	ck_assert_str_eq(signal_name(33), "SIGRT_1");
	ck_assert_str_eq(signal_name(35), "SIGRT_3");
	ck_assert_str_eq(signal_name(64), "SIGRT_32");
	ck_assert_ptr_null(signal_name(0));
	ck_assert_ptr_null(signal_name(65));
	ck_assert_ptr_null(signal_name(-2));
}
END_TEST

START_TEST(test_signal_parse)
{
	ck_assert_int_eq(signal_parse("SIGINT"), SIGINT);
	ck_assert_int_eq(signal_parse("INT"), SIGINT);
	ck_assert_int_eq(signal_parse("int"), SIGINT);
	ck_assert_int_eq(signal_parse("2"), 2);
	ck_assert_int_eq(signal_parse("SIGRTMIN"), 32);
	ck_assert_int_eq(signal_parse("RT_3"), 35);
	ck_assert_int_eq(signal_parse("SIGIOT"), SIGABRT);
	ck_assert_int_eq(signal_parse("64"), 64);
	ck_assert_int_eq(signal_parse("0"), -1);
	ck_assert_int_eq(signal_parse("65"), -1);
	ck_assert_int_eq(signal_parse("2x"), -1);
	ck_assert_int_eq(signal_parse("SIG"), -1);
	ck_assert_int_eq(signal_parse("FOO"), -1);
	ck_assert_int_eq(signal_parse(""), -1);
	ck_assert_int_eq(signal_parse(NULL), -1);
}
END_TEST

static const char *mask(uint64_t m)
{
	reset();
	print_sigmask(&sb, m);
	return out;
}

#define BIT(sig) (1ull << ((sig) - 1))

START_TEST(test_sigmask)
{
	ck_assert_str_eq(mask(0), "[]");
	ck_assert_str_eq(mask(BIT(SIGINT) | BIT(SIGCHLD)), "[INT CHLD]");
	ck_assert_str_eq(mask(~0ull), "~[]");
	/* glibc blocks all but its two internal signals */
	ck_assert_str_eq(mask(~(BIT(32) | BIT(33))), "~[RTMIN RT_1]");
	ck_assert_str_eq(mask(~(BIT(SIGKILL) | BIT(SIGSTOP) | BIT(32) | BIT(33))),
			 "~[KILL STOP RTMIN RT_1]");
	/* exactly half is not complemented */
	ck_assert_str_eq(mask(0xffffffffull),
			 "[HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM "
			 "STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO "
			 "PWR SYS RTMIN]");
	ck_assert_ptr_null(strchr(mask(0xffffffff00000000ull), '~'));
	ck_assert_str_eq(mask(BIT(64)), "[RT_32]");
}
END_TEST

/* ---- siginfo ---- */

static siginfo_t info(int sig, int code)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = code;
	return si;
}

static const char *siginfo_str(const siginfo_t *si)
{
	size_t n = decode_siginfo(si, out, sizeof(out));

	ck_assert_uint_eq(n, strlen(out));
	return out;
}

START_TEST(test_siginfo_kernel_and_user)
{
	siginfo_t si = info(SIGINT, SI_KERNEL);

	ck_assert_str_eq(siginfo_str(&si), "{si_signo=SIGINT, si_code=SI_KERNEL}");
	si = info(SIGINT, SI_USER);
	si.si_pid = 123;
	si.si_uid = 0;
	ck_assert_str_eq(siginfo_str(&si), "{si_signo=SIGINT, si_code=SI_USER, si_pid=123, si_uid=0}");
	si = info(SIGHUP, SI_TKILL);
	si.si_pid = 7;
	si.si_uid = 1000;
	ck_assert_str_eq(siginfo_str(&si), "{si_signo=SIGHUP, si_code=SI_TKILL, si_pid=7, si_uid=1000}");
}
END_TEST

START_TEST(test_siginfo_queue_and_timer)
{
	siginfo_t si = info(SIGUSR1, SI_QUEUE);

	si.si_pid = 15711;
	si.si_value.sival_int = 42;
	ck_assert_str_eq(siginfo_str(&si), "{si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=15711, "
					   "si_uid=0, si_int=42, si_ptr=0x2a}");
	si = info(SIGUSR2, SI_TIMER);
	si.si_value.sival_int = 9;
	ck_assert_str_eq(siginfo_str(&si), "{si_signo=SIGUSR2, si_code=SI_TIMER, si_timerid=0, "
					   "si_overrun=0, si_int=9, si_ptr=0x9}");
}
END_TEST

START_TEST(test_siginfo_child)
{
	siginfo_t si = info(SIGCHLD, CLD_EXITED);

	si.si_pid = 15712;
	si.si_status = 3;
	ck_assert_str_eq(siginfo_str(&si), "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=15712, "
					   "si_uid=0, si_status=3, si_utime=0, si_stime=0}");
	si.si_code = CLD_KILLED;
	si.si_status = SIGTERM;
	ck_assert_str_eq(siginfo_str(&si), "{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=15712, "
					   "si_uid=0, si_status=SIGTERM, si_utime=0, si_stime=0}");
}
END_TEST

START_TEST(test_siginfo_faults)
{
	siginfo_t si = info(SIGSEGV, SEGV_MAPERR);

	si.si_addr = (void *)0x10;
	ck_assert_str_eq(siginfo_str(&si), "{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}");
	si = info(SIGTRAP, SI_KERNEL);
	ck_assert_str_eq(siginfo_str(&si), "{si_signo=SIGTRAP, si_code=SI_KERNEL, si_addr=NULL}");
	si = info(SIGILL, ILL_ILLOPN);
	si.si_addr = (void *)0x55a4b96d6352;
	ck_assert_str_eq(siginfo_str(&si),
			 "{si_signo=SIGILL, si_code=ILL_ILLOPN, si_addr=0x55a4b96d6352}");
	/* an RT signal with a code only SIGIO would have */
	si = info(36, 1);
	si.si_pid = 65;
	si.si_value.sival_int = 3;
	ck_assert_str_eq(siginfo_str(&si), "{si_signo=SIGRT_4, si_code=0x1, si_pid=65, si_uid=0, "
					   "si_int=3, si_ptr=0x3}");
}
END_TEST

START_TEST(test_siginfo_truncated)
{
	siginfo_t si = info(SIGINT, SI_KERNEL);
	char small[10];

	ck_assert_uint_eq(decode_siginfo(&si, small, sizeof(small)), 9);
	ck_assert_str_eq(small, "{si_signo");
	ck_assert_uint_eq(decode_siginfo(&si, small, 0), 0);
}
END_TEST

/* ---- quoting ---- */

static const char *quote(const char *s, size_t n, bool hex)
{
	reset();
	sb_quote(&sb, s, n, hex);
	return out;
}

START_TEST(test_quote_escapes)
{
	ck_assert_str_eq(quote("abc", 3, false), "\"abc\"");
	ck_assert_str_eq(quote("", 0, false), "\"\"");
	/* the same bytes strace printed for write(1, ..., 19) */
	ck_assert_str_eq(quote("hello\n\t\\\"\001\0012\377x\r\f\v\a\b\033", 19, false),
			 "\"hello\\n\\t\\\\\\\"\\1\\0012\\377x\\r\\f\\v\\7\\10\"");
}
END_TEST

START_TEST(test_quote_octal_digit_rule)
{
	/* \0 before a digit must be written in full: "\0001" is NUL, '1' */
	ck_assert_str_eq(quote("\0\0001\08\0", 6, false), "\"\\0\\0001\\08\\0\"");
	ck_assert_str_eq(quote("\x80\xc3\xa9", 3, false), "\"\\200\\303\\251\"");
	ck_assert_str_eq(quote("\177ELF\2\1", 6, false), "\"\\177ELF\\2\\1\"");
}
END_TEST

START_TEST(test_quote_hex)
{
	ck_assert_str_eq(quote("\x9f\x13]", 3, true), "\"\\x9f\\x13\\x5d\"");
}
END_TEST

START_TEST(test_sbuf_never_overflows)
{
	char small[8];
	struct sbuf s;

	sb_init(&s, small, sizeof(small));
	sb_puts(&s, "0123456789");
	ck_assert_str_eq(small, "0123456");
	sb_printf(&s, "%d", 42);
	ck_assert_str_eq(small, "0123456");
	ck_assert_uint_eq(s.len, 7);
	sb_truncate(&s, 3);
	sb_putc(&s, 'x');
	ck_assert_str_eq(small, "012x");
}
END_TEST

/* ---- flags ---- */

static const char *flags(const struct xlat *x, uint64_t v, const char *dflt)
{
	reset();
	print_flags(&sb, x, v, dflt);
	return out;
}

static const char *value(const struct xlat *x, uint64_t v, const char *dflt)
{
	reset();
	print_xlat(&sb, x, v, dflt);
	return out;
}

START_TEST(test_open_flags)
{
	reset();
	print_open_flags(&sb, O_RDONLY | O_CLOEXEC);
	ck_assert_str_eq(out, "O_RDONLY|O_CLOEXEC");
	reset();
	print_open_flags(&sb, O_WRONLY | O_CREAT | O_TRUNC);
	ck_assert_str_eq(out, "O_WRONLY|O_CREAT|O_TRUNC");
	reset();
	print_open_flags(&sb, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_DIRECTORY);
	ck_assert_str_eq(out, "O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY");
	reset();
	print_open_flags(&sb, O_RDWR | O_TMPFILE);	/* O_TMPFILE contains O_DIRECTORY */
	ck_assert_str_eq(out, "O_RDWR|O_TMPFILE");
	reset();
	print_open_flags(&sb, 3);
	ck_assert_str_eq(out, "O_ACCMODE");
	reset();
	print_open_flags(&sb, O_RDONLY | 0x80000000u);
	ck_assert_str_eq(out, "O_RDONLY|0x80000000");
	/* pipe2 and dup3 flags have no access mode */
	ck_assert_str_eq(flags(open_flags, O_NONBLOCK | O_CLOEXEC, NULL), "O_NONBLOCK|O_CLOEXEC");
	ck_assert_str_eq(flags(open_flags, 0, NULL), "0");
}
END_TEST

START_TEST(test_mmap_prot)
{
	ck_assert_str_eq(flags(mmap_prot, PROT_READ | PROT_WRITE, "PROT_???"), "PROT_READ|PROT_WRITE");
	ck_assert_str_eq(flags(mmap_prot, PROT_READ | PROT_EXEC, "PROT_???"), "PROT_READ|PROT_EXEC");
	ck_assert_str_eq(flags(mmap_prot, PROT_NONE, "PROT_???"), "PROT_NONE");
	ck_assert_str_eq(flags(mmap_prot, 0x100, "PROT_???"), "0x100 /* PROT_??? */");
}
END_TEST

START_TEST(test_other_flags)
{
	ck_assert_str_eq(flags(mmap_flags, MAP_FIXED | MAP_ANONYMOUS, NULL),
			 "MAP_FIXED|MAP_ANONYMOUS");
	ck_assert_str_eq(flags(access_modes, 0, NULL), "F_OK");
	ck_assert_str_eq(flags(access_modes, 0xff, NULL), "R_OK|W_OK|X_OK|0xf8");
	ck_assert_str_eq(flags(at_flags, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, NULL),
			 "AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH");
	ck_assert_str_eq(flags(poll_events, 0x3, NULL), "POLLIN|POLLPRI");
	ck_assert_str_eq(flags(wait_options, 1 | 0x40000000, NULL), "WNOHANG|__WALL");
	ck_assert_str_eq(flags(clone_flags, 0x100 | 0x4000, NULL), "CLONE_VM|CLONE_VFORK");
	ck_assert_str_eq(flags(sigaction_flags, 0x04000000 | 0x10000000, NULL),
			 "SA_RESTORER|SA_RESTART");
	ck_assert_str_eq(flags(statx_masks, 0x7ff, NULL), "STATX_BASIC_STATS");
	ck_assert_str_eq(flags(statx_masks, 0x17ff, NULL), "STATX_BASIC_STATS|STATX_MNT_ID");
	ck_assert_str_eq(flags(fd_flags, 0x1234, "FD_???"), "0x1234 /* FD_??? */");
}
END_TEST

START_TEST(test_values)
{
	ck_assert_str_eq(value(sigprocmask_hows, 2, "SIG_???"), "SIG_SETMASK");
	ck_assert_str_eq(value(sigprocmask_hows, 7, "SIG_???"), "0x7 /* SIG_??? */");
	ck_assert_str_eq(value(fcntl_cmds, F_DUPFD_CLOEXEC, "F_???"), "F_DUPFD_CLOEXEC");
	ck_assert_str_eq(value(futex_cmds, 9, NULL), "FUTEX_WAIT_BITSET");
	ck_assert_str_eq(value(clock_ids, 1, "CLOCK_???"), "CLOCK_MONOTONIC");
	ck_assert_str_eq(value(seek_whences, 5, "SEEK_???"), "0x5 /* SEEK_??? */");
	ck_assert_str_eq(value(rlimit_resources, 3, NULL), "RLIMIT_STACK");
}
END_TEST

START_TEST(test_mode_and_dev)
{
	reset();
	print_mode_t(&sb, S_IFREG | 0644);
	ck_assert_str_eq(out, "S_IFREG|0644");
	reset();
	print_mode_t(&sb, S_IFDIR | S_ISVTX | 0777);
	ck_assert_str_eq(out, "S_IFDIR|S_ISVTX|0777");
	reset();
	print_mode_t(&sb, 0);
	ck_assert_str_eq(out, "000");
	reset();
	print_dev(&sb, makedev(1, 3));
	ck_assert_str_eq(out, "makedev(0x1, 0x3)");
	reset();
	print_dev(&sb, 0);
	ck_assert_str_eq(out, "makedev(0, 0)");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("decode");
	TCase *names = tcase_create("names");
	TCase *sig = tcase_create("siginfo");
	TCase *str = tcase_create("strings");
	TCase *fl = tcase_create("flags");
	SRunner *sr;
	int failed;

	tcase_add_test(names, test_errno_names);
	tcase_add_test(names, test_errno_text);
	tcase_add_test(names, test_signal_names);
	tcase_add_test(names, test_signal_parse);
	tcase_add_test(names, test_sigmask);
	tcase_add_test(sig, test_siginfo_kernel_and_user);
	tcase_add_test(sig, test_siginfo_queue_and_timer);
	tcase_add_test(sig, test_siginfo_child);
	tcase_add_test(sig, test_siginfo_faults);
	tcase_add_test(sig, test_siginfo_truncated);
	tcase_add_test(str, test_quote_escapes);
	tcase_add_test(str, test_quote_octal_digit_rule);
	tcase_add_test(str, test_quote_hex);
	tcase_add_test(str, test_sbuf_never_overflows);
	tcase_add_test(fl, test_open_flags);
	tcase_add_test(fl, test_mmap_prot);
	tcase_add_test(fl, test_other_flags);
	tcase_add_test(fl, test_values);
	tcase_add_test(fl, test_mode_and_dev);
	suite_add_tcase(s, names);
	suite_add_tcase(s, sig);
	suite_add_tcase(s, str);
	suite_add_tcase(s, fl);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
