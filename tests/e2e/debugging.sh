#!/bin/sh
# ptsandbox as a debugging aid gets out of the way: crash reports only
# for the main process by default (--crash-report), -o alone traces as
# strace -o does, --timeout-status, and a note when the guest's own
# ptrace is refused.
. "$TESTLIB"

# A grandchild that aborts on purpose (as CPython's test_subprocess
# does): the program's stderr is what it is natively.
prog="$GUESTS/crash_abort; echo child status \$?"
run_capture native sh -c "$prog" </dev/null
run_capture sandbox "$PTSANDBOX" -- sh -c "$prog" </dev/null
compare_captured "child abort: same stdout and status" &&
	if cmp -s "$tmp/native.err" "$tmp/sandbox.err"; then
		ok "child abort: same stderr (no crash report)"
	else
		not_ok "child abort: stderr differs"
		diff "$tmp/native.err" "$tmp/sandbox.err" | head -10 | sed 's/^/# /'
	fi

# report N WHAT ARGS...: N crash reports with ARGS.
report() {
	want=$1
	what=$2
	shift 2
	run_capture sandbox "$PTSANDBOX" "$@" </dev/null
	got=$(grep -c '^ptsandbox: pid [0-9]* (crash_abort) killed by SIGABRT' "$tmp/sandbox.err")
	if [ "$got" = "$want" ]; then
		ok "$what: $want report(s)"
	else
		not_ok "$what: $got report(s), want $want"
		head -5 "$tmp/sandbox.err" | sed 's/^/# /'
	fi
}
report 1 "main process abort (default)" -- "$GUESTS/crash_abort"
report 0 "main process abort, --crash-report=none" --crash-report=none -- "$GUESTS/crash_abort"
report 1 "child abort, --crash-report=all" --crash-report=all -- sh -c "$prog"
report 0 "child abort, --crash-report=main" --crash-report=main -- sh -c "$prog"
expect_status "--crash-report=bogus is a usage error" 125 \
	"$PTSANDBOX" --crash-report=bogus -- true

# With libdw, the report's frames name the source line: the faulting
# store, and in the caller the line of the call.
config=$(dirname "$PTSANDBOX")/../config.h
if grep -q '^#define HAVE_LIBDW 1' "$config" 2>/dev/null; then
	src=$srcdir/tests/guests/crash_null.c
	store=$(grep -n '^	\*p = 1;' "$src" | cut -d: -f1)
	call=$(grep -n '^	crash_null_write(p);' "$src" | cut -d: -f1)
	run_capture sandbox "$PTSANDBOX" -- "$GUESTS/crash_null" </dev/null
	if grep -Eq "#0 0x[0-9a-f]+ crash_null_write\+0x[0-9a-f]+ \(.*\) at crash_null\.c:$store\$" "$tmp/sandbox.err" &&
		grep -Eq "#1 0x[0-9a-f]+ crash_null_caller\+0x[0-9a-f]+ \(.*\) at crash_null\.c:$call\$" "$tmp/sandbox.err"; then
		ok "crash report frames with file:line (crash_null.c:$store, :$call)"
	else
		not_ok "crash report: no crash_null.c:$store / :$call in the frames"
		grep '#' "$tmp/sandbox.err" | head -4 | sed 's/^/# /'
	fi
else
	echo "# skipped file:line in crash reports: built without libdw"
fi

# -o FILE alone traces everything, as strace -o FILE does.
rm -f "$tmp/o"
run_capture sandbox "$PTSANDBOX" -o "$tmp/o" -- "$GUESTS/exit_code" 3 </dev/null
if grep -q '^execve(' "$tmp/o" && grep -q '^+++ exited with 3 +++$' "$tmp/o"; then
	ok "-o alone writes a trace"
else
	not_ok "-o alone: no trace in the file"
	head -5 "$tmp/o" | sed 's/^/# /'
fi
# -ff -o alone too: one file per process.
run_capture sandbox "$PTSANDBOX" -ff -o "$tmp/ff" -- sh -c 'true; exit 0' </dev/null
if grep -q '^execve(' "$tmp/ff".*; then
	ok "-ff -o alone writes a trace"
else
	not_ok "-ff -o alone: no trace"
fi
# With --timeout and no trace option, -o holds the hang report only.
run_capture sandbox "$PTSANDBOX" -o "$tmp/h" --timeout=0.3 -- sleep 30 </dev/null
if [ "$(cat "$tmp/sandbox.rc")" = 124 ] && grep -q 'timed out' "$tmp/h" && ! grep -q '^execve(' "$tmp/h"; then
	ok "--timeout -o: the file holds the hang report, no trace"
else
	not_ok "--timeout -o: status $(cat "$tmp/sandbox.rc")"
	head -5 "$tmp/h" | sed 's/^/# /'
fi

# --timeout-status: automake's hard error (99) instead of 124.
expect_status "--timeout-status=99" 99 "$PTSANDBOX" --timeout=0.3 --timeout-status=99 -- sleep 30
expect_status "--timeout-status does not touch a normal exit" 3 \
	"$PTSANDBOX" --timeout=30 --timeout-status=99 -- "$GUESTS/exit_code" 3
expect_status "--timeout-status=256 is a usage error" 125 \
	"$PTSANDBOX" --timeout-status=256 -- true

# The guest's own ptrace is refused: one note for the whole run.
run_capture sandbox "$PTSANDBOX" -- "$GUESTS/ptrace_self" </dev/null
# (Only ptsandbox's lines: a sanitizer build's guest adds its own.)
notes=$(grep -c "ptrace(PTRACE_TRACEME) is refused" "$tmp/sandbox.err")
if [ "$notes" = 1 ] && [ "$(grep -c '^ptsandbox: ' "$tmp/sandbox.err")" = 1 ] &&
	[ "$(grep -c 'Operation not permitted' "$tmp/sandbox.out")" = 4 ]; then
	ok "refused ptrace: one note on stderr"
else
	not_ok "refused ptrace: $notes notes"
	sed 's/^/# /' "$tmp/sandbox.err" "$tmp/sandbox.out" | head -10
fi
run_capture sandbox "$PTSANDBOX" -- "$GUESTS/exit_code" 0 </dev/null
if grep -q '^ptsandbox: ' "$tmp/sandbox.err"; then
	not_ok "no ptrace, no note"
else
	ok "no ptrace, no note"
fi
finish
