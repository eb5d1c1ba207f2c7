#!/bin/bash
# valgrind memcheck over a representative set of kbq commands (each command,
# good and bad input, streamed and whole KBs) and over the fuzz replays of
# the seeds and regressions: any memory error or leak fails; helgrind over
# the replay of par.c's threads: any race fails.
#
#   valgrind.sh KBQ REPLAY_LOAD REPLAY_SCHEMA REPLAY_QUERY REPLAY_PAR REPLAY_EDIT FUZZ_DIR
#               STRMAP_THREADS
#
# Skips (77) without valgrind, or in a sanitizer build (KBQ_SANITIZED set),
# where valgrind cannot run.
set -u
[ $# -eq 8 ] || {
	echo "usage: valgrind.sh KBQ REPLAY_LOAD REPLAY_SCHEMA REPLAY_QUERY REPLAY_PAR REPLAY_EDIT FUZZ_DIR STRMAP_THREADS" >&2
	exit 2
}
kbq=$1 rload=$2 rschema=$3 rquery=$4 rpar=$5 redit=$6 fuzz=$7 strmap=$8
supp=$(cd "$(dirname "$0")" && pwd)/valgrind.supp
if ! command -v valgrind >/dev/null; then
	echo "SKIP: valgrind is not installed"
	exit 77
fi
if [ -n "${KBQ_SANITIZED:-}" ]; then
	echo "SKIP: a sanitizer build ($KBQ_SANITIZED); valgrind cannot run it"
	exit 77
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail=0 pass=0

# vg WANT_STATUS CMD...: under memcheck; its own error code is 99, so any
# memory error or definite/indirect/possible leak shows as 99
vg() {
	local want=$1
	shift
	valgrind -q --suppressions="$supp" \
		--leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible \
		--error-exitcode=99 "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ $rc = "$want" ] && ! grep -q '^==[0-9]*==' "$tmp/err"; then
		pass=$((pass + 1))
		return
	fi
	echo "FAIL (exit $rc, want $want): $*"
	grep '^==' "$tmp/err" | head -40
	grep -v '^==' "$tmp/err" | head -5
	fail=$((fail + 1))
}

# A small KB with a schema, refs, lists, anchors and schema problems.
mkdir -p "$tmp/kb/sub"
cat >"$tmp/kb/schema.yaml" <<'EOF'
common:
  name: {type: string, required: true}
  tags: {type: string, list: true, pattern: '[a-z]+'}
kinds:
  person:
    plural: people
    fields:
      born: {type: date}
      friend: {type: ref, to: person}
      role: {type: enum, values: [chair, member]}
  meeting:
    plural: meetings
    fields:
      date: {type: date, required: true}
      who: {type: ref, to: person, list: true}
EOF
cat >"$tmp/kb/people.yaml" <<'EOF'
- &p {id: ann, kind: person, name: Ann, born: 1970-02, friend: bob, role: chair, tags: [a, b]}
- {<<: *p, id: bob, name: Bob, friend: ann, role: member}
EOF
cat >"$tmp/kb/sub/meetings.yaml" <<'EOF'
id: m1
kind: meeting
name: First
date: 2025-06
who: [ann, bob]
EOF
mkdir -p "$tmp/bad"
cp "$tmp/kb/schema.yaml" "$tmp/bad/"
cat >"$tmp/bad/x.yaml" <<'EOF'
- {id: ann, kind: person, name: Ann, born: soon, friend: nobody, tilte: x, tags: [Bad]}
- {id: m2, kind: meeting, name: M}
EOF
printf -- '- {id: a, kind: t}\n- {id: a, kind: t}\n' >"$tmp/dup.yaml"
printf 'id: a\nkind: t\nx: [\n' >"$tmp/syntax.yaml"

