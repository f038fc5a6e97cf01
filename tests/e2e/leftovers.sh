#!/bin/sh
# A program that leaves processes behind (`sleep 5 &`, a daemon):
# natively the shell's wait returns as soon as the program itself has
# exited, and so must ptsandbox's, with the program's status; the
# leftovers run on, still traced (their emulated calls work, none gets
# ENOSYS).  --wait-all waits for them, as ptsandbox used to.
#
# No timing: each leftover blocks on a FIFO that the test writes only
# after ptsandbox has returned, so waiting for it would hang the run
# (cut by the test's timeout, a failure).
. "$TESTLIB"

limit=${PTSANDBOX_TEST_TIMEOUT:-20}
bounded="timeout -s KILL $limit"

# The tracer of a pid: "ptsandbox" when it is traced by ptsandbox.
tracer_of() {
	t=$(sed -n 's/^TracerPid:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null)
	[ -n "$t" ] && [ "$t" != 0 ] && cat "/proc/$t/comm" 2>/dev/null
}

# wait_file FILE: up to 5 s for FILE to have a line (a leftover's result).
wait_file() {
	i=0
	while [ $i -lt 100 ] && ! [ -s "$1" ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ -s "$1" ]
}

# release: let the leftover go on (bounded: a leftover killed meanwhile
# never opens the FIFO).
release() {
	timeout 5 sh -c 'echo go >"$1"' release "$tmp/fifo"
}

# Leftover: blocks on the FIFO, then sleeps (an emulated nanosleep) and
# writes what it read and the sleep's status.
leftover='read x <"$1"; sleep 0.01; echo "got $x, sleep status $?" >"$2"'

for how in native sandbox; do
	rm -f "$tmp/fifo" "$tmp/$how.res" "$tmp/$how.pid"
	mkfifo "$tmp/fifo"
	pre=
	[ $how = sandbox ] && pre="$PTSANDBOX --"
	# shellcheck disable=SC2086 # $pre is empty or two words
	$bounded $pre sh -c "sh -c '$leftover' leftover \"\$1\" \"\$2\" & echo \$! >\"\$3\"; exit 7" \
		main "$tmp/fifo" "$tmp/$how.res" "$tmp/$how.pid" </dev/null
	echo $? >"$tmp/$how.rc"
	pid=$(cat "$tmp/$how.pid")
	[ $how = sandbox ] && echo "$(tracer_of "$pid")" >"$tmp/tracer"
	release
	wait_file "$tmp/$how.res"
done
if [ "$(cat "$tmp/native.rc")" = 7 ] && [ "$(cat "$tmp/sandbox.rc")" = 7 ]; then
	ok "sh -c 'leftover & exit 7': returns at once with status 7"
else
	not_ok "leftover: status native=$(cat "$tmp/native.rc") sandbox=$(cat "$tmp/sandbox.rc") (137: waited for the leftover)"
fi
if [ "$(cat "$tmp/tracer")" = ptsandbox ]; then
	ok "the leftover is still traced by ptsandbox after the main process is gone"
else
	not_ok "leftover's tracer: '$(cat "$tmp/tracer")', want ptsandbox"
fi
if cmp -s "$tmp/native.res" "$tmp/sandbox.res"; then
	ok "the leftover runs on under supervision: $(cat "$tmp/sandbox.res")"
else
	not_ok "leftover's result differs"
	diff "$tmp/native.res" "$tmp/sandbox.res" 2>&1 | sed 's/^/# /'
fi

# The caller's stdout is a pipe: natively $(...) returns once the main
# process is gone, as the leftover holds no copy of it.  A daemon: double
# fork, setsid, output redirected.
daemon='read x <"$1"; sleep 0.01; echo "daemon got $x, sleep status $?" >"$2"'
for how in native sandbox; do
	rm -f "$tmp/fifo" "$tmp/$how.res"
	mkfifo "$tmp/fifo"
	pre=
	[ $how = sandbox ] && pre="$PTSANDBOX --"
	# shellcheck disable=SC2086
	out=$($bounded $pre sh -c "(setsid sh -c '$daemon' daemon \"\$1\" \"\$2\" </dev/null >/dev/null 2>&1 &); echo started" \
		main "$tmp/fifo" "$tmp/$how.res")
	echo "$? $out" >"$tmp/$how.out"
	release
	wait_file "$tmp/$how.res"
done
if cmp -s "$tmp/native.out" "$tmp/sandbox.out" && cmp -s "$tmp/native.res" "$tmp/sandbox.res"; then
	ok "daemon (double fork, setsid, output redirected): \$(...) returns '$(cat "$tmp/sandbox.out")', the daemon runs on"
else
	not_ok "daemon: native '$(cat "$tmp/native.out")' '$(cat "$tmp/native.res")', sandbox '$(cat "$tmp/sandbox.out")' '$(cat "$tmp/sandbox.res")'"
fi

# --timeout bounds the program only, as timeout(1) does: a leftover
# outlives the deadline.  (Waiting past it is the point of the check.)
rm -f "$tmp/fifo" "$tmp/to.res"
mkfifo "$tmp/fifo"
$bounded "$PTSANDBOX" --timeout=0.3 -- sh -c "sh -c '$leftover' leftover \"\$1\" \"\$2\" & exit 0" \
	main "$tmp/fifo" "$tmp/to.res" </dev/null
rc=$?
sleep 1
release
wait_file "$tmp/to.res"
if [ $rc = 0 ] && [ "$(cat "$tmp/to.res")" = "got go, sleep status 0" ]; then
	ok "--timeout: the program's status; the leftover outlives the deadline"
else
	not_ok "--timeout with a leftover: status $rc (want 0), result '$(cat "$tmp/to.res" 2>/dev/null)'"
fi

# --wait-all: ptsandbox returns only after the leftover, with the main
# process's status.
rm -f "$tmp/fifo" "$tmp/wa.res"
mkfifo "$tmp/fifo"
$bounded "$PTSANDBOX" --wait-all -- sh -c "sh -c '$leftover' leftover \"\$1\" \"\$2\" & echo ready >\"\$3\"; exit 5" \
	main "$tmp/fifo" "$tmp/wa.res" "$tmp/wa.ready" </dev/null &
bg=$!
wait_file "$tmp/wa.ready"
# The leftover is blocked on the FIFO: ptsandbox must still be there.
if kill -0 $bg 2>/dev/null; then alive=yes; else alive=no; fi
release
wait $bg
rc=$?
if [ $alive = yes ] && [ $rc = 5 ] && [ -s "$tmp/wa.res" ]; then
	ok "--wait-all: returns after the leftover, with the main process's status 5"
else
	not_ok "--wait-all: alive before the leftover ended: $alive, status $rc (want 5), result '$(cat "$tmp/wa.res" 2>/dev/null)'"
fi
finish
