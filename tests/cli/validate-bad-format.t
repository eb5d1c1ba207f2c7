# validate prints text or json only
$ kbq --kb library validate -o csv
--- stdout
--- stderr
kbq: error: 'validate' prints text or json, not csv
--- status 2
