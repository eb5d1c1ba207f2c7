# validate: every schema problem reported on stderr, one line each in GNU format (a quoted line break shown as \n), in file order (by file, line, column); then a count of the problems and of the records that have them; exit 1, nothing on stdout
$ kbq --kb problems validate
--- stdout
--- stderr
kbq: problems/makers.yaml:5:7: error: bad id 'Bad_Id' (lowercase letters, digits, '.', '_', '-'; starting with a letter or digit)
kbq: problems/widgets.yaml:19:3: error: record 'typo' lacks required field 'title'
kbq: problems/widgets.yaml:21:3: error: unknown field 'tilte' in kind 'widget' (did you mean 'title'?)
kbq: problems/widgets.yaml:25:10: error: bad string 'Two\nlines' in field 'title': a string holds no line break (type text does)
kbq: problems/widgets.yaml:26:10: error: 'purple' is not a valid 'color' (one of: red, green, blue)
kbq: problems/widgets.yaml:27:9: error: bad date '2025-02-30' in field 'made': not a date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)
kbq: problems/widgets.yaml:28:11: error: bad int '12kg' in field 'weight': not an integer
kbq: problems/widgets.yaml:29:13: error: bad url 'not a url' in field 'homepage': not a URL (scheme://...)
kbq: problems/widgets.yaml:30:8: error: 'X-1' in field 'sku' does not match its pattern 'W-[0-9]{4}'
kbq: problems/widgets.yaml:35:10: error: dangling ref 'nobody' in field 'maker'
kbq: problems/widgets.yaml:36:17: error: field 'parts' refers to 'acme' of kind 'maker', not of kind 'widget'
kbq: problems/widgets.yaml:40:3: error: field 'color' takes one value, not a list
kbq: problems/widgets.yaml:45:9: error: bad date 'soon' in field 'made': not a date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)
kbq: problems/widgets.yaml:46:11: error: bad int 'heavy' in field 'weight': not an integer
kbq: problems/widgets.yaml:48:9: error: unknown kind 'gadget' (did you mean 'widget'?)
kbq: 15 problems in 7 of 10 records
--- status 1
