# kbq log reads the commits, not the working tree: a change not committed
# is not listed (kbq diff HEAD:kb kb shows it), and a directory no commit
# holds yet is an error
$ cp -r r r.names "$SCRATCH/" && cd "$SCRATCH/r" && sed -i 's/^name: "China"$/name: PRC/' kb/cn.yaml && kbq log --kb kb -o id id=cn | sed -f ../r.names; kbq diff HEAD:kb kb -o id; mkdir new && cp kb/cn.yaml new/ && kbq log --kb new; echo "status $?"
--- stdout
c01
cn
status 2
--- stderr
kbq: new: error: no commit holds it yet (log reads the commits, not the working tree)
