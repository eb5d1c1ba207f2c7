#!/bin/sh
# mandoc -Tlint -Wwarning on every page prints nothing and exits 0; and no
# page renders a quote inside a quote (‘a, ‘b’’): mdoc's Ql, Sq and Dq
# enclose the rest of their line, so `.Ql a , Ql b` nests, and
# `.Pq Ql = No is ...` quotes the words after the literal too (So ... Sc
# ends where it is told).
#
#   lint.sh PAGE...
[ $# -gt 0 ] || { echo "usage: lint.sh PAGE..." >&2; exit 2; }
out=$(mandoc -Tlint -Wwarning "$@" 2>&1)
status=$?
if [ -n "$out" ] || [ $status -ne 0 ]; then
    printf '%s\n' "$out"
    echo "FAIL: mandoc -Tlint -Wwarning exits $status"
    exit 1
fi
fail=0
for page in "$@"; do
    # (perl drops the backspaces of bold and underline, as col -b would)
    nested=$(mandoc -Tutf8 "$page" |
        perl -CSD -ne 's/.\x08//g;
            print "$.: $_" if /\x{2018}[^\x{2019}]*\x{2018}|\x{2019}\x{2019}/')
    # a literal that goes on after a No: `.Ql = No is ...` quotes "= is ..."
    after=$(grep -nE '(^|[ .])Ql [^ ]+( Ns [^ ]+)? No ' "$page")
    if [ -n "$nested$after" ]; then
        printf '%s\n%s\n' "$nested" "$after" | grep -v '^$' | sed "s|^|$page:|"
        fail=1
    fi
done
[ $fail = 0 ] || { echo "FAIL: quotes nested or run on in the pages above"; exit 1; }
echo "$# pages lint clean, no nested quotes"
