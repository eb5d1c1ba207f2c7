# help: the usage on stdout, exit 0; no KB is needed (none is given, and $KBQ_KB is unset: the built-in one is not even opened)
$ kbq help
--- stdout
usage: kbq [--kb PATH] [--schema FILE] COMMAND [OPTIONS] [ARGS]

Query a knowledge base of YAML records.

commands:
  find       List the records of any kind that match EXPR.
  show       Show whole records: each ref with the name it points to, then the records that refer to it.
  grep       Print every field value matching REGEX, in the records matching EXPR, as FILE:LINE:COL:ID.FIELD: VALUE.
  validate   Check every record of the KB against its schema and report every problem.
  timeline   List every date of the records matching EXPR in date order: date, kind, id, field, name.
  stats      Count the records per kind and per value of each enum field, and how often each field is filled.
  schema     Describe the kinds and their fields with their types, as the schema says.
  help       Show kbq's usage, or a command's.
  diff       Show the records added, removed and changed between two versions of a KB.
  log        List the commits that changed records matching EXPR, newest first.
  init       Start a KB in DIR: a copy of the KB built into kbq, or its schema alone.
  add        Add a record (id=ID among the assignments) in the style of the records around it.
  set        Change fields of records in place (FIELD=VALUE, FIELD+=VALUE, FIELD-=VALUE, FIELD= to remove).
  rm         Remove records, with the comments directly above them.
  mv         Rename a record and rewrite every ref to it.
  KINDS      each kind's plural from the schema (actors, controls, ...): find restricted to that kind

options:
      --kb PATH            the knowledge base: a directory, a file, - or REV:PATH (default: $KBQ_KB, else the KB built into kbq)
      --schema FILE        the schema to use instead of the KB's schema.yaml
      --color[=WHEN]       auto, always or never (auto: on a terminal, unless NO_COLOR)
  -h, --help               show this help
      --version            print kbq's version

'kbq help COMMAND' or 'kbq COMMAND -h' shows a command's options; man kbq for more.
--- status 0
