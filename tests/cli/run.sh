#!/bin/bash
# run.sh - run kbq golden cases (*.t files) and compare what kbq prints.
#
#   run.sh [--update] [--dir DIR] KBQ CASE.t|DIR...
#
# A case file looks like this:
#
#   # what the case checks (comment lines, only before the command)
#   $ kbq --kb library books genre=novel -o id
#   > optional continuation lines of the same command (for here-documents)
#   --- stdout
#   ...expected stdout...
#   --- stderr
#   ...expected stderr...
#   --- status 1
#
# Sections:
#  - "--- stdout" and "--- stderr": every line between the marker and the
#    next marker (or the end of the file) is one expected line, and each
#    ends in a newline; blank lines count.  "--- stdout (no newline at
#    end)" drops the newline after the section's last line, for output that
#    does not end in one.  An absent section expects empty output.
#  - "--- status N": the expected exit status; absent, 0.
#  The comparison is byte for byte.  Output that holds bytes a text file
#  cannot show (NUL, CR) is piped through tr or sed by the case itself.
#
# The command runs under bash -o pipefail (so `kbq ... | tr '\0' '\n'`
# still reports kbq's status), in the fixture directory (--dir, default
# tests/data/cli beside this script, so `--kb library` is a fixture KB),
# with a clean environment: PATH starts with a directory whose `kbq` is
# the binary under test; HOME, TERM=dumb and LC_ALL=C.UTF-8 are set; KBQ_KB
# and NO_COLOR are not; KBQ_THREADS is passed on when set.  $SCRATCH is an
# empty directory of the case's own.
#
# One line per case (ok / FAIL, with diff -u of expected and actual on
# failure), then "N passed, N failed"; exit 1 when any case failed.
#
# --update rewrites each case's sections with what kbq printed.  It is a
# convenience for writing cases: every expectation must still be checked
# by hand against SPEC.md before it is committed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
update=0
dir=$here/../data/cli
while [ $# -gt 0 ]; do
	case $1 in
	--update) update=1; shift ;;
	--dir) dir=$2; shift 2 ;;
	--) shift; break ;;
	-*) echo "run.sh: unknown option '$1'" >&2; exit 2 ;;
	*) break ;;
	esac
