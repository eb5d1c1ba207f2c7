# a version that cannot be read as records is refused, exit 2, the
# diagnostic naming REV:PATH/FILE at its line and column
$ cd r && kbq --kb broken:kb find; echo "status $?"; kbq diff c13:kb broken:kb; echo "status $?"; kbq diff broken:kb/controls.yaml kb -q; echo "status $?"
--- stdout
status 2
status 2
status 2
--- stderr
kbq: broken:kb/controls.yaml:4:1: error: yaml: did not find expected ',' or ']' (while parsing a flow sequence at 3:9)
kbq: broken:kb/controls.yaml:4:1: error: yaml: did not find expected ',' or ']' (while parsing a flow sequence at 3:9)
kbq: broken:kb/controls.yaml:4:1: error: yaml: did not find expected ',' or ']' (while parsing a flow sequence at 3:9)
