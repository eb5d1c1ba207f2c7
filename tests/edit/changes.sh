#!/bin/bash
# changes.sh OLD NEW - what changed from directory OLD to directory NEW, for
# the golden cases of tests/edit: for each file that differs, "== FILE" and
# its unified diff without the two header lines; "+ FILE" for a file only in
# NEW, then its lines; "- FILE" for a file only in OLD.  Nothing when the
# trees are byte for byte the same.  A carriage return shows as \r, a BOM as
# <BOM>, so that the cases stay text.
set -u
old=$1 new=$2
show() { LC_ALL=C sed -e 's/\r/\\r/g' -e 's/\xef\xbb\xbf/<BOM>/g'; }
{ (cd "$old" && find . -type f); (cd "$new" && find . -type f); } |
	sed 's|^\./||' | LC_ALL=C sort -u |
while IFS= read -r f; do
	if [ ! -e "$new/$f" ]; then
		echo "- $f"
	elif [ ! -e "$old/$f" ]; then
		echo "+ $f"
		show <"$new/$f"
	elif ! cmp -s "$old/$f" "$new/$f"; then
		echo "== $f"
		diff -u "$old/$f" "$new/$f" | tail -n +3 | show
	fi
done
