// SPDX-License-Identifier: MIT
/*
 * The worker pool.  One worker per outstanding wait, so a wait costs
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
#include <sys/eventfd.h>
#include <unistd.h>

#include "../log.h"
#include "wait.h"

#define IDLE_MAX     16
#define WORKER_STACK (128 * 1024)

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t more = PTHREAD_COND_INITIALIZER;
static struct ewait *queue_head, *queue_tail;
static int idle;
static int queued;

static pthread_mutex_t done_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ewait *done_head, *done_tail;
static int done_fd = -1;

static struct ewait *queue_take(void)
{
	struct ewait *ew = queue_head;

	if (ew) {
		queue_head = ew->next;
		if (!queue_head)
			queue_tail = NULL;
		ew->next = NULL;
		queued--;
	}
	return ew;
}

static void *worker_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	for (;;) {
		struct ewait *ew;

		while (!queue_head) {
			if (idle >= IDLE_MAX)
				goto out;
			idle++;
			pthread_cond_wait(&more, &lock);
			idle--;
		}
		ew = queue_take();
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

int workers_init(void)
{
	done_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	return done_fd;
}

void workers_submit(struct ewait *ew)
{
	bool need_thread;

	pthread_mutex_lock(&lock);
	ew->next = NULL;
	if (queue_tail)
		queue_tail->next = ew;
	else
		queue_head = ew;
	queue_tail = ew;
	/* Every queued wait needs its own thread: it may block for good. */
	need_thread = ++queued > idle;
	pthread_cond_signal(&more);
	pthread_mutex_unlock(&lock);
	if (need_thread && spawn_worker() != 0)
		psb_error("cannot start a worker thread; the wait proceeds when one frees up");
}

void completions_push(struct ewait *ew)
{
	uint64_t one = 1;
	ssize_t unused;

	atomic_fetch_add(&ew->refs, 1); /* the queue's reference */
	pthread_mutex_lock(&done_lock);
	ew->next = NULL;
	if (done_tail)
		done_tail->next = ew;
	else
		done_head = ew;
	done_tail = ew;
	pthread_mutex_unlock(&done_lock);
	unused = write(done_fd, &one, sizeof(one));
	(void)unused;
}

struct ewait *completions_pop(void)
{
	struct ewait *ew;

	pthread_mutex_lock(&done_lock);
	ew = done_head;
	if (ew) {
		done_head = ew->next;
		if (!done_head)
			done_tail = NULL;
		ew->next = NULL;
	}
	pthread_mutex_unlock(&done_lock);
	return ew;
}

int completions_fd(void)
{
	return done_fd;
}
