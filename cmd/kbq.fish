# fish completion for kbq(1), installed as
# share/fish/vendor_completions.d/kbq.fish, where fish looks below every
# directory of XDG_DATA_DIRS.
#
# Nothing about kbq or a KB is written here.  Every word comes from the
# kbq on the line, run with the --kb and --schema given on it:
#  - the commands and their summaries from `kbq help`, the per-kind
#    commands from `kbq schema --list=plurals`;
#  - the options of a command, which of them take a value, and the values
#    of those that name a few ("text, tsv, ... or id") from `kbq CMD --help`;
#  - what each argument is from the usage line of `kbq CMD -h`: EXPR
#    (expression words), ID, KIND, COMMAND, ASSIGN (FIELD=VALUE), FILE, DIR;
#  - field names, enum values, ref targets and ids from kbq's hidden
#    `kbq schema --list=WHAT [KIND]` (plurals, kinds, fields, ids,
#    values=FIELD, targets=FIELD: machine lists, one word a line).
# So a new command or option needs no change here.

# kbq as typed on the line, with the line's KB options; no stderr.
function __kbq_run
    command $__kbq_prog $__kbq_kbopts $argv 2>/dev/null
end

# The options of a --help text (the lines given), one a line:
# SHORT TAB LONG TAB VALUE TAB DESCRIPTION, VALUE being the placeholder of
# a value given as the next word (FORMAT), =PLACEHOLDER for one given only
# after = (--color[=WHEN]), or empty.
function __kbq_opts
    for line in $argv
        string match -rq -- '^  (?:(?<short>-\S), |    )(?<long>--[a-z0-9-]+)(?:\[=(?<optval>[A-Z]+)\])?(?: (?<val>[A-Z]+))?\s{2,}(?<desc>.*)$' $line
        or continue
        test -n "$optval"; and set val "=$optval"
        printf '%s\t%s\t%s\t%s\n' "$short" $long "$val" "$desc"
    end
end

# The table line of the option taking a value as the next word that WORD
# is, or ends in (a bundle of short options such as -co).
function __kbq_valopt -a word
    string match -q -- '--*=*' $word; and return 1
    string match -qr -- '^-.' $word; or return 1
    test "x$word" = x--; and return 1
    string match -q -- '--*' $word
    or set word -(string sub -s -1 -- $word)
    for line in $__kbq_table
        set -l f (string split \t -- $line)
        string match -qr -- '^[A-Z]' $f[3]; or continue
        if contains -- $word $f[1] $f[2]
            echo $line
            return 0
        end
    end
    return 1
end

# Whether the table knows every option of WORD (--long[=x], or -abc).
function __kbq_known -a word
    set word (string replace -r '=.*' '' -- $word)
    set -l longs
    set -l shorts
    for line in $__kbq_table
        set -l f (string split \t -- $line)
        set -a shorts $f[1]
        set -a longs $f[2]
    end
    if string match -q -- '--*' $word
        contains -- $word $longs
        return
    end
    for c in (string split '' -- (string sub -s 2 -- $word))
        contains -- -$c $shorts; or return 1
    end
end

# While no command is known, an option that `kbq --help` does not list is
# some command's: the table then holds the options of every command.
function __kbq_anytable
    test -n "$__kbq_union"; and return
    set -g __kbq_union 1
    for c in $__kbq_cmds
        set -a __kbq_table (__kbq_opts (__kbq_run (string split -f1 \t -- $c) --help))
    end
    set -g __kbq_table (printf '%s\n' $__kbq_table | awk '!seen[$0]++')
end

# The kinds the path (steps a.b.c, each a field) leads to, from the kind
# of a listing command or from every kind: those each ref step may name
# (`kbq schema --list=targets=STEP KIND`).  Nothing when a step is not a
# ref; "*" when the KB has no schema (nothing can be told).
function __kbq_path_kinds -a path
    if test (count (__kbq_run schema --list=plurals)) -eq 0
        echo '*'
        return
    end
    set -l kinds (__kbq_run schema --list=kinds)
    test -n "$__kbq_kind"; and set kinds $__kbq_kind
    for step in (string split . -- $path)
        set -l next
        for k in $kinds
            set -a next (__kbq_run schema --list=targets=$step $k)
        end
        set kinds (printf '%s\n' $next | awk '!seen[$0]++')
        test (count $kinds) -gt 0; or return 0
    end
    printf '%s\n' $kinds
end

# Field names: of the listing command's kind, else of every kind; after a
# dotted path (argument), of the kinds its refs lead to.
function __kbq_fieldnames -a path
    if not string match -q -- '*.*' $path
        __kbq_run schema --list=fields $__kbq_kind
        return
    end
    set -l kinds (__kbq_path_kinds (string replace -r '\.[^.]*$' '' -- $path))
    if test "$kinds" = '*'
        __kbq_run schema --list=fields
        return
    end
    for k in $kinds
        __kbq_run schema --list=fields $k
    end
end

