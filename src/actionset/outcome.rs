//! How a run ended: whether a final status can still change, and the record of a client-side
//! run that was stopped, made consistent when the executor could not finish doing so.

use anyhow::Result;

use super::executor;
use super::record::Store;
use super::types::{ActionSetStatus, Phase, State};

/// Whether a final status will change no more. The controller marks the ActionSet `failed` as
/// soon as a phase fails and only then runs that action's defer phase (and the other actions
/// go on), so `failed` alone is not the end: wait while a phase runs, or while an action that
/// started its phases has its defer phase still to run.
pub fn settled(status: &ActionSetStatus) -> bool {
    status.actions.iter().all(|action| {
        let defer = Some(&action.defer_phase).filter(|d| !d.name.is_empty());
        let running = action
            .phases
            .iter()
            .chain(defer)
            .any(|p| p.state == State::Running);
        let started = action.phases.iter().any(|p| p.state != State::Pending);
        let defer_due = started && defer.is_some_and(|d| d.state == State::Pending);
        !running && !defer_due
    })
}

/// The record of a stopped run, made consistent if the executor could not finish doing so
/// (it failed early): failed, nothing running.
pub async fn settle_stopped(
    store: &Store,
    namespace: &str,
    name: &str,
    outcome: Result<ActionSetStatus>,
) -> ActionSetStatus {
    let mut status = match outcome {
        Ok(status) => status,
        Err(e) => {
            super::note!("error: actionset {name}: {e:#}");
            store
                .get(namespace, name)
                .await
                .ok()
                .flatten()
                .and_then(|a| a.status)
                .unwrap_or_default()
        }
    };
    let running = |p: &Phase| p.state == State::Running;
    let consistent = status.state == State::Failed
        && status
            .actions
            .iter()
            .all(|a| !a.phases.iter().any(running) && !running(&a.defer_phase));
    if !consistent {
        status.state = State::Failed;
        for action in status.actions.iter_mut() {
            for phase in action
                .phases
                .iter_mut()
                .chain(std::iter::once(&mut action.defer_phase))
            {
                if phase.state == State::Running {
                    phase.state = State::Failed;
                }
            }
        }
        status.progress.running_phase.clear();
        if status.error.message.is_empty() {
            status.error.message = format!(
                "{}: the client-side run was stopped",
                executor::stop_described()
            );
        }
        if let Err(e) = store.write_status(namespace, name, &status).await {
            super::note!("warning: cannot record actionset {name} as failed: {e:#}");
        }
    }
    status
}
