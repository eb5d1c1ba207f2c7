# the article's full wording for Hassett's council, "White House Council of
# Economic Advisers (NEC)", finds the National Economic Council
$ kbq actors 'aliases=White House Council of Economic Advisers (NEC)' -o id
--- stdout
nec
--- status 0
