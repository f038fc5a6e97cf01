#!/bin/sh
# Real programs and Ctrl-C: python3 sleeping gets KeyboardInterrupt and
# exits the way it does natively (killed by SIGINT, "KeyboardInterrupt"
# last on stderr); sleep(1) dies by SIGINT or SIGTERM like the native
# one.  sleep cannot say when it sleeps: sigdriver --asleep waits until
# a process named sleep in the group sleeps in the kernel.
. "$TESTLIB"
. "$srcdir/tests/e2e/sigcommon.sh"

# last_err_line_matches NAME: same last stderr line natively and sandboxed.
last_err_line_matches() {
	want=$(tail -n 1 "$tmp/native.err")
	got=$(tail -n 1 "$tmp/sandbox.err")
	if [ "$want" = "$got" ]; then
		ok "$1: last stderr line \"$want\""
	else
		not_ok "$1: last stderr line native \"$want\", sandboxed \"$got\""
		sig_note_failure "$1 (stderr)"
	fi
}

for mode in pid pgrp; do
	dopts=
	[ $mode = pgrp ] && dopts=--pgrp
	for sig in INT TERM; do
		sig_compare "$mode SIG$sig sleep 30" "$dopts --sig $sig --asleep sleep" \
			sh -c 'echo READY; exec sleep 30'
	done
done

if ! python=$(command -v python3); then
	# The sleep checks above ran: a failure there still fails.
	[ "$fail" -gt 0 ] && sig_finish
	skip_all "python3 not found: the python checks need it"
fi
# Resolve wrappers (pyenv shims and the like) to the interpreter itself.
python=$("$python" -c 'import sys; print(sys.executable)') || skip_all "python3 does not run"
# Its comm, as /proc/PID/stat shows it (at most 15 characters).
pycomm=$(basename "$python" | cut -c1-15)
for mode in pid pgrp; do
	dopts=
	[ $mode = pgrp ] && dopts=--pgrp
	name="$mode: python3 time.sleep(30) KeyboardInterrupt"
	if sig_compare "$name" "$dopts" \
		"$python" -c 'import sys,time; print("READY",flush=True); time.sleep(30)'; then
		last_err_line_matches "$name"
	fi
	# The handler raises, so select() ends (Python retries it after a
	# handler that returns, PEP 475): exactly one handler call.
	name="$mode: python3 SIGINT handler interrupts select()"
	# READY comes before select() starts: wait until python sleeps in it.
	sig_compare "$name" "$dopts --asleep $pycomm" "$python" -c '
import os, select, signal
class Hit(Exception):
    pass
calls = []
def handler(sig, frame):
    calls.append(sig)
    raise Hit()
signal.signal(signal.SIGINT, handler)
r, w = os.pipe()
try:
    print("READY", flush=True)
    select.select([r], [], [], 30)
    print("select timed out")
except Hit:
    print("handler calls:", len(calls))
'
done
sig_finish
