# a bad date (a day that does not exist) is an error, underlined
$ kbq --kb library loans 'since>=2024-02-30'
--- stdout
--- stderr
kbq: error: bad date '2024-02-30' (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)
  since>=2024-02-30
         ^~~~~~~~~~
--- status 2
