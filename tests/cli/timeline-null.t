# timeline -0: each row's id followed by a NUL
$ kbq --kb library timeline kind=exhibition -0 | tr '\0' '|'
--- stdout (no newline at end)
expo-2024|expo-2024|expo-asia|
--- status 0