done
if [ $# -lt 2 ]; then
	echo "usage: run.sh [--update] [--dir DIR] KBQ CASE.t|DIR..." >&2
	exit 2
fi
kbq=$1
shift
case $kbq in /*) ;; *) kbq=$PWD/$kbq ;; esac
if [ ! -x "$kbq" ]; then
	echo "run.sh: '$kbq' is not an executable" >&2
	exit 2
fi
dir=$(cd "$dir" && pwd) || exit 2

cases=()
for a in "$@"; do
	if [ -d "$a" ]; then
		for t in "$a"/*.t; do
			[ -e "$t" ] && cases+=("$t")
		done
	else
		cases+=("$a")
	fi
done
if [ ${#cases[@]} -eq 0 ]; then
	echo "run.sh: no cases given" >&2
	exit 2
fi

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" && ln -s "$kbq" "$tmp/bin/kbq" || exit 2

# Split case file $1 into $tmp/cmd, exp.out, exp.err, exp.status and
# $tmp/head (the comment and command lines, for --update).  Returns 1 with
# a message when the file is malformed.
parse() {
	local t=$1 line sec=head out=0 err=0 nonl_out=0 nonl_err=0
	: >"$tmp/cmd"; : >"$tmp/exp.out"; : >"$tmp/exp.err"; : >"$tmp/head"
	echo 0 >"$tmp/exp.status"
	while IFS= read -r line || [ -n "$line" ]; do
		case $sec:$line in
		head:'#'*|head:)
			printf '%s\n' "$line" >>"$tmp/head"; continue ;;
		head:'$ '*)
			printf '%s\n' "${line#\$ }" >>"$tmp/cmd"
			printf '%s\n' "$line" >>"$tmp/head"
			sec=cmd; continue ;;
		head:*)
			echo "$t: text before the '\$ ' command line: $line"
			return 1 ;;
		cmd:'> '*)
			printf '%s\n' "${line#> }" >>"$tmp/cmd"
			printf '%s\n' "$line" >>"$tmp/head"
			continue ;;
		esac
		case $line in
		'--- stdout') sec=out; out=1; continue ;;
		'--- stdout (no newline at end)') sec=out; out=1; nonl_out=1; continue ;;
		'--- stderr') sec=err; err=1; continue ;;
		'--- stderr (no newline at end)') sec=err; err=1; nonl_err=1; continue ;;
		'--- status '*)
			line=${line#--- status }
			case $line in
			''|*[!0-9]*) echo "$t: bad status line"; return 1 ;;
			esac
			echo "$line" >"$tmp/exp.status"
			sec=status; continue ;;
		'--- '*) echo "$t: unknown marker: $line"; return 1 ;;
		esac
		case $sec in
		out) printf '%s\n' "$line" >>"$tmp/exp.out" ;;
		err) printf '%s\n' "$line" >>"$tmp/exp.err" ;;
		cmd) echo "$t: text after the command and before a section: $line"
		     return 1 ;;
		status) echo "$t: text after the status line: $line"; return 1 ;;
		esac
	done <"$t"
	if [ ! -s "$tmp/cmd" ]; then
		echo "$t: no '\$ ' command line"
		return 1
	fi
	[ $nonl_out = 1 ] && strip_nl "$tmp/exp.out"
	[ $nonl_err = 1 ] && strip_nl "$tmp/exp.err"
	return 0
}

# Drop the last byte of a file that ends in a newline.
strip_nl() {
	if [ -s "$1" ] && [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" = '\n' ]; then
		head -c -1 "$1" >"$1.tmp" && mv "$1.tmp" "$1"
	fi
}

# Write one section of a case for --update.
section() {
	local name=$1 file=$2
	[ -s "$file" ] || { [ "$name" = stdout ] && echo "--- stdout"; return; }
	if [ "$(tail -c 1 "$file" | od -An -c | tr -d ' ')" = '\n' ]; then
		echo "--- $name"
		cat "$file"
	else
		echo "--- $name (no newline at end)"
		cat "$file"
		echo
	fi
}

pass=0 fail=0
for t in "${cases[@]}"; do
	name=${t#"$here"/}
	if ! msg=$(parse "$t"); then
		echo "FAIL $name: $msg"
		fail=$((fail + 1))
		continue
	fi
	rm -rf "$tmp/scratch" && mkdir "$tmp/scratch"
	(cd "$dir" && exec env -i PATH="$tmp/bin:/usr/local/bin:/usr/bin:/bin" \
		HOME="$tmp/scratch" TERM=dumb LC_ALL=C.UTF-8 \
		SCRATCH="$tmp/scratch" ${KBQ_THREADS:+KBQ_THREADS="$KBQ_THREADS"} \
		bash -o pipefail -c "$(cat "$tmp/cmd")" \
		>"$tmp/got.out" 2>"$tmp/got.err" </dev/null)
	echo $? >"$tmp/got.status"
	if [ $update = 1 ]; then
		if grep -qx -e '--- .*' "$tmp/got.out" "$tmp/got.err"; then
			echo "FAIL $name: output holds a '--- ' line: cannot update"
			fail=$((fail + 1))
			continue
		fi
		{
			cat "$tmp/head"
			section stdout "$tmp/got.out"
			section stderr "$tmp/got.err"
			echo "--- status $(cat "$tmp/got.status")"
		} >"$tmp/new.t"
		if cmp -s "$tmp/new.t" "$t"; then
			echo "ok $name"
		else
			cat "$tmp/new.t" >"$t"
			echo "updated $name"
		fi
		pass=$((pass + 1))
		continue
	fi
	ok=1
	for x in out err status; do
		cmp -s "$tmp/exp.$x" "$tmp/got.$x" && continue
		if [ $ok = 1 ]; then
			echo "FAIL $name"
			sed 's/^/  $ /' "$tmp/cmd"
		fi
		ok=0
		case $x in out|err) lab=std$x ;; *) lab=$x ;; esac
		diff -u --label "expected $lab" --label "actual $lab" \
			"$tmp/exp.$x" "$tmp/got.$x"
	done
	if [ $ok = 1 ]; then
		echo "ok $name"
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
