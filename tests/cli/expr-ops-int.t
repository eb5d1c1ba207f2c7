# every operator on an int field compares numbers (9 < 61 < 286 < 1200, where text would put "1200" first); ~ still sees the text
$ for t in pages=286 pages!=286 'pages<61' 'pages<=61' 'pages>480' 'pages>=480' 'pages~^1' 'pages!~[0-8]'; do echo "$t:"; kbq --kb library books "$t" -o id; done
--- stdout
pages=286:
left-hand
pages!=286:
fairy-tales
kokoro
cat
madman
out-of-africa
nordic-tales
nordic-tales-2
pages<61:
madman
pages<=61:
fairy-tales
madman
pages>480:
out-of-africa
nordic-tales-2
pages>=480:
out-of-africa
nordic-tales
nordic-tales-2
pages~^1:
out-of-africa
pages!~[0-8]:
cat
madman
--- status 0
