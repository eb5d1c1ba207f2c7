# bash completion for kbq(1)                              -*- shell-script -*-
#
# Installed as share/bash-completion/completions/kbq, where bash-completion
# loads it the first time kbq is completed.  Nothing about kbq or a KB is
# written here: every word comes from the kbq on the line, run with the
# --kb and --schema given on it:
#  - the commands from `kbq --help`, the per-kind commands from
#    `kbq schema --list=plurals`;
#  - the options of a command, which of them take a value, and the values
#    of those that name a few ("text, tsv, ... or id") from `kbq CMD --help`;
#  - what each argument is from that usage line: EXPR (expression words),
#    ID, KIND, COMMAND, ASSIGN (FIELD=VALUE), FILE, DIR;
#  - field names, enum values, ref targets and ids from kbq's hidden
#    `kbq schema --list=WHAT [KIND]` (plurals, kinds, fields, ids,
#    values=FIELD, targets=FIELD: machine lists, one word a line), never
#    from kbq's tables.
# So a new command or option needs no change here (nor in the zsh and fish
# completions, kbq.zsh and kbq.fish, which do the same).  A KB word (--kb,
# OLD, NEW) may be REV:PATH: revisions and tree paths come from git.

# kbq as typed on the line, with the KB options of the line; no stderr.
_kbq_run()
{
    "${_kbq_prog[@]}" "${_kbq_kbopts[@]}" "$@" 2>/dev/null
}

# The command names of `kbq --help` ($_kbq_help), without the KINDS
# placeholder.
_kbq_commands()
{
    awk '/^commands:/ { c = 1; next }
		c && !NF { exit }
		c && $1 != "KINDS" { print $1 }' <<<"$_kbq_help"
}

# The options of the --help text $1, one a line:
# SHORT|LONG|VALUE|DESCRIPTION (| as a separator: read would merge empty
# fields between tabs), VALUE being the placeholder of a value given as the
# next word (FORMAT), =PLACEHOLDER for one given only after = (--color[=WHEN]),
# or empty.
_kbq_opts()
{
    local line m re='^  ((-[^ ]), |    )(--[a-z0-9-]+)(\[=([A-Z]+)\])?( ([A-Z]+))?  +(.*)$'
    while IFS= read -r line; do
        [[ $line =~ $re ]] || continue
        m=("${BASH_REMATCH[@]}")
        printf '%s|%s|%s|%s\n' "${m[2]}" "${m[3]}" "${m[5]:+=${m[5]}}${m[7]}" "${m[8]}"
    done <<<"$1"
}

# The table line of the option taking a value as the next word that WORD
# is, or ends in (a bundle of short options such as -co).
_kbq_valopt()
{
    local word=$1 line s l v d
    [[ $word == --*=* || $word != -?* || $word == -- ]] && return 1
    [[ $word != --* ]] && word=-${word: -1}
    while IFS='|' read -r s l v d; do
        [[ $v == [A-Z]* && ($word == "$s" || $word == "$l") ]] || continue
        printf '%s|%s|%s|%s\n' "$s" "$l" "$v" "$d"
        return 0
    done <<<"$_kbq_table"
    return 1
}

