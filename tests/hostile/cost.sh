#!/bin/bash
# The binary's side of "cost in proportion to the input" (issue 11): kbq
# built on the library copy that counts its work (kbq-counted, see
# CMakeLists.txt) runs each command on a small hostile KB, and the count
# it reports must stay within a bound in proportion to the KB's records,
# where a scan of a list (the code before) counts hundreds of times more.
#
#   cost.sh KBQ_COUNTED
set -u
[ $# -eq 1 ] || { echo "usage: cost.sh KBQ_COUNTED" >&2; exit 2; }
kbq=$1
case $kbq in /*) ;; *) kbq=$(pwd)/$kbq ;; esac
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
fail=0 pass=0

# within NAME COUNTER MAX STATUS CMD...: the command exits with STATUS and
# its counter COUNTER is at most MAX
within() {
	local name=$1 counter=$2 max=$3 want=$4 got n
	shift 4
	KBQ_WORK=1 timeout 60 "$kbq" "$@" >out 2>err </dev/null
	got=$?
	n=$(sed -n "s/^kbq-work: .*$counter=\([0-9]*\).*/\1/p" err)
	if [ "$got" != "$want" ] || [ -z "$n" ] || [ "$n" -gt "$max" ]; then
		echo "FAIL $name: want exit $want and $counter <= $max," \
		     "got exit $got and $counter=${n:-?}"
		grep -v '^kbq-work:' err | head -5 | sed 's/^/  | /'
		fail=$((fail + 1))
		return
	fi
	pass=$((pass + 1))
}

# 1000 records (kb_lowlimits allows no more), each of a kind of its own
mkdir kinds
awk 'BEGIN { for (i = 0; i < 1000; i++)
	printf "- {id: r%d, kind: kind-%04d}\n", i, i }' >kinds/r.yaml
within "stats over 1000 kinds" lookup_probes 40000 0 --kb kinds stats
within "stats -o json over 1000 kinds" lookup_probes 40000 0 \
	--kb kinds stats -o json

# 1000 records, each with a key of its own
mkdir keys
awk 'BEGIN { for (i = 0; i < 1000; i++)
	printf "- {id: r%d, kind: t, key-%04d: x}\n", i, i }' >keys/r.yaml
within "stats over 1000 keys" lookup_probes 40000 0 --kb keys stats

# an enum of 1000 values and 1000 records holding them
mkdir enum
{
	printf 'kinds:\n  t:\n    fields:\n      e: {type: enum, values: ['
	awk 'BEGIN { for (i = 0; i < 1000; i++) printf "%sv%d", i ? ", " : "", i }'
	printf ']}\n'
} >enum/schema.yaml
awk 'BEGIN { for (i = 0; i < 1000; i++)
	printf "- {id: r%d, kind: t, e: v%d}\n", i, i }' >enum/r.yaml
within "find over a 1000-value enum" lookup_probes 40000 0 \
	--kb enum find -c e=v999
within "validate over a 1000-value enum" lookup_probes 40000 0 \
	--kb enum validate
within "stats over a 1000-value enum" lookup_probes 40000 0 --kb enum stats

# 1000 directories
mkdir dirs
(cd dirs && mkdir $(seq -f "d%g" 1000))
echo '- {id: a, kind: t}' >dirs/a.yaml
within "find -c over 1000 directories" lookup_probes 40000 0 --kb dirs find -c

# dangling refs against every id: suggestions within their budget (4 Mi
# cells and 16 a byte)
mkdir refs
printf 'kinds:\n  t:\n    fields:\n      r: {type: ref}\n' >refs/schema.yaml
awk 'BEGIN { for (i = 0; i < 1000; i++)
	printf "- {id: r%d, kind: t, r: q%dz}\n", i, i }' >refs/r.yaml
within "validate, 1000 dangling refs" edit_cells \
	$(((4 << 20) + 16 * $(wc -c <refs/r.yaml))) 1 --kb refs validate

echo "cost: $pass passed, $fail failed"
[ $fail = 0 ]