# The values of FIELD (a path) after = or !=: an enum's values, the ids a
# ref may name, the kinds for `kind`, the ids for `id`, as
# `kbq schema --list=values=FIELD [KIND]` gives them.
function __kbq_values -a field
    if string match -q -- '*.*' $field
        # the last step's values, in the kinds the steps before name
        set -l kinds (__kbq_path_kinds (string replace -r '\.[^.]*$' '' -- $field))
        test -z "$kinds" -o "$kinds" = '*'; and return
        set -l outer $__kbq_kind
        for k in $kinds
            set -g __kbq_kind $k
            __kbq_values (string replace -r '.*\.' '' -- $field)
        end
        set -g __kbq_kind $outer
        return
    end
    __kbq_run schema --list=values=$field $__kbq_kind
end

# A back-link word ^F...: after '^' the ref fields that may point to the
# listing command's kind, after '^F.' an expression word in the kinds that
# hold such an F (`kbq schema --list=backrefs`: "FIELD KIND" lines); any
# field and every kind when the KB has no schema.  Printed whole.
function __kbq_backlink -a cur
    set -l refs (__kbq_run schema --list=backrefs $__kbq_kind)
    set -l schema (__kbq_run schema --list=plurals)
    if not string match -q -- '*.*' $cur
        if test -n "$schema"
            printf '%s\n' $refs | awk 'NF && !seen[$1]++ { print "^" $1 }'
        else
            __kbq_run schema --list=fields | string match -rv -- '^(id|kind)$' |
                string replace -r -- '^' '^'
        end
        return
    end
    set -l field (string replace -r -- '^\^([^.]*)\..*$' '$1' $cur)
    set -l rest (string replace -r -- '^\^[^.]*\.' '' $cur)
    set -l kinds (printf '%s\n' $refs | awk -v f=$field '$1 == f { print $2 }')
    test -n "$schema"; or set kinds ''
    set -l outer $__kbq_kind
    for k in $kinds
        set -g __kbq_kind $k
        test -n "$k"; or set -g __kbq_kind
        __kbq_expr $rest assign | string replace -r -- '^' "^$field."
    end | awk '!seen[$0]++'
    set -g __kbq_kind $outer
end

# A word of an expression (or an assignment): a field name, a step after
# a dot, or a value after = or !=; printed whole, as fish matches them.
function __kbq_expr -a cur what
    if string match -q -- '^*' $cur; and test "$what" != assign
        __kbq_backlink $cur
        return
    end
    if set -l m (string match -r -- '^([^=!~<>?]+)(=|!=)' $cur)
        __kbq_values $m[2] | awk '!seen[$0]++' | string replace -r -- '^' "$m[1]"
        return
    end
    string match -qr -- '[=<>~?!]' $cur; and return
    if string match -q -- '*.*' $cur
        set -l pre (string replace -r -- '[^.]*$' '' $cur)
        __kbq_fieldnames $cur | awk '!seen[$0]++' | string replace -r -- '^' "$pre"
        return
    end
    __kbq_fieldnames | awk '!seen[$0]++'
    test "$what" = assign; or printf '%s\n' not and or
end

# A list of field paths, for --fields and --count-by (comma-separated) and
# --sort.
function __kbq_pathlist -a opt cur
    set -l pre ''
    if test "$opt" != --sort
        set pre (string match -r -- '^.*,' $cur)
        set cur (string replace -r -- '^.*,' '' $cur)
    end
    set -a pre (string replace -r -- '[^.]*$' '' $cur)
    __kbq_fieldnames $cur | awk '!seen[$0]++' | string replace -r -- '^' (string join '' $pre)
end

# The values of an option (table line), for the word CUR, each with PRE
# (the "--opt=" of a value given after =) in front.
function __kbq_optarg -a line cur pre
    set -l f (string split \t -- $line)
    switch $f[2]
        case --kb
            __fish_complete_path $cur | string replace -r -- '^' "$pre"
            return
        case --schema
            # YAML files and directories
            __fish_complete_path $cur | string match -r -- '^[^\t]*(?:\.ya?ml|/)(?:\t.*)?$' |
                string replace -r -- '^' "$pre"
            return
        case --fields --sort --count-by
            __kbq_pathlist $f[2] $cur | string replace -r -- '^' "$pre"
            return
    end
    # "a, b or c (default: a)": those words
    set -l desc (string replace -r -- ' \(.*' '' $f[4])
    if string match -qr -- '^[a-z0-9-]+((, | or )[a-z0-9-]+)*$' $desc
        string split -- ' ' (string replace -a -- ', ' ' ' (string replace -- ' or ' ' ' $desc)) |
            string replace -r -- '^' "$pre"
    else if string match -q -- '*FILE*' $f[3]
        __fish_complete_path $cur | string replace -r -- '^' "$pre"
    else if string match -q -- '*DIR*' $f[3]
        __fish_complete_directories $cur | string replace -r -- '^' "$pre"
    end
end

