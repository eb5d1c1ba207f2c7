# kbq COMMAND -h prints the same as kbq help COMMAND for every command, on stdout, exit 0, no KB needed
$ for c in find show grep validate timeline stats schema help; do diff <(kbq $c -h) <(kbq help $c) >/dev/null && kbq $c --help | sed -n 1p; done
--- stdout
usage: kbq [--kb PATH] [--schema FILE] find [OPTIONS] [EXPR...]
usage: kbq [--kb PATH] [--schema FILE] show [OPTIONS] ID...
usage: kbq [--kb PATH] [--schema FILE] grep [OPTIONS] REGEX [EXPR...]
usage: kbq [--kb PATH] [--schema FILE] validate [OPTIONS]
usage: kbq [--kb PATH] [--schema FILE] timeline [OPTIONS] [EXPR...]
usage: kbq [--kb PATH] [--schema FILE] stats [OPTIONS]
usage: kbq [--kb PATH] [--schema FILE] schema [OPTIONS] [KIND]
usage: kbq [--kb PATH] [--schema FILE] help [OPTIONS] [COMMAND]
--- status 0
