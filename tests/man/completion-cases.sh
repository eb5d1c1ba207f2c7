# The cases of the zsh and fish completion tests, sourced by
# completion-zsh.zsh and completion-fish.sh (so written for zsh and bash
# alike).  Each is a command line as typed before TAB and the words it
# must offer, whole, as the line would then hold them ("measure=ban"); a
# directory's trailing slash is cut.  The harness defines
#   has LINE WORD...     LINE offers each WORD (and maybe others)
#   lacks LINE WORD...   LINE offers none of them
#   exactly LINE WORDS   LINE offers exactly WORDS, one a line
#   no MESSAGE           a failure
# and sets kbq (the installed kbq), shelf and loose (tests/data/lib/shelf
# and loose), next (a kbq with one command more, kbq-next.sh) and runs them
# in a directory holding notes.yaml, other.txt and sub/.

list() { "$kbq" "$@" 2>/dev/null; }

# commands, with each kind's plural, never KINDS; after help too
cmdnames=$(list help | awk '/^commands:/ { c = 1; next } c && !NF { exit }
    c && $1 != "KINDS" { print $1 }')
[ -n "$cmdnames" ] || no "kbq help lists no commands"
exactly "kbq " "$cmdnames
$(list schema --list=plurals)"
has "kbq con" controls
exactly "kbq help gr" "$(printf '%s\n' "$cmdnames" | grep '^gr')"

# options: a command's own, the global ones before a command, none after --
exactly "kbq controls --as" --as-of
has "kbq -" --kb --schema --color --help --version
lacks "kbq -" --as-of --fields
has "kbq controls -" --fields --sort --count --null --kb -o -c
lacks "kbq show -" --fields --as-of
exactly "kbq controls -- --a" ""
# --color takes its value after = only: the next word is the command
exactly "kbq --color con" controls

# option values: the formats --help names (also for an option before the
# command), --color's after =, files
formats=$(list find -h | sed -n 's/.*--output FORMAT *//p' |
    sed 's/ (default.*//' | tr -s ', ' '\n\n' | grep -vx or)
[ "$(printf '%s\n' "$formats" | grep -c .)" -ge 2 ] ||
    no "cannot read the formats from 'kbq find -h'"
exactly "kbq -o " "$formats"
exactly "kbq controls -o js" "json
jsonl"
exactly "kbq controls -co js" "json
jsonl"
exactly "kbq controls --output=js" "--output=json
--output=jsonl"
exactly "kbq --color=" "--color=auto
--color=always
--color=never"
has "kbq --kb " notes.yaml sub other.txt
has "kbq --schema " notes.yaml sub
lacks "kbq --schema " other.txt
exactly "kbq controls --limit " ""

# field names: all kinds', or the listing command's kind's; paths
exactly "kbq find --fields " "$(list schema --list=fields)"
exactly "kbq controls --fields " "$(list schema --list=fields controls)"
has "kbq controls --fields id,na" id,name
has "kbq controls --count-by measure,imp" measure,imposed_by
has "kbq controls --count-by imposed_by.na" imposed_by.name
has "kbq controls --fields=id,na" --fields=id,name
has "kbq find --sort da" date
has "kbq controls imp" imposed_by
lacks "kbq controls imp" importance
has "kbq controls " not and or imposed_by
has "kbq agreements participants.co" participants.country
exactly "kbq controls imposed_by." "$(list schema --list=fields actor |
    sed 's/^/imposed_by./')"
exactly "kbq controls --fields id,imposed_by." "$(list schema --list=fields actor |
    sed 's/^/id,imposed_by./')"
has "kbq controls imposed_by.country.na" imposed_by.country.name
exactly "kbq controls sources.publisher." ""
exactly "kbq controls measure." ""

# values after = and !=: an enum's, a ref's ids, the kinds
exactly "kbq controls measure=" "$(list schema --list=values=measure control |
    sed 's/^/measure=/')"
