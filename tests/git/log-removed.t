# a removed record is named at its place in the commit's parent (COMMIT^);
# a moved one (cn, c03) is no change
$ cd r && kbq log --kb kb id=ev1 or id=cn | sed -f ../r.names
--- stdout
commit c06
Date:   2025-01-06 12:00:00 +0000
Author: Ann Author <ann@example.org>

    London talks replace Geneva

- ev1 (event) c06^:kb/events.yaml:1:3
  - name: Geneva talks
  - date: 2025-05-10
  - actors: [us, cn]

commit c01
Date:   2025-01-01 12:00:00 +0000
Author: Ann Author <ann@example.org>

    Add the KB

schema changed (none -> c01:kb/schema.yaml)
+ cn (actor) c01:kb/actors.yaml:5:3
  + name: China
  + tags: [country]
+ ev1 (event) c01:kb/events.yaml:1:3
  + name: Geneva talks
  + date: 2025-05-10
  + actors: [us, cn]
