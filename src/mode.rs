//! The one mode policy: whether a capability hands its work to the controller installed in the
//! cluster (Velero for snapshots, restores and their schedules; the Kanister controller for
//! ActionSets) or does it from this machine.
//!
//! Every command that has `--mode` and `doctor` decide through [`decide`] (or [`choose`], which
//! skips the cluster inspection when the user already said `client`), so the rule and its
//! messages exist once:
//! - `auto` takes the controller when it is ready, else works client-side and says why;
//! - `controller` takes it or fails with [`not_installed`]'s text (a Kanister controller may
//!   be absent as long as its API is served: the ActionSet waits for it);
//! - `client` never looks.

use std::fmt;
use std::future::Future;
use std::str::FromStr;

use anyhow::{Result, bail};
use serde::Serialize;

/// What the user asked for with `--mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Requested {
    /// The controller when it is ready, else client-side.
    #[default]
    Auto,
    /// The controller, or an error saying what is missing.
    Controller,
    /// Always client-side; the cluster is not inspected.
    Client,
}

impl Requested {
    /// The `--mode` spellings, in the order help lists them.
    pub const NAMES: [&'static str; 3] = ["auto", "controller", "client"];

    pub fn as_str(self) -> &'static str {
        match self {
            Requested::Auto => "auto",
            Requested::Controller => "controller",
            Requested::Client => "client",
        }
    }
}

impl FromStr for Requested {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "auto" => Ok(Requested::Auto),
            "controller" => Ok(Requested::Controller),
            "client" => Ok(Requested::Client),
            other => Err(format!(
                "--mode {other:?}: expected one of {}",
                Requested::NAMES.join(", ")
            )),
        }
    }
}

impl fmt::Display for Requested {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who does the work, once decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    Controller,
    ClientSide,
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Mode::Controller => "controller",
            Mode::ClientSide => "client-side",
        })
    }
}

/// The controller a capability can hand its work to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Controller {
    /// Snapshots, restores and snapshot schedules.
    Velero,
    /// ActionSets.
    Kanister,
}

/// What was found of a controller in the cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// It runs and can take the work now; the text says what was found.
    Ready(String),
    /// Its API is served but it cannot take the work now (not running, no Available storage
    /// location, …); the text says what is missing.
    ApiOnly(String),
    /// Its API is not served.
    Absent(String),
}

impl Found {
    pub fn reason(&self) -> &str {
        match self {
            Found::Ready(reason) | Found::ApiOnly(reason) | Found::Absent(reason) => reason,
        }
    }
}

/// The mode chosen and why, in words `doctor` and `--verbose` print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub mode: Mode,
    pub reason: String,
}

impl Decision {
    pub fn is_controller(&self) -> bool {
        self.mode == Mode::Controller
    }

    pub fn client_side(reason: impl Into<String>) -> Decision {
        Decision {
            mode: Mode::ClientSide,
            reason: reason.into(),
        }
    }
}

/// The error for `--mode controller` when the controller cannot take the work.
pub fn not_installed(controller: Controller) -> &'static str {
    match controller {
        Controller::Velero => {
            "--mode controller needs a running Velero server with an Available BackupStorageLocation; see `kubectl backup doctor`, or use --mode client"
        }
        Controller::Kanister => {
            "--mode controller: the ActionSet CRD (actionsets.cr.kanister.io) is not installed"
        }
    }
}

/// `--mode auto` on a finished inspection, which cannot fail: what `doctor` reports.
pub fn auto(found: Found) -> Decision {
    match found {
        Found::Ready(reason) => Decision {
            mode: Mode::Controller,
            reason,
        },
        Found::ApiOnly(reason) | Found::Absent(reason) => Decision::client_side(reason),
    }
}

