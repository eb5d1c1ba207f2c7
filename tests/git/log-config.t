# the user's git configuration does not change what kbq log reads: not
# log.showRoot=false (the first commit adds records), diff.relative (paths
# from the top), log.follow (a one-file KB is its path's history, not its
# renames'), diff.renames, log.showSignature
$ cp -r r r.names "$SCRATCH/" && cd "$SCRATCH/r" && git config log.showRoot false && git config diff.relative true && git config log.follow true && git config diff.renames copies && git config log.showSignature true && cd kb && kbq log --kb . -c && kbq log --kb actors.yaml -c && kbq log --kb . -o id --limit 1 id=us | sed -f ../../r.names; kbq log --kb . -o jsonl id=us | jq -r '.changes[0].file' | cut -c13-
--- stdout
9
4
c10
:./actors.yaml
:./actors.yaml
