# bash completion for instcite(1): subcommands, their options, and the values
# of --format, --lang, --encoding, --invalid and --layout. Installed as
# share/bash-completion/completions/instcite (loaded on first use), or
# source it from ~/.bashrc.

_instcite() {
    local cur prev cmd i
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}

    local commands="extract graph analyze compare text"
    local inputs="-l --lang -c --catalog --encoding --invalid -j --jobs --from-jsonl -q --quiet"

    # The subcommand: the first word after "instcite" that is not an option.
    cmd=
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        -*) ;;
        *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done

    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return 0
    fi

    # Values of the option just typed.
    case $prev in
    -f | --format)
        local formats
        case $cmd in
        extract) formats="table jsonl json csv" ;;
        graph) formats="graphml gexf json cytoscape dot svg html csv" ;;
        analyze) formats="table json csv" ;;
        compare) formats="table json csv jsonl" ;;
        esac
        COMPREPLY=($(compgen -W "$formats" -- "$cur"))
        return 0
        ;;
    -l | --lang)
        COMPREPLY=($(compgen -W "zh en fr es ru ar" -- "$cur"))
        return 0
        ;;
    --encoding)
        COMPREPLY=($(compgen -W "auto utf-8 utf-16 utf-16le utf-16be gb18030 gbk gb2312 big5
            windows-1252 iso-8859-1 windows-1251 koi8-r windows-1256" -- "$cur"))
        return 0
        ;;
    --invalid)
        COMPREPLY=($(compgen -W "reject replace" -- "$cur"))
        return 0
        ;;
    --layout)
        COMPREPLY=($(compgen -W "force time" -- "$cur"))
        return 0
        ;;
    -j | --jobs | --top | --nearest)
        return 0 # a number
        ;;
    -o | --output | -c | --catalog)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        return 0
        ;;
    esac

    if [[ $cur == -* ]]; then
        local opts
        case $cmd in
        extract) opts="-f --format -o --output $inputs" ;;
        graph) opts="-f --format -o --output --links --layout --timings $inputs" ;;
        analyze) opts="-f --format -o --output --top $inputs" ;;
        compare) opts="-f --format -o --output --matrix --nearest $inputs" ;;
        text) opts="-o --output" ;;
        esac
        COMPREPLY=($(compgen -W "$opts -h --help" -- "$cur"))
        return 0
    fi

    # Inputs: files and directories (--from-jsonl: JSON Lines streams).
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
    return 0
}
complete -F _instcite instcite
