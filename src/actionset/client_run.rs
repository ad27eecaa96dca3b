//! A client-side run of a created ActionSet from start to end: the executor runs it, its task
//! pods are deleted whatever happened (also when a second signal ends the process), and a
//! stopped run is recorded as failed with a summary of what its deferPhases did.

use anyhow::Result;

use super::executor::{self, PodTracker, RunOptions};
use super::outcome::settle_stopped;
use super::record::Store;
use super::types::{ActionSet, ActionSetStatus, State};
use crate::kube::Cluster;

/// How the run ended.
pub enum Ended {
    /// It ran to its end (complete or failed), or could not run.
    Finished(Result<ActionSetStatus>),
    /// `options.stop` stopped it; the summary is printed and the record says failed.
    Stopped,
}

pub async fn run(
    cluster: &Cluster,
    store: &Store,
    actionset: &ActionSet,
    options: &RunOptions,
) -> Ended {
    let namespace = actionset.metadata.namespace.clone().unwrap_or_default();
    let name = actionset.metadata.name.clone().unwrap_or_default();
    {
        // A second signal ends the process at once, possibly while a deferPhase's pod runs.
        let (cluster, namespace, name) = (cluster.clone(), namespace.clone(), name.clone());
        crate::interrupt::on_forced_exit(move || {
            let (cluster, namespace, name) = (cluster.clone(), namespace.clone(), name.clone());
            async move {
                PodTracker::default()
                    .cleanup(&cluster, &namespace, &name)
                    .await;
            }
        });
    }
    let tracker = PodTracker::default();
    let outcome = executor::execute(cluster, store, actionset, &tracker, options).await;
    // Task pods never outlive the run, whatever happened.
    let (_, left) = tracker.cleanup(cluster, &namespace, &name).await;
    for failure in &left {
        super::note!(
            "warning: could not delete task {failure}; delete what is left with: kubectl delete pods -A -l {}",
            executor::pods::task_pod_selector(&namespace, &name)
        );
    }
    if !options.stop.is_cancelled() {
        return Ended::Finished(outcome);
    }
    let status = settle_stopped(store, &namespace, &name, outcome).await;
    super::note!("{}", stop_summary(&name, &status, left.is_empty()));
    Ended::Stopped
}

/// What a stopped run did: recorded as failed, its pods deleted or not, and for each action
/// that started, whether its deferPhase ran to completion.
fn stop_summary(name: &str, status: &ActionSetStatus, pods_deleted: bool) -> String {
    let described = executor::stop_described();
    let mut summary = format!(
        "actionset {name}: {described}: recorded as failed; {}",
        if pods_deleted {
            "task pods deleted"
        } else {
            "some task pods could not be deleted (see above)"
        }
    );
    for action in &status.actions {
        let defer = &action.defer_phase;
        if !defer.name.is_empty() && action.phases.iter().any(|p| p.state != State::Pending) {
            summary.push_str(&format!(
                "; deferPhase {:?} of action {} on {} {}",
                defer.name,
                action.name,
                action.object.describe(),
                match defer.state {
                    State::Complete => "ran to completion",
                    _ => "did not complete: check what it should have undone",
                }
            ));
        }
    }
    summary
}
