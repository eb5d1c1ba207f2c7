#!/bin/sh
# Run golden cases against a built kbq.
#
#   run-golden.sh KBQ KB CASE.t...
#
# A case file holds comment lines (#), one command line ("$ kbq ..."), then sections
# "--- stdout", "--- stderr" (optional, default empty) and "--- status N" (optional,
# default 0). The command runs under sh with kbq's directory first on PATH and KBQ_KB
# set to KB; its stdout, stderr and exit status must match exactly (diff -u on failure).
set -u
[ $# -ge 3 ] || { echo "usage: run-golden.sh KBQ KB CASE.t..." >&2; exit 2; }
kbq=$1 kb=$2; shift 2
case $kbq in /*) ;; *) kbq=$(pwd)/$kbq ;; esac
case $kb in /*) ;; *) kb=$(pwd)/$kb ;; esac
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" && ln -s "$kbq" "$tmp/bin/kbq" || exit 2
fail=0
for t in "$@"; do
    # split the case into its command and expected outputs
    awk -v d="$tmp" '
        BEGIN { sec = ""; status = 0; printf "" > (d "/cmd");
                printf "" > (d "/exp.out"); printf "" > (d "/exp.err") }
        sec == "" && /^#/ { next }
        sec == "" && /^\$ / { print substr($0, 3) > (d "/cmd"); sec = "cmd"; next }
        /^--- stdout$/ { sec = "out"; next }
        /^--- stderr$/ { sec = "err"; next }
        /^--- status / { status = $3; sec = "status"; next }
        sec == "out" { print > (d "/exp.out") }
        sec == "err" { print > (d "/exp.err") }
        END { print status > (d "/exp.status") }
    ' "$t"
    if [ ! -s "$tmp/cmd" ]; then echo "$t: no command line" >&2; fail=1; continue; fi
    (cd "$tmp" && PATH="$tmp/bin:$PATH" KBQ_KB="$kb" NO_COLOR=1 \
        sh -c "$(cat "$tmp/cmd")" >"$tmp/got.out" 2>"$tmp/got.err")
    echo $? >"$tmp/got.status"
    ok=1
    for x in out err status; do
        if ! cmp -s "$tmp/exp.$x" "$tmp/got.$x"; then
            [ $ok = 1 ] && echo "FAIL $t: $(cat "$tmp/cmd")"
            diff -u --label "expected $x" --label "actual $x" "$tmp/exp.$x" "$tmp/got.$x"
            ok=0
        fi
    done
    [ $ok = 1 ] || fail=1
done
exit $fail
