# schema KIND: one kind; its plural names it too
$ kbq --kb library schema loans
--- stdout
# library/schema.yaml
loan (kbq loans): A book lent to a reader.
  id        string, required         unique id of the record (built in)
  kind      string, required         the record's kind (built in)
  name      string, required         what the record is called
  aliases   string, list
  notes     text
  tags      string, list
  book      ref to book, required
  borrower  string, required
  since     date, required
  until     date
  status    enum open|returned|lost
  renewals  int
--- status 0