/// Decides from what was found. An inspection that failed is an error under `controller` and a
/// reason to work client-side under `auto`.
pub fn decide(
    requested: Requested,
    controller: Controller,
    found: Result<Found>,
) -> Result<Decision> {
    let found = match (requested, found) {
        (Requested::Client, _) => return Ok(Decision::client_side("--mode client")),
        (Requested::Controller, Err(e)) => return Err(e),
        (Requested::Auto, Err(e)) => {
            return Ok(Decision::client_side(format!("{e:#}")));
        }
        (_, Ok(found)) => found,
    };
    match (requested, found) {
        (Requested::Auto, found) => Ok(auto(found)),
        (_, Found::Ready(reason)) => Ok(Decision {
            mode: Mode::Controller,
            reason,
        }),
        // An ActionSet waits in the API until a Kanister controller picks it up.
        (Requested::Controller, Found::ApiOnly(reason)) if controller == Controller::Kanister => {
            Ok(Decision {
                mode: Mode::Controller,
                reason,
            })
        }
        _ => bail!("{}", not_installed(controller)),
    }
}

/// [`decide`], inspecting the cluster only when the choice depends on it: `inspect` is not
/// polled under `--mode client`.
pub async fn choose(
    requested: Requested,
    controller: Controller,
    inspect: impl Future<Output = Result<Found>>,
) -> Result<Decision> {
    if requested == Requested::Client {
        return decide(requested, controller, Ok(Found::Absent(String::new())));
    }
    decide(requested, controller, inspect.await)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ready() -> Result<Found> {
        Ok(Found::Ready("up".into()))
    }

    fn api_only() -> Result<Found> {
        Ok(Found::ApiOnly("not running".into()))
    }

    fn absent() -> Result<Found> {
        Ok(Found::Absent("no CRDs".into()))
    }

    #[test]
    fn auto_takes_a_ready_controller_and_otherwise_says_why_not() {
        for controller in [Controller::Velero, Controller::Kanister] {
            let d = decide(Requested::Auto, controller, ready()).unwrap();
            assert_eq!((d.mode, d.reason.as_str()), (Mode::Controller, "up"));
            let d = decide(Requested::Auto, controller, api_only()).unwrap();
            assert_eq!(
                (d.mode, d.reason.as_str()),
                (Mode::ClientSide, "not running")
            );
            let d = decide(Requested::Auto, controller, absent()).unwrap();
            assert_eq!((d.mode, d.reason.as_str()), (Mode::ClientSide, "no CRDs"));
            let d = decide(Requested::Auto, controller, Err(anyhow::anyhow!("403"))).unwrap();
            assert_eq!((d.mode, d.reason.as_str()), (Mode::ClientSide, "403"));
        }
    }

    #[test]
    fn controller_refuses_what_cannot_take_the_work() {
        let e = decide(Requested::Controller, Controller::Velero, api_only()).unwrap_err();
        assert_eq!(e.to_string(), not_installed(Controller::Velero));
        let e = decide(Requested::Controller, Controller::Kanister, absent()).unwrap_err();
        assert_eq!(e.to_string(), not_installed(Controller::Kanister));
        let e = decide(
            Requested::Controller,
            Controller::Velero,
            Err(anyhow::anyhow!("unreachable")),
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "unreachable");
    }

    #[test]
    fn a_kanister_actionset_may_wait_for_its_controller() {
        let d = decide(Requested::Controller, Controller::Kanister, api_only()).unwrap();
        assert_eq!(d.mode, Mode::Controller);
    }

    #[test]
    fn client_never_inspects() {
        let d = futures::executor::block_on(choose(Requested::Client, Controller::Velero, async {
            panic!("inspected under --mode client")
        }))
        .unwrap();
        assert_eq!(d.mode, Mode::ClientSide);
    }

    #[test]
    fn every_spelling_parses_back() {
        for name in Requested::NAMES {
            assert_eq!(name.parse::<Requested>().unwrap().as_str(), name);
        }
        assert!("client-side".parse::<Requested>().is_err());
    }
}
