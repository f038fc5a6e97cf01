#!/bin/sh
# The watcher (src/emul/watch.c): one thread waits for every parked
# call.  24 sleeps at once on every clock a sleep can use and timed
# futex waits must end in their deadlines' order with their results; a
# poll naming one fd twice ends with the kernel's revents; a signal
# interrupts a long sleep with its *rem.  Then 100 processes sleeping
# at once all end.
. "$TESTLIB"

compare "24 deadlines on five clocks, a poll, an interrupted sleep" "$GUESTS/watchers"
compare "100 processes sleeping at once" \
	sh -c 'i=0; while [ $i -lt 100 ]; do sleep 0.3 & i=$((i + 1)); done; wait; echo all done'
finish
