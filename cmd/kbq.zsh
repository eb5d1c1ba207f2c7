#compdef kbq
# zsh completion for kbq(1), installed as _kbq where zsh looks for
# completion functions (Debian: share/zsh/vendor-completions for /usr,
# share/zsh/site-functions for other prefixes).
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
_kbq_run()
{
    command "${_kbq_prog[@]}" "${_kbq_kbopts[@]}" "$@" 2>/dev/null
}

# The options of the --help text $1, one a line:
# SHORT TAB LONG TAB VALUE TAB DESCRIPTION, VALUE being the placeholder of
# a value given as the next word (FORMAT), =PLACEHOLDER for one given only
# after = (--color[=WHEN]), or empty.
_kbq_opts()
{
    local line re='^  ((-[^ ]), |    )(--[a-z0-9-]+)(\[=([A-Z]+)\])?( ([A-Z]+))?  +(.*)$'
    for line in "${(@f)1}"; do
        [[ $line =~ $re ]] || continue
        print -r -- "${match[2]}"$'\t'"${match[3]}"$'\t'"${match[5]:+=${match[5]}}${match[7]}"$'\t'"${match[8]}"
    done
}

# The commands of `kbq --help` ($_kbq_help; not the KINDS placeholder) as
# NAME:SUMMARY.
_kbq_commands()
{
    print -r -- "$_kbq_help" | awk '/^commands:/ { c = 1; next }
        c && !NF { exit }
        c && $1 != "KINDS" {
            name = $1
            sub(/^ *[^ ]+ +/, "")
            gsub(/:/, "\\:", name)
            print name ":" $0
        }'
}

# The option of the table taking a value as the next word that WORD is, or
# ends in (a bundle of short options such as -co): its table line.
_kbq_valopt()
{
    local word=$1 line
    local -a f
    [[ $word == --*=* || $word != -?* || $word == -- ]] && return 1
    [[ $word != --* ]] && word=-${word[-1]}
    for line in "${_kbq_table[@]}"; do
        f=("${(@ps:\t:)line}")
        [[ ${f[3]} == [A-Z]* ]] || continue
        if [[ $word == "${f[1]}" || $word == "${f[2]}" ]]; then
            print -r -- "$line"
            return 0
        fi
    done
    return 1
}

