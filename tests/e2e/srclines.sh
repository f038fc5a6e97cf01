#!/bin/sh
# Source lines in backtraces (-k, crash reports): a frame of a module
# with DWARF line information ends with " at FILE:LINE", LINE that of
# the call in the guest's source (found by its "line:" marker, never
# written here); a function inlined there (always_inline at -O2) gets
# its own frame at the same address, as in gdb's bt.  Frames without
# line information keep their format.
. "$TESTLIB"

# line GUEST MARKER: the line of tests/guests/GUEST.c marked "/* line:MARKER */".
line() {
	grep -n "/\* line:$2 \*/" "$srcdir/tests/guests/$1.c" | cut -d: -f1
}

# has NAME FILE REGEX: some line of FILE matches REGEX (grep -E).
has() {
	if grep -Eq -- "$3" "$2"; then
		ok "$1"
	else
		not_ok "$1: no line matches '$3'"
		sed 's/^/# /' "$2" | head -30
	fi
}

# -k: getpid() from the inlined function: its frame, then the caller's
# at the same file offset, then main.
guest=$GUESTS/srclines
run_capture native "$guest" </dev/null
run_capture sandbox "$PTSANDBOX" -o "$tmp/t" -k --trace=getpid -- "$guest" </dev/null
compare_captured "-k: the guest's output and status"
g='^ > /.*/srclines'
at=' at (.*/)?srclines\.c'
if grep -A1 -E -- "$g\(inlined_getpid\) \[0x[0-9a-f]+\]$at:$(line srclines syscall)$" "$tmp/t" |
	tail -n 1 | grep -Eq -- "$g\(srclines_caller\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$at:$(line srclines inlined-call)$"; then
	ok "-k: the inlined function's frame, then its caller's at the call"
else
	not_ok "-k: no inlined frame followed by its caller's"
	sed 's/^/# /' "$tmp/t" | head -30
fi
# The two frames share the address, as gdb shows an inlined call.
grep -E -- "$g\((inlined_getpid|srclines_caller\+0x[0-9a-f]+)\) " "$tmp/t" |
	sed 's/.*\[\(0x[0-9a-f]*\)\].*/\1/' >"$tmp/offs"
if [ "$(wc -l <"$tmp/offs")" = 2 ] && [ "$(sort -u "$tmp/offs" | wc -l)" = 1 ]; then
	ok "-k: inlined frame at its caller's address"
else
	not_ok "-k: not two frames at one address: $(tr '\n' ' ' <"$tmp/offs")"
fi
has "-k: main at its call" "$tmp/t" "$g\(main\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$at:$(line srclines caller-call)$"
# crt1.o's _start has no DWARF: the frame as before, no line.
has "-k: a frame without line information unchanged" "$tmp/t" "$g\(_start\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$"

# The same guest without its DWARF (symbols kept): no lines, no
# inlined frame, the frames as they always were.
if command -v strip >/dev/null && strip --strip-debug -o "$tmp/srclines" "$guest"; then
	run_capture sandbox "$PTSANDBOX" -o "$tmp/t" -k --trace=getpid -- "$tmp/srclines" </dev/null
	if grep -q inlined_getpid "$tmp/t" || grep -E -- "^ > $tmp/srclines\(" "$tmp/t" | grep -q ' at '; then
		not_ok "-k without DWARF: a line or an inlined frame"
		sed 's/^/# /' "$tmp/t" | head -30
	else
		has "-k without DWARF: the caller's frame as before" "$tmp/t" \
			"^ > $tmp/srclines\(srclines_caller\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$"
	fi
else
	ok "# SKIP -k without DWARF: no strip(1)"
fi

# The guest's DWARF in a separate file found by .gnu_debuglink, its
# ELF symbols stripped: the same frames, lines and inlined frame as
# the original's, the function names now from the DWARF.
if command -v objcopy >/dev/null && command -v strip >/dev/null &&
	objcopy --only-keep-debug "$guest" "$tmp/dl.debug" &&
	strip --strip-all -o "$tmp/dl" "$guest" &&
	objcopy --add-gnu-debuglink="$tmp/dl.debug" "$tmp/dl"; then
	run_capture sandbox "$PTSANDBOX" -o "$tmp/t2" -k --trace=getpid -- "$guest" </dev/null
	grep -E -- "^ > /.*/srclines\(.* at " "$tmp/t2" | sed 's|^ > /.*/srclines(| > GUEST(|' >"$tmp/want"
	run_capture sandbox "$PTSANDBOX" -o "$tmp/t2" -k --trace=getpid -- "$tmp/dl" </dev/null
	grep -E -- "^ > $tmp/dl\(" "$tmp/t2" | grep ' at ' | sed "s|^ > $tmp/dl(| > GUEST(|" >"$tmp/got"
	if [ "$(wc -l <"$tmp/want")" -ge 3 ] && cmp -s "$tmp/want" "$tmp/got"; then
		ok "-k with a separate debug file: the same frames, named by the DWARF"
	else
		not_ok "-k with a separate debug file: other frames"
		diff "$tmp/want" "$tmp/got" | sed 's/^/# /' | head -20
	fi
else
	ok "# SKIP -k with a separate debug file: no objcopy(1)"
fi

# A file rewritten in place between two stacks (same path and inode,
# as cp does) is read again: the second program's frames have its own
# lines, not the first one's.
run_capture sandbox "$PTSANDBOX" -f -o "$tmp/t3" -k --trace=getpid -- sh -c \
	"cp '$GUESTS/srclines' '$tmp/p' && '$tmp/p' && cp '$GUESTS/trace_calls' '$tmp/p' && '$tmp/p' noopen" </dev/null
if grep -F -- "$tmp/p(main+" "$tmp/t3" | grep -q ' at .*srclines\.c:' &&
	grep -F -- "$tmp/p(main+" "$tmp/t3" | grep -q ' at .*trace_calls\.c:'; then
	ok "-k: a rewritten file's new lines"
else
	not_ok "-k: a rewritten file's lines are stale"
	grep -F -- "$tmp/p(" "$tmp/t3" | sed 's/^/# /' | head -20
fi

# The crash report of the main guest: the inlined write, its caller
# and main at their lines; the guest dies of SIGSEGV as natively.
guest=$GUESTS/crash_inline
run_capture native sh -c "ulimit -c 0; exec $guest" </dev/null
run_capture sandbox sh -c "ulimit -c 0; exec $PTSANDBOX -- $guest" </dev/null
compare_captured "crash report: the guest's death"
at=' at (.*/)?crash_inline\.c'
m='\(.*/crash_inline\)'
if grep -A2 -E -- "^    #0 0x[0-9a-f]+ inlined_write $m$at:$(line crash_inline write)$" "$tmp/sandbox.err" >"$tmp/inl" &&
	sed -n 2p "$tmp/inl" | grep -Eq -- "^    #1 0x[0-9a-f]+ inlined_middle $m$at:$(line crash_inline middle-call)$" &&
	sed -n 3p "$tmp/inl" | grep -Eq -- "^    #2 0x[0-9a-f]+ crash_inline_caller\+0x[0-9a-f]+ $m$at:$(line crash_inline inlined-call)$"; then
	ok "crash report: the inlined write, the inlined function calling it, their caller"
else
	not_ok "crash report: no inlined frames #0, #1 followed by their caller"
	sed 's/^/# /' "$tmp/sandbox.err" | head -30
fi
has "crash report: main at its call" "$tmp/sandbox.err" \
	"^    #3 0x[0-9a-f]+ main\+0x[0-9a-f]+ $m$at:$(line crash_inline caller-call)$"
finish
