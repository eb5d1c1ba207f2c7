# --list=types escapes the KB's words (SPEC 5), a tab inside one too, so that
# the tabs between them stay the only ones
$ printf 'kinds:\n  "v\\tx":\n    fields:\n      "a\\x1bb": {type: enum, values: ["p\\tq"]}\n' > $SCRATCH/schema.yaml && kbq --kb $SCRATCH schema --list=types
--- stdout
v\tx	a\x1bb	enum	p\tq
--- status 0
