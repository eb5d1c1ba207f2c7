#!/bin/bash
# The limits of SPEC 2 "Limits", through the kbq binary: each limit is an
# error at a position (exit 2, one "kbq: ... error: ..." line, in seconds,
# never a crash or an out-of-memory), and the floors the SPEC names are
# accepted.  Inputs are generated here, on the fly.
#
#   limits.sh KBQ
#
# The cases that need inputs of hundreds of MiB or millions of records (a
# scalar over the 256 MiB cap, a file of 1 GiB, 10 million records) run
# only with KBQ_HUGE_TESTS=1; test-limits-low checks the same code with the
# caps lowered.
set -u
[ $# -eq 1 ] || { echo "usage: limits.sh KBQ" >&2; exit 2; }
kbq=$1
case $kbq in /*) ;; *) kbq=$(pwd)/$kbq ;; esac
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
fail=0 pass=0 skip=0

# run SECONDS CMD...: kbq's status in $rc, its stderr in err, stdout in out
run() {
	local secs=$1
	shift
	timeout "$secs" "$kbq" "$@" >out 2>err </dev/null
	rc=$?
}

# error NAME FIRSTLINE PATTERN CMD...: exit 2 within 20 s, stderr's first
# line starts "kbq: FIRSTLINE" and matches the ERE PATTERN
error() {
	local name=$1 first=$2 pat=$3
	shift 3
	run 20 "$@"
	if [ $rc = 2 ] && head -n 1 err | grep -qF -- "kbq: $first" &&
	   head -n 1 err | grep -qE -- "$pat"; then
		pass=$((pass + 1))
		return
	fi
	echo "FAIL $name: want exit 2 and 'kbq: $first...$pat...', got exit $rc:"
	head -c 600 err | sed 's/^/  | /'
	fail=$((fail + 1))
}

# ok NAME STATUS WANT CMD...: that status within 60 s, no stderr, and
# stdout equal to WANT
ok() {
	local name=$1 want=$2 out=$3
	shift 3
	run 60 "$@"
	if [ $rc = "$want" ] && [ ! -s err ] && [ "$(cat out)" = "$out" ]; then
		pass=$((pass + 1))
		return
	fi
	echo "FAIL $name: want exit $want and '$out', got exit $rc and" \
	     "'$(head -c 200 out)'"
	head -c 600 err | sed 's/^/  | /'
	fail=$((fail + 1))
}

# n copies of string s
rep() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

# ---- alias expansion (billion laughs) ------------------------------------
{
	echo 'id: lol'
	echo 'kind: t'
	echo 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'
	prev=a
	for l in b c d e f g h i j; do
		printf '%s: &%s [*%s' $l $l $prev
		rep 9 ", *$prev"
		echo ']'
		prev=$l
	done
} >laughs.yaml
# Lists of lists are refused as such, and merging a mapping twice adds
# nothing; what multiplies is a big anchored scalar aliased over and over.
{
	echo "- {id: a, kind: t, v: &v $(rep 1048576 lol)}"
	awk 'BEGIN { for (i = 0; i < 300; i++)
		printf "- {id: r%d, kind: t, v: *v}\n", i }'
} >scalar-laughs.yaml
# each alias costs 3 MiB; the budget, 64 MiB and 8 times the file's 3.2
# MiB, runs out at the 30th (line 31, the alias at column 25)
error "aliases that expand beyond the budget" scalar-laughs.yaml:31:25: \
	"billion laughs" --kb scalar-laughs.yaml find
# within budget: 20000 records sharing one anchored list and mapping
{
	echo '- &base {id: r0, kind: t, tags: &tags [a, b, c, d, e]}'
	awk 'BEGIN { for (i = 1; i < 20000; i++)
		printf "- {<<: *base, id: r%d, more: *tags}\n", i }'
} >many-aliases.yaml
ok "20000 aliases within budget" 0 20000 --kb many-aliases.yaml find -c

# ---- nesting depth --------------------------------------------------------
nest_merge() {	# $1 levels of inline merge mappings inside a record
	printf 'id: deep\nkind: t\n'
	rep "$1" '<<: {'
	printf 'x: y'
	rep "$1" '}'
	echo
}
nest_merge 64 >merge64.yaml
nest_merge 65 >merge65.yaml
ok "64 nested merge mappings" 0 deep --kb merge64.yaml find -o id
# the 65th '{' starts at column 1 + 64 * 5 + 4
error "65 nested merge mappings" merge65.yaml:3:325: "deeper than 64" \
	--kb merge65.yaml find
{ printf 'id: a\nkind: t\nx: '; rep 100000 '['; echo; } >flow-seq.yaml
# libyaml is quadratic in this nesting: the loader must stop reading early
error "100000 nested flow sequences" flow-seq.yaml:3:5: "list inside a list" \
	--kb flow-seq.yaml find
{ printf 'id: a\nkind: t\nx: '; rep 100000 '{a: '; echo; } >flow-map.yaml
error "100000 nested flow mappings" flow-map.yaml:3:4: "nested mapping" \
	--kb flow-map.yaml find
{ rep 100000 '- '; echo x; } >block-seq.yaml
error "100000 nested block sequences" block-seq.yaml:1:3: "not a record" \
	--kb block-seq.yaml find
mkdir deep-schema
{ printf 'kinds:\n  t:\n    fields: '; rep 100000 '['; echo; } >deep-schema/schema.yaml
# the root, kinds and t mappings, then the 62nd '[' is the 65th level
error "100000 levels in the schema" deep-schema/schema.yaml:3:74: \
	"nests deeper than 64" \
	--kb deep-schema find
mkdir deep-schema2
{ printf 'kinds:\n  t:\n    fields: '; rep 20000 '[' ; rep 20000 ']'; echo; } \
	>deep-schema2/schema.yaml
error "20000 closed levels in the schema" deep-schema2/schema.yaml:3:74: \
	"nests deeper than 64" \
	--kb deep-schema2 find
mkdir deepdir
(cd deepdir && for i in $(seq 300); do mkdir d && cd d || exit 1; done
 printf 'id: a\nkind: t\n' >a.yaml)
error "300 nested directories" "deepdir/" "deeper than 256" --kb deepdir find

# ---- a scalar or a file larger than a cap ---------------------------------
# The floor: a scalar of 64 MiB is accepted (and kept whole).
{ printf 'id: big\nkind: t\nname: '; head -c $((64 << 20)) /dev/zero | tr '\0' x; echo; } \
	>scalar64.yaml
run 60 --kb scalar64.yaml find --fields name -o tsv
if [ $rc = 0 ] && [ "$(tail -n 1 out | wc -c)" = $(((64 << 20) + 1)) ]; then
	pass=$((pass + 1))
else
	echo "FAIL 64 MiB scalar kept whole: exit $rc, $(tail -n 1 out | wc -c) bytes"
	fail=$((fail + 1))
fi
rm -f scalar64.yaml out
# A schema file over its cap: sparse, so it costs no disk.
mkdir big-schema
truncate -s $(((64 << 20) + 1)) big-schema/schema.yaml
error "schema file over its cap" big-schema/schema.yaml: "larger than" \
	--kb big-schema find
rm -rf big-schema
printf 'id: a\nkind: t\n' >small.yaml
error "endless schema file" /dev/zero: "larger than" \
	--kb small.yaml --schema /dev/zero find
if [ "${KBQ_HUGE_TESTS:-}" = 1 ]; then
	{ printf 'id: big\nkind: t\nname: '
	  head -c $(((256 << 20) + 1)) /dev/zero | tr '\0' x; echo; } >scalar-over.yaml
	error "scalar over 256 MiB" scalar-over.yaml:3:7: "over the limit" \
		--kb scalar-over.yaml find
	rm -f scalar-over.yaml
	awk 'BEGIN { for (i = 0; i < 10000000; i++)
		printf "- {id: r%d, kind: t}\n", i }' >records10m.yaml
	ok "10 million records" 0 10000000 --kb records10m.yaml find -c
	rm -f records10m.yaml
	awk -v pad="$(rep 1000 x)" 'BEGIN { for (i = 0; i < 1048576; i++)
		printf "- {id: r%07d, kind: t, name: %s}\n", i, pad }' >file1g.yaml
	ok "file of 1 GiB" 0 1048576 --kb file1g.yaml find -c
	rm -f file1g.yaml
else
	echo "SKIP scalar over 256 MiB, 10 million records, file of 1 GiB" \
	     "(set KBQ_HUGE_TESTS=1)"
	skip=$((skip + 3))
fi

# ---- regex limits ------------------------------------------------------------
{
	echo "- {id: a, kind: t, name: $(rep 40 a)b}"
	echo "- {id: b, kind: t, name: $(rep 500000 ab)}"
	echo "- {id: c, kind: t, name: plain}"
} >re.yaml
# located at the value the regex gave up on
error "regex match limit ((a+)+\$)" re.yaml:1:26: "match limit" \
	--kb re.yaml find 'name~(a+)+$'
error "regex stack limit on a 1 MB value" re.yaml:2:26: "limit" \
	--kb re.yaml find 'name~^(?:(a)|b)*$'
error "regex match limit in grep" re.yaml:1:26: "match limit" \
	--kb re.yaml grep '(a+)+$'
ok "a regex that is fine" 0 c --kb re.yaml find -o id 'name~^pl(a|i)+n$'
error "regex too long for PCRE2" "error: bad regex" "too large" \
	--kb re.yaml find "name~$(rep 100000 x)"

# ---- expression length, nesting, paths ------------------------------------
printf -- '- {id: a, kind: t, name: A, f: [a]}\n- {id: b, kind: t, name: B, f: [a]}\n' \
	>e.yaml
# a ends where it starts, and b's first step leads there
word=$(rep 65536 x)
ok "expression word of 64 KiB" 1 "" --kb e.yaml find "name=$word"
ok "1000 expression words" 0 2 --kb e.yaml find -c $(rep 1000 'id? ')
ok "10000 expression words" 0 2 --kb e.yaml find -c $(rep 10000 'id? ')
error "10001 expression words" "error: expression of 10001 words" "limit" \
	--kb e.yaml find $(rep 10001 'id? ')
ok "255 nested parentheses" 0 2 --kb e.yaml find -c $(rep 255 '( ') 'id?' $(rep 255 ') ')
error "300 nested parentheses" "error: expression nests deeper" "256" \
	--kb e.yaml find $(rep 300 '( ') 'id?' $(rep 300 ') ')
error "300 nested nots" "error: expression nests deeper" "256" \
	--kb e.yaml find $(rep 300 'not ') 'id?'
ok "ref path of 16 steps" 0 $'a\nb' --kb e.yaml find -o id "$(rep 15 f.)name=A"
ok "ref path of 32 steps" 0 $'a\nb' --kb e.yaml find -o id "$(rep 31 f.)name=A"
error "ref path of 33 steps" "error: path of 33 steps" "limit" \
	--kb e.yaml find "$(rep 32 f.)name=A"
# refs that fan out: 2 records, 10 refs each, 16 steps = 10^15 walks
{
	echo "- {id: a, kind: t, name: A, f: [$(rep 9 'a, ')b]}"
	echo "- {id: b, kind: t, name: B, f: [$(rep 9 'b, ')a]}"
} >fan.yaml
error "ref paths that fan out" fan.yaml:1:3: "reach more than" \
	--kb fan.yaml find "$(rep 15 f.)name=none"

echo "limits: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
