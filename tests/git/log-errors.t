# kbq log needs a KB in git (not the built-in one, not standard input); its
# expression is checked before anything is read, and may not follow refs
# (only the files each commit touched are read)
$ cd r && kbq log; echo "status $?"; kbq log --kb - </dev/null; echo "status $?"; kbq log --kb kb nmae=x; echo "status $?"; kbq log --kb kb imposed_by.name=China; echo "status $?"; kbq log --kb kb -o csv; echo "status $?"
--- stdout
status 2
status 2
status 2
status 2
status 2
--- stderr
kbq: error: 'log' reads the history of a KB in git: give --kb PATH (in a git work tree) or REV:PATH
kbq: -: error: 'log' reads the history of a KB in git: give --kb PATH (in a git work tree) or REV:PATH
kbq: error: unknown field 'nmae' (did you mean 'name'?)
  nmae=x
  ^~~~
kbq: error: 'log' reads only the files each commit touched, so an expression cannot follow refs (A.B)
kbq: error: 'log' prints text, json, jsonl or id, not csv
