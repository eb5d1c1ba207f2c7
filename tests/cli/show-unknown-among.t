# show checks every id before printing: one unknown id among known ones prints no record
$ kbq --kb library show kokoro nosuch cat; echo "status $?"
--- stdout
status 2
--- stderr
kbq: error: unknown id or name 'nosuch'
--- status 0
