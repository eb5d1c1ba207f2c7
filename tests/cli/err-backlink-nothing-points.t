# ^F on a kind that no ref field may point to: an error that says so
$ kbq --kb garden reports '^covers'
--- stderr
kbq: error: nothing points to 'report' records: no ref field of the schema may name them
  ^covers
  ^~~~~~~
--- status 2
