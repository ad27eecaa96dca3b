/// The API's own `Status` (code, reason, message) when the server answered with one.
pub fn api_status(error: &kube::Error) -> Option<&kube::core::Status> {
    match error {
        kube::Error::Api(status) => Some(status),
        _ => None,
    }
}

pub fn is_not_found(error: &kube::Error) -> bool {
    api_status(error).is_some_and(|s| s.code == 404)
}

pub fn is_conflict(error: &kube::Error) -> bool {
    api_status(error).is_some_and(|s| s.code == 409)
}

/// One line for a person: which server, what went wrong, and for the common cases what to do.
/// Transport errors are unwrapped down to their root cause ("connection refused") because the
/// outer layers ("ServiceError: client error (Connect)") say nothing useful.
pub fn describe_error(server: &str, error: &kube::Error) -> String {
    if let Some(status) = api_status(error) {
        let hint = match status.code {
            401 => " (the credentials in your kubeconfig were rejected; log in again)",
            403 => " (ask a cluster admin for this permission, or check --as)",
            _ => "",
        };
        let reason = if status.reason.is_empty() {
            String::new()
        } else {
            format!("{} ", status.reason)
        };
        return format!(
            "{server}: {reason}({}): {}{hint}",
            status.code, status.message
        );
    }
    let mut root: &dyn std::error::Error = error;
    while let Some(source) = root.source() {
        root = source;
    }
    let cause = root.to_string();
    let cause = if cause.is_empty() {
        error.to_string()
    } else {
        cause
    };
    format!("cannot reach the Kubernetes API server at {server}: {cause}")
}
