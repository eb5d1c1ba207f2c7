# --sort on a string is byte-wise: ASCII capitals, then UTF-8 (夏 is E5..., 鲁 is E9...)
$ kbq --kb library authors --sort name -o id
--- stdout
andersen
blixen
aero
leguin
soseki
luxun
--- status 0
