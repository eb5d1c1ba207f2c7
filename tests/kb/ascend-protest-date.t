# China's protest against the Ascend guidance comes after it: MOFCOM first
# reacted at its press conference of 15 May 2025, two days after the guidance
$ kbq timeline id=us-ascend-2025 or id=cn-protest-ascend-2025 -o tsv
--- stdout
date	kind	id	field	name
2025-05-13	control	us-ascend-2025	since	US ban on using Huawei's Ascend AI chips
2025-05-15	event	cn-protest-ascend-2025	date	China protests the US ban on Huawei's AI chips
--- status 0
