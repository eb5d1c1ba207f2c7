# which seven rare earths China's licensing covers
$ kbq controls id=cn-rare-earths-2025 --fields items -o tsv
--- stdout
items
samarium;gadolinium;terbium;dysprosium;lutetium;scandium;yttrium
--- status 0
