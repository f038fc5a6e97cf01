/* SPDX-License-Identifier: MIT */
/* What the benchmark guests and their driver (bt) share. */
#ifndef BENCH_H
#define BENCH_H

/* The guests report to the driver on this inherited descriptor. */
#define BENCH_FD 3

enum { REC_READY = 1, REC_TIME = 2 };

struct bench_rec {
	long long type;
	long long value; /* REC_TIME: CLOCK_MONOTONIC in ns */
};

#endif
