#!/usr/bin/env bash
# tests/bench/versions.sh: what versions of a KB cost (issue 14, SPEC 3).
#
#  1. kbq diff of two N-record KBs in 100 files (the second with 1% of the
#     records changed and 0.5% moved to another file) against loading both
#     with kbq validate: time and peak RSS (goal: at most 1.3x the time, at
#     most 1.5x the two KBs' YAML bytes in memory);
#  2. a query on --kb HEAD:kb against the same query on the checked-out
#     files, with the objects loose (just committed) and packed (git gc)
#     (goal: at most 1.2x);
#  3. kbq log over histories of 200 commits that each change one record in
#     1 (or 2) of the 100 files, at --limit 50, 100, 200, and over the same
#     history of a KB ten times smaller: the time follows the files the
#     commits touched, not the commits times the KB's size.
#
# Not part of ctest: it takes minutes.  Needs hyperfine, GNU time, git,
# python3.  See tests/bench/README.md ("Versions").
#
#   versions.sh [--records N] [--runs R]
#   KBQ=path/to/kbq  BENCH_DIR=/tmp/kbq-bench (data under BENCH_DIR/versions)

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
n=100000
runs=10
while [ $# -gt 0 ]; do
	case $1 in
	--records) n=$2; shift ;;
	--runs) runs=$2; shift ;;
	-h | --help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "versions.sh: unknown option '$1'" >&2; exit 2 ;;
	esac
	shift
done

die() { echo "versions.sh: error: $*" >&2; exit 1; }
note() { echo "versions.sh: $*" >&2; }
for t in hyperfine git python3 /usr/bin/time; do
	command -v "$t" >/dev/null || die "$t is needed"
done
export LC_ALL=C.UTF-8 GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
KBQ=${KBQ:-$root/build/cmd/kbq}
[ -x "$KBQ" ] || die "no kbq at '$KBQ' (set KBQ)"
KBQ=$(cd "$(dirname "$KBQ")" && pwd)/$(basename "$KBQ")
BENCH_DIR=${BENCH_DIR:-/tmp/kbq-bench}
work=$BENCH_DIR/versions
mkdir -p "$work"

# ---- data (cached: regenerated when gen.py or versions.py change) -----------
stamp=$(cat "$here/gen.py" "$here/versions.py" | sha256sum | cut -c1-16)
make_data() {	# N DIR
	local n=$1 d=$2
	if [ "$(cat "$d/.stamp" 2>/dev/null)" = "$stamp" ]; then
		return
	fi
	note "generating $n records in $d"
	rm -rf "$d"
	mkdir -p "$d"
	python3 "$here/gen.py" --seed 1 -n "$n" --out "$d/gen" >&2
	python3 "$here/versions.py" split "$d/gen/kb/records.yaml" \
		"$d/gen/kb/schema.yaml" "$d/v" >&2
	python3 "$here/versions.py" history "$d/v/old/kb" "$d/h1" >&2
	python3 "$here/versions.py" history "$d/v/old/kb" "$d/h2" --per-commit 2 >&2
	# HEAD:kb with loose objects, and a packed copy
	python3 "$here/versions.py" history "$d/v/old/kb" "$d/loose" --commits 0 >&2
	rm -rf "$d/packed"
	cp -r "$d/loose" "$d/packed"
	git -C "$d/packed" gc -q
	echo "$stamp" >"$d/.stamp"
}
big=$work/n$n
small=$work/n$((n / 10))
make_data "$n" "$big"
make_data "$((n / 10))" "$small"

# ---- helpers -------------------------------------------------------------------
res=$work/results-$(date +%Y%m%d-%H%M%S)
mkdir -p "$res"
load() { cut -d' ' -f1-3 /proc/loadavg; }
# median wall, mean user+system (ms) of one hyperfine command in JSON $1
stats() {
	python3 - "$1" "$2" <<'EOF'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]
print("%.0f %.0f" % (statistics.median(r["times"]) * 1000,
                     (r["user"] + r["system"]) * 1000))
EOF
}
rss() {	# peak RSS in KiB of a command run once
	/usr/bin/time -f %M -o "$res/rss" "$@" >/dev/null 2>&1 || true
	tail -n 1 "$res/rss"
}
bytes() { du -sb "$1" | cut -f1; }

q=(controls imposed_by=cn 'name~(?i)rare|magnet' -o id)
echo "load average at start: $(load)" | tee "$res/load"

# ---- 1. diff against validate ------------------------------------------------------
old=$big/v/old/kb new=$big/v/new/kb
got=$("$KBQ" diff -c "$old" "$new" || true)
[ "$got" = $((n / 100)) ] || die "kbq diff finds $got records, not $((n / 100))"
hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$res/diff.json" \
	"$KBQ diff -q $old $new" "$KBQ --kb $old validate" \
	"$KBQ --kb $new validate" >"$res/diff.txt"
