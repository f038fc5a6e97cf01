// SPDX-License-Identifier: MIT
/*
 * futexops SCENARIO [ARG]...
 *
 * Pins down the kernel's futex semantics, so that an emulation of futex
 * (and of the pthread primitives built on it) must match a native run.
 * Each scenario prints return values, errno names and counts: never
 * addresses, tids or timings, so a run under ptsandbox must print
 * exactly what a native run prints.  A test bug or a hang exits 99.
 *
 * Knowing that a thread sleeps in FUTEX_WAIT.  /proc (state, wchan,
 * syscall) would tell where a thread sleeps natively, but an emulated
 * wait sleeps elsewhere (ptsandbox parks it in ppoll), and the state
 * of a sleeping thread is no futex semantics anyway.  The scenarios
 * use futexes alone:
 *   - wait_queued(word, n): FUTEX_CMP_REQUEUE of word onto itself with
 *     nr_wake 0 returns how many waiters word has and moves none (the
 *     kernel leaves a waiter requeued to its own hash chain in place).
 *     It is repeated until it has seen n, which proves that n threads
 *     are queued on word, without waking any or changing their order.
 *     (Moving them to a scratch word and back would not do: a waiter
 *     arriving in between would end up ahead of them.)
 *   - wake_retry(word): FUTEX_WAKE(1) until it returns 1, which proves
 *     one waiter was queued (it wakes it).  Scenario wake_retry uses
 *     only this, so plain wake/wait is tested without requeue.
 * A waiter that is not queued yet is indistinguishable from one that
 * has not called futex yet, so neither probe over-specifies.
 *
 * Scenarios (MODE is private or shared: with or without
 * FUTEX_PRIVATE_FLAG; default private):
 *   errors                 argument checks, EAGAIN, timeouts, each both ways
 *   keys                   private and shared keys of one word, memfd mapped twice
 *   wake MODE              3 waiters: wake(1), wake(INT_MAX), wake(0), wake(-1)
 *   wake_retry MODE        the same, proven by wake_retry alone
 *   fifo MODE              wake(1) wakes the waiters in the order they queued
 *   bitset MODE            FUTEX_WAIT_BITSET / FUTEX_WAKE_BITSET matching
 *   requeue MODE           FUTEX_REQUEUE: wake 1, requeue the rest, wake word2
 *   cmp_requeue MODE       FUTEX_CMP_REQUEUE, the same, and val3 mismatch
 *   requeue_self MODE      CMP_REQUEUE of a word onto itself
 *   requeue_order MODE     requeued waiters keep their order among themselves
 *   wake_op MODE           FUTEX_WAKE_OP: every op, every cmp, waiters on both
 *   no_spurious MODE       a changed word and exiting tasks wake nobody
 *   xproc_shm              MAP_SHARED|MAP_ANONYMOUS word, parent wakes child
 *   xproc_shm_retry        the same, parent retries the wake until it returns 1
 *   xproc_memfd            memfd, child maps it again elsewhere at another offset
 *   xproc_cow              MAP_PRIVATE word after fork: keys differ per process
 *   condvar T N            mutex+condvar ring of T threads, N handoffs
 *   sem                    semaphores: bounded buffer, 2 producers, 2 consumers
 *   sem_xproc N            process-shared semaphores, parent/child ping-pong
 *   barrier T ROUNDS       pthread_barrier_wait
 *   rwlock                 readers and writers on a pthread_rwlock
 *   join                   pthread_join of 50 threads (CLEARTID wakes)
 *   timedlocks             pthread/sem timed waits time out
 *   robust_thread          a thread dies holding a robust mutex: EOWNERDEAD
 *   robust_norecover       the same, unlocked without consistent: ENOTRECOVERABLE
 *   robust_process         a child dies holding a shared robust mutex
 *   robust_kill            the same, the child is SIGKILLed
 *   intr_itimer            SIGALRM (setitimer), handler: EINTR
 *   intr_itimer_restart    SA_RESTART: the untimed wait restarts, a wake returns 0
 *   intr_timed_restart     SA_RESTART, timed FUTEX_WAIT: EINTR all the same
 *   intr_bitset_restart    SA_RESTART, absolute FUTEX_WAIT_BITSET: EINTR
 *   intr_alarm             SIGALRM from alarm(1), handler: EINTR
 *   intr_tgkill            SIGUSR1 from another thread (tgkill): EINTR
 *   intr_tgkill_restart    the same with SA_RESTART: restarts, a wake returns 0
 *   intr_sigchld           SIGCHLD from an exiting child, handler: EINTR
 *   intr_sigchld_dfl       SIGCHLD default (ignored): the wait goes on
 *   intr_sigchld_ign       SIGCHLD SIG_IGN (auto-reap): the wait goes on
 *   stopcont               a child sends SIGSTOP then SIGCONT: the wait goes on
 *   stopcont_timed         the same with a timed wait
 *   stopcont_sub           stopcont in a subprocess of the guest
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sigutil.h"

#define NS_PER_MS 1000000LL

/* ---- helpers ---- */

static long fx(void *uaddr, int op, long val, const void *timeout, void *uaddr2, long val3)
{
	return syscall(SYS_futex, uaddr, op, val, timeout, uaddr2, val3);
}

/* The futex calls whose fourth argument is a count (val2), not a timeout. */
static long fx2(void *uaddr, int op, long val, long val2, void *uaddr2, long val3)
{
	return syscall(SYS_futex, uaddr, op, val, (void *)val2, uaddr2, val3);
}

static long wake(uint32_t *word, int flags, int n)
{
	return fx(word, FUTEX_WAKE | flags, n, NULL, NULL, 0);
}

/* "3" or "-1 EAGAIN". */
static const char *res(long r, int err)
{
	static char buf[64];

	if (r < 0)
		snprintf(buf, sizeof(buf), "-1 %s", errno_name(err));
	else
		snprintf(buf, sizeof(buf), "%ld", r);
	return buf;
}

/* res() of a call's return value, with the errno that call left. */
static const char *rese(long r)
{
	return res(r, errno);
}

static const char *mode_name(int flags)
{
	return flags & FUTEX_PRIVATE_FLAG ? "private" : "shared";
}

static int parse_mode(int argc, char **argv)
{
	if (argc < 3 || !strcmp(argv[2], "private"))
		return FUTEX_PRIVATE_FLAG;
	if (!strcmp(argv[2], "shared"))
		return 0;
	die("mode must be private or shared, not %s", argv[2]);
}

static struct timespec ms_ts(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};

	return ts;
}

/* now + ms on clock. */
static struct timespec abs_ts(clockid_t clock, int ms)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (long)(ms % 1000) * 1000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	return ts;
}

