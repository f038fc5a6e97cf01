#!/bin/sh
# Hang reports.  --timeout: a guest hung in a known place is dumped
# (blocked call, backtrace naming the function), killed with all its
# threads and processes, and ptsandbox exits 124 as timeout(1) does.
# --dump-on=USR1: the same dump on demand; the guest goes on untouched.
. "$TESTLIB"

bg=
cleanup() {
	[ -n "$bg" ] && kill -KILL $bg 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

# has NAME FILE PATTERN...: every (grep -E) PATTERN occurs in FILE.
has() {
	name=$1
	file=$2
	shift 2
	for pat in "$@"; do
		if ! grep -Eq -- "$pat" "$file"; then
			not_ok "$name: no '$pat' in the dump"
			sed 's/^/# /' "$file" | head -40
			return 1
		fi
	done
}

# wait_for FILE PATTERN: up to 10 s for PATTERN to appear in FILE.
wait_for() {
	i=0
	while [ $i -lt 200 ]; do
		grep -Eq -- "$2" "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# timed_out MODE PATTERN...: hang MODE under --timeout=1s.
timed_out() {
	mode=$1
	shift
	name="--timeout: $mode"
	pids="$tmp/$mode.pids"
	run_capture "$mode" "$PTSANDBOX" --timeout=1s -- "$GUESTS/hang" "$pids" "$mode" </dev/null
	rc=$(cat "$tmp/$mode.rc")
	if [ "$rc" != 124 ]; then
		not_ok "$name: status $rc, want 124"
		sed 's/^/# stderr: /' "$tmp/$mode.err" | head -20
		return 1
	fi
	has "$name" "$tmp/$mode.err" "$@" || return 1
	# shellcheck disable=SC2046 # one or two pids, split on purpose
	if ! wait_gone $(cat "$pids"); then
		not_ok "$name: a guest process survived ($(cat "$pids"))"
		# shellcheck disable=SC2046
		kill -KILL $(cat "$pids") 2>/dev/null
		return 1
	fi
	ok "$name (status 124, dumped, nothing left)"
}

# line MARKER: the line of hang.c marked "/* line:MARKER */" (-g: each
# frame of the guest ends with its source line, as gdb's bt shows it).
line() {
	grep -n "/\* line:$1 \*/" "$srcdir/tests/guests/hang.c" | cut -d: -f1
}

timed_out sleep '^ptsandbox: timed out after 1 s: dumping 1 guest thread$' \
	'^ptsandbox: thread [0-9]+ \(hang\): (clock_)?nanosleep\(.*tv_sec=3600.* for 1\.[0-9] s <emulated>$' \
	"^    #[0-9]+ 0x[0-9a-f]+ hang_here\\+0x[0-9a-f]+ \\(.*/hang\\) at (.*/)?hang\\.c:$(line nanosleep)\$" \
	"^    #[0-9]+ 0x[0-9a-f]+ main\\+0x[0-9a-f]+ \\(.*/hang\\) at (.*/)?hang\\.c:$(line main-sleep)\$"
timed_out pipe '^ptsandbox: thread [0-9]+ \(hang\): read\([0-9]+, .*<wchan .*>$' \
	'^    #[0-9]+ 0x[0-9a-f]+ read_forever\+0x'
timed_out threads 'dumping 3 guest threads$' \
	'^ptsandbox: thread [0-9]+ \(hang\) of pid [0-9]+: (clock_)?nanosleep\(.*<emulated>$' \
	'^ptsandbox: thread [0-9]+ \(hang\) of pid [0-9]+: read\(' \
	'^ptsandbox: thread [0-9]+ \(hang\): futex\(' \
	'hang_here\+0x' 'read_forever\+0x' '^    #[0-9]+ 0x[0-9a-f]+ main\+0x'
timed_out tree 'dumping 2 guest threads$' \
	'^ptsandbox: thread [0-9]+ \(hang\): wait(4|id)\(.*<emulated>$' \
	'wait_child\+0x' 'hang_here\+0x'

# -o FILE: the dump goes there, stderr stays clean.
run_capture output "$PTSANDBOX" -o "$tmp/dump.txt" --timeout=0.5 -- \
	"$GUESTS/hang" "$tmp/output.pids" sleep </dev/null
if [ "$(cat "$tmp/output.rc")" = 124 ] && [ ! -s "$tmp/output.err" ] &&
	has "--timeout with -o" "$tmp/dump.txt" 'hang_here\+0x'; then
	ok "--timeout with -o: the dump is in the file"
else
	not_ok "--timeout with -o: status $(cat "$tmp/output.rc"), stderr $(head -c 200 "$tmp/output.err")"
fi

# A run shorter than the timeout: the guest's own output and status,
# a death by signal included.
run_capture native sh -c 'echo out; echo err >&2; exit 3' </dev/null
run_capture sandbox "$PTSANDBOX" --timeout=60s -- sh -c 'echo out; echo err >&2; exit 3' </dev/null
compare_captured "--timeout longer than the run: exit 3"
if ! cmp -s "$tmp/native.err" "$tmp/sandbox.err"; then
	not_ok "--timeout longer than the run: stderr differs"
fi
run_capture native sh -c 'kill -TERM $$' </dev/null
run_capture sandbox "$PTSANDBOX" --timeout=1m -- sh -c 'kill -TERM $$' </dev/null
compare_captured "--timeout longer than the run: death by SIGTERM"

# --dump-on=USR1: the guest, blocked in open() of a fifo with a USR1
# handler installed, is dumped; then released, it finishes as natively
# and its handler never ran.
for how in native sandbox; do
	rm -f "$tmp/ready" "$tmp/go"
	mkfifo "$tmp/ready" "$tmp/go"
	set -- "$GUESTS/hang" "$tmp/$how.pids" dumpon "$tmp/ready" "$tmp/go"
	if [ $how = sandbox ]; then
		set -- "$PTSANDBOX" --dump-on=USR1 -- "$@"
	fi
	"$@" >"$tmp/$how.out" 2>"$tmp/$how.err" </dev/null &
	bg=$!
	if [ -z "$(read_ready "$tmp/ready")" ]; then
		not_ok "--dump-on: the $how guest never became ready"
		kill -KILL $bg
	else
		# "ready" is written just before open(): wait until the guest
		# really blocks there, or the dump may catch it in write().
		gpid=$(cut -d' ' -f1 "$tmp/$how.pids")
		n=0
		while [ "$(cat /proc/$gpid/wchan 2>/dev/null)" != wait_for_partner ] &&
			[ $n -lt 1000 ]; do
			sleep 0.01
			n=$((n + 1))
		done
		if [ $how = sandbox ]; then
			kill -USR1 $bg
			wait_for "$tmp/$how.err" 'wait_for_go\+0x' ||
				echo "# no dump after SIGUSR1"
		fi
		timeout 30 sh -c 'echo go >"$1"' sh "$tmp/go"
	fi
	wait $bg
	echo $? >"$tmp/$how.rc"
	bg=
done
if compare_captured "--dump-on=USR1: the guest goes on, its handler does not run" &&
	has "--dump-on=USR1" "$tmp/sandbox.err" '^ptsandbox: SIGUSR1: dumping 1 guest thread$' \
		'^ptsandbox: thread [0-9]+ \(hang\): open(at)?\(.*go.*<wchan' \
		'^    #[0-9]+ 0x[0-9a-f]+ wait_for_go\+0x' 'main\+0x'; then
	ok "--dump-on=USR1: dump of the thread blocked in open()"
fi
grep -q 'handler ran: no' "$tmp/sandbox.out" || not_ok "--dump-on=USR1: unexpected output"

# Bad values: ptsandbox's own usage error.
for arg in --timeout=abc --timeout=-1 --timeout=5x --dump-on=KILL --dump-on=NOPE; do
	expect_status "$arg" 125 "$PTSANDBOX" "$arg" -- true
	head -n 1 "$tmp/sandbox.err" | grep -q '^ptsandbox: ' ||
		not_ok "$arg: no 'ptsandbox: ' message"
done
finish
