#!/bin/sh
# Signal stress: STRESS_COUNT (default 2000) SIGINTs, each sent only once
# the guest acknowledged the previous handler call, while the guest loops
# over the emulated waits and busy spells (tests/guests/sigstress).  The
# count must come out exact (no signal lost, none delivered twice) and
# nothing may hang: a run is cut after STRESS_TIMEOUT seconds (default
# 60, where a good run takes a few), which only a hung run reaches.
# Sent to ptsandbox's pid and to the process group (where ptsandbox
# must drop its own copy of each signal).
. "$TESTLIB"
. "$srcdir/tests/e2e/sigcommon.sh"

n=${STRESS_COUNT:-2000}
limit=${STRESS_TIMEOUT:-60}

for mode in pid pgrp; do
	dopts="--count $n --timeout $limit"
	[ $mode = pgrp ] && dopts="--pgrp $dopts"
	name="$mode: $n SIGINTs, one at a time"
	sig_selected "$name" || continue
	sig_run native "$dopts" "$SIGSTRESS" "$n"
	sig_run sandbox "$dopts" "$PTSANDBOX" -- "$SIGSTRESS" "$n"
	# The native run must reach the exact count, or the test is wrong.
	printf 'handled=%s\nsigdriver: sent %s\n' "$n" "$n" >"$tmp/want.out"
	if ! cmp -s "$tmp/want.out" "$tmp/native.out"; then
		not_ok "$name: the native run itself failed (test bug)"
		sed 's/^/#   native: /' "$tmp/native.out" "$tmp/native.err"
		sig_note_failure "$name (native run)"
		continue
	fi
	sig_judge "$name"
	sed 's/^/#   sandboxed stderr: /' "$tmp/sandbox.err" | head -3
done
sig_finish