has "kbq controls measure!=li" measure!=licensing
exactly "kbq controls imposed_by=" "$(list schema --list=ids actor |
    sed 's/^/imposed_by=/')"
exactly "kbq controls imposed_by.country=" "$(list schema --list=ids actor |
    sed 's/^/imposed_by.country=/')"
has "kbq agreements participants.type=co" participants.type=country
exactly "kbq grep x kind=" "$(list schema --list=kinds | sed 's/^/kind=/')"
# the first argument of grep is its regex: nothing offered there
exactly "kbq grep " ""

# arguments: ids after show, kinds and plurals after schema, nothing more
exactly "kbq show lon" "$(list schema --list=ids | grep '^lon')"
has "kbq schema " control controls
exactly "kbq schema control " ""
exactly "kbq stats " ""

# a --kb earlier on the line is the KB asked; options before the command;
# an enum's values alone, not its description's words
has "kbq --kb $shelf vol" volumes
lacks "kbq --kb $shelf " controls
exactly "kbq --kb $shelf volumes --fields " "id
kind
name
shelfmark
binding
copied
copy_of
state"
exactly "kbq --kb=$shelf volumes binding=" "binding=cloth
binding=paper
binding=vellum"
exactly "kbq --kb $shelf -o json volumes copy_of.binding=" "copy_of.binding=cloth
copy_of.binding=paper
copy_of.binding=vellum"
exactly "kbq --kb $shelf show codex-" "codex-a
codex-b
codex-c"
# an optional enum with a description offers its values and nothing of the
# description; find covers every kind: the union of the enums' values
exactly "kbq --kb $shelf volumes state=" "state=shelved
state=lent"
exactly "kbq --kb $shelf volumes state=I" ""
exactly "kbq --kb $shelf find state=" "state=shelved
state=lent
state=draft
state=done"
has "kbq find type=tal" type=talks
# a KB without a schema offers the field names its records use
exactly "kbq --kb $loose find " "id
kind
name
colour
size
not
and
or"
has "kbq --kb $loose find col" colour

# back-links: after '^' the ref fields that may point to the command's
# kind, after '^F.' the fields and then the values of the
# kinds that hold such an F; without a schema, any field ('^' quoted:
# a pattern's negation to zsh)
has "kbq actors ^he" '^heads'
has "kbq find ^he" '^heads'
lacks "kbq sources ^he" '^heads'
has "kbq sources ^so" '^sources'
lacks "kbq sources ^" '^measure' '^name' '^imposed_by'
has "kbq actors not ^imp" '^imposed_by'
has "kbq actors ^heads.ty" '^heads.type'
lacks "kbq actors ^heads." '^heads.measure' '^heads.not'
has "kbq actors ^heads.parties.na" '^heads.parties.name'
has "kbq actors ^imposed_by.mea" '^imposed_by.measure'
exactly "kbq actors ^heads.type=" "^heads.type=agreement
^heads.type=talks
^heads.type=framework
^heads.type=joint-statement
^heads.type=call"
exactly "kbq --kb $shelf volumes ^" "^copy_of"
exactly "kbq --kb $shelf essays ^" ""
exactly "kbq --kb $shelf volumes ^copy_of.bi" "^copy_of.binding"
has "kbq --kb $loose find ^co" '^colour'
lacks "kbq --kb $loose find ^" '^id' '^kind'

# a command this kbq does not have: its usage line and --help are enough
exactly "$next fr" frob
exactly "$next frob --f" --file
has "$next frob -" --file --dry-run -n --kb
has "$next frob --file " notes.yaml
exactly "$next --kb $shelf frob --file x.yaml cod" "codex-a
codex-b
codex-c"
exactly "$next --kb $shelf frob codex-a bin" binding
exactly "$next --kb $shelf frob -n codex-b copy_of=" "copy_of=codex-a
copy_of=codex-b
copy_of=codex-c"
