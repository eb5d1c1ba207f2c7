#!/usr/bin/env bash
# tests/bench/edit.sh: what one change costs (SPEC 4, issue 15).
#
# For each size N, on the KB gen.py writes (one file of N records) and on the
# same records cut into ten files:
#   - times `kbq set ID status=...` (a control in the middle of the records;
#     each timed run writes, the value toggled by a --prepare step) against
#     `kbq validate` on the same KB, with hyperfine, in interleaved rounds;
#   - takes the peak RSS of both with /usr/bin/time;
#   - checks that the change writes only the file that holds the record
#     (the other files' bytes and inodes stay) and leaves no temporary file.
#
#   tests/bench/edit.sh [--sizes LIST] [--runs N] [--rounds R]
#
# KBQ names the binary (default build/cmd/kbq), BENCH_DIR the cache
# (default /tmp/kbq-bench, as run.sh).  Needs hyperfine, GNU time, python3.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=100000
runs=10
rounds=5
while [ $# -gt 0 ]; do
	case $1 in
	--sizes) sizes=$2; shift ;;
	--runs) runs=$2; shift ;;
	--rounds) rounds=$2; shift ;;
	-h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "edit.sh: unknown option '$1'" >&2; exit 2 ;;
	esac
	shift
done
KBQ=${KBQ:-$root/build/cmd/kbq}
BENCH_DIR=${BENCH_DIR:-/tmp/kbq-bench}
[ -x "$KBQ" ] || { echo "edit.sh: no kbq at $KBQ" >&2; exit 1; }
for t in hyperfine /usr/bin/time python3; do
	command -v "$t" >/dev/null || { echo "edit.sh: needs $t" >&2; exit 1; }
done
export LC_ALL=C.UTF-8
unset KBQ_KB

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in ${sizes//,/ }; do
	d=$BENCH_DIR/edit-$n
	if [ ! -f "$d/done" ] || [ "$here/gen.py" -nt "$d/done" ]; then
		rm -rf "$d"
		mkdir -p "$d"
		python3 "$here/gen.py" --seed 1 -n "$n" --out "$d/gen" >/dev/null
		# the same records cut into ten files at list elements
		mkdir -p "$d/split"
		cp "$d/gen/kb/schema.yaml" "$d/split/"
		python3 - "$d/gen/kb/records.yaml" "$d/split" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
starts = [0] + [i + 1 for i in range(len(text)) if text[i] == "\n" and text.startswith("- ", i + 1)]
per = (len(starts) + 9) // 10
for k in range(10):
    a = starts[k * per] if k * per < len(starts) else len(text)
    b = starts[(k + 1) * per] if (k + 1) * per < len(starts) else len(text)
    with open("%s/part-%02d.yaml" % (sys.argv[2], k), "w", encoding="utf-8") as f:
        f.write(text[a:b])
EOF
		touch "$d/done"
	fi
	# a control in the middle, and the status it does not hold
	id=$("$KBQ" --kb "$d/gen/kb" controls -o id | sed -n "$(( $("$KBQ" --kb "$d/gen/kb" controls -c) / 2 ))p")
	for kb in "$d/gen/kb" "$d/split"; do
		cur=$("$KBQ" --kb "$kb" controls "id=$id" --fields status -o tsv | sed -n 2p)
		[ "$cur" = lifted ] && "$KBQ" --kb "$kb" set -q "$id" status=in-force
		size=$(du -b --apparent-size "$kb" | cut -f1)
		files=$(ls "$kb" | wc -l)
		echo
		echo "== N=$n, $kb ($files files, $size bytes), record $id"
		# only the file holding the record is written
		before=$(cd "$kb" && ls -i && sha256sum ./*)
		"$KBQ" --kb "$kb" set "$id" status=lifted
		after=$(cd "$kb" && ls -i && sha256sum ./*)
		changed=$(diff <(echo "$before") <(echo "$after") | grep -c '^>' || true)
		left=$(ls -A "$kb" | grep -c '^\.' || true)
		echo "lines of ls -i and sha256sum that changed: $changed (the file's inode and its sum: 2); temporary files left: $left"
		"$KBQ" --kb "$kb" set -q "$id" status=in-force
		/usr/bin/time -f "validate peak RSS %M KiB" "$KBQ" --kb "$kb" validate
		/usr/bin/time -f "set peak RSS %M KiB" "$KBQ" --kb "$kb" set -q "$id" status=lifted
		"$KBQ" --kb "$kb" set -q "$id" status=in-force
		out=$(mktemp -d)
		for r in $(seq 1 "$rounds"); do
			hyperfine -N --runs "$(( (runs + rounds - 1) / rounds ))" \
				${r:+$([ "$r" = 1 ] && echo --warmup 1)} \
				--export-json "$out/validate-$r.json" \
				"$KBQ --kb $kb validate" >/dev/null
			hyperfine -N --runs "$(( (runs + rounds - 1) / rounds ))" \
				--prepare "$KBQ --kb $kb set -q $id status=in-force" \
				--export-json "$out/set-$r.json" \
				"$KBQ --kb $kb set -q $id status=lifted" >/dev/null
		done
		"$KBQ" --kb "$kb" set -q "$id" status=in-force
		python3 - "$out" <<'EOF'
import glob, json, statistics, sys
def times(what):
    t = []
    for f in glob.glob("%s/%s-*.json" % (sys.argv[1], what)):
        t += json.load(open(f))["results"][0]["times"]
    return t
v, s = times("validate"), times("set")
mv, ms = statistics.median(v), statistics.median(s)
print("validate median %.0f ms (min %.0f), set median %.0f ms (min %.0f): set / validate = %.2f (%d runs each)"
      % (mv * 1000, min(v) * 1000, ms * 1000, min(s) * 1000, ms / mv, len(v)))
EOF
		rm -rf "$out"
	done
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
