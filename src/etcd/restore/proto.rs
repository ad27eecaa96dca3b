//! Just enough protobuf encoding for the raft, WAL and snapshot messages a restore writes. etcd's
//! messages are gogoproto with `nullable = false`: scalar fields are written even when zero, in
//! field-number order, and that is what these helpers reproduce.

#[derive(Default)]
pub struct Message(Vec<u8>);

impl Message {
    pub fn new() -> Self {
        Self::default()
    }

    /// A varint field, written even when zero (gogoproto non-nullable).
    pub fn uint(mut self, field: u32, value: u64) -> Self {
        put_varint(&mut self.0, u64::from(field) << 3);
        put_varint(&mut self.0, value);
        self
    }

    /// A length-delimited field (bytes, string or nested message).
    pub fn bytes(mut self, field: u32, value: &[u8]) -> Self {
        put_varint(&mut self.0, (u64::from(field) << 3) | 2);
        put_varint(&mut self.0, value.len() as u64);
        self.0.extend_from_slice(value);
        self
    }

    pub fn finish(self) -> Vec<u8> {
        self.0
    }
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// `raftpb.ConfState{voters}` (non-packed repeated, then `auto_leave = false`).
pub fn conf_state(voters: &[u64]) -> Vec<u8> {
    voters
        .iter()
        .fold(Message::new(), |m, &id| m.uint(1, id))
        .uint(5, 0)
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_gogoproto() {
        assert_eq!(
            Message::new().uint(1, 4).uint(2, 0).finish(),
            [0x08, 4, 0x10, 0]
        );
        assert_eq!(Message::new().uint(1, 300).finish(), [0x08, 0xac, 0x02]);
        assert_eq!(
            Message::new().bytes(3, b"ab").finish(),
            [0x1a, 2, b'a', b'b']
        );
        assert_eq!(conf_state(&[1, 2]), [0x08, 1, 0x08, 2, 0x28, 0]);
    }
}
