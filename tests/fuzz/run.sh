#!/bin/bash
# Run each libFuzzer target for a bounded time; exit non-zero on any
# finding (crash, sanitizer report, leak, timeout, out-of-memory).
#
#   tests/fuzz/run.sh [SECONDS [BUILD_DIR]]
#
# SECONDS per target (default 60).  Without BUILD_DIR, configures and builds
# build-fuzz/ with clang and -DKBQ_FUZZ=ON.  Each target starts from its
# committed seeds (tests/fuzz/corpus/TARGET), its regressions, and, when
# ../shared/data exists, the YAML test suite's inputs (copied into the
# build directory, never into the source tree); the corpus it grows is kept
# in BUILD_DIR/fuzz-corpus/TARGET for the next run.  Crash inputs land in
# BUILD_DIR/fuzz-artifacts/TARGET/: copy each to tests/fuzz/regressions/TARGET/
# once fixed.  KBQ_FUZZ_TARGETS picks targets (default "load schema query
# par print"), KBQ_FUZZ_CC the compiler (default clang).
set -u
secs=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${2:-$root/build-fuzz}
shared=${KBQ_SHARED_DATA:-$root/../shared/data}
targets=${KBQ_FUZZ_TARGETS:-load schema query par print}

case $secs in
''|*[!0-9]*) echo "usage: run.sh [SECONDS [BUILD_DIR]]" >&2; exit 2 ;;
esac

if [ $# -lt 2 ]; then
	CC=${KBQ_FUZZ_CC:-clang} cmake -S "$root" -B "$build" -DKBQ_FUZZ=ON >/dev/null ||
		exit 2
fi
for t in $targets; do
	cmake --build "$build" --target fuzz-$t -j2 >/dev/null || {
		echo "run.sh: cannot build fuzz-$t in $build" >&2
		exit 2
	}
done

# The YAML test suite's inputs as extra seeds, one file each.
yts=
if [ -d "$shared/yaml-test-suite" ]; then
	yts=$build/fuzz-seeds/yaml-test-suite
	mkdir -p "$yts"
	for f in "$shared"/yaml-test-suite/*/in.yaml; do
		id=$(basename "$(dirname "$f")")
		cp "$f" "$yts/$id.yaml"
	done
fi

status=0
for t in $targets; do
	bin=$(find "$build" -name fuzz-$t -type f -perm -u+x | head -n 1)
	corpus=$build/fuzz-corpus/$t
	art=$build/fuzz-artifacts/$t
	mkdir -p "$corpus" "$art"
	seeds=("$here/corpus/$t" "$here/regressions/$t")
	# fuzz-par and fuzz-print read a KB file as fuzz-load does: the
	# same dictionary
	dict=$here/$t.dict
	[ $t = par ] || [ $t = print ] && dict=$here/load.dict
	# the query target reads words, not YAML
	[ -n "$yts" ] && [ $t != query ] && seeds+=("$yts")
	echo "== fuzz-$t for $secs s"
	"$bin" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
		-dict="$dict" -artifact_prefix="$art/" \
		-print_final_stats=1 "$corpus" "${seeds[@]}" \
		>"$build/fuzz-$t.log" 2>&1
	rc=$?
	grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done)' \
		"$build/fuzz-$t.log" | sed 's/^/   /'
	if [ $rc != 0 ]; then
		echo "FAIL fuzz-$t: exit $rc; the finding:"
		grep -E -A30 '^==[0-9]+==|runtime error|ERROR: libFuzzer' \
			"$build/fuzz-$t.log" | head -60
		ls "$art"
		status=1
	fi
done
[ $status = 0 ] && echo "fuzz: all targets ran $secs s without a finding"
exit $status
