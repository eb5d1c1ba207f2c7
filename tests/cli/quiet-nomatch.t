# -q with no match: nothing printed, exit 1
$ kbq --kb library loans status=lost renewals? -q
--- stdout
--- status 1
