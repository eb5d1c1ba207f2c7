# dates are periods: X = L when they overlap, X < L when X starts before L starts, X <= L when X starts on or before L ends, X > L when X ends after L ends, X >= L when X ends on or after L starts; a year (cat: 1905) is both < and > a month inside it
$ for t in published=1905-06 published!=1905-06 'published<1905-06' 'published<=1905-06' 'published>1905-06' 'published>=1905-06' published=1914-09-15 'published<1937' 'published<=1937' 'published>1937' 'published>=1937'; do echo "$t:" $(kbq --kb library books "$t" -o id); done
--- stdout
published=1905-06: cat
published!=1905-06: fairy-tales kokoro madman out-of-africa left-hand nordic-tales nordic-tales-2
published<1905-06: fairy-tales cat
published<=1905-06: fairy-tales cat
published>1905-06: kokoro cat madman out-of-africa left-hand nordic-tales nordic-tales-2
published>=1905-06: kokoro cat madman out-of-africa left-hand nordic-tales nordic-tales-2
published=1914-09-15: kokoro
published<1937: fairy-tales kokoro cat madman
published<=1937: fairy-tales kokoro cat madman out-of-africa
published>1937: left-hand nordic-tales nordic-tales-2
published>=1937: out-of-africa left-hand nordic-tales nordic-tales-2
--- status 0
