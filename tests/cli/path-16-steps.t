# a ref path of 16 steps is accepted (publisher.parent...): no limit below 16
$ kbq --kb library books publisher.parent.parent.parent.parent.parent.parent.parent.parent.parent.parent.parent.parent.parent.parent.name=x; echo "status $?"
--- stdout
status 1
--- status 0
