# --as-of filters the tasks listed, never the reports reached through ^covers (r1 is dated 2025-05-02, after April)
$ kbq --kb garden tasks --as-of 2025-04 '^covers' -o id; echo -; kbq --kb garden tasks '^covers' -o id
--- stdout
t1
-
t1
t3
t4
--- status 0
