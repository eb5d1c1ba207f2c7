# init: a copy of the built-in KB, which reads as the built-in one does; with
# --empty its schema alone; refused into a directory that is not empty
$ cd $SCRATCH && kbq init kb && ls kb && kbq --kb kb validate && test "$(kbq --kb kb find -c)" = "$(kbq find -c)" && kbq init --empty new && ls new && kbq --kb new find -c; kbq init kb; echo "exit $?"
--- stdout
actors.yaml
agreements.yaml
controls.yaml
events.yaml
schema.yaml
sources.yaml
schema.yaml
0
exit 2
--- stderr
kbq: error: kb exists and is not an empty directory
