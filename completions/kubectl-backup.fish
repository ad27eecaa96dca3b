# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_kubectl_backup_global_optspecs
    string join \n kubeconfig= context= cluster= user= n/namespace= A/all-namespaces as= as-group= s/server= token= insecure-skip-tls-verify request-timeout= o/output= v/verbose no-progress y/yes color= h/help V/version
end

function __fish_kubectl_backup_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_kubectl_backup_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_kubectl_backup_using_subcommand
    set -l cmd (__fish_kubectl_backup_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t''
wide\t''
json\t''
yaml\t''
name\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l color -d 'Colour: auto, always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "version" -d 'Print the client and server versions'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "doctor" -d 'Check what this cluster offers and which mode each capability will use'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "completion" -d 'Print a shell completion script (bash, zsh or fish)'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -s o -l output -d 'Output format' -r -f -a "table\t''
wide\t''
json\t''
yaml\t''
name\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l color -d 'Colour: auto, always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l client -d 'Print only the client version, without contacting the cluster'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -s o -l output -d 'Output format' -r -f -a "table\t''
wide\t''
json\t''
yaml\t''
name\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l color -d 'Colour: auto, always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -s o -l output -d 'Output format' -r -f -a "table\t''
wide\t''
json\t''
yaml\t''
name\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l color -d 'Colour: auto, always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion help" -f -a "version" -d 'Print the client and server versions'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion help" -f -a "doctor" -d 'Check what this cluster offers and which mode each capability will use'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion help" -f -a "completion" -d 'Print a shell completion script (bash, zsh or fish)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
