#!/bin/sh
# kbq as a later version might be: one more command, `frob ID... ASSIGN...`,
# with options of its own (--file FILE, -n).  The completion tests link it
# as NEXT/kbq beside their PREFIX (the installed kbq is ../prefix/bin/kbq)
# and type it, to see that a new command needs no change to them.
kbq=${0%/*}/../prefix/bin/kbq
frob=false help=false last=
for a in "$@"; do
    case $a in
        frob) frob=true ;;
        -h | --help) help=true ;;
    esac
    last=$a
done
if $frob && $help; then
    cat <<'EOF2'
usage: kbq [--kb PATH] [--schema FILE] frob [OPTIONS] ID... ASSIGN...

Change fields of the records named.

options:
      --kb PATH            the knowledge base, a directory or a file
      --schema FILE        the schema to use instead of the KB's schema.yaml
      --file FILE          the file to write
  -n, --dry-run            print the change, write nothing
  -h, --help               show this help
EOF2
    exit 0
fi
case $last in
    help | --help | -h)
        # kbq's usage lists it among the commands (a command's has none)
        "$kbq" "$@" | awk '{ print }
            /^commands:/ { print "  frob       Change fields of the records named." }'
        exit
        ;;
esac
exec "$kbq" "$@"