# The shipped KB, built into kbq.
vg 0 "$kbq" find
vg 0 "$kbq" actors -o json
vg 0 "$kbq" show us
vg 2 "$kbq" show no-such-id
vg 0 "$kbq" grep -i china
vg 0 "$kbq" validate
vg 0 "$kbq" timeline
vg 0 "$kbq" stats
vg 0 "$kbq" schema
vg 0 "$kbq" find 'name~^[A-Z]' --sort name --fields id,name -o csv
vg 2 "$kbq" find 'nosuch=1'
vg 2 "$kbq" find 'name~('
vg 0 "$kbq" help
# A KB on disk: whole, streamed, with refs followed and errors found.
vg 0 "$kbq" --kb "$tmp/kb" people -o yaml
vg 0 "$kbq" --kb "$tmp/kb" find 'friend.name=Bob' -o jsonl
vg 0 "$kbq" --kb "$tmp/kb" meetings 'who.born<1971' --as-of 2025-06-10
vg 0 "$kbq" --kb "$tmp/kb" show ann
vg 0 "$kbq" --kb "$tmp/kb" validate
vg 1 "$kbq" --kb "$tmp/bad" validate
vg 1 "$kbq" --kb "$tmp/bad" validate -o json
vg 2 "$kbq" --kb "$tmp/dup.yaml" find
vg 2 "$kbq" --kb "$tmp/dup.yaml" validate
vg 2 "$kbq" --kb "$tmp/syntax.yaml" find
vg 2 "$kbq" --kb "$tmp/no-such" find
# Versions (SPEC 3): the same KB committed twice in git, read from
# revisions (whole, streamed, fetched by a thread), compared, its history.
if command -v git >/dev/null; then
	(cd "$tmp/kb" && export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 \
		GIT_AUTHOR_NAME=A GIT_COMMITTER_NAME=A \
		GIT_AUTHOR_EMAIL=a@example.org GIT_COMMITTER_EMAIL=a@example.org &&
	 git init -q -b main && git add -A && git commit -q -m one &&
	 sed -i 's/name: First/name: Second/' sub/meetings.yaml &&
	 git commit -q -am two) >/dev/null 2>&1
	cd "$tmp/kb" || exit 2
	vg 0 "$kbq" --kb HEAD~1:./ find -o json
	vg 0 "$kbq" --kb HEAD:./ show ann
	vg 1 "$kbq" diff HEAD~1:./ . -o jsonl
	vg 1 "$kbq" diff HEAD~1:./ "$tmp/bad" --stat
	vg 2 "$kbq" diff HEAD~1:./ "$tmp/syntax.yaml"
	vg 2 "$kbq" --kb nosuch:./ find
	vg 0 "$kbq" log --kb .
	vg 0 "$kbq" log --kb . id=m1 -o json --limit 1
	cd - >/dev/null || exit 2
fi
# (after the versions: their second commit needs m1 as written above)
# The change commands, written and refused.
vg 0 "$kbq" init "$tmp/new"
vg 0 "$kbq" --kb "$tmp/kb" set ann 'name=Ann B' tags+=c -n
vg 0 "$kbq" --kb "$tmp/kb" set m1 who-=bob 'name=yes: no'
vg 0 "$kbq" --kb "$tmp/kb" add person id=cy name=Cy friend=ann --file "$tmp/kb/sub/meetings.yaml"
vg 0 "$kbq" --kb "$tmp/kb" mv cy cyd
vg 2 "$kbq" --kb "$tmp/kb" rm ann
vg 0 "$kbq" --kb "$tmp/kb" rm cyd
vg 2 "$kbq" --kb "$tmp/kb" set bob born=1971
vg 2 "$kbq" --kb "$tmp/kb" set m1 date=soon
# The fuzz targets over their seeds and every regression.
vg 0 "$rload" "$fuzz/corpus/load" "$fuzz/regressions/load"
vg 0 "$rschema" "$fuzz/corpus/schema" "$fuzz/regressions/schema"
vg 0 "$rquery" "$fuzz/corpus/query" "$fuzz/regressions/query"
# one thread against three, on a library that cuts small files into units
vg 0 "$rpar" "$fuzz/corpus/par" "$fuzz/regressions/par"
vg 0 "$redit" "$fuzz/corpus/edit" "$fuzz/regressions/edit"

# helgrind: the threads reading one file share no memory unguarded; every
# empty map once handed out a static slot that it wrote, a race between
# two workers (seen on large files; strmap-threads shows it at once)
hg() {
	valgrind -q --tool=helgrind --error-exitcode=99 "$@" >"$tmp/out" \
		2>"$tmp/err" </dev/null
	rc=$?
	if [ $rc = 0 ] && ! grep -q '^==[0-9]*==' "$tmp/err"; then
		pass=$((pass + 1))
		return
	fi
	echo "FAIL helgrind (exit $rc): $*"
	grep '^==' "$tmp/err" | head -40
	fail=$((fail + 1))
}
hg "$strmap"
hg "$rpar" "$fuzz/corpus/par" "$fuzz/regressions/par"

echo "valgrind: $pass passed, $fail failed"
[ $fail = 0 ]
