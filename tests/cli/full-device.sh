#!/bin/bash
# full-device.sh - output that cannot be written is an error: every command
# and format, with stdout on /dev/full, exits 2 with exactly one diagnostic
# "kbq: error: write error: ..." (SPEC 2: the exit status is always the
# truth); -q writes nothing, so it keeps the query's status and says nothing.
#
#   full-device.sh KBQ DATADIR      (DATADIR: tests/data/cli)
set -u
[ $# -eq 2 ] || { echo "usage: full-device.sh KBQ DATADIR" >&2; exit 2; }
kbq=$1
case $kbq in /*) ;; *) kbq=$PWD/$kbq ;; esac
cd "$2" || exit 2
[ -w /dev/full ] || { echo "skip: no writable /dev/full"; exit 77; }
export LC_ALL=C.UTF-8
unset KBQ_KB NO_COLOR
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# a KB whose output is far larger than stdio's buffer, so that the write
# fails while records are still being printed, not only at the end
awk 'BEGIN { for (i = 1; i <= 3000; i++)
	printf "- id: r%d\n  kind: k\n  name: record number %d of a long list\n", i, i }' \
	>"$tmp/big.yaml"

full() {
	local rc err
	"$kbq" "$@" >/dev/full 2>"$tmp/err"
	rc=$?
	err=$(cat "$tmp/err")
	if [ $rc -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	   [[ $err == "kbq: error: write error: No space left on device" ]]; then
		pass=$((pass + 1))
	else
		echo "FAIL kbq $*: exit $rc, stderr:"
		sed 's/^/  | /' "$tmp/err"
		fail=$((fail + 1))
	fi
}

for f in text tsv csv json jsonl yaml id; do
	full --kb library find -o "$f"
	full --kb library books -o "$f"
	full --kb library timeline -o "$f"
	full --kb "$tmp/big.yaml" find -o "$f"
	full --kb library find --sort pages -o "$f"
	full --kb library find --fields id,authors.name -o "$f"
done
for f in text json jsonl yaml id; do
	full --kb library show blixen -o "$f"
done
full --kb library find -0
full --kb library find -c
full --kb library timeline -c
full --kb library grep a
full --kb library grep -c a
full --kb "$tmp/big.yaml" grep record
full --kb library stats
full --kb library stats -o json
full --kb library schema
full --kb library schema books
full --kb library validate -o json
full --kb problems validate -o json
full --kb library help
full --kb library help find
full --kb library help books
full --kb library find -h
full --version
full help

# -q prints nothing: no write error to report, the query's own status
for args in "find" "books pages>100" "grep Nordic" "timeline"; do
	# shellcheck disable=SC2086
	"$kbq" --kb library $args -q >/dev/full 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 0 ] && [ ! -s "$tmp/err" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL kbq --kb library $args -q: exit $rc"
		fail=$((fail + 1))
	fi
done

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
