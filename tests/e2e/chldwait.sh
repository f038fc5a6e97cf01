#!/bin/sh
# One event that both completes a blocked call and raises a signal:
# the call returns first, the handler runs after it (the kernel finds
# what the call waits for before it looks at pending signals).
#  - a child's exit ends its parent's waitpid/waitid, by pid, by
#    process group and for any child, and sends SIGCHLD to a handler
#    that reaps with waitpid(-1, WNOHANG): natively the wait returns
#    the child and the handler finds nothing; with and without
#    SA_RESTART, waiting in the main thread or in another one;
#  - a write to an O_ASYNC pipe ends a poll() on it and raises SIGIO,
#    whose handler drains the pipe: poll returns 1 first.
# tests/guests/chldwait prints the counts of each outcome; they must be
# the same natively and sandboxed.  CHLDWAIT_ROUNDS (default 1000)
# rounds for the stress runs.
. "$TESTLIB"

g=$GUESTS/chldwait
n=${CHLDWAIT_ROUNDS:-1000}

for w in pid pgid any waitid-pid waitid-pgid waitid-any; do
	for r in restart norestart; do
		for where in main thread; do
			compare "wait by $w, $r, in the $where thread: wait first, then SIGCHLD" \
				"$g" $w $r $where 20
		done
	done
done

for r in restart norestart; do
	for where in main thread; do
		compare "stress: $n fork/exit/waitpid rounds, reaping handler, $r, $where thread" \
			"$g" pid $r $where "$n"
	done
done

compare "poll on an O_ASYNC pipe: ready before SIGIO's handler drains it" "$g" sigio restart main 50

# --trace: the interrupted wait4's line (whole, or resumed if the child's
# lines came between) ends with the child's pid; the handler's own
# WNOHANG call is a line of its own.
"$PTSANDBOX" --trace -o "$tmp/trace" -- "$g" pid restart main 1 >/dev/null
if grep -q 'wait4\( resumed>\|(\).*) = [1-9][0-9]* <emulated>' "$tmp/trace" &&
	grep -q 'wait4(-1, .*WNOHANG, NULL) = -1 ECHILD' "$tmp/trace" &&
	[ "$(grep -c 'wait4(.*<unfinished' "$tmp/trace")" = "$(grep -c 'wait4 resumed>' "$tmp/trace")" ]; then
	ok "--trace: the interrupted wait4 resumes with the child, then the handler's wait4"
else
	not_ok "--trace: wait4 lines out of order"
	grep -e wait4 -e SIGCHLD "$tmp/trace" | sed 's/^/# /'
fi
finish
