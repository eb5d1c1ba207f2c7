#!/bin/sh
# mkrepo.sh DIR - build the git repository the versions tests read: a KB in
# DIR/kb whose history adds, changes, moves, reformats, reorders and
# removes records, changes the schema and a record's kind, tagged c01..c13
# on branch main (checked out), and a branch `broken` whose last commit
# (tag c14) breaks controls.yaml.  Dates and authors are fixed, so the
# commit ids are the same on every run; DIR.names is a sed script that
# writes each commit id (full, and its first 12 digits) as its tag.
set -eu
dest=$1
mkdir -p "$dest"
cd "$dest"
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
git init -q -b main .
n=0
# commit TAG DAY SUBJECT [AUTHOR]: everything staged, on 2025-01-DAY
commit() {
	export GIT_AUTHOR_NAME="${4:-Ann Author}" GIT_AUTHOR_EMAIL=ann@example.org
	export GIT_COMMITTER_NAME="Ann Author" GIT_COMMITTER_EMAIL=ann@example.org
	export GIT_AUTHOR_DATE="2025-01-$2T12:00:00+0000"
	export GIT_COMMITTER_DATE="$GIT_AUTHOR_DATE"
	git add -A
	git commit -q --allow-empty-message -m "$3"
	git tag "$1"
}

mkdir kb
cat >kb/schema.yaml <<'EOF'
kinds:
  actor:
    plural: actors
    fields:
      name: {type: string, required: true}
      tags: {type: string, list: true}
      notes: {type: text}
  control:
    plural: controls
    fields:
      name: {type: string, required: true}
      imposed_by: {type: ref, to: actor}
      targets: {type: ref, list: true}
      items: {type: string, list: true}
      status: {type: enum, values: [announced, in-force, lifted]}
      since: {type: date}
      until: {type: date}
  event:
    plural: events
    fields:
      name: {type: string, required: true}
      date: {type: date, required: true}
      actors: {type: ref, list: true}
EOF
cat >kb/actors.yaml <<'EOF'
- id: us
  kind: actor
  name: United States
  tags: [country, g7]
- id: cn
  kind: actor
  name: China
  tags: [country]
- id: eu
  kind: actor
  name: European Union
EOF
cat >kb/controls.yaml <<'EOF'
- id: ctl-a
  kind: control
  name: Rare earth licensing
  imposed_by: cn
  targets: [us]
  items: [dysprosium, terbium, samarium]
  status: announced
  since: 2025-04-04
- id: ctl-b
  kind: control
  name: Chip export rule
  imposed_by: us
  targets: [cn]
  items: [gpu, hbm]
  status: in-force
EOF
cat >kb/events.yaml <<'EOF'
- id: ev1
  kind: event
  name: Geneva talks
  date: 2025-05-10
  actors: [us, cn]
EOF
echo "The KB of the tests." >README
commit c01 01 "Add the KB"

sed -i 's/status: announced/status: in-force/' kb/controls.yaml
commit c02 02 "ctl-a is in force"

cat >kb/actors.yaml <<'EOF'
- id: us
  kind: actor
  name: United States
  tags: [country, g7]
- id: eu
  kind: actor
  name: European Union
EOF
cat >kb/cn.yaml <<'EOF'
# China has a file of its own
id: cn
kind: actor
name: "China"
tags:
  - country
EOF
commit c03 03 "Move cn to a file of its own"

cat >kb/controls.yaml <<'EOF'
# the same records, reordered, requoted, re-indented, commented
- {id: ctl-b, kind: control, name: "Chip export rule", imposed_by: us,
   targets: cn, items: [gpu, 'hbm'], status: in-force}
-   since: '2025-04-04'
    status: "in-force"
    items:
        - dysprosium
        - terbium   # a heavy rare earth
        - samarium
    targets: [us]
    imposed_by: cn
    name: 'Rare earth licensing'
    kind: control
    id: ctl-a
EOF
commit c04 04 "Reformat controls.yaml"

sed -i 's/    targets: \[us\]/    targets: [us, eu]/; s/items: \[gpu, .hbm.\]/items: [hbm, gpu]/' kb/controls.yaml
commit c05 05 "ctl-a targets eu too; ctl-b items reordered"

cat >kb/events.yaml <<'EOF'
- id: ev2
  kind: event
  name: London talks
  date: 2025-06-09
  actors: [us, cn]
EOF
commit c06 06 "London talks replace Geneva"

echo "Only the README changes." >>README
commit c07 07 "README"

cat >>kb/schema.yaml <<'EOF'
  organization:
    plural: organizations
    fields:
      name: {type: string, required: true}
EOF
commit c08 08 "Schema: organizations"

cat >kb/actors.yaml <<'EOF'
- id: us
  kind: actor
  name: United States
  tags: [country, g7]
- id: eu
  kind: organization
  name: European Union
EOF
commit c09 09 "eu is an organization"

cat >kb/actors.yaml <<'EOF'
- id: us
  kind: actor
  name: United States
  notes: |
    First line.
    Second line.
- id: eu
  kind: organization
  name: European Union
EOF
commit c10 10 "us: notes instead of tags"

sed -i "s/^-   since: '2025-04-04'/&\n    until: 2025-11-10/" kb/controls.yaml
commit c11 11 "ctl-a ends in November"

sed -i "s/name: 'Rare earth licensing'/name: Rare earth export licensing/; s/        - samarium/        - yttrium/" kb/controls.yaml
commit c12 12 "Rename ctl-a; yttrium, not samarium"

sed -i 's/    status: "in-force"/    status: lifted/' kb/controls.yaml
esc=$(printf '\033')
commit c13 13 "Lift ctl-a ${esc}[31mnow${esc}[m" "Eve ${esc}]0;owned$(printf '\007') Mallory"

git checkout -q -b broken
printf -- '- id: ctl-a\n  kind: control\n  name: [unclosed\n' >kb/controls.yaml
commit c14 14 "Break controls.yaml"
git checkout -q main

for t in $(git tag); do
	full=$(git rev-parse "$t^{commit}")
	short=$(printf %.12s "$full")
	printf 's/%s/%s/g\ns/%s/%s/g\n' "$full" "$t" "$short" "$t"
done >"$dest.names"
