# options may stand before or after the command and between expression words: all four give the same output
$ kbq --kb library -o tsv books genre=novel --fields id,pages language=ja >$SCRATCH/a; kbq books --kb library genre=novel language=ja -o tsv --fields id,pages >$SCRATCH/b; kbq --fields=id,pages -otsv --kb=library books genre=novel language=ja >$SCRATCH/c; kbq books genre=novel --output tsv language=ja --kb library --fields id,pages >$SCRATCH/d; cmp $SCRATCH/a $SCRATCH/b && cmp $SCRATCH/a $SCRATCH/c && cmp $SCRATCH/a $SCRATCH/d && cat $SCRATCH/a
--- stdout
id	pages
kokoro	325
cat	
--- status 0
