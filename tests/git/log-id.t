# kbq log id=X: the history of one record over the dozen commits, newest
# first: each commit that changed it (c04 only reformatted it, c03 and c06
# to c10 left it alone) with its date, author and subject, then its
# changes as kbq diff prints them, files named COMMIT:PATH/FILE (COMMIT^ for
# the version before); an author and subject holding escape sequences are
# shown escaped (commit ids written as their tags by r.names)
$ cd r && kbq log --kb kb id=ctl-a | sed -f ../r.names
--- stdout
commit c13
Date:   2025-01-13 12:00:00 +0000
Author: Eve \x1b]0;owned\x07 Mallory <ann@example.org>

    Lift ctl-a \x1b[31mnow\x1b[m

~ ctl-a (control) c13:kb/controls.yaml:4:5
  ~ status: in-force -> lifted

commit c12
Date:   2025-01-12 12:00:00 +0000
Author: Ann Author <ann@example.org>

    Rename ctl-a; yttrium, not samarium

~ ctl-a (control) c12:kb/controls.yaml:4:5
  ~ items: -[samarium] +[yttrium]
  ~ name: Rare earth licensing -> Rare earth export licensing

commit c11
Date:   2025-01-11 12:00:00 +0000
Author: Ann Author <ann@example.org>

    ctl-a ends in November

~ ctl-a (control) c11:kb/controls.yaml:4:5
  + until: 2025-11-10

commit c05
Date:   2025-01-05 12:00:00 +0000
Author: Ann Author <ann@example.org>

    ctl-a targets eu too; ctl-b items reordered

~ ctl-a (control) c05:kb/controls.yaml:4:5
  ~ targets: +[eu]

commit c02
Date:   2025-01-02 12:00:00 +0000
Author: Ann Author <ann@example.org>

    ctl-a is in force

~ ctl-a (control) c02:kb/controls.yaml:1:3
  ~ status: announced -> in-force

commit c01
Date:   2025-01-01 12:00:00 +0000
Author: Ann Author <ann@example.org>

    Add the KB

schema changed (none -> c01:kb/schema.yaml)
+ ctl-a (control) c01:kb/controls.yaml:1:3
  + name: Rare earth licensing
  + imposed_by: cn
  + targets: [us]
  + items: [dysprosium, terbium, samarium]
  + status: announced
  + since: 2025-04-04
