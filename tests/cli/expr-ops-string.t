# every operator on text: =, != (byte-exact), ~, !~ (PCRE2), <, <=, >, >= (byte-wise)
$ for t in 'name=Out of Africa' 'genre!=novel' 'name~^The ' 'name!~[a-z]' 'name<F' 'name<=Fairy Tales, Told for Children' 'name>Out' 'name>=Out of Africa'; do echo "$t:"; kbq --kb library books "$t" -o id; done
--- stdout
name=Out of Africa:
out-of-africa
genre!=novel:
fairy-tales
out-of-africa
nordic-tales
nordic-tales-2
name~^The :
left-hand
name!~[a-z]:
kokoro
cat
madman
name<F:
name<=Fairy Tales, Told for Children:
fairy-tales
name>Out:
kokoro
cat
madman
out-of-africa
left-hand
name>=Out of Africa:
kokoro
cat
madman
out-of-africa
left-hand
--- status 0
