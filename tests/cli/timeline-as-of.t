# timeline --as-of: only the records in force on the date (loans by since/until, exhibitions by date/end); records with none of these fields (books) are not affected
$ kbq --kb library timeline --as-of 2024-06-15 -o tsv
--- stdout
date	kind	id	field	name
1770	publisher	gyldendal	founded	Gyldendal
1805-04-02	author	andersen	born	Hans Christian Andersen
1819	publisher	reitzel	founded	C. A. Reitzel
1835-05-08	book	fairy-tales	published	Fairy Tales, Told for Children
1838	publisher	putnam	founded	G. P. Putnam's Sons
1867-02-09	author	soseki	born	夏目漱石
1875-08-04	author	andersen	died	Hans Christian Andersen
1881-09-25	author	luxun	born	鲁迅
1885-04-17	author	blixen	born	Karen Blixen
1905	book	cat	published	吾輩は猫である
1913-08-05	publisher	iwanami	founded	岩波書店
1914-09	book	kokoro	published	こゝろ
1916-12-09	author	soseki	died	夏目漱石
1918-05	book	madman	published	狂人日记
1929-10-21	author	leguin	born	Ursula K. Le Guin
1936-10-19	author	luxun	died	鲁迅
1937	book	out-of-africa	published	Out of Africa
1950	author	aero	born	Marie Ærø
1952	publisher	ace	founded	Ace Books
1962-09-07	author	blixen	died	Karen Blixen
1969-03	book	left-hand	published	The Left Hand of Darkness
2001-11-30	book	nordic-tales	published	Nordic Tales: "Andersen" & Blixen
2010-02	book	nordic-tales-2	published	Nordic Tales, second edition
2018-01-22	author	leguin	died	Ursula K. Le Guin
2024-03	loan	loan-2	since	Left Hand to Pat
2024-05-01	exhibition	expo-2024	date	Nordic Tales
2024-06-01	loan	loan-5	since	Africa to Ada
2024-06-30	loan	loan-5	until	Africa to Ada
2024-08-31	exhibition	expo-2024	end	Nordic Tales
--- status 0
