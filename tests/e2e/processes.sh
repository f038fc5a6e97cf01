#!/bin/sh
# Process and thread trees: fork, exec, vfork, posix_spawn, many
# threads, exit from a worker thread, exec from a non-leader thread.
. "$TESTLIB"

g=$GUESTS
compare "fork+exec tree, 3 levels" "$g/forktree" 2 "$g/exit_code"
compare "vfork+exec, vfork+_exit, posix_spawn" "$g/vfork_exec" "$g/exit_code"
compare "50 threads, joined" "$g/threads" 50 join
compare "50 threads, a worker calls exit(3)" "$g/threads" 50 worker-exit
compare "50 threads, main calls pthread_exit" "$g/threads" 50 main-exit
# 1,000 emulated waits in flight at once, all woken by one write.
compare "1000 threads blocked in poll at once" "$g/manywaits" 1000
compare "execve from a non-leader thread" "$g/thread_exec" "$g/exit_code" 33
compare "execve of /bin/echo from a non-leader thread" \
	"$g/thread_exec" /bin/echo exec from a thread
compare "shell pipeline inside the guest" \
	sh -c 'for i in 3 1 2; do echo $i; done | sort | tr 123 abc; exit 4'
finish
