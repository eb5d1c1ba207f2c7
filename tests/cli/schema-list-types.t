# schema --list=types KIND (hidden, for completion): KIND, FIELD, TYPE and
# one enum value or ref target a line, tab-separated; the common fields first
$ kbq --kb library schema --list=types loans
--- stdout
loan	name	string	
loan	aliases	string	
loan	notes	text	
loan	tags	string	
loan	book	ref	book
loan	borrower	string	
loan	since	date	
loan	until	date	
loan	status	enum	open
loan	status	enum	returned
loan	status	enum	lost
loan	renewals	int	
--- status 0
