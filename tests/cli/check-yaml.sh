#!/bin/bash
# check-yaml.sh - kbq's yaml output is a KB that kbq reads back as the same
# records: `kbq --kb out.yaml [--schema S] find -o json` equals the json of
# the original, for KBs with and without a schema, merged records, and
# values that need quoting or escaping (tricky/).  PyYAML, a YAML 1.1
# reader that types plain scalars, must read the same strings too (SPEC 2).
#
#   check-yaml.sh KBQ DATADIR      (DATADIR: tests/data/cli)
set -u
if [ $# -ne 2 ]; then
	echo "usage: check-yaml.sh KBQ DATADIR" >&2
	exit 2
fi
kbq=$1
case $kbq in /*) ;; *) kbq=$PWD/$kbq ;; esac
cd "$2" || exit 2
export LC_ALL=C.UTF-8
unset KBQ_KB NO_COLOR
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# roundtrip NAME SCHEMA-OPTION... -- KB-OPTION... QUERY...
roundtrip() {
	local name=$1 schema=() kb=()
	shift
	while [ "$1" != -- ]; do schema+=("$1"); shift; done
	shift
	if "$kbq" "$@" -o json >"$tmp/want.json" &&
	   [ -s "$tmp/want.json" ] &&
	   "$kbq" "$@" -o yaml >"$tmp/out.yaml" &&
	   "$kbq" --kb "$tmp/out.yaml" "${schema[@]}" find -o json \
		>"$tmp/got.json" &&
	   cmp -s "$tmp/want.json" "$tmp/got.json"; then
		echo "ok $name ($(grep -c '^{' "$tmp/want.json") records)"
		pass=$((pass + 1))
		if python3 -c '
import json, sys, yaml
want = json.load(open(sys.argv[1]))
got = list(yaml.safe_load_all(open(sys.argv[2], encoding="utf-8")))
sys.exit(0 if got == want else 1)' "$tmp/want.json" "$tmp/out.yaml"; then
			echo "ok $name: PyYAML reads the same strings"
			pass=$((pass + 1))
		else
			echo "FAIL $name: PyYAML reads other values"
			fail=$((fail + 1))
		fi
	else
		echo "FAIL $name"
		diff -u --label original --label "read back" \
			"$tmp/want.json" "$tmp/got.json" | head -40
		fail=$((fail + 1))
	fi
}

roundtrip "library, with its schema" --schema library/schema.yaml -- \
	--kb library find
roundtrip "library, a kind, sorted" --schema library/schema.yaml -- \
	--kb library books --sort pages
roundtrip "library read back schema-less" -- --kb library find
roundtrip "schema-less KB" -- --kb plain find
roundtrip "values that need quoting" -- --kb tricky find
roundtrip "single file with --schema" --schema single-schema.yaml -- \
	--kb single.yaml --schema single-schema.yaml find

# the library read back is still valid against its schema
"$kbq" --kb library find -o yaml >"$tmp/lib.yaml"
if "$kbq" --kb "$tmp/lib.yaml" --schema library/schema.yaml validate; then
	echo "ok library read back validates"
	pass=$((pass + 1))
else
	echo "FAIL library read back validates"
	fail=$((fail + 1))
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
