#!/usr/bin/env bash
# The bash completion, as installed: `cmake --install` into a scratch
# prefix, bash-completion finds the file there by itself (XDG_DATA_DIRS), and
# the words it offers come from the installed kbq and the KB on the line.
#
#   completion.sh CMAKE BUILD_DIR BASH_COMPLETION_SCRIPT
#
# Each case is a command line as typed before TAB; it is split into
# COMP_WORDS as readline splits it (at white space and at COMP_WORDBREAKS
# characters) and _kbq's COMPREPLY is checked.
set -u
[ $# -eq 3 ] || { echo "usage: completion.sh CMAKE BUILD_DIR BASH_COMPLETION" >&2; exit 2; }
cmake=$1 build=$2 bc=$3
if [ ! -f "$bc" ]; then
    echo "FAIL: bash-completion's main script '$bc' is missing (package bash-completion)"
    exit 1
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
if ! "$cmake" --install "$build" --prefix "$prefix" >"$tmp/log" 2>&1; then
    cat "$tmp/log"
    echo "FAIL: cmake --install failed"
    exit 1
fi

# A KB of its own, to see that --kb on the line is honoured.
mkdir -p "$tmp/shelf"
cat >"$tmp/shelf/schema.yaml" <<'EOF'
kinds:
  volume:
    plural: volumes
    fields:
      name: {type: string, required: true}
      shelfmark: {type: string}
      binding: {type: enum, values: [cloth, paper, vellum]}
EOF
cat >"$tmp/shelf/volumes.yaml" <<'EOF'
- {id: codex-a, kind: volume, name: Codex A, binding: vellum}
- {id: codex-b, kind: volume, name: Codex B, shelfmark: B2}
EOF
# a second kind with another enum of the same name, and an optional enum
# with a description (whose words must never be offered as values)
cat >>"$tmp/shelf/schema.yaml" <<'EOF'
      state: {type: enum, values: [shelved, lent], description: Its state In June}
  essay:
    plural: essays
    fields:
      state: {type: enum, values: [draft, done]}
EOF
mkdir -p "$tmp/loose"
cat >"$tmp/loose/things.yaml" <<'EOF'
- {id: t1, kind: thing, name: One, colour: red}
- {id: t2, kind: thing, size: big}
EOF

unset KBQ_KB
export PATH="$prefix/bin:$PATH"
# shellcheck disable=SC1090
source "$bc"
complete -r kbq 2>/dev/null
XDG_DATA_DIRS=$prefix/share __load_completion kbq
fail=0
no() { echo "FAIL: $*"; fail=1; }
if ! complete -p kbq 2>/dev/null | grep -q -- '-F _kbq'; then
    echo "FAIL: bash-completion does not find the completion in $prefix/share"
    exit 1
fi

# readline's words: a run of COMP_WORDBREAKS characters is a word of its own
split_line()
{
    local line=$1 w="" t="" c i
    split=()
    for ((i = 0; i < ${#line}; i++)); do
        c=${line:i:1}
        if [[ $c == [[:space:]] ]]; then
            [[ $w ]] && split+=("$w")
            w="" t=""
        elif [[ $COMP_WORDBREAKS == *"$c"* ]]; then
            if [[ $t != b && $w ]]; then split+=("$w"); w=""; fi
            w+=$c t=b
        else
            if [[ $t == b ]]; then split+=("$w"); w=""; fi
            w+=$c t=w
        fi
    done
    if [[ $w ]]; then
        split+=("$w")
    else
        split+=("")
    fi
}

# The words offered for LINE, one a line, sorted.
offers()
{
    local split
    split_line "$1"
    COMP_WORDS=("${split[@]}")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$1
    COMP_POINT=${#1}
    COMPREPLY=()
    # compopt complains outside a real completion; the words are what counts
    _kbq kbq "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" \
        2>/dev/null
    printf '%s\n' "${COMPREPLY[@]}" | sort
}

# LINE offers WORD (and maybe others)
has()
{
    local line=$1 w got
    shift
    got=$(offers "$line")
    for w in "$@"; do
        grep -qxF -- "$w" <<<"$got" ||
            no "'$line<TAB>' does not offer '$w' (offers: $(echo $got))"
    done
}

# LINE offers exactly the words of WORDS, one a line (not in a pipeline:
# a failure must reach this shell)
exactly()
{
    local line=$1 got want
    got=$(offers "$line")
    want=$(printf '%s\n' "$2" | grep -v '^$' | sort)
    [ "$got" = "$want" ] ||
        no "'$line<TAB>' offers [$(echo $got)], not [$(echo $want)]"
}

lacks()
{
    local line=$1 w got
    shift
    got=$(offers "$line")
    for w in "$@"; do
        grep -qxF -- "$w" <<<"$got" && no "'$line<TAB>' offers '$w'"
    done
}

kbq=$prefix/bin/kbq

# commands: the built-in ones and each kind's plural, never KINDS
has "kbq con" controls
has "kbq " find show grep validate timeline stats schema help actors controls
lacks "kbq " KINDS
commands=$("$kbq" help |
    awk '/^commands:/ { c = 1; next } c && !NF { exit } c { print $1 }' |
    grep -vx KINDS)
exactly "kbq help gr" "$(printf '%s\n' $commands $("$kbq" schema --list=plurals) |
    grep '^gr')"

# options: a command's own, the global ones before a command, none after --
has "kbq controls --as" --as-of
exactly "kbq controls --as" "--as-of"
has "kbq -" --kb --schema --color --help --version
lacks "kbq -" --as-of --list
has "kbq controls -" --fields --sort --count --null --kb
lacks "kbq show -" --fields --as-of
exactly "kbq controls -- --a" ""

# option values: the formats --help names, --color's after =
formats=$("$kbq" find -h | sed -n 's/.*--output FORMAT *//p' |
    sed 's/ (default.*//' | tr -s ', ' '\n\n' | grep -vx or)
[ "$(printf '%s\n' "$formats" | grep -c .)" -ge 2 ] ||
    no "cannot read the formats from 'kbq find -h'"
exactly "kbq -o " "$formats"
exactly "kbq controls -o js" "json
jsonl"
exactly "kbq controls -co js" "json
jsonl"
exactly "kbq --color=" "auto
always
never"

# field names of the KB: all kinds', or the listing command's kind's
exactly "kbq --fields " "$("$kbq" schema --list=fields)"
exactly "kbq controls --fields " "$("$kbq" schema --list=fields controls)"
has "kbq controls --fields id,na" id,name
has "kbq controls --fields=id,na" id,name
has "kbq find --sort da" date
has "kbq controls imp" imposed_by
lacks "kbq controls imp" importance
has "kbq agreements participants.co" participants.country
# after a ref, the fields of the kinds it names: an actor's, not a control's
exactly "kbq controls imposed_by." "$("$kbq" schema --list=fields actor |
    sed 's/^/imposed_by./')"
lacks "kbq controls imposed_by.mea" imposed_by.measure
exactly "kbq controls --fields id,imposed_by." "$("$kbq" schema --list=fields actor |
    sed 's/^/id,imposed_by./')"
# two steps; and nothing after a field that is not a ref
has "kbq controls imposed_by.country.na" imposed_by.country.name
exactly "kbq controls sources.publisher." ""
# and the values after = at the end of a path
exactly "kbq controls imposed_by.country=" "$("$kbq" schema --list=ids actor)"
has "kbq agreements participants.type=co" country
exactly "kbq controls measure." ""

# values in FIELD= terms: an enum's values, a ref's ids, the kinds
has "kbq controls measure=li" licensing
has "kbq controls measure!=li" licensing
exactly "kbq controls imposed_by=" "$("$kbq" schema --list=ids actor)"
exactly "kbq grep x kind=" "$("$kbq" schema --list=kinds)"

# ids after show; kinds and plurals after schema
exactly "kbq show lon" "$("$kbq" schema --list=ids | grep '^lon')"
if "$kbq" show london-talks-2025 >/dev/null 2>&1; then
    has "kbq show lon" london-talks-2025
fi
has "kbq schema " control controls

# a --kb earlier on the line is the KB asked
has "kbq --kb $tmp/shelf vol" volumes
lacks "kbq --kb $tmp/shelf " controls
exactly "kbq --kb $tmp/shelf volumes --fields " "id
kind
name
shelfmark
binding
state"
exactly "kbq --kb=$tmp/shelf volumes binding=" "cloth
paper
vellum"
has "kbq --kb $tmp/shelf show codex-" codex-a codex-b

# an optional enum with a description offers its values and nothing of the
# description (values come from --list=values, never from kbq's tables)
exactly "kbq --kb $tmp/shelf volumes state=" "shelved
lent"
exactly "kbq --kb $tmp/shelf volumes state=I" ""
# find covers every kind: the union of the enums' values
exactly "kbq --kb $tmp/shelf find state=" "shelved
lent
draft
done"
has "kbq find type=tal" talks
# a KB without a schema offers the field names its records use
exactly "kbq --kb $tmp/loose find " "id
kind
name
colour
size
not
and
or"
has "kbq --kb $tmp/loose find col" colour

# REV:PATH: in a git repository, after diff and in --kb, its refs with a
# colon, then the paths of that revision's tree (readline replaces what
# follows the colon); files on disk as before
if command -v git >/dev/null; then
    (
        cd "$tmp/shelf" && export GIT_CONFIG_GLOBAL=/dev/null \
            GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=A GIT_COMMITTER_NAME=A \
            GIT_AUTHOR_EMAIL=a@example.org GIT_COMMITTER_EMAIL=a@example.org &&
        git init -q -b main && mkdir sub &&
        echo '- {id: codex-c, kind: volume, name: Codex C}' >sub/more.yaml &&
        git add . && git commit -q -m one && git tag v1
    ) >/dev/null 2>&1 || no "cannot make a git repository in $tmp/shelf"
    cd "$tmp/shelf"
    has "kbq diff " HEAD: main: v1: sub volumes.yaml
    exactly "kbq diff ma" "main:"
    exactly "kbq --kb v" "v1:
volumes.yaml"
    exactly "kbq --kb=v" "v1:
volumes.yaml"
    exactly "kbq diff v1:" "schema.yaml
sub/
volumes.yaml"
    exactly "kbq diff v1:s" "schema.yaml
sub/"
    exactly "kbq diff HEAD:kb main:su" "sub/"
    exactly "kbq diff main:sub/" "sub/more.yaml"
    exactly "kbq --kb v1:sub/m" "sub/more.yaml"
    # the third word of diff is an expression
    has "kbq diff v1: main: bin" binding
    has "kbq --kb v1: log bin" binding
    cd - >/dev/null
fi

[ $fail -eq 0 ] && echo "completion offers what kbq says"
exit $fail
