#!/usr/bin/env bash
# The bash completion, as installed: `cmake --install` into a scratch
# prefix, bash-completion finds the file there by itself (XDG_DATA_DIRS), and
# the words it offers come from the installed kbq and the KB on the line.
#
#   completion.sh CMAKE BUILD_DIR BASH_COMPLETION_SCRIPT
#
# Each case (completion-cases.sh, shared with the zsh and fish tests) is a
# command line as typed before TAB; it is split into COMP_WORDS as readline
# splits it (at white space and at COMP_WORDBREAKS characters) and _kbq's
# COMPREPLY is checked, each word with the part of the shell word before
# readline's word put back ("measure=" before "ban"), as zsh and fish show
# them.
set -u
[ $# -eq 3 ] || { echo "usage: completion.sh CMAKE BUILD_DIR BASH_COMPLETION" >&2; exit 2; }
cmake=$1 build=$2 bc=$3
if [ ! -f "$bc" ]; then
    echo "FAIL: bash-completion's main script '$bc' is missing (package bash-completion)"
    exit 1
fi
. "$(dirname "$0")/../install-tree.sh"
kbq_install_tree "$cmake" "$build"

here=$(cd "$(dirname "$0")" && pwd)
shelf=$(cd "$here/../data/lib/shelf" && pwd)
loose=$(cd "$here/../data/lib/loose" && pwd)
mkdir -p "$tmp/work/sub" "$tmp/next"
touch "$tmp/work/notes.yaml" "$tmp/work/other.txt"
ln -s "$here/kbq-next.sh" "$tmp/next/kbq"
next=$tmp/next/kbq
cd "$tmp/work" || exit 2

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

# The words offered for LINE, one a line, sorted, whole (as the shell word
# will read; with RAW set, as _kbq replies), a directory's slash cut.
offers()
{
    local split word pre k w
    split_line "$1"
    COMP_WORDS=("${split[@]}")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$1
    COMP_POINT=${#1}
    COMPREPLY=()
    # compopt complains outside a real completion; the words are what counts
    _kbq kbq "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" \
        2>/dev/null
    # the shell word up to its last COMP_WORDBREAKS character
    word=${1##*[[:space:]]} pre=
    for ((k = ${#word}; k > 0; k--)); do
        if [[ $COMP_WORDBREAKS == *"${word:k-1:1}"* ]]; then
            pre=${word:0:k}
            break
        fi
    done
    [ "${RAW-}" ] && pre=
    for w in "${COMPREPLY[@]%/}"; do
        printf '%s%s\n' "$pre" "$w"
    done | sort -u
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
    want=$(printf '%s\n' "$2" | grep -v '^$' | sort -u)
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
# shellcheck source=completion-cases.sh
. "$here/completion-cases.sh"

# the change commands (bash): the kind's fields after add KIND, the first
# record's after set ID (the operator is the user's), the values after
# FIELD=, FIELD+= and FIELD-=; ids after set, rm and mv, but not once the
# assignments began
has "kbq add " control
has "kbq add control meas" measure
has "kbq add control measure=li" measure=licensing
has "kbq add control imposed_by=" imposed_by=cn imposed_by=us
exactly "kbq rm lon" "$(list schema --list=ids | grep '^lon')"
exactly "kbq mv lon" "$(list schema --list=ids | grep '^lon')"
exactly "kbq mv london-talks-2025 " ""
exactly "kbq set us-e" "$(list schema --list=ids | grep '^us-e')"
has "kbq set us-eda-2025 sta" status
has "kbq set us-eda-2025 us-" us-ascend-2025
has "kbq set us-eda-2025 status=li" status=lifted
has "kbq set us-eda-2025 targets+=" targets+=cn targets+=us
exactly "kbq set us-eda-2025 sum" summary
lacks "kbq set us-eda-2025 status=in-force us-" us-ascend-2025
has "kbq set us-eda-2025 status=in-force mea" measure

# the value after '=' of a back-link's term, alone
got=$(RAW=1 offers "kbq actors ^heads.type=ta")
[ "$got" = talks ] || no "'kbq actors ^heads.type=ta<TAB>' replies '$got', not 'talks'"

# what readline replaces is the part after the word's last break: after
# "measure=" the value alone, after "--fields=" the list
got=$(RAW=1 offers "kbq controls measure=li")
[ "$got" = licensing ] || no "'kbq controls measure=li<TAB>' replies '$got', not 'licensing'"
got=$(RAW=1 offers "kbq controls --fields=id,na")
[ "$got" = id,name ] || no "'kbq controls --fields=id,na<TAB>' replies '$got', not 'id,name'"

# REV:PATH: in a git repository, after diff and in --kb, its refs with a
# colon, then the paths of that revision's tree (readline replaces what
# follows the colon); files on disk as before
if command -v git >/dev/null; then
    cp -r "$shelf" "$tmp/repo"
    (
        cd "$tmp/repo" && export GIT_CONFIG_GLOBAL=/dev/null \
            GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=A GIT_COMMITTER_NAME=A \
            GIT_AUTHOR_EMAIL=a@example.org GIT_COMMITTER_EMAIL=a@example.org &&
        git init -q -b main && mkdir sub &&
        echo '- {id: codex-d, kind: volume, name: Codex D}' >sub/more.yaml &&
        git add . && git commit -q -m one && git tag v1
    ) >/dev/null 2>&1 || no "cannot make a git repository in $tmp/repo"
    cd "$tmp/repo" || exit 2
    has "kbq diff " HEAD: main: v1: sub volumes.yaml
    exactly "kbq diff ma" "main:"
    exactly "kbq --kb v" "v1:
volumes.yaml"
    exactly "kbq --kb=v" "--kb=v1:
--kb=volumes.yaml"
    exactly "kbq diff v1:" "v1:schema.yaml
v1:sub
v1:volumes.yaml"
    exactly "kbq diff v1:s" "v1:schema.yaml
v1:sub"
    exactly "kbq diff HEAD:kb main:su" "main:sub"
    exactly "kbq diff main:sub/" "main:sub/more.yaml"
    exactly "kbq --kb v1:sub/m" "v1:sub/more.yaml"
    # what readline replaces: the part after the colon
    got=$(RAW=1 offers "kbq diff v1:s")
    [ "$got" = "$(printf 'schema.yaml\nsub')" ] ||
        no "'kbq diff v1:s<TAB>' replies '$got', not 'schema.yaml sub'"
    # the third word of diff is an expression about NEW's records
    has "kbq diff v1: main: bin" binding
    has "kbq --kb v1: log bin" binding
    cd - >/dev/null
fi

[ $fail -eq 0 ] && echo "completion offers what kbq says"
exit $fail