static void *map_anon(size_t len, int prot, int flags)
{
	void *p = mmap(NULL, len, prot, flags | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		die("mmap: %m");
	return p;
}

static void *shared_page(void)
{
	return map_anon(4096, PROT_READ | PROT_WRITE, MAP_SHARED);
}

static void set_word(uint32_t *word, uint32_t v)
{
	__atomic_store_n(word, v, __ATOMIC_SEQ_CST);
}

static uint32_t get_word(const uint32_t *word)
{
	return __atomic_load_n(word, __ATOMIC_SEQ_CST);
}

/* How many tasks wait on word with the given private flag (see the top). */
static long queued(uint32_t *word, int flags)
{
	for (;;) {
		uint32_t v = get_word(word);
		long got = fx2(word, FUTEX_CMP_REQUEUE | flags, 0, INT_MAX, word, v);

		if (got >= 0)
			return got;
		if (errno != EAGAIN)
			die("probe: %m");
	}
}

/* Waits until exactly n tasks wait on word with the given private flag. */
static void wait_queued(uint32_t *word, int flags, int n)
{
	int64_t deadline = mono_ns() + LONG_MS * NS_PER_MS;
	long got;

	while ((got = queued(word, flags)) != n) {
		if (got > n)
			die("%ld waiters queued, expected %d", got, n);
		if (mono_ns() > deadline)
			die("never saw %d waiters (last %ld)", n, got);
		sleep_ms(1);
	}
}

/* wait_queued for a word whose users' private flag is not ours to know. */
static void wait_queued_any(uint32_t *word, int n)
{
	int64_t deadline = mono_ns() + LONG_MS * NS_PER_MS;

	while (queued(word, 0) != n && queued(word, FUTEX_PRIVATE_FLAG) != n) {
		if (mono_ns() > deadline)
			die("never saw %d waiters", n);
		sleep_ms(1);
	}
}

/* FUTEX_WAKE(1) until it wakes one: proves a waiter was queued. */
static void wake_retry(uint32_t *word, int flags)
{
	int64_t deadline = mono_ns() + LONG_MS * NS_PER_MS;
	long r;

	while ((r = wake(word, flags, 1)) == 0) {
		if (mono_ns() > deadline)
			die("no waiter ever woken");
		sleep_ms(1);
	}
	if (r != 1)
		die("wake: %s", res(r, errno));
}

/* ---- waiter threads ---- */

struct waiter {
	pthread_t th;
	int idx;
	uint32_t *word;
	int op;
	uint32_t val;
	uint32_t bitset;
	const struct timespec *ts;
	long ret;
	int err;
};

#define MAXW 8
static struct waiter ws[MAXW];
static int report_pipe[2];

static void *waiter_main(void *arg)
{
	struct waiter *w = arg;
	char b = (char)w->idx;

	errno = 0;
	w->ret = fx(w->word, w->op, w->val, w->ts, NULL, w->bitset);
	w->err = errno;
	if (write(report_pipe[1], &b, 1) != 1)
		die("report: %m");
	return NULL;
}

static void init_reports(void)
{
	if (report_pipe[1] == 0 && pipe2(report_pipe, O_CLOEXEC) < 0)
		die("pipe: %m");
}

/* Starts waiter idx: op (FUTEX_WAIT or FUTEX_WAIT_BITSET, with flags) on word. */
static struct waiter *start_waiter(int idx, uint32_t *word, int op, uint32_t val, uint32_t bitset)
{
	struct waiter *w = &ws[idx];

	init_reports();
	memset(w, 0, sizeof(*w));
	w->idx = idx;
	w->word = word;
	w->op = op;
	w->val = val;
	w->bitset = bitset;
	if (pthread_create(&w->th, NULL, waiter_main, w))
		die("pthread_create");
	return w;
}

/* The index of the next waiter to return (joined). */
static int next_report(void)
{
	struct pollfd p = {.fd = report_pipe[0], .events = POLLIN};
	char b;

	if (poll(&p, 1, LONG_MS) != 1 || read(report_pipe[0], &b, 1) != 1)
		die("no waiter returned");
	pthread_join(ws[(int)b].th, NULL);
	return b;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Reads n reports and prints them in index order, " NAME=RESULT" with
 * NAME from names[idx], for waiters queued in a known order; with names
 * NULL, only the results, sorted: which of several waiters started at
 * once a wake picks depends on the order they happened to queue in.
 */
static void show_reports(int n, const char *names)
{
	bool done[MAXW] = {false};
	char *out[MAXW];
	int k = 0;

	for (int i = 0; i < n; i++)
		done[next_report()] = true;
	for (int i = 0; i < MAXW; i++) {
		if (!done[i])
			continue;
		if (names)
			printf(" %c=%s", names[i], res(ws[i].ret, ws[i].err));
		else
			out[k++] = strdup(res(ws[i].ret, ws[i].err));
	}
	if (!names) {
		qsort(out, (size_t)k, sizeof(out[0]), cmp_str);
		printf(" woken:");
		for (int i = 0; i < k; i++) {
			printf(" %s", out[i]);
			free(out[i]);
		}
	}
	printf("\n");
}

/* ---- errors ---- */

static void check(const char *name, int flags, long r)
{
	int err = errno;

	printf("%-28s %-7s %s\n", name, mode_name(flags), res(r, err));
}

#define CHECK(name, expr)                                                                          \
	do {                                                                                       \
		errno = 0;                                                                         \
		check(name, flags, (expr));                                                        \
	} while (0)

static void errors_with(int flags, char *prot_none, const char *ro)
{
	static uint32_t pair[2];
	uint32_t *w = &pair[0], *w2 = &pair[1];
	struct timespec t20 = ms_ts(20), zero = {0, 0}, bad = {0, 2000000000}, neg = {-1, 0};
	struct timespec t;
	const int any = FUTEX_BITSET_MATCH_ANY;

	set_word(w, 1);
	CHECK("wait value mismatch", fx(w, FUTEX_WAIT | flags, 0, NULL, NULL, 0));
	CHECK("wait_bitset value mismatch", fx(w, FUTEX_WAIT_BITSET | flags, 0, NULL, NULL, any));
	set_word(w, 0xffffffff);
	CHECK("wait u32 -1 vs 0xffffffff", fx(w, FUTEX_WAIT | flags, -1, &zero, NULL, 0));
	set_word(w, 0);
	CHECK("wait relative 20 ms", fx(w, FUTEX_WAIT | flags, 0, &t20, NULL, 0));
	CHECK("wait relative zero", fx(w, FUTEX_WAIT | flags, 0, &zero, NULL, 0));
	t = abs_ts(CLOCK_MONOTONIC, 20);
	CHECK("wait_bitset abs monotonic", fx(w, FUTEX_WAIT_BITSET | flags, 0, &t, NULL, any));
	t = abs_ts(CLOCK_REALTIME, 20);
	CHECK("wait_bitset abs realtime",
	      fx(w, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME | flags, 0, &t, NULL, any));
	CHECK("wait_bitset past monotonic", fx(w, FUTEX_WAIT_BITSET | flags, 0, &zero, NULL, any));
	t.tv_sec = 1;
	t.tv_nsec = 0;
	CHECK("wait_bitset past realtime",
	      fx(w, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME | flags, 0, &t, NULL, any));
	CHECK("wait with clock_realtime",
	      fx(w, FUTEX_WAIT | FUTEX_CLOCK_REALTIME | flags, 0, &t20, NULL, 0));
	CHECK("wake with clock_realtime",
	      fx(w, FUTEX_WAKE | FUTEX_CLOCK_REALTIME | flags, 1, NULL, NULL, 0));
	CHECK("wait_bitset bitset 0", fx(w, FUTEX_WAIT_BITSET | flags, 0, &t20, NULL, 0));
	CHECK("wake_bitset bitset 0", fx(w, FUTEX_WAKE_BITSET | flags, 1, NULL, NULL, 0));
	CHECK("wait unaligned", fx((char *)w + 1, FUTEX_WAIT | flags, 0, &zero, NULL, 0));
	CHECK("wake unaligned", wake((uint32_t *)((char *)w + 2), flags, 1));
	CHECK("wait PROT_NONE", fx(prot_none, FUTEX_WAIT | flags, 0, &zero, NULL, 0));
	CHECK("wake PROT_NONE", wake((uint32_t *)prot_none, flags, 1));
	CHECK("wait NULL", fx(NULL, FUTEX_WAIT | flags, 0, &zero, NULL, 0));
	CHECK("wake NULL", wake(NULL, flags, 1));
	CHECK("wait kernel address", fx((void *)-4096L, FUTEX_WAIT | flags, 0, &zero, NULL, 0));
	CHECK("wake kernel address", wake((void *)-4096L, flags, 1));
	CHECK("wait read-only page", fx((void *)ro, FUTEX_WAIT | flags, 0, &zero, NULL, 0));
	CHECK("wait tv_nsec 2e9", fx(w, FUTEX_WAIT | flags, 0, &bad, NULL, 0));
	set_word(w, 5);
	CHECK("wait tv_nsec 2e9, mismatch", fx(w, FUTEX_WAIT | flags, 0, &bad, NULL, 0));
	set_word(w, 0);
	CHECK("wait tv_sec -1", fx(w, FUTEX_WAIT | flags, 0, &neg, NULL, 0));
	CHECK("wait_bitset tv_nsec 2e9", fx(w, FUTEX_WAIT_BITSET | flags, 0, &bad, NULL, any));
	CHECK("wait timeout PROT_NONE", fx(w, FUTEX_WAIT | flags, 0, prot_none, NULL, 0));
	CHECK("unknown op 99", fx(w, 99 | flags, 0, NULL, NULL, 0));
	CHECK("unknown op 15", fx(w, 15 | flags, 0, NULL, NULL, 0));
	CHECK("wake nobody", wake(w, flags, INT_MAX));
	CHECK("wake_bitset nobody", fx(w, FUTEX_WAKE_BITSET | flags, INT_MAX, NULL, NULL, 1));
	CHECK("cmp_requeue mismatch", fx2(w, FUTEX_CMP_REQUEUE | flags, 1, 1, w2, 7));
	CHECK("cmp_requeue nobody", fx2(w, FUTEX_CMP_REQUEUE | flags, 1, 1, w2, 0));
	CHECK("cmp_requeue nr_wake -1", fx2(w, FUTEX_CMP_REQUEUE | flags, -1, 1, w2, 0));
	CHECK("cmp_requeue nr_requeue -1", fx2(w, FUTEX_CMP_REQUEUE | flags, 1, -1, w2, 0));
	CHECK("cmp_requeue uaddr2 unaligned",
	      fx2(w, FUTEX_CMP_REQUEUE | flags, 1, 1, (char *)w2 + 1, 0));
	CHECK("cmp_requeue uaddr2 PROT_NONE",
	      fx2(w, FUTEX_CMP_REQUEUE | flags, 1, 1, prot_none, 0));
	CHECK("cmp_requeue uaddr PROT_NONE",
	      fx2(prot_none, FUTEX_CMP_REQUEUE | flags, 1, 1, w2, 0));
	CHECK("requeue nobody", fx2(w, FUTEX_REQUEUE | flags, 1, 1, w2, 0));
	set_word(w2, 3);
	CHECK("wake_op bad op 7",
	      fx2(w, FUTEX_WAKE_OP | flags, 1, 1, w2, FUTEX_OP(7, 1, FUTEX_OP_CMP_EQ, 0)));
	printf("%-28s %-7s %u\n", "  word2 after", mode_name(flags), get_word(w2));
	CHECK("wake_op bad cmp 7",
	      fx2(w, FUTEX_WAKE_OP | flags, 1, 1, w2, FUTEX_OP(FUTEX_OP_ADD, 1, 7, 0)));
	printf("%-28s %-7s %u\n", "  word2 after", mode_name(flags), get_word(w2));
	CHECK("wake_op uaddr2 read-only",
	      fx2(w, FUTEX_WAKE_OP | flags, 1, 1, (void *)ro, FUTEX_OP(FUTEX_OP_SET, 1, 0, 0)));
	CHECK("wake_op uaddr2 PROT_NONE",
	      fx2(w, FUTEX_WAKE_OP | flags, 1, 1, prot_none, FUTEX_OP(FUTEX_OP_SET, 1, 0, 0)));
	CHECK("wake_op uaddr2 unaligned",
	      fx2(w, FUTEX_WAKE_OP | flags, 1, 1, (char *)w2 + 1, FUTEX_OP(FUTEX_OP_SET, 1, 0, 0)));
	CHECK("wake_op uaddr PROT_NONE",
	      fx2(prot_none, FUTEX_WAKE_OP | flags, 1, 1, w2, FUTEX_OP(FUTEX_OP_SET, 1, 0, 0)));
	printf("%-28s %-7s %u\n", "  word2 after", mode_name(flags), get_word(w2));
}

static int sc_errors(int argc, char **argv)
{
	char *prot_none = map_anon(4096, PROT_NONE, MAP_PRIVATE);
	const char *ro = map_anon(4096, PROT_READ, MAP_PRIVATE);

	(void)argc;
	(void)argv;
	errors_with(FUTEX_PRIVATE_FLAG, prot_none, ro);
	errors_with(0, prot_none, ro);
	return 0;
}

/* ---- keys ---- */

static int sc_keys(int argc, char **argv)
{
	static uint32_t w;
	uint32_t *a, *b;
	int fd;

	(void)argc;
	(void)argv;
	/* One private word: a private and a shared waiter have different keys. */
	start_waiter(0, &w, FUTEX_WAIT_PRIVATE, 0, 0);
	wait_queued(&w, FUTEX_PRIVATE_FLAG, 1);
	printf("private waiter: shared wake=%ld", wake(&w, 0, INT_MAX));
	printf(" private wake=%ld", wake(&w, FUTEX_PRIVATE_FLAG, INT_MAX));
	show_reports(1, NULL);
	start_waiter(1, &w, FUTEX_WAIT, 0, 0);
	wait_queued(&w, 0, 1);
	printf("shared waiter: private wake=%ld", wake(&w, FUTEX_PRIVATE_FLAG, INT_MAX));
	printf(" shared wake=%ld", wake(&w, 0, INT_MAX));
	show_reports(1, NULL);

	/* One memfd page mapped at two addresses in this process. */
	fd = memfd_create("futexops", MFD_CLOEXEC);
	if (fd < 0 || ftruncate(fd, 4096) < 0)
		die("memfd: %m");
	a = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	b = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (a == MAP_FAILED || b == MAP_FAILED)
		die("mmap: %m");
	printf("memfd twice: distinct addresses=%s\n", a != b ? "yes" : "no");
	start_waiter(2, a, FUTEX_WAIT, 0, 0);
	wait_queued(b, 0, 1);
	printf("memfd shared waiter on A: shared wake on B=%ld", wake(b, 0, INT_MAX));
	show_reports(1, NULL);
	start_waiter(3, a, FUTEX_WAIT_PRIVATE, 0, 0);
	wait_queued(a, FUTEX_PRIVATE_FLAG, 1);
	printf("memfd private waiter on A: private wake on B=%ld",
	       wake(b, FUTEX_PRIVATE_FLAG, INT_MAX));
	printf(" shared wake on B=%ld", wake(b, 0, INT_MAX));
	printf(" private wake on A=%ld", wake(a, FUTEX_PRIVATE_FLAG, INT_MAX));
	show_reports(1, NULL);
	/* A value written through B is what a wait through A compares. */
	set_word(b, 9);
	errno = 0;
	printf("wait on A for 0 after B=9: %s\n", rese(fx(a, FUTEX_WAIT, 0, NULL, NULL, 0)));
	return 0;
}

/* ---- wake counts ---- */

static int sc_wake(int argc, char **argv)
{
	int flags = parse_mode(argc, argv);
	static uint32_t w;

	for (int i = 0; i < 3; i++)
		start_waiter(i, &w, FUTEX_WAIT | flags, 0, 0);
	wait_queued(&w, flags, 3);
	printf("%s: 3 queued\n", mode_name(flags));
	printf("wake(1)=%ld", wake(&w, flags, 1));
	show_reports(1, NULL);
	wait_queued(&w, flags, 2);
	printf("2 still queued\n");
	printf("wake(INT_MAX)=%ld", wake(&w, flags, INT_MAX));
	show_reports(2, NULL);
	printf("wake(INT_MAX) again=%ld\n", wake(&w, flags, INT_MAX));

	/* A count of 0 or less still wakes one (the kernel counts after waking). */
	for (int i = 0; i < 2; i++)
		start_waiter(i, &w, FUTEX_WAIT | flags, 0, 0);
	wait_queued(&w, flags, 2);
	printf("wake(0)=%ld", wake(&w, flags, 0));
	show_reports(1, NULL);
	printf("wake(-1)=%ld", wake(&w, flags, -1));
	show_reports(1, NULL);

	/* Changing the value wakes nobody: the waiters stay until woken. */
	for (int i = 0; i < 2; i++)
		start_waiter(i, &w, FUTEX_WAIT | flags, 0, 0);
	wait_queued(&w, flags, 2);
	set_word(&w, 1);
	wait_queued(&w, flags, 2);
	printf("value changed, 2 still queued; wake(2)=%ld", wake(&w, flags, 2));
	show_reports(2, NULL);
	return 0;
}

static int sc_wake_retry(int argc, char **argv)
{
	int flags = parse_mode(argc, argv);
	static uint32_t w;
	int woken = 0;

	start_waiter(0, &w, FUTEX_WAIT | flags, 0, 0);
	wake_retry(&w, flags);
	printf("%s: one waiter woken by wake(1);", mode_name(flags));
	show_reports(1, NULL);
	printf("nobody left: wake=%ld\n", wake(&w, flags, INT_MAX));
	for (int i = 0; i < 3; i++)
		start_waiter(i, &w, FUTEX_WAIT | flags, 0, 0);
	while (woken < 3) {
		wake_retry(&w, flags);
		woken++;
		next_report();
	}
	printf("3 waiters woken one at a time: results %s %s %s\n", res(ws[0].ret, ws[0].err),
	       res(ws[1].ret, ws[1].err), res(ws[2].ret, ws[2].err));
	printf("nobody left: wake=%ld\n", wake(&w, flags, INT_MAX));
	return 0;
}

static int sc_fifo(int argc, char **argv)
{
	int flags = parse_mode(argc, argv);
	static uint32_t w;

	for (int i = 0; i < 4; i++) {
		start_waiter(i, &w, FUTEX_WAIT | flags, 0, 0);
		wait_queued(&w, flags, i + 1);
	}
	printf("%s: woken in order:", mode_name(flags));
	for (int i = 0; i < 4; i++) {
		long r = wake(&w, flags, 1);

		printf(" %c(%ld)", "abcd"[next_report()], r);
	}
	printf("\n");
	return 0;
}

static int sc_bitset(int argc, char **argv)
{
	int flags = parse_mode(argc, argv);
	static uint32_t w;
	const uint32_t bits[4] = {0x1, 0x2, 0x3, FUTEX_BITSET_MATCH_ANY};

	/* a: 0x1, b: 0x2, c: 0x3, d: plain FUTEX_WAIT (matches any bitset). */
	for (int i = 0; i < 4; i++) {
		start_waiter(i, &w, (i == 3 ? FUTEX_WAIT : FUTEX_WAIT_BITSET) | flags, 0, bits[i]);
		wait_queued(&w, flags, i + 1);
	}
	printf("%s: wake_bitset(INT_MAX, 0x4)=%ld", mode_name(flags),
	       fx(&w, FUTEX_WAKE_BITSET | flags, INT_MAX, NULL, NULL, 0x4));
	show_reports(1, "abcd");
	printf("wake_bitset(INT_MAX, 0x8)=%ld\n",
	       fx(&w, FUTEX_WAKE_BITSET | flags, INT_MAX, NULL, NULL, 0x8));
	wait_queued(&w, flags, 3);
	printf("wake_bitset(1, 0x2)=%ld", fx(&w, FUTEX_WAKE_BITSET | flags, 1, NULL, NULL, 0x2));
	show_reports(1, "abcd");
	printf("wake_bitset(INT_MAX, 0x1)=%ld",
	       fx(&w, FUTEX_WAKE_BITSET | flags, INT_MAX, NULL, NULL, 0x1));
	show_reports(2, "abcd");
	/* Plain FUTEX_WAKE matches every bitset. */
	start_waiter(0, &w, FUTEX_WAIT_BITSET | flags, 0, 0x10);
	wait_queued(&w, flags, 1);
	start_waiter(1, &w, FUTEX_WAIT_BITSET | flags, 0, 0x80000000);
	wait_queued(&w, flags, 2);
	printf("wake(INT_MAX)=%ld", wake(&w, flags, INT_MAX));
	show_reports(2, "ef");
	return 0;
}

/* ---- requeue ---- */

static int requeue_run(int flags, bool cmp)
{
	static uint32_t w1, w2;
	int op = (cmp ? FUTEX_CMP_REQUEUE : FUTEX_REQUEUE) | flags;

	for (int i = 0; i < 4; i++)
		start_waiter(i, &w1, FUTEX_WAIT | flags, 0, 0);
	wait_queued(&w1, flags, 4);
	printf("%s %s:\n", cmp ? "cmp_requeue" : "requeue", mode_name(flags));
	if (cmp) {
		errno = 0;
		printf("val3 mismatch: %s\n", rese(fx2(&w1, op, 1, INT_MAX, &w2, 1)));
		wait_queued(&w1, flags, 4);
		printf("4 still queued on word1\n");
	}
	printf("wake 1 requeue 1: %ld", fx2(&w1, op, 1, 1, &w2, 0));
	show_reports(1, NULL);
	wait_queued(&w1, flags, 2);
	wait_queued(&w2, flags, 1);
	printf("word1 has 2, word2 has 1\n");
	printf("wake 0 requeue INT_MAX: %ld\n", fx2(&w1, op, 0, INT_MAX, &w2, 0));
	printf("wake word1: %ld\n", wake(&w1, flags, INT_MAX));
	printf("wake word2: %ld", wake(&w2, flags, INT_MAX));
	show_reports(3, NULL);
	/* A requeued waiter is not woken by a wake of its old word. */
	start_waiter(0, &w1, FUTEX_WAIT | flags, 0, 0);
	wait_queued(&w1, flags, 1);
	printf("wake 0 requeue 1: %ld; ", fx2(&w1, op, 0, 1, &w2, 0));
	printf("wake word1: %ld; ", wake(&w1, flags, 1));
	printf("private/shared mismatch on word2: %ld; ", wake(&w2, flags ^ FUTEX_PRIVATE_FLAG, 1));
	printf("wake word2: %ld", wake(&w2, flags, 1));
	show_reports(1, NULL);
	return 0;
}

static int sc_requeue(int argc, char **argv)
{
	return requeue_run(parse_mode(argc, argv), false);
}

static int sc_cmp_requeue(int argc, char **argv)
{
	return requeue_run(parse_mode(argc, argv), true);
}

static int sc_requeue_self(int argc, char **argv)
{
	int flags = parse_mode(argc, argv);
	static uint32_t w;

	for (int i = 0; i < 2; i++)
		start_waiter(i, &w, FUTEX_WAIT | flags, 0, 0);
	wait_queued(&w, flags, 2);
	printf("%s: requeue onto itself, wake 0: %ld\n", mode_name(flags),
	       fx2(&w, FUTEX_CMP_REQUEUE | flags, 0, INT_MAX, &w, 0));
	printf("requeue onto itself, wake 1: %ld",
	       fx2(&w, FUTEX_CMP_REQUEUE | flags, 1, INT_MAX, &w, 0));
	show_reports(1, NULL);
	printf("wake: %ld", wake(&w, flags, INT_MAX));
	show_reports(1, NULL);
	return 0;
}

/* Requeued waiters keep their order and go behind the second word's own. */
static int sc_requeue_order(int argc, char **argv)
{
	int flags = parse_mode(argc, argv);
	static uint32_t w1, w2;
	long dwoken = 0;

	for (int i = 0; i < 3; i++) {
		start_waiter(i, &w1, FUTEX_WAIT | flags, 0, 0);
		wait_queued(&w1, flags, i + 1);
	}
	start_waiter(3, &w2, FUTEX_WAIT | flags, 0, 0);
	wait_queued(&w2, flags, 1);
	printf("%s: a b c on word1, d on word2; requeue all: %ld\n", mode_name(flags),
	       fx2(&w1, FUTEX_CMP_REQUEUE | flags, 0, INT_MAX, &w2, 0));
	/*
	 * Where d comes among them depends on the kernel's hash buckets:
	 * if word1 and word2 share one (ASLR decides), the requeue leaves
	 * a b c where they were, ahead of d; otherwise they go behind it.
	 * Only the order of the requeued ones is the kernel's promise.
	 */
	printf("woken from word2, requeued ones in order:");
	for (int i = 0; i < 4; i++) {
		long r = wake(&w2, flags, 1);
		int who = next_report();

		if (who == 3)
			dwoken = r;
		else
			printf(" %c(%ld)", "abc"[who], r);
	}
	printf("; d(%ld)\n", dwoken);
	return 0;
}

/* ---- wake_op ---- */

static const char *const op_names[] = {"SET", "ADD", "OR", "ANDN", "XOR"};
static const char *const cmp_names[] = {"EQ", "NE", "LT", "LE", "GT", "GE"};

static int sc_wake_op(int argc, char **argv)
{
	int flags = parse_mode(argc, argv);
	static uint32_t w1, w2;
	const int opargs[] = {5, -1};

	printf("%s\n", mode_name(flags));
	/* The arithmetic, no waiters: the return is 0, word2 shows the op. */
	for (int op = FUTEX_OP_SET; op <= FUTEX_OP_XOR; op++) {
		for (int k = 0; k < 2; k++) {
			set_word(&w2, 12);
			errno = 0;
			printf("op %-4s %2d: %s", op_names[op], opargs[k],
			       rese(fx2(&w1, FUTEX_WAKE_OP | flags, 1, 1, &w2,
					FUTEX_OP(op, opargs[k], FUTEX_OP_CMP_EQ, 0))));
			printf(" word2=%d", (int)get_word(&w2));
			set_word(&w2, 12);
			fx2(&w1, FUTEX_WAKE_OP | flags, 1, 1, &w2,
			    FUTEX_OP((op | FUTEX_OP_OPARG_SHIFT), 3, FUTEX_OP_CMP_EQ, 0));
			printf(" (oparg 1<<3: word2=%d)\n", (int)get_word(&w2));
		}
	}
	/* The compare: against word2's old value (3), with a waiter on each word. */
	for (int cmp = FUTEX_OP_CMP_EQ; cmp <= FUTEX_OP_CMP_GE; cmp++) {
		printf("cmp %-2s:", cmp_names[cmp]);
		for (int arg = 2; arg <= 4; arg++) {
			set_word(&w1, 0);
			set_word(&w2, 3);
			start_waiter(0, &w1, FUTEX_WAIT | flags, 0, 0);
			start_waiter(1, &w2, FUTEX_WAIT | flags, 3, 0);
			wait_queued(&w1, flags, 1);
			wait_queued(&w2, flags, 1);
			printf(" %d:%ld", arg,
			       fx2(&w1, FUTEX_WAKE_OP | flags, 1, 1, &w2,
				   FUTEX_OP(FUTEX_OP_ADD, 1, cmp, arg)));
			printf("/w2=%u", get_word(&w2));
			/* Whoever is left: wake it and reap both. */
			wake(&w1, flags, 1);
			wake(&w2, flags, 1);
			next_report();
			next_report();
		}
		printf("\n");
	}
	/* Several waiters on both words: nr_wake and nr_wake2 are limits. */
	set_word(&w1, 0);
	set_word(&w2, 0);
	for (int i = 0; i < 3; i++)
		start_waiter(i, &w1, FUTEX_WAIT | flags, 0, 0);
	for (int i = 3; i < 6; i++)
		start_waiter(i, &w2, FUTEX_WAIT | flags, 0, 0);
	wait_queued(&w1, flags, 3);
	wait_queued(&w2, flags, 3);
	printf("3+3 waiters, wake 2 and 1, cmp true: %ld",
	       fx2(&w1, FUTEX_WAKE_OP | flags, 2, 1, &w2,
		   FUTEX_OP(FUTEX_OP_SET, 1, FUTEX_OP_CMP_EQ, 0)));
	show_reports(3, "aaabbb");
	printf("cmp false (word2 is 1, not 0): %ld",
	       fx2(&w1, FUTEX_WAKE_OP | flags, 2, 2, &w2,
		   FUTEX_OP(FUTEX_OP_SET, 2, FUTEX_OP_CMP_EQ, 0)));
	show_reports(1, "aaabbb");
	printf("word2=%u; the rest: %ld", get_word(&w2), wake(&w2, flags, INT_MAX));
	show_reports(2, "aaabbb");
	return 0;
}

/* ---- cross-process ---- */

/* Child exit status for a futex result: 0 for 0, 100+errno for -1. */
static int exit_code(long r, int err)
{
	return r == 0 ? 0 : r < 0 ? 100 + (err & 0x7f) : 99;
}

/*
 * How child pid ended; for a child that reports a futex result as its
 * exit_code() (waiter), that result.
 */
static const char *child_end(pid_t pid, bool waiter)
{
	static char buf[64];
	int st;

	if (waitpid(pid, &st, 0) != pid)
		die("waitpid: %m");
	if (WIFSIGNALED(st))
		snprintf(buf, sizeof(buf), "killed by %s", sig_name(WTERMSIG(st)));
	else if (waiter && WEXITSTATUS(st) == 0)
		snprintf(buf, sizeof(buf), "wait returned 0");
	else if (waiter && WEXITSTATUS(st) >= 100)
		snprintf(buf, sizeof(buf), "wait returned -1 %s",
			 errno_name(WEXITSTATUS(st) - 100));
	else
		snprintf(buf, sizeof(buf), "exit %d", WEXITSTATUS(st));
	return buf;
}

static const char *child_result(pid_t pid)
{
	return child_end(pid, true);
}

static const char *child_exit(pid_t pid)
{
	return child_end(pid, false);
}

static pid_t fork_waiter(uint32_t *word, int flags)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork: %m");
	if (pid == 0) {
		long r = fx(word, FUTEX_WAIT | flags, 0, NULL, NULL, 0);

		_exit(exit_code(r, errno));
	}
	return pid;
}

static int sc_xproc_shm(int argc, char **argv)
{
	uint32_t *word = shared_page();
	pid_t pid = fork_waiter(word, 0);

	(void)argc;
	(void)argv;
	wait_queued(word, 0, 1);
	printf("child queued; private wake=%ld", wake(word, FUTEX_PRIVATE_FLAG, INT_MAX));
	set_word(word, 1);
	printf(" shared wake=%ld;", wake(word, 0, INT_MAX));
	printf(" child: %s\n", child_result(pid));
	return 0;
}

static int sc_xproc_shm_retry(int argc, char **argv)
{
	uint32_t *word = shared_page();
	pid_t pid = fork_waiter(word, 0);

	(void)argc;
	(void)argv;
	wake_retry(word, 0);
	printf("woken by retried wake(1); child: %s\n", child_result(pid));
	return 0;
}

static int sc_xproc_memfd(int argc, char **argv)
{
	int fd = memfd_create("futexops", MFD_CLOEXEC), info[2];
	char *a, *b;
	uint32_t *pw;
	pid_t pid;
	char same;

	(void)argc;
	(void)argv;
	if (fd < 0 || ftruncate(fd, 8192) < 0 || pipe2(info, O_CLOEXEC) < 0)
		die("memfd: %m");
	/* The word is at file offset 4096+8: at a+4104 here, b+8 in the child. */
	a = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (a == MAP_FAILED)
		die("mmap: %m");
	pw = (uint32_t *)(a + 4096 + 8);
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork: %m");
	if (pid == 0) {
		long r;

		b = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 4096);
		if (b == MAP_FAILED)
			_exit(98);
		same = b + 8 == (char *)pw ? 'y' : 'n';
		if (write(info[1], &same, 1) != 1)
			_exit(98);
		r = fx(b + 8, FUTEX_WAIT, 0, NULL, NULL, 0);
		_exit(exit_code(r, errno));
	}
	if (read(info[0], &same, 1) != 1)
		die("child did not map");
	wait_queued(pw, 0, 1);
	printf("child mapped the page at the same address: %s\n", same == 'y' ? "yes" : "no");
	printf("child queued; private wake=%ld", wake(pw, FUTEX_PRIVATE_FLAG, INT_MAX));
	printf(" shared wake=%ld;", wake(pw, 0, INT_MAX));
	printf(" child: %s\n", child_result(pid));
	return 0;
}

