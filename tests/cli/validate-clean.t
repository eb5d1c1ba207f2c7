# validate: a clean KB prints nothing and exits 0
$ kbq --kb library validate
--- stdout
--- status 0
