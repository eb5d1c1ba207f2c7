#!/bin/sh
# mandoc -Tlint -Wwarning on every page prints nothing and exits 0.
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
echo "$# pages lint clean"
