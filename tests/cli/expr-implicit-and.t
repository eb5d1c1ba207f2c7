# words side by side are and-ed (implicit and), as is an explicit "and"
$ kbq --kb library books genre=novel language=ja -o id; echo -; kbq --kb library books genre=novel and language=ja -o id
--- stdout
kokoro
cat
-
kokoro
cat
--- status 0
