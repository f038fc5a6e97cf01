#!/bin/sh
# ptsandbox-check wraps every test of an automake project without
# editing it: tests of a TEST_EXTENSIONS extension (".test", automake's
# default one, and the project's own), tests without one, in a
# subdirectory, and under a project's own LOG_COMPILER, which must
# still run.  Each test passes only if it is traced (TracerPid), so
# natively every one fails.
. "$TESTLIB"

unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES GNUMAKEFLAGS
for tool in autoreconf automake make; do
	command -v $tool >/dev/null || skip_all "$tool is not installed"
done
check=$srcdir/src/ptsandbox-check
proj=$tmp/proj
mkdir -p "$proj/sub"
cd "$proj" || exit 1

cat >configure.ac <<'AC'
AC_INIT([psbcheck], [1])
AM_INIT_AUTOMAKE([foreign])
AC_CONFIG_FILES([Makefile sub/Makefile])
AC_OUTPUT
AC
cat >Makefile.am <<'AM'
SUBDIRS = sub
TEST_EXTENSIONS = .test .sh
SH_LOG_COMPILER = $(SHELL)
TESTS = a.test b.sh bare
AM
# sub: automake's default TEST_EXTENSIONS (.test) and the project's
# own LOG_COMPILER for the others, which leaves a mark.
cat >sub/Makefile.am <<'AM'
LOG_COMPILER = $(srcdir)/runner
TESTS = c.test d.chk
AM
cat >traced <<'SH'
#!/bin/sh
grep -q '^TracerPid:[[:space:]]*[1-9]' /proc/$$/status
SH
for t in a.test b.sh bare sub/c.test sub/d.chk; do
	cp traced "$t"
	chmod +x "$t"
done
printf '#!/bin/sh\necho "$1" >>runner.marks\nexec "$@"\n' >sub/runner
chmod +x sub/runner

if ! autoreconf -fi >autoreconf.log 2>&1 || ! ./configure >configure.log 2>&1; then
	sed 's/^/# /' autoreconf.log configure.log | tail -10
	skip_all "cannot build the automake test project"
fi

# suite_ok NAME: every one of the 5 tests passed, none other.
suite_ok() {
	pass_n=$(cat ./*.trs sub/*.trs 2>/dev/null | grep -c '^:test-result: PASS')
	fail_n=$(cat ./*.trs sub/*.trs 2>/dev/null | grep '^:test-result: ' | grep -vc 'PASS$')
	if [ "$pass_n" = 5 ] && [ "$fail_n" = 0 ]; then
		ok "$1: 5 tests, every one traced"
	else
		not_ok "$1: $pass_n traced, $fail_n not"
		grep -H '' ./*.trs sub/*.trs | sed 's/^/# /'
	fi
}

# Natively no test is traced: the project must fail, or the test is void.
if make -s check >native.out 2>&1; then
	not_ok "native make check passed: the tests cannot tell ptsandbox"
fi
make -s clean >/dev/null 2>&1
rm -f sub/runner.marks

if PTSANDBOX=$PTSANDBOX "$check" --timeout=60 >wrapped.out 2>&1; then
	ok "ptsandbox-check: make check passes"
else
	not_ok "ptsandbox-check: make check failed"
	tail -20 wrapped.out | sed 's/^/# /'
fi
suite_ok "ptsandbox-check"
if [ "$(cat sub/runner.marks 2>/dev/null)" = ./d.chk ]; then
	ok "the project's own LOG_COMPILER still runs (wrapped)"
else
	not_ok "the project's LOG_COMPILER: marks '$(cat sub/runner.marks 2>/dev/null)'"
fi

# PTSANDBOX-OPTIONs reach ptsandbox: a hang is automake's hard error.
make -s clean >/dev/null 2>&1
cat >a.test <<'SH'
#!/bin/sh
exec sleep 30
SH
PTSANDBOX=$PTSANDBOX "$check" --timeout=0.5 --timeout-status=99 >hang.out 2>&1
if grep -q '^ERROR: a.test$' test-suite.log hang.out; then
	ok "--timeout-status=99 through ptsandbox-check: a hang is an ERROR"
else
	not_ok "a hang through ptsandbox-check is not an ERROR"
	grep -h '^[A-Z]*: ' hang.out | sed 's/^/# /'
fi
finish
