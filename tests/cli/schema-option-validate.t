# validate against another schema reports what breaks it (unknown kinds and fields), exit 1
$ kbq --kb library --schema alt-schema.yaml validate 2>&1 | sed -n "1,3p;\$p"; kbq --kb library --schema alt-schema.yaml validate -q; echo "status $?"
--- stdout
kbq: library/authors.yaml:5:3: error: unknown field 'aliases' in kind 'author'
kbq: library/authors.yaml:7:3: error: unknown field 'died' in kind 'author'
kbq: library/authors.yaml:8:3: error: unknown field 'country' in kind 'author'
kbq: 78 problems in 26 of 26 records
status 1
--- status 0
