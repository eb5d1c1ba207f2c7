# ^F with F no ref field that may point to the kind listed: unknown (with a suggestion), not a ref, or a ref to other kinds (the fields that would do listed); a bad path or enum value after it is underlined where written
$ kbq --kb garden gardeners '^mentr'; kbq --kb garden gardeners '^role'; kbq --kb garden beds '^crew'; kbq --kb garden gardeners '^lead.tpye=weeding'; kbq --kb garden find '^'; kbq --kb garden find '^id'; kbq --kb garden gardeners '^lead.type=weding'
--- stderr
kbq: error: unknown ref field 'mentr' (did you mean 'mentor'?)
  ^mentr
   ^~~~~
kbq: error: field 'role' is not a ref: no record points through it (fields that may point to 'gardener': 'mentor', 'keeper', 'crew', 'lead', 'author')
  ^role
   ^~~~
kbq: error: ref field 'crew' never points to 'bed' records (it points to 'gardener') (fields that may point to 'bed': 'beds', 'target')
  ^crew
   ^~~~
kbq: error: unknown field 'tpye' (did you mean 'type'?)
  ^lead.tpye=weeding
        ^~~~
kbq: error: missing field name after '^' (write '^FIELD' or '^FIELD.PATH=VALUE')
  ^
  ^
kbq: error: field 'id' is not a ref: no record points through it
  ^id
   ^~
kbq: error: 'weding' is not a value of 'type' (did you mean 'weeding'?)
  ^lead.type=weding
             ^~~~~~
--- status 2
