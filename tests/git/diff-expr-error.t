# an expression that neither version's schema takes is an error, with the
# token underlined; nothing else is printed
$ cd r && kbq diff c01:kb c13:kb 'nmae=x'
--- stderr
kbq: error: unknown field 'nmae' (did you mean 'name'?)
  nmae=x
  ^~~~
--- status 2
