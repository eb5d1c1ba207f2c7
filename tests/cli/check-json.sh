#!/bin/bash
# check-json.sh - kbq's json and jsonl output is valid JSON (jq reads it)
# of the promised shape: an array of objects (json) or one object a line
# (jsonl) holding the same records, every value a string or an array of
# strings, list fields of the schema always arrays, --fields keys the paths
# as written.
#
#   check-json.sh KBQ DATADIR      (DATADIR: tests/data/cli)
set -u
if [ $# -ne 2 ]; then
	echo "usage: check-json.sh KBQ DATADIR" >&2
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

ok() { echo "ok $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }

# jq -e FILTER on FILE, which must not be empty: jq 1.6 -e says yes to
# no input at all.
jqe() {
	[ -s "$2" ] && jq -e "$1" "$2" >/dev/null
}

# every value a string, or an array of strings
strings='all(.[]; type == "string" or
	(type == "array" and all(.[]; type == "string")))'

# KB and query; the record count from -c is the expected length.
check() {
	local what=$1
	shift
	local n
	n=$("$kbq" "$@" -c)
	if ! "$kbq" "$@" -o json >"$tmp/out.json"; then
		bad "$what: kbq -o json failed"
		return
	fi
	if jqe "type == \"array\" and length == $n and
		all(.[]; type == \"object\" and $strings)" "$tmp/out.json"; then
		ok "$what: json is an array of $n objects of strings"
	else
		bad "$what: json"
		head -c 600 "$tmp/out.json"
	fi
	"$kbq" "$@" -o jsonl >"$tmp/out.jsonl"
	rc=$?
	# one object a line, each line complete in itself
	if [ $rc -eq 0 ] && [ "$n" -gt 0 ] &&
	   jq -R -s -e "endswith(\"\n\") and (split(\"\n\")[:-1] |
		length == $n and all(.[]; fromjson | type == \"object\" and
		$strings))" "$tmp/out.jsonl" >/dev/null &&
	   diff <(jq -c '.[]' "$tmp/out.json") <(jq -c . "$tmp/out.jsonl") \
		>/dev/null; then
		ok "$what: jsonl is the same $n objects, one a line"
	else
		bad "$what: jsonl"
		head -c 600 "$tmp/out.jsonl"
	fi
}

check "library find" --kb library find
check "library books" --kb library books
check "library ref paths" --kb library books --fields id,authors.name,publisher.parent.city,pages
check "library sorted" --kb library find --sort published --reverse
check "schema-less" --kb plain find
check "schema-less ref paths" --kb plain find --fields id,moons.name,target.name
check "tricky values" --kb tricky find
check "single file" --kb single.yaml --schema single-schema.yaml find

# With a schema, a list field is always an array, even where the file
# holds a scalar (fairy-tales: authors: andersen); other fields never are.
# These are the list fields of library/schema.yaml.
lists='["aliases","tags","authors","about","related","shows"]'
"$kbq" --kb library find -o json >"$tmp/all.json"
if jqe "$lists as \$l | all(.[]; to_entries | all(.[];
		if (.key | IN(\$l[])) then (.value | type) == \"array\"
		else (.value | type) == \"string\" end))" "$tmp/all.json"; then
	ok "schema list fields are arrays, the others strings"
else
	bad "schema list fields are arrays, the others strings"
fi

# --fields: the keys are the paths as written, in that order
"$kbq" --kb library books --fields pages,authors.name,id -o json >"$tmp/f.json"
if jqe 'length == 8 and
	all(.[]; keys_unsorted - ["pages", "authors.name", "id"] == []) and
	(.[0] | keys_unsorted == ["pages", "authors.name", "id"])' "$tmp/f.json"; then
	ok "--fields keys are the paths as written"
else
	bad "--fields keys are the paths as written"
fi

# the other commands that print JSON
for cmd in "timeline" "timeline --as-of 2024-06" "find --limit 0"; do
	"$kbq" --kb library $cmd -o json >"$tmp/t.json"
	rc=$?
	# timeline exits 0 when it printed rows, 1 when none (--limit 0)
	want=0
	[ "$cmd" = "find --limit 0" ] && want=1
	if [ $rc -eq $want ] && jqe "type == \"array\" and all(.[]; type == \"object\" and $strings)" \
		"$tmp/t.json"; then
		ok "$cmd -o json"
	else
		bad "$cmd -o json"
	fi
done
"$kbq" --kb problems validate -o json >"$tmp/v.json"
rc=$?
if [ $rc -eq 1 ] && jqe 'type == "array" and length == 15 and all(.[];
	(.file | type) == "string" and (.line | type) == "number" and
	(.col | type) == "number" and (.message | type) == "string")' \
	"$tmp/v.json"; then
	ok "validate -o json"
else
	bad "validate -o json"
fi
"$kbq" --kb bad/syntax.yaml validate -o json >"$tmp/v.json"
rc=$?
if [ $rc -eq 2 ] && jqe 'type == "array" and length == 1' "$tmp/v.json"; then
	ok "validate -o json on a structural error"
else
	bad "validate -o json on a structural error"
fi
"$kbq" --kb library stats -o json >"$tmp/s.json"
rc=$?
if [ $rc -eq 0 ] && jqe '.records == 26 and
	(.kinds | map(.kind) == ["author", "publisher", "book", "loan", "exhibition"])' \
	"$tmp/s.json"; then
	ok "stats -o json"
else
	bad "stats -o json"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
