#!/usr/bin/env bash
# The fish completion, as installed: `cmake --install` into a scratch
# prefix, then fish with that prefix's share first in XDG_DATA_DIRS (and an
# empty HOME), which finds kbq.fish in its vendor_completions.d by itself;
# `complete -C LINE` gives the words offered for each case's line.  fish
# runs once for all the cases; the words are then checked here.
#
#   completion-fish.sh CMAKE BUILD_DIR FISH
set -u
[ $# -eq 3 ] || { echo "usage: completion-fish.sh CMAKE BUILD_DIR FISH" >&2; exit 2; }
cmake=$1 build=$2 fish=$3
. "$(dirname "$0")/../install-tree.sh"
kbq_install_tree "$cmake" "$build"
[ -f "$prefix/share/fish/vendor_completions.d/kbq.fish" ] || {
    echo "FAIL: share/fish/vendor_completions.d/kbq.fish is not installed"
    exit 1
}

mkdir -p "$tmp/home" "$tmp/work/sub" "$tmp/next"
touch "$tmp/work/notes.yaml" "$tmp/work/other.txt"
here=$(cd "${BASH_SOURCE%/*}" && pwd)
shelf=$(cd "$here/../data/lib/shelf" && pwd)
loose=$(cd "$here/../data/lib/loose" && pwd)
ln -s "$here/kbq-next.sh" "$tmp/next/kbq"
next=$tmp/next/kbq

fail=0
no() { echo "FAIL: $*"; fail=1; }
kbq=$prefix/bin/kbq
unset KBQ_KB

# The cases: CHECK LINE WORDS (one a line), collected first, run by one fish.
checks=() lines=() wants=()
has() { checks+=(has) lines+=("$1"); shift; wants+=("$(printf '%s\n' "$@")"); }
lacks() { checks+=(lacks) lines+=("$1"); shift; wants+=("$(printf '%s\n' "$@")"); }
exactly() { checks+=(exactly) lines+=("$1") wants+=("$2"); }

. "$here/completion-cases.sh"

# One fish for every line (each ends in '|', so that its trailing space
# survives `read`): "=== N" then the words offered, descriptions cut.
for i in "${!lines[@]}"; do
    printf '%s|\n' "${lines[i]}"
done >"$tmp/lines"
(cd "$tmp/work" && env -i HOME="$tmp/home" TERM=dumb LC_ALL=C.UTF-8 \
    XDG_DATA_DIRS="$prefix/share:/usr/share" PATH="$prefix/bin:/usr/bin:/bin" \
    "$fish" -c '
        set -l n 0
        while read -l line
            echo "=== $n"
            complete -C (string replace -r "\|\$" "" -- $line) |
                string replace -r "\t.*" "" | string replace -r "/\$" ""
            set n (math $n + 1)
        end' <"$tmp/lines" >"$tmp/offers" 2>"$tmp/fish.err")
[ -s "$tmp/fish.err" ] && { echo "fish says:"; cat "$tmp/fish.err"; fail=1; }

for i in "${!lines[@]}"; do
    got=$(awk -v n="$i" '$0 == "=== " n { on = 1; next } /^=== / { on = 0 } on' \
        "$tmp/offers" | sort -u)
    want=$(grep -v '^$' <<<"${wants[i]}" | sort -u)
    line=${lines[i]}
    case ${checks[i]} in
        exactly)
            [ "$got" = "$want" ] ||
                no "'$line<TAB>' offers [$(echo $got)], not [$(echo $want)]" ;;
        has)
            while IFS= read -r w; do
                grep -qxF -- "$w" <<<"$got" ||
                    no "'$line<TAB>' does not offer '$w' (offers: $(echo $got))"
            done <<<"$want" ;;
        lacks)
            while IFS= read -r w; do
                grep -qxF -- "$w" <<<"$got" && no "'$line<TAB>' offers '$w'"
            done <<<"$want" ;;
    esac
done

[ $fail -eq 0 ] && echo "fish completion offers what kbq says (${#lines[@]} cases)"
exit $fail
