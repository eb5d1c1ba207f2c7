# --schema FILE wins over the KB's own schema.yaml: books are "volumes" there, and pages is a string (byte-wise: "9" > "500")
$ kbq --kb library --schema alt-schema.yaml volumes 'pages>500' -o id; echo -; kbq --kb library books 'pages>500' -o id
--- stdout
fairy-tales
madman
nordic-tales-2
-
out-of-africa
nordic-tales-2
--- status 0
