# REV:PATH: the history up to REV; a KB that is one file: the commits that
# changed records in that file (cn leaving actors.yaml in c03 is then a
# removal); a path in the working tree from another directory
$ cd r && kbq log --kb c05:kb -o id | sed -f ../r.names; kbq log --kb c13:kb/controls.yaml -o id | sed -f ../r.names; kbq log --kb kb/actors.yaml -o id | sed -f ../r.names; cd kb && kbq log --kb . -c && kbq log --kb actors.yaml id=cn | sed -f ../../r.names
--- stdout
c05
c02
c01
c13
c12
c11
c05
c02
c01
c10
c09
c03
c01
9
commit c03
Date:   2025-01-03 12:00:00 +0000
Author: Ann Author <ann@example.org>

    Move cn to a file of its own

- cn (actor) c03^:actors.yaml:5:3
  - name: China
  - tags: [country]

commit c01
Date:   2025-01-01 12:00:00 +0000
Author: Ann Author <ann@example.org>

    Add the KB

+ cn (actor) c01:actors.yaml:5:3
  + name: China
  + tags: [country]
