# --limit N: the first N commits found; --since DATE: commits made on or
# after the first day of DATE (00:00 local time; TZ set here)
$ cd r && export TZ=UTC && kbq log --kb kb -o id --limit 3 | sed -f ../r.names; kbq log --kb kb -o id --since 2025-01-10 | sed -f ../r.names; kbq log --kb kb -o id --since 2025-01-10 --limit 1 id=ctl-a | sed -f ../r.names; kbq log --kb kb --limit 0; echo "status $?"; kbq log --kb kb --since 2025-02; echo "status $?"; kbq log --kb kb --since 2025-13; echo "status $?"
--- stdout
c13
c12
c11
c13
c12
c11
c10
c13
status 1
status 1
status 2
--- stderr
kbq: error: --since wants a date (YYYY, YYYY-MM or YYYY-MM-DD), not '2025-13'
