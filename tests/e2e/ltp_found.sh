#!/bin/sh
# Behaviours LTP's syscall tests (make check-ltp) found ptsandbox did not
# match, each reduced to a small guest run natively and sandboxed: same
# stdout and exit status required.
#   sleep_efault  an interrupted relative sleep whose *rem is unwritable
#                 fails with EFAULT (LTP clock_nanosleep01)
#   timens_sleep  absolute CLOCK_MONOTONIC/BOOTTIME deadlines of a guest in
#                 a time namespace are in the namespace's time (LTP
#                 clock_nanosleep03); skipped without time namespaces
. "$TESTLIB"

compare "sleep_efault" "$GUESTS/sleep_efault"

if "$GUESTS/timens_sleep" >/dev/null 2>&1 || [ $? -ne 77 ]; then
	compare "timens_sleep" "$GUESTS/timens_sleep"
else
	echo "# timens_sleep skipped: no time namespaces here"
fi
finish
