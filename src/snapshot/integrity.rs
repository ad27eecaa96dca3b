//! Our integrity record, `backups/<B>/<B>-kubectl-backup-integrity.json.gz`: gzipped JSON lines,
//! one per tarball entry in tarball order (`path`, `sha256`, `size`), then a trailer with the
//! SHA-256 and size of the compressed tarball. Because the lines follow the tarball's order,
//! both writer and reader stream it next to the tarball in constant memory. Velero ignores it.

use std::io::{BufRead, BufReader, Read, Write};

use anyhow::{Context, Result, bail};
use flate2::Compression;
use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const FORMAT: &str = "kubectl-backup.integrity/v1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Record {
    /// One tarball entry.
    Entry {
        path: String,
        sha256: String,
        size: u64,
    },
    /// The last line: the tarball as stored.
    Tarball {
        format: String,
        sha256: String,
        size: u64,
        entries: u64,
    },
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Streams records into a gzip writer (a temp file while the tarball is being written).
pub struct IntegrityWriter<W: Write> {
    out: GzEncoder<W>,
    entries: u64,
}

impl<W: Write> IntegrityWriter<W> {
    pub fn new(out: W) -> Self {
        IntegrityWriter {
            out: GzEncoder::new(out, Compression::default()),
            entries: 0,
        }
    }

    pub fn entry(&mut self, path: &str, sha256: &str, size: u64) -> std::io::Result<()> {
        self.entries += 1;
        self.line(&Record::Entry {
            path: path.to_string(),
            sha256: sha256.to_string(),
            size,
        })
    }

    pub fn finish(mut self, tarball_sha256: &str, tarball_size: u64) -> std::io::Result<W> {
        let trailer = Record::Tarball {
            format: FORMAT.to_string(),
            sha256: tarball_sha256.to_string(),
            size: tarball_size,
            entries: self.entries,
        };
        self.line(&trailer)?;
        self.out.finish()
    }

    fn line(&mut self, record: &Record) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.out, record)?;
        self.out.write_all(b"\n")
    }
}

/// Reads a record back, one line at a time, checking each tarball entry as it comes.
pub struct IntegrityReader<R: Read> {
    lines: std::io::Lines<BufReader<MultiGzDecoder<R>>>,
    checked: u64,
}

impl<R: Read> IntegrityReader<R> {
    pub fn new(input: R) -> Self {
        IntegrityReader {
            lines: BufReader::new(MultiGzDecoder::new(input)).lines(),
            checked: 0,
        }
    }

    fn next_record(&mut self) -> Result<Option<Record>> {
        let Some(line) = self.lines.next() else {
            return Ok(None);
        };
        let line = line.context("the integrity record is unreadable or truncated")?;
        let record = serde_json::from_str(&line)
            .with_context(|| format!("the integrity record has a malformed line: {line:.120}"))?;
        Ok(Some(record))
    }

    /// Checks the next tarball entry against the next recorded one.
    pub fn check_entry(&mut self, path: &str, sha256: &str, size: u64) -> Result<()> {
        match self.next_record()? {
            Some(Record::Entry {
                path: want_path,
                sha256: want_sha,
                size: want_size,
            }) => {
                if want_path != path {
                    bail!(
                        "tarball entry #{} is {path:?} but the integrity record expects {want_path:?}: entries were added, removed or reordered",
                        self.checked + 1
                    );
                }
                if want_sha != sha256 || want_size != size {
                    bail!(
                        "{path} was modified after the backup was written (SHA-256 {sha256}, recorded {want_sha})"
                    );
                }
                self.checked += 1;
                Ok(())
            }
            Some(Record::Tarball { .. }) => bail!(
                "tarball entry {path:?} is not in the integrity record: entries were added after the backup was written"
            ),
            None => bail!("the integrity record ends before tarball entry {path:?}"),
        }
    }

