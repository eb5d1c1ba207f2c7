# every read-only command reads REV:PATH as it reads the same files on disk:
# HEAD is c13 and the working tree is clean, so each command on c13:kb
# prints what it prints on kb, the files named c13:kb/FILE instead of
# kb/FILE (the status of each, then "same")
$ cd r && for c in find 'find -o json' 'find -o yaml' actors 'controls -o tsv --fields id,items' 'show cn' 'show ctl-a' 'grep -i rare' 'grep -F 2025 kind=event' validate 'validate -o json' timeline 'timeline --as-of 2025-06' stats 'schema' 'schema control' 'events -c'; do kbq --kb kb $c >"$SCRATCH/disk" 2>&1; echo "$c: $?"; kbq --kb c13:kb $c 2>&1 | sed 's,c13:kb/,kb/,g' | cmp - "$SCRATCH/disk" && echo same; done
--- stdout
find: 0
same
find -o json: 0
same
find -o yaml: 0
same
actors: 0
same
controls -o tsv --fields id,items: 0
same
show cn: 0
same
show ctl-a: 0
same
grep -i rare: 0
same
grep -F 2025 kind=event: 0
same
validate: 0
same
validate -o json: 0
same
timeline: 0
same
timeline --as-of 2025-06: 0
same
stats: 0
same
schema: 0
same
schema control: 0
same
events -c: 0
same
