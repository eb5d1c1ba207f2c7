# help for a kind's plural needs the KB to know it; it names the KB's kinds
$ kbq --kb library help loans
--- stdout
usage: kbq [--kb PATH] [--schema FILE] loans [OPTIONS] [EXPR...]

List the records of this kind that match EXPR.

options:
      --kb PATH            the knowledge base: a directory, a file, - or REV:PATH (default: $KBQ_KB, else the KB built into kbq)
      --schema FILE        the schema to use instead of the KB's schema.yaml
  -o, --output FORMAT      text, tsv, csv, json, jsonl, yaml or id (default: text)
      --fields LIST        comma-separated field paths to print; a.b follows ref a
      --count-by LIST      count the matches by the values of these paths, most frequent first
      --sort PATH          sort by a field path, by its type (dates as periods)
      --reverse            reverse the order
      --limit N            print at most N results
  -c, --count              print only the number of results
  -q, --quiet              print nothing; the exit status tells
  -i, --ignore-case        case-insensitive = and ~ on text
  -F, --fixed-strings      ~ matches a literal substring, not a regex
  -0, --null               with -o id, end each id with a NUL byte, not a newline
      --as-of DATE         keep only records in force on DATE
      --color[=WHEN]       auto, always or never (auto: on a terminal, unless NO_COLOR)
  -h, --help               show this help

EXPR is one or more terms, each one shell word, joined by 'and' (or
nothing), 'or', 'not' and parentheses: FIELD=VALUE, FIELD!=VALUE,
FIELD~REGEX, FIELD!~REGEX, FIELD<VALUE (<=, >, >=), FIELD?, ~REGEX.
FIELD may follow a ref: REF.FIELD=VALUE.  See kbq-query(7).

kinds of this KB: authors, publishers, books, loans, exhibitions
--- status 0
