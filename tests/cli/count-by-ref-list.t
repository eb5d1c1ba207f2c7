# --count-by a ref path through a list: potato's two beds are both north and count once; tomato counts under greenhouse and south; basil has no bed
$ kbq --kb garden plants --count-by beds.site -o json
--- stdout
[
{"beds.site":"north","count":2},
{"beds.site":"south","count":2},
{"beds.site":"","count":1},
{"beds.site":"greenhouse","count":1}
]
--- status 0
