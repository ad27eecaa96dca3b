//! The Kanister function registry (version `v0.0.0`, the only one): each function's arguments,
//! their kinds, its outputs, and what it needs to run. The validator checks phases against it;
//! a client-side executor uses `needs` to refuse, before anything runs, a function it cannot
//! perform without a data mover or a cloud API.

/// How Kanister decodes an argument (weakly, after every string was rendered as a template).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    /// A string; numbers and booleans are converted.
    String,
    /// A list of strings (exec-form `command`); a single string becomes a one-element list.
    StringList,
    /// Read with Kanister's `GetYamlList`: a YAML list, or a string holding a YAML list (often
    /// rendered from a template, e.g. `"{{ toJson .Phases.x.Output.securityGroupID }}"`).
    YamlList,
    /// An integer, or a string holding one.
    Int,
    /// A boolean, or a string `strconv.ParseBool` accepts.
    Bool,
    /// A Go duration string (`30s`, `5m`).
    Duration,
    /// A map of string to string (labels, annotations, volumes).
    StringMap,
    /// Any YAML mapping (`podOverride`, `conditions`, `objectReference`).
    Object,
}

impl ArgKind {
    pub fn describe(self) -> &'static str {
        match self {
            ArgKind::String => "a string",
            ArgKind::StringList => "a list of strings",
            ArgKind::YamlList => "a list, or a string holding a YAML list",
            ArgKind::Int => "an integer",
            ArgKind::Bool => "a boolean",
            ArgKind::Duration => "a duration such as 30s or 5m",
            ArgKind::StringMap => "a map of strings",
            ArgKind::Object => "a mapping",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArgSpec {
    pub name: &'static str,
    pub kind: ArgKind,
    pub required: bool,
}

/// What a function needs beyond the Kubernetes API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Needs {
    /// Only the Kubernetes API: pods, exec, logs, scale, the dynamic client.
    Kubernetes,
    /// The CSI snapshot API (`snapshot.storage.k8s.io`).
    Csi,
    /// Direct access to the Profile's object store from the executor.
    ObjectStore,
    /// The restic data mover running in a pod.
    Restic,
    /// The AWS RDS API called from the executor.
    Aws,
}

impl Needs {
    pub fn describe(self) -> &'static str {
        match self {
            Needs::Kubernetes => "the Kubernetes API",
            Needs::Csi => "the CSI snapshot API (snapshot.storage.k8s.io)",
            Needs::ObjectStore => "direct object-store access",
            Needs::Restic => "the restic data mover",
            Needs::Aws => "the AWS RDS API",
        }
    }
}

/// What a phase of this function can put in `.Phases.<name>.Output`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outputs {
    /// Nothing.
    None,
    /// Exactly these keys.
    Fixed(&'static [&'static str]),
    /// The `kando output KEY VALUE` pairs its command prints.
    Kando,
    /// Keys that depend on runtime data (per-pod outputs).
    Dynamic,
}

/// How client-side mode treats a function. This table is the only list of what the executor
/// runs: validation, `check_supported` and the executor's dispatch all read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientSide {
    /// Performed by the executor's implementation of this [`Runner`].
    Runs(Runner),
    /// Left to the controller; [`client_side`] says why, from `needs`.
    Refused,
}

