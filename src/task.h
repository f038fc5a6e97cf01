/* SPDX-License-Identifier: MIT */
/*
 * The supervisor's view of the guest: one struct task per traced
 * thread, one struct proc per thread group.  Only the tracer thread
 * touches these (the watcher sees struct ewait only).
 */
#ifndef PTSANDBOX_TASK_H
#define PTSANDBOX_TASK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct ewait;
struct tstate;

struct proc {
	pid_t tgid;
	pid_t ppid; /* real parent's tgid (0: started by us) */
	int nthreads;
	bool exec_done; /* has completed at least one execve */
	int pidfd;	/* for pidfd_getfd; -1 until first needed */
	uint64_t requeued; /* signals we put back while a rerun went first */
	/*
	 * It (or an ancestor) installed a seccomp filter of its own, which
	 * may forbid the ppoll a parked call waits in: no emulation.
	 */
	bool own_seccomp;
	/*
	 * An epoll instance of it (or of an ancestor) was given a file with
	 * EPOLLEXCLUSIVE or a procfs file: its epoll waits look at the
	 * instance's items (emul/epoll.c).
	 */
	bool epoll_special;
	/* The time namespace its deadlines are in (emul/timens.c); 0: not read yet. */
	unsigned long timens_ino;
	int64_t timens_mono_ns, timens_boot_ns;
	struct proc *next;
};

enum task_flags {
	TASK_LISTENING = 1u << 0,    /* in group-stop, resumed with PTRACE_LISTEN */
	TASK_INTERRUPTED = 1u << 1,  /* we sent PTRACE_INTERRUPT, trap pending */
	TASK_STOP_SIGNAL = 1u << 2,  /* resumed with a stop signal: its group-stop is next */
	TASK_SIGWAIT_EXIT = 1u << 3, /* in rt_sigtimedwait, resumed to its exit stop */
	TASK_FUTEX_EXIT = 1u << 4,   /* in a futex wake, resumed to its exit stop */
	TASK_HELD = 1u << 5,	     /* signals blocked until its rerun's entry stop */
	TASK_POLICY_EXIT = 1u << 6,  /* a call whose result the policy wants (policy/hooks.c) */
	TASK_STOP_EFFECT = 1u << 7,  /* parked while its process's stop was overtaken (tracer.c) */
	TASK_JOB_STOP = 1u << 8,     /* TASK_STOP_SIGNAL's signal was sent to the job (jobctl.c) */
	TASK_DETACH = 1u << 8,	     /* ptsandbox -p: detach at its next stop (attach.c) */
};

/* The stops after which the tracer resumes with PTRACE_SYSCALL. */
#define TASK_EXIT_WORK (TASK_SIGWAIT_EXIT | TASK_FUTEX_EXIT | TASK_POLICY_EXIT)

struct task {
	pid_t tid;
	struct proc *proc;
	unsigned int flags;
	struct ewait *wait;	/* emulated blocking syscall in progress */
	long pass_once;		/* let the next seccomp stop of this nr run natively */
	uint64_t sigwait_info;	/* rt_sigtimedwait's siginfo buffer */
	uint64_t real_eintr;	/* signals that really interrupt the native call in progress */
	uint64_t stop_eintr_ip; /* a stop signal ended the call returning here with EINTR */
	uint64_t held_mask;	/* TASK_HELD: the mask to give back */
	unsigned long long stop_id; /* TASK_STOP_SIGNAL: relay_stop_id() of its siginfo, 0: none */
	struct tstate *trace;	/* --trace: the call in progress (trace/tstate.h) */
	struct futex_exit *futex_exit; /* TASK_FUTEX_EXIT: what its exit must add */
	unsigned int *interrupt_counts; /* --interrupt: blocking calls per nr (emul/interrupt.c) */
	struct task *hnext;
};

struct task *task_find(pid_t tid);
/* Create the task (and its proc if tgid is new). */
struct task *task_add(pid_t tid, pid_t tgid, pid_t ppid);
void task_remove(struct task *t);
/*
 * What the layers above keep per task is freed by release, called by
 * task_remove() first (trace/session.c registers its state's).
 */
void task_set_release(void (*release)(struct task *t));
/* We reaped tid (its exit status); remembered for a while. */
void task_note_reaped(pid_t tid);
bool task_was_reaped(pid_t tid);
/* execve from a non-leader thread: the thread takes the leader's tid. */
struct task *task_exec_rename(pid_t former_tid, pid_t leader);
int task_count(void);

struct proc *proc_find(pid_t tgid);
struct proc *proc_first(void);

/* The proc's pidfd, opened on first use; -1 on failure. */
int proc_pidfd(struct proc *p);

/* Calls fn for every live task; fn may not add or remove tasks. */
void task_for_each(void (*fn)(struct task *t, void *arg), void *arg);

/* The Tgid and PPid of a thread, read from /proc (0 on failure). */
int proc_read_ids(pid_t tid, pid_t *tgid, pid_t *ppid);

/* A thread's state letter in /proc/TID/stat ('S', 't', ...), 0 if unreadable. */
char task_run_state(pid_t tid);
/* The CPU thread tid last ran on (/proc/TID/stat's field 39); -1 if unknown. */
int task_last_cpu(pid_t tid);
/* The first line of the small file /proc/TID/NAME, without its newline; "" when unreadable. */
void proc_read_line(pid_t tid, const char *name, char *buf, size_t len);

#endif