function __kbq_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -g __kbq_prog (string replace -r -- '^~/' "$HOME/" $tokens[1])
    set -g __kbq_kbopts
    set -g __kbq_kind
    set -g __kbq_union ''

    # the KB options of the line: they name the KB every word comes from
    set -l i 2
    while test $i -le (count $tokens)
        set -l w $tokens[$i]
        test "x$w" = x--; and break
        switch $w
            case --kb --schema
                if test $i -lt (count $tokens)
                    set -a __kbq_kbopts $w (string replace -r -- '^~/' "$HOME/" $tokens[(math $i + 1)])
                end
                set i (math $i + 1)
            case '--kb=*' '--schema=*'
                set -a __kbq_kbopts (string replace -r -- '=~/' "=$HOME/" $w)
        end
        set i (math $i + 1)
    end

    # the commands (NAME TAB SUMMARY, not the KINDS placeholder) and the
    # options that every command takes, from `kbq --help`
    set -l help (__kbq_run --help)
    set -g __kbq_cmds (printf '%s\n' $help | awk '/^commands:/ { c = 1; next }
        c && !NF { exit }
        c && $1 != "KINDS" { name = $1; sub(/^ *[^ ]+ +/, ""); print name "\t" $0 }')
    set -l plurals (__kbq_run schema --list=plurals)
    set -g __kbq_table (__kbq_opts $help)

    # the command: the first word that is not an option or its value
    set -l cmd ''
    set -l cmdat 0
    set -l dashdash 0
    set i 2
    while test $i -le (count $tokens)
        set -l w $tokens[$i]
        if test $dashdash -eq 0 -a "x$w" = x--
            set dashdash 1
        else if test $dashdash -eq 0; and string match -qr -- '^-.' $w
            __kbq_known $w; or __kbq_anytable
            __kbq_valopt $w >/dev/null; and set i (math $i + 1)
        else
            set cmd $w
            set cmdat $i
            break
        end
        set i (math $i + 1)
    end
    set -l nargs 0
    if test -n "$cmd"
        set help (__kbq_run $cmd --help)
        set -g __kbq_table (__kbq_opts $help)
        contains -- $cmd $plurals; and set -g __kbq_kind $cmd
        set i (math $cmdat + 1)
        while test $i -le (count $tokens)
            set -l w $tokens[$i]
            if test $dashdash -eq 1; or not string match -qr -- '^-.' $w
                set nargs (math $nargs + 1)
            else if test "x$w" = x--
                set dashdash 1
            else
                __kbq_valopt $w >/dev/null; and set i (math $i + 1)
            end
            set i (math $i + 1)
        end
    end

    # the value of an option: after it, or after its =
    if test $dashdash -eq 0
        set -l prev $tokens[-1]
        if test -z "$cmd"; and string match -qr -- '^-.' $prev; and not __kbq_known $prev
            __kbq_anytable
        end
        if set -l line (__kbq_valopt $prev)
            __kbq_optarg $line $cur ''
            return
        end
        if string match -q -- '--*=*' $cur
            set -l name (string replace -r -- '=.*' '' $cur)
            for line in $__kbq_table
                set -l f (string split \t -- $line)
                if test "x$f[2]" = "x$name" -a -n "$f[3]"
                    __kbq_optarg $line (string replace -r -- '^[^=]*=' '' $cur) "$name="
                    return
                end
            end
            return
        end
        if string match -q -- '-*' $cur
            for line in $__kbq_table
                set -l f (string split \t -- $line)
                printf '%s\t%s\n' $f[2] $f[4]
                test -n "$f[1]"; and printf '%s\t%s\n' $f[1] $f[4]
            end
            return
        end
    end

    if test -z "$cmd"
        printf '%s\n' $__kbq_cmds $plurals
        return
    end
    # which argument this is, from the usage line: the n-th placeholder,
    # or the last one that repeats (ID..., [EXPR...])
    set -l synopsis (string split -n ' ' -- (string replace -r -- '.*\[OPTIONS\] *' '' $help[1]))
    set -l place
    set i 1
    while test $i -le (count $synopsis)
        set -l w (string replace -a -r -- '[][]' '' $synopsis[$i])
        if string match -q -- '*...' $w
            set -a place (string replace -- '...' '' $w)
            test $i -lt (count $synopsis); and string match -q -- '*...' $synopsis[(math $i + 1)]
            or break
        else if test $nargs -eq (math $i - 1)
            set place $w
            break
        end
        set i (math $i + 1)
    end
    for w in $place
        switch $w
            case EXPR
                __kbq_expr $cur
            case ASSIGN
                __kbq_expr $cur assign
            case ID
                __kbq_run schema --list=ids
            case KIND
                __kbq_run schema --list=kinds
                printf '%s\n' $plurals
            case COMMAND
                printf '%s\n' $__kbq_cmds $plurals
            case FILE PATH
                __fish_complete_path $cur
            case DIR
                __fish_complete_directories $cur
        end
    end
end

complete -c kbq -f -a '(__kbq_complete)'
