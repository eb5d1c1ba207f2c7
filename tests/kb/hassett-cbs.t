# what Kevin Hassett said on CBS on 8 June 2025
$ kbq events actors=hassett outlet=cbs --fields date,quotes -o tsv
--- stdout
date	quotes
2025-06-08	China's exports of critical minerals are below the level agreed in Geneva.;I want the rare earth elements needed for cell phones, etc., to be supplied like before April.;I hope that technical details do not delay the supply.
--- status 0
