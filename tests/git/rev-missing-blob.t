# a blob the repository lacks (a damaged repository) is an error naming the
# file, exit 2, whether the KB is read whole (validate) or streamed (find),
# and whether the blob is a record file or the schema; an older version
# whose files are all there still reads
$ cp -r r "$SCRATCH/r" && cd "$SCRATCH/r" && o=$(git rev-parse c13:kb/events.yaml) && rm -f ".git/objects/${o:0:2}/${o:2}" && kbq --kb c13:kb validate; echo "status $?"; kbq --kb c13:kb find -c; echo "status $?"; kbq --kb c05:kb find -c; o=$(git rev-parse c13:kb/schema.yaml) && rm -f ".git/objects/${o:0:2}/${o:2}" && kbq --kb c13:kb schema; echo "status $?"
--- stdout
status 2
status 2
6
status 2
--- stderr
kbq: c13:kb/events.yaml: error: cannot read: git answers 'missing'
kbq: c13:kb/events.yaml: error: cannot read: git answers 'missing'
kbq: c13:kb/schema.yaml: error: cannot read: git answers 'missing'