# Whether the table knows every option of WORD (--long[=x], or -abc).
_kbq_known()
{
    local word=${1%%=*} i
    if [[ $word == --* ]]; then
        grep -q "^[^|]*|$word|" <<<"$_kbq_table"
        return
    fi
    for ((i = 1; i < ${#word}; i++)); do
        grep -qF -- "-${word:i:1}|" <<<"$(cut -d '|' -f1 -s <<<"$_kbq_table" | sed 's/$/|/')" ||
            return 1
    done
}

# While no command is known, an option that `kbq --help` does not list is
# some command's: the table then holds the options of every command.
_kbq_anytable()
{
    local c
    [[ $_kbq_union ]] && return
    _kbq_union=1
    for c in $(_kbq_commands); do
        _kbq_table+=$'\n'$(_kbq_opts "$(_kbq_run "$c" --help)")
    done
}

# The values an option's description lists ("a, b or c (default: a)").
_kbq_optvalues()
{
    local desc=${1%% (*}
    [[ $desc =~ ^[a-z0-9-]+((, | or )[a-z0-9-]+)*$ ]] || return 0
    desc=${desc//, / }
    printf '%s\n' ${desc// or / }
}

# Field names: of the kind of a listing command, else of every kind.
_kbq_fields()
{
    _kbq_run schema --list=fields ${_kbq_kind:+"$_kbq_kind"}
}

# The kinds the path P (steps a.b.c, each a field) leads to, from the kind
# of a listing command or from every kind: the kinds each ref step may name
# (`kbq schema --list=targets=STEP KIND`).  Nothing when a step is not a
# ref; every kind when the KB has no schema (nothing can be told).
_kbq_path_kinds()
{
    local path=$1 step k all
    local -a kinds next steps
    all=$(_kbq_run schema --list=kinds)
    [[ $(_kbq_run schema --list=plurals) ]] || { echo "*"; return; }
    if [[ $_kbq_kind ]]; then kinds=("$_kbq_kind"); else kinds=($all); fi
    IFS=. read -r -a steps <<<"$path"
    for step in "${steps[@]}"; do
        next=()
        for k in "${kinds[@]}"; do
            next+=($(_kbq_run schema --list=targets="$step" "$k"))
        done
        kinds=($(printf '%s\n' "${next[@]}" | sort -u))
        [[ ${#kinds[@]} -gt 0 ]] || return 0
    done
    printf '%s\n' "${kinds[@]}"
}

# The field names of the kinds a dotted path's last step may name.
_kbq_path_fields()
{
    local k kinds
    kinds=$(_kbq_path_kinds "$1")
    if [[ $kinds == "*" ]]; then
        _kbq_kind= _kbq_fields
        return
    fi
    for k in $kinds; do
        _kbq_run schema --list=fields "$k"
    done | awk '!seen[$0]++'
}

# Take off what readline does not replace: the part of the word up to its
# last COMP_WORDBREAKS character (e.g. "measure=" in "measure=li").
_kbq_ltrim()
{
    local word=$1 k i
    for ((k = ${#word}; k > 0; k--)); do
        [[ $COMP_WORDBREAKS == *"${word:k-1:1}"* ]] && break
    done
    ((k > 0)) || return 0
    for i in "${!COMPREPLY[@]}"; do
        COMPREPLY[i]=${COMPREPLY[i]#"${word:0:k}"}
    done
}

# Candidates for a value of FIELD after = or != in an expression: the
# values of an enum, the ids a ref may name, the kinds for `kind`, the ids
# for `id`, as `kbq schema --list=values=FIELD [KIND]` gives them.
_kbq_values()
{
    local field=$1 kinds k
    case $field in
        *.*)
            # the last step's values, in the kinds the steps before it name
            kinds=$(_kbq_path_kinds "${field%.*}")
            [[ $kinds == "*" ]] && return
            for k in $kinds; do
                _kbq_kind=$k _kbq_values "${field##*.}"
            done | awk '!seen[$0]++'
            return
            ;;
    esac
    _kbq_run schema --list=values="$field" ${_kbq_kind:+"$_kbq_kind"}
}

# A back-link word ^F...: after '^', the ref fields that may point to the
# listing command's kind (`kbq schema --list=backrefs`: "FIELD KIND" lines);
# after '^F.', what an expression word offers in the kinds that hold such
# an F (every kind when the KB has no schema).
_kbq_backlink()
{
    local word=$cur field rest kinds k refs schema
    local -a all=()
    refs=$(_kbq_run schema --list=backrefs ${_kbq_kind:+"$_kbq_kind"})
    schema=$(_kbq_run schema --list=plurals)
    if [[ $word != ^*.* ]]; then
        if [[ $schema ]]; then
            refs=$(awk '!seen[$1]++ { print $1 }' <<<"$refs")
        else	# no schema: any field but id and kind
            refs=$(_kbq_fields | grep -vx -e id -e kind)
        fi
        COMPREPLY+=($(compgen -P "^" -W "$refs" -- "${word#^}"))
        compopt -o nospace
        return
    fi
    field=${word%%.*} field=${field#^} rest=${word#*.}
    kinds=$(awk -v f="$field" '$1 == f { print $2 }' <<<"$refs")
    [[ $schema ]] || kinds='""'
    for k in $kinds; do
        [[ $k == '""' ]] && k=""
        COMPREPLY=()
        _kbq_kind=$k cur=$rest _kbq_expr assign
        all+=("${COMPREPLY[@]}")
    done
    COMPREPLY=($(printf '%s\n' "${all[@]}" | awk 'NF && !seen[$0]++'))
    # a value after '=' is what readline replaces; a field, the whole word
    if [[ $rest != *[=\<\>~?!]* ]]; then
        COMPREPLY=("${COMPREPLY[@]/#/^$field.}")
    fi
}

# A word of an expression (or with "assign", of an assignment): a field
# name (no space after it, an operator comes next), a path step after a
# dot, or a value after = or !=.
_kbq_expr()
{
    local word=$cur field op re='^([^=!~<>?]+)(=|!=)(.*)$' more="not and or"
    [[ ${1-} == assign ]] && more=
    if [[ $word == ^* && ${1-} != assign ]]; then
        _kbq_backlink
        return
    fi
    if [[ $word == *[=\<\>~?!]* ]]; then
        [[ $word =~ $re ]] || return 0
        field=${BASH_REMATCH[1]} op=${BASH_REMATCH[2]}
        COMPREPLY+=($(compgen -P "$field$op" -W "$(_kbq_values "$field")" \
            -- "${BASH_REMATCH[3]}"))
        _kbq_ltrim "$word"
        return
    fi
    if [[ $word == *.* ]]; then
        # after a ref: the fields of the kinds it may name
        COMPREPLY+=($(compgen -P "${word%.*}." \
            -W "$(_kbq_path_fields "${word%.*}")" -- "${word##*.}"))
    else
        COMPREPLY+=($(compgen -W "$(_kbq_fields) $more" -- "$word"))
    fi
    compopt -o nospace
}

# A word that names a KB: a path, or REV:PATH.  Before a colon: the files
# and, in a git repository, its refs followed by ':'; after one, the
# entries of that revision's tree (directories with '/').  Git quotes odd
# names (core.quotePath), so no control character reaches the terminal.
_kbq_kbword()
{
    local rev path dir line name refs
    local -a reply=()
    if [[ $cur == *:* ]]; then
        rev=${cur%%:*} path=${cur#*:} dir=
        [[ $path == */* ]] && dir=${path%/*}/
        while IFS= read -r line; do
            name=$dir${line#*$'\t'}
            [[ $line == *" tree "* ]] && name+=/
            [[ $name == "$path"* ]] && reply+=("$rev:$name")
        done < <(git -c core.quotePath=true ls-tree --end-of-options \
            "$rev:$dir" 2>/dev/null)
        COMPREPLY+=("${reply[@]}")
        compopt -o nospace
        _kbq_ltrim "$cur"
        return
    fi
    _filedir
    refs=$(git for-each-ref --format='%(refname:short)' 2>/dev/null) &&
        COMPREPLY+=($(compgen -S : -W "HEAD $refs" -- "$cur")) &&
        compopt -o nospace
}

# A comma-separated list of paths for --fields and --count-by, one path for
# --sort.
_kbq_pathlist()
{
    local pre="" words
    [[ $1 != --sort && $cur == *,* ]] && pre=${cur%,*},
    cur=${cur##*,}
    if [[ $cur == *.* ]]; then
        # after a ref: the fields of the kinds it may name
        words=$(_kbq_path_fields "${cur%.*}")
        pre+=${cur%.*}. cur=${cur##*.}
    else
        words=$(_kbq_fields)
    fi
    COMPREPLY=($(compgen -P "$pre" -W "$words" -- "$cur"))
    compopt -o nospace
}

# The value of the option whose table line is $1, for $cur.
_kbq_optarg()
{
    local s l v d vals
    IFS='|' read -r s l v d <<<"$1"
    case $l in
        --kb) _kbq_kbword; return ;;
        --schema) _filedir '@(yaml|yml)'; return ;;
        --fields | --sort | --count-by) _kbq_pathlist "$l"; return ;;
    esac
    vals=$(_kbq_optvalues "$d")
    if [[ $vals ]]; then
        COMPREPLY=($(compgen -W "$vals" -- "$cur"))
    elif [[ $v == *FILE* ]]; then
        _filedir
    elif [[ $v == *DIR* ]]; then
        _filedir -d
    fi
}

# An assignment of a change command (set, add): a field name (the '=',
# '+=' or '-=' is the user's), or after FIELD=, FIELD+= or FIELD-= the
# values it may take.
_kbq_assign()
{
    local word=$cur field op
    if [[ $word == *=* ]]; then
        field=${word%%=*} op="="
        case $field in
            *+) field=${field%+} op="+=" ;;
            *-) field=${field%-} op="-=" ;;
        esac
        [[ $field == id ]] && return 0
        COMPREPLY+=($(compgen -P "$field$op" -W "$(_kbq_values "$field")" \
            -- "${word#*=}"))
        _kbq_ltrim "$word"
        return
    fi
    COMPREPLY+=($(compgen -W "$(_kbq_fields)" -- "$word"))
    compopt -o nospace
}

_kbq()
{
    local cur prev words cword split
    # ':' stays in the word: REV:PATH is one word
    _init_completion -s -n : || return

    local -a _kbq_prog=("${words[0]}") _kbq_kbopts=() synopsis
    local _kbq_kind="" _kbq_table _kbq_union="" cmd="" cmdat=0 w i nargs=0
    local dashdash=false plurals line place s l v d _kbq_help help
    local arg1="" assigned=false
    local -a args=()
    [[ ${words[0]} == \~/* ]] && _kbq_prog=("$HOME/${words[0]#\~/}")

    # The KB options of the line: they name the KB every word comes from.
    for ((i = 1; i < cword; i++)); do
        w=${words[i]}
        [[ $w == -- ]] && break
        case $w in
            --kb | --schema)
                ((i + 1 < cword)) && _kbq_kbopts+=("$w" "${words[i + 1]}")
                ((i++))
                ;;
            --kb=* | --schema=*) _kbq_kbopts+=("$w") ;;
        esac
    done
    for i in "${!_kbq_kbopts[@]}"; do
        w=${_kbq_kbopts[i]}
        [[ $w == \~/* ]] && _kbq_kbopts[i]=$HOME/${w#\~/}
        [[ $w == --*=\~/* ]] && _kbq_kbopts[i]=${w%%=*}=$HOME/${w#*=\~/}
    done

    plurals=$(_kbq_run schema --list=plurals)
    # the commands and the options that every command takes
    _kbq_help=$(_kbq_run --help)
    _kbq_table=$(_kbq_opts "$_kbq_help")

    # The command: the first word that is not an option or its value.
    for ((i = 1; i < cword; i++)); do
        w=${words[i]}
        if ! $dashdash && [[ $w == -- ]]; then
            dashdash=true
        elif ! $dashdash && [[ $w == -?* ]]; then
            _kbq_known "$w" || _kbq_anytable
            _kbq_valopt "$w" >/dev/null && ((i++))
        else
            cmd=$w cmdat=$i
            break
        fi
    done
    if [[ $cmd ]]; then
        help=$(_kbq_run "$cmd" --help)
        _kbq_table=$(_kbq_opts "$help")
        [[ $'\n'$plurals$'\n' == *$'\n'$cmd$'\n'* ]] && _kbq_kind=$cmd
        for ((i = cmdat + 1; i < cword; i++)); do
            w=${words[i]}
            if $dashdash || [[ $w != -?* ]]; then
                ((++nargs == 1)) && arg1=$w
                [[ $w == *=* ]] && assigned=true
                args+=("$w")
            elif [[ $w == -- ]]; then
                dashdash=true
            else
                _kbq_valopt "$w" >/dev/null && ((i++))
            fi
        done
    fi

    # The value of an option: after it, or after its = (split off by
    # _init_completion -s: prev is then the option).
    if ! $dashdash; then
        [[ -z $cmd && $prev == -?* ]] && ! _kbq_known "$prev" && _kbq_anytable
        if [[ $split == true ]]; then
            while IFS='|' read -r s l v d; do
                if [[ $prev == "$l" && $v ]]; then
                    _kbq_optarg "$s|$l|$v|$d"
                    return
                fi
            done <<<"$_kbq_table"
            return
        fi
        if line=$(_kbq_valopt "$prev"); then
            _kbq_optarg "$line"
            return
        fi
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$(cut -d '|' -f1,2 <<<"$_kbq_table" |
                tr '|' ' ')" -- "$cur"))
            return
        fi
    fi

    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$(_kbq_commands) $plurals" -- "$cur"))
        return
    fi
    # Which argument this is, from the usage line: the n-th placeholder,
    # or the last one that repeats (ID..., [EXPR...]).
    read -r -a synopsis <<<"$(sed -n '1s/.*\[OPTIONS\] *//p' <<<"$help")"
    place=
    for ((i = 0; i < ${#synopsis[@]}; i++)); do
        w=${synopsis[i]//[][]/}
        if [[ $w == *... ]]; then
            place+=" ${w%...}"
            [[ ${synopsis[i + 1]-} == *... ]] || break
        elif ((nargs == i)); then
            place=$w
            break
        fi
    done
    COMPREPLY=()
    # the fields of assignments: of the kind added, or of the first record
    # set
    case $cmd in
        add) _kbq_kind=$arg1 ;;
        set) [[ $arg1 && $arg1 != *=* ]] && _kbq_kind=$(_kbq_run find \
                 "id=$arg1" -o tsv --fields kind | sed -n 2p) ;;
    esac
    # an expression after OLD NEW is about NEW's records
    [[ $cmd != mv && ${synopsis[1]-} == NEW && ${args[1]-} ]] &&
        _kbq_kbopts+=(--kb "${args[1]}")
    for w in $place; do
        case $w in
            OLD | NEW)
                # diff's OLD and NEW are KBs; mv's OLD is an id, its NEW
                # one not yet taken
                if [[ $cmd != mv ]]; then
                    _kbq_kbword
                elif [[ $w == OLD ]]; then
                    COMPREPLY+=($(compgen -W "$(_kbq_run schema --list=ids)" -- "$cur"))
                fi ;;
            EXPR) _kbq_expr ;;
            ASSIGN) _kbq_assign ;;
            ID)
                # no more ids once the assignments began
                [[ $cur == *=* ]] || $assigned ||
                    COMPREPLY+=($(compgen -W "$(_kbq_run schema --list=ids)" -- "$cur")) ;;
            KIND) COMPREPLY+=($(compgen -W \
                "$(_kbq_run schema --list=kinds) $plurals" -- "$cur")) ;;
            COMMAND) COMPREPLY+=($(compgen -W "$(_kbq_commands) $plurals" -- "$cur")) ;;
            FILE | PATH) _filedir ;;
            DIR) _filedir -d ;;
        esac
    done
} &&
    complete -F _kbq kbq

# ex: filetype=sh
