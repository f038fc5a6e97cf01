# Guest programs: small, dependency-free C programs the e2e tests run
# natively and under ptsandbox.
GUEST_PROGS += tests/guests/exit_code
GUEST_CFLAGS = -O1 -g -Wall -Wextra -Werror -pthread
tests_guests_exit_code_CFLAGS = $(GUEST_CFLAGS)
tests_guests_exit_code_LDFLAGS = -pthread
