# a kind's plural takes -h too
$ kbq --kb library books -h | sed -n 1,3p
--- stdout
usage: kbq [--kb PATH] [--schema FILE] books [OPTIONS] [EXPR...]

List the records of this kind that match EXPR.
--- status 0