    /// After the last entry: the trailer must come next and match the whole tarball.
    pub fn finish(mut self, tarball_sha256: &str, tarball_size: u64) -> Result<()> {
        match self.next_record()? {
            Some(Record::Tarball {
                format,
                sha256,
                size,
                entries,
            }) => {
                if format != FORMAT {
                    bail!("unknown integrity record format {format:?} (expected {FORMAT})");
                }
                if entries != self.checked {
                    bail!(
                        "the tarball has {} entries but the integrity record lists {entries}",
                        self.checked
                    );
                }
                if sha256 != tarball_sha256 || size != tarball_size {
                    bail!(
                        "the tarball's SHA-256 is {tarball_sha256} ({tarball_size} bytes) but the integrity record says {sha256} ({size} bytes): it was modified or replaced"
                    );
                }
                if self.next_record()?.is_some() {
                    bail!("the integrity record has lines after its trailer");
                }
                Ok(())
            }
            Some(Record::Entry { path, .. }) => bail!(
                "the tarball ends before {path:?}, which the integrity record lists: it was truncated or entries were removed"
            ),
            None => bail!("the integrity record has no trailer: it is truncated"),
        }
    }
}

/// A reader that hashes and counts every byte passing through (the compressed tarball).
pub struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
    count: u64,
}

impl<R: Read> HashingReader<R> {
    pub fn new(inner: R) -> Self {
        HashingReader {
            inner,
            hasher: Sha256::new(),
            count: 0,
        }
    }

    pub fn finish(self) -> (String, u64) {
        (hex::encode(self.hasher.finalize()), self.count)
    }
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }
}

/// A writer that hashes and counts every byte passing through (the compressed tarball).
pub struct HashingWriter<W> {
    inner: W,
    hasher: Sha256,
    count: u64,
}

impl<W: Write> HashingWriter<W> {
    pub fn new(inner: W) -> Self {
        HashingWriter {
            inner,
            hasher: Sha256::new(),
            count: 0,
        }
    }

    pub fn finish(self) -> (W, String, u64) {
        (self.inner, hex::encode(self.hasher.finalize()), self.count)
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(entries: &[(&str, &[u8])], tarball: &str, size: u64) -> Vec<u8> {
        let mut w = IntegrityWriter::new(Vec::new());
        for (path, body) in entries {
            w.entry(path, &sha256_hex(body), body.len() as u64).unwrap();
        }
        w.finish(tarball, size).unwrap()
    }

    #[test]
    fn matching_entries_pass() {
        let rec = record(&[("a", b"1"), ("b", b"22")], "ff", 9);
        let mut r = IntegrityReader::new(rec.as_slice());
        r.check_entry("a", &sha256_hex(b"1"), 1).unwrap();
        r.check_entry("b", &sha256_hex(b"22"), 2).unwrap();
        r.finish("ff", 9).unwrap();
    }

    #[test]
    fn tampering_is_named() {
        let rec = record(&[("a", b"1")], "ff", 9);
        let mut r = IntegrityReader::new(rec.as_slice());
        let err = r.check_entry("a", &sha256_hex(b"2"), 1).unwrap_err();
        assert!(err.to_string().contains("a was modified"), "{err}");

        let mut r = IntegrityReader::new(rec.as_slice());
        r.check_entry("a", &sha256_hex(b"1"), 1).unwrap();
        let err = r.finish("ee", 9).unwrap_err();
        assert!(err.to_string().contains("modified or replaced"), "{err}");

        let mut r = IntegrityReader::new(rec.as_slice());
        assert!(r.check_entry("x", &sha256_hex(b"1"), 1).is_err());

        let r = IntegrityReader::new(rec.as_slice());
        let err = r.finish("ff", 9).unwrap_err();
        assert!(err.to_string().contains("truncated"), "{err}");
    }

    #[test]
    fn a_truncated_record_is_refused() {
        let rec = record(&[("a", b"1"), ("b", b"2")], "ff", 9);
        let cut = &rec[..rec.len() - 10];
        let mut r = IntegrityReader::new(cut);
        let outcome = r
            .check_entry("a", &sha256_hex(b"1"), 1)
            .and_then(|_| r.check_entry("b", &sha256_hex(b"2"), 1));
        let outcome = outcome.and_then(|_| r.finish("ff", 9));
        assert!(outcome.is_err());
    }
}