/// The executor's implementations. `actionset::executor::functions::run` matches every
/// variant, so a function marked runnable here without an implementation does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runner {
    KubeTask,
    KubeExec,
    KubeExecAll,
    ScaleWorkload,
    PrepareData,
    KubeOps,
    WaitV2,
    Wait,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FunctionSpec {
    pub name: &'static str,
    pub args: &'static [ArgSpec],
    pub outputs: Outputs,
    pub needs: Needs,
    /// How client-side mode performs it, or that it leaves it to the controller.
    pub client_side: ClientSide,
    /// Creates pods, hence also accepts `podOverride`, `podLabels` and `podAnnotations`.
    pub creates_pods: bool,
    /// Set for functions upstream keeps only for compatibility.
    pub deprecated: Option<&'static str>,
    /// Groups of which at most one argument may be given (`backupID` or `backupTag`).
    pub exclusive: &'static [&'static [&'static str]],
}

/// The arguments every pod-creating function accepts.
pub const POD_ARGS: &[ArgSpec] = &[
    opt("podOverride", ArgKind::Object),
    opt("podLabels", ArgKind::StringMap),
    opt("podAnnotations", ArgKind::StringMap),
];

impl FunctionSpec {
    pub fn arg(&self, name: &str) -> Option<&'static ArgSpec> {
        self.args
            .iter()
            .chain(if self.creates_pods { POD_ARGS } else { &[] })
            .find(|a| a.name == name)
    }

    pub fn required_args(&self) -> impl Iterator<Item = &'static ArgSpec> {
        self.args.iter().filter(|a| a.required)
    }

    /// Every argument name the function accepts, for "did you mean" hints and messages.
    pub fn arg_names(&self) -> Vec<&'static str> {
        self.args
            .iter()
            .chain(if self.creates_pods { POD_ARGS } else { &[] })
            .map(|a| a.name)
            .collect()
    }

    /// Whether a phase of this function can emit the output `key`; `None` when that depends on
    /// the command it runs.
    pub fn may_output(&self, key: &str) -> Option<bool> {
        match self.outputs {
            Outputs::None => Some(false),
            Outputs::Fixed(keys) => Some(keys.contains(&key)),
            Outputs::Kando | Outputs::Dynamic => None,
        }
    }
}

const fn req(name: &'static str, kind: ArgKind) -> ArgSpec {
    ArgSpec {
        name,
        kind,
        required: true,
    }
}

const fn opt(name: &'static str, kind: ArgKind) -> ArgSpec {
    ArgSpec {
        name,
        kind,
        required: false,
    }
}

use ArgKind::{Bool, Duration, Int, Object, String as Str, StringList, StringMap, YamlList};

const K8S: Needs = Needs::Kubernetes;

