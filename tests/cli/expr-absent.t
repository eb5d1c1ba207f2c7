# an absent field satisfies only !=, !~ and not: isbn is set on one book only
$ for t in isbn=x 'isbn!=x' 'isbn~.' 'isbn!~.' 'isbn<9' 'isbn>0'; do echo "$t:" $(kbq --kb library books "$t" -o id); done; echo 'not isbn?:' $(kbq --kb library books not isbn? -o id)
--- stdout
isbn=x:
isbn!=x: fairy-tales kokoro cat madman out-of-africa left-hand nordic-tales nordic-tales-2
isbn~.: left-hand
isbn!~.: fairy-tales kokoro cat madman out-of-africa nordic-tales nordic-tales-2
isbn<9:
isbn>0: left-hand
not isbn?: fairy-tales kokoro cat madman out-of-africa nordic-tales nordic-tales-2
--- status 0
