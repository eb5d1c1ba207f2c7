# show on a KB with problems: a dangling ref says "(no such record)"
$ kbq --kb problems show bad-refs
--- stdout
# problems/widgets.yaml:31:3
id:             bad-refs
kind:           widget
title:          Refs that go nowhere or to the wrong kind
color:          red
maker:          nobody (no such record)
parts:          good
                acme
--- status 0
