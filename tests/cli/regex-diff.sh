#!/bin/bash
# regex-diff.sh - differential test of kbq's `~` against grep -P (both
# PCRE2, UTF-8): the records that `kbq find text~PAT` selects must be the
# lines that grep selects, for every pattern of patterns.txt.
#
#   regex-diff.sh KBQ DATADIR
#
# DATADIR holds words.txt (one value a line) and patterns.txt (FLAGS, a
# tab, a pattern; FLAGS i for -i, F for -F).  The KB is built here from
# words.txt, one record per line (id wN for line N, its text in field
# "text"), so the expected answer comes from grep on the very same values.
set -u
if [ $# -ne 2 ]; then
	echo "usage: regex-diff.sh KBQ DATADIR" >&2
	exit 2
fi
kbq=$1 data=$2
export LC_ALL=C.UTF-8
unset KBQ_KB
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# JSON strings are YAML double-quoted scalars: the values come through as
# written, empty and space-padded ones included.
jq -nR -r '[inputs] | to_entries[] |
	"- id: w\(.key + 1)\n  kind: word\n  text: \(.value | @json)"' \
	"$data/words.txt" >"$tmp/words.yaml" || exit 2
n=$(grep -c '' "$data/words.txt")
if [ "$("$kbq" --kb "$tmp/words.yaml" find -c)" != "$n" ]; then
	echo "FAIL: the KB built from words.txt does not hold $n records"
	exit 1
fi

pass=0 fail=0 total=0
while IFS=$'\t' read -r flags pat; do
	case $flags in '#'*|'') continue ;; esac
	total=$((total + 1))
	gopts=(-n) kopts=()
	case $flags in *i*) gopts+=(-i); kopts+=(-i) ;; esac
	case $flags in *F*) gopts+=(-F); kopts+=(-F) ;; *) gopts+=(-P) ;; esac
	grep "${gopts[@]}" -e "$pat" "$data/words.txt" >"$tmp/grep.out"
	rc=$?
	if [ $rc -gt 1 ]; then
		echo "FAIL [$flags] $pat: grep failed ($rc)"
		fail=$((fail + 1))
		continue
	fi
	cut -d: -f1 "$tmp/grep.out" | sed 's/^/w/' >"$tmp/want"
	"$kbq" --kb "$tmp/words.yaml" find "${kopts[@]}" "text~$pat" -o id \
		>"$tmp/got" 2>"$tmp/err"
	krc=$?
	# kbq's status must say what it printed: 0 with matches, 1 without
	if [ -s "$tmp/want" ]; then want_rc=0; else want_rc=1; fi
	if cmp -s "$tmp/want" "$tmp/got" && [ $krc = $want_rc ]; then
		echo "ok [$flags] $pat ($(grep -c '' "$tmp/want") of $n)"
		pass=$((pass + 1))
	else
		echo "FAIL [$flags] $pat (kbq exit $krc)"
		cat "$tmp/err"
		diff -u --label grep --label kbq "$tmp/want" "$tmp/got"
		fail=$((fail + 1))
	fi
done <"$data/patterns.txt"
if [ $total -lt 40 ]; then
	echo "FAIL: only $total patterns (at least 40 wanted)"
	fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
