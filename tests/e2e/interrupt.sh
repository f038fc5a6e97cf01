#!/bin/sh
# --interrupt: a signal that lands while a call really waits.  The
# buggy guest (EINTR is fatal) fails under it, in exactly the wait
# when= picks; the correct guest (retries) prints the same as without
# it; the handler runs once per interruption; bad specs are usage
# errors.
. "$TESTLIB"

buggy=$GUESTS/eintr_buggy
retry=$GUESTS/eintr_retry

# interrupted NAME SPEC WANT_RC WANT_STDOUT WANT_STDERR: a run of the buggy
# guest under --interrupt=SPEC.
interrupted() {
	name=$1
	run_capture sandbox "$PTSANDBOX" --interrupt="$2" -- "$buggy" </dev/null
	got_rc=$(cat "$tmp/sandbox.rc")
	got_out=$(cat "$tmp/sandbox.out")
	got_err=$(cat "$tmp/sandbox.err")
	if [ "$got_rc" != "$3" ] || [ "$got_out" != "$4" ] || [ "$got_err" != "$5" ]; then
		not_ok "$name: status $got_rc (want $3)"
		sed 's/^/# stdout: /' "$tmp/sandbox.out"
		sed 's/^/# stderr: /' "$tmp/sandbox.err" | head -5
		return 1
	fi
	ok "$name"
}

nl='
'
# Without --interrupt the bug never shows: as natively.
compare_err "buggy guest, no --interrupt" "$buggy"
compare_err "correct guest, no --interrupt" "$retry"

# glibc's nanosleep() is the clock_nanosleep syscall; name both.
interrupted "buggy guest: the first wait fails (default when=1, SIGALRM)" \
	nanosleep,clock_nanosleep 1 "wait 1: Interrupted system call" "handler ran 1 time"
interrupted "when=2: only the second wait is interrupted" \
	clock_nanosleep:when=2 1 "wait 1 done${nl}wait 2: Interrupted system call" \
	"handler ran 1 time"
interrupted "when=3 with signal=SIGALRM" clock_nanosleep:signal=SIGALRM:when=3 1 \
	"wait 1 done${nl}wait 2 done${nl}wait 3: Interrupted system call" "handler ran 1 time"
interrupted "when=4: no fourth wait, nothing interrupted" clock_nanosleep:when=4 0 \
	"wait 1 done${nl}wait 2 done${nl}wait 3 done${nl}all waits done" "handler ran 0 times"
# A set without the guest's call: nothing happens.
interrupted "a set the guest does not call" poll,%process 0 \
	"wait 1 done${nl}wait 2 done${nl}wait 3 done${nl}all waits done" "handler ran 0 times"

# A signal without a handler acts as natively: SIGUSR1 kills (138).
interrupted "SIGUSR1, no handler: the guest dies of it" clock_nanosleep:USR1:when=2 138 \
	"wait 1 done" ""

# The correct guest: same stdout and status as natively, every wait of
# each kind interrupted once (sleep, poll, waitpid: when=1 per syscall).
run_capture native "$retry" </dev/null
run_capture sandbox "$PTSANDBOX" --interrupt=clock_nanosleep,poll,wait4 -- "$retry" </dev/null
if compare_captured "correct guest under --interrupt: same output"; then
	if [ "$(cat "$tmp/sandbox.err")" = "handler ran 3 times" ]; then
		ok "correct guest: the handler ran once per interruption (3)"
	else
		not_ok "correct guest: $(cat "$tmp/sandbox.err"), want 3 handler runs"
	fi
fi
# when=1..3 on the sleep alone: it resumes twice more, each interrupted.
run_capture sandbox "$PTSANDBOX" --interrupt=clock_nanosleep:when=1..3 -- "$retry" </dev/null
if compare_captured "correct guest, when=1..3: same output"; then
	if [ "$(cat "$tmp/sandbox.err")" = "handler ran 3 times" ]; then
		ok "correct guest, when=1..3: the sleep interrupted 3 times, resumed each time"
	else
		not_ok "correct guest, when=1..3: $(cat "$tmp/sandbox.err"), want 3 handler runs"
	fi
fi

# Usage errors: one "ptsandbox: " line, status 125, the guest not run.
for bad in nosuchcall clock_nanosleep:when=0 clock_nanosleep:when=3..2 \
	clock_nanosleep:SIGNOPE clock_nanosleep:KILL clock_nanosleep:bogus=1 write ''; do
	run_capture sandbox "$PTSANDBOX" --interrupt="$bad" -- "$buggy" </dev/null
	if [ "$(cat "$tmp/sandbox.rc")" = 125 ] && [ -z "$(cat "$tmp/sandbox.out")" ] &&
		[ "$(grep -c '^ptsandbox: ' "$tmp/sandbox.err")" -ge 1 ] &&
		[ "$(grep -vc '^Try ' "$tmp/sandbox.err")" = 1 ]; then
		ok "--interrupt='$bad': usage error"
	else
		not_ok "--interrupt='$bad': status $(cat "$tmp/sandbox.rc")"
		sed 's/^/# stderr: /' "$tmp/sandbox.err" | head -5
	fi
done

finish
