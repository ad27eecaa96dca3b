//! `--mode`: one flag for every command that can hand its work to a controller. The values are
//! `crate::mode::Requested`'s; each command describes what they mean for it.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use crate::mode::Requested;

/// What `auto`, `controller` and `client` do for one command, as `--help` shows them.
pub type ModeHelp = [&'static str; 3];

pub fn parser(help: ModeHelp) -> impl TypedValueParser<Value = Requested> {
    PossibleValuesParser::new(
        Requested::NAMES
            .into_iter()
            .zip(help)
            .map(|(name, help)| PossibleValue::new(name).help(help)),
    )
    .try_map(|text| text.parse::<Requested>())
}
