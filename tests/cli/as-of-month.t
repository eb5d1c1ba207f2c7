# --as-of DATE keeps the records in force on DATE (start, since else date, on or before it; end, until else end, on or after it); a month as DATE is a period: loans overlapping March 2024
$ kbq --kb library loans --as-of 2024-03 -o id; echo -; kbq --kb library exhibitions --as-of 2024-09-15 -o id; echo -; kbq --kb library exhibitions --as-of 2024-08-31 -o id
--- stdout
loan-2
loan-3
-
expo-asia
-
expo-2024
--- status 0
