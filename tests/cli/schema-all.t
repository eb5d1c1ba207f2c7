# schema: the kinds and their fields with their types, as the fixture schema says (ref targets, enum values, list, required, pattern)
$ kbq --kb library schema
--- stdout
# library/schema.yaml
author (kbq authors): A person who wrote books.
  id       string, required          unique id of the record (built in)
  kind     string, required          the record's kind (built in)
  name     string, required          what the record is called
  aliases  string, list
  notes    text
  tags     string, list
  born     date, required
  died     date
  country  string, pattern [A-Z]{2}  ISO 3166 code
  website  url

publisher (kbq publishers): A publishing house.
  id       string, required  unique id of the record (built in)
  kind     string, required  the record's kind (built in)
  name     string, required  what the record is called
  aliases  string, list
  notes    text
  tags     string, list
  city     string, required
  founded  date
  parent   ref to publisher

book (kbq books): A book, in its first edition.
  id         string, required                                unique id of the record (built in)
  kind       string, required                                the record's kind (built in)
  name       string, required                                what the record is called
  aliases    string, list
  notes      text
  tags       string, list
  authors    ref to author, list, required
  genre      enum novel|tales|essay|poetry|memoir, required
  published  date
  publisher  ref to publisher
  pages      int
  isbn       string, pattern 97[89][0-9]{10}
  language   enum da|en|ja|zh
  about      ref to author|book, list                        what the book is about
  related    ref, list
  summary    text

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

exhibition (kbq exhibitions): A showing of books.
  id       string, required   unique id of the record (built in)
  kind     string, required   the record's kind (built in)
  name     string, required   what the record is called
  aliases  string, list
  notes    text
  tags     string, list
  date     date, required
  end      date
  venue    string
  shows    ref to book, list
--- status 0
