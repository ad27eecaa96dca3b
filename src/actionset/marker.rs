//! Kanister's phase-output marker: `kando output KEY VALUE` prints
//! `###Phase-output###: {"key":"KEY","value":"VALUE"}` and the executor collects those pairs from
//! a function's output stream. Lines may be arbitrarily long (upstream broke on 64 KiB lines), so
//! the collector works on bytes as they arrive and never needs the whole log.

use anyhow::{Result, anyhow};
use serde_json::{Map, Value};

pub const MARKER: &str = "###Phase-output###:";

/// The line `kando output` prints for one pair.
pub fn format_line(key: &str, value: &str) -> String {
    let json = serde_json::json!({"key": key, "value": value});
    format!("{MARKER} {json}\n")
}

/// Whether `key` is a valid output key (`^[a-zA-Z0-9_]*$`, non-empty).
pub fn valid_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Parses one line: `Ok(None)` when it carries no marker; a marker followed by something that is
/// not `{"key":…,"value":…}` is an error, as upstream fails the phase.
pub fn parse_line(line: &str) -> Result<Option<(String, Value)>> {
    let Some(at) = line.find(MARKER) else {
        return Ok(None);
    };
    let rest = line[at + MARKER.len()..].trim();
    let parsed: Value = serde_json::from_str(rest)
        .map_err(|e| anyhow!("cannot decode phase output {:?}: {e}", shorten(rest)))?;
    let key = parsed
        .get("key")
        .and_then(Value::as_str)
        .ok_or_else(|| anyhow!("phase output {:?} has no key", shorten(rest)))?;
    let value = parsed.get("value").cloned().unwrap_or(Value::Null);
    Ok(Some((key.to_string(), value)))
}

fn shorten(s: &str) -> String {
    if s.len() <= 120 {
        return s.to_string();
    }
    let mut end = 120;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

/// Collects output pairs from a byte stream fed in chunks of any size. Only a line that contains
/// the marker is kept whole; other lines are dropped as they pass (memory stays bounded by the
/// longest *marker* line, not the log).
#[derive(Debug, Default)]
pub struct Collector {
    line: Vec<u8>,
    /// Whether the current partial line is known to contain no marker yet and was trimmed.
    output: Map<String, Value>,
    error: Option<String>,
    seen: bool,
}

impl Collector {
    pub fn new() -> Collector {
        Collector::default()
    }

    pub fn feed(&mut self, mut bytes: &[u8]) {
        while let Some(nl) = bytes.iter().position(|b| *b == b'\n') {
            self.line.extend_from_slice(&bytes[..nl]);
            self.finish_line();
            bytes = &bytes[nl + 1..];
        }
        self.line.extend_from_slice(bytes);
        self.trim_markerless();
    }

    /// Drops the head of a long partial line that cannot be part of a marker.
    fn trim_markerless(&mut self) {
        const KEEP: usize = 64 * 1024;
        if self.line.len() <= KEEP {
            return;
        }
        if find(&self.line, MARKER.as_bytes()).is_some() {
            return;
        }
        let drop = self.line.len() - MARKER.len();
        self.line.drain(..drop);
    }

    fn finish_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        if line.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        let text = String::from_utf8_lossy(&line);
        match parse_line(&text) {
            Ok(Some((k, v))) => {
                self.seen = true;
                self.output.insert(k, v);
            }
            Ok(None) => {}
            Err(e) => {
                if self.error.is_none() {
                    self.error = Some(e.to_string());
                }
            }
        }
    }

    /// Ends the stream: the pairs (`None` when no marker appeared) or the first decode error.
    pub fn finish(mut self) -> Result<Option<Map<String, Value>>> {
        if !self.line.is_empty() {
            self.finish_line();
        }
        if let Some(e) = self.error {
            return Err(anyhow!(e));
        }
        Ok(self.seen.then_some(self.output))
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_anywhere_in_line() {
        let line = format_line("path", "a \"b\"\nc");
        assert!(line.starts_with("###Phase-output###: {\"key\":\"path\""));
        let mut c = Collector::new();
        c.feed(b"hello\n\nprefix text ");
        c.feed(line.as_bytes());
        c.feed(format_line("path", "last").as_bytes());
        c.feed(format_line("other", "x").trim_end().as_bytes());
        let out = c.finish().unwrap().unwrap();
        assert_eq!(out["path"], "last");
        assert_eq!(out["other"], "x");
    }

    #[test]
    fn long_lines_and_values() {
        let mut c = Collector::new();
        let noise = vec![b'x'; 300_000];
        for chunk in noise.chunks(7000) {
            c.feed(chunk);
        }
        c.feed(b"\n");
        let big = "v".repeat(200_000);
        let line = format_line("big", &big);
        for chunk in line.as_bytes().chunks(4096) {
            c.feed(chunk);
        }
        let out = c.finish().unwrap().unwrap();
        assert_eq!(out["big"].as_str().unwrap().len(), 200_000);
    }

    #[test]
    fn no_marker_is_none_and_garbage_fails() {
        let mut c = Collector::new();
        c.feed(b"just logs\n");
        assert!(c.finish().unwrap().is_none());
        let mut c = Collector::new();
        c.feed(b"###Phase-output###: {not json\n");
        assert!(c.finish().is_err());
        assert!(valid_key("s3_path1") && !valid_key("a-b") && !valid_key(""));
    }
}