/// Every registered function, in the order of Kanister's documentation.
pub const FUNCTIONS: &[FunctionSpec] = &[
    FunctionSpec {
        name: "KubeTask",
        args: &[
            req("image", Str),
            req("command", StringList),
            opt("namespace", Str),
        ],
        outputs: Outputs::Kando,
        needs: K8S,
        client_side: ClientSide::Runs(Runner::KubeTask),
        creates_pods: true,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "KubeExec",
        args: &[
            req("namespace", Str),
            req("pod", Str),
            req("command", StringList),
            opt("container", Str),
        ],
        outputs: Outputs::Kando,
        needs: K8S,
        client_side: ClientSide::Runs(Runner::KubeExec),
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "KubeExecAll",
        args: &[
            req("namespace", Str),
            req("pods", Str),
            req("containers", Str),
            req("command", StringList),
        ],
        outputs: Outputs::Kando,
        needs: K8S,
        client_side: ClientSide::Runs(Runner::KubeExecAll),
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "MultiContainerRun",
        args: &[
            req("backgroundImage", Str),
            req("backgroundCommand", StringList),
            req("outputImage", Str),
            req("outputCommand", StringList),
            opt("namespace", Str),
            opt("initImage", Str),
            opt("initCommand", StringList),
            opt("sharedVolumeMedium", Str),
            opt("sharedVolumeSizeLimit", Str),
            opt("sharedVolumeDir", Str),
        ],
        outputs: Outputs::Kando,
        needs: K8S,
        client_side: ClientSide::Refused,
        creates_pods: true,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "ScaleWorkload",
        args: &[
            req("replicas", Int),
            opt("namespace", Str),
            opt("name", Str),
            opt("kind", Str),
            opt("waitForReady", Bool),
        ],
        outputs: Outputs::Fixed(&["originalReplicaCount"]),
        needs: K8S,
        client_side: ClientSide::Runs(Runner::ScaleWorkload),
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "PrepareData",
        args: &[
            req("namespace", Str),
            req("image", Str),
            req("command", StringList),
            opt("volumes", StringMap),
            opt("serviceaccount", Str),
            opt("failOnError", Bool),
        ],
        outputs: Outputs::Kando,
        needs: K8S,
        client_side: ClientSide::Runs(Runner::PrepareData),
        creates_pods: true,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "KubeOps",
        args: &[
            req("operation", Str),
            opt("spec", Str),
            opt("namespace", Str),
            opt("objectReference", Object),
        ],
        outputs: Outputs::Fixed(&[
            "apiVersion",
            "group",
            "resource",
            "kind",
            "name",
            "namespace",
        ]),
        needs: K8S,
        client_side: ClientSide::Runs(Runner::KubeOps),
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "WaitV2",
        args: &[req("timeout", Duration), req("conditions", Object)],
        outputs: Outputs::None,
        needs: K8S,
        client_side: ClientSide::Runs(Runner::WaitV2),
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "Wait",
        args: &[req("timeout", Duration), req("conditions", Object)],
        outputs: Outputs::None,
        needs: K8S,
        client_side: ClientSide::Runs(Runner::Wait),
        creates_pods: false,
        deprecated: Some("use WaitV2, whose conditions are Go templates run against the object"),
        exclusive: &[],
    },
    FunctionSpec {
        name: "LocationDelete",
        args: &[req("artifact", Str)],
        outputs: Outputs::None,
        needs: Needs::ObjectStore,
        client_side: ClientSide::Refused,
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "CreateCSISnapshot",
        args: &[
            req("pvc", Str),
            req("namespace", Str),
            req("snapshotClass", Str),
            opt("name", Str),
            opt("labels", StringMap),
        ],
        outputs: Outputs::Fixed(&["name", "pvc", "namespace", "restoreSize", "snapshotContent"]),
        needs: Needs::Csi,
        client_side: ClientSide::Refused,
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "CreateCSISnapshotStatic",
        args: &[
            req("name", Str),
            req("namespace", Str),
            req("driver", Str),
            req("snapshotHandle", Str),
            req("snapshotClass", Str),
        ],
        outputs: Outputs::Fixed(&["name", "namespace", "restoreSize", "snapshotContent"]),
        needs: Needs::Csi,
        client_side: ClientSide::Refused,
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "RestoreCSISnapshot",
        args: &[
            req("name", Str),
            req("pvc", Str),
            req("namespace", Str),
            req("storageClass", Str),
            req("restoreSize", Str),
            opt("accessModes", StringList),
            opt("volumeMode", Str),
            opt("labels", StringMap),
        ],
        outputs: Outputs::None,
        needs: Needs::Csi,
        client_side: ClientSide::Refused,
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "DeleteCSISnapshot",
        args: &[req("name", Str), req("namespace", Str)],
        outputs: Outputs::None,
        needs: Needs::Csi,
        client_side: ClientSide::Refused,
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "DeleteCSISnapshotContent",
        args: &[req("name", Str)],
        outputs: Outputs::None,
        needs: Needs::Csi,
        client_side: ClientSide::Refused,
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "BackupData",
        args: &[
            req("namespace", Str),
            req("pod", Str),
            req("container", Str),
            req("includePath", Str),
            req("backupArtifactPrefix", Str),
            opt("encryptionKey", Str),
            opt("insecureTLS", Bool),
        ],
        outputs: Outputs::Fixed(&["backupID", "backupTag", "fileCount", "size", "phySize"]),
        needs: Needs::Restic,
        client_side: ClientSide::Refused,
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "BackupDataAll",
        args: &[
            req("namespace", Str),
            req("container", Str),
            req("includePath", Str),
            req("backupArtifactPrefix", Str),
            opt("pods", Str),
            opt("encryptionKey", Str),
            opt("insecureTLS", Bool),
        ],
        outputs: Outputs::Fixed(&["BackupAllInfo"]),
        needs: Needs::Restic,
        client_side: ClientSide::Refused,
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "BackupDataStats",
        args: &[
            req("namespace", Str),
            req("backupArtifactPrefix", Str),
            req("backupID", Str),
            opt("image", Str),
            opt("statsMode", Str),
            opt("encryptionKey", Str),
        ],
        outputs: Outputs::Fixed(&["mode", "fileCount", "size"]),
        needs: Needs::Restic,
        client_side: ClientSide::Refused,
        creates_pods: true,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "CheckRepository",
        args: &[
            req("backupArtifactPrefix", Str),
            opt("image", Str),
            opt("encryptionKey", Str),
            opt("insecureTLS", Bool),
        ],
        outputs: Outputs::Fixed(&["passwordIncorrect", "repoUnavailable"]),
        needs: Needs::Restic,
        client_side: ClientSide::Refused,
        creates_pods: true,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "CopyVolumeData",
        args: &[
            req("namespace", Str),
            req("volume", Str),
            req("dataArtifactPrefix", Str),
            opt("image", Str),
            opt("mountPath", Str),
            opt("encryptionKey", Str),
            opt("insecureTLS", Bool),
        ],
        outputs: Outputs::Fixed(&[
            "backupID",
            "backupRoot",
            "backupArtifactLocation",
            "backupTag",
            "fileCount",
            "size",
            "phySize",
        ]),
        needs: Needs::Restic,
        client_side: ClientSide::Refused,
        creates_pods: true,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "RestoreData",
        args: &[
            req("namespace", Str),
            req("image", Str),
            req("backupArtifactPrefix", Str),
            opt("pod", Str),
            opt("volumes", StringMap),
            opt("restorePath", Str),
            opt("backupIdentifier", Str),
            opt("backupTag", Str),
            opt("backupPath", Str),
            opt("encryptionKey", Str),
            opt("insecureTLS", Bool),
        ],
        outputs: Outputs::Kando,
        needs: Needs::Restic,
        client_side: ClientSide::Refused,
        creates_pods: true,
        deprecated: None,
        exclusive: &[&["pod", "volumes"], &["backupIdentifier", "backupTag"]],
    },
    FunctionSpec {
        name: "RestoreDataAll",
        args: &[
            req("namespace", Str),
            req("image", Str),
            req("backupArtifactPrefix", Str),
            req("backupInfo", Str),
            opt("pods", Str),
            opt("restorePath", Str),
            opt("encryptionKey", Str),
            opt("insecureTLS", Bool),
        ],
        outputs: Outputs::Dynamic,
        needs: Needs::Restic,
        client_side: ClientSide::Refused,
        creates_pods: true,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "DeleteData",
        args: &[
            req("namespace", Str),
            req("backupArtifactPrefix", Str),
            opt("image", Str),
            opt("backupID", Str),
            opt("backupTag", Str),
            opt("reclaimSpace", Bool),
            opt("encryptionKey", Str),
            opt("insecureTLS", Bool),
        ],
        outputs: Outputs::Fixed(&["spaceFreed"]),
        needs: Needs::Restic,
        client_side: ClientSide::Refused,
        creates_pods: true,
        deprecated: None,
        exclusive: &[&["backupID", "backupTag"]],
    },
    FunctionSpec {
        name: "DeleteDataAll",
        args: &[
            req("namespace", Str),
            req("backupArtifactPrefix", Str),
            req("backupInfo", Str),
            opt("image", Str),
            opt("reclaimSpace", Bool),
            opt("encryptionKey", Str),
            opt("insecureTLS", Bool),
        ],
        outputs: Outputs::Fixed(&["spaceFreed"]),
        needs: Needs::Restic,
        client_side: ClientSide::Refused,
        creates_pods: true,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "CreateRDSSnapshot",
        args: &[
            req("instanceID", Str),
            opt("dbEngine", Str),
            opt("region", Str),
            opt("credentialsSource", Str),
            opt("credentialsSecret", Str),
        ],
        outputs: Outputs::Fixed(&[
            "snapshotID",
            "instanceID",
            "securityGroupID",
            "allocatedStorage",
            "dbSubnetGroup",
        ]),
        needs: Needs::Aws,
        client_side: ClientSide::Refused,
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "ExportRDSSnapshotToLocation",
        args: &[
            req("namespace", Str),
            req("instanceID", Str),
            req("snapshotID", Str),
            req("dbEngine", Str),
            opt("username", Str),
            opt("password", Str),
            opt("backupArtifactPrefix", Str),
            opt("databases", YamlList),
            opt("securityGroupID", YamlList),
            opt("dbSubnetGroup", Str),
            opt("region", Str),
            opt("credentialsSource", Str),
            opt("credentialsSecret", Str),
            // It creates a pod, but Kanister's argument list has no podOverride.
            opt("podLabels", StringMap),
            opt("podAnnotations", StringMap),
        ],
        outputs: Outputs::Fixed(&["snapshotID", "instanceID", "securityGroupID", "backupID"]),
        needs: Needs::Aws,
        client_side: ClientSide::Refused,
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "RestoreRDSSnapshot",
        args: &[
            req("instanceID", Str),
            opt("snapshotID", Str),
            opt("dbEngine", Str),
            opt("backupArtifactPrefix", Str),
            opt("backupID", Str),
            opt("username", Str),
            opt("password", Str),
            opt("namespace", Str),
            opt("securityGroupID", YamlList),
            opt("dbSubnetGroup", Str),
            opt("region", Str),
            opt("credentialsSource", Str),
            opt("credentialsSecret", Str),
            // It creates a pod, but Kanister's argument list has no podOverride.
            opt("podLabels", StringMap),
            opt("podAnnotations", StringMap),
        ],
        outputs: Outputs::Fixed(&["endpoint"]),
        needs: Needs::Aws,
        client_side: ClientSide::Refused,
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
    FunctionSpec {
        name: "DeleteRDSSnapshot",
        args: &[
            req("snapshotID", Str),
            opt("dbEngine", Str),
            opt("region", Str),
            opt("credentialsSource", Str),
            opt("credentialsSecret", Str),
        ],
        outputs: Outputs::None,
        needs: Needs::Aws,
        client_side: ClientSide::Refused,
        creates_pods: false,
        deprecated: None,
        exclusive: &[],
    },
];

/// Finds a function by its exact (case-sensitive) registered name.
pub fn lookup(name: &str) -> Option<&'static FunctionSpec> {
    FUNCTIONS.iter().find(|f| f.name == name)
}

