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

# The permission cases need a user that permissions stop: root reads and
# searches anything, so as root they run kbq as nobody (setpriv, from
# util-linux), and skip with a reason when that cannot be done.
asuser=()	# the prefix that runs kbq as that user, while set
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null &&
	   setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
		chmod 755 "$tmp"	# nobody must reach the KBs
	else
		nobody=
	fi
else
	nobody=(env)
fi

# run NAME CMD...: the command's status in $rc, stderr in $tmp/err
run() {
	local name=$1
	shift
	timeout 10 "${asuser[@]}" "$kbq" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
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

# n copies of string s
rep() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

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
# an escaped NUL is valid YAML, but every string kbq keeps is a C string:
# "a\0x" and "a\0y" were one id (SPEC 5: an error at its position)
both "escaped NUL (\\0) in a value" nul-escape.yaml:3:7 "NUL byte" \
	nul-escape.yaml
printf -- '- {id: "a\\0x", kind: t}\n- {id: "a\\0y", kind: t}\n' >nul-ids.yaml
both "ids that differ after a NUL" nul-ids.yaml:1:8 "NUL byte" nul-ids.yaml
printf 'id: a\nkind: t\nname: x\033[31m\n' >escape.yaml
both "terminal escape byte" escape.yaml:3:8 "control character" escape.yaml
# the same ESC written as a YAML escape is a value like any other: the
# formats for programs carry it exactly
printf 'id: a\nkind: t\nname: "x\\x1b[31m"\n' >escape-x1b.yaml
ok 'terminal escape as "\x1b" (-o jsonl)' 0 \
	'{"id":"a","kind":"t","name":"x\u001b[31m"}' \
	--kb escape-x1b.yaml find -o jsonl
ok 'terminal escape as "\x1b" (validate)' 0 "" --kb escape-x1b.yaml validate
# ... and the text for people shows it escaped, never raw (cmd/escape.c)
for cmd in find "show a"; do
	# shellcheck disable=SC2086
	run "terminal escape as \"\\x1b\" ($cmd)" --kb escape-x1b.yaml $cmd
	if [ $rc = 0 ] && ! grep -q "$(printf '\033')" "$tmp/out" &&
	   grep -qF 'x\x1b[31m' "$tmp/out"; then
		pass=$((pass + 1))
	else
		echo "FAIL terminal escape as \"\\x1b\" ($cmd): exit $rc"
		od -c "$tmp/out" | head -5 | sed 's/^/  | /'
		fail=$((fail + 1))
	fi
done
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

# ---- files and directories that cannot be read ----------------------------
# Nothing is silently skipped (SPEC 5): each is an error naming it.
mkdir unreadable
rec a A >unreadable/a.yaml
chmod 000 unreadable/a.yaml
mkdir -p locked/sub/inner
rec a A >locked/a.yaml
rec b B >locked/sub/inner/b.yaml
chmod 444 locked/sub		# listed, but not searched
mkdir -p closed/sub
rec a A >closed/a.yaml
chmod 000 closed/sub
if [ -n "${nobody:-}" ]; then
	asuser=("${nobody[@]}")
	both "chmod 000 file" unreadable/a.yaml "Permission denied" unreadable
	both "subdirectory that cannot be searched" locked/sub/inner \
		"cannot read: Permission denied" locked
	both "subdirectory that cannot be read" closed/sub \
		"cannot read directory: Permission denied" closed
	asuser=()
else
	echo "SKIP permissions: running as root without setpriv to drop to nobody"
	skip=$((skip + 3))
fi
chmod 755 locked/sub closed/sub
# A path longer than PATH_MAX (4096): found by readdir, it cannot be
# opened by its name; an error, not a subdirectory left out.
mkdir deep-path
(cd deep-path && for i in $(seq 25); do
	mkdir "$(rep 200 d)" && cd "$(rep 200 d)" || exit 1
 done && rec b B >b.yaml)
rec a A >deep-path/a.yaml
run "path beyond PATH_MAX" --kb deep-path find -o id
if [ $rc = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ] &&
   grep -q "^kbq: deep-path/d.*: error: cannot read: File name too long\$" "$tmp/err" &&
   [ "$(wc -c <"$tmp/err")" -gt 4096 ]; then
	pass=$((pass + 1))
else
	echo "FAIL path beyond PATH_MAX: exit $rc"
	head -c 300 "$tmp/err" | sed 's/^/  | /'
	fail=$((fail + 1))
fi
rm -rf deep-path
# A file name of more than 1023 bytes, whole in a diagnostic (and in the
# place it points to)
long=long-name/$(rep 250 a)/$(rep 250 b)/$(rep 250 c)/$(rep 250 d)/$(rep 250 e)
mkdir -p "$long"
printf -- '- {id: a, kind: t}\n- {id: a, kind: t}\n' >"$long/dup.yaml"
both "file name of 1270 bytes" "$long/dup.yaml:2:8" \
	"first defined at $long/dup.yaml:1:8" long-name
# A directory reached through several symlinks is read once, under the
# smallest path, whatever order readdir gives (links made in an order that
# file systems list newest first, or hash)
mkdir -p links/z
rec r R >links/z/r.yaml
for l in b a2 a10 a1 c; do ln -s z "links/$l"; done
ok "directory behind symlinks: the smallest path" 0 \
	"links/a1/r.yaml:1:7:r.id: r" --kb links grep -F r id=r
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

# ---- values that are not what they seem ------------------------------------
mkdir ints
printf 'kinds:\n  t:\n    fields:\n      n: {type: int}\n' >ints/schema.yaml
# (a value is quoted with its spaces kept)
printf -- '- {id: big, kind: t, n: 1000000000000000000}
- {id: sp, kind: t, n: " 5"}
- {id: hex, kind: t, n: "0x10"}
- {id: ten, kind: t, n: 10}
- {id: none, kind: t}
- {id: nine, kind: t, n: 9}
- {id: onex, kind: t, n: 1x}
- {id: min, kind: t, n: -9223372036854775808}
' >ints/r.yaml
# 19 and 20 digits are ints of 64 bits; " 5", "0x10", "1x" are none
ok "ints of 19 digits" 0 $'big\nmin' --kb ints find -o id 'n>999999999999999999' \
	or 'n<-999999999999999999'
run "not ints (validate)" --kb ints validate
if [ $rc = 1 ] && [ "$(grep -c "error: bad int" "$tmp/err")" = 3 ] &&
   grep -q "^kbq: ints/r.yaml:2:24: error: bad int ' 5'" "$tmp/err"; then
	pass=$((pass + 1))
else
	echo "FAIL not ints (validate): exit $rc"
	sed 's/^/  | /' "$tmp/err" | head -5
	fail=$((fail + 1))
fi
# --sort: valid ints by value, then the other values byte-wise (" 5" <
# "0x10" < "1x"), then the records without one; reversed alike, those
# without a value still last
ok "--sort on ints, valid and not" 0 \
	$'min\nnine\nten\nbig\nsp\nhex\nonex\nnone' --kb ints find -o id --sort n
ok "--sort --reverse on ints, valid and not" 0 \
	$'onex\nhex\nsp\nbig\nten\nnine\nmin\nnone' \
	--kb ints find -o id --sort n --reverse
# a schema pattern that hits PCRE2's match limit is no "does not match"
mkdir pattern
printf 'kinds:\n  t:\n    fields:\n      name: {type: string, pattern: %s}\n' \
	"'(?:(?=(?:x|x|xx)+y)|)x+!'" >pattern/schema.yaml
printf -- '- {id: a, kind: t, name: %s!}\n' "$(rep 40 x)" >pattern/r.yaml
# (validate reports it, the summary of problems after it, and exits 2)
run "pattern at its match limit (validate)" --kb pattern validate
if [ $rc = 2 ] && head -n 1 "$tmp/err" | grep -q \
   "^kbq: pattern/r.yaml:1:26: error: .*hit its match limit"; then
	pass=$((pass + 1))
else
	echo "FAIL pattern at its match limit (validate): exit $rc"
	sed 's/^/  | /' "$tmp/err" | head -5
	fail=$((fail + 1))
fi
error "pattern at its match limit (find)" pattern/r.yaml:1:26 \
	"hit its match limit" --kb pattern find 'name~x!'
# more than 256 kinds: none dropped from field checks
mkdir kinds300
{ echo 'kinds:'; for i in $(seq 0 299); do
	printf '  k%d:\n    fields:\n      f%d: {type: string}\n' "$i" "$i"
  done; } >kinds300/schema.yaml
echo '- {id: a, kind: k299, f299: x}' >kinds300/r.yaml
ok "the field of the 300th kind" 0 a --kb kinds300 find -o id f299=x
# a key of 2000 bytes in -o yaml: an explicit key, which YAML readers
# (kbq's own libyaml) read back; a 4096-byte key in --fields
mkdir longkeys
printf -- '- id: a\n  kind: t\n  ? %s\n  : v\n' "$(rep 2000 k)" >longkeys/r.yaml
run "key of 2000 bytes in -o yaml" --kb longkeys find -o yaml
cp "$tmp/out" longkeys.out.yaml
ok "key of 2000 bytes read back" 0 "{\"id\":\"a\",\"kind\":\"t\",\"$(rep 2000 k)\":\"v\"}" \
	--kb longkeys.out.yaml find -o jsonl
printf -- '- id: a\n  kind: t\n  ? %s\n  : v\n' "$(rep 4096 k)" >key4096.yaml
ok "key of 4096 bytes in --fields" 0 "$(rep 4096 k)"$'\nv' \
	--kb key4096.yaml find -o tsv --fields "$(rep 4096 k)"

echo "inputs: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
