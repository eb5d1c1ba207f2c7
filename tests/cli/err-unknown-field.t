# an unknown field is an error with a suggestion and the token underlined (^~~~), exit 2, nothing on stdout
$ kbq --kb library books genre=novel 'pubished<1900'
--- stdout
--- stderr
kbq: error: unknown field 'pubished' (did you mean 'published'?)
  genre=novel pubished<1900
              ^~~~~~~~
--- status 2