/// The executor's implementation of `name`, or why client-side mode refuses it (a registered
/// function or not).
pub fn client_side(name: &str) -> Result<Runner, String> {
    let Some(spec) = lookup(name) else {
        return Err(not_client_side(name));
    };
    match spec.client_side {
        ClientSide::Runs(runner) => Ok(runner),
        ClientSide::Refused => Err(refusal(spec)),
    }
}

fn refusal(spec: &FunctionSpec) -> String {
    let why = match spec.needs {
        Needs::Restic => "Kanister's restic data mover",
        Needs::Aws => "the AWS RDS API",
        Needs::Kubernetes | Needs::ObjectStore | Needs::Csi => return not_client_side(spec.name),
    };
    format!(
        "{} needs {why}, which client-side mode does not provide; install the Kanister controller to run this Blueprint, or replace the phase with KubeTask and kando",
        spec.name
    )
}

fn not_client_side(name: &str) -> String {
    let runs: Vec<&str> = FUNCTIONS
        .iter()
        .filter(|f| matches!(f.client_side, ClientSide::Runs(_)))
        .map(|f| f.name)
        .collect();
    format!(
        "{name} is not available in client-side mode (it runs {}); install the Kanister controller to run this Blueprint",
        runs.join(", ")
    )
}

/// Names that were removed upstream, with what replaced them, so a validator can say more than
/// "unknown function".
pub fn removed(name: &str) -> Option<&'static str> {
    Some(match name {
        "CreateVolumeSnapshot" => "removed upstream in 2025; use CreateCSISnapshot",
        "WaitForSnapshotCompletion" => "removed upstream in 2025; CreateCSISnapshot waits itself",
        "CreateVolumeFromSnapshot" => "removed upstream in 2025; use RestoreCSISnapshot",
        "DeleteVolumeSnapshot" => "removed upstream in 2025; use DeleteCSISnapshot",
        "BackupDataUsingKopiaServer"
        | "RestoreDataUsingKopiaServer"
        | "DeleteDataUsingKopiaServer"
        | "BackupDataAllUsingKopiaServer"
        | "RestoreDataAllUsingKopiaServer"
        | "BackupDataStatsUsingKopiaServer" => {
            "removed upstream in 2026 together with the RepositoryServer resource"
        }
        _ => return None,
    })
}

