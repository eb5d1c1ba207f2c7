#!/usr/bin/env zsh
# The zsh completion, as installed: `cmake --install` into a scratch
# prefix, then an interactive zsh in a pseudo-terminal (zsh/zpty) with
# compinit and the prefix's completion directory in $fpath.  Each case
# types a command line and TAB; a compadd wrapped in that zsh writes every
# word the completion offers (its matches against what is typed, with the
# part compset moved aside put back) to a file, which is checked.
#
#   completion-zsh.zsh CMAKE BUILD_DIR
emulate -R zsh
setopt extendedglob
(( $# == 2 )) || { print -u2 "usage: completion-zsh.zsh CMAKE BUILD_DIR"; exit 2 }
cmake=$1 build=$2
zmodload zsh/zpty || { print "FAIL: no zsh/zpty module"; exit 1 }
tmp=$(mktemp -d) || exit 2
trap 'zpty -d kz 2>/dev/null; rm -rf $tmp' EXIT
prefix=$tmp/prefix
if ! $cmake --install $build --prefix $prefix >$tmp/log 2>&1; then
    cat $tmp/log
    print "FAIL: cmake --install failed"
    exit 1
fi
fail=0
no() { print -r -- "FAIL: $*"; fail=1 }

# where zsh looks: Debian's zsh has /usr/share/zsh/vendor-completions and
# /usr/local/share/zsh/site-functions in $fpath
compfile=($prefix/share/zsh/(vendor-completions|site-functions)/_kbq(N))
if (( $#compfile != 1 )); then
    print "FAIL: _kbq is not installed in PREFIX/share/zsh/vendor-completions or site-functions"
    exit 1
fi
[[ $(head -1 $compfile) == '#compdef kbq' ]] || no "$compfile does not start with #compdef kbq"

mkdir -p $tmp/work/sub
touch $tmp/work/notes.yaml $tmp/work/other.txt

out=$tmp/offers
zpty -b kz env -i HOME=$tmp TERM=dumb PATH=$prefix/bin:/usr/bin:/bin \
    zsh -f -i || { print "FAIL: cannot start zsh in a pty"; exit 1 }
zpty -w kz "PS1= RPS1= PS2=; unsetopt AUTO_LIST AUTO_MENU BEEP LIST_BEEP; cd ${(q)tmp}/work"
zpty -w kz "fpath=(${(q)compfile:h} \$fpath); autoload -Uz compinit; compinit -u -D"
# every word offered, as the line would hold it; calls that only ask
# (-O, -A, -D) pass through
zpty -w kz 'compadd() {
    if (( ${@[(I)-[OAD]*]} )); then builtin compadd "$@"; return; fi
    local -a __hits
    builtin compadd -O __hits "$@"
    (( $#__hits )) && print -rl -- "$IPREFIX${^__hits[@]%/}" >>'${(q)out}'
    builtin compadd "$@"
}'

# wait until the pty has printed PATTERN (at most 20 s)
n=0
sync_pty()
{
    local chunk seen= deadline=$((SECONDS + 20))
    n=$((n + 1))
    zpty -w kz "print do''ne-$n"
    while ((SECONDS < deadline)); do
        if zpty -r -t kz chunk; then
            seen+=$chunk
            [[ $seen == *done-$n* ]] && return 0
        else
            sleep 0.01
        fi
    done
    print "FAIL: zsh did not answer in time; it printed: $seen"
    exit 1
}
sync_pty

# The words offered for LINE<TAB>, one a line, sorted, each once.
offers()
{
    : >$out
    zpty -w -n kz "$1"$'\t'
    zpty -w -n kz $'\C-u'
    sync_pty
    sort -u $out
}

has()
{
    local line=$1 w got
    shift
    got=$(offers $line)
    for w in "$@"; do
        print -r -- $got | grep -qxF -- $w ||
            no "'$line<TAB>' does not offer '$w' (offers: ${(f)got})"
    done
}

lacks()
{
    local line=$1 w got
    shift
    got=$(offers $line)
    for w in "$@"; do
        print -r -- $got | grep -qxF -- $w && no "'$line<TAB>' offers '$w'"
    done
}

exactly()
{
    local line=$1 got want
    got=$(offers $line)
    want=$(print -r -- $2 | grep -v '^$' | sort -u)
    [[ $got == $want ]] || no "'$line<TAB>' offers [${(f)got}], not [${(f)want}]"
}

kbq=$prefix/bin/kbq
unset KBQ_KB
shelf=${0:A:h}/../data/lib/shelf
shelf=${shelf:A}
loose=${0:A:h}/../data/lib/loose
loose=${loose:A}
mkdir -p $tmp/next
ln -s ${0:A:h}/kbq-next.sh $tmp/next/kbq
next=$tmp/next/kbq
source ${0:A:h}/completion-cases.sh

(( fail == 0 )) && print "zsh completion offers what kbq says"
exit $fail
