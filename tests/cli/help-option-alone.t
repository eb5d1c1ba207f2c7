# --help alone: the usage on stdout, exit 0
$ kbq --help | sed -n 1p
--- stdout
usage: kbq [--kb PATH] [--schema FILE] COMMAND [OPTIONS] [ARGS]
--- status 0
