# validate -o json: the problems as one JSON array on stdout (file, line, col, id, severity, message), nothing on stderr, exit 1
$ kbq --kb problems validate -o json
--- stdout
[
  {"file":"problems/makers.yaml","line":5,"col":7,"id":"Bad_Id","severity":"error","message":"bad id 'Bad_Id' (lowercase letters, digits, '.', '_', '-'; starting with a letter or digit)"},
  {"file":"problems/widgets.yaml","line":19,"col":3,"id":"typo","severity":"error","message":"record 'typo' lacks required field 'title'"},
  {"file":"problems/widgets.yaml","line":21,"col":3,"id":"typo","severity":"error","message":"unknown field 'tilte' in kind 'widget' (did you mean 'title'?)"},
  {"file":"problems/widgets.yaml","line":25,"col":10,"id":"wrong-values","severity":"error","message":"bad string 'Two\nlines' in field 'title': a string holds no line break (type text does)"},
  {"file":"problems/widgets.yaml","line":26,"col":10,"id":"wrong-values","severity":"error","message":"'purple' is not a valid 'color' (one of: red, green, blue)"},
  {"file":"problems/widgets.yaml","line":27,"col":9,"id":"wrong-values","severity":"error","message":"bad date '2025-02-30' in field 'made': not a date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)"},
  {"file":"problems/widgets.yaml","line":28,"col":11,"id":"wrong-values","severity":"error","message":"bad int '12kg' in field 'weight': not an integer"},
  {"file":"problems/widgets.yaml","line":29,"col":13,"id":"wrong-values","severity":"error","message":"bad url 'not a url' in field 'homepage': not a URL (scheme://...)"},
  {"file":"problems/widgets.yaml","line":30,"col":8,"id":"wrong-values","severity":"error","message":"'X-1' in field 'sku' does not match its pattern 'W-[0-9]{4}'"},
  {"file":"problems/widgets.yaml","line":35,"col":10,"id":"bad-refs","severity":"error","message":"dangling ref 'nobody' in field 'maker'"},
  {"file":"problems/widgets.yaml","line":36,"col":17,"id":"bad-refs","severity":"error","message":"field 'parts' refers to 'acme' of kind 'maker', not of kind 'widget'"},
  {"file":"problems/widgets.yaml","line":40,"col":3,"id":"list-for-scalar","severity":"error","message":"field 'color' takes one value, not a list"},
  {"file":"problems/widgets.yaml","line":45,"col":9,"id":"soon","severity":"error","message":"bad date 'soon' in field 'made': not a date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)"},
  {"file":"problems/widgets.yaml","line":46,"col":11,"id":"soon","severity":"error","message":"bad int 'heavy' in field 'weight': not an integer"},
  {"file":"problems/widgets.yaml","line":48,"col":9,"id":"ghost","severity":"error","message":"unknown kind 'gadget' (did you mean 'widget'?)"}
]
--- status 1
