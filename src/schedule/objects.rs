//! The objects a CronJob-run schedule consists of: a ServiceAccount, the least RBAC its work
//! needs, and the CronJob. Built as plain manifests so `--dry-run` prints exactly what is
//! applied, for an admin to review.

use serde_json::{Value, json};

use super::{
    KEEP_LAST_ANNOTATION, MANAGED_BY, MANAGED_BY_LABEL, SCHEDULE_LABEL, SCHEDULE_NAMESPACE_LABEL,
    ScheduleRequest, WORK_ANNOTATION, WorkKind,
};

/// The name of the ServiceAccount and of the RBAC objects of a schedule.
pub fn account_name(schedule: &str) -> String {
    format!("kubectl-backup-{schedule}")
}

/// Cluster-scoped names must be unique across namespaces.
pub fn cluster_role_name(namespace: &str, schedule: &str) -> String {
    format!("kubectl-backup:{namespace}:{schedule}")
}

fn labels(request: &ScheduleRequest) -> Value {
    json!({
        MANAGED_BY_LABEL: MANAGED_BY,
        SCHEDULE_LABEL: request.name,
        SCHEDULE_NAMESPACE_LABEL: request.namespace,
    })
}

/// The selector matching every object of one schedule, wherever it lives (its Roles may be in
/// other namespaces, next to what the job reads).
pub fn selector(namespace: &str, schedule: &str) -> String {
    format!(
        "{MANAGED_BY_LABEL}={MANAGED_BY},{SCHEDULE_LABEL}={schedule},{SCHEDULE_NAMESPACE_LABEL}={namespace}"
    )
}

/// Every object, in the order they are applied (the account before what refers to it).
pub fn manifests(request: &ScheduleRequest) -> Vec<Value> {
    let account = account_name(&request.name);
    let mut out = vec![json!({
        "apiVersion": "v1",
        "kind": "ServiceAccount",
        "metadata": {"name": account, "namespace": request.namespace, "labels": labels(request)},
    })];
    let subject =
        json!([{"kind": "ServiceAccount", "name": account, "namespace": request.namespace}]);
    let (cluster_rules, namespaced) = rules(request);
    if !cluster_rules.is_empty() {
        let role = cluster_role_name(&request.namespace, &request.name);
        out.push(json!({
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRole",
            "metadata": {"name": role, "labels": labels(request)},
            "rules": cluster_rules,
        }));
        out.push(json!({
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRoleBinding",
            "metadata": {"name": role, "labels": labels(request)},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": role},
            "subjects": subject,
        }));
    }
    for (namespace, rules) in namespaced {
        out.push(json!({
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "Role",
            "metadata": {"name": account, "namespace": namespace, "labels": labels(request)},
            "rules": rules,
        }));
        out.push(json!({
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "RoleBinding",
            "metadata": {"name": account, "namespace": namespace, "labels": labels(request)},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": account},
            "subjects": subject,
        }));
    }
    out.push(cronjob(request));
    out
}

