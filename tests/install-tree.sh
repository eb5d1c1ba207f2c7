# install-tree.sh - sourced (sh or bash) by the tests that need kbq as a
# user installs it.
#   kbq_scratch                       a scratch directory $tmp, removed on exit
#   kbq_install_tree CMAKE BUILD_DIR  and `cmake --install BUILD_DIR --prefix
#                                     $tmp/prefix` ($prefix); the test fails
#                                     when that fails
kbq_scratch()
{
    tmp=$(mktemp -d) || exit 2
    trap 'rm -rf "$tmp"' EXIT
}

kbq_install_tree()
{
    kbq_scratch
    prefix=$tmp/prefix
    if ! "$1" --install "$2" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
        cat "$tmp/install.log"
        echo "FAIL: cmake --install failed"
        exit 1
    fi
}
