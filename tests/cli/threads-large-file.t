# a 1.3 MB file is parsed by several threads: the same records in the same order, the same positions (grep, show) and the same duplicate-id error, whatever KBQ_THREADS says
$ cd $SCRATCH && mkdir kb && awk 'BEGIN { for (i = 0; i < 12000; i++) printf "- id: r%d\n  kind: item\n  name: \"Item %d, a name long enough to fill a line\"\n  tags:\n    - t%d\n    - common\n", i, i, i % 7 }' >kb/items.yaml && wc -c <kb/items.yaml && for t in 1 2 3; do KBQ_THREADS=$t kbq --kb kb find 'tags=t3' -o tsv --fields id,name | cksum; KBQ_THREADS=$t kbq --kb kb stats | cksum; KBQ_THREADS=$t kbq --kb kb grep 'Item 11998,'; KBQ_THREADS=$t kbq --kb kb show r11998 | head -1; done && printf -- '- id: r5\n  kind: item\n' >>kb/items.yaml && for t in 1 2; do KBQ_THREADS=$t kbq --kb kb find -o id | tail -1; done
--- stdout
1321780
2289221836 87676
1159275823 138
kb/items.yaml:71991:9:r11998.name: Item 11998, a name long enough to fill a line
# kb/items.yaml:71989:3
2289221836 87676
1159275823 138
kb/items.yaml:71991:9:r11998.name: Item 11998, a name long enough to fill a line
# kb/items.yaml:71989:3
2289221836 87676
1159275823 138
kb/items.yaml:71991:9:r11998.name: Item 11998, a name long enough to fill a line
# kb/items.yaml:71989:3
r11999
r11999
--- stderr
kbq: kb/items.yaml:72001:7: error: duplicate id 'r5' (first defined at kb/items.yaml:31:7)
kbq: kb/items.yaml:72001:7: error: duplicate id 'r5' (first defined at kb/items.yaml:31:7)
--- status 2
