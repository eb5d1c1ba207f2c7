# REV:PATH against the files on disk: what the working tree changed
$ cp -r r "$SCRATCH/r" && cd "$SCRATCH/r" && sed -i 's/^name: "China"$/name: PRC/' kb/cn.yaml && printf -- '- {id: ev3, kind: event, name: "Tokyo: talks", date: 2025-12, actors: ["a, b", " c", ""]}\n' >>kb/events.yaml && kbq diff HEAD:kb kb
--- stdout
~ cn (actor) kb/cn.yaml:2:1
  ~ name: China -> PRC
+ ev3 (event) kb/events.yaml:6:3
  + name: Tokyo: talks
  + date: 2025-12
  + actors: ["a, b", " c", ""]
--- status 1
