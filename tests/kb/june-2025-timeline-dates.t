# the timeline of June 2025, every date field: the WSJ report is dated
# 8 June, after the call of 5 June and MOFCOM's statement of 7 June
$ kbq timeline date=2025-06 not kind=source -o tsv
--- stdout
date	kind	id	field	name
2025-06	event	experts-on-lutnick	date	Experts read Lutnick's presence as US willingness to discuss export controls
2025-06-05	agreement	trump-xi-call-2025	date	Trump-Xi phone call of 5 June 2025
2025-06-06	event	trump-2025-06-06	date	Trump says the London talks will go very well
2025-06-07	event	mofcom-2025-06-07	date	MOFCOM says it will strengthen approval of rare-earth exports
2025-06-08	event	hassett-cbs-2025-06-08	date	Hassett on CBS on rare-earth exports below the Geneva level
2025-06-08	event	wsj-china-demands	date	WSJ reports China will demand the lifting of US export controls
2025-06-09	agreement	london-talks-2025	date	US-China trade talks in London
2025-06-10	agreement	london-talks-2025	end	US-China trade talks in London
2025-06-10	agreement	london-framework-2025	date	London framework to implement the Geneva consensus
--- status 0
