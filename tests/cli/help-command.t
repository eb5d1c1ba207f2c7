# help COMMAND prints that command's usage and options, and for a command that takes EXPR what an expression is, pointing at kbq-query(7)
$ kbq help grep
--- stdout
usage: kbq [--kb PATH] [--schema FILE] grep [OPTIONS] REGEX [EXPR...]

Print every field value matching REGEX, in the records matching EXPR, as FILE:LINE:COL:ID.FIELD: VALUE.

options:
      --kb PATH            the knowledge base: a directory, a file, - or REV:PATH (default: $KBQ_KB, else the KB built into kbq)
      --schema FILE        the schema to use instead of the KB's schema.yaml
      --limit N            print at most N results
  -c, --count              print only the number of results
  -q, --quiet              print nothing; the exit status tells
  -i, --ignore-case        case-insensitive = and ~ on text
  -F, --fixed-strings      ~ matches a literal substring, not a regex
      --as-of DATE         keep only records in force on DATE
      --color[=WHEN]       auto, always or never (auto: on a terminal, unless NO_COLOR)
  -h, --help               show this help

EXPR is one or more terms, each one shell word, joined by 'and' (or
nothing), 'or', 'not' and parentheses: FIELD=VALUE, FIELD!=VALUE,
FIELD~REGEX, FIELD!~REGEX, FIELD<VALUE (<=, >, >=), FIELD?, ~REGEX.
FIELD may follow a ref: REF.FIELD=VALUE.  See kbq-query(7).
--- status 0
