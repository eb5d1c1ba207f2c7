# kbq log reads only the files each commit touched, by blob id, through one
# git cat-file --batch: a git on PATH that logs what kbq asks shows 37
# requests over the 13 commits of kb/ (25 blobs, the schema of the 11
# commits that touched records without touching it, the newest schema and
# kb/ itself), never a whole KB per commit; reading a KB from a revision
# takes one cat-file and one ls-tree, not a process per file
$ cd r && real=$(command -v git) && mkdir "$SCRATCH/bin" && printf '#!/bin/sh\necho "$*" >>"%s/argv"\nfor a; do if [ "$a" = cat-file ]; then tee -a "%s/requests" | "%s" "$@"; exit; fi; done\nexec "%s" "$@"\n' "$SCRATCH" "$SCRATCH" "$real" "$real" >"$SCRATCH/bin/git" && chmod +x "$SCRATCH/bin/git" && export PATH="$SCRATCH/bin:$PATH" && kbq log --kb kb -q && sed -E 's/^[0-9a-f]{40}$/OID/; s/^[0-9a-f]{40}:/COMMIT:/' "$SCRATCH/requests" | sort | uniq -c; grep -c cat-file "$SCRATCH/argv"; : >"$SCRATCH/argv"; kbq --kb c13:kb find -c; sed -E 's/ .*//' "$SCRATCH/argv" | sort | uniq -c
--- stdout
      1 COMMIT:kb
     11 COMMIT:kb/schema.yaml
     25 OID
1
6
      1 cat-file
      1 ls-tree
      2 rev-parse
