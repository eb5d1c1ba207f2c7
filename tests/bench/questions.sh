#!/usr/bin/env bash
# tests/bench/questions.sh: what --count-by and back-link terms (^F) cost,
# next to the query each one replaces, in the same session (README.md,
# "Questions across records").
#
#   --count-by kind          against  find -c        (same filter; N records)
#   actors '^F.PATH=V'       against  the same question asked forwards
#                                     through a ref path, which also loads
#                                     every record (M records)
#
# Each pair is checked to give the same answer first, then timed with
# hyperfine in interleaved rounds; peak RSS from /usr/bin/time.  Not part
# of ctest.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

usage() {
	cat <<EOF
usage: tests/bench/questions.sh [OPTIONS]

  --count-size N   records for the --count-by pairs (default 1000000)
  --back-size M    records for the back-link pair (default 100000)
  --runs R         timed runs per command and round (default 3)
  --rounds K       interleaved hyperfine rounds (default 3)
  --seed S         generator seed (default 1)
  -h, --help       this text

environment: KBQ (default build/kbq, else build/cmd/kbq), BENCH_DIR (default
/tmp/kbq-bench, shared with run.sh)
EOF
}

count_size=1000000 back_size=100000 runs=3 rounds=3 seed=1
while [ $# -gt 0 ]; do
	case $1 in
	--count-size) count_size=$2; shift ;;
	--back-size) back_size=$2; shift ;;
	--runs) runs=$2; shift ;;
	--rounds) rounds=$2; shift ;;
	--seed) seed=$2; shift ;;
	-h | --help) usage; exit 0 ;;
	*) echo "questions.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
	esac
	shift
done

die() { echo "questions.sh: error: $*" >&2; exit 1; }
note() { echo "questions.sh: $*" >&2; }
export LC_ALL=C.UTF-8
unset KBQ_KB
BENCH_DIR=${BENCH_DIR:-/tmp/kbq-bench}
if [ -z "${KBQ:-}" ]; then
	KBQ=$root/build/kbq
	[ -x "$KBQ" ] || KBQ=$root/build/cmd/kbq
fi
[ -x "$KBQ" ] || die "no kbq at $KBQ (build it or set KBQ)"
case $KBQ in /*) ;; *) KBQ=$PWD/$KBQ ;; esac
command -v hyperfine >/dev/null || die "hyperfine not found (apt-get install hyperfine)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"

# the data, as run.sh caches it (regenerated when gen.py changes)
. "$here/data.sh"

res=$BENCH_DIR/questions/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$res"

# same KB, commands A and B: same answer (after a normalising filter), then
# timed; prints a Markdown row per command
pair() {
	local label=$1 kb=$2 a=$3 b=$4 norm_a=$5 norm_b=$6 i
	(cd "$res" && eval "$KBQ --kb $kb $a" | eval "$norm_a" >"$label.a.out") || true
	(cd "$res" && eval "$KBQ --kb $kb $b" | eval "$norm_b" >"$label.b.out") || true
	cmp -s "$res/$label.a.out" "$res/$label.b.out" ||
		die "$label: the two commands disagree (see $res/$label.[ab].out)"
	[ -s "$res/$label.a.out" ] || die "$label: no answer at all"
	for x in a b; do
		local cmd=$a
		[ $x = b ] && cmd=$b
		/usr/bin/time -f %M -o "$res/$label.$x.rss" \
			bash -c "$KBQ --kb $kb $cmd >/dev/null" || true
	done
	for ((i = 1; i <= rounds; i++)); do
		hyperfine -N -i --runs "$runs" $([ "$i" = 1 ] && echo --warmup 1) \
			--export-json "$res/$label.$i.json" \
			-n A "$KBQ --kb $kb $a" -n B "$KBQ --kb $kb $b" >/dev/null
	done
	python3 - "$res" "$label" "$rounds" "$a" "$b" <<'EOF'
import json, statistics, sys
res, label, rounds, a, b = sys.argv[1], sys.argv[2], int(sys.argv[3]), *sys.argv[4:]
times = {"A": [], "B": []}
cpu = {"A": [], "B": []}
for i in range(1, rounds + 1):
    for r in json.load(open("%s/%s.%d.json" % (res, label, i)))["results"]:
        times[r["command"]] += r["times"]
        cpu[r["command"]].append(r["user"] + r["system"])
med = {k: statistics.median(v) * 1000 for k, v in times.items()}
mcpu = {k: statistics.mean(v) * 1000 for k, v in cpu.items()}
for k, cmd in (("A", a), ("B", b)):
    rss = int(open("%s/%s.%s.rss" % (res, label, k.lower())).read().split()[-1]) / 1024
    print("| %s | `kbq %s` | %.0f | %.2f | %.0f | %.2f | %.1f |" % (
        label, cmd.replace("|", "\\|"), med[k], med[k] / med["A"], mcpu[k],
        mcpu[k] / mcpu["A"], rss))
EOF
}

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| pair | command | median ms | x first | CPU ms | x first | peak RSS MiB |"
echo "|---|---|--:|--:|--:|--:|--:|"
d=$(data_for "$count_size")
# every record counted, then a filter that keeps 3% of the controls
# (-o id: before issue 12 item 15, find -c with the text format collected
# the matches first; with -o id it streamed then as it does now)
pair "count-all-$count_size" "$d/kb" "find -c -o id" "find --count-by kind -o tsv" \
	"cat" "awk -F'\t' 'NR > 1 { n += \$2 } END { print n }'"
pair "count-filter-$count_size" "$d/kb" "find -c -o id 'name~(?i)rare|magnet'" \
	"find --count-by kind 'name~(?i)rare|magnet' -o tsv" \
	"cat" "awk -F'\t' 'NR > 1 { n += \$2 } END { print n }'"
d=$(data_for "$back_size")
# the actors some ban is imposed by: backwards, and forwards through a ref
# path (imposed_by.id), which makes kbq load every record as ^F does
pair "back-$back_size" "$d/kb" "actors '^imposed_by.measure=ban' -o id" \
	"controls measure=ban --fields imposed_by.id -o tsv" \
	"sort" "awk 'NR > 1' | sort -u"
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results and outputs: $res"
