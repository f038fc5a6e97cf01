// SPDX-License-Identifier: MIT
/*
 * The watcher: one thread waits for every parked call at once.
 *
 * A parked call waits for fds (poll, select, epoll), for a deadline
 * (sleeps, timed futex and signal waits) or both.  The fds, borrowed
 * from the guest, go into one epoll instance; each deadline goes into a
 * heap per clock, whose earliest entry arms that clock's timerfd (an
 * absolute timer, so a deadline on CLOCK_REALTIME follows
 * clock_settime as the kernel's own timer does).  The watcher sleeps in
 * epoll_wait and wakes only when something is due: a wait that ends by
 * a wake or a signal costs the tracer an epoll_ctl or a heap removal
 * and no thread switch, and 10,000 parked calls cost one thread.
 *
 * Both threads change the tables under one lock; the tracer arms and
 * disarms with its own syscalls, which never wake the watcher.  An
 * epoll event names its watch by slot and generation, never by
 * pointer, because the tracer may end the watch while the watcher
 * holds the event.  References to the wait are dropped outside the
 * lock: a family's release takes locks of its own (the futex table).
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "../log.h"
#include "../task.h"
#include "watch.h"

#define NCLOCKS	       5
#define MONO	       1 /* index of CLOCK_MONOTONIC in clocks[] */
#define TIMER_KEY      (1ULL << 63)
#define BACKOFF_MAX_MS 64
#define WATCHER_STACK  (128 * 1024)
#define NSEC_PER_MSEC  1000000LL

static const clockid_t clocks[NCLOCKS] = {
    CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME, CLOCK_REALTIME_ALARM, CLOCK_BOOTTIME_ALARM,
};

struct slot {
	struct ewait *ew; /* NULL: free */
	uint32_t gen;
	int clock; /* heap it is on, -1: none */
	int hpos;
	int64_t when; /* deadline, ns on clocks[clock] */
	/*
	 * Ready, but its thread sits in a ptrace stop and the call is one
	 * that a stop ends with EINTR: retried after backoff_ms (fds no
	 * longer watched), then reported with readiness n.
	 */
	bool deferred;
	int n;
	int backoff_ms;
	int next_free;
};

struct heap {
	int *slot;
	int len, cap;
	int tfd;       /* -1: not created yet */
	int64_t armed; /* the deadline tfd is armed for, 0: none */
};

