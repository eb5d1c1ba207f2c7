# kbq diff's exit status is diff(1)'s: 0 no differences, 1 differences, 2
# trouble; -q prints nothing
$ cd r && kbq diff -q c01:kb c02:kb; echo $?; kbq diff -q c02:kb c04:kb; echo $?; kbq diff -q c13:kb kb; echo $?; kbq diff -q c01:kb nope:kb; echo $?; kbq diff c01:kb; echo $?
--- stdout
1
0
0
2
2
--- stderr
kbq: nope:kb: error: unknown revision 'nope'
kbq: error: 'diff' needs OLD NEW [EXPR...]
usage: kbq diff [OPTIONS] OLD NEW [EXPR...]
Try 'kbq diff -h' for more information.
