#!/bin/sh
# Death by a signal: the exit status the shell sees (128+N) and the
# output before death are the same natively and sandboxed.
. "$TESTLIB"

g=$GUESTS/signal_death
compare "SIGSEGV (null write)" "$g" segv
compare "SIGABRT (abort)" "$g" abort
compare "SIGKILL (kill self)" "$g" kill 9
compare "SIGTERM (kill self)" "$g" kill 15
compare "SIGTERM (raise)" "$g" raise 15
compare "SIGUSR1 (kill self)" "$g" kill 10
compare "SIGQUIT (raise)" "$g" raise 3
compare "SIGSEGV in a second thread" "$g" thread-segv
compare "SIGKILL from a second thread" "$g" thread-kill 9
compare "SIGTERM from a second thread" "$g" thread-kill 15
# Default-ignored: the guest lives on and exits 3 after "still alive".
compare "SIGCHLD (ignored by default)" "$g" kill 17
compare "SIGWINCH (ignored by default)" "$g" raise 28
finish
