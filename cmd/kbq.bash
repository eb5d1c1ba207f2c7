# bash completion for kbq(1)                              -*- shell-script -*-
#
# Installed as share/bash-completion/completions/kbq, where bash-completion
# loads it the first time kbq is completed.  Nothing about a KB is written
# here: the commands come from `kbq help`, the options from `kbq CMD --help`,
# and the kinds, field names and ids of the current KB from kbq's hidden
# `kbq schema --list=WHAT [KIND]` (plurals, kinds, fields, ids,
# values=FIELD, targets=FIELD: machine lists, one word a line), run with
# the --kb and --schema given earlier on the line; never kbq's tables.
# Revisions for REV:PATH come from git.

# kbq as typed on the line, with the KB options of the line; no stderr.
_kbq_run()
{
    "${_kbq_prog[@]}" "${_kbq_kbopts[@]}" "$@" 2>/dev/null
}

# The command names of `kbq help`, without the KINDS placeholder.
_kbq_commands()
{
    _kbq_run help | awk '/^commands:/ { c = 1; next }
		c && !NF { exit }
		c && $1 != "KINDS" { print $1 }'
}

# The long options `kbq [CMD] --help` prints.
_kbq_options()
{
    _kbq_run "$@" --help | awk '{
		for (i = 1; i <= 2 && i <= NF; i++)
			if ($i ~ /^--[a-z]/) {
				o = $i; sub(/[[,=].*/, "", o); print o
			}
	}'
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

# A word of an expression: a field name (no space after it, an operator
# comes next), a path step after a dot, or a value after = or !=.
_kbq_expr()
{
    local word=$cur field op re='^([^=!~<>?]+)(=|!=)(.*)$'
    if [[ $word == *[=\<\>~?!]* ]]; then
        [[ $word =~ $re ]] || return 0
        field=${BASH_REMATCH[1]} op=${BASH_REMATCH[2]}
        COMPREPLY=($(compgen -P "$field$op" -W "$(_kbq_values "$field")" \
            -- "${BASH_REMATCH[3]}"))
        _kbq_ltrim "$word"
        return
    fi
    if [[ $word == *.* ]]; then
        # after a ref: the fields of the kinds it may name
        COMPREPLY=($(compgen -P "${word%.*}." \
            -W "$(_kbq_path_fields "${word%.*}")" -- "${word##*.}"))
    else
        COMPREPLY=($(compgen -W "$(_kbq_fields) not and or" -- "$word"))
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
        COMPREPLY=("${reply[@]}")
        compopt -o nospace
        _kbq_ltrim "$cur"
        return
    fi
    _filedir
    refs=$(git for-each-ref --format='%(refname:short)' 2>/dev/null) &&
        COMPREPLY+=($(compgen -S : -W "HEAD $refs" -- "$cur")) &&
        compopt -o nospace
}

_kbq()
{
    local cur prev words cword split
    # ':' stays in the word: REV:PATH is one word
    _init_completion -s -n : || return

    local -a _kbq_prog=("${words[0]}") _kbq_kbopts=()
    local _kbq_kind="" cmd="" w i nargs=0 dashdash=false plurals
    local -a args=()
    [[ ${words[0]} == \~/* ]] && _kbq_prog=("$HOME/${words[0]#\~/}")

    # The command and its arguments, skipping options and their values;
    # options may stand anywhere before "--".
    for ((i = 1; i < cword; i++)); do
        w=${words[i]}
        if $dashdash || [[ $w != -?* ]]; then
            if [[ $cmd ]]; then
                ((++nargs))
                args+=("$w")
            else
                cmd=$w
            fi
            continue
        fi
        case $w in
            --) dashdash=true ;;
            --kb | --schema)
                ((i + 1 < cword)) && _kbq_kbopts+=("$w" "${words[i + 1]}")
                ((i++))
                ;;
            --kb=* | --schema=*) _kbq_kbopts+=("$w") ;;
            -o | --output | --fields | --sort | --limit | --as-of | --list | \
                --since)
                ((i++))
                ;;
            --*) ;;
            -[!-]*o) ((i++)) ;;	# a bundle ending in -o: its value follows
        esac
    done
    for i in "${!_kbq_kbopts[@]}"; do
        w=${_kbq_kbopts[i]}
        [[ $w == \~/* ]] && _kbq_kbopts[i]=$HOME/${w#\~/}
        [[ $w == --*=\~/* ]] && _kbq_kbopts[i]=${w%%=*}=$HOME/${w#*=\~/}
    done

    plurals=$(_kbq_run schema --list=plurals)
    if [[ $cmd ]] && [[ $'\n'$plurals$'\n' == *$'\n'$cmd$'\n'* ]]; then
        _kbq_kind=$cmd
    fi

    # The value of an option.
    case $prev in
        -o | --output | -[!-]*o)
            COMPREPLY=($(compgen -W "text tsv csv json jsonl yaml id" \
                -- "$cur"))
            return
            ;;
        --color)
            # only --color=WHEN takes a value
            if [[ $split == true ]]; then
                COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
                return
            fi
            ;;
        --kb)
            _kbq_kbword
            return
            ;;
        --schema)
            _filedir '@(yaml|yml)'
            return
            ;;
        --fields | --sort)
            # a comma-separated list of paths for --fields
            local pre="" words
            [[ $prev == --fields && $cur == *,* ]] && pre=${cur%,*},
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
            return
            ;;
        --limit | --as-of | --list | --since)
            return
            ;;
    esac
    [[ $split == true ]] && return

    if [[ $cur == -* ]] && ! $dashdash; then
        if [[ $cmd ]]; then
            COMPREPLY=($(compgen -W "$(_kbq_options "$cmd")" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_kbq_options)" -- "$cur"))
        fi
        return
    fi

    case $cmd in
        "")
            COMPREPLY=($(compgen -W "$(_kbq_commands) $plurals" -- "$cur"))
            ;;
        help)
            ((nargs == 0)) &&
                COMPREPLY=($(compgen -W "$(_kbq_commands) $plurals" -- "$cur"))
            ;;
        show)
            COMPREPLY=($(compgen -W "$(_kbq_run schema --list=ids)" -- "$cur"))
            ;;
        schema)
            ((nargs == 0)) && COMPREPLY=($(compgen -W \
                "$(_kbq_run schema --list=kinds) $plurals" -- "$cur"))
            ;;
        grep)
            ((nargs > 0)) && _kbq_expr	# the first argument is the regex
            ;;
        find | timeline)
            _kbq_expr
            ;;
        diff)
            # OLD and NEW are KBs, the words after them an expression
            if ((nargs < 2)); then
                _kbq_kbword
            else
                _kbq_kbopts+=(--kb "${args[1]}")	# NEW's fields
                _kbq_expr
            fi
            ;;
        log)
            _kbq_expr
            ;;
        *)
            [[ $_kbq_kind ]] && _kbq_expr
            ;;
    esac
} &&
    complete -F _kbq kbq

# ex: filetype=sh
