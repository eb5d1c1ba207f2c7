# find without an expression lists every record in file order (byte-wise path order: books-old.yaml < books.yaml < books/anthology.yaml; .drafts.yaml and README.txt skipped); mixed kinds show id, kind, name
$ kbq --kb library find
--- stdout
id              kind        name
andersen        author      Hans Christian Andersen
blixen          author      Karen Blixen
soseki          author      夏目漱石
luxun           author      鲁迅
leguin          author      Ursula K. Le Guin
aero            author      Marie Ærø
fairy-tales     book        Fairy Tales, Told for Children
kokoro          book        こゝろ
cat             book        吾輩は猫である
madman          book        狂人日记
out-of-africa   book        Out of Africa
left-hand       book        The Left Hand of Darkness
nordic-tales    book        Nordic Tales: "Andersen" & Blixen
nordic-tales-2  book        Nordic Tales, second edition
expo-2024       exhibition  Nordic Tales
expo-asia       exhibition  东亚文学 East Asian Letters
loan-1          loan        Kokoro to Åse
loan-2          loan        Left Hand to Pat
loan-3          loan        Madman to Li
loan-4          loan        Fairy Tales to Kim
loan-5          loan        Africa to Ada
gyldendal       publisher   Gyldendal
reitzel         publisher   C. A. Reitzel
putnam          publisher   G. P. Putnam's Sons
ace             publisher   Ace Books
iwanami         publisher   岩波書店
--- status 0
