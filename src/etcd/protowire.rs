//! A minimal, zero-copy protobuf wire-format reader: enough to decode etcd's `mvccpb.KeyValue`
//! and Kubernetes objects without generated types.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value<'a> {
    Varint(u64),
    Fixed64(u64),
    Bytes(&'a [u8]),
    Fixed32(u32),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed protobuf at byte {offset}: {what}")]
pub struct WireError {
    pub offset: usize,
    pub what: &'static str,
}

/// Iterates over `(field number, value)` pairs; stops after the first error.
#[derive(Debug, Clone)]
pub struct Fields<'a> {
    buf: &'a [u8],
    pos: usize,
    failed: bool,
}

pub fn fields(buf: &[u8]) -> Fields<'_> {
    Fields {
        buf,
        pos: 0,
        failed: false,
    }
}

impl<'a> Fields<'a> {
    fn varint(&mut self) -> Result<u64, WireError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&byte) = self.buf.get(self.pos) else {
                return Err(self.error("truncated varint"));
            };
            self.pos += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.error("varint longer than 10 bytes"))
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], WireError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.buf.len())
            .ok_or_else(|| self.error("length runs past the end"))?;
        let bytes = &self.buf[self.pos..end];
        self.pos = end;
        Ok(bytes)
    }

    fn error(&self, what: &'static str) -> WireError {
        WireError {
            offset: self.pos,
            what,
        }
    }

    fn field(&mut self) -> Result<(u32, Value<'a>), WireError> {
        let tag = self.varint()?;
        let number = u32::try_from(tag >> 3).map_err(|_| self.error("field number too large"))?;
        if number == 0 {
            return Err(self.error("field number 0"));
        }
        let value = match tag & 7 {
            0 => Value::Varint(self.varint()?),
            1 => Value::Fixed64(u64::from_le_bytes(self.take(8)?.try_into().expect("8"))),
            2 => {
                let len = self.varint()?;
                let len = usize::try_from(len).map_err(|_| self.error("length too large"))?;
                Value::Bytes(self.take(len)?)
            }
            5 => Value::Fixed32(u32::from_le_bytes(self.take(4)?.try_into().expect("4"))),
            _ => {
                return Err(self.error("unsupported wire type (groups are not used by Kubernetes)"));
            }
        };
        Ok((number, value))
    }
}

impl<'a> Iterator for Fields<'a> {
    type Item = Result<(u32, Value<'a>), WireError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.buf.len() {
            return None;
        }
        let result = self.field();
        self.failed = result.is_err();
        Some(result)
    }
}

/// Whether `buf` parses completely as a protobuf message.
pub fn is_message(buf: &[u8]) -> bool {
    fields(buf).all(|f| f.is_ok())
}

/// `mvccpb.KeyValue`, borrowed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeyValue<'a> {
    pub key: &'a [u8],
    pub create_revision: i64,
    pub mod_revision: i64,
    pub version: i64,
    pub value: &'a [u8],
    pub lease: i64,
}

impl<'a> KeyValue<'a> {
    pub fn decode(buf: &'a [u8]) -> Result<KeyValue<'a>, WireError> {
        let mut kv = KeyValue::default();
        for field in fields(buf) {
            match field? {
                (1, Value::Bytes(b)) => kv.key = b,
                (2, Value::Varint(v)) => kv.create_revision = v as i64,
                (3, Value::Varint(v)) => kv.mod_revision = v as i64,
                (4, Value::Varint(v)) => kv.version = v as i64,
                (5, Value::Bytes(b)) => kv.value = b,
                (6, Value::Varint(v)) => kv.lease = v as i64,
                _ => {}
            }
        }
        Ok(kv)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_a_key_value() {
        // key "/a" (1), create 5 (2), mod 300 (3), version 2 (4), value "xy" (5)
        let buf = [
            0x0a, 2, b'/', b'a', 0x10, 5, 0x18, 0xac, 0x02, 0x20, 2, 0x2a, 2, b'x', b'y',
        ];
        let kv = KeyValue::decode(&buf).unwrap();
        assert_eq!(kv.key, b"/a");
        assert_eq!(
            (kv.create_revision, kv.mod_revision, kv.version),
            (5, 300, 2)
        );
        assert_eq!(kv.value, b"xy");
        assert!(KeyValue::decode(&buf[..buf.len() - 1]).is_err());
        assert!(is_message(&buf));
        assert!(!is_message(b"hello"));
    }
}
