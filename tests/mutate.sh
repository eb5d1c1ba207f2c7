#!/bin/bash
# mutate.sh - does the test suite catch bugs?  Applies small deliberate bugs
# (tests/mutations.txt) to lib/ and cmd/ one at a time, rebuilds, runs the
# suite, and reports each mutation the suite let through ("survived").
#
#   tests/mutate.sh [-j N] [-k] [ID...]
#
# The tree is copied (tracked files and the uncommitted changes, never the
# build directories) into a scratch directory and built there once; each
# mutation is a Perl substitution on one file, applied to the copy, built
# incrementally and tested with `ctest -LE valgrind -E fuzz-`; the file is
# put back before the next.  A mutation whose pattern no longer matches the
# code is reported as "not applied": the list must follow the code.
#
# Not part of ctest: it takes about two minutes a mutation.  Run it before
# calling an issue that touches lib/query.c, cmd/output.c or the loader
# resolved, and put its summary in the note.  Exit 0 when every mutation
# was applied and caught; 1 otherwise.  -k keeps the scratch directory.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
list=$here/mutations.txt
jobs=$(nproc 2>/dev/null || echo 2)
keep=0
while [ $# -gt 0 ]; do
	case $1 in
	-j) jobs=$2; shift 2 ;;
	-j[0-9]*) jobs=${1#-j}; shift ;;
	-k) keep=1; shift ;;
	-h|--help) sed -n '2,18p' "$0"; exit 0 ;;
	-*) echo "mutate.sh: unknown option '$1'" >&2; exit 2 ;;
	*) break ;;
	esac
done
want=" $* "

work=$(mktemp -d "${TMPDIR:-/tmp}/kbq-mutate.XXXXXX") || exit 2
trap '[ $keep = 1 ] || rm -rf "$work"' EXIT
src=$work/src
mkdir -p "$src"
# tracked and untracked-but-not-ignored files, as they are now
(cd "$root" && git ls-files -z --cached --others --exclude-standard) |
	(cd "$root" && xargs -0 cp -d --parents -t "$src") || exit 2
# ../shared beside the copy, as beside the clone
[ -d "$root/../shared" ] && ln -s "$root/../shared" "$work/shared"
build=$work/build
echo "mutate: building the unchanged tree in $work"
if ! cmake -S "$src" -B "$build" -DKBQ_SHARED_DATA="$root/../shared/data" \
	>"$work/configure.log" 2>&1 ||
   ! cmake --build "$build" -j"$jobs" >"$work/build.log" 2>&1; then
	echo "mutate: the unchanged tree does not build; see $work" >&2
	keep=1
	exit 2
fi
# runtests LOG [--stop-on-failure]: a mutation is caught by its first
# failing test; the rest of the suite need not run
runtests() {
	local log=$1
	shift
	ctest --test-dir "$build" -j"$jobs" -LE valgrind -E '^fuzz-.*-smoke$' \
		--timeout 600 "$@" >"$log" 2>&1
}
if ! runtests "$work/baseline.log"; then
	echo "mutate: the unchanged tree fails its tests; see $work/baseline.log" >&2
	keep=1
	exit 2
fi

survived=0 caught=0 missing=0 n=0
while IFS=$'\t' read -r id file expr what; do
	case $id in ''|\#*) continue ;; esac
	[ "$want" = "  " ] || [[ $want == *" $id "* ]] || continue
	n=$((n + 1))
	cp "$src/$file" "$work/orig"
	perl -0pi -e "$expr" "$src/$file"
	if cmp -s "$src/$file" "$work/orig"; then
		echo "NOT APPLIED $id ($file): $what"
		missing=$((missing + 1))
		continue
	fi
	if ! cmake --build "$build" -j"$jobs" >"$work/build-$id.log" 2>&1; then
		# a mutation that does not compile tells nothing
		echo "NOT APPLIED $id ($file): does not build: $what"
		missing=$((missing + 1))
	elif runtests "$work/test-$id.log" --stop-on-failure; then
		echo "SURVIVED $id ($file): $what"
		survived=$((survived + 1))
	else
		caught=$((caught + 1))
		first=$(grep -E 'Test +#[0-9]+: .*(\*\*\*|Failed|Timeout)' \
			"$work/test-$id.log" | head -n 1 | sed -E 's/.*Test +#[0-9]+: ([^ ]+).*/\1/')
		echo "caught $id by ${first:-?} (the first test to fail): $what"
	fi
	cp "$work/orig" "$src/$file"
	touch "$src/$file"
done <"$list"
cmake --build "$build" -j"$jobs" >/dev/null 2>&1
echo "mutate: $n mutations: $caught caught, $survived survived, $missing not applied"
[ $survived -eq 0 ] && [ $missing -eq 0 ]
