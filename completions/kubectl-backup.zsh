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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--client[Print only the client version, without contacting the cluster]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
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
(blueprint)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-backup__subcmd__blueprint_commands" \
"*::: :->blueprint" \
&& ret=0

    case $state in
    (blueprint)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-blueprint-command-$line[1]:"
        case $line[1] in
            (apply)
_arguments "${_arguments_options[@]}" : \
'-f+[The Blueprint YAML file (\`-\` for stdin)]:FILE:_files' \
'--filename=[The Blueprint YAML file (\`-\` for stdin)]:FILE:_files' \
'--dry-run=[Validate and print the object that would be stored, without contacting the cluster (client, also a bare --dry-run), or have the API server admit it and store nothing (server)]::WHERE:(none client server)' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(list)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(get)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Blueprint name:_default' \
&& ret=0
;;
(delete)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--ignore-not-found[Succeed when a Blueprint does not exist]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Blueprint names:_default' \
&& ret=0
;;
(validate)
_arguments "${_arguments_options[@]}" : \
'*-f+[Blueprint YAML files (\`-\` for stdin); repeatable]:FILE:_files' \
'*--filename=[Blueprint YAML files (\`-\` for stdin); repeatable]:FILE:_files' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'::name -- A Blueprint in the cluster:_default' \
&& ret=0
;;
(render)
_arguments "${_arguments_options[@]}" : \
'-f+[The Blueprint YAML file (\`-\` for stdin)]:FILE:_files' \
'--filename=[The Blueprint YAML file (\`-\` for stdin)]:FILE:_files' \
'-a+[The action to render (backup, restore, delete, …)]:ACTION:_default' \
'--action=[The action to render (backup, restore, delete, …)]:ACTION:_default' \
'*--statefulset=[StatefulSet to act on (repeatable, or comma-separated)]:NS/NAME:_default' \
'*--deployment=[Deployment to act on]:NS/NAME:_default' \
'*--deploymentconfig=[OpenShift DeploymentConfig to act on]:NS/NAME:_default' \
'*--pvc=[PersistentVolumeClaim to act on]:NS/NAME:_default' \
'*--namespace-target=[Namespace to act on (kanctl'\''s --namespacetargets; -n/--namespace picks where the Blueprint lives)]:NS:_default' \
'*--namespacetargets=[Namespace to act on (kanctl'\''s --namespacetargets; -n/--namespace picks where the Blueprint lives)]:NS:_default' \
'*--object=[Any other object\: GROUP/VERSION/RESOURCE/NS/NAME (core API\: VERSION/RESOURCE/NS/NAME)]:G/V/R/NS/NAME:_default' \
'*--objects=[Any other object\: GROUP/VERSION/RESOURCE/NS/NAME (core API\: VERSION/RESOURCE/NS/NAME)]:G/V/R/NS/NAME:_default' \
'--profile=[Profile giving the backup location\: NAME (in the -n namespace) or NS/NAME]:[NS/]NAME:_default' \
'*--secrets=[Secrets exposed as .Secrets.KEY (repeatable, or comma-separated)]:KEY=NS/NAME:_default' \
'*--config-maps=[ConfigMaps exposed as .ConfigMaps.KEY]:KEY=NS/NAME:_default' \
'*--options=[Options exposed as .Options.KEY]:KEY=VALUE:_default' \
'*--artifacts=[Input artifacts exposed as .ArtifactsIn.NAME.KeyValue.KEY (NAME.kopiaSnapshot=… for a Kopia snapshot)]:NAME.KEY=VALUE:_default' \
'--time=[The value of .Time (RFC 3339), for reproducible output (default\: now)]:RFC3339:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--show-secrets[Show Secret values and Profile credentials instead of <redacted>]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'::name -- A Blueprint in the cluster:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__blueprint__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-blueprint-help-command-$line[1]:"
        case $line[1] in
            (apply)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(get)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(validate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(render)
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
;;
(etcd)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-backup__subcmd__etcd_commands" \
"*::: :->etcd" \
&& ret=0

    case $state in
    (etcd)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-etcd-command-$line[1]:"
        case $line[1] in
            (save)
_arguments "${_arguments_options[@]}" : \
'*--endpoints=[The etcd member to talk to (one URL; default 127.0.0.1\:2379, https when TLS files are given)]:URL:_default' \
'--cacert=[CA certificate that signed etcd'\''s serving certificate]:FILE:_files' \
'--cert=[Client certificate (any certificate signed by the etcd CA)]:FILE:_files' \
'--key=[Client certificate'\''s private key]:FILE:_files' \
'--user=[etcd user, as NAME or NAME\:PASSWORD (only when etcd auth is on; needs the root role)]:NAME[:PASSWORD]:_default' \
'--password=[Password for --user (prompted for when missing and a terminal is attached)]:PASSWORD:_default' \
'--dial-timeout=[Time allowed to connect (the transfer itself has no deadline)]:DURATION:_default' \
'--node=[With --from-cluster\: the node whose etcd member to use (default\: this machine)]:NAME:_default' \
'--profile=[Upload the snapshot to this profile'\''s object storage instead of keeping it on disk; FILE becomes the object'\''s path under the profile'\''s prefix]:[NS/]NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (default\: \$KUBECONFIG, whose paths are merged, then ~/.kube/config)]:PATH:_files' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'-n+[Namespace to work in (default\: the context'\''s namespace, else "default")]:NS:_default' \
'--namespace=[Namespace to work in (default\: the context'\''s namespace, else "default")]:NS:_default' \
'--as=[Username to impersonate for the operation]:USER:_default' \
'*--as-group=[Group to impersonate for the operation (repeatable)]:GROUP:_default' \
'-s+[The address of the Kubernetes API server (overrides the kubeconfig)]:URL:_default' \
'--server=[The address of the Kubernetes API server (overrides the kubeconfig)]:URL:_default' \
'--token=[Bearer token for authentication to the API server]:TOKEN:_default' \
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--from-cluster[Find the endpoint and certificate files from the kube-system etcd static pod, read through the API (run on that control-plane node). Replaces --endpoints; --cacert/--cert/--key still override the pod'\''s files]' \
'--keep-local[With --profile\: also keep FILE on disk]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':file -- Where to write the snapshot (replaced atomically; never left half-written):_files' \
&& ret=0
;;
(status)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--skip-hash-check[Report a SHA-256 trailer mismatch instead of refusing the file]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':file -- The snapshot file (`etcd save`/`etcdctl snapshot save` output, or a raw member/snap/db):_files' \
&& ret=0
;;
(inspect)
_arguments "${_arguments_options[@]}" : \
'--prefix=[Only keys starting with this (e.g. /registry/deployments/ or /registry/cert-manager.io/)]:KEY_PREFIX:_default' \
'(--diff-live)--get=[Print one object as YAML (or -o json)\: a full key, or TYPE/\[NAMESPACE/\]NAME where TYPE is any name kubectl accepts (deployments, deployments.apps, deploy, Deployment, a custom resource'\''s names); without NAMESPACE, -n or "default"]:OBJECT:_default' \
'--revision=[Show the state as of this revision instead of the snapshot'\''s last one]:N:_default' \
'--etcd-prefix=[The API server'\''s --etcd-prefix]:PREFIX:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--show-secrets[Print Secret values (redacted by default, also in the last-applied annotation)]' \
'--show-managed-fields[Keep metadata.managedFields in --get output (hidden by default, as kubectl does)]' \
'--for-apply[With --get\: leave out what the server sets (uid, resourceVersion, timestamps, status, allocated cluster IPs, generated Job selectors, owner references) so that \`kubectl apply\` or \`kubectl create\` recreates the object]' \
'--diff-live[List the objects (under --prefix) that were changed, deleted or created in the live cluster since the snapshot; uses the cluster-access flags]' \
'--skip-hash-check[Read a snapshot whose SHA-256 trailer or structure check fails (as \`status\` and \`restore\` would refuse it), with a warning]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':file -- The snapshot file (or a raw member/snap/db); opened read-only:_files' \
&& ret=0
;;
(restore)
_arguments "${_arguments_options[@]}" : \
'--data-dir=[Data dir to create (must be missing or empty); point the member at it afterwards]:DIR:_files' \
'--from-manifest=[Take --name, --initial-cluster, --initial-cluster-token and --initial-advertise-peer-urls from a kubeadm etcd static pod manifest (flags given here still win)]::MANIFEST:_files' \
'--name=[Member name (etcd'\''s default\: default)]:NAME:_default' \
'--initial-cluster=[Every member of the new cluster (default\: default=http\://localhost\:2380)]:NAME=URL,...:_default' \
'--initial-cluster-token=[Cluster token (default\: etcd-cluster; kubeadm never sets one)]:TOKEN:_default' \
'--initial-advertise-peer-urls=[This member'\''s peer URLs; must match its entry in --initial-cluster (default\: http\://localhost\:2380)]:URLS:_default' \
'--bump-revision=[Start the restored member N revisions after the snapshot'\''s (needs --mark-compacted)]:N:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--skip-hash-check[Restore a file without a SHA-256 trailer, or whose trailer does not match]' \
'--mark-compacted[Mark the bumped revision compacted so watchers (Kubernetes informers) re-list]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':file -- The snapshot file (`etcd save`/`etcdctl snapshot save` output; a raw member/snap/db needs --skip-hash-check):_files' \
&& ret=0
;;
(repoint)
_arguments "${_arguments_options[@]}" : \
'--manifest=[The etcd static pod manifest to edit]:FILE:_files' \
'--data-dir=[The restored data dir (absolute host path) the etcd-data volume should point at]:DIR:_files' \
'--backup-dir=[Where to keep a copy of the old manifest (default\: the manifests folder'\''s parent; never the manifests folder itself)]:DIR:_files' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--dry-run[Show the change as a diff and write nothing]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__etcd__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-etcd-help-command-$line[1]:"
        case $line[1] in
            (save)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(status)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(inspect)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(restore)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(repoint)
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
;;
(profile)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-backup__subcmd__profile_commands" \
"*::: :->profile" \
&& ret=0

    case $state in
    (profile)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-profile-command-$line[1]:"
        case $line[1] in
            (create)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-backup__subcmd__profile__subcmd__create_commands" \
"*::: :->create" \
&& ret=0

    case $state in
    (create)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-profile-create-command-$line[1]:"
        case $line[1] in
            (s3compliant)
_arguments "${_arguments_options[@]}" : \
'--name=[Profile name (default\: generated, \`<type>-profile-xxxxx\`, like kanctl)]:NAME:_default' \
'--prefix=[Key prefix under which every object of this profile lives]:PREFIX:_default' \
'--dry-run=[client\: print the Profile that would be created and send nothing; server\: have the API server check it and store nothing (kubectl'\''s --dry-run; a bare --dry-run is client)]::WHERE:(none client server)' \
'--bucket=[Bucket (container for Azure)]:BUCKET:_default' \
'--endpoint=[Custom endpoint URL (MinIO, Ceph, emulators)]:ENDPOINT:_default' \
'--secret=[Use the credentials in this existing Secret (\`\[namespace/\]name\`) instead of creating one]:[NS/]NAME:_default' \
'--region=[Region of the bucket (S3-compatible servers usually accept us-east-1)]:REGION:_default' \
'(--secret)--access-key=[Access key ID (default\: \$AWS_ACCESS_KEY_ID, else a prompt)]:ACCESS_KEY:_default' \
'(--secret)--secret-key=[Secret access key (default\: \$AWS_SECRET_ACCESS_KEY, else a hidden prompt). Visible in shell history and \`ps\`\: prefer the environment or the prompt]:SECRET_KEY:_default' \
'(--secret)--role=[IAM role to assume (stored in a typed \`secrets.kanister.io/aws\` Secret)]:ROLE:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--skip-validation[Create it without checking the location first]' \
'--skip-SSL-verify[Skip TLS certificate verification]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(gcs)
_arguments "${_arguments_options[@]}" : \
'--name=[Profile name (default\: generated, \`<type>-profile-xxxxx\`, like kanctl)]:NAME:_default' \
'--prefix=[Key prefix under which every object of this profile lives]:PREFIX:_default' \
'--dry-run=[client\: print the Profile that would be created and send nothing; server\: have the API server check it and store nothing (kubectl'\''s --dry-run; a bare --dry-run is client)]::WHERE:(none client server)' \
'--bucket=[Bucket (container for Azure)]:BUCKET:_default' \
'--endpoint=[Custom endpoint URL (MinIO, Ceph, emulators)]:ENDPOINT:_default' \
'--secret=[Use the credentials in this existing Secret (\`\[namespace/\]name\`) instead of creating one]:[NS/]NAME:_default' \
'(--secret --hmac-access-id)--project-id=[GCP project ID (with --service-key; the form Kanister'\''s controller uses)]:PROJECT_ID:_default' \
'--service-key=[Path to the service-account key JSON file]:SERVICE_KEY:_files' \
'(--secret)--hmac-access-id=[HMAC access ID (interoperability keys; the form kubectl-backup'\''s own data path uses)]:HMAC_ACCESS_ID:_default' \
'--hmac-secret=[HMAC secret (default\: a hidden prompt)]:HMAC_SECRET:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--skip-validation[Create it without checking the location first]' \
'--skip-SSL-verify[Skip TLS certificate verification]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(azure)
_arguments "${_arguments_options[@]}" : \
'--name=[Profile name (default\: generated, \`<type>-profile-xxxxx\`, like kanctl)]:NAME:_default' \
'--prefix=[Key prefix under which every object of this profile lives]:PREFIX:_default' \
'--dry-run=[client\: print the Profile that would be created and send nothing; server\: have the API server check it and store nothing (kubectl'\''s --dry-run; a bare --dry-run is client)]::WHERE:(none client server)' \
'--bucket=[Bucket (container for Azure)]:BUCKET:_default' \
'--endpoint=[Custom endpoint URL (MinIO, Ceph, emulators)]:ENDPOINT:_default' \
'--secret=[Use the credentials in this existing Secret (\`\[namespace/\]name\`) instead of creating one]:[NS/]NAME:_default' \
'(--secret)--storage-account=[Storage account (default\: \$AZURE_STORAGE_ACCOUNT, else a prompt)]:STORAGE_ACCOUNT:_default' \
'(--secret)--storage-key=[Storage account key (default\: \$AZURE_STORAGE_KEY, else a hidden prompt)]:STORAGE_KEY:_default' \
'(--secret)--storage-env=[Azure environment (AzurePublicCloud, AzureChinaCloud, AzureUSGovernmentCloud)]:STORAGE_ENV:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--skip-validation[Create it without checking the location first]' \
'--skip-SSL-verify[Skip TLS certificate verification]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(local)
_arguments "${_arguments_options[@]}" : \
'--name=[Profile name (default\: generated, \`<type>-profile-xxxxx\`, like kanctl)]:NAME:_default' \
'--prefix=[Key prefix under which every object of this profile lives]:PREFIX:_default' \
'--dry-run=[client\: print the Profile that would be created and send nothing; server\: have the API server check it and store nothing (kubectl'\''s --dry-run; a bare --dry-run is client)]::WHERE:(none client server)' \
'--path=[The directory (created if missing)]:PATH:_files' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--skip-validation[Create it without checking the location first]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__profile__subcmd__create__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-profile-create-help-command-$line[1]:"
        case $line[1] in
            (s3compliant)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(gcs)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(azure)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(local)
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
;;
(list)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(get)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Profile `\[namespace/\]name`:_default' \
&& ret=0
;;
(describe)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Profile `\[namespace/\]name`:_default' \
&& ret=0
;;
(delete)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--keep-secret[Keep the credential Secret even when kubectl-backup created it]' \
'--ignore-not-found[Succeed when a profile does not exist]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Profile names (`\[namespace/\]name`):_default' \
&& ret=0
;;
(validate)
_arguments "${_arguments_options[@]}" : \
'--location=[A Velero BackupStorageLocation \`\[namespace/\]name\` instead of a profile]:[NS/]NAME:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'::name -- Profile `\[namespace/\]name` (neither this nor --location\: the local default):_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__profile__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-profile-help-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__profile__subcmd__help__subcmd__create_commands" \
"*::: :->create" \
&& ret=0

    case $state in
    (create)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-profile-help-create-command-$line[1]:"
        case $line[1] in
            (s3compliant)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(gcs)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(azure)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(local)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(get)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(validate)
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
;;
(location)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-backup__subcmd__location_commands" \
"*::: :->location" \
&& ret=0

    case $state in
    (location)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-location-command-$line[1]:"
        case $line[1] in
            (push)
_arguments "${_arguments_options[@]}" : \
'(--location)--profile=[Profile \`\[namespace/\]name\` (a Kanister Profile or a kubectl-backup profile). Without --profile or --location\: the local directory \$XDG_DATA_HOME/kubectl-backup]:[NS/]NAME:_default' \
'--location=[Velero BackupStorageLocation \`\[namespace/\]name\` (namespace defaults to velero)]:[NS/]NAME:_default' \
'--path=[Object path, joined to the destination'\''s prefix (like \`kando --path\`)]:PATH:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'::source -- The file to upload; `-` reads stdin:_files' \
&& ret=0
;;
(pull)
_arguments "${_arguments_options[@]}" : \
'(--location)--profile=[Profile \`\[namespace/\]name\` (a Kanister Profile or a kubectl-backup profile). Without --profile or --location\: the local directory \$XDG_DATA_HOME/kubectl-backup]:[NS/]NAME:_default' \
'--location=[Velero BackupStorageLocation \`\[namespace/\]name\` (namespace defaults to velero)]:[NS/]NAME:_default' \
'--path=[Object path, joined to the destination'\''s prefix (like \`kando --path\`)]:PATH:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'::destination_file -- Where to write; `-` writes stdout:_files' \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
'(--location)--profile=[Profile \`\[namespace/\]name\` (a Kanister Profile or a kubectl-backup profile). Without --profile or --location\: the local directory \$XDG_DATA_HOME/kubectl-backup]:[NS/]NAME:_default' \
'--location=[Velero BackupStorageLocation \`\[namespace/\]name\` (namespace defaults to velero)]:[NS/]NAME:_default' \
'--path=[Object path, joined to the destination'\''s prefix (like \`kando --path\`)]:PATH:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--prefix-match[Delete every key that merely starts with the path, like \`kando location delete\` (\`--path a/b\` then also deletes \`a/bc\`)]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__location__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-location-help-command-$line[1]:"
        case $line[1] in
            (push)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(pull)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
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
;;
(actionset)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-backup__subcmd__actionset_commands" \
"*::: :->actionset" \
&& ret=0

    case $state in
    (actionset)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-actionset-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
'-a+[Blueprint action to run (backup, restore, delete, …)]:ACTION:_default' \
'--action=[Blueprint action to run (backup, restore, delete, …)]:ACTION:_default' \
'-b+[Blueprint name (in the ActionSet'\''s namespace)]:BLUEPRINT:_default' \
'--blueprint=[Blueprint name (in the ActionSet'\''s namespace)]:BLUEPRINT:_default' \
'--name=[ActionSet name (default\: kanctl'\''s <action>-<random>)]:NAME:_default' \
'-f+[Parent ActionSet\: its artifacts become the inputs (it must be complete)]:FROM:_default' \
'--from=[Parent ActionSet\: its artifacts become the inputs (it must be complete)]:FROM:_default' \
'*--statefulset=[StatefulSet to act on (repeatable, or comma-separated)]:NS/NAME:_default' \
'*--deployment=[Deployment to act on]:NS/NAME:_default' \
'*--deploymentconfig=[OpenShift DeploymentConfig to act on]:NS/NAME:_default' \
'*--pvc=[PersistentVolumeClaim to act on]:NS/NAME:_default' \
'*--namespace-target=[Namespace to act on (kanctl'\''s --namespacetargets; -n/--namespace picks where the Blueprint lives)]:NS:_default' \
'*--namespacetargets=[Namespace to act on (kanctl'\''s --namespacetargets; -n/--namespace picks where the Blueprint lives)]:NS:_default' \
'*--object=[Any other object\: GROUP/VERSION/RESOURCE/NS/NAME (core API\: VERSION/RESOURCE/NS/NAME)]:G/V/R/NS/NAME:_default' \
'*--objects=[Any other object\: GROUP/VERSION/RESOURCE/NS/NAME (core API\: VERSION/RESOURCE/NS/NAME)]:G/V/R/NS/NAME:_default' \
'--profile=[Profile giving the backup location\: NAME (in the -n namespace) or NS/NAME]:[NS/]NAME:_default' \
'*--secrets=[Secrets exposed as .Secrets.KEY (repeatable, or comma-separated)]:KEY=NS/NAME:_default' \
'*--config-maps=[ConfigMaps exposed as .ConfigMaps.KEY]:KEY=NS/NAME:_default' \
'*--options=[Options exposed as .Options.KEY]:KEY=VALUE:_default' \
'*--artifacts=[Input artifacts exposed as .ArtifactsIn.NAME.KeyValue.KEY (NAME.kopiaSnapshot=… for a Kopia snapshot)]:NAME.KEY=VALUE:_default' \
'-l+[Also act on every object matching this label selector (kanctl'\''s --selector)\: one action per object]:SELECTOR:_default' \
'--selector=[Also act on every object matching this label selector (kanctl'\''s --selector)\: one action per object]:SELECTOR:_default' \
'-k+[Kind of object --selector picks (all\: deployments, statefulsets, deploymentconfigs, pvcs)]:KIND:((all\:"Deployments, StatefulSets, DeploymentConfigs and PVCs"
deployment\:""
statefulset\:""
deploymentconfig\:""
pvc\:""
namespace\:""))' \
'--kind=[Kind of object --selector picks (all\: deployments, statefulsets, deploymentconfigs, pvcs)]:KIND:((all\:"Deployments, StatefulSets, DeploymentConfigs and PVCs"
deployment\:""
statefulset\:""
deploymentconfig\:""
pvc\:""
namespace\:""))' \
'--selector-namespace=[Namespace --selector searches (default\: all namespaces)]:NS:_default' \
'*--labels=[Labels on the ActionSet itself (repeatable, or comma-separated)]:KEY=VALUE:_default' \
'--pod-override=[Strategic-merge patch (JSON or YAML) for every pod the functions create]:JSON:_default' \
'*--podlabels=[Labels for the pods the functions create]:KEY=VALUE:_default' \
'*--podannotations=[Annotations for the pods the functions create]:KEY=VALUE:_default' \
'--mode=[]:MODE:((auto\:"The controller when one runs, else client-side"
controller\:"Create the ActionSet for the Kanister controller and follow it"
client\:"Execute the actions here"))' \
'--dry-run=[Print the ActionSet instead of creating it (client, also a bare --dry-run), or have the API server admit it without storing or running it (server)]::WHERE:(none client server)' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--skip-validation[Create the ActionSet without checking that its blueprint, objects, secrets, config maps and profile exist]' \
'--wait[Wait for the ActionSet to finish (client-side runs always wait)]' \
'--logs[Client-side\: stream the task pods'\'' logs and exec output to stderr (separate from \`-v\`, whose HTTP trace is not needed to see them)]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'--profile=[Without Kanister'\''s CRDs\: read the records kept with this profile'\''s data only (default\: every profile you can read, and the local default)]:[NS/]NAME:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
'--profile=[Without Kanister'\''s CRDs\: read the records kept with this profile'\''s data only (default\: every profile you can read, and the local default)]:[NS/]NAME:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name:_default' \
&& ret=0
;;
(watch)
_arguments "${_arguments_options[@]}" : \
'--profile=[Without Kanister'\''s CRDs\: read the records kept with this profile'\''s data only (default\: every profile you can read, and the local default)]:[NS/]NAME:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name:_default' \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
'--profile=[Without Kanister'\''s CRDs\: read the records kept with this profile'\''s data only (default\: every profile you can read, and the local default)]:[NS/]NAME:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__actionset__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-actionset-help-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(watch)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
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
;;
(migrate)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--dry-run[Show what would move, change nothing]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(snapshot)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-backup__subcmd__snapshot_commands" \
"*::: :->snapshot" \
&& ret=0

    case $state in
    (snapshot)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-snapshot-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
'*--include-namespaces=[Namespaces to include (comma-separated globs; default\: all)]:NS:_default' \
'*--exclude-namespaces=[Namespaces to exclude (comma-separated globs)]:NS:_default' \
'*--include-resources=[Resource types to include (resource, resource.group, kind or short name; globs; default\: all)]:TYPE:_default' \
'*--exclude-resources=[Resource types to exclude]:TYPE:_default' \
'-l+[Only back up objects matching this label selector (kubectl syntax)]:SELECTOR:_default' \
'--selector=[Only back up objects matching this label selector (kubectl syntax)]:SELECTOR:_default' \
'*--labels=[Labels to put on the backup (comma-separated KEY=VALUE), as \`velero backup create --labels\`]:KEY=VALUE:_default' \
'--include-cluster-resources=[Cluster-scoped resources\: true (all), false (none, not even related ones) or auto (all for an all-namespaces backup, else only those related to backed-up items)]:WHEN:(true false auto)' \
'(--location)--profile=[Profile \`\[NS/\]NAME\` (a Kanister Profile or a kubectl-backup profile); client-side only]:[NS/]NAME:_default' \
'--location=[Velero BackupStorageLocation \`\[NS/\]NAME\` (default\: the local directory \$XDG_DATA_HOME/kubectl-backup, or Velero'\''s default location in controller mode)]:[NS/]NAME:_default' \
'--ttl=[How long to keep the backup (Go duration)]:DURATION:_default' \
'--wait=[Follow a Velero-run backup to the end (default); --wait=false returns once it is submitted]::BOOL:(true false)' \
'--mode=[Who does the work]:MODE:((auto\:"Velero when it is installed with an Available storage location, else client-side"
controller\:"Create a Velero Backup and follow it"
client\:"Collect and upload from this machine"))' \
'--page-size=[Items per LIST request (client-side)]:N:_default' \
'--concurrency=[Resource lists run at once (client-side)]:N:_default' \
'--dry-run=[Show the Backup that would be made and write nothing (client, also a bare --dry-run), or have the API server admit Velero'\''s Backup without storing it (server; Velero only)]::WHERE:(none client server)' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the backup (lower-case letters, digits, '\''-'\'' and '\''.'\''):_default' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'(--location)--profile=[Profile \`\[NS/\]NAME\` (a Kanister Profile or a kubectl-backup profile); client-side only]:[NS/]NAME:_default' \
'--location=[Velero BackupStorageLocation \`\[NS/\]NAME\` (default\: the local directory \$XDG_DATA_HOME/kubectl-backup, or Velero'\''s default location in controller mode)]:[NS/]NAME:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
'(--location)--profile=[Profile \`\[NS/\]NAME\` (a Kanister Profile or a kubectl-backup profile); client-side only]:[NS/]NAME:_default' \
'--location=[Velero BackupStorageLocation \`\[NS/\]NAME\` (default\: the local directory \$XDG_DATA_HOME/kubectl-backup, or Velero'\''s default location in controller mode)]:[NS/]NAME:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--details[Also list the backed-up resources per type and namespace]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name:_default' \
&& ret=0
;;
(download)
_arguments "${_arguments_options[@]}" : \
'--file=[Where to write the tarball (default\: ./NAME-data.tar.gz)]:PATH:_files' \
'(--location)--profile=[Profile \`\[NS/\]NAME\` (a Kanister Profile or a kubectl-backup profile); client-side only]:[NS/]NAME:_default' \
'--location=[Velero BackupStorageLocation \`\[NS/\]NAME\` (default\: the local directory \$XDG_DATA_HOME/kubectl-backup, or Velero'\''s default location in controller mode)]:[NS/]NAME:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--force[Overwrite an existing file]' \
'--allow-incomplete[Download a backup without (or with a corrupt) velero-backup.json; the tarball is still verified]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name:_default' \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
'(--location)--profile=[Profile \`\[NS/\]NAME\` (a Kanister Profile or a kubectl-backup profile); client-side only]:[NS/]NAME:_default' \
'--location=[Velero BackupStorageLocation \`\[NS/\]NAME\` (default\: the local directory \$XDG_DATA_HOME/kubectl-backup, or Velero'\''s default location in controller mode)]:[NS/]NAME:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--wait[For a Velero-owned backup\: wait until Velero has removed it]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name:_default' \
&& ret=0
;;
(restore)
_arguments "${_arguments_options[@]}" : \
'--restore-name=[Name of this restore (default\: BACKUP-YYYYMMDDHHMMSS)]:NAME:_default' \
'*--include-namespaces=[Namespaces to restore, by their name in the backup (comma-separated globs; default\: all)]:NS:_default' \
'*--exclude-namespaces=[Namespaces not to restore (comma-separated globs)]:NS:_default' \
'*--include-resources=[Resource types to restore (\`deployments\`, \`deployments.apps\`, globs; default\: all)]:RESOURCE:_default' \
'*--exclude-resources=[Resource types not to restore]:RESOURCE:_default' \
'--include-cluster-resources=[Restore cluster-scoped resources]:WHEN:((true\:""
false\:""
auto\:"Cluster-scoped items only when every namespace is restored, else only the CRDs and PVs the restored namespaces need (Velero'\''s default)"))' \
'-l+[Only items whose labels match this selector (\`app=web,tier!=db\`)]:SELECTOR:_default' \
'--selector=[Only items whose labels match this selector (\`app=web,tier!=db\`)]:SELECTOR:_default' \
'*--namespace-mappings=[Restore namespaces under other names\: SOURCE\:TARGET,…]:SRC:DST:_default' \
'--existing-resource-policy=[What to do with objects that already exist]:EXISTING_RESOURCE_POLICY:((none\:"Never change an existing object; report each one that differs"
update\:"Merge-patch existing objects that differ from the backup"))' \
'*--restore-resource-priorities=[Replace Velero'\''s resource priority list (comma-separated; CRDs still go first)]:RESOURCE:_default' \
'*--status-include-resources=[Restore \`.status\` of these types too (comma-separated; '\''*'\'' for all)]:RESOURCE:_default' \
'*--status-exclude-resources=[Types whose \`.status\` is not restored]:RESOURCE:_default' \
'--mode=[Who does the work]:MODE:((auto\:"Through Velero when it is installed, has an Available location and knows the backup; else client-side"
controller\:"Create a Velero Restore (and follow it with --wait)"
client\:"Restore from this machine"))' \
'--concurrency=[Objects created at once within a resource type (client-side) \[default\: 32\]]:N:_default' \
'--crd-timeout=[How long to wait for restored CRDs to be Established (client-side) \[default\: 10m\]]:DURATION:_default' \
'--namespace-timeout=[How long to wait for a target namespace that is being deleted (client-side) \[default\: 10m\]]:DURATION:_default' \
'(--location)--profile=[Profile \`\[NS/\]NAME\` (a Kanister Profile or a kubectl-backup profile); client-side only]:[NS/]NAME:_default' \
'--location=[Velero BackupStorageLocation \`\[NS/\]NAME\` (default\: the local directory \$XDG_DATA_HOME/kubectl-backup, or Velero'\''s default location in controller mode)]:[NS/]NAME:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--preserve-node-ports[Keep Services'\'' nodePorts]' \
'--dry-run[Print what would be created, skipped or changed (with the differences); change nothing (client-side)]' \
'--allow-incomplete[Restore a backup without (or with a corrupt) velero-backup.json; its tarball is still verified before anything is created]' \
'--wait[Through Velero\: follow the Restore until it ends (without it, submit and return)]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'::name -- Backup to restore (see `kubectl backup snapshot list`); omit it on a terminal to pick one:_default' \
&& ret=0
;;
(prune)
_arguments "${_arguments_options[@]}" : \
'--schedule=[Only backups of this schedule (their \`velero.io/schedule-name\` label)]:NAME:_default' \
'--keep-last=[Keep the newest N complete backups of each schedule, even before they expire]:N:_default' \
'(--location)--profile=[Profile \`\[NS/\]NAME\` (a Kanister Profile or a kubectl-backup profile); client-side only]:[NS/]NAME:_default' \
'--location=[Velero BackupStorageLocation \`\[NS/\]NAME\` (default\: the local directory \$XDG_DATA_HOME/kubectl-backup, or Velero'\''s default location in controller mode)]:[NS/]NAME:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--dry-run[List what would be deleted, delete nothing]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__snapshot__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-snapshot-help-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(download)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(restore)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(prune)
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
;;
(restore)
_arguments "${_arguments_options[@]}" : \
'--restore-name=[Name of this restore (default\: BACKUP-YYYYMMDDHHMMSS)]:NAME:_default' \
'*--include-namespaces=[Namespaces to restore, by their name in the backup (comma-separated globs; default\: all)]:NS:_default' \
'*--exclude-namespaces=[Namespaces not to restore (comma-separated globs)]:NS:_default' \
'*--include-resources=[Resource types to restore (\`deployments\`, \`deployments.apps\`, globs; default\: all)]:RESOURCE:_default' \
'*--exclude-resources=[Resource types not to restore]:RESOURCE:_default' \
'--include-cluster-resources=[Restore cluster-scoped resources]:WHEN:((true\:""
false\:""
auto\:"Cluster-scoped items only when every namespace is restored, else only the CRDs and PVs the restored namespaces need (Velero'\''s default)"))' \
'-l+[Only items whose labels match this selector (\`app=web,tier!=db\`)]:SELECTOR:_default' \
'--selector=[Only items whose labels match this selector (\`app=web,tier!=db\`)]:SELECTOR:_default' \
'*--namespace-mappings=[Restore namespaces under other names\: SOURCE\:TARGET,…]:SRC:DST:_default' \
'--existing-resource-policy=[What to do with objects that already exist]:EXISTING_RESOURCE_POLICY:((none\:"Never change an existing object; report each one that differs"
update\:"Merge-patch existing objects that differ from the backup"))' \
'*--restore-resource-priorities=[Replace Velero'\''s resource priority list (comma-separated; CRDs still go first)]:RESOURCE:_default' \
'*--status-include-resources=[Restore \`.status\` of these types too (comma-separated; '\''*'\'' for all)]:RESOURCE:_default' \
'*--status-exclude-resources=[Types whose \`.status\` is not restored]:RESOURCE:_default' \
'--mode=[Who does the work]:MODE:((auto\:"Through Velero when it is installed, has an Available location and knows the backup; else client-side"
controller\:"Create a Velero Restore (and follow it with --wait)"
client\:"Restore from this machine"))' \
'--concurrency=[Objects created at once within a resource type (client-side) \[default\: 32\]]:N:_default' \
'--crd-timeout=[How long to wait for restored CRDs to be Established (client-side) \[default\: 10m\]]:DURATION:_default' \
'--namespace-timeout=[How long to wait for a target namespace that is being deleted (client-side) \[default\: 10m\]]:DURATION:_default' \
'(--location)--profile=[Profile \`\[NS/\]NAME\` (a Kanister Profile or a kubectl-backup profile); client-side only]:[NS/]NAME:_default' \
'--location=[Velero BackupStorageLocation \`\[NS/\]NAME\` (default\: the local directory \$XDG_DATA_HOME/kubectl-backup, or Velero'\''s default location in controller mode)]:[NS/]NAME:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--preserve-node-ports[Keep Services'\'' nodePorts]' \
'--dry-run[Print what would be created, skipped or changed (with the differences); change nothing (client-side)]' \
'--allow-incomplete[Restore a backup without (or with a corrupt) velero-backup.json; its tarball is still verified before anything is created]' \
'--wait[Through Velero\: follow the Restore until it ends (without it, submit and return)]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'::name -- Backup to restore (see `kubectl backup snapshot list`); omit it on a terminal to pick one:_default' \
&& ret=0
;;
(schedule)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-backup__subcmd__schedule_commands" \
"*::: :->schedule" \
&& ret=0

    case $state in
    (schedule)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-schedule-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
'--schedule=[When to run\: a cron expression ("0 1 * * *") or @hourly, @daily, @weekly, @monthly]:CRON:_default' \
'--time-zone=[Time zone of the cron expression (an IANA name, e.g. Europe/Berlin; default UTC)]:ZONE:_default' \
'--keep-last=[After each run, keep the newest N complete backups of this schedule (expired ones always go)]:N:_default' \
'--image=[Image of the job (the static plugin binary as \`kubectl-backup\` on PATH)]:IMAGE:_default' \
'--image-pull-policy=[Image pull policy of the job'\''s container]:POLICY:(Always IfNotPresent Never)' \
'*--env=[Environment of the job, e.g. HTTPS_PROXY=http\://proxy\:3128 (repeatable)]:NAME=VALUE:_default' \
'--mode=[Who runs it]:MODE:((auto\:"Velero for resource snapshots to a Velero location when Velero runs, else a CronJob"
controller\:"A Velero Schedule (resource snapshots only)"
client\:"A CronJob running this plugin in a pod"))' \
'--dry-run=[Print the objects that would be created (ServiceAccount, RBAC, CronJob) and create nothing; \`--dry-run=server\` also has the API server admit them]::WHERE:(client server none)' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--host-network[Run the job'\''s pod on the host network (etcd schedules always do)]' \
'--paused[Create it paused]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the schedule (and prefix of its backups'\'' names):_default' \
'*::work -- The scheduled command\: `snapshot create …`, `actionset create …` or `etcd save …`:_default' \
&& ret=0
;;
(list)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(describe)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name:_default' \
&& ret=0
;;
(pause)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name:_default' \
&& ret=0
;;
(resume)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name:_default' \
&& ret=0
;;
(delete)
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name:_default' \
&& ret=0
;;
(run-now)
_arguments "${_arguments_options[@]}" : \
'--timeout=[With --wait\: give up waiting after this long (the run goes on)]:DURATION:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'--wait[Wait for the run to finish and print its log if it fails]' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name:_default' \
&& ret=0
;;
(job)
_arguments "${_arguments_options[@]}" : \
'--keep-last=[]:N:_default' \
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
'--as-uid=[UID to impersonate for the operation]:UID:_default' \
'--certificate-authority=[Path to a PEM file of certificate authorities (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-certificate=[Path to a client certificate file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--client-key=[Path to a client key file for TLS (replaces the kubeconfig'\''s)]:PATH:_files' \
'--tls-server-name=[Server name to check the server certificate against (default\: the server'\''s host name)]:NAME:_default' \
'--request-timeout=[How long to wait for a single API request\: 0 (no limit), a number of seconds, or 1s, 2m, 3h]:DURATION:_default' \
'-o+[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--output=[Output format\: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, custom-columns-file=…]:FORMAT:_default' \
'--kubectl-verbosity=[kubectl'\''s numeric level; \`-v=N\` and \`--v=N\` are rewritten to this before parsing]:N:_default' \
'--color=[Colour in tables and logs\: auto (a terminal, and NO_COLOR unset), always or never]:COLOR:(auto always never)' \
'-A[Work across all namespaces, where the command supports it]' \
'--all-namespaces[Work across all namespaces, where the command supports it]' \
'--insecure-skip-tls-verify[Don'\''t check the server'\''s certificate (insecure)]' \
'--disable-compression[Ask the API server for uncompressed responses]' \
'--no-headers[Don'\''t print the header line of tables and custom columns]' \
'--show-labels[Show each object'\''s labels as the last column of a table]' \
'*-v[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'*--verbose[More detail on stderr\: -v shows every API request, -vv and -vvv more; kubectl'\''s -v=N also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)]' \
'--no-progress[Don'\''t draw progress bars (they are also off when stderr is not a terminal)]' \
'-y[Answer yes to every confirmation and skip interactive pickers]' \
'--yes[Answer yes to every confirmation and skip interactive pickers]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name:_default' \
'*::work:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__schedule__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-schedule-help-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(pause)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(resume)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(run-now)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(job)
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
(blueprint)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__help__subcmd__blueprint_commands" \
"*::: :->blueprint" \
&& ret=0

    case $state in
    (blueprint)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-help-blueprint-command-$line[1]:"
        case $line[1] in
            (apply)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(get)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(validate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(render)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(etcd)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__help__subcmd__etcd_commands" \
"*::: :->etcd" \
&& ret=0

    case $state in
    (etcd)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-help-etcd-command-$line[1]:"
        case $line[1] in
            (save)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(status)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(inspect)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(restore)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(repoint)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(profile)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__help__subcmd__profile_commands" \
"*::: :->profile" \
&& ret=0

    case $state in
    (profile)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-help-profile-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__help__subcmd__profile__subcmd__create_commands" \
"*::: :->create" \
&& ret=0

    case $state in
    (create)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-help-profile-create-command-$line[1]:"
        case $line[1] in
            (s3compliant)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(gcs)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(azure)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(local)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(get)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(validate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(location)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__help__subcmd__location_commands" \
"*::: :->location" \
&& ret=0

    case $state in
    (location)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-help-location-command-$line[1]:"
        case $line[1] in
            (push)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(pull)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(actionset)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__help__subcmd__actionset_commands" \
"*::: :->actionset" \
&& ret=0

    case $state in
    (actionset)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-help-actionset-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(watch)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(migrate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(snapshot)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__help__subcmd__snapshot_commands" \
"*::: :->snapshot" \
&& ret=0

    case $state in
    (snapshot)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-help-snapshot-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(download)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(restore)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(prune)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(restore)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(schedule)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-backup__subcmd__help__subcmd__schedule_commands" \
"*::: :->schedule" \
&& ret=0

    case $state in
    (schedule)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-backup-help-schedule-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(pause)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(resume)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(run-now)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(job)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
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
'blueprint:Kanister Blueprints\: apply, list, get, delete, validate, render' \
'etcd:etcd snapshots\: save from a live member, status and inventory offline' \
'profile:Profiles\: where backups go (Kanister Profiles, or labelled Secrets without Kanister)' \
'location:Push, pull and delete objects in a profile'\''s location (like \`kando location\`)' \
'actionset:Kanister ActionSets\: create (run client-side or by the controller), list, describe, watch, delete' \
'migrate:Move ConfigMap Blueprints, Secret Profiles and ActionSet records kept without Kanister'\''s CRDs into Kanister'\''s resources' \
'snapshot:Velero-compatible resource snapshots\: create, list, describe, download, delete' \
'restore:Restore a resource snapshot (same as \`snapshot restore\`)' \
'schedule:Scheduled backups\: snapshots, ActionSets and etcd snapshots on a timetable, with retention' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__actionset_commands] )) ||
_kubectl-backup__subcmd__actionset_commands() {
    local commands; commands=(
'create:Create an ActionSet (kanctl create actionset) and run or follow it' \
'list:List ActionSets' \
'describe:Show an ActionSet'\''s actions, phases, outputs, artifacts and error' \
'watch:Follow an ActionSet until it completes or fails' \
'delete:Delete ActionSets' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup actionset commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__actionset__subcmd__create_commands] )) ||
_kubectl-backup__subcmd__actionset__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup actionset create commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__actionset__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__actionset__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup actionset delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__actionset__subcmd__describe_commands] )) ||
_kubectl-backup__subcmd__actionset__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup actionset describe commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__actionset__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__actionset__subcmd__help_commands() {
    local commands; commands=(
'create:Create an ActionSet (kanctl create actionset) and run or follow it' \
'list:List ActionSets' \
'describe:Show an ActionSet'\''s actions, phases, outputs, artifacts and error' \
'watch:Follow an ActionSet until it completes or fails' \
'delete:Delete ActionSets' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup actionset help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__actionset__subcmd__help__subcmd__create_commands] )) ||
_kubectl-backup__subcmd__actionset__subcmd__help__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup actionset help create commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__actionset__subcmd__help__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__actionset__subcmd__help__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup actionset help delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__actionset__subcmd__help__subcmd__describe_commands] )) ||
_kubectl-backup__subcmd__actionset__subcmd__help__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup actionset help describe commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__actionset__subcmd__help__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__actionset__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup actionset help help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__actionset__subcmd__help__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__actionset__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup actionset help list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__actionset__subcmd__help__subcmd__watch_commands] )) ||
_kubectl-backup__subcmd__actionset__subcmd__help__subcmd__watch_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup actionset help watch commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__actionset__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__actionset__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup actionset list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__actionset__subcmd__watch_commands] )) ||
_kubectl-backup__subcmd__actionset__subcmd__watch_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup actionset watch commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint_commands] )) ||
_kubectl-backup__subcmd__blueprint_commands() {
    local commands; commands=(
'apply:Create or update a Blueprint from a file, after validating it (invalid ones are refused)' \
'list:List Blueprints' \
'get:Show one Blueprint (-o yaml for the whole object)' \
'delete:Delete Blueprints' \
'validate:Check a Blueprint for every mistake Kanister would only hit mid-backup' \
'render:Show what each phase of an action would run, with its arguments rendered' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup blueprint commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint__subcmd__apply_commands] )) ||
_kubectl-backup__subcmd__blueprint__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup blueprint apply commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__blueprint__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup blueprint delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint__subcmd__get_commands] )) ||
_kubectl-backup__subcmd__blueprint__subcmd__get_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup blueprint get commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__blueprint__subcmd__help_commands() {
    local commands; commands=(
'apply:Create or update a Blueprint from a file, after validating it (invalid ones are refused)' \
'list:List Blueprints' \
'get:Show one Blueprint (-o yaml for the whole object)' \
'delete:Delete Blueprints' \
'validate:Check a Blueprint for every mistake Kanister would only hit mid-backup' \
'render:Show what each phase of an action would run, with its arguments rendered' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup blueprint help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint__subcmd__help__subcmd__apply_commands] )) ||
_kubectl-backup__subcmd__blueprint__subcmd__help__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup blueprint help apply commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint__subcmd__help__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__blueprint__subcmd__help__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup blueprint help delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint__subcmd__help__subcmd__get_commands] )) ||
_kubectl-backup__subcmd__blueprint__subcmd__help__subcmd__get_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup blueprint help get commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint__subcmd__help__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__blueprint__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup blueprint help help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint__subcmd__help__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__blueprint__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup blueprint help list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint__subcmd__help__subcmd__render_commands] )) ||
_kubectl-backup__subcmd__blueprint__subcmd__help__subcmd__render_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup blueprint help render commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint__subcmd__help__subcmd__validate_commands] )) ||
_kubectl-backup__subcmd__blueprint__subcmd__help__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup blueprint help validate commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__blueprint__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup blueprint list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint__subcmd__render_commands] )) ||
_kubectl-backup__subcmd__blueprint__subcmd__render_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup blueprint render commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__blueprint__subcmd__validate_commands] )) ||
_kubectl-backup__subcmd__blueprint__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup blueprint validate commands' commands "$@"
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
(( $+functions[_kubectl-backup__subcmd__etcd_commands] )) ||
_kubectl-backup__subcmd__etcd_commands() {
    local commands; commands=(
'save:Stream a snapshot from one etcd member into FILE (verified, fsynced, never partial)' \
'status:Hash, revision, keys, size and trailer check of a snapshot file (offline, read-only)' \
'inspect:List the Kubernetes objects inside a snapshot, or print one (offline, read-only)' \
'restore:Turn a snapshot into the data dir of a member of a new cluster (native, like etcdutl snapshot restore)' \
'repoint:Point a kubeadm etcd static pod'\''s etcd-data volume at a restored data dir' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup etcd commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__etcd__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__etcd__subcmd__help_commands() {
    local commands; commands=(
'save:Stream a snapshot from one etcd member into FILE (verified, fsynced, never partial)' \
'status:Hash, revision, keys, size and trailer check of a snapshot file (offline, read-only)' \
'inspect:List the Kubernetes objects inside a snapshot, or print one (offline, read-only)' \
'restore:Turn a snapshot into the data dir of a member of a new cluster (native, like etcdutl snapshot restore)' \
'repoint:Point a kubeadm etcd static pod'\''s etcd-data volume at a restored data dir' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup etcd help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__etcd__subcmd__help__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__etcd__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup etcd help help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__etcd__subcmd__help__subcmd__inspect_commands] )) ||
_kubectl-backup__subcmd__etcd__subcmd__help__subcmd__inspect_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup etcd help inspect commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__etcd__subcmd__help__subcmd__repoint_commands] )) ||
_kubectl-backup__subcmd__etcd__subcmd__help__subcmd__repoint_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup etcd help repoint commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__etcd__subcmd__help__subcmd__restore_commands] )) ||
_kubectl-backup__subcmd__etcd__subcmd__help__subcmd__restore_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup etcd help restore commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__etcd__subcmd__help__subcmd__save_commands] )) ||
_kubectl-backup__subcmd__etcd__subcmd__help__subcmd__save_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup etcd help save commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__etcd__subcmd__help__subcmd__status_commands] )) ||
_kubectl-backup__subcmd__etcd__subcmd__help__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup etcd help status commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__etcd__subcmd__inspect_commands] )) ||
_kubectl-backup__subcmd__etcd__subcmd__inspect_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup etcd inspect commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__etcd__subcmd__repoint_commands] )) ||
_kubectl-backup__subcmd__etcd__subcmd__repoint_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup etcd repoint commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__etcd__subcmd__restore_commands] )) ||
_kubectl-backup__subcmd__etcd__subcmd__restore_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup etcd restore commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__etcd__subcmd__save_commands] )) ||
_kubectl-backup__subcmd__etcd__subcmd__save_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup etcd save commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__etcd__subcmd__status_commands] )) ||
_kubectl-backup__subcmd__etcd__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup etcd status commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__help_commands() {
    local commands; commands=(
'version:Print the client and server versions' \
'doctor:Check what this cluster offers and which mode each capability will use' \
'completion:Print a shell completion script (bash, zsh or fish)' \
'blueprint:Kanister Blueprints\: apply, list, get, delete, validate, render' \
'etcd:etcd snapshots\: save from a live member, status and inventory offline' \
'profile:Profiles\: where backups go (Kanister Profiles, or labelled Secrets without Kanister)' \
'location:Push, pull and delete objects in a profile'\''s location (like \`kando location\`)' \
'actionset:Kanister ActionSets\: create (run client-side or by the controller), list, describe, watch, delete' \
'migrate:Move ConfigMap Blueprints, Secret Profiles and ActionSet records kept without Kanister'\''s CRDs into Kanister'\''s resources' \
'snapshot:Velero-compatible resource snapshots\: create, list, describe, download, delete' \
'restore:Restore a resource snapshot (same as \`snapshot restore\`)' \
'schedule:Scheduled backups\: snapshots, ActionSets and etcd snapshots on a timetable, with retention' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__actionset_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__actionset_commands() {
    local commands; commands=(
'create:Create an ActionSet (kanctl create actionset) and run or follow it' \
'list:List ActionSets' \
'describe:Show an ActionSet'\''s actions, phases, outputs, artifacts and error' \
'watch:Follow an ActionSet until it completes or fails' \
'delete:Delete ActionSets' \
    )
    _describe -t commands 'kubectl-backup help actionset commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__actionset__subcmd__create_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__actionset__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help actionset create commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__actionset__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__actionset__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help actionset delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__actionset__subcmd__describe_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__actionset__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help actionset describe commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__actionset__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__actionset__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help actionset list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__actionset__subcmd__watch_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__actionset__subcmd__watch_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help actionset watch commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__blueprint_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__blueprint_commands() {
    local commands; commands=(
'apply:Create or update a Blueprint from a file, after validating it (invalid ones are refused)' \
'list:List Blueprints' \
'get:Show one Blueprint (-o yaml for the whole object)' \
'delete:Delete Blueprints' \
'validate:Check a Blueprint for every mistake Kanister would only hit mid-backup' \
'render:Show what each phase of an action would run, with its arguments rendered' \
    )
    _describe -t commands 'kubectl-backup help blueprint commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__blueprint__subcmd__apply_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__blueprint__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help blueprint apply commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__blueprint__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__blueprint__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help blueprint delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__blueprint__subcmd__get_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__blueprint__subcmd__get_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help blueprint get commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__blueprint__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__blueprint__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help blueprint list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__blueprint__subcmd__render_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__blueprint__subcmd__render_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help blueprint render commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__blueprint__subcmd__validate_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__blueprint__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help blueprint validate commands' commands "$@"
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
(( $+functions[_kubectl-backup__subcmd__help__subcmd__etcd_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__etcd_commands() {
    local commands; commands=(
'save:Stream a snapshot from one etcd member into FILE (verified, fsynced, never partial)' \
'status:Hash, revision, keys, size and trailer check of a snapshot file (offline, read-only)' \
'inspect:List the Kubernetes objects inside a snapshot, or print one (offline, read-only)' \
'restore:Turn a snapshot into the data dir of a member of a new cluster (native, like etcdutl snapshot restore)' \
'repoint:Point a kubeadm etcd static pod'\''s etcd-data volume at a restored data dir' \
    )
    _describe -t commands 'kubectl-backup help etcd commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__etcd__subcmd__inspect_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__etcd__subcmd__inspect_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help etcd inspect commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__etcd__subcmd__repoint_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__etcd__subcmd__repoint_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help etcd repoint commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__etcd__subcmd__restore_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__etcd__subcmd__restore_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help etcd restore commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__etcd__subcmd__save_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__etcd__subcmd__save_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help etcd save commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__etcd__subcmd__status_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__etcd__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help etcd status commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__location_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__location_commands() {
    local commands; commands=(
'push:Upload a file (or stdin with \`-\`) to PREFIX/PATH' \
'pull:Download PREFIX/PATH to a file (or stdout with \`-\`)' \
'delete:Delete PREFIX/PATH and everything under PREFIX/PATH/' \
    )
    _describe -t commands 'kubectl-backup help location commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__location__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__location__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help location delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__location__subcmd__pull_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__location__subcmd__pull_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help location pull commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__location__subcmd__push_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__location__subcmd__push_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help location push commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__migrate_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__migrate_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help migrate commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__profile_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__profile_commands() {
    local commands; commands=(
'create:Create a profile (a Kanister Profile and its credential Secret, like \`kanctl create profile\`)' \
'list:List profiles' \
'get:Show one profile (-o json|yaml for the whole object; credentials are never shown)' \
'describe:Show a profile in detail, with where its credentials come from' \
'delete:Delete profiles, and the credential Secrets kubectl-backup created for them' \
'validate:Check that a profile works\: credentials, endpoint, bucket, and a probe object written, read back and deleted' \
    )
    _describe -t commands 'kubectl-backup help profile commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__profile__subcmd__create_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__profile__subcmd__create_commands() {
    local commands; commands=(
's3compliant:An S3-compatible object store (AWS S3, MinIO, Ceph, …)' \
'gcs:Google Cloud Storage' \
'azure:Azure Blob Storage' \
'local:A directory (kubectl-backup only\: Kanister has no such location type)' \
    )
    _describe -t commands 'kubectl-backup help profile create commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__profile__subcmd__create__subcmd__azure_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__profile__subcmd__create__subcmd__azure_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help profile create azure commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__profile__subcmd__create__subcmd__gcs_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__profile__subcmd__create__subcmd__gcs_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help profile create gcs commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__profile__subcmd__create__subcmd__local_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__profile__subcmd__create__subcmd__local_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help profile create local commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__profile__subcmd__create__subcmd__s3compliant_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__profile__subcmd__create__subcmd__s3compliant_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help profile create s3compliant commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__profile__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__profile__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help profile delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__profile__subcmd__describe_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__profile__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help profile describe commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__profile__subcmd__get_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__profile__subcmd__get_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help profile get commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__profile__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__profile__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help profile list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__profile__subcmd__validate_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__profile__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help profile validate commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__restore_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__restore_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help restore commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__schedule_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__schedule_commands() {
    local commands; commands=(
'create:Run \`snapshot create\`, \`actionset create\` or \`etcd save\` on a timetable' \
'list:List schedules (ours and Velero'\''s)' \
'describe:Show a schedule\: its work, last runs and their outcome, the next run' \
'pause:Stop starting runs (a running one finishes)' \
'resume:Start runs again' \
'delete:Delete a schedule, its ServiceAccount and RBAC (its backups stay)' \
'run-now:Start a run now, outside the timetable' \
'job:Run one scheduled job (what the CronJob'\''s pod runs)' \
    )
    _describe -t commands 'kubectl-backup help schedule commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__create_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help schedule create commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help schedule delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__describe_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help schedule describe commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__job_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__job_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help schedule job commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help schedule list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__pause_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__pause_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help schedule pause commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__resume_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__resume_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help schedule resume commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__run-now_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__schedule__subcmd__run-now_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help schedule run-now commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__snapshot_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__snapshot_commands() {
    local commands; commands=(
'create:Back up Kubernetes resources in Velero'\''s format (through Velero when it is installed)' \
'list:List backups in the storage location and the cluster'\''s Velero Backups' \
'describe:Show a backup'\''s settings, status, warnings and (with --details) its resources' \
'download:Download a backup'\''s tarball and verify it' \
'delete:Delete a backup (through a DeleteBackupRequest when Velero owns it)' \
'restore:Restore a backup into the cluster (Velero'\''s order and fixes, non-destructive by default)' \
'prune:Delete expired backups and keep the newest N per schedule (--dry-run lists them)' \
    )
    _describe -t commands 'kubectl-backup help snapshot commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__snapshot__subcmd__create_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__snapshot__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help snapshot create commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__snapshot__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__snapshot__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help snapshot delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__snapshot__subcmd__describe_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__snapshot__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help snapshot describe commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__snapshot__subcmd__download_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__snapshot__subcmd__download_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help snapshot download commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__snapshot__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__snapshot__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help snapshot list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__snapshot__subcmd__prune_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__snapshot__subcmd__prune_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help snapshot prune commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__snapshot__subcmd__restore_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__snapshot__subcmd__restore_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help snapshot restore commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__help__subcmd__version_commands] )) ||
_kubectl-backup__subcmd__help__subcmd__version_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup help version commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__location_commands] )) ||
_kubectl-backup__subcmd__location_commands() {
    local commands; commands=(
'push:Upload a file (or stdin with \`-\`) to PREFIX/PATH' \
'pull:Download PREFIX/PATH to a file (or stdout with \`-\`)' \
'delete:Delete PREFIX/PATH and everything under PREFIX/PATH/' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup location commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__location__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__location__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup location delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__location__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__location__subcmd__help_commands() {
    local commands; commands=(
'push:Upload a file (or stdin with \`-\`) to PREFIX/PATH' \
'pull:Download PREFIX/PATH to a file (or stdout with \`-\`)' \
'delete:Delete PREFIX/PATH and everything under PREFIX/PATH/' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup location help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__location__subcmd__help__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__location__subcmd__help__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup location help delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__location__subcmd__help__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__location__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup location help help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__location__subcmd__help__subcmd__pull_commands] )) ||
_kubectl-backup__subcmd__location__subcmd__help__subcmd__pull_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup location help pull commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__location__subcmd__help__subcmd__push_commands] )) ||
_kubectl-backup__subcmd__location__subcmd__help__subcmd__push_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup location help push commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__location__subcmd__pull_commands] )) ||
_kubectl-backup__subcmd__location__subcmd__pull_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup location pull commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__location__subcmd__push_commands] )) ||
_kubectl-backup__subcmd__location__subcmd__push_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup location push commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__migrate_commands] )) ||
_kubectl-backup__subcmd__migrate_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup migrate commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile_commands] )) ||
_kubectl-backup__subcmd__profile_commands() {
    local commands; commands=(
'create:Create a profile (a Kanister Profile and its credential Secret, like \`kanctl create profile\`)' \
'list:List profiles' \
'get:Show one profile (-o json|yaml for the whole object; credentials are never shown)' \
'describe:Show a profile in detail, with where its credentials come from' \
'delete:Delete profiles, and the credential Secrets kubectl-backup created for them' \
'validate:Check that a profile works\: credentials, endpoint, bucket, and a probe object written, read back and deleted' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup profile commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__create_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__create_commands() {
    local commands; commands=(
's3compliant:An S3-compatible object store (AWS S3, MinIO, Ceph, …)' \
'gcs:Google Cloud Storage' \
'azure:Azure Blob Storage' \
'local:A directory (kubectl-backup only\: Kanister has no such location type)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup profile create commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__create__subcmd__azure_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__create__subcmd__azure_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile create azure commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__create__subcmd__gcs_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__create__subcmd__gcs_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile create gcs commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__create__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__create__subcmd__help_commands() {
    local commands; commands=(
's3compliant:An S3-compatible object store (AWS S3, MinIO, Ceph, …)' \
'gcs:Google Cloud Storage' \
'azure:Azure Blob Storage' \
'local:A directory (kubectl-backup only\: Kanister has no such location type)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup profile create help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__create__subcmd__help__subcmd__azure_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__create__subcmd__help__subcmd__azure_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile create help azure commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__create__subcmd__help__subcmd__gcs_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__create__subcmd__help__subcmd__gcs_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile create help gcs commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__create__subcmd__help__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__create__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile create help help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__create__subcmd__help__subcmd__local_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__create__subcmd__help__subcmd__local_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile create help local commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__create__subcmd__help__subcmd__s3compliant_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__create__subcmd__help__subcmd__s3compliant_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile create help s3compliant commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__create__subcmd__local_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__create__subcmd__local_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile create local commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__create__subcmd__s3compliant_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__create__subcmd__s3compliant_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile create s3compliant commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__describe_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile describe commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__get_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__get_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile get commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__help_commands() {
    local commands; commands=(
'create:Create a profile (a Kanister Profile and its credential Secret, like \`kanctl create profile\`)' \
'list:List profiles' \
'get:Show one profile (-o json|yaml for the whole object; credentials are never shown)' \
'describe:Show a profile in detail, with where its credentials come from' \
'delete:Delete profiles, and the credential Secrets kubectl-backup created for them' \
'validate:Check that a profile works\: credentials, endpoint, bucket, and a probe object written, read back and deleted' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup profile help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__help__subcmd__create_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__help__subcmd__create_commands() {
    local commands; commands=(
's3compliant:An S3-compatible object store (AWS S3, MinIO, Ceph, …)' \
'gcs:Google Cloud Storage' \
'azure:Azure Blob Storage' \
'local:A directory (kubectl-backup only\: Kanister has no such location type)' \
    )
    _describe -t commands 'kubectl-backup profile help create commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__help__subcmd__create__subcmd__azure_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__help__subcmd__create__subcmd__azure_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile help create azure commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__help__subcmd__create__subcmd__gcs_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__help__subcmd__create__subcmd__gcs_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile help create gcs commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__help__subcmd__create__subcmd__local_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__help__subcmd__create__subcmd__local_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile help create local commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__help__subcmd__create__subcmd__s3compliant_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__help__subcmd__create__subcmd__s3compliant_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile help create s3compliant commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__help__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__help__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile help delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__help__subcmd__describe_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__help__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile help describe commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__help__subcmd__get_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__help__subcmd__get_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile help get commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__help__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile help help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__help__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile help list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__help__subcmd__validate_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__help__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile help validate commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__profile__subcmd__validate_commands] )) ||
_kubectl-backup__subcmd__profile__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup profile validate commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__restore_commands] )) ||
_kubectl-backup__subcmd__restore_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup restore commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule_commands] )) ||
_kubectl-backup__subcmd__schedule_commands() {
    local commands; commands=(
'create:Run \`snapshot create\`, \`actionset create\` or \`etcd save\` on a timetable' \
'list:List schedules (ours and Velero'\''s)' \
'describe:Show a schedule\: its work, last runs and their outcome, the next run' \
'pause:Stop starting runs (a running one finishes)' \
'resume:Start runs again' \
'delete:Delete a schedule, its ServiceAccount and RBAC (its backups stay)' \
'run-now:Start a run now, outside the timetable' \
'job:Run one scheduled job (what the CronJob'\''s pod runs)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup schedule commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__create_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule create commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__describe_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule describe commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__help_commands() {
    local commands; commands=(
'create:Run \`snapshot create\`, \`actionset create\` or \`etcd save\` on a timetable' \
'list:List schedules (ours and Velero'\''s)' \
'describe:Show a schedule\: its work, last runs and their outcome, the next run' \
'pause:Stop starting runs (a running one finishes)' \
'resume:Start runs again' \
'delete:Delete a schedule, its ServiceAccount and RBAC (its backups stay)' \
'run-now:Start a run now, outside the timetable' \
'job:Run one scheduled job (what the CronJob'\''s pod runs)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup schedule help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__create_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule help create commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule help delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__describe_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule help describe commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule help help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__job_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__job_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule help job commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule help list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__pause_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__pause_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule help pause commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__resume_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__resume_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule help resume commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__run-now_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__help__subcmd__run-now_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule help run-now commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__job_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__job_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule job commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__pause_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__pause_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule pause commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__resume_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__resume_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule resume commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__schedule__subcmd__run-now_commands] )) ||
_kubectl-backup__subcmd__schedule__subcmd__run-now_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup schedule run-now commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot_commands] )) ||
_kubectl-backup__subcmd__snapshot_commands() {
    local commands; commands=(
'create:Back up Kubernetes resources in Velero'\''s format (through Velero when it is installed)' \
'list:List backups in the storage location and the cluster'\''s Velero Backups' \
'describe:Show a backup'\''s settings, status, warnings and (with --details) its resources' \
'download:Download a backup'\''s tarball and verify it' \
'delete:Delete a backup (through a DeleteBackupRequest when Velero owns it)' \
'restore:Restore a backup into the cluster (Velero'\''s order and fixes, non-destructive by default)' \
'prune:Delete expired backups and keep the newest N per schedule (--dry-run lists them)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup snapshot commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__create_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot create commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__describe_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot describe commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__download_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__download_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot download commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__help_commands() {
    local commands; commands=(
'create:Back up Kubernetes resources in Velero'\''s format (through Velero when it is installed)' \
'list:List backups in the storage location and the cluster'\''s Velero Backups' \
'describe:Show a backup'\''s settings, status, warnings and (with --details) its resources' \
'download:Download a backup'\''s tarball and verify it' \
'delete:Delete a backup (through a DeleteBackupRequest when Velero owns it)' \
'restore:Restore a backup into the cluster (Velero'\''s order and fixes, non-destructive by default)' \
'prune:Delete expired backups and keep the newest N per schedule (--dry-run lists them)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-backup snapshot help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__create_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot help create commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__delete_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot help delete commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__describe_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot help describe commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__download_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__download_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot help download commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__help_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot help help commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot help list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__prune_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__prune_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot help prune commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__restore_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__help__subcmd__restore_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot help restore commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__list_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot list commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__prune_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__prune_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot prune commands' commands "$@"
}
(( $+functions[_kubectl-backup__subcmd__snapshot__subcmd__restore_commands] )) ||
_kubectl-backup__subcmd__snapshot__subcmd__restore_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-backup snapshot restore commands' commands "$@"
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