/// The closest known name, for "did you mean" hints (case mistakes and small typos).
pub fn suggest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let distance = if candidate.to_lowercase() == wanted_lower {
            0
        } else {
            edit_distance(&wanted_lower, &candidate.to_lowercase())
        };
        if distance <= (wanted.len() / 3).max(1) && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = if ca == *cb {
                previous
            } else {
                1 + previous.min(row[j]).min(row[j + 1])
            };
            previous = current;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_function_is_registered_once_with_unique_args() {
        let mut names: Vec<_> = FUNCTIONS.iter().map(|f| f.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), FUNCTIONS.len());
        for f in FUNCTIONS {
            let mut args = f.arg_names();
            let count = args.len();
            args.sort();
            args.dedup();
            assert_eq!(args.len(), count, "{} repeats an argument", f.name);
            for group in f.exclusive {
                for arg in *group {
                    assert!(f.arg(arg).is_some(), "{}: {arg}", f.name);
                }
            }
        }
    }

    #[test]
    fn lookup_is_case_sensitive_and_suggests() {
        assert!(lookup("KubeTask").is_some());
        assert!(lookup("kubetask").is_none());
        let names = FUNCTIONS.iter().map(|f| f.name);
        assert_eq!(suggest("kubetask", names.clone()), Some("KubeTask"));
        assert_eq!(suggest("KubeTsk", names.clone()), Some("KubeTask"));
        assert_eq!(suggest("Frobnicate", names), None);
    }

    #[test]
    fn pod_arguments_only_for_pod_creating_functions() {
        assert!(lookup("KubeTask").unwrap().arg("podOverride").is_some());
        assert!(lookup("KubeExec").unwrap().arg("podOverride").is_none());
        assert_eq!(
            lookup("ScaleWorkload")
                .unwrap()
                .may_output("originalReplicaCount"),
            Some(true)
        );
        assert_eq!(lookup("KubeTask").unwrap().may_output("x"), None);
        assert_eq!(lookup("Wait").unwrap().may_output("x"), Some(false));
    }

    #[test]
    fn client_side_refusals_name_what_is_missing() {
        assert_eq!(client_side("WaitV2"), Ok(Runner::WaitV2));
        assert_eq!(client_side("KubeTask"), Ok(Runner::KubeTask));
        let blocked = client_side("BackupData").unwrap_err();
        assert!(
            blocked.starts_with("BackupData needs Kanister's restic data mover"),
            "{blocked}"
        );
        for name in ["MultiContainerRun", "Frobnicate"] {
            let refused = client_side(name).unwrap_err();
            assert!(
                refused.starts_with(&format!(
                    "{name} is not available in client-side mode (it runs KubeTask, KubeExec, KubeExecAll, ScaleWorkload, PrepareData, KubeOps, WaitV2, Wait)"
                )),
                "{refused}"
            );
        }
    }

    #[test]
    fn runnable_functions_need_nothing_client_side_lacks() {
        for f in FUNCTIONS {
            if let ClientSide::Runs(_) = f.client_side {
                assert_eq!(f.needs, Needs::Kubernetes, "{}", f.name);
            }
        }
    }
}
