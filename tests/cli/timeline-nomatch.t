# timeline with nothing dated matching: nothing printed, exit 1
$ kbq --kb library timeline id=none
--- stdout
--- status 1
