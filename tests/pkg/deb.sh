#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` from the build into a scratch
# directory; its control fields (`dpkg -I`) and files (`dpkg -c`) follow
# Debian's layout, its Depends name the packages that hold the libraries
# kbq and libkb.so need (as dpkg -S tells on this machine: libyaml-0-2,
# libpcre2-8-0, libc6); unpacked with `dpkg -x`, its kbq runs with nothing
# else and its libkb builds and runs the program of kb(3)
# (tests/lib/example.sh, tree mode).
#
#   deb.sh BUILD_DIR MAN_DIR CHECK_PAGES DATA_DIR CC
set -u
[ $# -eq 5 ] || { echo "usage: deb.sh BUILD_DIR MAN_DIR CHECK_PAGES DATA_DIR CC" >&2; exit 2; }
build=$1 man=$2 check=$3 data=$4 cc=$5
here=$(cd "$(dirname "$0")" && pwd)
fail=0
no() { echo "FAIL: $*"; fail=1; }
for tool in cpack dpkg dpkg-deb dpkg-shlibdeps; do
    command -v "$tool" >/dev/null || { echo "FAIL: no $tool (package dpkg-dev)"; exit 1; }
done
. "$here/../install-tree.sh"
kbq_scratch

if ! (cd "$build" && cpack -G DEB -B "$tmp/pkg") >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log"
    echo "FAIL: cpack -G DEB fails"
    exit 1
fi
debs=("$tmp"/pkg/*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] ||
    { echo "FAIL: cpack made no single .deb: ${debs[*]}"; exit 1; }
deb=${debs[0]}
arch=$(dpkg --print-architecture)
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)

# control fields
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = kbq ] || no "Package is '$(field Package)'"
[ "$(field Architecture)" = "$arch" ] || no "Architecture is '$(field Architecture)', not $arch"
[ "${deb##*/}" = "kbq_$(field Version)_$arch.deb" ] || no "the file is named ${deb##*/}"
[ -n "$(field Maintainer)" ] || no "no Maintainer"
[ -n "$(field Description)" ] || no "no Description"
depends=$(field Depends)
echo "Depends: $depends"
dpkg -I "$deb" | grep -q "^ Depends: $depends\$" || no "dpkg -I does not show the Depends"

# what the package needs: every library kbq and libkb.so are linked with,
# found on this machine, belongs to a package that Depends names
root=$tmp/root
dpkg -x "$deb" "$root" || { echo "FAIL: dpkg -x fails"; exit 1; }
lib=$root/usr/lib/$triplet
owners=
for elf in "$root/usr/bin/kbq" "$lib/libkb.so.0"; do
    for path in $(LD_LIBRARY_PATH=$lib ldd "$elf" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }'); do
        case $path in "$root"/*) continue ;; esac
        owner=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | sed -n '1s/:.*//p')
        [ -n "$owner" ] || owner=$(dpkg -S "$path" 2>/dev/null | sed -n '1s/:.*//p')
        [ -n "$owner" ] || { no "no package holds $path"; continue; }
        owners+=" $owner"
    done
done
for pkg in $(printf '%s\n' $owners libyaml-0-2 libpcre2-8-0 | sort -u); do
    [[ ", $depends," == *", $pkg"[\ ,]* ]] || no "Depends does not name $pkg: $depends"
done

# the files, where Debian puts them
contents=$(dpkg -c "$deb" | awk '{ print $6 }' | sed 's,^\./,/,')
want="/usr/bin/kbq
/usr/include/kb.h
/usr/lib/$triplet/libkb.so.0
/usr/lib/$triplet/libkb.so
/usr/lib/$triplet/libkb.a
/usr/lib/$triplet/pkgconfig/kb.pc
/usr/share/bash-completion/completions/kbq
/usr/share/zsh/vendor-completions/_kbq
/usr/share/fish/vendor_completions.d/kbq.fish"
for page in "$man"/*.[1-9]; do
    name=${page##*/}
    want+=$'\n'"/usr/share/man/man${name##*.}/$name"
done
# and a page for each function of kb(3)
for f in $(sed -n 's/^\.Nm \(kb_[a-z0-9_]*\).*/\1/p' "$man/kb.3"); do
    want+=$'\n'"/usr/share/man/man3/$f.3"
done
while IFS= read -r f; do
    grep -qxF -- "$f" <<<"$contents" || no "the package has no $f"
done <<<"$want"
grep -v '/$' <<<"$contents" | grep -v '^/usr/' && no "files outside /usr"
[ "$(readlink "$lib/libkb.so.0")" = "$(basename "$(readlink -f "$lib/libkb.so.0")")" ] ||
    no "libkb.so.0 is not a link beside the library"
dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -qx './shlibs' ||
    no "the package has no shlibs file for libkb.so.0"
[ "$(sed -n 's/^prefix=//p' "$lib/pkgconfig/kb.pc")" = /usr ] ||
    no "kb.pc's prefix is not /usr"

# the unpacked kbq needs nothing of the package but itself (libkb is in
# it), and answers from its built-in KB
got=$(cd / && env -i "$root/usr/bin/kbq" controls -c 2>&1)
[ "${got:-0}" -gt 0 ] 2>/dev/null || no "the unpacked 'kbq controls -c' says '$got'"
got=$(env -i "$root/usr/bin/kbq" --version)
[ "$got" = "kbq $(field Version)" ] || no "the unpacked kbq --version says '$got'"
# and the library builds kb(3)'s program
bash "$here/../lib/example.sh" "$check" "$man/kb.3" "$data" "$cc" "" tree "$root" ||
    no "kb(3)'s example does not build against the package's libkb"

[ $fail -eq 0 ] && echo "the package ${deb##*/} holds kbq, libkb and its files; Depends: $depends"
exit $fail
