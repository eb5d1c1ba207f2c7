#!/usr/bin/env bash
# tests/bench/run.sh: time one filter query through kbq and its peers.
#
# For each size N it generates a KB with gen.py (cached under $BENCH_DIR), runs the
# same query through every tool once to check that they all print the same id set
# (and to take peak RSS with /usr/bin/time), then times them with hyperfine in
# interleaved rounds and prints a Markdown table.  See tests/bench/README.md.
#
# Not part of ctest: it takes minutes and needs jq, mlr, recsel, yq, hyperfine.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

usage() {
	cat <<EOF
usage: tests/bench/run.sh [OPTIONS]

  --sizes LIST    record counts, comma-separated (default 1000,10000,100000,1000000)
  --tools LIST    subset of: kbq,kbq1,kbqfull,floor,jq,mlr,recsel,yq (default: all)
                  kbq1: kbq with KBQ_THREADS=1 (one thread parses);
                  kbqfull: the same query through a ref path (imposed_by.id=cn),
                  which loads every record instead of streaming
  --runs N        timed runs per tool and size (default 10; 3 for N >= 1000000)
  --rounds R      split the runs into R interleaved hyperfine rounds (default 5; 3 for 1M)
  --yq-max N      largest size yq runs at (default 100000)
  --yq-runs N     timed runs for yq (default 3; it is very slow)
  --seed S        generator seed (default 1)
  --no-startup    skip the 50-record startup comparison
  --check-only    generate and check that the tools agree; no timing
  -h, --help      this text

environment:
  KBQ        kbq binary (default $root/build/kbq, else $root/build/cmd/kbq;
             skipped when missing)
  BENCH_DIR  cache for data, the floor binary and results (default /tmp/kbq-bench)
EOF
}

sizes=1000,10000,100000,1000000
tools=kbq,kbq1,kbqfull,floor,jq,mlr,recsel,yq
runs=
rounds=
yq_max=100000
yq_runs=3
seed=1
startup=1
check_only=0
while [ $# -gt 0 ]; do
	case $1 in
	--sizes) sizes=$2; shift ;;
	--sizes=*) sizes=${1#*=} ;;
	--tools) tools=$2; shift ;;
	--tools=*) tools=${1#*=} ;;
	--runs) runs=$2; shift ;;
	--runs=*) runs=${1#*=} ;;
	--rounds) rounds=$2; shift ;;
	--rounds=*) rounds=${1#*=} ;;
	--yq-max) yq_max=$2; shift ;;
	--yq-max=*) yq_max=${1#*=} ;;
	--yq-runs) yq_runs=$2; shift ;;
	--yq-runs=*) yq_runs=${1#*=} ;;
	--seed) seed=$2; shift ;;
	--seed=*) seed=${1#*=} ;;
	--no-startup) startup=0 ;;
	--check-only) check_only=1 ;;
	-h | --help) usage; exit 0 ;;
	*) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
	esac
	shift
done

die() { echo "run.sh: error: $*" >&2; exit 1; }
note() { echo "run.sh: $*" >&2; }

export LC_ALL=C.UTF-8
BENCH_DIR=${BENCH_DIR:-/tmp/kbq-bench}
if [ -z "${KBQ:-}" ]; then
	KBQ=$root/build/kbq
	[ -x "$KBQ" ] || [ ! -x "$root/build/cmd/kbq" ] || KBQ=$root/build/cmd/kbq
fi
mkdir -p "$BENCH_DIR"

need() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found ($2)"; }
need python3 "apt-get install python3"
need cc "apt-get install gcc"
need pkg-config "apt-get install pkg-config"
pkg-config --exists yaml-0.1 || die "libyaml not found (apt-get install libyaml-dev)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"
[ "$check_only" = 1 ] || need hyperfine "apt-get install hyperfine"

want() { case ",$tools," in *",$1,"*) return 0 ;; esac; return 1; }
have_tool() {
	local t=$1
	case $t in
	kbq | kbq1 | kbqfull)
		[ -x "$KBQ" ] || { note "$t: skipped, no binary at $KBQ (build it or set KBQ)"; return 1; } ;;
	floor) return 0 ;;
	jq | mlr | recsel | yq)
		command -v "$t" >/dev/null 2>&1 || { note "$t: skipped, not installed"; return 1; } ;;
	esac
}
active=()
for t in floor kbq kbq1 kbqfull jq mlr recsel yq; do
	if want "$t" && have_tool "$t"; then active+=("$t"); fi
