# $KBQ_KB names the KB when --kb is not given; --kb wins over it
$ KBQ_KB=library kbq publishers -c; KBQ_KB=plain kbq --kb library publishers -c; KBQ_KB=library kbq --kb plain find kind=moon -c
--- stdout
5
5
3
--- status 0
