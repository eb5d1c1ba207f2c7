#!/bin/bash
# Every input of the YAML test suite through `kbq --kb CASE/in.yaml find`
# and `validate`: exit 0, 1 or 2 only (never a crash or a hang), and every
# input that libyaml rejects (MANIFEST.tsv: libyaml_accepts = no) reported
# as exit 2 with "kbq: CASE/in.yaml:LINE:COL: error: ..." first (a YAML
# error, or a structural one met earlier in the file); an input libyaml
# accepts is never called a YAML syntax error.
#
#   yaml-suite.sh KBQ SUITE_DIR
#
# Skips (77) when SUITE_DIR (../shared/data/yaml-test-suite) is absent.
set -u
[ $# -eq 2 ] || { echo "usage: yaml-suite.sh KBQ SUITE_DIR" >&2; exit 2; }
kbq=$1 suite=$2
if [ ! -f "$suite/MANIFEST.tsv" ]; then
	echo "SKIP: no YAML test suite at $suite"
	exit 77
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail=0 pass=0 rejected=0 yamlerr=0 total=0

# The column holding libyaml_accepts, found by its header.
col=$(head -n 1 "$suite/MANIFEST.tsv" | tr '\t' '\n' |
      grep -nx libyaml_accepts | cut -d: -f1)
[ -n "$col" ] || { echo "MANIFEST.tsv has no libyaml_accepts column" >&2; exit 2; }

while IFS=$'\t' read -r -a row; do
	id=${row[0]}
	accepts=${row[$((col - 1))]}
	[ "$id" = case_id ] && continue
	in=$suite/$id/in.yaml
	if [ ! -f "$in" ]; then
		echo "FAIL $id: no in.yaml"
		fail=$((fail + 1))
		continue
	fi
	total=$((total + 1))
	for cmd in find validate; do
		timeout 10 "$kbq" --kb "$in" $cmd >/dev/null 2>"$tmp/err" </dev/null
		rc=$?
		if [ $rc -gt 2 ]; then
			echo "FAIL $id ($cmd): exit $rc" \
			     "$([ $rc = 124 ] && echo '(hung)')"
			sed 's/^/  | /' "$tmp/err" | head -5
			fail=$((fail + 1))
			continue
		fi
		first=$(head -n 1 "$tmp/err")
		if [ "$accepts" = no ]; then
			# a structural error may come first: loading stops there
			if [ $rc != 2 ] ||
			   ! [[ $first =~ ^kbq:\ .*/$id/in\.yaml:[1-9][0-9]*:[1-9][0-9]*:\ error:\  ]]; then
				echo "FAIL $id ($cmd): libyaml rejects it; want exit 2" \
				     "and a located error, got exit $rc: $first"
				fail=$((fail + 1))
				continue
			fi
			if [ $cmd = find ]; then
				rejected=$((rejected + 1))
				[[ $first =~ error:\ yaml: ]] && yamlerr=$((yamlerr + 1))
			fi
		elif [[ $first =~ error:\ yaml: ]]; then
			echo "FAIL $id ($cmd): libyaml accepts it, kbq says: $first"
			fail=$((fail + 1))
			continue
		fi
		pass=$((pass + 1))
	done
done <"$suite/MANIFEST.tsv"

echo "yaml-test-suite: $total inputs, $rejected rejected by libyaml and" \
     "located by kbq, $yamlerr of them as YAML errors"
echo "yaml-test-suite: $pass passed, $fail failed"
[ $fail = 0 ] && [ $total -gt 0 ]
