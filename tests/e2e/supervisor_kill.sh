#!/bin/sh
# Signals to the supervisor itself.  SIGKILL: nothing of the guest may
# survive it (PTRACE_O_EXITKILL).  SIGTERM: reaches the guest once,
# with the sender's siginfo, and ptsandbox dies by it as the guest did.
. "$TESTLIB"

bg=
cleanup() {
	[ -n "$bg" ] && kill -KILL $bg 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

# SIGKILL: a guest with a child process and a second thread, all
# blocked; its READY line names the pids to watch.
mkfifo "$tmp/ready"
"$PTSANDBOX" -- "$GUESTS/blocker" "$tmp/ready" tree </dev/null &
bg=$!
pids=$(read_ready "$tmp/ready")
if [ -z "$pids" ]; then
	not_ok "SIGKILL to ptsandbox: the guest never became ready"
else
	kill -KILL $bg
	wait $bg
	rc=$?
	bg=
	# shellcheck disable=SC2086 # two pids, split on purpose
	if [ $rc -eq 137 ] && wait_gone $pids; then
		ok "SIGKILL to ptsandbox: guest and its child are gone"
	else
		not_ok "SIGKILL to ptsandbox: status $rc (want 137), guest pids $pids"
		# shellcheck disable=SC2086
		kill -KILL $pids 2>/dev/null
	fi
fi

# SIGTERM, caught by the guest in an emulated ppoll: the same output
# and status whether the guest or ptsandbox is the one killed.
for how in native sandbox; do
	rm -f "$tmp/ready"
	mkfifo "$tmp/ready"
	if [ $how = native ]; then
		"$GUESTS/blocker" "$tmp/ready" signal $$ >"$tmp/$how.out" 2>"$tmp/$how.err" </dev/null &
	else
		"$PTSANDBOX" -- "$GUESTS/blocker" "$tmp/ready" signal $$ \
			>"$tmp/$how.out" 2>"$tmp/$how.err" </dev/null &
	fi
	bg=$!
	if [ -z "$(read_ready "$tmp/ready")" ]; then
		echo "# $how guest never became ready"
		kill -KILL $bg
	else
		kill -TERM $bg
	fi
	wait $bg
	echo $? >"$tmp/$how.rc"
	bg=
done
compare_captured "SIGTERM to ptsandbox reaches the guest's handler"
finish
