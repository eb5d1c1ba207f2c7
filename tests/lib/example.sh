#!/usr/bin/env bash
# The program of kb(3)'s EXAMPLES, as a user builds it: written out of the
# page exactly as it stands there, compiled with
# `pkg-config --cflags --libs kb` (the tree's kb.pc found through
# PKG_CONFIG_PATH) and run on the fixture KBs of tests/data/lib; then
# linked statically with `pkg-config --static`, which needs kb.pc's
# Requires.private and Libs.private.  The tree is
#   install CMAKE BUILD_DIR   `cmake --install` into a scratch prefix, or
#   tree ROOT                 the files of the Debian package unpacked in
#                             ROOT (tests/pkg): their prefix /usr is ROOT/usr,
#                             which pkg-config is told (--define-variable)
#
#   example.sh CHECK_PAGES PAGE DATA_DIR CC SANITIZE install|tree ...
#
# SANITIZE (-DKBQ_SANITIZE's value, may be empty): the library is then
# instrumented, so the program is compiled with the same -fsanitize flags.
set -u
usage="usage: example.sh CHECK_PAGES PAGE DATA_DIR CC SANITIZE install CMAKE BUILD_DIR | tree ROOT"
[ $# -ge 7 ] || { echo "$usage" >&2; exit 2; }
check=$1 page=$2 data=$3 cc=$4 sanitize=$5 mode=$6
fail=0
no() { echo "FAIL: $*"; fail=1; }
. "$(dirname "$0")/../install-tree.sh"
pc=(pkg-config)
case $mode in
    install)
        [ $# -eq 8 ] || { echo "$usage" >&2; exit 2; }
        kbq_install_tree "$7" "$8"
        ;;
    tree)
        kbq_scratch
        prefix=$7/usr
        pc+=(--define-variable=prefix="$prefix")
        ;;
    *) echo "$usage" >&2; exit 2 ;;
esac
[ -f "$prefix/include/kb.h" ] || no "include/kb.h is not installed"
pcs=$(find "$prefix" -name kb.pc)
[ "$(printf '%s\n' "$pcs" | grep -c .)" -eq 1 ] ||
    { echo "FAIL: not one kb.pc in the installed tree: $pcs"; exit 1; }
export PKG_CONFIG_PATH=${pcs%/kb.pc}
libdir=$("${pc[@]}" --variable=libdir kb)
[ "$libdir" = "${pcs%/pkgconfig/kb.pc}" ] ||
    no "kb.pc's libdir is '$libdir', not the directory it is in"
for f in libkb.a libkb.so; do
    [ -e "$libdir/$f" ] || no "$f is not installed in kb.pc's libdir $libdir"
done
cflags=$("${pc[@]}" --cflags kb)
[ "${cflags% }" = "-I$prefix/include" ] ||
    no "pkg-config --cflags kb says '$cflags'"

mkdir "$tmp/src"
python3 "$check" kbq "${page%/*}" program "${page##*/}" "$tmp/src" >/dev/null ||
    { echo "FAIL: no program in the EXAMPLES of $page"; exit 1; }
prog=$tmp/src/kbids.c
[ -f "$prog" ] || { echo "FAIL: the EXAMPLES of $page have no kbids.c"; exit 1; }

flags=(-std=c11 -Wall -Wextra -Wpedantic -Werror)
[ -z "$sanitize" ] || flags+=("-fsanitize=$sanitize" -fno-sanitize-recover=all)
# the page's own line: cc -o kbids kbids.c $(pkg-config --cflags --libs kb)
# shellcheck disable=SC2046
if ! "$cc" "${flags[@]}" -o "$tmp/kbids" "$prog" \
        $("${pc[@]}" --cflags --libs kb) 2>"$tmp/cc.log"; then
    cat "$tmp/cc.log"
    echo "FAIL: the program of $page does not compile against the installed libkb"
    exit 1
fi
# the same, libkb linked statically and what it needs named by kb.pc
static_libs=$("${pc[@]}" --static --libs kb |
    sed 's/\(^\| \)-lkb\( \|$\)/\1-Wl,-Bstatic -lkb -Wl,-Bdynamic\2/')
# shellcheck disable=SC2086
if ! "$cc" "${flags[@]}" -o "$tmp/kbids-static" "$prog" \
        $("${pc[@]}" --cflags kb) $static_libs 2>"$tmp/cc.log"; then
    cat "$tmp/cc.log"
    echo "FAIL: a static link with 'pkg-config --static --libs kb' ($static_libs) fails"
    exit 1
fi

needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
soname=$(readelf -d "$libdir/libkb.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
needed "$tmp/kbids" | grep -qxF "$soname" ||
    no "kbids does not need $soname: $(needed "$tmp/kbids" | tr '\n' ' ')"
needed "$tmp/kbids-static" | grep -q '^libkb' &&
    no "kbids-static needs libkb: $(needed "$tmp/kbids-static" | tr '\n' ' ')"
got=$(LD_LIBRARY_PATH=$libdir ldd "$tmp/kbids" | awk -v s="$soname" '$1 == s { print $3 }')
[ "$got" = "$libdir/$soname" ] ||
    no "kbids loads $soname from '$got', not from $libdir"

# run PROGRAM STATUS STDOUT STDERR ARG...: in the fixture directory, so that
# file names are relative as a user would type them
run()
{
    local exe=$1 want_status=$2 want_out=$3 want_err=$4 status
    shift 4
    (cd "$data" && LD_LIBRARY_PATH=$libdir "$exe" "$@") \
        >"$tmp/out" 2>"$tmp/err"
    status=$?
    [ "$status" -eq "$want_status" ] ||
        no "${exe##*/} $*: exit $status, not $want_status ($(cat "$tmp/err"))"
    [ "$(cat "$tmp/out")" = "$want_out" ] ||
        no "${exe##*/} $*: prints [$(cat "$tmp/out")], not [$want_out]"
    [ "$(cat "$tmp/err")" = "$want_err" ] ||
        no "${exe##*/} $*: says [$(cat "$tmp/err")], not [$want_err]"
}

nl='
'
for exe in "$tmp/kbids" "$tmp/kbids-static"; do
    # matches, in file order; no expression matches every record
    run "$exe" 0 "codex-a${nl}codex-c" "" shelf binding=vellum
    run "$exe" 0 "codex-a${nl}codex-b${nl}codex-c" "" shelf
    # dates as periods: 1210 starts after 1200 starts
    run "$exe" 0 "codex-a" "" shelf 'copied<1200'
    # a ref followed: the KB is loaded whole
    run "$exe" 0 "codex-b" "" shelf copy_of.binding=vellum
    run "$exe" 1 "" "" shelf binding=cloth
    # located errors: the expression's word underlined, the file's position
    run "$exe" 2 "" "kbids: error: unknown field 'bindng' (did you mean 'binding'?)
  bindng=paper
  ^~~~~~" shelf bindng=paper
    run "$exe" 2 "" "kbids: error: bad date '12x' (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)
  copied<12x
         ^~~" shelf binding=vellum 'copied<12x'
    run "$exe" 2 "" "kbids: broken.yaml:4:7: error: duplicate id 'codex-a' (first defined at broken.yaml:2:7)" broken.yaml
    run "$exe" 2 "" "kbids: no-such-kb: error: cannot read: No such file or directory" no-such-kb
    run "$exe" 2 "" "usage: kbids KB [EXPR...]"
done

[ $fail -eq 0 ] && echo "kb(3)'s example builds against the libkb of $prefix, shared and static, and runs"
exit $fail
