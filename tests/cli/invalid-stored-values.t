# a stored value that is not valid for its type (made: soon, made: 2025-02-30, weight: heavy) satisfies only !=, !~ and PATH?
$ kbq --kb problems widgets 'made>1900' -o id; echo -; kbq --kb problems widgets 'made!=2024' -o id; echo -; kbq --kb problems widgets made~o -o id; echo -; kbq --kb problems widgets 'made!~4' -o id; echo -; kbq --kb problems widgets made? -o id; echo -; kbq --kb problems widgets 'weight<100' -o id; echo -; kbq --kb problems widgets 'weight!=12' -o id
--- stdout
good
-
spare
typo
wrong-values
bad-refs
list-for-scalar
soon
-
-
spare
typo
wrong-values
bad-refs
list-for-scalar
soon
-
good
wrong-values
soon
-
good
-
spare
typo
wrong-values
bad-refs
list-for-scalar
soon
--- status 0