/*
 * MAP_PRIVATE memory after fork: the child's page is its own (copy on
 * write), so even a shared futex key names the child's mm.  The parent
 * cannot wake the child; a thread of the child can.
 */
static uint32_t *cow_word;
static int cow_q[2], cow_go[2];

static void *cow_helper(void *arg)
{
	char b;
	long r;

	(void)arg;
	wait_queued(cow_word, 0, 1);
	if (write(cow_q[1], "q", 1) != 1 || read(cow_go[0], &b, 1) != 1)
		_exit(97);
	r = wake(cow_word, 0, INT_MAX);
	if (r != 1)
		_exit(96);
	return NULL;
}

static int sc_xproc_cow(int argc, char **argv)
{
	pid_t pid;
	char b;

	(void)argc;
	(void)argv;
	cow_word = map_anon(4096, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	if (pipe2(cow_q, O_CLOEXEC) < 0 || pipe2(cow_go, O_CLOEXEC) < 0)
		die("pipe: %m");
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork: %m");
	if (pid == 0) {
		pthread_t th;
		long r;

		if (pthread_create(&th, NULL, cow_helper, NULL))
			_exit(95);
		r = fx(cow_word, FUTEX_WAIT, 0, NULL, NULL, 0);
		pthread_join(th, NULL);
		_exit(exit_code(r, errno));
	}
	if (read(cow_q[0], &b, 1) != 1)
		die("child never queued");
	printf("child queued on its copy; parent shared wake=%ld", wake(cow_word, 0, INT_MAX));
	printf(" private wake=%ld", wake(cow_word, FUTEX_PRIVATE_FLAG, INT_MAX));
	if (write(cow_go[1], "g", 1) != 1)
		die("write: %m");
	printf("; woken by its own thread; child: %s\n", child_result(pid));
	return 0;
}

/*
 * A waiter whose word changed without a wake stays queued: the kernel
 * wakes futex waiters only by futex calls, a thread's CLEARTID word and
 * a dying owner's robust list, never because some task exited.  The
 * count is probed once: under an emulation that wakes such waiters at a
 * reap, the child's reap at least is done before waitpid returns.
 */
static void *nothing(void *arg)
{
	return arg;
}

static int sc_no_spurious(int argc, char **argv)
{
	int flags = parse_mode(argc, argv);
	uint32_t *w = shared_page();
	pthread_t th;
	pid_t pid;

	for (int i = 0; i < 2; i++)
		start_waiter(i, w, FUTEX_WAIT | flags, 0, 0);
	wait_queued(w, flags, 2);
	set_word(w, 1);
	if (pthread_create(&th, NULL, nothing, NULL))
		die("pthread_create");
	pthread_join(th, NULL);
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork: %m");
	if (pid == 0)
		_exit(0);
	printf("%s: word changed, a thread and a child exited; child: %s\n", mode_name(flags),
	       child_exit(pid));
	printf("still queued: %ld\n", queued(w, flags));
	printf("wake=%ld", wake(w, flags, INT_MAX));
	show_reports(2, NULL);
	return 0;
}

/* ---- pthread primitives ---- */

#define MAXT 8

static struct {
	pthread_mutex_t mu;
	pthread_cond_t cv[MAXT];
	int nthreads, turn, count, target, done;
	int by[MAXT];
} ring = {.mu = PTHREAD_MUTEX_INITIALIZER};

static void *ring_main(void *arg)
{
	int me = (int)(intptr_t)arg;

	pthread_mutex_lock(&ring.mu);
	for (;;) {
		while (ring.turn != me && !ring.done)
			pthread_cond_wait(&ring.cv[me], &ring.mu);
		if (ring.done)
			break;
		ring.by[me]++;
		if (++ring.count == ring.target) {
			ring.done = 1;
			for (int i = 0; i < ring.nthreads; i++)
				pthread_cond_signal(&ring.cv[i]);
			break;
		}
		ring.turn = (me + 1) % ring.nthreads;
		pthread_cond_signal(&ring.cv[ring.turn]);
	}
	pthread_mutex_unlock(&ring.mu);
	return NULL;
}

static int sc_condvar(int argc, char **argv)
{
	pthread_t th[MAXT];

	ring.nthreads = argc > 2 ? atoi(argv[2]) : 2;
	ring.target = argc > 3 ? atoi(argv[3]) : 20000;
	if (ring.nthreads < 2 || ring.nthreads > MAXT)
		die("2 to %d threads", MAXT);
	for (int i = 0; i < ring.nthreads; i++)
		pthread_cond_init(&ring.cv[i], NULL);
	for (int i = 0; i < ring.nthreads; i++)
		if (pthread_create(&th[i], NULL, ring_main, (void *)(intptr_t)i))
			die("pthread_create");
	for (int i = 0; i < ring.nthreads; i++)
		pthread_join(th[i], NULL);
	printf("%d threads, %d handoffs:", ring.nthreads, ring.count);
	for (int i = 0; i < ring.nthreads; i++)
		printf(" %d", ring.by[i]);
	printf("\n");
	return 0;
}

#define SLOTS	 4
#define PER_PROD 10000
#define NPROD	 2
#define NCONS	 2

static struct {
	sem_t empty, full;
	pthread_mutex_t mu;
	int buf[SLOTS], in, out;
	long sum[NCONS];
	int got[NCONS];
} bb = {.mu = PTHREAD_MUTEX_INITIALIZER};

static void bb_put(int v)
{
	while (sem_wait(&bb.empty) < 0)
		;
	pthread_mutex_lock(&bb.mu);
	bb.buf[bb.in] = v;
	bb.in = (bb.in + 1) % SLOTS;
	pthread_mutex_unlock(&bb.mu);
	sem_post(&bb.full);
}

static int bb_get(void)
{
	int v;

	while (sem_wait(&bb.full) < 0)
		;
	pthread_mutex_lock(&bb.mu);
	v = bb.buf[bb.out];
	bb.out = (bb.out + 1) % SLOTS;
	pthread_mutex_unlock(&bb.mu);
	sem_post(&bb.empty);
	return v;
}

static void *producer(void *arg)
{
	(void)arg;
	for (int v = 1; v <= PER_PROD; v++)
		bb_put(v);
	return NULL;
}

static void *consumer(void *arg)
{
	int me = (int)(intptr_t)arg, v;

	while ((v = bb_get()) > 0) {
		bb.sum[me] += v;
		bb.got[me]++;
	}
	return NULL;
}

static int sc_sem(int argc, char **argv)
{
	pthread_t p[NPROD], c[NCONS];
	long sum = 0;
	int got = 0, val;

	(void)argc;
	(void)argv;
	sem_init(&bb.empty, 0, SLOTS);
	sem_init(&bb.full, 0, 0);
	for (int i = 0; i < NCONS; i++)
		if (pthread_create(&c[i], NULL, consumer, (void *)(intptr_t)i))
			die("pthread_create");
	for (int i = 0; i < NPROD; i++)
		if (pthread_create(&p[i], NULL, producer, NULL))
			die("pthread_create");
	for (int i = 0; i < NPROD; i++)
		pthread_join(p[i], NULL);
	for (int i = 0; i < NCONS; i++)
		bb_put(-1);
	for (int i = 0; i < NCONS; i++) {
		pthread_join(c[i], NULL);
		sum += bb.sum[i];
		got += bb.got[i];
	}
	printf("%d items, sum %ld", got, sum);
	sem_getvalue(&bb.empty, &val);
	printf(", empty=%d", val);
	sem_getvalue(&bb.full, &val);
	printf(" full=%d\n", val);
	return 0;
}

static int sc_sem_xproc(int argc, char **argv)
{
	sem_t *s = shared_page();
	int n = argc > 2 ? atoi(argv[2]) : 5000;
	int *count = (int *)(s + 2);
	pid_t pid;

	if (sem_init(&s[0], 1, 0) < 0 || sem_init(&s[1], 1, 0) < 0)
		die("sem_init: %m");
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork: %m");
	if (pid == 0) {
		for (int i = 0; i < n; i++) {
			while (sem_wait(&s[0]) < 0)
				;
			(*count)++;
			sem_post(&s[1]);
		}
		_exit(0);
	}
	for (int i = 0; i < n; i++) {
		(*count)++;
		sem_post(&s[0]);
		while (sem_wait(&s[1]) < 0)
			;
	}
	printf("%d round trips; child: %s;", n, child_exit(pid));
	printf(" count %d\n", *count);
	return 0;
}

static struct {
	pthread_barrier_t b;
	atomic_int counter, serial, bad;
	int rounds, nthreads;
} bar;

static void *barrier_main(void *arg)
{
	(void)arg;
	for (int r = 0; r < bar.rounds; r++) {
		atomic_fetch_add(&bar.counter, 1);
		if (pthread_barrier_wait(&bar.b) == PTHREAD_BARRIER_SERIAL_THREAD)
			atomic_fetch_add(&bar.serial, 1);
		if (atomic_load(&bar.counter) != (r + 1) * bar.nthreads)
			atomic_fetch_add(&bar.bad, 1);
		if (pthread_barrier_wait(&bar.b) == PTHREAD_BARRIER_SERIAL_THREAD)
			atomic_fetch_add(&bar.serial, 1);
	}
	return NULL;
}

static int sc_barrier(int argc, char **argv)
{
	pthread_t th[MAXT];

	bar.nthreads = argc > 2 ? atoi(argv[2]) : 6;
	bar.rounds = argc > 3 ? atoi(argv[3]) : 2000;
	if (bar.nthreads < 1 || bar.nthreads > MAXT)
		die("1 to %d threads", MAXT);
	pthread_barrier_init(&bar.b, NULL, (unsigned)bar.nthreads);
	for (int i = 0; i < bar.nthreads; i++)
		if (pthread_create(&th[i], NULL, barrier_main, NULL))
			die("pthread_create");
	for (int i = 0; i < bar.nthreads; i++)
		pthread_join(th[i], NULL);
	printf("%d threads, %d rounds: counter=%d serial=%d mismatches=%d\n", bar.nthreads,
	       bar.rounds, atomic_load(&bar.counter), atomic_load(&bar.serial),
	       atomic_load(&bar.bad));
	return 0;
}

static struct {
	pthread_rwlock_t lk;
	long value, reads, writes;
	atomic_int readers_in, overlap;
} rw = {.lk = PTHREAD_RWLOCK_INITIALIZER};

static void *rw_reader(void *arg)
{
	(void)arg;
	for (int i = 0; i < 5000; i++) {
		pthread_rwlock_rdlock(&rw.lk);
		atomic_fetch_add(&rw.readers_in, 1);
		if (rw.value % 2)
			atomic_fetch_add(&rw.overlap, 1);
		atomic_fetch_sub(&rw.readers_in, 1);
		pthread_rwlock_unlock(&rw.lk);
	}
	return NULL;
}

static void *rw_writer(void *arg)
{
	(void)arg;
	for (int i = 0; i < 5000; i++) {
		pthread_rwlock_wrlock(&rw.lk);
		if (atomic_load(&rw.readers_in))
			atomic_fetch_add(&rw.overlap, 1);
		rw.value++; /* odd while a writer holds it */
		sched_yield();
		rw.value++;
		rw.writes++;
		pthread_rwlock_unlock(&rw.lk);
	}
	return NULL;
}

static int sc_rwlock(int argc, char **argv)
{
	pthread_t th[6];

	(void)argc;
	(void)argv;
	for (int i = 0; i < 6; i++)
		if (pthread_create(&th[i], NULL, i < 4 ? rw_reader : rw_writer, NULL))
			die("pthread_create");
	for (int i = 0; i < 6; i++)
		pthread_join(th[i], NULL);
	printf("4 readers, 2 writers: value=%ld writes=%ld overlaps=%d\n", rw.value, rw.writes,
	       atomic_load(&rw.overlap));
	return 0;
}

#define NJOIN 50
static pthread_t chain[NJOIN];
static uint32_t chain_go;
static atomic_int chain_joining;

/* Thread i joins thread i-1 (which is still running), then exits. */
static void *chain_main(void *arg)
{
	intptr_t i = (intptr_t)arg;
	void *prev = (void *)0;

	if (i == 0) {
		while (!get_word(&chain_go))
			fx(&chain_go, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	} else if (atomic_fetch_add(&chain_joining, 1), pthread_join(chain[i - 1], &prev)) {
		return (void *)-1L;
	}
	return (void *)((intptr_t)prev + i);
}

static void *square(void *arg)
{
	intptr_t i = (intptr_t)arg;

	return (void *)(i * i);
}

static int sc_join(int argc, char **argv)
{
	pthread_t th[NJOIN];
	void *ret;
	long sum = 0;

	(void)argc;
	(void)argv;
	for (intptr_t i = 0; i < NJOIN; i++)
		if (pthread_create(&th[i], NULL, square, (void *)i))
			die("pthread_create");
	for (int i = 0; i < NJOIN; i++) {
		pthread_join(th[i], &ret);
		sum += (long)(intptr_t)ret;
	}
	printf("%d threads joined, sum of squares %ld\n", NJOIN, sum);
	/* A chain: every join but the first waits for a thread still running. */
	for (intptr_t i = 0; i < NJOIN; i++)
		if (pthread_create(&chain[i], NULL, chain_main, (void *)i))
			die("pthread_create");
	/*
	 * Thread 0 goes once every other thread is about to join (most of
	 * them then really wait: each waits for the whole chain before it).
	 */
	while (atomic_load(&chain_joining) < NJOIN - 1)
		sleep_ms(1);
	set_word(&chain_go, 1);
	wake(&chain_go, FUTEX_PRIVATE_FLAG, 1);
	pthread_join(chain[NJOIN - 1], &ret);
	printf("chain of %d joins: %ld\n", NJOIN, (long)(intptr_t)ret);
	return 0;
}

static pthread_mutex_t held = PTHREAD_MUTEX_INITIALIZER;
static int hold_locked[2], hold_go[2];

static void *holder(void *arg)
{
	char b;

	(void)arg;
	pthread_mutex_lock(&held);
	if (write(hold_locked[1], "l", 1) != 1 || read(hold_go[0], &b, 1) != 1)
		die("holder: %m");
	pthread_mutex_unlock(&held);
	return NULL;
}

static int sc_timedlocks(int argc, char **argv)
{
	pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t cv = PTHREAD_COND_INITIALIZER, mcv;
	pthread_condattr_t ca;
	pthread_rwlock_t rl = PTHREAD_RWLOCK_INITIALIZER;
	pthread_t th;
	struct timespec t;
	sem_t s;
	char b;
	int r;

	(void)argc;
	(void)argv;
	if (pipe2(hold_locked, O_CLOEXEC) < 0 || pipe2(hold_go, O_CLOEXEC) < 0)
		die("pipe: %m");
	if (pthread_create(&th, NULL, holder, NULL))
		die("pthread_create");
	if (read(hold_locked[0], &b, 1) != 1)
		die("read: %m");
	t = abs_ts(CLOCK_REALTIME, 20);
	printf("mutex_timedlock: %s\n", errno_name(pthread_mutex_timedlock(&held, &t)));
	t = abs_ts(CLOCK_MONOTONIC, 20);
	printf("mutex_clocklock monotonic: %s\n",
	       errno_name(pthread_mutex_clocklock(&held, CLOCK_MONOTONIC, &t)));
	if (write(hold_go[1], "g", 1) != 1)
		die("write: %m");
	pthread_join(th, NULL);

	pthread_mutex_lock(&mu);
	t = abs_ts(CLOCK_REALTIME, 20);
	printf("cond_timedwait: %s\n", errno_name(pthread_cond_timedwait(&cv, &mu, &t)));
	t = abs_ts(CLOCK_MONOTONIC, 20);
	printf("cond_clockwait monotonic: %s\n",
	       errno_name(pthread_cond_clockwait(&cv, &mu, CLOCK_MONOTONIC, &t)));
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&mcv, &ca);
	t = abs_ts(CLOCK_MONOTONIC, 20);
	printf("cond_timedwait (monotonic attr): %s\n",
	       errno_name(pthread_cond_timedwait(&mcv, &mu, &t)));
	t.tv_nsec = 2000000000;
	printf("cond_timedwait bad timespec: %s\n",
	       errno_name(pthread_cond_timedwait(&mcv, &mu, &t)));
	pthread_mutex_unlock(&mu);

	sem_init(&s, 0, 0);
	t = abs_ts(CLOCK_REALTIME, 20);
	r = sem_timedwait(&s, &t);
	printf("sem_timedwait: %d %s\n", r, errno_name(errno));
	t = abs_ts(CLOCK_MONOTONIC, 20);
	r = sem_clockwait(&s, CLOCK_MONOTONIC, &t);
	printf("sem_clockwait monotonic: %d %s\n", r, errno_name(errno));
	r = sem_trywait(&s);
	printf("sem_trywait: %d %s\n", r, errno_name(errno));

	pthread_rwlock_rdlock(&rl);
	t = abs_ts(CLOCK_REALTIME, 20);
	printf("rwlock_timedwrlock under a reader: %s\n",
	       errno_name(pthread_rwlock_timedwrlock(&rl, &t)));
	pthread_rwlock_unlock(&rl);
	return 0;
}

/* ---- robust mutexes ---- */

static pthread_mutex_t *robust;
static int rb_locked[2], rb_die[2];
static bool rb_consistent = true;

static void *robust_owner(void *arg)
{
	char b;

	(void)arg;
	if (pthread_mutex_lock(robust))
		die("owner lock");
	if (write(rb_locked[1], "l", 1) != 1 || read(rb_die[0], &b, 1) != 1)
		die("owner: %m");
	/* Dies holding it. */
	return NULL;
}

struct rb_result {
	int lock, fix, unlock;
};

static void *robust_waiter(void *arg)
{
	struct rb_result *r = arg;

	r->fix = r->unlock = -1;
	r->lock = pthread_mutex_lock(robust);
	if (r->lock == EOWNERDEAD) {
		if (rb_consistent)
			r->fix = pthread_mutex_consistent(robust);
		r->unlock = pthread_mutex_unlock(robust);
	} else if (r->lock == 0) {
		r->unlock = pthread_mutex_unlock(robust);
	}
	return NULL;
}

static const char *rb_str(int e)
{
	return e < 0 ? "-" : e == 0 ? "0" : errno_name(e);
}

static void robust_init(pthread_mutex_t *m, bool pshared)
{
	pthread_mutexattr_t a;

	pthread_mutexattr_init(&a);
	pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
	if (pshared)
		pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
	if (pthread_mutex_init(m, &a))
		die("pthread_mutex_init");
	robust = m;
}

/* The futex word of a glibc mutex. */
static uint32_t *mutex_word(pthread_mutex_t *m)
{
	return (uint32_t *)&m->__data.__lock;
}

static int robust_threads(bool consistent)
{
	static pthread_mutex_t m;
	struct rb_result res[2];
	pthread_t owner, w[2];
	char b;
	int r;

	rb_consistent = consistent;
	robust_init(&m, false);
	if (pipe2(rb_locked, O_CLOEXEC) < 0 || pipe2(rb_die, O_CLOEXEC) < 0)
		die("pipe: %m");
	if (pthread_create(&owner, NULL, robust_owner, NULL))
		die("pthread_create");
	if (read(rb_locked[0], &b, 1) != 1)
		die("owner never locked");
	/* Two waiters, queued one after the other. */
	for (int i = 0; i < 2; i++) {
		if (pthread_create(&w[i], NULL, robust_waiter, &res[i]))
			die("pthread_create");
		wait_queued_any(mutex_word(&m), i + 1);
	}
	if (write(rb_die[1], "d", 1) != 1)
		die("write: %m");
	pthread_join(owner, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(w[i], NULL);
	printf("owner thread died; first waiter: lock=%s consistent=%s unlock=%s\n",
	       rb_str(res[0].lock), rb_str(res[0].fix), rb_str(res[0].unlock));
	printf("second waiter: lock=%s unlock=%s\n", rb_str(res[1].lock), rb_str(res[1].unlock));
	r = pthread_mutex_lock(&m);
	printf("lock afterwards: %s\n", rb_str(r));
	if (r == 0)
		pthread_mutex_unlock(&m);
	return 0;
}

static int sc_robust_thread(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return robust_threads(true);
}

static int sc_robust_norecover(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return robust_threads(false);
}

static int robust_proc(bool kill_it)
{
	pthread_mutex_t *m = shared_page();
	struct rb_result res;
	pid_t pid;
	char b;

	robust_init(m, true);
	if (pipe2(rb_locked, O_CLOEXEC) < 0 || pipe2(rb_die, O_CLOEXEC) < 0)
		die("pipe: %m");
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork: %m");
	if (pid == 0) {
		if (pthread_mutex_lock(m))
			_exit(98);
		if (write(rb_locked[1], "l", 1) != 1 || read(rb_die[0], &b, 1) < 0)
			_exit(98);
		_exit(kill_it ? 97 : 0);
	}
	if (read(rb_locked[0], &b, 1) != 1)
		die("child never locked");
	/* This thread waits; the child dies once it is queued. */
	{
		pthread_t th;

		if (pthread_create(&th, NULL, robust_waiter, &res))
			die("pthread_create");
		wait_queued_any(mutex_word(m), 1);
		if (kill_it)
			kill(pid, SIGKILL);
		else if (write(rb_die[1], "d", 1) != 1)
			die("write: %m");
		pthread_join(th, NULL);
	}
	printf("owner process %s; waiter: lock=%s consistent=%s unlock=%s\n",
	       kill_it ? "killed" : "exited", rb_str(res.lock), rb_str(res.fix),
	       rb_str(res.unlock));
	printf("child: %s\n", child_exit(pid));
	return 0;
}

static int sc_robust_process(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return robust_proc(false);
}

static int sc_robust_kill(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return robust_proc(true);
}

/* ---- interrupted waits ---- */

enum src { S_ITIMER, S_ALARM, S_TGKILL, S_CHILD, S_STOPCONT };

static struct {
	enum src src;
	int sig;
	bool restart; /* SA_RESTART */
	bool handler; /* false: SIG_DFL, or SIG_IGN with ignore */
	bool ignore;
	int timed; /* 0 untimed, 1 relative, 2 absolute bitset */
	pid_t main_tid;
	pid_t child;
	int child_go[2], child_done[2];
} it;

static uint32_t iword;
static atomic_int handled;
static int selfpipe[2];

static void on_sig(int sig)
{
	int saved = errno;
	ssize_t unused;

	(void)sig;
	atomic_fetch_add(&handled, 1);
	unused = write(selfpipe[1], "h", 1);
	(void)unused;
	errno = saved;
}

static void wait_handled(void)
{
	struct pollfd p = {.fd = selfpipe[0], .events = POLLIN};

	if (poll(&p, 1, LONG_MS) != 1)
		die("the handler never ran");
}

/* Whether the process pid is stopped (natively T, under ptrace t). */
static bool proc_stopped(pid_t pid)
{
	char state = proc_state(pid);

	return state == 'T' || state == 't';
}

/*
 * The helper child: on "g", stops its parent with SIGSTOP, waits until
 * it is stopped, continues it with SIGCONT and says "d".  For
 * S_CHILD it just exits 7 on "g".
 */
static void start_child(void)
{
	char b;

	if (pipe2(it.child_go, O_CLOEXEC) < 0 || pipe2(it.child_done, O_CLOEXEC) < 0)
		die("pipe: %m");
	fflush(stdout);
	it.child = fork();
	if (it.child < 0)
		die("fork: %m");
	if (it.child > 0)
		return;
	if (read(it.child_go[0], &b, 1) != 1)
		_exit(98);
	if (it.src == S_STOPCONT) {
		pid_t parent = getppid();
		int64_t deadline = mono_ns() + LONG_MS * NS_PER_MS;

		kill(parent, SIGSTOP);
		while (!proc_stopped(parent)) {
			if (mono_ns() > deadline)
				_exit(96);
			sleep_ms(1);
		}
		kill(parent, SIGCONT);
		if (write(it.child_done[1], "d", 1) != 1)
			_exit(98);
	}
	_exit(7);
}

/* The watcher: once the main thread is queued, the signal comes. */
static void *intr_watcher(void *arg)
{
	struct itimerval iv = {.it_value = {0, 20000}};
	char b;

	(void)arg;
	wait_queued(&iword, FUTEX_PRIVATE_FLAG, 1);
	switch (it.src) {
	case S_ITIMER:
		setitimer(ITIMER_REAL, &iv, NULL);
		break;
	case S_ALARM:
		alarm(1);
		break;
	case S_TGKILL:
		syscall(SYS_tgkill, getpid(), it.main_tid, it.sig);
		break;
	case S_CHILD:
	case S_STOPCONT:
		if (write(it.child_go[1], "g", 1) != 1)
			die("write: %m");
		break;
	}
	/* A signal that must not end the wait: once it is dealt with, wake. */
	if (it.src == S_STOPCONT) {
		if (read(it.child_done[0], &b, 1) != 1)
			die("the stopper child failed");
	} else if (it.src == S_CHILD && !it.handler) {
		/* Ignored: the child's end is all there is to wait for. */
		if (it.ignore) {
			if (read(it.child_done[0], &b, 1) != 0)
				die("the child did not exit");
		} else {
			printf("child reaped by the watcher: %s\n", child_exit(it.child));
			it.child = 0;
		}
	} else if (it.restart && it.timed == 0) {
		wait_handled();
	} else {
		return NULL;
	}
	wait_queued(&iword, FUTEX_PRIVATE_FLAG, 1);
	printf("still queued after the signal; wake=%ld\n", wake(&iword, FUTEX_PRIVATE_FLAG, 1));
	return NULL;
}

static int run_intr(void)
{
	struct sigaction sa;
	struct timespec rel = ms_ts(LONG_MS * 2), abs;
	sigset_t all, old;
	pthread_t th;
	long r;
	int err;

	it.main_tid = sys_gettid();
	if (pipe2(selfpipe, O_CLOEXEC) < 0)
		die("pipe: %m");
	if (it.src == S_CHILD || it.src == S_STOPCONT)
		start_child();
	if (it.src == S_CHILD && it.ignore)
		close(it.child_done[1]);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = it.handler ? on_sig : it.ignore ? SIG_IGN : SIG_DFL;
	sa.sa_flags = it.restart ? SA_RESTART : 0;
	if (it.src != S_STOPCONT && sigaction(it.sig, &sa, NULL) < 0)
		die("sigaction: %m");
	/* The watcher blocks everything: the signal is for the main thread. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_create(&th, NULL, intr_watcher, NULL))
		die("pthread_create");
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	errno = 0;
	if (it.timed == 1) {
		r = fx(&iword, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0);
	} else if (it.timed == 2) {
		abs = abs_ts(CLOCK_MONOTONIC, LONG_MS * 2);
		r = fx(&iword, FUTEX_WAIT_BITSET_PRIVATE, 0, &abs, NULL, FUTEX_BITSET_MATCH_ANY);
	} else {
		r = fx(&iword, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	}
	err = errno;
	pthread_join(th, NULL);
	printf("%s wait, %s %s%s: %s handled=%d\n",
	       it.timed == 2   ? "absolute"
	       : it.timed == 1 ? "timed"
			       : "untimed",
	       sig_name(it.sig),
	       it.src == S_STOPCONT ? "stop+cont"
	       : it.handler	    ? "handler"
	       : it.ignore	    ? "SIG_IGN"
				    : "SIG_DFL",
	       it.restart ? " SA_RESTART" : "", res(r, err), atomic_load(&handled));
	if (it.child > 0)
		printf("child: %s\n",
		       it.src == S_CHILD && it.ignore
			   ? (waitpid(it.child, NULL, 0) < 0 ? errno_name(errno) : "reaped")
			   : child_exit(it.child));
	return 0;
}

static int sc_intr(const char *name)
{
	it.handler = true;
	if (!strncmp(name, "intr_itimer", 11) || !strcmp(name, "intr_timed_restart") ||
	    !strcmp(name, "intr_bitset_restart")) {
		it.src = S_ITIMER;
		it.sig = SIGALRM;
	} else if (!strcmp(name, "intr_alarm")) {
		it.src = S_ALARM;
		it.sig = SIGALRM;
	} else if (!strncmp(name, "intr_tgkill", 11)) {
		it.src = S_TGKILL;
		it.sig = SIGUSR1;
	} else if (!strncmp(name, "intr_sigchld", 12)) {
		it.src = S_CHILD;
		it.sig = SIGCHLD;
		it.handler = !strcmp(name, "intr_sigchld");
		it.ignore = !strcmp(name, "intr_sigchld_ign");
	} else {
		it.src = S_STOPCONT;
		it.sig = SIGSTOP;
		it.handler = false;
		it.timed = !strcmp(name, "stopcont_timed");
	}
	it.restart = strstr(name, "restart") != NULL;
	if (!strcmp(name, "intr_timed_restart"))
		it.timed = 1;
	if (!strcmp(name, "intr_bitset_restart"))
		it.timed = 2;
	return run_intr();
}

/* stopcont in a child process: the guest's main process is not the one stopped. */
static int sc_stopcont_sub(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork: %m");
	if (pid == 0) {
		int r = sc_intr("stopcont");

		fflush(stdout);
		_exit(r);
	}
	printf("subprocess: %s\n", child_exit(pid));
	return 0;
}

/* ---- main ---- */

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
} scenarios[] = {
    {"errors", sc_errors},
    {"keys", sc_keys},
    {"wake", sc_wake},
    {"wake_retry", sc_wake_retry},
    {"fifo", sc_fifo},
    {"bitset", sc_bitset},
    {"requeue", sc_requeue},
    {"cmp_requeue", sc_cmp_requeue},
    {"requeue_self", sc_requeue_self},
    {"requeue_order", sc_requeue_order},
    {"wake_op", sc_wake_op},
    {"no_spurious", sc_no_spurious},
    {"xproc_shm", sc_xproc_shm},
    {"xproc_shm_retry", sc_xproc_shm_retry},
    {"xproc_memfd", sc_xproc_memfd},
    {"xproc_cow", sc_xproc_cow},
    {"condvar", sc_condvar},
    {"sem", sc_sem},
    {"sem_xproc", sc_sem_xproc},
    {"barrier", sc_barrier},
    {"rwlock", sc_rwlock},
    {"join", sc_join},
    {"timedlocks", sc_timedlocks},
    {"robust_thread", sc_robust_thread},
    {"robust_norecover", sc_robust_norecover},
    {"robust_process", sc_robust_process},
    {"robust_kill", sc_robust_kill},
};

int main(int argc, char **argv)
{
	if (argc < 2)
		die("usage: futexops SCENARIO [ARG]...");
	/* A stdout pipe must not make fork duplicate buffered output. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++)
		if (!strcmp(argv[1], scenarios[i].name))
			return scenarios[i].fn(argc, argv);
	if (!strncmp(argv[1], "intr_", 5) || !strcmp(argv[1], "stopcont") ||
	    !strcmp(argv[1], "stopcont_timed"))
		return sc_intr(argv[1]);
	if (!strcmp(argv[1], "stopcont_sub"))
		return sc_stopcont_sub();
	die("unknown scenario %s", argv[1]);
}
