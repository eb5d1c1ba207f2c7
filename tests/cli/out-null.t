# -0: each id followed by a NUL (a terminator, as find -print0), shown here as |
$ kbq --kb library books genre=novel -0 | tr '\0' '|'
--- stdout (no newline at end)
kokoro|cat|madman|left-hand|
--- status 0
