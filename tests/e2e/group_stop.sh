#!/bin/sh
# Job control inside the guest: a parent sees its child stop (SIGSTOP),
# continue (SIGCONT) and exit, through waitpid, as natively.
. "$TESTLIB"

for mode in self threads external external-poll external-sleep; do
	compare "group-stop: $mode" "$GUESTS/group_stop" "$mode"
done
finish
