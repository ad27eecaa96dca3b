//! Kanister ActionSets: the CRD types, where they are recorded, the client-side executor, and
//! the in-pod `kando` stand-in.

/// `eprintln!` that never panics: with stderr closed (a broken pipe, a closed terminal) a
/// panic would end the process (release builds abort) before the run deletes its pods and
/// records how it ended.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}
pub(crate) use note;

pub mod client_run;
pub mod create;
pub mod events;
pub mod executor;
pub mod kando;
pub mod marker;
pub mod naming;
pub mod outcome;
pub mod preview;
pub mod record;
pub mod types;
pub mod validate;
