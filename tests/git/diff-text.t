# kbq diff between two revisions, as text: the changed schema in one line,
# then NEW's records in its file order (added or changed), then the removed
# ones; each field change on a line of its own: a field added (+) or removed
# (-), a value changed (old -> new), a list's elements removed -[...] and
# added +[...], a list reordered (order); a kind that changed is a changed
# field; cn, which moved to a file of its own, and the reformatted records
# are no change
$ cd r && kbq diff c01:kb c13:kb
--- stdout
schema changed (c01:kb/schema.yaml -> c13:kb/schema.yaml)
~ us (actor) c13:kb/actors.yaml:1:3
  + notes: First line.\nSecond line.\n
  - tags: [country, g7]
~ eu (organization) c13:kb/actors.yaml:7:3
  ~ kind: actor -> organization
~ ctl-b (control) c13:kb/controls.yaml:2:3
  ~ items: order [gpu, hbm] -> [hbm, gpu]
~ ctl-a (control) c13:kb/controls.yaml:4:5
  + until: 2025-11-10
  ~ status: announced -> lifted
  ~ items: -[samarium] +[yttrium]
  ~ targets: +[eu]
  ~ name: Rare earth licensing -> Rare earth export licensing
+ ev2 (event) c13:kb/events.yaml:1:3
  + name: London talks
  + date: 2025-06-09
  + actors: [us, cn]
- ev1 (event) c01:kb/events.yaml:1:3
  - name: Geneva talks
  - date: 2025-05-10
  - actors: [us, cn]
--- status 1
