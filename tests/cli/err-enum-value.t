# a value compared with = or != on an enum field must be one of its values (SPEC 2): an error with the token underlined and a suggestion (another case, a close spelling, a shared start), exit 2; ~ and ordering are not checked
$ kbq --kb library books genre=NOVEL; kbq --kb library books 'genre!=novell'; kbq --kb library books language=english; kbq --kb library books language=xx; kbq --kb library books 'genre~NOV' -o id; echo "status $?"
--- stdout
status 1
--- stderr
kbq: error: 'NOVEL' is not a value of 'genre' (did you mean 'novel'?)
  genre=NOVEL
        ^~~~~
kbq: error: 'novell' is not a value of 'genre' (did you mean 'novel'?)
  genre!=novell
         ^~~~~~
kbq: error: 'english' is not a value of 'language'
  language=english
           ^~~~~~~
kbq: error: 'xx' is not a value of 'language'
  language=xx
           ^~
--- status 0