done
[ ${#active[@]} -gt 0 ] || die "no tools to run"

# the floor: libyaml's event parser and nothing else
floor=$BENCH_DIR/floor
if [ ! -x "$floor" ] || [ "$here/floor.c" -nt "$floor" ]; then
	# shellcheck disable=SC2046
	if ! cc -std=c11 -O2 -Wall -Wextra "$here/floor.c" \
		$(pkg-config --cflags --libs yaml-0.1) -o "$floor.tmp"; then
		die "cannot build floor"
	fi
	mv "$floor.tmp" "$floor"
fi

# data, regenerated when gen.py changes
. "$here/data.sh"

# The query: kind is control, imposed_by is cn, name matches (?i)rare|magnet.
# Each tool prints ids only, one a line (the floor parses and prints nothing).
regex='rare|magnet'
jq_filter='.[] | select(.kind == "control" and .imposed_by == "cn" and (.name | test("'$regex'"; "i"))) | .id'
# shellcheck disable=SC2016
mlr_filter='$kind == "control" && $imposed_by == "cn" && $name =~ "'$regex'"i'
rec_expr="kind = 'control' && imposed_by = 'cn' && name ~ '$regex'"

# cmd TOOL DIR: sets the array c to TOOL's command line on the data in DIR
cmd() {
	local d=$2
	case $1 in
	floor) c=("$floor" "$d/kb/records.yaml") ;;
	kbq) c=("$KBQ" --kb "$d/kb" controls imposed_by=cn "name~(?i)$regex" -o id) ;;
	kbq1) c=(env KBQ_THREADS=1 "$KBQ" --kb "$d/kb" controls imposed_by=cn "name~(?i)$regex" -o id) ;;
	kbqfull) c=("$KBQ" --kb "$d/kb" controls imposed_by.id=cn "name~(?i)$regex" -o id) ;;
	jq) c=(jq -r "$jq_filter" "$d/records.json") ;;
	mlr) c=(mlr --ijsonl --onidx filter "$mlr_filter" 'then' cut -f id "$d/records.jsonl") ;;
	recsel) c=(recsel -i -C -e "$rec_expr" -P id "$d/records.rec") ;;
	yq) c=(yq -r "$jq_filter" "$d/kb/records.yaml") ;;
	esac
}

