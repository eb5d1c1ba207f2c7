# KBQ_THREADS: a count from 1 to 64, anything else is an error (exit 2)
$ for v in x 0 65 -1 ' 2' 2x; do KBQ_THREADS="$v" kbq --kb library books -o id; echo "status $?"; done
--- stderr
kbq: error: KBQ_THREADS: 'x' is not a number of threads from 1 to 64
kbq: error: KBQ_THREADS: '0' is not a number of threads from 1 to 64
kbq: error: KBQ_THREADS: '65' is not a number of threads from 1 to 64
kbq: error: KBQ_THREADS: '-1' is not a number of threads from 1 to 64
kbq: error: KBQ_THREADS: ' 2' is not a number of threads from 1 to 64
kbq: error: KBQ_THREADS: '2x' is not a number of threads from 1 to 64
--- stdout
status 2
status 2
status 2
status 2
status 2
status 2
