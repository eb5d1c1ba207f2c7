# what Kevin Hassett said on CBS on 8 June 2025: the seed article's three
# renderings, then his own words in the interview, in the same order
$ kbq events actors=hassett outlet=cbs --fields date,quotes -o tsv
--- stdout
date	quotes
2025-06-08	China's exports of critical minerals are below the level agreed in Geneva.;I want the rare earth elements needed for cell phones, etc., to be supplied like before April.;I hope that technical details do not delay the supply.;Those exports of critical minerals have been getting released at a rate that is, you know, higher than it was but not as high as we believe we agreed to in Geneva.;We want the rare earths, the magnets that are crucial for cellphones and everything else, to flow just as they did before the beginning of April.;We don't want any technical details slowing that down.
--- status 0
