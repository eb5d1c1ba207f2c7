#!/bin/bash
# readme.sh - the README's examples run, and each gives the answer its
# comment promises.
#
#   readme.sh KBQ README
#
# Every line of the first block of "## Examples" that starts with "kbq " is run (with
# bash -o pipefail, kbq first on PATH, the built-in KB, in a scratch
# directory holding ./my-kb, a copy of the shipped KB) and checked by the
# case below that has exactly that command: a new or changed example
# without a check fails, so no example can drift from what it answers.
# The expected answers were read off kb/ by hand; when the KB changes, they
# are checked again.
set -u
[ $# -eq 2 ] || { echo "usage: readme.sh KBQ README" >&2; exit 2; }
kbq=$1 readme=$2
case $kbq in /*) ;; *) kbq=$PWD/$kbq ;; esac
case $readme in /*) ;; *) readme=$PWD/$readme ;; esac
kbdir=$(cd "$(dirname "$readme")/kb" && pwd) || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin"
ln -s "$kbq" "$tmp/bin/kbq"
cp -r "$kbdir" "$tmp/my-kb"
cd "$tmp" || exit 2
export PATH="$tmp/bin:$PATH" LC_ALL=C.UTF-8 NO_COLOR=1
unset KBQ_KB
pass=0 fail=0
no() { echo "FAIL: $ex: $*"; fail=$((fail + 1)); }

# out holds the example's standard output, rc its status
check()
{
	case $ex in
	"kbq controls imposed_by=cn 'items~(?i)terbium'")
		# the one control whose items name terbium: China's licensing
		[ "$(awk 'NR > 1 { print $1 }' <<<"$out")" = cn-rare-earths-2025 ] ||
			no "not just cn-rare-earths-2025: $out" ;;
	"kbq show london-talks-2025")
		grep -q '^id: *london-talks-2025$' <<<"$out" &&
		grep -q '^# kb/agreements.yaml:' <<<"$out" &&
		grep -q '^participants: *bessent (Scott Bessent)$' <<<"$out" &&
		grep -q '^  *lutnick (Howard Lutnick)$' <<<"$out" &&
		grep -q '^referenced by: ' <<<"$out" ||
			no "not the record with its refs' names and back-links" ;;
	"kbq show 'Howard Lutnick'")
		grep -q '^id: *lutnick$' <<<"$out" || no "not lutnick's record" ;;
	"kbq agreements id=london-talks-2025 --fields heads.name,participants.name -o tsv")
		[ "$(head -1 <<<"$out")" = "$(printf 'heads.name\tparticipants.name')" ] &&
		[ "$(wc -l <<<"$out")" -eq 2 ] &&
		grep -q 'He Lifeng	' <<<"$out" &&
		grep -q 'Scott Bessent;Howard Lutnick;Jamieson Greer;He Lifeng' <<<"$out" ||
			no "not London's heads and participants: $out" ;;
	"kbq events actors=hassett --fields date,quotes -o json | jq -r '.[].quotes[]'")
		grep -qx "We don't want any technical details slowing that down." <<<"$out" &&
		[ "$(wc -l <<<"$out")" -ge 3 ] ||
			no "not Hassett's quotes: $out" ;;
	"kbq controls --as-of 2025-06-09")
		# every control of kb/ started on or before 9 June 2025 and
		# none had ended (kb/controls.yaml, since and until)
		[ "$(awk 'NR > 1 { print $1 }' <<<"$out" | sort | tr '\n' ' ')" = \
		  "cn-rare-earths-2025 us-aircraft-engines-2025 us-ascend-2025 us-chips-2022 us-eda-2025 us-nuclear-2025 " ] ||
			no "not the six controls in force: $out" ;;
	"kbq grep -i 'rare.earth' kind=event")
		# rare earths, rare-earth and Rare Earth alike, events only
		grep -q 'mofcom-2025-06-07.name: .*rare-earth' <<<"$out" &&
		grep -q 'hassett-cbs-2025-06-08.quotes: .*rare earth' <<<"$out" &&
		! grep -v '^kb/events.yaml:' <<<"$out" | grep -q . ||
			no "not the events' values on rare earths: $out" ;;
	"kbq find 'participants.country=cn' -o id")
		[ "$(sort <<<"$out" | tr '\n' ' ')" = \
		  "geneva-talks-2025 london-talks-2025 trump-xi-call-2025 " ] ||
			no "not the talks and the call China took part in: $out" ;;
	"kbq actors '^heads.type=talks'")
		# the heads of the Geneva talks (Bessent, Greer, He Lifeng) and
		# of the London talks (He Lifeng), in actors.yaml's order
		[ "$(awk 'NR > 1 { print $1 }' <<<"$out" | tr '\n' ' ')" = \
		  "bessent greer he-lifeng " ] ||
			no "not the heads of the talks: $out" ;;
	"kbq controls --count-by imposed_by.name,measure")
		# kb/controls.yaml: the US imposes three restrictions, a ban
		# and a licensing; China one licensing; six in all
		[ "$(awk 'NR == 2 { print $1, $2, $3, $4 }' <<<"$out")" = \
		  "United States restriction 3" ] &&
		[ "$(awk 'NR > 1 { n += $NF } END { print n }' <<<"$out")" = 6 ] &&
		[ "$(wc -l <<<"$out")" -eq 5 ] ||
			no "not the controls by state and measure: $out" ;;
	"kbq validate")
		[ "$rc" -eq 0 ] && [ -z "$out" ] || no "the shipped KB is not clean" ;;
	"kbq --kb ./my-kb controls -c 'status=in-force'")
		[ "$out" = 6 ] || no "not the six controls in force of kb/: $out" ;;
	*)
		no "an example without a check in tests/man/readme.sh"
		return ;;
	esac
}

n=0
while IFS= read -r line; do
	ex=${line#    }
	ex=${ex%%  #*}
	ex=${ex%"${ex##*[! ]}"}
	n=$((n + 1))
	out=$(bash -o pipefail -c "$ex" 2>"$tmp/err")
	rc=$?
	if [ $rc -ne 0 ]; then
		no "exit $rc: $(cat "$tmp/err")"
		continue
	fi
	before=$fail
	check
	[ $fail -eq $before ] && pass=$((pass + 1))
done < <(awk '/^## Examples/ { e = 1; next } e && /^    / { b = 1 }
	b && !/^    / { exit } b && /^    kbq / { print }' "$readme")
[ $n -ge 5 ] || { echo "FAIL: only $n examples found in $readme"; fail=$((fail + 1)); }
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