# Whether the table knows every option of WORD (--long[=x], or -abc).
_kbq_known()
{
    local word=${1%%=*} line c
    local -a f shorts longs
    for line in "${_kbq_table[@]}"; do
        f=("${(@ps:\t:)line}")
        longs+=("${f[2]}")
        shorts+=("${f[1]}")
    done
    if [[ $word == --* ]]; then
        (( ${longs[(Ie)$word]} ))
        return
    fi
    for c in ${(s::)word#-}; do
        (( ${shorts[(Ie)-$c]} )) || return 1
    done
}

# While no command is known, an option that `kbq --help` does not list is
# some command's: the table then holds the options of every command.
_kbq_anytable()
{
    local c
    (( _kbq_union )) && return
    _kbq_union=1
    for c in ${cmds%%:*}; do
        _kbq_table+=(${(f)"$(_kbq_opts "$(_kbq_run $c --help)")"})
    done
    _kbq_table=(${(u)_kbq_table})
}

# The values an option's description lists ("a, b or c (default: a)").
_kbq_optvalues()
{
    local desc=${1%% \(*}
    [[ $desc == [a-z0-9-]##((, |\ or\ )[a-z0-9-]##)## ]] || return
    desc=${desc//, / }
    print -rl -- ${=desc// or / }
}

# The kinds the path (steps a.b.c, each a field) leads to, from the kind
# of a listing command or from every kind: those each ref step may name
# (`kbq schema --list=targets=STEP KIND`).  Nothing when a step is not a
# ref; "*" when the KB has no schema (nothing can be told).
_kbq_path_kinds()
{
    local step k
    local -a kinds next
    [[ -n $(_kbq_run schema --list=plurals) ]] || { print -r -- '*'; return; }
    kinds=(${(f)"$(_kbq_run schema --list=kinds)"})
    [[ -n $_kbq_kind ]] && kinds=($_kbq_kind)
    for step in "${(@s:.:)1}"; do
        next=()
        for k in "${kinds[@]}"; do
            next+=(${(f)"$(_kbq_run schema --list=targets=$step $k)"})
        done
        kinds=(${(u)next})
        (( $#kinds )) || return 0
    done
    print -rl -- "${kinds[@]}"
}

# Field names: of the listing command's kind, else of every kind; after a
# dotted path, of the kinds its refs lead to.
_kbq_fieldnames()
{
    local k kinds
    if [[ $1 != *.* ]]; then
        _kbq_run schema --list=fields ${_kbq_kind:+$_kbq_kind}
        return
    fi
    kinds=$(_kbq_path_kinds "${1%.*}")
    if [[ $kinds == '*' ]]; then
        _kbq_run schema --list=fields
        return
    fi
    for k in ${(f)kinds}; do
        _kbq_run schema --list=fields $k
    done
}

# The values of FIELD (a path) after = or !=: an enum's values, the ids a
# ref may name, the kinds for `kind`, the ids for `id`, as
# `kbq schema --list=values=FIELD [KIND]` gives them.
_kbq_values()
{
    local field=$1 k kinds outer=$_kbq_kind
    if [[ $field == *.* ]]; then
        # the last step's values, in the kinds the steps before name
        kinds=$(_kbq_path_kinds "${field%.*}")
        [[ $kinds == '*' || -z $kinds ]] && return
        for k in ${(f)kinds}; do
            _kbq_kind=$k
            _kbq_values "${field##*.}"
        done
        _kbq_kind=$outer
        return
    fi
    _kbq_run schema --list=values=$field ${_kbq_kind:+$_kbq_kind}
}

# A back-link word ^F...: after '^' the ref fields that may point to the
# listing command's kind, after '^F.' an expression word in the kinds that
# hold such an F (`kbq schema --list=backrefs`: "FIELD KIND" lines); any
# field and every kind when the KB has no schema.
_kbq_backlink()
{
    local refs field k outer=$_kbq_kind schema
    local -a words_ kinds
    refs=$(_kbq_run schema --list=backrefs ${_kbq_kind:+$_kbq_kind})
    schema=$(_kbq_run schema --list=plurals)
    if [[ $PREFIX != *.* ]]; then
        compset -P '\^'
        if [[ -n $schema ]]; then
            words_=(${(fu)"$(print -r -- $refs | awk 'NF { print $1 }')"})
        else
            words_=(${(fu)"$(_kbq_run schema --list=fields |
                grep -vx -e id -e kind)"})
        fi
        compadd -S '' -a words_
        return
    fi
    field=${${PREFIX%%.*}#\^}
    compset -P '[^.]#.'
    kinds=(${(f)"$(print -r -- $refs | awk -v f=$field '$1 == f { print $2 }')"})
    [[ -n $schema ]] || kinds=('')
    for k in "${kinds[@]}"; do
        _kbq_kind=$k
        _kbq_expr assign
    done
    _kbq_kind=$outer
}

# A word of an expression (or an assignment): a field name, a step after
# a dot, or a value after = or !=.
_kbq_expr()
{
    local field
    local -a words_
    if [[ $PREFIX == \^* && $1 != assign ]]; then
        _kbq_backlink
        return
    fi
    if [[ $PREFIX == (#b)([^=!~\<\>?]##)(=|!=)* ]]; then
        field=${match[1]}
        compset -P '*='
        words_=(${(fu)"$(_kbq_values "$field")"})
        compadd -a words_
        return
    fi
    [[ $PREFIX == *[=\<\>~?!]* ]] && return
    if [[ $PREFIX == *.* ]]; then
        words_=(${(fu)"$(_kbq_fieldnames "${PREFIX%.*}.")"})
        compset -P '*.'
        compadd -S '' -a words_
        return
    fi
    words_=(${(fu)"$(_kbq_fieldnames)"})
    compadd -S '' -a words_
    [[ $1 == assign ]] || compadd not and or
}

# A list of field paths, for --fields and --count-by (comma-separated) and
# --sort.
_kbq_pathlist()
{
    local -a words_
    [[ $1 != --sort ]] && compset -P '*,'
    words_=(${(fu)"$(_kbq_fieldnames "$PREFIX")"})
    compset -P '*.'
    compadd -S '' -a words_
}

# The value of the option whose table line is $1.
_kbq_optarg()
{
    local -a f vals
    f=("${(@ps:\t:)1}")
    case ${f[2]} in
        --kb) _files; return ;;
        --schema) _files -g '*.(yaml|yml)(-.)'; return ;;
        --fields|--sort|--count-by) _kbq_pathlist ${f[2]}; return ;;
    esac
    vals=(${(f)"$(_kbq_optvalues "${f[4]}")"})
    if (( $#vals )); then
        compadd -a vals
    elif [[ ${f[3]} == *FILE* ]]; then
        _files
    elif [[ ${f[3]} == *DIR* ]]; then
        _files -/
    fi
}

_kbq()
{
    setopt localoptions extendedglob
    local -a _kbq_prog _kbq_kbopts _kbq_table cmds plurals synopsis opts
    local -a f
    local _kbq_kind= cmd= w line i nargs=0 dashdash=0 cmdat=0 place
    local _kbq_help help
    local _kbq_union=0

    _kbq_prog=(${~words[1]})
    # the KB options of the line: they name the KB every word comes from
    for ((i = 2; i < CURRENT; i++)); do
        w=${(Q)words[i]}
        [[ $w == -- ]] && break
        case $w in
            --kb|--schema)
                ((i + 1 < CURRENT)) && _kbq_kbopts+=("$w" "${~${(Q)words[i+1]}}")
                ((i++))
                ;;
            --kb=*|--schema=*) _kbq_kbopts+=("${w%%=*}=${~w#*=}") ;;
        esac
    done

    # the commands and the options that every command takes
    _kbq_help=$(_kbq_run --help)
    cmds=(${(f)"$(_kbq_commands)"})
    plurals=(${(f)"$(_kbq_run schema --list=plurals)"})
    _kbq_table=(${(f)"$(_kbq_opts $_kbq_help)"})

    # The command: the first word that is not an option or an option's
    # value (a word after an option that is no command is taken as its value).
    for ((i = 2; i < CURRENT; i++)); do
        w=${(Q)words[i]}
        if ((!dashdash)) && [[ $w == -- ]]; then
            dashdash=1
            continue
        fi
        if ((!dashdash)) && [[ $w == -?* ]]; then
            _kbq_known "$w" || _kbq_anytable
            _kbq_valopt "$w" >/dev/null && ((i++))
            continue
        fi
        cmd=$w cmdat=$i
        break
    done
    if [[ -n $cmd ]]; then
        help=$(_kbq_run $cmd --help)
        _kbq_table=(${(f)"$(_kbq_opts $help)"})
        (( ${plurals[(Ie)$cmd]} )) && _kbq_kind=$cmd
        for ((i = cmdat + 1; i < CURRENT; i++)); do
            w=${(Q)words[i]}
            if ((dashdash)) || [[ $w != -?* ]]; then
                ((nargs++))
            elif [[ $w == -- ]]; then
                dashdash=1
            else
                _kbq_valopt "$w" >/dev/null && ((i++))
            fi
        done
    fi

    # the value of an option: after it, or after its =
    w=${(Q)words[CURRENT-1]}
    [[ -z $cmd && $w == -?* ]] && ! _kbq_known "$w" && _kbq_anytable
    if ((!dashdash)) && line=$(_kbq_valopt "$w"); then
        _kbq_optarg "$line"
        return
    fi
    if ((!dashdash)) && [[ $PREFIX == --*=* ]]; then
        for line in "${_kbq_table[@]}"; do
            f=("${(@ps:\t:)line}")
            if [[ ${PREFIX%%=*} == "${f[2]}" && -n ${f[3]} ]]; then
                compset -P '*='
                _kbq_optarg "$line"
                return
            fi
        done
        return
    fi
    if ((!dashdash)) && [[ $PREFIX == -* ]]; then
        opts=()
        for line in "${_kbq_table[@]}"; do
            f=("${(@ps:\t:)line}")
            opts+=("${f[2]//:/\\:}:${f[4]}")
            [[ -n ${f[1]} ]] && opts+=("${f[1]}:${f[4]}")
        done
        _describe -t options 'option' opts
        return
    fi

    if [[ -z $cmd ]]; then
        _describe -t commands 'command' cmds -- plurals
        return
    fi
    # which argument this is, from the usage line: the n-th placeholder,
    # or the last one that repeats (ID..., [EXPR...])
    synopsis=(${=${${(f)help}[1]##*\[OPTIONS\] #}})
    place=
    for ((i = 1; i <= $#synopsis; i++)); do
        w=${synopsis[i]//[\[\]]/}
        if [[ $w == *... ]]; then
            place+=" ${w%...}"
            [[ $i -lt $#synopsis && ${synopsis[i+1]} == *... ]] || break
        elif ((nargs == i - 1)); then
            place=$w
            break
        fi
    done
    for w in ${=place}; do
        case $w in
            EXPR) _kbq_expr ;;
            ASSIGN) _kbq_expr assign ;;
            ID) compadd -- ${(f)"$(_kbq_run schema --list=ids)"} ;;
            KIND) compadd -- ${(f)"$(_kbq_run schema --list=kinds)"} "${plurals[@]}" ;;
            COMMAND) _describe -t commands 'command' cmds -- plurals ;;
            FILE|PATH) _files ;;
            DIR) _files -/ ;;
        esac
    done
}

_kbq "$@"
