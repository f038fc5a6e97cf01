// SPDX-License-Identifier: MIT
/*
 * signal_death MODE [SIG]: die by a signal, the way MODE says.
 *
 *   segv           write through a null pointer (SIGSEGV)
 *   abort          abort() (SIGABRT)
 *   kill SIG       kill(getpid(), SIG)
 *   raise SIG      raise(SIG), a thread-directed signal
 *   thread-segv    a second thread faults while main waits in pthread_join
 *   thread-kill SIG  a second thread sends SIG to the process
 *
 * The test compares the exit status ($? = 128+SIG) natively and
 * sandboxed.  No core is dumped: that would only be slow and litter.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static int sig_arg;

/* Whatever the caller's disposition and mask, the default action applies. */
static void make_fatal(int sig)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t set;

	sigaction(sig, &dfl, NULL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static void segv(void)
{
	volatile int *volatile p = NULL;

	make_fatal(SIGSEGV);
	*p = 1;
}

static void *thread_segv(void *arg)
{
	(void)arg;
	segv();
	return NULL;
}

static void *thread_kill(void *arg)
{
	(void)arg;
	kill(getpid(), sig_arg);
	return NULL;
}

/* The main thread blocks in pthread_join; the process dies meanwhile. */
static void in_thread(void *(*fn)(void *))
{
	pthread_t t;

	if (pthread_create(&t, NULL, fn, NULL) != 0)
		exit(1);
	pthread_join(t, NULL);
	/* thread-kill: the signal may arrive just after the join */
	for (;;)
		pause();
}

int main(int argc, char **argv)
{
	struct rlimit nocore = { 0, 0 };
	const char *mode = argc > 1 ? argv[1] : "segv";

	sig_arg = argc > 2 ? atoi(argv[2]) : SIGTERM;
	setrlimit(RLIMIT_CORE, &nocore);
	printf("dying: %s %d\n", mode, sig_arg);
	fflush(stdout);
	if (strcmp(mode, "segv") == 0) {
		segv();
	} else if (strcmp(mode, "abort") == 0) {
		abort();
	} else if (strcmp(mode, "kill") == 0) {
		make_fatal(sig_arg);
		kill(getpid(), sig_arg);
	} else if (strcmp(mode, "raise") == 0) {
		make_fatal(sig_arg);
		raise(sig_arg);
	} else if (strcmp(mode, "thread-segv") == 0) {
		in_thread(thread_segv);
	} else if (strcmp(mode, "thread-kill") == 0) {
		make_fatal(sig_arg);
		in_thread(thread_kill);
	}
	/* Survived (an ignored or stopping signal, or a bad mode). */
	printf("still alive\n");
	return 3;
}
