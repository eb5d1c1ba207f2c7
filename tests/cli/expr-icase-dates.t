# -i applies to text only, never to dates or ints: with -i a date still compares as a period and an int as a number (061 = 61)
$ kbq --kb library books -i published=1905-06 -o id; kbq --kb library books -i pages=061 -o id; kbq --kb library books -i 'published<1910' 'pages>=61' -o id
--- stdout
cat
fairy-tales
fairy-tales
--- status 0
