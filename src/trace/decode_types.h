/* SPDX-License-Identifier: MIT */
/*
 * The types that the decoder's callers pass in: the guest memory
 * callbacks, the options, and the entry values kept for an exit half.
 * A header of their own, with nothing above it, so that decode.h (the
 * public calls), decode_ext.h (the tracer's line layout) and
 * decode_impl.h (the decoders' internals) share them without including
 * each other.
 */
#ifndef PTSANDBOX_TRACE_DECODE_TYPES_H
#define PTSANDBOX_TRACE_DECODE_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct sysset;

/* Reads len bytes of guest memory at addr; returns bytes read or -1. */
struct trace_mem {
	ssize_t (*read)(void *ctx, uint64_t addr, void *buf, size_t len);
	void *ctx;
	/* -y: what descriptor fd refers to ("/etc/passwd"); NULL: none. */
	ssize_t (*fd_path)(void *ctx, int fd, char *buf, size_t len);
};

struct decode_opts {
	unsigned int strsize;	  /* -s N: string cut length (default 32) */
	unsigned int align;	  /* -a N: the result column; 0: 40 */
	int decode_fds;		  /* -y: descriptors with their paths */
	const struct sysset *raw; /* -e raw=SET: these undecoded, in hex; NULL: none */
	const struct sysset *abbrev; /* -e abbrev=SET, -v: these abbreviated; NULL: all */
	const struct sysset *verbose; /* -e verbose=SET: these dereferenced; NULL: all */
};

/*
 * Values of value-result arguments read at entry (accept's addrlen
 * before the kernel rewrites it), so the exit half can print strace's
 * "[128 => 16]".  The caller keeps one per call in progress.
 */
struct decode_saved {
	uint32_t have; /* bit i: val[i] holds argument i's entry value */
	int32_t val[6];
	bool injected; /* -e inject: the result is injected, the call never ran */
	/* restart_syscall: the name of the call it resumes, set by the caller; NULL: unknown. */
	const char *resumed;
};

#endif
