# Benchmarks: `make bench` builds the programs below (only then) and
# runs bench/run, which prints tables of medians and ratios.  Nothing
# here is timed by `make check`.

BENCH_CPPFLAGS = -D_GNU_SOURCE
BENCH_CFLAGS = $(WARN_CFLAGS) -Wunused-parameter -O2 -pthread

BENCH_PROGS = bench/bt bench/getppid bench/sleeploop bench/sigguest bench/waiters \
	bench/seccomp_floor bench/futexpp bench/forkexec bench/condvar
EXTRA_PROGRAMS = $(BENCH_PROGS)
CLEANFILES = $(BENCH_PROGS)

bench_bt_SOURCES = bench/bt.c bench/bench.h
bench_bt_CPPFLAGS = $(BENCH_CPPFLAGS)
bench_bt_CFLAGS = $(BENCH_CFLAGS)
bench_getppid_SOURCES = bench/getppid.c
bench_getppid_CPPFLAGS = $(BENCH_CPPFLAGS)
bench_getppid_CFLAGS = $(BENCH_CFLAGS)
bench_sleeploop_SOURCES = bench/sleeploop.c
bench_sleeploop_CPPFLAGS = $(BENCH_CPPFLAGS)
bench_sleeploop_CFLAGS = $(BENCH_CFLAGS)
bench_sigguest_SOURCES = bench/sigguest.c bench/bench.h
bench_sigguest_CPPFLAGS = $(BENCH_CPPFLAGS)
bench_sigguest_CFLAGS = $(BENCH_CFLAGS)
bench_waiters_SOURCES = bench/waiters.c bench/bench.h
bench_waiters_CPPFLAGS = $(BENCH_CPPFLAGS)
bench_waiters_CFLAGS = $(BENCH_CFLAGS)
bench_waiters_LDFLAGS = -pthread
bench_seccomp_floor_SOURCES = bench/seccomp_floor.c
bench_seccomp_floor_CPPFLAGS = $(BENCH_CPPFLAGS)
bench_seccomp_floor_CFLAGS = $(BENCH_CFLAGS)
bench_forkexec_SOURCES = bench/forkexec.c
bench_forkexec_CPPFLAGS = $(BENCH_CPPFLAGS)
bench_forkexec_CFLAGS = $(BENCH_CFLAGS)

bench_futexpp_SOURCES = bench/futexpp.c
bench_futexpp_CPPFLAGS = $(BENCH_CPPFLAGS)
bench_futexpp_CFLAGS = $(BENCH_CFLAGS)
bench_futexpp_LDFLAGS = -pthread

bench_condvar_SOURCES = bench/condvar.c
bench_condvar_CPPFLAGS = $(BENCH_CPPFLAGS)
bench_condvar_CFLAGS = $(BENCH_CFLAGS)
bench_condvar_LDFLAGS = -pthread

EXTRA_DIST += bench/run bench/README bench/bench.mk bench/strace_match

bench-programs: $(BENCH_PROGS)

bench: all bench-programs
	$(SHELL) $(srcdir)/bench/run $(top_builddir)/src/ptsandbox $(top_builddir)/bench

.PHONY: bench bench-programs
