# the article's name for Hassett's council finds the National Economic Council
$ kbq actors 'aliases=Council of Economic Advisers (NEC)' -o id
--- stdout
nec
--- status 0
