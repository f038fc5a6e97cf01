#!/bin/sh
# stdin and stdout are the guest's own: pipes in, pipes out, early
# close of the reader (SIGPIPE), binary data.
. "$TESTLIB"

compare_piped "printf x | cat" "printf x" cat
compare_piped "50000 lines | sort -rn | head" "seq 1 50000" sh -c 'sort -rn | head -n 3'
compare_piped "stdin to a shell loop" "printf 'a\nb\nc\n'" \
	sh -c 'n=0; while read l; do n=$((n + 1)); echo "$n:$l"; done; exit $n'
compare_piped "empty stdin" ": " wc -c

head -c 1000000 /dev/urandom >"$tmp/data"
want=$(cksum <"$tmp/data")
got=$($bounded "$PTSANDBOX" -- cat <"$tmp/data" | cksum)
if [ "$got" = "$want" ]; then
	ok "1 MB of binary data through cat"
else
	not_ok "1 MB of binary data through cat: cksum $got, want $want"
fi

# The reader goes away: the writer dies by SIGPIPE (141), natively and
# sandboxed.  The status is taken inside the pipeline's first half.
{
	$bounded yes
	echo $? >"$tmp/native.rc"
} | head -n 2 >"$tmp/native.out"
{
	$bounded "$PTSANDBOX" -- yes 2>"$tmp/sandbox.err"
	echo $? >"$tmp/sandbox.rc"
} | head -n 2 >"$tmp/sandbox.out"
compare_captured "yes | head -n 2 (SIGPIPE)"
finish
