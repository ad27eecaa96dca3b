#compdef kubectl-backup

autoload -U is-at-least

_kubectl-backup() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Path to the kubeconfig file (default\: \$KUBECONFIG, whose paths are merged, then ~/.kube/config)]:PATH:_files' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'-n+[Namespace to work in (default\: the context'\''s namespace, else "default")]:NS:_default' \
'--namespace=[Namespace to work in (default\: the context'\''s namespace, else "default")]:NS:_default' \
'--as=[Username to impersonate for the operation]:USER:_default' \
'*--as-group=[Group to impersonate for the operation (repeatable)]:GROUP:_default' \
'-s+[The address of the Kubernetes API server (overrides the kubeconfig)]:URL:_default' \
'--server=[The address of the Kubernetes API server (overrides the kubeconfig)]:URL:_default' \
'--token=[Bearer token for authentication to the API server]:TOKEN:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format]:FORMAT:(table wide json yaml name)' \
'--output=[Output format]:FORMAT:(table wide json yaml name)' \
'--color=[Colour\: auto, always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'*-v[More detail on stderr (repeat for more)]' \
'*--verbose[More detail on stderr (repeat for more)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-backup_commands" \
"*::: :->kubectl-backup" \
&& ret=0
    case $state in
    (kubectl-backup)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-command-$line[1]:"
        case $line[1] in
            (version)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Path to the kubeconfig file (default\: \$KUBECONFIG, whose paths are merged, then ~/.kube/config)]:PATH:_files' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'-n+[Namespace to work in (default\: the context'\''s namespace, else "default")]:NS:_default' \
'--namespace=[Namespace to work in (default\: the context'\''s namespace, else "default")]:NS:_default' \
'--as=[Username to impersonate for the operation]:USER:_default' \
'*--as-group=[Group to impersonate for the operation (repeatable)]:GROUP:_default' \
'-s+[The address of the Kubernetes API server (overrides the kubeconfig)]:URL:_default' \
'--server=[The address of the Kubernetes API server (overrides the kubeconfig)]:URL:_default' \
'--token=[Bearer token for authentication to the API server]:TOKEN:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format]:FORMAT:(table wide json yaml name)' \
'--output=[Output format]:FORMAT:(table wide json yaml name)' \
'--color=[Colour\: auto, always or never]:COLOR:(auto always never)' \
'--client[Print only the client version, without contacting the cluster]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'*-v[More detail on stderr (repeat for more)]' \
'*--verbose[More detail on stderr (repeat for more)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(doctor)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Path to the kubeconfig file (default\: \$KUBECONFIG, whose paths are merged, then ~/.kube/config)]:PATH:_files' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'-n+[Namespace to work in (default\: the context'\''s namespace, else "default")]:NS:_default' \
'--namespace=[Namespace to work in (default\: the context'\''s namespace, else "default")]:NS:_default' \
'--as=[Username to impersonate for the operation]:USER:_default' \
'*--as-group=[Group to impersonate for the operation (repeatable)]:GROUP:_default' \
'-s+[The address of the Kubernetes API server (overrides the kubeconfig)]:URL:_default' \
'--server=[The address of the Kubernetes API server (overrides the kubeconfig)]:URL:_default' \
'--token=[Bearer token for authentication to the API server]:TOKEN:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format]:FORMAT:(table wide json yaml name)' \
'--output=[Output format]:FORMAT:(table wide json yaml name)' \
'--color=[Colour\: auto, always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'*-v[More detail on stderr (repeat for more)]' \
'*--verbose[More detail on stderr (repeat for more)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(completion)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Path to the kubeconfig file (default\: \$KUBECONFIG, whose paths are merged, then ~/.kube/config)]:PATH:_files' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'-n+[Namespace to work in (default\: the context'\''s namespace, else "default")]:NS:_default' \
'--namespace=[Namespace to work in (default\: the context'\''s namespace, else "default")]:NS:_default' \
'--as=[Username to impersonate for the operation]:USER:_default' \
'*--as-group=[Group to impersonate for the operation (repeatable)]:GROUP:_default' \
'-s+[The address of the Kubernetes API server (overrides the kubeconfig)]:URL:_default' \
'--server=[The address of the Kubernetes API server (overrides the kubeconfig)]:URL:_default' \
'--token=[Bearer token for authentication to the API server]:TOKEN:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format]:FORMAT:(table wide json yaml name)' \
'--output=[Output format]:FORMAT:(table wide json yaml name)' \
'--color=[Colour\: auto, always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'*-v[More detail on stderr (repeat for more)]' \
'*--verbose[More detail on stderr (repeat for more)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':shell -- The shell to print a completion script for:(bash zsh fish)' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-help-command-$line[1]:"
        case $line[1] in
            (version)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(doctor)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(completion)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_kubectl-backup_commands] )) ||
_kubectl-backup_commands() {
    local commands; commands=(
'version:Print the client and server versions' \
'doctor:Check what this cluster offers and which mode each capability will use' \
'completion:Print a shell completion script (bash, zsh or fish)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__completion_commands] )) ||
_kubectl-backup__subcmd__completion_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup completion commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__doctor_commands] )) ||
_kubectl-backup__subcmd__doctor_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup doctor commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__help_commands() {
    local commands; commands=(
'version:Print the client and server versions' \
'doctor:Check what this cluster offers and which mode each capability will use' \
'completion:Print a shell completion script (bash, zsh or fish)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__completion_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__completion_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help completion commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__doctor_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__doctor_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help doctor commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__version_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__version_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help version commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__version_commands] )) ||
_kubectl-backup__subcmd__version_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup version commands' commands "$@"
}

if [ "$funcstack[1]" = "_kubectl-backup" ]; then
    _kubectl-backup "$@"
else
    compdef _kubectl-backup kubectl-backup
fi
