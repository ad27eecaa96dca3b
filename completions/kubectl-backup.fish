# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_kubectl_backup_global_optspecs
    string join \n kubeconfig= context= cluster= user= n/namespace= A/all-namespaces as= as-group= s/server= token= as-uid= certificate-authority= client-certificate= client-key= tls-server-name= insecure-skip-tls-verify disable-compression request-timeout= o/output= no-headers show-labels v/verbose kubectl-verbosity= no-progress y/yes color= h/help V/version
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
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "version" -d 'Print the client and server versions'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "doctor" -d 'Check what this cluster offers and which mode each capability will use'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "completion" -d 'Print a shell completion script (bash, zsh or fish)'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "blueprint" -d 'Kanister Blueprints: apply, list, get, delete, validate, render'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "etcd" -d 'etcd snapshots: save from a live member, status and inventory offline'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "profile" -d 'Profiles: where backups go (Kanister Profiles, or labelled Secrets without Kanister)'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "location" -d 'Push, pull and delete objects in a profile\'s location (like `kando location`)'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "actionset" -d 'Kanister ActionSets: create (run client-side or by the controller), list, describe, watch, delete'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "migrate" -d 'Move ConfigMap Blueprints, Secret Profiles and ActionSet records kept without Kanister\'s CRDs into Kanister\'s resources'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "snapshot" -d 'Velero-compatible resource snapshots: create, list, describe, download, delete'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "restore" -d 'Restore a resource snapshot (same as `snapshot restore`)'
complete -c kubectl-backup -n "__fish_kubectl_backup_needs_command" -f -a "schedule" -d 'Scheduled backups: snapshots, ActionSets and etcd snapshots on a timetable, with retention'
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
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l client -d 'Print only the client version, without contacting the cluster'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand version" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
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
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand doctor" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
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
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand completion" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -f -a "apply" -d 'Create or update a Blueprint from a file, after validating it (invalid ones are refused)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -f -a "list" -d 'List Blueprints'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -f -a "get" -d 'Show one Blueprint (-o yaml for the whole object)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -f -a "delete" -d 'Delete Blueprints'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -f -a "validate" -d 'Check a Blueprint for every mistake Kanister would only hit mid-backup'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -f -a "render" -d 'Show what each phase of an action would run, with its arguments rendered'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and not __fish_seen_subcommand_from apply list get delete validate render help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -s f -l filename -d 'The Blueprint YAML file (`-` for stdin)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l dry-run -d 'Validate and print the object that would be stored, without contacting the cluster (client, also a bare --dry-run), or have the API server admit it and store nothing (server)' -r -f -a "none\t''
client\t''
server\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from apply" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l ignore-not-found -d 'Succeed when a Blueprint does not exist'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -s f -l filename -d 'Blueprint YAML files (`-` for stdin); repeatable' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from validate" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -s f -l filename -d 'The Blueprint YAML file (`-` for stdin)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -s a -l action -d 'The action to render (backup, restore, delete, …)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l statefulset -d 'StatefulSet to act on (repeatable, or comma-separated)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l deployment -d 'Deployment to act on' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l deploymentconfig -d 'OpenShift DeploymentConfig to act on' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l pvc -d 'PersistentVolumeClaim to act on' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l namespace-target -l namespacetargets -d 'Namespace to act on (kanctl\'s --namespacetargets; -n/--namespace picks where the Blueprint lives)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l object -l objects -d 'Any other object: GROUP/VERSION/RESOURCE/NS/NAME (core API: VERSION/RESOURCE/NS/NAME)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l profile -d 'Profile giving the backup location: NAME (in the -n namespace) or NS/NAME' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l secrets -d 'Secrets exposed as .Secrets.KEY (repeatable, or comma-separated)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l config-maps -d 'ConfigMaps exposed as .ConfigMaps.KEY' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l options -d 'Options exposed as .Options.KEY' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l artifacts -d 'Input artifacts exposed as .ArtifactsIn.NAME.KeyValue.KEY (NAME.kopiaSnapshot=… for a Kopia snapshot)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l time -d 'The value of .Time (RFC 3339), for reproducible output (default: now)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l show-secrets -d 'Show Secret values and Profile credentials instead of <redacted>'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from render" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Create or update a Blueprint from a file, after validating it (invalid ones are refused)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from help" -f -a "list" -d 'List Blueprints'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one Blueprint (-o yaml for the whole object)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete Blueprints'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Check a Blueprint for every mistake Kanister would only hit mid-backup'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from help" -f -a "render" -d 'Show what each phase of an action would run, with its arguments rendered'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand blueprint; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -f -a "save" -d 'Stream a snapshot from one etcd member into FILE (verified, fsynced, never partial)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -f -a "status" -d 'Hash, revision, keys, size and trailer check of a snapshot file (offline, read-only)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -f -a "inspect" -d 'List the Kubernetes objects inside a snapshot, or print one (offline, read-only)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -f -a "restore" -d 'Turn a snapshot into the data dir of a member of a new cluster (native, like etcdutl snapshot restore)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -f -a "repoint" -d 'Point a kubeadm etcd static pod\'s etcd-data volume at a restored data dir'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and not __fish_seen_subcommand_from save status inspect restore repoint help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l endpoints -d 'The etcd member to talk to (one URL; default 127.0.0.1:2379, https when TLS files are given)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l cacert -d 'CA certificate that signed etcd\'s serving certificate' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l cert -d 'Client certificate (any certificate signed by the etcd CA)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l key -d 'Client certificate\'s private key' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l user -d 'etcd user, as NAME or NAME:PASSWORD (only when etcd auth is on; needs the root role)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l password -d 'Password for --user (prompted for when missing and a terminal is attached)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l dial-timeout -d 'Time allowed to connect (the transfer itself has no deadline)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l node -d 'With --from-cluster: the node whose etcd member to use (default: this machine)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l profile -d 'Upload the snapshot to this profile\'s object storage instead of keeping it on disk; FILE becomes the object\'s path under the profile\'s prefix' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l from-cluster -d 'Find the endpoint and certificate files from the kube-system etcd static pod, read through the API (run on that control-plane node). Replaces --endpoints; --cacert/--cert/--key still override the pod\'s files'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l keep-local -d 'With --profile: also keep FILE on disk'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from save" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l skip-hash-check -d 'Report a SHA-256 trailer mismatch instead of refusing the file'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l prefix -d 'Only keys starting with this (e.g. /registry/deployments/ or /registry/cert-manager.io/)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l get -d 'Print one object as YAML (or -o json): a full key, or TYPE/[NAMESPACE/]NAME where TYPE is any name kubectl accepts (deployments, deployments.apps, deploy, Deployment, a custom resource\'s names); without NAMESPACE, -n or "default"' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l revision -d 'Show the state as of this revision instead of the snapshot\'s last one' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l etcd-prefix -d 'The API server\'s --etcd-prefix' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l show-secrets -d 'Print Secret values (redacted by default, also in the last-applied annotation)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l show-managed-fields -d 'Keep metadata.managedFields in --get output (hidden by default, as kubectl does)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l for-apply -d 'With --get: leave out what the server sets (uid, resourceVersion, timestamps, status, allocated cluster IPs, generated Job selectors, owner references) so that `kubectl apply` or `kubectl create` recreates the object'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l diff-live -d 'List the objects (under --prefix) that were changed, deleted or created in the live cluster since the snapshot; uses the cluster-access flags'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l skip-hash-check -d 'Read a snapshot whose SHA-256 trailer or structure check fails (as `status` and `restore` would refuse it), with a warning'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l data-dir -d 'Data dir to create (must be missing or empty); point the member at it afterwards' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l from-manifest -d 'Take --name, --initial-cluster, --initial-cluster-token and --initial-advertise-peer-urls from a kubeadm etcd static pod manifest (flags given here still win)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l name -d 'Member name (etcd\'s default: default)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l initial-cluster -d 'Every member of the new cluster (default: default=http://localhost:2380)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l initial-cluster-token -d 'Cluster token (default: etcd-cluster; kubeadm never sets one)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l initial-advertise-peer-urls -d 'This member\'s peer URLs; must match its entry in --initial-cluster (default: http://localhost:2380)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l bump-revision -d 'Start the restored member N revisions after the snapshot\'s (needs --mark-compacted)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l skip-hash-check -d 'Restore a file without a SHA-256 trailer, or whose trailer does not match'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l mark-compacted -d 'Mark the bumped revision compacted so watchers (Kubernetes informers) re-list'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l manifest -d 'The etcd static pod manifest to edit' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l data-dir -d 'The restored data dir (absolute host path) the etcd-data volume should point at' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l backup-dir -d 'Where to keep a copy of the old manifest (default: the manifests folder\'s parent; never the manifests folder itself)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l dry-run -d 'Show the change as a diff and write nothing'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from repoint" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from help" -f -a "save" -d 'Stream a snapshot from one etcd member into FILE (verified, fsynced, never partial)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from help" -f -a "status" -d 'Hash, revision, keys, size and trailer check of a snapshot file (offline, read-only)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'List the Kubernetes objects inside a snapshot, or print one (offline, read-only)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Turn a snapshot into the data dir of a member of a new cluster (native, like etcdutl snapshot restore)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from help" -f -a "repoint" -d 'Point a kubeadm etcd static pod\'s etcd-data volume at a restored data dir'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand etcd; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -f -a "create" -d 'Create a profile (a Kanister Profile and its credential Secret, like `kanctl create profile`)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -f -a "list" -d 'List profiles'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -f -a "get" -d 'Show one profile (-o json|yaml for the whole object; credentials are never shown)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -f -a "describe" -d 'Show a profile in detail, with where its credentials come from'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -f -a "delete" -d 'Delete profiles, and the credential Secrets kubectl-backup created for them'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -f -a "validate" -d 'Check that a profile works: credentials, endpoint, bucket, and a probe object written, read back and deleted'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and not __fish_seen_subcommand_from create list get describe delete validate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -f -a "s3compliant" -d 'An S3-compatible object store (AWS S3, MinIO, Ceph, …)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -f -a "gcs" -d 'Google Cloud Storage'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -f -a "azure" -d 'Azure Blob Storage'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -f -a "local" -d 'A directory (kubectl-backup only: Kanister has no such location type)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from create" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l keep-secret -d 'Keep the credential Secret even when kubectl-backup created it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l ignore-not-found -d 'Succeed when a profile does not exist'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l location -d 'A Velero BackupStorageLocation `[namespace/]name` instead of a profile' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from validate" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a profile (a Kanister Profile and its credential Secret, like `kanctl create profile`)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List profiles'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one profile (-o json|yaml for the whole object; credentials are never shown)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a profile in detail, with where its credentials come from'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete profiles, and the credential Secrets kubectl-backup created for them'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Check that a profile works: credentials, endpoint, bucket, and a probe object written, read back and deleted'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -f -a "push" -d 'Upload a file (or stdin with `-`) to PREFIX/PATH'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -f -a "pull" -d 'Download PREFIX/PATH to a file (or stdout with `-`)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -f -a "delete" -d 'Delete PREFIX/PATH and everything under PREFIX/PATH/'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and not __fish_seen_subcommand_from push pull delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l profile -d 'Profile `[namespace/]name` (a Kanister Profile or a kubectl-backup profile). Without --profile or --location: the local directory $XDG_DATA_HOME/kubectl-backup' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l location -d 'Velero BackupStorageLocation `[namespace/]name` (namespace defaults to velero)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l path -d 'Object path, joined to the destination\'s prefix (like `kando --path`)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l profile -d 'Profile `[namespace/]name` (a Kanister Profile or a kubectl-backup profile). Without --profile or --location: the local directory $XDG_DATA_HOME/kubectl-backup' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l location -d 'Velero BackupStorageLocation `[namespace/]name` (namespace defaults to velero)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l path -d 'Object path, joined to the destination\'s prefix (like `kando --path`)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from pull" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l profile -d 'Profile `[namespace/]name` (a Kanister Profile or a kubectl-backup profile). Without --profile or --location: the local directory $XDG_DATA_HOME/kubectl-backup' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l location -d 'Velero BackupStorageLocation `[namespace/]name` (namespace defaults to velero)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l path -d 'Object path, joined to the destination\'s prefix (like `kando --path`)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l prefix-match -d 'Delete every key that merely starts with the path, like `kando location delete` (`--path a/b` then also deletes `a/bc`)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from help" -f -a "push" -d 'Upload a file (or stdin with `-`) to PREFIX/PATH'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from help" -f -a "pull" -d 'Download PREFIX/PATH to a file (or stdout with `-`)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete PREFIX/PATH and everything under PREFIX/PATH/'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand location; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -f -a "create" -d 'Create an ActionSet (kanctl create actionset) and run or follow it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -f -a "list" -d 'List ActionSets'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -f -a "describe" -d 'Show an ActionSet\'s actions, phases, outputs, artifacts and error'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -f -a "watch" -d 'Follow an ActionSet until it completes or fails'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -f -a "delete" -d 'Delete ActionSets'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and not __fish_seen_subcommand_from create list describe watch delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -s a -l action -d 'Blueprint action to run (backup, restore, delete, …)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -s b -l blueprint -d 'Blueprint name (in the ActionSet\'s namespace)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l name -d 'ActionSet name (default: kanctl\'s <action>-<random>)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -s f -l from -d 'Parent ActionSet: its artifacts become the inputs (it must be complete)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l statefulset -d 'StatefulSet to act on (repeatable, or comma-separated)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l deployment -d 'Deployment to act on' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l deploymentconfig -d 'OpenShift DeploymentConfig to act on' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l pvc -d 'PersistentVolumeClaim to act on' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l namespace-target -l namespacetargets -d 'Namespace to act on (kanctl\'s --namespacetargets; -n/--namespace picks where the Blueprint lives)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l object -l objects -d 'Any other object: GROUP/VERSION/RESOURCE/NS/NAME (core API: VERSION/RESOURCE/NS/NAME)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l profile -d 'Profile giving the backup location: NAME (in the -n namespace) or NS/NAME' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l secrets -d 'Secrets exposed as .Secrets.KEY (repeatable, or comma-separated)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l config-maps -d 'ConfigMaps exposed as .ConfigMaps.KEY' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l options -d 'Options exposed as .Options.KEY' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l artifacts -d 'Input artifacts exposed as .ArtifactsIn.NAME.KeyValue.KEY (NAME.kopiaSnapshot=… for a Kopia snapshot)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -s l -l selector -d 'Also act on every object matching this label selector (kanctl\'s --selector): one action per object' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -s k -l kind -d 'Kind of object --selector picks (all: deployments, statefulsets, deploymentconfigs, pvcs)' -r -f -a "all\t'Deployments, StatefulSets, DeploymentConfigs and PVCs'
deployment\t''
statefulset\t''
deploymentconfig\t''
pvc\t''
namespace\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l selector-namespace -d 'Namespace --selector searches (default: all namespaces)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l labels -d 'Labels on the ActionSet itself (repeatable, or comma-separated)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l pod-override -d 'Strategic-merge patch (JSON or YAML) for every pod the functions create' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l podlabels -d 'Labels for the pods the functions create' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l podannotations -d 'Annotations for the pods the functions create' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l mode -r -f -a "auto\t'The controller when one runs, else client-side'
controller\t'Create the ActionSet for the Kanister controller and follow it'
client\t'Execute the actions here'"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l dry-run -d 'Print the ActionSet instead of creating it (client, also a bare --dry-run), or have the API server admit it without storing or running it (server)' -r -f -a "none\t''
client\t''
server\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l skip-validation -d 'Create the ActionSet without checking that its blueprint, objects, secrets, config maps and profile exist'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l wait -d 'Wait for the ActionSet to finish (client-side runs always wait)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l logs -d 'Client-side: stream the task pods\' logs and exec output to stderr (separate from `-v`, whose HTTP trace is not needed to see them)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l profile -d 'Without Kanister\'s CRDs: read the records kept with this profile\'s data only (default: every profile you can read, and the local default)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l profile -d 'Without Kanister\'s CRDs: read the records kept with this profile\'s data only (default: every profile you can read, and the local default)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l profile -d 'Without Kanister\'s CRDs: read the records kept with this profile\'s data only (default: every profile you can read, and the local default)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from watch" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l profile -d 'Without Kanister\'s CRDs: read the records kept with this profile\'s data only (default: every profile you can read, and the local default)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an ActionSet (kanctl create actionset) and run or follow it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from help" -f -a "list" -d 'List ActionSets'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show an ActionSet\'s actions, phases, outputs, artifacts and error'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Follow an ActionSet until it completes or fails'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete ActionSets'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand actionset; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l dry-run -d 'Show what would move, change nothing'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand migrate" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -f -a "create" -d 'Back up Kubernetes resources in Velero\'s format (through Velero when it is installed)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -f -a "list" -d 'List backups in the storage location and the cluster\'s Velero Backups'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -f -a "describe" -d 'Show a backup\'s settings, status, warnings and (with --details) its resources'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -f -a "download" -d 'Download a backup\'s tarball and verify it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -f -a "delete" -d 'Delete a backup (through a DeleteBackupRequest when Velero owns it)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -f -a "restore" -d 'Restore a backup into the cluster (Velero\'s order and fixes, non-destructive by default)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -f -a "prune" -d 'Delete expired backups and keep the newest N per schedule (--dry-run lists them)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and not __fish_seen_subcommand_from create list describe download delete restore prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l include-namespaces -d 'Namespaces to include (comma-separated globs; default: all)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l exclude-namespaces -d 'Namespaces to exclude (comma-separated globs)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l include-resources -d 'Resource types to include (resource, resource.group, kind or short name; globs; default: all)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l exclude-resources -d 'Resource types to exclude' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -s l -l selector -d 'Only back up objects matching this label selector (kubectl syntax)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l labels -d 'Labels to put on the backup (comma-separated KEY=VALUE), as `velero backup create --labels`' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l include-cluster-resources -d 'Cluster-scoped resources: true (all), false (none, not even related ones) or auto (all for an all-namespaces backup, else only those related to backed-up items)' -r -f -a "true\t''
false\t''
auto\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l profile -d 'Profile `[NS/]NAME` (a Kanister Profile or a kubectl-backup profile); client-side only' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l location -d 'Velero BackupStorageLocation `[NS/]NAME` (default: the local directory $XDG_DATA_HOME/kubectl-backup, or Velero\'s default location in controller mode)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l ttl -d 'How long to keep the backup (Go duration)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l wait -d 'Follow a Velero-run backup to the end (default); --wait=false returns once it is submitted' -r -f -a "true\t''
false\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l mode -d 'Who does the work' -r -f -a "auto\t'Velero when it is installed with an Available storage location, else client-side'
controller\t'Create a Velero Backup and follow it'
client\t'Collect and upload from this machine'"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l page-size -d 'Items per LIST request (client-side)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l concurrency -d 'Resource lists run at once (client-side)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l dry-run -d 'Show the Backup that would be made and write nothing (client, also a bare --dry-run), or have the API server admit Velero\'s Backup without storing it (server; Velero only)' -r -f -a "none\t''
client\t''
server\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l profile -d 'Profile `[NS/]NAME` (a Kanister Profile or a kubectl-backup profile); client-side only' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l location -d 'Velero BackupStorageLocation `[NS/]NAME` (default: the local directory $XDG_DATA_HOME/kubectl-backup, or Velero\'s default location in controller mode)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l profile -d 'Profile `[NS/]NAME` (a Kanister Profile or a kubectl-backup profile); client-side only' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l location -d 'Velero BackupStorageLocation `[NS/]NAME` (default: the local directory $XDG_DATA_HOME/kubectl-backup, or Velero\'s default location in controller mode)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l details -d 'Also list the backed-up resources per type and namespace'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l file -d 'Where to write the tarball (default: ./NAME-data.tar.gz)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l profile -d 'Profile `[NS/]NAME` (a Kanister Profile or a kubectl-backup profile); client-side only' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l location -d 'Velero BackupStorageLocation `[NS/]NAME` (default: the local directory $XDG_DATA_HOME/kubectl-backup, or Velero\'s default location in controller mode)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l force -d 'Overwrite an existing file'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l allow-incomplete -d 'Download a backup without (or with a corrupt) velero-backup.json; the tarball is still verified'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from download" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l profile -d 'Profile `[NS/]NAME` (a Kanister Profile or a kubectl-backup profile); client-side only' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l location -d 'Velero BackupStorageLocation `[NS/]NAME` (default: the local directory $XDG_DATA_HOME/kubectl-backup, or Velero\'s default location in controller mode)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l wait -d 'For a Velero-owned backup: wait until Velero has removed it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l restore-name -d 'Name of this restore (default: BACKUP-YYYYMMDDHHMMSS)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l include-namespaces -d 'Namespaces to restore, by their name in the backup (comma-separated globs; default: all)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l exclude-namespaces -d 'Namespaces not to restore (comma-separated globs)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l include-resources -d 'Resource types to restore (`deployments`, `deployments.apps`, globs; default: all)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l exclude-resources -d 'Resource types not to restore' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l include-cluster-resources -d 'Restore cluster-scoped resources' -r -f -a "true\t''
false\t''
auto\t'Cluster-scoped items only when every namespace is restored, else only the CRDs and PVs the restored namespaces need (Velero\'s default)'"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -s l -l selector -d 'Only items whose labels match this selector (`app=web,tier!=db`)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l namespace-mappings -d 'Restore namespaces under other names: SOURCE:TARGET,…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l existing-resource-policy -d 'What to do with objects that already exist' -r -f -a "none\t'Never change an existing object; report each one that differs'
update\t'Merge-patch existing objects that differ from the backup'"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l restore-resource-priorities -d 'Replace Velero\'s resource priority list (comma-separated; CRDs still go first)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l status-include-resources -d 'Restore `.status` of these types too (comma-separated; \'*\' for all)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l status-exclude-resources -d 'Types whose `.status` is not restored' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l mode -d 'Who does the work' -r -f -a "auto\t'Through Velero when it is installed, has an Available location and knows the backup; else client-side'
controller\t'Create a Velero Restore (and follow it with --wait)'
client\t'Restore from this machine'"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l concurrency -d 'Objects created at once within a resource type (client-side) [default: 32]' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l crd-timeout -d 'How long to wait for restored CRDs to be Established (client-side) [default: 10m]' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l namespace-timeout -d 'How long to wait for a target namespace that is being deleted (client-side) [default: 10m]' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l profile -d 'Profile `[NS/]NAME` (a Kanister Profile or a kubectl-backup profile); client-side only' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l location -d 'Velero BackupStorageLocation `[NS/]NAME` (default: the local directory $XDG_DATA_HOME/kubectl-backup, or Velero\'s default location in controller mode)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l preserve-node-ports -d 'Keep Services\' nodePorts'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l dry-run -d 'Print what would be created, skipped or changed (with the differences); change nothing (client-side)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l allow-incomplete -d 'Restore a backup without (or with a corrupt) velero-backup.json; its tarball is still verified before anything is created'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l wait -d 'Through Velero: follow the Restore until it ends (without it, submit and return)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l schedule -d 'Only backups of this schedule (their `velero.io/schedule-name` label)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l keep-last -d 'Keep the newest N complete backups of each schedule, even before they expire' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l profile -d 'Profile `[NS/]NAME` (a Kanister Profile or a kubectl-backup profile); client-side only' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l location -d 'Velero BackupStorageLocation `[NS/]NAME` (default: the local directory $XDG_DATA_HOME/kubectl-backup, or Velero\'s default location in controller mode)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l dry-run -d 'List what would be deleted, delete nothing'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "create" -d 'Back up Kubernetes resources in Velero\'s format (through Velero when it is installed)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "list" -d 'List backups in the storage location and the cluster\'s Velero Backups'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a backup\'s settings, status, warnings and (with --details) its resources'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "download" -d 'Download a backup\'s tarball and verify it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a backup (through a DeleteBackupRequest when Velero owns it)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Restore a backup into the cluster (Velero\'s order and fixes, non-destructive by default)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete expired backups and keep the newest N per schedule (--dry-run lists them)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l restore-name -d 'Name of this restore (default: BACKUP-YYYYMMDDHHMMSS)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l include-namespaces -d 'Namespaces to restore, by their name in the backup (comma-separated globs; default: all)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l exclude-namespaces -d 'Namespaces not to restore (comma-separated globs)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l include-resources -d 'Resource types to restore (`deployments`, `deployments.apps`, globs; default: all)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l exclude-resources -d 'Resource types not to restore' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l include-cluster-resources -d 'Restore cluster-scoped resources' -r -f -a "true\t''
false\t''
auto\t'Cluster-scoped items only when every namespace is restored, else only the CRDs and PVs the restored namespaces need (Velero\'s default)'"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -s l -l selector -d 'Only items whose labels match this selector (`app=web,tier!=db`)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l namespace-mappings -d 'Restore namespaces under other names: SOURCE:TARGET,…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l existing-resource-policy -d 'What to do with objects that already exist' -r -f -a "none\t'Never change an existing object; report each one that differs'
update\t'Merge-patch existing objects that differ from the backup'"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l restore-resource-priorities -d 'Replace Velero\'s resource priority list (comma-separated; CRDs still go first)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l status-include-resources -d 'Restore `.status` of these types too (comma-separated; \'*\' for all)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l status-exclude-resources -d 'Types whose `.status` is not restored' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l mode -d 'Who does the work' -r -f -a "auto\t'Through Velero when it is installed, has an Available location and knows the backup; else client-side'
controller\t'Create a Velero Restore (and follow it with --wait)'
client\t'Restore from this machine'"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l concurrency -d 'Objects created at once within a resource type (client-side) [default: 32]' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l crd-timeout -d 'How long to wait for restored CRDs to be Established (client-side) [default: 10m]' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l namespace-timeout -d 'How long to wait for a target namespace that is being deleted (client-side) [default: 10m]' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l profile -d 'Profile `[NS/]NAME` (a Kanister Profile or a kubectl-backup profile); client-side only' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l location -d 'Velero BackupStorageLocation `[NS/]NAME` (default: the local directory $XDG_DATA_HOME/kubectl-backup, or Velero\'s default location in controller mode)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l preserve-node-ports -d 'Keep Services\' nodePorts'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l dry-run -d 'Print what would be created, skipped or changed (with the differences); change nothing (client-side)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l allow-incomplete -d 'Restore a backup without (or with a corrupt) velero-backup.json; its tarball is still verified before anything is created'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l wait -d 'Through Velero: follow the Restore until it ends (without it, submit and return)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand restore" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -f -a "create" -d 'Run `snapshot create`, `actionset create` or `etcd save` on a timetable'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -f -a "list" -d 'List schedules (ours and Velero\'s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -f -a "describe" -d 'Show a schedule: its work, last runs and their outcome, the next run'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -f -a "pause" -d 'Stop starting runs (a running one finishes)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -f -a "resume" -d 'Start runs again'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -f -a "delete" -d 'Delete a schedule, its ServiceAccount and RBAC (its backups stay)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -f -a "run-now" -d 'Start a run now, outside the timetable'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -f -a "job" -d 'Run one scheduled job (what the CronJob\'s pod runs)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause resume delete run-now job help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l schedule -d 'When to run: a cron expression ("0 1 * * *") or @hourly, @daily, @weekly, @monthly' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l time-zone -d 'Time zone of the cron expression (an IANA name, e.g. Europe/Berlin; default UTC)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l keep-last -d 'After each run, keep the newest N complete backups of this schedule (expired ones always go)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l image -d 'Image of the job (the static plugin binary as `kubectl-backup` on PATH)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l image-pull-policy -d 'Image pull policy of the job\'s container' -r -f -a "Always\t''
IfNotPresent\t''
Never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l env -d 'Environment of the job, e.g. HTTPS_PROXY=http://proxy:3128 (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l mode -d 'Who runs it' -r -f -a "auto\t'Velero for resource snapshots to a Velero location when Velero runs, else a CronJob'
controller\t'A Velero Schedule (resource snapshots only)'
client\t'A CronJob running this plugin in a pod'"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l dry-run -d 'Print the objects that would be created (ServiceAccount, RBAC, CronJob) and create nothing; `--dry-run=server` also has the API server admit them' -r -f -a "client\t''
server\t''
none\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l host-network -d 'Run the job\'s pod on the host network (etcd schedules always do)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l paused -d 'Create it paused'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l timeout -d 'With --wait: give up waiting after this long (the run goes on)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l wait -d 'Wait for the run to finish and print its log if it fails'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from run-now" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l keep-last -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -s n -l namespace -d 'Namespace to work in (default: the context\'s namespace, else "default")' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l as -d 'Username to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l as-group -d 'Group to impersonate for the operation (repeatable)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -s s -l server -d 'The address of the Kubernetes API server (overrides the kubeconfig)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l token -d 'Bearer token for authentication to the API server' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l as-uid -d 'UID to impersonate for the operation' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l certificate-authority -d 'Path to a PEM file of certificate authorities (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l client-certificate -d 'Path to a client certificate file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l client-key -d 'Path to a client key file for TLS (replaces the kubeconfig\'s)' -r -F
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l tls-server-name -d 'Server name to check the server certificate against (default: the server\'s host name)' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l request-timeout -d 'How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -s o -l output -d 'Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l kubectl-verbosity -d 'kubectl\'s numeric level; `-v=N` and `--v=N` are rewritten to this before parsing' -r
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l color -d 'Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -s A -l all-namespaces -d 'Work across all namespaces, where the command supports it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l insecure-skip-tls-verify -d 'Don\'t check the server\'s certificate (insecure)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l disable-compression -d 'Ask the API server for uncompressed responses'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l no-headers -d 'Don\'t print the header line of tables and custom columns'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l show-labels -d 'Show each object\'s labels as the last column of a table'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -s v -l verbose -d 'More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl\'s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -l no-progress -d 'Don\'t draw progress bars (they are also off when stderr is not a terminal)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -s y -l yes -d 'Answer yes to every confirmation and skip interactive pickers'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -s h -l help -d 'Print help'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from job" -s V -l version -d 'Print version'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "create" -d 'Run `snapshot create`, `actionset create` or `etcd save` on a timetable'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "list" -d 'List schedules (ours and Velero\'s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a schedule: its work, last runs and their outcome, the next run'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Stop starting runs (a running one finishes)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Start runs again'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a schedule, its ServiceAccount and RBAC (its backups stay)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "run-now" -d 'Start a run now, outside the timetable'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "job" -d 'Run one scheduled job (what the CronJob\'s pod runs)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion blueprint etcd profile location actionset migrate snapshot restore schedule help" -f -a "version" -d 'Print the client and server versions'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion blueprint etcd profile location actionset migrate snapshot restore schedule help" -f -a "doctor" -d 'Check what this cluster offers and which mode each capability will use'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion blueprint etcd profile location actionset migrate snapshot restore schedule help" -f -a "completion" -d 'Print a shell completion script (bash, zsh or fish)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion blueprint etcd profile location actionset migrate snapshot restore schedule help" -f -a "blueprint" -d 'Kanister Blueprints: apply, list, get, delete, validate, render'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion blueprint etcd profile location actionset migrate snapshot restore schedule help" -f -a "etcd" -d 'etcd snapshots: save from a live member, status and inventory offline'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion blueprint etcd profile location actionset migrate snapshot restore schedule help" -f -a "profile" -d 'Profiles: where backups go (Kanister Profiles, or labelled Secrets without Kanister)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion blueprint etcd profile location actionset migrate snapshot restore schedule help" -f -a "location" -d 'Push, pull and delete objects in a profile\'s location (like `kando location`)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion blueprint etcd profile location actionset migrate snapshot restore schedule help" -f -a "actionset" -d 'Kanister ActionSets: create (run client-side or by the controller), list, describe, watch, delete'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion blueprint etcd profile location actionset migrate snapshot restore schedule help" -f -a "migrate" -d 'Move ConfigMap Blueprints, Secret Profiles and ActionSet records kept without Kanister\'s CRDs into Kanister\'s resources'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion blueprint etcd profile location actionset migrate snapshot restore schedule help" -f -a "snapshot" -d 'Velero-compatible resource snapshots: create, list, describe, download, delete'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion blueprint etcd profile location actionset migrate snapshot restore schedule help" -f -a "restore" -d 'Restore a resource snapshot (same as `snapshot restore`)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion blueprint etcd profile location actionset migrate snapshot restore schedule help" -f -a "schedule" -d 'Scheduled backups: snapshots, ActionSets and etcd snapshots on a timetable, with retention'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and not __fish_seen_subcommand_from version doctor completion blueprint etcd profile location actionset migrate snapshot restore schedule help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from blueprint" -f -a "apply" -d 'Create or update a Blueprint from a file, after validating it (invalid ones are refused)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from blueprint" -f -a "list" -d 'List Blueprints'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from blueprint" -f -a "get" -d 'Show one Blueprint (-o yaml for the whole object)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from blueprint" -f -a "delete" -d 'Delete Blueprints'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from blueprint" -f -a "validate" -d 'Check a Blueprint for every mistake Kanister would only hit mid-backup'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from blueprint" -f -a "render" -d 'Show what each phase of an action would run, with its arguments rendered'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from etcd" -f -a "save" -d 'Stream a snapshot from one etcd member into FILE (verified, fsynced, never partial)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from etcd" -f -a "status" -d 'Hash, revision, keys, size and trailer check of a snapshot file (offline, read-only)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from etcd" -f -a "inspect" -d 'List the Kubernetes objects inside a snapshot, or print one (offline, read-only)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from etcd" -f -a "restore" -d 'Turn a snapshot into the data dir of a member of a new cluster (native, like etcdutl snapshot restore)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from etcd" -f -a "repoint" -d 'Point a kubeadm etcd static pod\'s etcd-data volume at a restored data dir'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "create" -d 'Create a profile (a Kanister Profile and its credential Secret, like `kanctl create profile`)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List profiles'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "get" -d 'Show one profile (-o json|yaml for the whole object; credentials are never shown)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "describe" -d 'Show a profile in detail, with where its credentials come from'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "delete" -d 'Delete profiles, and the credential Secrets kubectl-backup created for them'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "validate" -d 'Check that a profile works: credentials, endpoint, bucket, and a probe object written, read back and deleted'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from location" -f -a "push" -d 'Upload a file (or stdin with `-`) to PREFIX/PATH'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from location" -f -a "pull" -d 'Download PREFIX/PATH to a file (or stdout with `-`)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from location" -f -a "delete" -d 'Delete PREFIX/PATH and everything under PREFIX/PATH/'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from actionset" -f -a "create" -d 'Create an ActionSet (kanctl create actionset) and run or follow it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from actionset" -f -a "list" -d 'List ActionSets'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from actionset" -f -a "describe" -d 'Show an ActionSet\'s actions, phases, outputs, artifacts and error'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from actionset" -f -a "watch" -d 'Follow an ActionSet until it completes or fails'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from actionset" -f -a "delete" -d 'Delete ActionSets'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "create" -d 'Back up Kubernetes resources in Velero\'s format (through Velero when it is installed)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "list" -d 'List backups in the storage location and the cluster\'s Velero Backups'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "describe" -d 'Show a backup\'s settings, status, warnings and (with --details) its resources'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "download" -d 'Download a backup\'s tarball and verify it'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "delete" -d 'Delete a backup (through a DeleteBackupRequest when Velero owns it)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "restore" -d 'Restore a backup into the cluster (Velero\'s order and fixes, non-destructive by default)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "prune" -d 'Delete expired backups and keep the newest N per schedule (--dry-run lists them)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "create" -d 'Run `snapshot create`, `actionset create` or `etcd save` on a timetable'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "list" -d 'List schedules (ours and Velero\'s)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "describe" -d 'Show a schedule: its work, last runs and their outcome, the next run'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "pause" -d 'Stop starting runs (a running one finishes)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "resume" -d 'Start runs again'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "delete" -d 'Delete a schedule, its ServiceAccount and RBAC (its backups stay)'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "run-now" -d 'Start a run now, outside the timetable'
complete -c kubectl-backup -n "__fish_kubectl_backup_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "job" -d 'Run one scheduled job (what the CronJob\'s pod runs)'
