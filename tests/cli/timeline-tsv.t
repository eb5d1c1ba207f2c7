# timeline -o tsv: a header line, then a row per date value
$ kbq --kb library timeline kind=exhibition or id=kokoro -o tsv
--- stdout
date	kind	id	field	name
1914-09	book	kokoro	published	こゝろ
2024-05-01	exhibition	expo-2024	date	Nordic Tales
2024-08-31	exhibition	expo-2024	end	Nordic Tales
2024-09	exhibition	expo-asia	date	东亚文学 East Asian Letters
--- status 0
