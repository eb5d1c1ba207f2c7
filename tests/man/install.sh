#!/bin/sh
# An installed tree stands on its own: `cmake --install` into a scratch
# prefix puts kbq, every page of man/ and the completion where they belong;
# the installed kbq, run from / with no environment at all, answers as the
# built one does (the KB is inside it) and tells the project's version;
# man finds and renders the pages.
#
#   install.sh CMAKE BUILD_DIR MAN_SOURCE_DIR VERSION
set -u
[ $# -eq 4 ] || { echo "usage: install.sh CMAKE BUILD_DIR MANDIR VERSION" >&2; exit 2; }
cmake=$1 build=$2 mansrc=$3 version=$4
fail=0
no() { echo "FAIL: $*"; fail=1; }
. "$(dirname "$0")/../install-tree.sh"
kbq_install_tree "$cmake" "$build"

# every file where it belongs
[ -x "$prefix/bin/kbq" ] || no "bin/kbq is not installed"
[ -f "$prefix/share/bash-completion/completions/kbq" ] ||
    no "share/bash-completion/completions/kbq is not installed"
n=0
for page in "$mansrc"/*.[1-9]; do
    name=${page##*/}
    sec=${name##*.}
    n=$((n + 1))
    if ! cmp -s "$page" "$prefix/share/man/man$sec/$name"; then
        no "man/$name is not installed as share/man/man$sec/$name"
    fi
done
[ $n -gt 0 ] || no "no pages in $mansrc"

# from /, with no environment: no KBQ_KB, no PATH, no HOME
built=$(cd / && env -i "$build/cmd/kbq" controls 2>&1)
got=$(cd / && env -i "$prefix/bin/kbq" controls 2>&1)
status=$?
[ $status -eq 0 ] || no "installed 'kbq controls' exits $status: $got"
[ -n "$got" ] && [ "$got" = "$built" ] ||
    no "installed 'kbq controls' does not answer as the built kbq"
got=$(cd / && env -i "$prefix/bin/kbq" controls -c)
[ "${got:-0}" -gt 0 ] 2>/dev/null || no "installed 'kbq controls -c' says '$got'"
got=$(cd / && env -i "$prefix/bin/kbq" --version)
[ "$got" = "kbq $version" ] || no "--version says '$got', not 'kbq $version'"

# man finds the pages of the prefix, and renders them
if command -v man >/dev/null 2>&1; then
    got=$(env -i PATH=/usr/bin:/bin man -M "$prefix/share/man" -w kbq-query)
    [ "$got" = "$prefix/share/man/man7/kbq-query.7" ] ||
        no "man -M PREFIX/share/man -w kbq-query says '$got'"
    env -i PATH=/usr/bin:/bin LANG=C man -M "$prefix/share/man" -P cat \
        kbq-query 2>&1 | grep -q 'the expressions that select' ||
        no "man -M PREFIX/share/man kbq-query does not show the page"
    # each plural of the built-in KB has a page: kbq-find(1) itself
    plurals=$(cd / && env -i "$prefix/bin/kbq" schema --list=plurals)
    [ -n "$plurals" ] || no "the built-in KB lists no plurals"
    for p in $plurals; do
        env -i PATH=/usr/bin:/bin LANG=C man -M "$prefix/share/man" -P cat \
            "kbq-$p" 2>&1 | grep -q 'kbq-find, kbq-actors' ||
            no "man kbq-$p does not show kbq-find(1)"
    done
    # each function kb(3) names has a page: kb(3) itself
    fns=$(sed -n 's/^\.Nm \(kb_[a-z0-9_]*\).*/\1/p' "$mansrc/kb.3")
    [ -n "$fns" ] || no "kb.3 names no function"
    for f in $fns; do
        [ "$(cat "$prefix/share/man/man3/$f.3" 2>/dev/null)" = ".so man3/kb.3" ] ||
            no "share/man/man3/$f.3 does not source kb.3"
    done
    env -i PATH=/usr/bin:/bin LANG=C man -M "$prefix/share/man" -P cat 3 \
        kb_query_compile 2>/dev/null | grep -q '^KB(3) ' ||
        no "man 3 kb_query_compile does not show kb(3)"
else
    echo "note: no man(1); rendering the installed page with mandoc"
    mandoc -Tascii "$prefix/share/man/man7/kbq-query.7" |
        grep -q 'the expressions that select' ||
        no "mandoc cannot render the installed kbq-query.7"
fi

[ $fail -eq 0 ] && echo "installed tree works ($n pages)"
exit $fail
