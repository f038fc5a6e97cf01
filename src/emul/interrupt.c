// SPDX-License-Identifier: MIT
/*
 * --interrupt: deliver a signal in the middle of an emulated wait.
 *
 * The point is the window a test on an idle machine never hits: the
 * call has started to wait when the signal comes.  Sending the signal
 * at the seccomp stop (what -e inject=...:signal= does) would make the
 * parking ppoll return before it ever slept.  So a watcher thread waits
 * until the kernel reports the thread asleep in its parking call
 * (/proc/TID/syscall names ppoll(NULL, 0, NULL, ...) and /proc/TID/stat
 * says S) and only then tgkill()s it, as any other process could.  From
 * there the emulation settles the call as for every signal (settle.c's
 * emul_settle): handler, then EINTR or a restart per SA_RESTART.  If the
 * wait ends first (ready, timed out, cancelled), nothing is sent.
 */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "../log.h"
#include "../seccomp_filter.h"
#include "../task.h"
#include "../trace/decode.h"
#include "../trace/inject.h"
#include "interrupt.h"
#include "wait.h"

static struct {
	bool on;
	struct sysset set;
	int sig;
	struct inject_when when;
} cfg;

struct watch {
	struct ewait *ew;
	void (*put)(struct ewait *ew);
	pid_t tgid, tid;
	int sig;
};

/* ":SIG", ":signal=SIG" or ":when=EXPR" */
static int parse_opt(const char *opt)
{
	const char *v = opt;

	if (!strncmp(opt, "when=", 5))
		return inject_parse_when(opt + 5, &cfg.when) ? 0 : -1;
	if (!strncmp(opt, "signal=", 7))
		v = opt + 7;
	cfg.sig = signal_parse(v);
	return cfg.sig >= 1 && cfg.sig < NSIG && cfg.sig != SIGKILL && cfg.sig != SIGSTOP ? 0 : -1;
}

static bool any_emulated(const struct sysset *emulated)
{
	for (long nr = 0; nr < SYSSET_MAX; nr++)
		if (sysset_has(&cfg.set, nr) && sysset_has(emulated, nr) &&
		    !(arch_sysid_flags(nr) & SYSF_OBSERVE))
			return true;
	return false;
}

int interrupt_init(const char *spec, const struct sysset *emulated)
{
	char *copy, *save = NULL, *opt, err[256];
	int rc = -1;

	if (!spec)
		return 0;
	copy = strdup(spec);
	if (!copy)
		return -1;
	cfg.sig = SIGALRM;
	cfg.when = (struct inject_when){.first = 1, .last = 1, .step = 0};
	opt = strtok_r(copy, ":", &save);
	if (!opt || trace_set_parse(opt, &cfg.set, err, sizeof(err)) < 0) {
		psb_error("invalid --interrupt: %s", opt ? err : "empty set");
		goto out;
	}
	while ((opt = strtok_r(NULL, ":", &save))) {
		if (parse_opt(opt) < 0) {
			psb_error("invalid --interrupt argument '%s' in '%s' (SIG, signal=SIG, "
				  "when=FIRST[..LAST][+[STEP]])",
				  opt, spec);
			goto out;
		}
	}
	/* A set without any emulated call would never interrupt anything. */
	if (!any_emulated(emulated)) {
		psb_error("invalid --interrupt: '%s' has no call ptsandbox emulates as a wait",
			  spec);
		goto out;
	}
	cfg.on = true;
	rc = 0;
out:
	free(copy);
	return rc;
}

/* Is this the n-th blocking call of nr by t that when= picks? */
static bool counts(struct task *t, long nr)
{
	if (nr < 0 || nr >= SYSSET_MAX || !sysset_has(&cfg.set, nr))
		return false;
	if (!t->interrupt_counts) {
		t->interrupt_counts = calloc(SYSSET_MAX, sizeof(*t->interrupt_counts));
		if (!t->interrupt_counts)
			return false;
	}
	return inject_when_matches(&cfg.when, ++t->interrupt_counts[nr]);
}

/*
 * Is tid asleep in its parking ppoll?  /proc/TID/syscall gives the call
 * a blocked (or stopped) thread is in, "running" otherwise; state S
 * then tells the sleep from the seccomp stop that set the registers.
 */
static bool asleep_parked(pid_t tid)
{
	char path[64], buf[256];
	unsigned long a0, a1, a2;
	long nr;
	FILE *f;
	bool in_ppoll = false;

	snprintf(path, sizeof(path), "/proc/%d/syscall", (int)tid);
	f = fopen(path, "re");
	if (!f)
		return false;
	if (fgets(buf, sizeof(buf), f) &&
	    sscanf(buf, "%ld 0x%lx 0x%lx 0x%lx", &nr, &a0, &a1, &a2) == 4)
		in_ppoll = nr == arch_sysnr(SYSID_ppoll) && !a0 && !a1 && !a2;
	fclose(f);
	if (!in_ppoll)
		return false;
	return task_run_state(tid) == 'S';
}

static void *watch(void *arg)
{
	struct watch *w = arg;
	struct timespec pause = {0, 20 * 1000};

	/* Polled: no event says "now asleep"; a wait this long is not busy. */
	while (atomic_load(&w->ew->state) == EW_WAITING) {
		if (asleep_parked(w->tid)) {
			if (atomic_load(&w->ew->state) == EW_WAITING &&
			    syscall(SYS_tgkill, w->tgid, w->tid, w->sig) < 0)
				psb_perror("--interrupt: cannot signal thread %d", (int)w->tid);
			break;
		}
		nanosleep(&pause, NULL);
		if (pause.tv_nsec < 2 * 1000 * 1000)
			pause.tv_nsec *= 2;
	}
	w->put(w->ew);
	free(w);
	return NULL;
}

void interrupt_parked(struct task *t, struct ewait *ew, void (*put)(struct ewait *ew))
{
	struct watch *w;
	pthread_attr_t attr;
	pthread_t th;

	if (!cfg.on || !counts(t, ew->nr))
		return;
	w = malloc(sizeof(*w));
	if (!w)
		goto fail;
	*w = (struct watch){ew, put, t->proc->tgid, t->tid, cfg.sig};
	atomic_fetch_add(&ew->refs, 1);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&th, &attr, watch, w)) {
		pthread_attr_destroy(&attr);
		put(ew);
		free(w);
		goto fail;
	}
	pthread_attr_destroy(&attr);
	return;
fail:
	psb_error("--interrupt: cannot watch thread %d's %s", (int)t->tid, ew->ops->name);
}