# shell-quote an argv for hyperfine -N (its parser takes POSIX quoting) and humans
quote() {
	local out='' a
	for a in "$@"; do
		if [[ $a =~ ^[A-Za-z0-9_./=,:+-]+$ ]]; then
			out+=" $a"
		elif [[ $a != *"'"* ]]; then
			out+=" '$a'"
		elif [[ $a != *[\"\$\`\\!]* ]]; then
			out+=" \"$a\""
		else
			out+=" '${a//\'/\'\\\'\'}'"
		fi
	done
	printf '%s' "${out# }"
}

# kislyuk's yq from Debian says "yq 0.0.0"; ask its Python for the real version
yq_version() {
	local v py
	v=$(yq --version 2>&1 | head -1) || true
	if [ "$v" = "yq 0.0.0" ]; then
		py=$(head -1 "$(command -v yq)" | sed -n 's/^#! *//p')
		v="yq $($py -c 'import importlib.metadata as m; print(m.version("yq"))' 2>/dev/null || echo '?')"
	fi
	echo "$v"
}

stamp=$(date +%Y%m%d-%H%M%S)
res=$BENCH_DIR/results/$stamp
mkdir -p "$res"
note "results in $res"
{
	echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
	echo "cores=$(nproc)"
	echo "kernel=$(uname -r)"
	echo "seed=$seed"
	echo "hyperfine=$(hyperfine --version 2>/dev/null || true)"
	echo "jq=$(jq --version 2>/dev/null || true)"
	echo "mlr=$(mlr --version 2>/dev/null || true)"
	echo "recsel=$(recsel --version 2>/dev/null | head -1 || true)"
	echo "yq=$(yq_version)"
	echo "libyaml=$(pkg-config --modversion yaml-0.1)"
	echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
	if [ -x "$KBQ" ]; then
		echo "kbq=$KBQ"
		echo "kbq_commit=$(git -C "$root" describe --always --dirty 2>/dev/null || echo '?')"
	fi
} >"$res/meta"

fail=0
IFS=, read -r -a size_list <<<"$sizes"
for n in "${size_list[@]}"; do
	if ! [[ $n =~ ^[0-9]+$ ]] || [ "$n" -lt 2 ]; then die "bad size '$n'"; fi
	d=$(data_for "$n")
	echo "yaml_bytes_$n=$(stat -c %s "$d/kb/records.yaml")" >>"$res/meta"
	echo "data_$n=$d" >>"$res/meta"
	tl=()
	for t in "${active[@]}"; do
		if [ "$t" = yq ] && [ "$n" -gt "$yq_max" ]; then continue; fi
		tl+=("$t")
	done

	# correctness and peak RSS: one plain run of each tool
	ref=
	for t in "${tl[@]}"; do
		cmd "$t" "$d"
		out=$res/n$n.$t.out
		note "n=$n $t: $(quote "${c[@]}")"
		rc=0
		/usr/bin/time -f %M -o "$res/n$n.$t.rss" "${c[@]}" >"$out" 2>"$res/n$n.$t.err" || rc=$?
		if [ "$rc" != 0 ]; then
			echo "run.sh: FAIL: n=$n $t exited $rc:" >&2
			sed 's/^/  /' "$res/n$n.$t.err" | head -20 >&2
			fail=1
			continue
		fi
		if [ "$t" = floor ]; then
			[ ! -s "$out" ] || { echo "run.sh: FAIL: floor printed output" >&2; fail=1; }
			continue
		fi
		LC_ALL=C sort -o "$out" "$out"
		if [ -z "$ref" ]; then
			ref=$t
			[ -s "$out" ] || { echo "run.sh: FAIL: n=$n $t printed no ids" >&2; fail=1; }
		elif ! cmp -s "$res/n$n.$ref.out" "$out"; then
			echo "run.sh: FAIL: n=$n: $t and $ref print different id sets:" >&2
			diff -u "$res/n$n.$ref.out" "$out" | head -20 >&2
			fail=1
		fi
	done
	if [ -n "$ref" ]; then
		note "n=$n: $(wc -l <"$res/n$n.$ref.out") ids, same set from: $(for t in "${tl[@]}"; do [ "$t" = floor ] || printf '%s ' "$t"; done)"
	fi
	[ "$fail" = 0 ] || die "tools disagree or fail at n=$n (outputs in $res)"
	[ "$check_only" = 0 ] || continue

	# timing: interleaved rounds so that drift hits every tool alike
	if [ -n "$runs" ]; then r_total=$runs; elif [ "$n" -ge 1000000 ]; then r_total=3; else r_total=10; fi
	if [ -n "$rounds" ]; then r_rounds=$rounds; elif [ "$n" -ge 1000000 ]; then r_rounds=3; else r_rounds=5; fi
	[ "$r_rounds" -le "$r_total" ] || r_rounds=$r_total
	per=$(((r_total + r_rounds - 1) / r_rounds))
	yq_done=0
	for ((k = 1; k <= r_rounds; k++)); do
		warm=0
		[ "$k" != 1 ] || warm=1
		args=()
		for t in "${tl[@]}"; do
			[ "$t" != yq ] || continue
			cmd "$t" "$d"
			args+=(-n "$t" "$(quote "${c[@]}")")
		done
		note "n=$n round $k/$r_rounds: $per run(s) per tool"
		if [ ${#args[@]} -gt 0 ]; then
			hyperfine -N --style basic --warmup "$warm" --runs "$per" \
				--export-json "$res/n$n.round$k.json" "${args[@]}" >&2
		fi
		# yq is slow: it gets its own call, in the same rounds, until it has yq_runs
		yr=$((yq_runs - yq_done))
		[ "$yr" -le "$per" ] || [ "$k" = "$r_rounds" ] || yr=$per
		if printf '%s\n' "${tl[@]}" | grep -qx yq && [ "$yr" -gt 0 ]; then
			cmd yq "$d"
			hyperfine -N --style basic --warmup 0 --runs "$yr" \
				--export-json "$res/n$n.round$k-yq.json" -n yq "$(quote "${c[@]}")" >&2
			yq_done=$((yq_done + yr))
		fi
	done
done

# startup: a 50-record KB, where process start and first read dominate
if [ "$startup" = 1 ] && [ "$check_only" = 0 ]; then
	d=$(data_for 50)
	s=()
	if want kbq && [ -x "$KBQ" ]; then
		cmd kbq "$d"
		s+=(-n kbq "$(quote "${c[@]}")")
	fi
	s+=(-n "grep -P" "$(quote grep -P "(?i)$regex" "$d/kb/records.yaml")")
	cmd jq "$d"
	s+=(-n jq "$(quote "${c[@]}")")
	cmd floor "$d"
	s+=(-n floor "$(quote "${c[@]}")")
	note "startup on 50 records"
	# -i: on 50 records the query may match nothing, and grep and kbq then exit 1
	hyperfine -N -i --style basic --warmup 5 --runs 100 \
		--export-json "$res/startup.json" "${s[@]}" >&2
	echo "startup_yaml_bytes=$(stat -c %s "$d/kb/records.yaml")" >>"$res/meta"
fi

echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$res/meta"
if [ "$check_only" = 1 ]; then
	note "check passed for sizes $sizes"
	exit 0
fi
python3 "$here/report.py" "$res" | tee "$res/results.md"
note "table in $res/results.md"