/* A watch that came due, handled outside the lock. */
struct due {
	struct ewait *ew;
	int n;
	bool deferred;
	int backoff_ms;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct slot *slots;
static int nslots, free_head = -1;
static struct heap heaps[NCLOCKS] = {
    {.tfd = -1}, {.tfd = -1}, {.tfd = -1}, {.tfd = -1}, {.tfd = -1},
};
static int epfd = -1;

static uint64_t fd_key(int i)
{
	return (uint64_t)slots[i].gen << 32 | (uint32_t)i;
}

static int slot_alloc(struct ewait *ew)
{
	int i;

	if (free_head < 0) {
		int n = nslots ? nslots * 2 : 64;
		struct slot *s = realloc(slots, sizeof(*s) * (size_t)n);

		if (!s)
			return -1;
		slots = s;
		for (i = n - 1; i >= nslots; i--) {
			memset(&slots[i], 0, sizeof(slots[i]));
			slots[i].next_free = free_head;
			free_head = i;
		}
		nslots = n;
	}
	i = free_head;
	free_head = slots[i].next_free;
	slots[i].ew = ew;
	slots[i].clock = -1;
	slots[i].deferred = false;
	ew->watch = i + 1;
	return i;
}

static void slot_free(int i)
{
	slots[i].ew->watch = 0;
	slots[i].ew = NULL;
	slots[i].gen = (slots[i].gen + 1) & 0x7fffffff;
	slots[i].next_free = free_head;
	free_head = i;
}

/* --- the deadline heaps --- */

static bool earlier(int a, int b)
{
	return slots[a].when < slots[b].when;
}

static void heap_set(struct heap *h, int pos, int i)
{
	h->slot[pos] = i;
	slots[i].hpos = pos;
}

static void sift_up(struct heap *h, int pos)
{
	int i = h->slot[pos];

	while (pos > 0 && earlier(i, h->slot[(pos - 1) / 2])) {
		heap_set(h, pos, h->slot[(pos - 1) / 2]);
		pos = (pos - 1) / 2;
	}
	heap_set(h, pos, i);
}

static void sift_down(struct heap *h, int pos)
{
	int i = h->slot[pos];

	for (;;) {
		int c = 2 * pos + 1;

		if (c >= h->len)
			break;
		if (c + 1 < h->len && earlier(h->slot[c + 1], h->slot[c]))
			c++;
		if (!earlier(h->slot[c], i))
			break;
		heap_set(h, pos, h->slot[c]);
		pos = c;
	}
	heap_set(h, pos, i);
}

static int heap_timer(int c)
{
	struct epoll_event ev = {.events = EPOLLIN, .data.u64 = TIMER_KEY | (uint64_t)c};
	struct heap *h = &heaps[c];
	int tfd;

	if (h->tfd >= 0)
		return h->tfd;
	tfd = timerfd_create(clocks[c], TFD_CLOEXEC | TFD_NONBLOCK);
	if (tfd < 0)
		return -1;
	if (epoll_ctl(epfd, EPOLL_CTL_ADD, tfd, &ev) < 0) {
		close(tfd);
		return -1;
	}
	h->tfd = tfd;
	return tfd;
}

/*
 * Arm the clock's timer for its earliest deadline if that is earlier
 * than what it is armed for.  A timer armed for a deadline that has
 * left the heap fires for nothing, once: cheaper than a syscall per
 * removal on the hot path (a condvar wait is woken long before its
 * timeout).
 */
static void heap_arm(int c)
{
	struct heap *h = &heaps[c];
	struct itimerspec its = {0};
	int64_t first;

	if (!h->len)
		return;
	first = slots[h->slot[0]].when;
	if (h->armed && h->armed <= first)
		return;
	its.it_value = ns_to_ts(first > 0 ? first : 1);
	if (timerfd_settime(h->tfd, TFD_TIMER_ABSTIME, &its, NULL) == 0)
		h->armed = first;
}

static bool heap_push(int c, int i)
{
	struct heap *h = &heaps[c];

	if (heap_timer(c) < 0)
		return false;
	if (h->len == h->cap) {
		int cap = h->cap ? h->cap * 2 : 64;
		int *s = realloc(h->slot, sizeof(*s) * (size_t)cap);

		if (!s)
			return false;
		h->slot = s;
		h->cap = cap;
	}
	slots[i].clock = c;
	heap_set(h, h->len++, i);
	sift_up(h, h->len - 1);
	heap_arm(c);
	return true;
}

static void heap_remove(int i)
{
	struct heap *h;
	int pos = slots[i].hpos;

	if (slots[i].clock < 0)
		return;
	h = &heaps[slots[i].clock];
	slots[i].clock = -1;
	if (--h->len == pos)
		return;
	heap_set(h, pos, h->slot[h->len]);
	sift_up(h, pos);
	sift_down(h, slots[h->slot[pos]].hpos);
}

/*
 * The heap and absolute deadline for ew's clock.  CLOCK_TAI has no
 * timer of its own; it runs at CLOCK_REALTIME's rate with a fixed
 * offset, so its deadline moves to CLOCK_REALTIME.
 */
static int deadline_of(const struct ewait *ew, int64_t *when)
{
	struct timespec tai, rt;

	*when = ts_to_ns(&ew->deadline);
	if (ew->clock == CLOCK_TAI) {
		clock_gettime(CLOCK_TAI, &tai);
		clock_gettime(CLOCK_REALTIME, &rt);
		*when -= ts_to_ns(&tai) - ts_to_ns(&rt);
		return 0;
	}
	for (int c = 0; c < NCLOCKS; c++)
		if (clocks[c] == ew->clock)
			return c;
	return -1;
}

/* --- watches --- */

static void fds_unwatch(const struct ewait *ew)
{
	for (int k = 0; k < ew->npfds; k++)
		if (ew->pfds[k].fd >= 0)
			epoll_ctl(epfd, EPOLL_CTL_DEL, ew->pfds[k].fd, NULL);
}

/* Lock held: end watch i; its reference passes to the caller. */
static struct ewait *unwatch(int i)
{
	struct ewait *ew = slots[i].ew;

