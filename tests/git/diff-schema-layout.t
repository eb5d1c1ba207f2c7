# the schemas are compared as kbq reads them: a comment, other quoting or
# flow style in schema.yaml is no change; a schema that appears (a KB that
# is one file has none) is one
$ cp -r r "$SCRATCH/r" && cd "$SCRATCH/r" && printf '# the kinds\n' >>kb/schema.yaml && sed -i 's/^      name: {type: string, required: true}$/      name: {required: true, type: "string"}/' kb/schema.yaml && kbq diff HEAD:kb kb; echo "status $?"; git diff --stat | cat; kbq diff HEAD:kb/controls.yaml HEAD:kb id=ctl-a; echo "status $?"
--- stdout
status 0
 kb/schema.yaml | 9 +++++----
 1 file changed, 5 insertions(+), 4 deletions(-)
schema changed (none -> HEAD:kb/schema.yaml)
status 0
