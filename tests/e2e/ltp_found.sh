#!/bin/sh
# Behaviours LTP's syscall tests (make check-ltp) found ptsandbox did not
# match, each reduced to a small guest run natively and sandboxed: same
# stdout and exit status required.
#   sleep_efault  an interrupted relative sleep whose *rem is unwritable
#                 fails with EFAULT (LTP clock_nanosleep01)
. "$TESTLIB"

compare "sleep_efault" "$GUESTS/sleep_efault"
finish
