//! The Kubernetes Events the Kanister controller records on an ActionSet (kanister.md §2), also
//! recorded by a client-side run when the ActionSet is a resource, so `kubectl describe
//! actionset` and `kubectl get events` tell the same story in both modes.
//!
//! Reasons are the controller's; messages keep its wording but name a phase by its name where
//! the controller prints a Go struct dump.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use k8s_openapi::api::core::v1::{Event, EventSource, ObjectReference};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{MicroTime, ObjectMeta};
use kube::api::{Api, PostParams};

use super::types::{API_VERSION, ActionSet, KIND};
use crate::kube::{Cluster, describe_error};

pub const NORMAL: &str = "Normal";
pub const WARNING: &str = "Warning";

/// Who the Events say recorded them.
pub const COMPONENT: &str = "kubectl-backup";

pub const STARTED_ACTION: &str = "Started Action";
pub const STARTED_PHASE: &str = "Started Phase";
pub const ENDED_PHASE: &str = "Ended Phase";
pub const STARTED_DEFER_PHASE: &str = "Started deferPhase";
pub const ENDED_DEFER_PHASE: &str = "Ended deferPhase";
pub const UPDATE_COMPLETE: &str = "Update Complete";
pub const ERROR: &str = "Error";

/// `ActionSetFailed Action: <action>`, the controller's reason for a failed action.
pub fn action_failed(action: &str) -> String {
    format!("ActionSetFailed Action: {action}")
}

/// Records Events on one ActionSet; does nothing for a record that is not a resource. A
/// failure to record is reported once and never fails the run.
pub struct Recorder {
    target: Option<(Cluster, ObjectReference)>,
    warned: AtomicBool,
    sequence: AtomicU32,
}

impl Recorder {
    pub fn disabled() -> Recorder {
        Recorder {
            target: None,
            warned: AtomicBool::new(false),
            sequence: AtomicU32::new(0),
        }
    }

    /// Events on `actionset` (as stored: its uid is what `kubectl describe` matches on).
    pub fn new(cluster: &Cluster, actionset: &ActionSet) -> Recorder {
        let reference = ObjectReference {
            api_version: Some(API_VERSION.to_string()),
            kind: Some(KIND.to_string()),
            name: actionset.metadata.name.clone(),
            namespace: actionset.metadata.namespace.clone(),
            uid: actionset.metadata.uid.clone(),
            resource_version: actionset.metadata.resource_version.clone(),
            field_path: None,
        };
        Recorder {
            target: Some((cluster.clone(), reference)),
            warned: AtomicBool::new(false),
            sequence: AtomicU32::new(0),
        }
    }

    pub fn normal(&self, reason: &str, message: &str) -> impl Future<Output = ()> + '_ {
        self.record(NORMAL, reason.to_string(), message.to_string())
    }

    pub fn warning(&self, reason: &str, message: &str) -> impl Future<Output = ()> + '_ {
        self.record(WARNING, reason.to_string(), message.to_string())
    }

    async fn record(&self, kind: &'static str, reason: String, message: String) {
        let Some((cluster, involved)) = &self.target else {
            return;
        };
        let namespace = involved.namespace.clone().unwrap_or_default();
        let name = involved.name.clone().unwrap_or_default();
        let now = chrono::Utc::now();
        let time = crate::actionset::record::now_time();
        let event = Event {
            metadata: ObjectMeta {
                // client-go's naming, <object>.<unix nanoseconds in hex>, plus a sequence
                // number so parallel actions never collide.
                name: Some(format!(
                    "{name}.{:x}{:04x}",
                    now.timestamp_nanos_opt().unwrap_or_default(),
                    self.sequence.fetch_add(1, Ordering::Relaxed) & 0xffff
                )),
                namespace: Some(namespace.clone()),
                ..ObjectMeta::default()
            },
            involved_object: involved.clone(),
            reason: Some(reason),
            message: Some(message),
            type_: Some(kind.to_string()),
            source: Some(EventSource {
                component: Some(COMPONENT.to_string()),
                host: None,
            }),
            first_timestamp: Some(time.clone()),
            last_timestamp: Some(time),
            count: Some(1),
            event_time: None::<MicroTime>,
            reporting_component: Some(COMPONENT.to_string()),
            reporting_instance: None,
            ..Event::default()
        };
        let api: Api<Event> = Api::namespaced(cluster.client.clone(), &namespace);
        if let Err(e) = api.create(&PostParams::default(), &event).await
            && !self.warned.swap(true, Ordering::Relaxed)
        {
            crate::actionset::note!(
                "warning: cannot record Events on actionset {namespace}/{name}: {}",
                describe_error(&cluster.server, &e)
            );
        }
    }
}

/// Events recorded on the ActionSet that are not in `shown` yet, as `TYPE reason: message`
/// lines; a failed read shows nothing new (the next look tries again).
pub async fn unseen(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    shown: &mut std::collections::BTreeSet<String>,
) -> Vec<String> {
    let api: Api<Event> = Api::namespaced(cluster.client.clone(), namespace);
    let params = kube::api::ListParams::default().fields(&format!("involvedObject.name={name}"));
    let Ok(list) = api.list(&params).await else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for event in list.items {
        let uid = event.metadata.uid.clone().unwrap_or_default();
        if shown.insert(uid) {
            out.push(format!(
                "{} {}: {}",
                event.type_.unwrap_or_default(),
                event.reason.unwrap_or_default(),
                event.message.unwrap_or_default()
            ));
        }
    }
    out
}