	if (!slots[i].deferred)
		fds_unwatch(ew);
	heap_remove(i);
	slot_free(i);
	return ew;
}

/* What poll() waits for on fd k: every entry of the set naming that fd. */
static uint32_t fd_events(const struct ewait *ew, int k)
{
	uint32_t events = 0;

	for (int j = 0; j < ew->npfds; j++)
		if (ew->pfds[j].fd == ew->pfds[k].fd)
			events |= (uint16_t)ew->pfds[j].events;
	return events;
}

/*
 * Lock held.  Returns 1 if an fd can never wait (a regular file: epoll
 * refuses it, poll calls it ready), -1 on failure, else 0.
 */
static int fds_watch(int i)
{
	struct ewait *ew = slots[i].ew;

	for (int k = 0; k < ew->npfds; k++) {
		struct epoll_event ev = {.data.u64 = fd_key(i)};

		if (ew->pfds[k].fd < 0)
			continue;
		ev.events = fd_events(ew, k);
		if (epoll_ctl(epfd, EPOLL_CTL_ADD, ew->pfds[k].fd, &ev) == 0 || errno == EEXIST)
			continue;
		return errno == EPERM ? 1 : -1;
	}
	return 0;
}

static void *watcher_main(void *arg);

static void watcher_init(void)
{
	pthread_attr_t attr;
	pthread_t th;
	sigset_t all, old;

	epfd = epoll_create1(EPOLL_CLOEXEC);
	if (epfd < 0) {
		psb_perror("cannot create the watcher's epoll instance");
		return;
	}
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&attr, WATCHER_STACK);
	/* Host signals belong to the tracer's signalfd. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_create(&th, &attr, watcher_main, NULL) != 0) {
		psb_error("cannot start the watcher thread; blocking calls run natively");
		close(epfd);
		epfd = -1;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&attr);
}

static void defer(struct ewait *ew, int n, int backoff_ms);

/*
 * ew is due with readiness n (0: its deadline).  A call that a stop
 * ends with EINTR (epoll, rt_sigtimedwait) whose thread sits in a
 * ptrace stop is held back: the thread left its parking ppoll for a
 * signal first, and if that signal is a stop the call must fail with
 * EINTR, which the tracer decides at that stop; publishing now would
 * win that race whenever the tracer was itself stopped meanwhile (a
 * SIGSTOP to the process group stops it too).  The outcome waits
 * until the thread runs again or the tracer cancels.  Consumes the
 * reference.
 */
static void report(struct ewait *ew, int n, int backoff_ms)
{
	if (atomic_load(&ew->state) != EW_WAITING)
		goto out;
	if (ew->ops->eintr_on_stop && task_run_state(ew->tid) == 't') {
		defer(ew, n, backoff_ms);
		return;
	}
	ew->ops->ready(ew, n);
out:
	ewait_put(ew);
}

static void defer(struct ewait *ew, int n, int backoff_ms)
{
	struct timespec now;
	int i;

	clock_gettime(CLOCK_MONOTONIC, &now);
	pthread_mutex_lock(&lock);
	i = slot_alloc(ew);
	if (i >= 0) {
		slots[i].deferred = true;
		slots[i].n = n;
		slots[i].backoff_ms =
		    backoff_ms * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS : backoff_ms * 2;
		slots[i].when = ts_to_ns(&now) + backoff_ms * NSEC_PER_MSEC;
		if (!heap_push(MONO, i)) {
			slot_free(i);
			i = -1;
		}
	}
	pthread_mutex_unlock(&lock);
	if (i < 0) {
		/* No way to wait for the stop to end: report now. */
		if (atomic_load(&ew->state) == EW_WAITING)
			ew->ops->ready(ew, n);
		ewait_put(ew);
	}
}

void watch_start(struct ewait *ew)
{
	int i, c = -1, fds = 0;
	int64_t when = 0;

	pthread_once(&once, watcher_init);
	atomic_fetch_add(&ew->refs, 1); /* the watch's */
	if (epfd < 0)
		goto rerun;
	if (ew->has_deadline && (c = deadline_of(ew, &when)) < 0)
		goto rerun;
	pthread_mutex_lock(&lock);
	i = slot_alloc(ew);
	if (i < 0)
		goto unlock_rerun;
	slots[i].when = when;
	fds = fds_watch(i);
	if (fds < 0 || (ew->has_deadline && !heap_push(c, i))) {
		unwatch(i);
		goto unlock_rerun;
	}
	if (fds > 0) {
		/* Ready now: as the watcher would report it. */
		unwatch(i);
		pthread_mutex_unlock(&lock);
		report(ew, poll(ew->pfds, (nfds_t)ew->npfds, 0), 1);
		return;
	}
	pthread_mutex_unlock(&lock);
	return;
unlock_rerun:
	pthread_mutex_unlock(&lock);
rerun:
	/* Nothing can wait for it here: the guest's own call does. */
	ewait_finish(ew, EW_RERUN, 0);
	ewait_put(ew);
}

void ewait_cancel(struct ewait *ew)
{
	struct ewait *gone = NULL;

	pthread_mutex_lock(&lock);
	if (ew->watch)
		gone = unwatch(ew->watch - 1);
	pthread_mutex_unlock(&lock);
	if (gone)
		ewait_put(gone);
}

/* --- the watcher thread --- */

static struct due *due;
static int ndue, due_cap;

static bool due_add(struct ewait *ew, int n, bool deferred, int backoff_ms)
{
	if (ndue == due_cap) {
		int cap = due_cap ? due_cap * 2 : 64;
		struct due *d = realloc(due, sizeof(*d) * (size_t)cap);

		/* Out of memory: it stays watched and comes due again. */
		if (!d)
			return false;
		due = d;
		due_cap = cap;
	}
	due[ndue++] = (struct due){ew, n, deferred, backoff_ms};
	return true;
}

/* Lock held: every deadline of clock c that has passed comes due. */
static void timer_fired(int c)
{
	struct heap *h = &heaps[c];
	struct timespec now;
	uint64_t ticks;
	ssize_t unused;

	unused = read(h->tfd, &ticks, sizeof(ticks));
	(void)unused;
	h->armed = 0;
	clock_gettime(clocks[c], &now);
	while (h->len && slots[h->slot[0]].when <= ts_to_ns(&now)) {
		struct slot *s = &slots[h->slot[0]];

		if (!due_add(s->ew, s->deferred ? s->n : 0, s->deferred, s->backoff_ms))
			break;
		unwatch(h->slot[0]);
	}
	heap_arm(c);
}

/* Lock held: fds of watch i (if still the same watch) may be ready. */
static void fds_fired(uint64_t key)
{
	int i = (int)(uint32_t)key, n;

	if (i >= nslots || !slots[i].ew || slots[i].gen != (uint32_t)(key >> 32) ||
	    slots[i].deferred)
		return;
	/*
	 * poll() says which entries are ready, as the real call would; the
	 * readiness epoll saw may be gone already (another reader).
	 */
	n = poll(slots[i].ew->pfds, (nfds_t)slots[i].ew->npfds, 0);
	if (n > 0 && due_add(slots[i].ew, n, false, 1))
		unwatch(i);
}

static void *watcher_main(void *arg)
{
	struct epoll_event evs[64];

	(void)arg;
	for (;;) {
		int n = epoll_wait(epfd, evs, 64, -1);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			psb_perror("watcher: epoll_wait");
			return NULL;
		}
		pthread_mutex_lock(&lock);
		for (int k = 0; k < n; k++) {
			if (evs[k].data.u64 & TIMER_KEY)
				timer_fired((int)(evs[k].data.u64 & 0xff));
			else
				fds_fired(evs[k].data.u64);
		}
		pthread_mutex_unlock(&lock);
		for (int k = 0; k < ndue; k++)
			report(due[k].ew, due[k].n, due[k].deferred ? due[k].backoff_ms : 1);
		ndue = 0;
	}
	return NULL;
}
