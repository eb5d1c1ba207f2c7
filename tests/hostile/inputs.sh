#!/bin/bash
# Input that is not what it seems, through the kbq binary.
#
#   inputs.sh KBQ
#
# Every case runs `find` and `validate` under `timeout`: an error must be
# exit 2 with exactly one diagnostic line "kbq: FILE[:LINE:COL]: error: ..."
# (the position where the input has one), valid input exit 0 or 1, and
# never a crash (signal) or a hang (timeout's 124).
set -u
[ $# -eq 1 ] || { echo "usage: inputs.sh KBQ" >&2; exit 2; }
kbq=$1
case $kbq in /*) ;; *) kbq=$(pwd)/$kbq ;; esac
tmp=$(mktemp -d) || exit 2
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
fail=0 pass=0 skip=0

# run NAME CMD...: the command's status in $rc, stderr in $tmp/err
run() {
	local name=$1
	shift
	timeout 10 "$kbq" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ $rc = 124 ]; then
		echo "FAIL $name: kbq $*: hung (killed after 10 s)"
		return 1
	fi
	if [ $rc -gt 2 ]; then
		echo "FAIL $name: kbq $*: exit $rc (crash?)"
		sed 's/^/  | /' "$tmp/err" | head -20
		return 1
	fi
	return 0
}

# error NAME LOCATION PATTERN CMD...: exit 2 and one line
# "kbq: LOCATION: error: ..." whose message matches the ERE PATTERN
error() {
	local name=$1 loc=$2 pat=$3 lines
	shift 3
	run "$name" "$@" || { fail=$((fail + 1)); return; }
	lines=$(wc -l <"$tmp/err")
	if [ $rc != 2 ] || [ "$lines" != 1 ] ||
	   ! grep -qF -- "kbq: $loc: error: " "$tmp/err" ||
	   ! grep -qE -- "$pat" "$tmp/err"; then
		echo "FAIL $name: kbq $*: want exit 2 and one line" \
		     "'kbq: $loc: error: ...$pat...', got exit $rc:"
		sed 's/^/  | /' "$tmp/err" | head -20
		fail=$((fail + 1))
		return
	fi
	pass=$((pass + 1))
}

# ok NAME STATUS EXPECTED_STDOUT CMD...: that exit status, no stderr, and
# (unless EXPECTED_STDOUT is -) exactly that output
ok() {
	local name=$1 want=$2 out=$3
	shift 3
	run "$name" "$@" || { fail=$((fail + 1)); return; }
	if [ $rc != "$want" ] || [ -s "$tmp/err" ] ||
	   { [ "$out" != - ] && [ "$(cat "$tmp/out")" != "$out" ]; }; then
		echo "FAIL $name: kbq $*: want exit $want and output '$out'," \
		     "got exit $rc and '$(head -c 300 "$tmp/out")'"
		sed 's/^/  | /' "$tmp/err" | head -20
		fail=$((fail + 1))
		return
	fi
	pass=$((pass + 1))
}

# both NAME LOCATION PATTERN KB: the same error from find and validate
both() {
	error "$1 (find)" "$2" "$3" --kb "$4" find
	error "$1 (validate)" "$2" "$3" --kb "$4" validate
}

rec() { printf -- '- id: %s\n  kind: t\n  name: %s\n' "$1" "$2"; }

# ---- bytes that are not UTF-8 text -------------------------------------
mkdir d-utf8
printf 'id: a\nkind: t\nname: caf\xe9\n' >d-utf8/latin1.yaml
both "latin-1 byte" d-utf8/latin1.yaml:3:10 "invalid|UTF-8|utf-8" d-utf8
printf 'id: a\nkind: t\nname: \xc0\xaf\n' >overlong.yaml
both "overlong UTF-8" overlong.yaml:3:7 "invalid|UTF-8" overlong.yaml
printf 'id: a\nkind: t\nname: ab\xe2\x82' >truncated.yaml
both "UTF-8 cut at end of file" truncated.yaml:3:9 "incomplete|UTF-8" \
	truncated.yaml
printf 'id: a\nkind: t\nname: \xed\xa0\x80\n' >surrogate.yaml
both "UTF-16 surrogate in UTF-8" surrogate.yaml:3:7 "invalid|Unicode" \
	surrogate.yaml
printf 'id: a\nkind: t\nna\000me: x\n' >nul.yaml
both "NUL byte" nul.yaml:3:3 "control character" nul.yaml
printf 'id: a\nkind: t\nname: "x\000y"\n' >nul-quoted.yaml
both "NUL in a quoted scalar" nul-quoted.yaml:3:9 "control character" \
	nul-quoted.yaml
printf 'id: a\nkind: t\nname: "a\\0b"\n' >nul-escape.yaml
# an escaped NUL is valid YAML: the value holds a NUL, kbq must not crash
run "escaped NUL (\\0)" --kb nul-escape.yaml find -o json &&
	{ [ $rc = 0 ] || [ $rc = 2 ]; } && pass=$((pass + 1)) ||
	{ echo "FAIL escaped NUL: exit $rc"; fail=$((fail + 1)); }
printf 'id: a\nkind: t\nname: x\033[31m\n' >escape.yaml
both "terminal escape byte" escape.yaml:3:8 "control character" escape.yaml
# the same pseudo-random bytes every run
LC_ALL=C awk 'BEGIN { srand(7); for (i = 0; i < 4096; i++)
	printf "%c", int(rand() * 256) }' >random.yaml
run "random bytes (find)" --kb random.yaml find &&
	{ [ $rc = 2 ] || [ $rc = 1 ] || [ $rc = 0 ]; } && pass=$((pass + 1)) ||
	fail=$((fail + 1))
both "a KB that is /dev/zero" /dev/zero:1:1 "control character" /dev/zero

# ---- valid input in unusual dress ----------------------------------------
printf '\xef\xbb\xbfid: a\nkind: t\nname: x\n' >bom.yaml
ok "UTF-8 BOM" 0 a --kb bom.yaml find -o id
ok "UTF-8 BOM (validate)" 0 "" --kb bom.yaml validate
printf '\xff\xfei\000d\000:\000 \000a\000\n\000k\000i\000n\000d\000:\000 \000t\000\n\000' \
	>utf16.yaml
ok "UTF-16LE with BOM" 0 a --kb utf16.yaml find -o id
printf 'id: a\r\nkind: t\r\nname: x\r\nnotes: |\r\n  one\r\n  two\r\n' >crlf.yaml
ok "CRLF line ends" 0 '{"id":"a","kind":"t","name":"x","notes":"one\ntwo\n"}' \
	--kb crlf.yaml find -o jsonl
ok "CRLF line ends (validate)" 0 "" --kb crlf.yaml validate
printf 'id: a\rkind: t\rname: x\r' >cr.yaml
ok "bare CR line ends" 0 a --kb cr.yaml find -o id
printf 'id: a\nkind: t\nname: x' >no-newline.yaml
ok "no newline at end of file" 0 a --kb no-newline.yaml find -o id
: >empty.yaml
ok "empty file" 1 "" --kb empty.yaml find
ok "empty file (validate)" 0 "" --kb empty.yaml validate
printf '# nothing\n---\n...\n---\n' >comments.yaml
ok "only comments and empty documents" 1 "" --kb comments.yaml find
mkdir empty-dir
ok "empty directory" 1 "" --kb empty-dir find
ok "empty directory (validate)" 0 "" --kb empty-dir validate
mkdir -p only-other/sub
echo 'not yaml: [' >only-other/readme.txt
: >only-other/sub/empty.yml
ok "directory without records" 1 "" --kb only-other find

# ---- directories that are not what they seem -----------------------------
mkdir -p loop/sub
rec a A >loop/a.yaml
ln -s .. loop/sub/up
ln -s . loop/self
ln -s "$tmp/loop" loop/sub/abs
ok "directory symlink loop" 0 a --kb loop find -o id
ok "directory symlink loop (validate)" 0 "" --kb loop validate
mkdir -p dir-named/x.yaml
rec b B >dir-named/x.yaml/inner.yaml
ok "directory named *.yaml" 0 b --kb dir-named find -o id
mkdir fifo
rec a A >fifo/a.yaml
mkfifo fifo/pipe.yaml
both "FIFO named *.yaml" fifo/pipe.yaml "not a regular file" fifo
mkdir fifo-schema
rec a A >fifo-schema/a.yaml
mkfifo fifo-schema/schema.yaml
both "FIFO named schema.yaml" fifo-schema/schema.yaml "not a regular file" \
	fifo-schema
mkdir self-link
ln -s self.yaml self-link/self.yaml
both "symlink to itself" self-link/self.yaml "symbolic links" self-link
mkdir dangling
rec a A >dangling/a.yaml
ln -s "$tmp/gone.yaml" dangling/b.yaml
both "file that vanished (dangling symlink)" dangling/b.yaml \
	"No such file" dangling
mkdir vanish
# b.yaml goes away while kbq reads the big a.yaml: depending on timing kbq
# never sees it (exit 0), or sees it and cannot open it (exit 2, located).
awk 'BEGIN { for (i = 0; i < 200000; i++)
	printf "- {id: r%d, kind: t, name: record number %d}\n", i, i }' \
	>vanish/a.yaml
rec b B >vanish/b.yaml
(sleep 0.2; rm -f vanish/b.yaml) &
run "file removed while loading" --kb vanish find -c
if [ $? = 0 ] && { { [ $rc = 0 ] && [ ! -s "$tmp/err" ]; } ||
	{ [ $rc = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ] &&
	  grep -q '^kbq: vanish/b.yaml: error: ' "$tmp/err"; }; }; then
	pass=$((pass + 1))
else
	echo "FAIL file removed while loading: exit $rc"
	sed 's/^/  | /' "$tmp/err" | head -5
	fail=$((fail + 1))
fi
wait
both "KB path that does not exist" no-such-kb "No such file" no-such-kb
error "schema that does not exist" no-such-schema.yaml "No such file" \
	--kb bom.yaml --schema no-such-schema.yaml find
error "schema that is a directory" empty-dir "directory" \
	--kb bom.yaml --schema empty-dir find
error "KB path through a file" bom.yaml/x "Not a directory" \
	--kb bom.yaml/x find

# ---- files that cannot be read --------------------------------------------
mkdir unreadable
rec a A >unreadable/a.yaml
chmod 000 unreadable/a.yaml
if [ "$(id -u)" = 0 ]; then
	# root reads a chmod 000 file: that sub-case cannot happen here
	echo "SKIP chmod 000: running as root, the file is readable"
	skip=$((skip + 1))
else
	both "chmod 000 file" unreadable/a.yaml "Permission denied" unreadable
fi
if [ -r /proc/self/mem ]; then
	# a file that no one can read, root included: read(2) fails with EIO
	mkdir eio
	ln -s /proc/self/mem eio/mem.yaml
	both "file whose read fails (EIO)" eio/mem.yaml:1:1 "input error" eio
fi

# ---- text that is YAML but not records -----------------------------------
printf 'id: a\nkind: t\n\tname: x\n' >tab.yaml
both "tab indentation" tab.yaml:3:1 "yaml: " tab.yaml
printf 'just a string\n' >scalar.yaml
both "document that is a scalar" scalar.yaml:1:1 "not a record" scalar.yaml
printf -- '- - id: a\n' >seqseq.yaml
both "list of lists" seqseq.yaml:1:3 "not a record" seqseq.yaml
printf 'id: a\nkind: t\nname: *nope\n' >alias.yaml
both "unknown alias" alias.yaml:3:7 "unknown anchor" alias.yaml
printf 'id: a\nkind: t\n? %s\n: x\n' "$(head -c 5000 /dev/zero | tr '\0' k)" \
	>longkey.yaml
both "key of 5000 bytes" longkey.yaml:3:3 "limit" longkey.yaml

echo "inputs: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
