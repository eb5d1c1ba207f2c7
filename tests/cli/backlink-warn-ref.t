# a ref term after ^F. naming no record warns as any ref term does, quoting the word as written
$ kbq --kb garden gardeners role=head '^crew.lead=inez' -o id
--- stderr
kbq: warning: ^crew.lead=inez: no record has id 'inez' (did you mean 'ines' (Ines)?)
--- status 1
