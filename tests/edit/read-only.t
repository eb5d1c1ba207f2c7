# the built-in KB, a KB from standard input and one from a git revision cannot
# be changed: refused with a hint
$ cat styles/sources.yaml | kbq --kb - set src-a name=x; kbq set us name=x; kbq --kb HEAD:kb rm us; echo "exit $?"
--- stdout
exit 2
--- stderr
kbq: error: a KB read from standard input cannot be changed; start a KB of your own with 'kbq init DIR' and name it with --kb DIR or $KBQ_KB
kbq: error: the KB built into kbq cannot be changed; start a KB of your own with 'kbq init DIR' and name it with --kb DIR or $KBQ_KB
kbq: error: a KB from a git revision cannot be changed; start a KB of your own with 'kbq init DIR' and name it with --kb DIR or $KBQ_KB
