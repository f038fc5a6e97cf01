// SPDX-License-Identifier: MIT
/*
 * The worker side of an emulated wait: the pool and its work queue,
 * and the blocking primitives the families' work bodies use (poll the
 * awaited fds, sleep on a timerfd), each woken early by the wait's
 * cancel eventfd.  One worker per outstanding wait, so a wait costs
 * a blocked thread and nothing else: no CPU while it waits, and 1,000
 * concurrent waits are 1,000 small-stack threads.  Idle workers are
 * kept (up to IDLE_MAX) so a call that blocks does not pay for
 * thread creation; the rest exit.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <poll.h>
#include <string.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "../log.h"
#include "../task.h"
#include "wait.h"
#include "workers.h"

#define IDLE_MAX     16
#define WORKER_STACK (128 * 1024)

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t more = PTHREAD_COND_INITIALIZER;
static struct ewait_queue queue;
static int idle;

static void *worker_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	for (;;) {
		struct ewait *ew;

		while (!queue.head) {
			if (idle >= IDLE_MAX)
				goto out;
			idle++;
			pthread_cond_wait(&more, &lock);
			idle--;
		}
		ew = ewait_queue_pop(&queue);
		pthread_mutex_unlock(&lock);
		ew->ops->work(ew);
		ewait_put(ew); /* the worker's reference */
		pthread_mutex_lock(&lock);
	}
out:
	pthread_mutex_unlock(&lock);
	return NULL;
}

static int spawn_worker(void)
{
	pthread_attr_t attr;
	pthread_t th;
	sigset_t all, old;
	int err;

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&attr, WORKER_STACK);
	/* Host signals belong to the tracer's signalfd, never to a worker. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = pthread_create(&th, &attr, worker_main, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&attr);
	return err;
}

void workers_submit(struct ewait *ew)
{
	bool need_thread;

	pthread_mutex_lock(&lock);
	/* Every queued wait needs its own thread: it may block for good. */
	need_thread = ewait_queue_push(&queue, ew) > idle;
	pthread_cond_signal(&more);
	pthread_mutex_unlock(&lock);
	if (need_thread && spawn_worker() != 0)
		psb_error("cannot start a worker thread; the wait proceeds when one frees up");
}

/* Is tid in a ptrace stop ("t" in /proc/TID/stat)? */
static bool in_trace_stop(pid_t tid)
{
	return task_run_state(tid) == 't';
}

/*
 * A call that a stop ends with EINTR (epoll, rt_sigtimedwait) is ready
 * or timed out while its thread sits in a ptrace stop: the thread left
 * its parking ppoll for a signal first, and if that signal is a stop,
 * the call must fail with EINTR, which the tracer decides at that stop.
 * Publishing now would win that race whenever the tracer was itself
 * stopped meanwhile (a SIGSTOP to the process group stops it too, and
 * its workers).  So the outcome waits until the thread runs again or
 * the tracer cancels; the stop is the tracer's to answer, in
 * microseconds unless it is a job-control stop, which cancels.
 * Returns false if cancelled.
 */
static bool wait_out_stop(struct ewait *ew)
{
	struct pollfd pfd = {.fd = ew->cancel_fd, .events = POLLIN};
	int ms = 1;

	while (in_trace_stop(ew->tid)) {
		if (poll(&pfd, 1, ms) > 0)
			return false;
		if (ms < 64)
			ms *= 2;
	}
	return true;
}

int ewait_poll(struct ewait *ew)
{
	struct pollfd *all = calloc((size_t)ew->npfds + 1, sizeof(*all));
	int n = -1;

	if (!all)
		return -1;
	/*
	 * The eventfd sits in the same poll set as the awaited objects: a
	 * cancel written before poll() starts is still readable when it
	 * does, so no interruption is lost between check and sleep.
	 */
	all[0].fd = ew->cancel_fd;
	all[0].events = POLLIN;
	/* A wait for a timeout alone (rt_sigtimedwait) has no fds at all. */
	if (ew->npfds)
		memcpy(all + 1, ew->pfds, sizeof(*all) * (size_t)ew->npfds);
	for (;;) {
		struct timespec left, *tsp = NULL;

		if (ew->has_deadline) {
			left = ns_to_ts(ewait_remaining_ns(ew));
			tsp = &left;
		}
		n = ppoll(all, (nfds_t)ew->npfds + 1, tsp, NULL);
		if (n < 0 && errno == EINTR)
			continue;
		/* Woke before the deadline (a clock was set back): sleep on. */
		if (n == 0 && ewait_remaining_ns(ew) > 0)
			continue;
		break;
	}
	if (n > 0 && all[0].revents)
		n = -1; /* cancelled */
	if (n >= 0 && ew->ops->eintr_on_stop && !wait_out_stop(ew))
		n = -1;
	if (n > 0 && ew->npfds)
		memcpy(ew->pfds, all + 1, sizeof(*all) * (size_t)ew->npfds);
	free(all);
	return n;
}

int ewait_sleep_until(struct ewait *ew, clockid_t clock, const struct timespec *deadline)
{
	struct itimerspec its = {.it_value = *deadline};
	struct pollfd pfd[2];
	int tfd = timerfd_create(clock, TFD_CLOEXEC);
	int ret = -1;

	if (tfd < 0 || timerfd_settime(tfd, TFD_TIMER_ABSTIME, &its, NULL) < 0)
		goto out;
	pfd[0].fd = ew->cancel_fd;
	pfd[0].events = POLLIN;
	pfd[1].fd = tfd;
	pfd[1].events = POLLIN;
	while (poll(pfd, 2, -1) < 0 && errno == EINTR)
		;
	ret = pfd[0].revents ? 0 : 1;
out:
	if (tfd >= 0)
		close(tfd);
	return ret;
}
