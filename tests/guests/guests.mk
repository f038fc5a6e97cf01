# Guest programs: small, dependency-free C programs the e2e tests run
# natively and under ptsandbox.
GUEST_PROGS += tests/guests/exit_code
GUEST_CFLAGS = -O1 -g -Wall -Wextra -Werror -pthread
tests_guests_exit_code_CFLAGS = $(GUEST_CFLAGS)
tests_guests_exit_code_LDFLAGS = -pthread

# Crash guests for tests/unit/check_crash.  The configure CFLAGS come
# after these and may re-enable optimisation, so the sources also keep
# every frame the backtrace assertions name (see crash_null.c).
GUEST_PROGS += tests/guests/crash_null
tests_guests_crash_null_CFLAGS = $(GUEST_CFLAGS) -fno-omit-frame-pointer -O0
tests_guests_crash_null_LDFLAGS = -pthread
GUEST_PROGS += tests/guests/crash_ud2
tests_guests_crash_ud2_CFLAGS = $(GUEST_CFLAGS) -fno-omit-frame-pointer -O0
tests_guests_crash_ud2_LDFLAGS = -pthread
GUEST_PROGS += tests/guests/crash_div0
tests_guests_crash_div0_CFLAGS = $(GUEST_CFLAGS) -fno-omit-frame-pointer -O0
tests_guests_crash_div0_LDFLAGS = -pthread
GUEST_PROGS += tests/guests/crash_abort
tests_guests_crash_abort_CFLAGS = $(GUEST_CFLAGS) -fno-omit-frame-pointer -O0
tests_guests_crash_abort_LDFLAGS = -pthread
