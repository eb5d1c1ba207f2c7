# a 1.3 MB file is parsed by several threads: with 1, 2 and 3 threads the same records in the same order (compared with each other), the same positions (grep, show) and the same duplicate-id error; the counts are the generator's (1714 of i < 12000 have i % 7 == 3)
$ cd $SCRATCH && mkdir kb && awk 'BEGIN { for (i = 0; i < 12000; i++) printf "- id: r%d\n  kind: item\n  name: \"Item %d, a name long enough to fill a line\"\n  tags:\n    - t%d\n    - common\n", i, i, i % 7 }' >kb/items.yaml && wc -c <kb/items.yaml && for t in 1 2 3; do KBQ_THREADS=$t kbq --kb kb find 'tags=t3' -o tsv --fields id,name >find$t; KBQ_THREADS=$t kbq --kb kb stats >stats$t; KBQ_THREADS=$t kbq --kb kb grep 'Item 11998,'; KBQ_THREADS=$t kbq --kb kb show r11998 | head -1; done && cmp find1 find2 && cmp find1 find3 && cmp stats1 stats2 && cmp stats1 stats3 && echo "find and stats: the same with 1, 2 and 3 threads" && tail -n +2 find1 | wc -l && sed -n '2p;$p' find1 && head -1 stats1 && printf -- '- id: r5\n  kind: item\n' >>kb/items.yaml && for t in 1 2; do KBQ_THREADS=$t kbq --kb kb find -o id >ids$t; echo "status $?"; tail -1 ids$t; done
--- stdout
1321780
kb/items.yaml:71991:9:r11998.name: Item 11998, a name long enough to fill a line
# kb/items.yaml:71989:3
kb/items.yaml:71991:9:r11998.name: Item 11998, a name long enough to fill a line
# kb/items.yaml:71989:3
kb/items.yaml:71991:9:r11998.name: Item 11998, a name long enough to fill a line
# kb/items.yaml:71989:3
find and stats: the same with 1, 2 and 3 threads
1714
r3	Item 3, a name long enough to fill a line
r11994	Item 11994, a name long enough to fill a line
12000 records
status 2
r11999
status 2
r11999
--- stderr
kbq: kb/items.yaml:72001:7: error: duplicate id 'r5' (first defined at kb/items.yaml:31:7)
kbq: kb/items.yaml:72001:7: error: duplicate id 'r5' (first defined at kb/items.yaml:31:7)
