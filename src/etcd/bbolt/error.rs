use std::path::PathBuf;

/// Why a bbolt file could not be read. Messages name the page so a corrupt file can be
/// reported precisely; none of them panics the reader.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("not a bbolt database: {0}")]
    NotBbolt(String),
    #[error(
        "the database is truncated: its pages need {needed} bytes but the file has {actual} \
         — the copy was interrupted or the file was cut; use another copy"
    )]
    Truncated { needed: u64, actual: u64 },
    #[error("page {page}: out of bounds (the database has {high_water_mark} pages)")]
    OutOfBounds { page: u64, high_water_mark: u64 },
    #[error("page {page}: {detail}")]
    Corrupt { page: u64, detail: String },
}

impl Error {
    pub(crate) fn corrupt(page: u64, detail: impl Into<String>) -> Self {
        Error::Corrupt {
            page,
            detail: detail.into(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
