# --as-of with a bad date is an error, exit 2
$ kbq --kb library loans --as-of 2024-13
--- stdout
--- stderr
kbq: error: bad date '2024-13' for --as-of (YYYY, YYYY-MM or YYYY-MM-DD)
--- status 2