read -r dw dc <<<"$(stats "$res/diff.json" 0)"
read -r ow oc <<<"$(stats "$res/diff.json" 1)"
read -r nw nc <<<"$(stats "$res/diff.json" 2)"
drss=$(rss "$KBQ" diff -q "$old" "$new")
orss=$(rss "$KBQ" --kb "$old" validate)
nrss=$(rss "$KBQ" --kb "$new" validate)
yaml=$(( $(bytes "$old") + $(bytes "$new") ))

# ---- 2. HEAD:kb against the checked-out files ----------------------------------------
for r in loose packed; do
	(cd "$big/$r" && "$KBQ" --kb kb "${q[@]}" >"$res/q-disk" &&
	 "$KBQ" --kb HEAD:kb "${q[@]}" | cmp -s - "$res/q-disk") ||
		die "HEAD:kb and kb answer differently in $r"
done
(cd "$big/loose" && hyperfine -N --warmup 1 --runs "$runs" \
	--export-json "$res/rev.json" \
	"$KBQ --kb kb ${q[*]}" "$KBQ --kb HEAD:kb ${q[*]}" \
	"$KBQ --kb $big/packed/kb ${q[*]}" >"$res/rev.txt")
(cd "$big/packed" && hyperfine -N --warmup 1 --runs "$runs" \
	--export-json "$res/revp.json" "$KBQ --kb HEAD:kb ${q[*]}" >>"$res/rev.txt")
read -r kw kc <<<"$(stats "$res/rev.json" 0)"
read -r hw hc <<<"$(stats "$res/rev.json" 1)"
read -r pw pc <<<"$(stats "$res/revp.json" 0)"
krss=$(cd "$big/loose" && rss "$KBQ" --kb kb "${q[@]}")
hrss=$(cd "$big/loose" && rss "$KBQ" --kb HEAD:kb "${q[@]}")

# ---- 3. log ------------------------------------------------------------------------------
lr=$((runs > 3 ? 3 : runs))
logrow() {	# LABEL DIR LIMIT
	(cd "$2" && hyperfine -N -i --runs "$lr" --export-json "$res/log.json" \
		"$KBQ log --kb kb -q --limit $3" >>"$res/log.txt")
	read -r w c <<<"$(stats "$res/log.json" 0)"
	echo "| $1 | $3 | $w | $c | $((c / $3)) |"
}
{
	logrow "$n records, 1 file a commit" "$big/h1" 50
	logrow "$n records, 1 file a commit" "$big/h1" 100
	logrow "$n records, 1 file a commit" "$big/h1" 200
	logrow "$n records, 2 files a commit" "$big/h2" 200
	logrow "$((n / 10)) records, 1 file a commit" "$small/h1" 200
} >"$res/log.md"

# ---- the report ----------------------------------------------------------------------------
ratio() { python3 -c "print('%.2f' % (($1) / ($2)))"; }
{
	echo "kbq $("$KBQ" --version | cut -d' ' -f2), $n records, $runs runs;" \
		"load average $(cat "$res/load" | sed 's/.*start: //') at start," \
		"$(load) at the end"
	echo
	echo "| command | median ms | CPU ms | peak RSS MiB |"
	echo "|---|--:|--:|--:|"
	echo "| diff -q OLD NEW | $dw | $dc | $((drss / 1024)) |"
	echo "| --kb OLD validate | $ow | $oc | $((orss / 1024)) |"
	echo "| --kb NEW validate | $nw | $nc | $((nrss / 1024)) |"
	echo
	echo "diff / (validate OLD + validate NEW): time $(ratio "$dw" "$ow + $nw")," \
		"CPU $(ratio "$dc" "$oc + $nc"); diff's RSS / YAML bytes of both:" \
		"$(ratio "$drss * 1024" "$yaml") ($yaml bytes)"
	echo
	echo "| query | median ms | CPU ms |"
	echo "|---|--:|--:|"
	echo "| --kb kb | $kw | $kc |"
	echo "| --kb HEAD:kb, loose objects | $hw | $hc |"
	echo "| --kb HEAD:kb, packed | $pw | $pc |"
	echo
	echo "HEAD:kb / kb: loose $(ratio "$hw" "$kw") (CPU $(ratio "$hc" "$kc")), packed" \
		"$(ratio "$pw" "$kw") (CPU $(ratio "$pc" "$kc")); peak RSS" \
		"$((krss / 1024)) MiB and $((hrss / 1024)) MiB"
	echo
	echo "| log history | --limit (commits) | median ms | CPU ms | CPU ms a commit |"
	echo "|---|--:|--:|--:|--:|"
	cat "$res/log.md"
} | tee "$res/results.md"
note "results in $res"