/// `(cluster-wide rules, [(namespace, rules)])` for the work.
fn rules(request: &ScheduleRequest) -> (Vec<Value>, Vec<(String, Vec<Value>)>) {
    let work = &request.work;
    let profile_namespace = work
        .flag_value("--profile")
        .map(|p| match p.split_once('/') {
            Some((ns, _)) => ns.to_string(),
            None => request.namespace.clone(),
        });
    // Reading a profile: the Kanister Profile (or our ConfigMap/Secret form) and its Secret.
    let profile_rules = || {
        vec![
            json!({"apiGroups": ["cr.kanister.io"], "resources": ["profiles"], "verbs": ["get", "list"]}),
            json!({"apiGroups": [""], "resources": ["secrets", "configmaps"], "verbs": ["get", "list"]}),
        ]
    };
    match work.kind {
        // A resource backup reads every type it may include, Secrets among them (Velero backs
        // them up too); it writes nothing to the cluster.
        WorkKind::Snapshot => {
            let cluster =
                vec![json!({"apiGroups": ["*"], "resources": ["*"], "verbs": ["get", "list"]})];
            (cluster, Vec::new())
        }
        // Finding etcd: the etcd static pod in kube-system and the control-plane nodes; the
        // certificates themselves come from the host.
        WorkKind::Etcd => {
            let cluster =
                vec![json!({"apiGroups": [""], "resources": ["nodes"], "verbs": ["get", "list"]})];
            let mut namespaced = vec![(
                "kube-system".to_string(),
                vec![json!({"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list"]})],
            )];
            if let Some(ns) = profile_namespace {
                namespaced.push((ns, profile_rules()));
            }
            (cluster, merge(namespaced))
        }
        // A client-side ActionSet: task pods and exec in its subjects' namespaces, scaling
        // their workloads, Events; the blueprint and the ActionSet records in the schedule's
        // own namespace, where the job runs (as Kanister's controller namespace).
        WorkKind::ActionSet => {
            let mut subject_namespaces: Vec<String> = Vec::new();
            for flag in [
                "--statefulset",
                "--deployment",
                "--deploymentconfig",
                "--pvc",
            ] {
                for value in work.flag_values(flag) {
                    if let Some((ns, _)) = value.split_once('/') {
                        subject_namespaces.push(ns.to_string());
                    }
                }
            }
            for flag in ["--namespace-target", "--selector-namespace"] {
                subject_namespaces.extend(work.flag_values(flag).into_iter().map(String::from));
            }
            let subject = || {
                vec![
                    json!({"apiGroups": [""], "resources": ["pods"], "verbs": ["create", "get", "list", "watch", "delete"]}),
                    json!({"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["create", "get"]}),
                    json!({"apiGroups": [""], "resources": ["pods/log"], "verbs": ["get"]}),
                    json!({"apiGroups": [""], "resources": ["persistentvolumeclaims", "services", "configmaps", "secrets"], "verbs": ["get", "list"]}),
                    json!({"apiGroups": ["apps"], "resources": ["deployments", "statefulsets", "replicasets", "daemonsets"], "verbs": ["get", "list", "patch", "update"]}),
                    json!({"apiGroups": ["apps"], "resources": ["deployments/scale", "statefulsets/scale"], "verbs": ["get", "patch", "update"]}),
                    json!({"apiGroups": ["", "events.k8s.io"], "resources": ["events"], "verbs": ["create", "patch"]}),
                ]
            };
            let kanister = vec![
                json!({"apiGroups": ["cr.kanister.io"], "resources": ["blueprints", "profiles"], "verbs": ["get", "list"]}),
                // Retention deletes the records of old backups once their delete action ran.
                json!({"apiGroups": ["cr.kanister.io"], "resources": ["actionsets"], "verbs": ["get", "list", "watch", "create", "update", "patch", "delete"]}),
                json!({"apiGroups": [""], "resources": ["configmaps", "secrets"], "verbs": ["get", "list", "create", "update", "patch"]}),
                json!({"apiGroups": ["", "events.k8s.io"], "resources": ["events"], "verbs": ["create", "patch"]}),
            ];
            let mut namespaced: Vec<(String, Vec<Value>)> = subject_namespaces
                .into_iter()
                .map(|ns| (ns, subject()))
                .collect();
            namespaced.push((request.namespace.clone(), kanister));
            if let Some(ns) = profile_namespace {
                namespaced.push((ns, profile_rules()));
            }
            (
                vec![
                    json!({"apiGroups": ["apiextensions.k8s.io"], "resources": ["customresourcedefinitions"], "verbs": ["get", "list"]}),
                    json!({"apiGroups": [""], "resources": ["namespaces"], "verbs": ["get"]}),
                    // Task pods left by a run are found by label across namespaces.
                    json!({"apiGroups": [""], "resources": ["pods"], "verbs": ["list"]}),
                    // Whether ActionSets are served is probed with a cluster-wide list of one.
                    json!({"apiGroups": ["cr.kanister.io"], "resources": ["actionsets"], "verbs": ["list"]}),
                ],
                merge(namespaced),
            )
        }
    }
}

/// One Role per namespace, whatever asked for it.
fn merge(namespaced: Vec<(String, Vec<Value>)>) -> Vec<(String, Vec<Value>)> {
    let mut out: Vec<(String, Vec<Value>)> = Vec::new();
    for (namespace, rules) in namespaced {
        match out.iter_mut().find(|(ns, _)| *ns == namespace) {
            Some((_, existing)) => {
                for rule in rules {
                    if !existing.contains(&rule) {
                        existing.push(rule);
                    }
                }
            }
            None => out.push((namespace, rules)),
        }
    }
    out
}

fn cronjob(request: &ScheduleRequest) -> Value {
    let work = &request.work;
    let mut args = vec![
        "schedule".to_string(),
        "job".to_string(),
        request.name.clone(),
    ];
    if let Some(keep) = request.keep_last {
        args.push("--keep-last".into());
        args.push(keep.to_string());
    }
    args.push("--".into());
    args.extend(work.args.iter().cloned());
    let mut env: Vec<Value> = request
        .env
        .iter()
        .map(|(k, v)| json!({"name": k, "value": v}))
        .collect();
    // Logs for a collector: no colour, no progress bars (there is no terminal anyway).
    env.push(json!({"name": "NO_COLOR", "value": "1"}));
    let etcd = work.kind == WorkKind::Etcd;
    let mut pod_spec = json!({
        "serviceAccountName": account_name(&request.name),
        "restartPolicy": "Never",
        "hostNetwork": request.host_network || etcd,
        "containers": [{
            "name": "backup",
            "image": request.image,
            "command": ["kubectl-backup"],
            "args": args,
            "env": env,
            // The root file system may be read-only; scratch space is /tmp.
            "workingDir": "/tmp",
            "volumeMounts": [{"name": "scratch", "mountPath": "/tmp"}],
        }],
        "volumes": [{"name": "scratch", "emptyDir": {}}],
    });
    if let Some(policy) = &request.image_pull_policy {
        pod_spec["containers"][0]["imagePullPolicy"] = json!(policy);
    }
    if etcd {
        // kubeadm's etcd: on a control-plane node, its client certificates from the host.
        pod_spec["nodeSelector"] = json!({"node-role.kubernetes.io/control-plane": ""});
        pod_spec["tolerations"] = json!([
            {"key": "node-role.kubernetes.io/control-plane", "operator": "Exists", "effect": "NoSchedule"},
            {"key": "node-role.kubernetes.io/master", "operator": "Exists", "effect": "NoSchedule"},
        ]);
        pod_spec["volumes"]
            .as_array_mut()
            .expect("volumes is an array")
            .push(json!({"name": "etcd-pki", "hostPath": {"path": "/etc/kubernetes/pki/etcd", "type": "Directory"}}));
        pod_spec["containers"][0]["volumeMounts"]
            .as_array_mut()
            .expect("volumeMounts is an array")
            .push(json!({"name": "etcd-pki", "mountPath": "/etc/kubernetes/pki/etcd", "readOnly": true}));
    } else {
        pod_spec["securityContext"] =
            json!({"runAsNonRoot": true, "runAsUser": 65532, "runAsGroup": 65532});
        pod_spec["containers"][0]["securityContext"] = json!({
            "allowPrivilegeEscalation": false,
            "readOnlyRootFilesystem": true,
            "capabilities": {"drop": ["ALL"]},
        });
    }
    let mut annotations = serde_json::Map::new();
    annotations.insert(
        WORK_ANNOTATION.into(),
        json!(serde_json::to_string(&work.args).unwrap_or_default()),
    );
    if let Some(keep) = request.keep_last {
        annotations.insert(KEEP_LAST_ANNOTATION.into(), json!(keep.to_string()));
    }
    let mut spec = json!({
        "schedule": request.cron,
        "suspend": request.suspend,
        "concurrencyPolicy": "Forbid",
        "successfulJobsHistoryLimit": 3,
        "failedJobsHistoryLimit": 3,
        "jobTemplate": {
            "metadata": {"labels": labels(request)},
            "spec": {
                // A failed backup is reported, not retried blindly: the next run is the retry.
                "backoffLimit": 0,
                "template": {"metadata": {"labels": labels(request)}, "spec": pod_spec},
            },
        },
    });
    if let Some(zone) = &request.time_zone {
        spec["timeZone"] = json!(zone);
    }
    json!({
        "apiVersion": "batch/v1",
        "kind": "CronJob",
        "metadata": {
            "name": request.name,
            "namespace": request.namespace,
            "labels": labels(request),
            "annotations": annotations,
        },
        "spec": spec,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Work;

    fn request(work: &str) -> ScheduleRequest {
        ScheduleRequest {
            name: "nightly".into(),
            namespace: "backup".into(),
            cron: "0 1 * * *".into(),
            time_zone: None,
            work: Work::new(work.split_whitespace().map(String::from).collect()).unwrap(),
            keep_last: Some(7),
            image: "img:1".into(),
            image_pull_policy: Some("IfNotPresent".into()),
            host_network: false,
            env: vec![("HTTPS_PROXY".into(), "http://proxy:3128".into())],
            suspend: false,
        }
    }

    #[test]
    fn manifests_are_valid_kubernetes_objects() {
        use k8s_openapi::api::batch::v1::CronJob;
        use k8s_openapi::api::core::v1::ServiceAccount;
        use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding, Role, RoleBinding};
        for work in [
            "snapshot create --profile p",
            "etcd save --from-cluster --profile kube-system/s3",
            "actionset create --blueprint b --action backup --profile kanister/p",
        ] {
            for object in manifests(&request(work)) {
                let kind = object["kind"].as_str().unwrap().to_string();
                let parsed = match kind.as_str() {
                    "ServiceAccount" => serde_json::from_value::<ServiceAccount>(object).map(drop),
                    "ClusterRole" => serde_json::from_value::<ClusterRole>(object).map(drop),
                    "ClusterRoleBinding" => {
                        serde_json::from_value::<ClusterRoleBinding>(object).map(drop)
                    }
                    "Role" => serde_json::from_value::<Role>(object).map(drop),
                    "RoleBinding" => serde_json::from_value::<RoleBinding>(object).map(drop),
                    "CronJob" => serde_json::from_value::<CronJob>(object).map(drop),
                    other => panic!("unexpected kind {other}"),
                };
                parsed.unwrap_or_else(|e| panic!("{work}: {kind}: {e}"));
            }
        }
    }

    #[test]
    fn a_snapshot_job_reads_and_never_writes() {
        let objects = manifests(&request("snapshot create --profile p"));
        let role = objects.iter().find(|o| o["kind"] == "ClusterRole").unwrap();
        for rule in role["rules"].as_array().unwrap() {
            for verb in rule["verbs"].as_array().unwrap() {
                assert!(verb == "get" || verb == "list", "{rule}");
            }
        }
        let cronjob = objects.last().unwrap();
        assert_eq!(cronjob["spec"]["concurrencyPolicy"], "Forbid");
        let args =
            &cronjob["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]["args"];
        assert_eq!(
            args,
            &json!([
                "schedule",
                "job",
                "nightly",
                "--keep-last",
                "7",
                "--",
                "snapshot",
                "create",
                "--profile",
                "p"
            ])
        );
    }

    #[test]
    fn an_etcd_job_runs_on_a_control_plane_node_with_the_host_certificates() {
        let objects = manifests(&request(
            "etcd save --from-cluster --profile kube-system/s3",
        ));
        let pod = &objects.last().unwrap()["spec"]["jobTemplate"]["spec"]["template"]["spec"];
        assert_eq!(pod["hostNetwork"], true);
        assert!(pod["nodeSelector"]["node-role.kubernetes.io/control-plane"].is_string());
        assert!(
            pod["volumes"]
                .to_string()
                .contains("/etc/kubernetes/pki/etcd")
        );
        let roles: Vec<&Value> = objects.iter().filter(|o| o["kind"] == "Role").collect();
        // kube-system holds both the etcd pod and the profile: one Role there.
        assert_eq!(roles.len(), 1, "{roles:?}");
    }
}
