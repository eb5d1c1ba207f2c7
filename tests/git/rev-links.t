# symbolic links in a revision are followed as on disk: a link to a file
# outside the KB is a file of the KB, a link to a directory is walked,
# a link back to a directory already read is not read twice, names starting
# with a dot are skipped; so the revision reads as its checkout does.  A
# link to nothing under a YAML name is an error, as on disk
$ mkdir "$SCRATCH/l" && cd "$SCRATCH/l" && export GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME=A GIT_AUTHOR_EMAIL=a@example.org GIT_COMMITTER_NAME=A GIT_COMMITTER_EMAIL=a@example.org && git init -q -b main && mkdir -p kb shared more && echo '- {id: a, kind: k}' >kb/a.yaml && echo '- {id: b, kind: k}' >shared/b.yaml && echo '- {id: c, kind: k}' >more/c.yaml && echo '- {id: h, kind: k}' >kb/.h.yaml && ln -s ../shared/b.yaml kb/link.yaml && ln -s ../more kb/dir && ln -s . kb/self && ln -s a.yaml kb/notyaml && git add -A && git commit -q -m links && kbq --kb kb find --fields id,kind -o tsv >disk; echo "disk: $?"; kbq --kb HEAD:kb find --fields id,kind -o tsv | cmp - disk && cat disk; kbq --kb HEAD:kb grep -F c; ln -s nowhere.yaml kb/gone.yaml && git add -A && git commit -q -m gone && kbq --kb HEAD:kb find; echo "status $?"
--- stdout
disk: 0
id	kind
a	k
c	k
b	k
HEAD:kb/dir/c.yaml:1:8:c.id: c
status 2
--- stderr
kbq: HEAD:kb/gone.yaml: error: cannot read: symbolic link to nothing
