# without --kb and $KBQ_KB (or with it empty), kbq uses the KB built into the binary, from any directory
$ cd $SCRATCH && kbq schema | sed -n 1p && KBQ_KB= kbq schema | sed -n 1p && kbq validate && echo valid
--- stdout
# kb/schema.yaml
# kb/schema.yaml
valid
--- status 0
