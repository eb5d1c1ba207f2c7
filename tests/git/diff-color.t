# --color=always: headers bold, added green, removed red (an added or
# removed record's header too), the position dim, a changed value's old
# side red and new side green (escapes shown by cat -v)
$ cd r && kbq diff c05:kb c06:kb --color=always | cat -v; kbq diff c08:kb c09:kb --color=always | cat -v
--- stdout
^[[1m^[[32m+ ev2 (event)^[[m ^[[2mc06:kb/events.yaml:1:3^[[m
^[[32m  + name: London talks^[[m
^[[32m  + date: 2025-06-09^[[m
^[[32m  + actors: [us, cn]^[[m
^[[1m^[[31m- ev1 (event)^[[m ^[[2mc05:kb/events.yaml:1:3^[[m
^[[31m  - name: Geneva talks^[[m
^[[31m  - date: 2025-05-10^[[m
^[[31m  - actors: [us, cn]^[[m
^[[1m~ eu (organization)^[[m ^[[2mc09:kb/actors.yaml:5:3^[[m
  ~ kind: ^[[31mactor^[[m -> ^[[32morganization^[[m
--- status 1
