//! The messages of etcd's `etcdserverpb` package (api/etcdserverpb/rpc.proto) that the plugin
//! sends and receives, encoded and decoded by hand with their proto field numbers: two requests
//! of one or two string fields and two responses do not justify a code generator (and its
//! `protoc`) in the build.

use bytes::Bytes;
use http::HeaderValue;

use super::{Channel, Error, Messages};
use crate::etcd::protowire::{self, Value};

/// `rpc Authenticate(AuthenticateRequest) returns (AuthenticateResponse)` of `service Auth`.
pub const AUTHENTICATE: &str = "/etcdserverpb.Auth/Authenticate";
/// `rpc Snapshot(SnapshotRequest) returns (stream SnapshotResponse)` of `service Maintenance`.
pub const SNAPSHOT: &str = "/etcdserverpb.Maintenance/Snapshot";

/// The metadata key etcd reads the auth token from (`rpctypes.TokenFieldNameGRPC`).
const TOKEN_METADATA: &str = "token";

/// Logs in as `name` and sends the token etcd returns with every later call on `channel`, as
/// etcdctl does for `--user`.
pub async fn authenticate(channel: &mut Channel, name: &str, password: &str) -> Result<(), Error> {
    // AuthenticateRequest { string name = 1; string password = 2; }
    let mut request = Vec::new();
    put_string(&mut request, 1, name);
    put_string(&mut request, 2, password);
    let response = channel.unary(AUTHENTICATE, &request).await?;
    // AuthenticateResponse { ResponseHeader header = 1; string token = 2; }
    let mut token = None;
    for field in protowire::fields(&response) {
        if let (2, Value::Bytes(bytes)) = field.map_err(malformed("AuthenticateResponse"))? {
            token = Some(bytes);
        }
    }
    let token = token.ok_or_else(|| {
        Error::Protocol("etcd accepted the user but returned no auth token".into())
    })?;
    let token = HeaderValue::from_bytes(token)
        .map_err(|_| Error::Protocol("etcd returned an auth token that is not ASCII".into()))?;
    channel.set_metadata(TOKEN_METADATA, token);
    Ok(())
}

/// Starts streaming a snapshot of the member's backend database.
pub async fn snapshot(channel: &mut Channel) -> Result<SnapshotStream, Error> {
    // SnapshotRequest has no fields: its encoding is empty.
    let messages = channel.server_streaming(SNAPSHOT, &[]).await?;
    Ok(SnapshotStream { messages })
}

/// The `SnapshotResponse` messages of one snapshot, in order.
pub struct SnapshotStream {
    messages: Messages,
}

impl SnapshotStream {
    /// The next chunk, or `None` when the member ended the stream with status OK.
    pub async fn message(&mut self) -> Result<Option<SnapshotResponse>, Error> {
        match self.messages.message().await? {
            Some(message) => SnapshotResponse::decode(message).map(Some),
            None => Ok(None),
        }
    }
}

/// One chunk of a snapshot. The last message's blob is the SHA-256 of all blobs before it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SnapshotResponse {
    /// Blob bytes still to come after this message.
    pub remaining_bytes: u64,
    pub blob: Bytes,
    /// The member's storage version (etcd ≥ 3.6; empty before).
    pub version: String,
}

impl SnapshotResponse {
    /// `SnapshotResponse { ResponseHeader header = 1; uint64 remaining_bytes = 2; bytes blob = 3;
    /// string version = 4; }`. The blob is a slice of `message`, not a copy.
    pub fn decode(message: Bytes) -> Result<SnapshotResponse, Error> {
        let mut response = SnapshotResponse::default();
        for field in protowire::fields(&message) {
            match field.map_err(malformed("SnapshotResponse"))? {
                (2, Value::Varint(remaining)) => response.remaining_bytes = remaining,
                (3, Value::Bytes(blob)) => response.blob = message.slice_ref(blob),
                (4, Value::Bytes(version)) => {
                    response.version = String::from_utf8_lossy(version).into_owned();
                }
                _ => {}
            }
        }
        Ok(response)
    }
}

fn malformed(message: &'static str) -> impl Fn(protowire::WireError) -> Error {
    move |e| Error::Protocol(format!("etcd sent a malformed {message}: {e}"))
}

/// Appends a length-delimited field (wire type 2). proto3 leaves empty strings out.
fn put_string(out: &mut Vec<u8>, number: u32, value: &str) {
    if value.is_empty() {
        return;
    }
    put_varint(out, u64::from(number) << 3 | 2);
    put_varint(out, value.len() as u64);
    out.extend_from_slice(value.as_bytes());
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_strings_as_protobuf_does() {
        let mut out = Vec::new();
        put_string(&mut out, 1, "root");
        put_string(&mut out, 2, "");
        put_string(&mut out, 2, &"p".repeat(200));
        // tag 1/LEN = 0x0a, length 4; tag 2/LEN = 0x12, length 200 = varint c8 01.
        assert_eq!(&out[..6], b"\x0a\x04root");
        assert_eq!(&out[6..9], b"\x12\xc8\x01");
        assert_eq!(out.len(), 9 + 200);
    }

    #[test]
    fn decodes_a_snapshot_response_without_copying_the_blob() {
        // header {cluster_id: 1} (1), remaining_bytes 300 (2), blob "abc" (3), version "3.6.0" (4),
        // and an unknown field 9 that must be skipped.
        let message =
            Bytes::from_static(b"\x0a\x02\x08\x01\x10\xac\x02\x1a\x03abc\x22\x053.6.0\x48\x01");
        let response = SnapshotResponse::decode(message.clone()).unwrap();
        assert_eq!(response.remaining_bytes, 300);
        assert_eq!(response.blob, &b"abc"[..]);
        assert_eq!(response.version, "3.6.0");
        assert_eq!(response.blob.as_ptr(), message[9..].as_ptr());

        let truncated = message.slice(..message.len() - 4);
        let err = SnapshotResponse::decode(truncated).unwrap_err().to_string();
        assert!(err.contains("malformed SnapshotResponse"), "{err}");
    }
}
