//! etcd's deterministic member and cluster IDs, so that a restored member has the identity etcd
//! itself would give it (and every member restored from the same flags agrees on the cluster).

use sha1::{Digest, Sha1};

/// `SHA-1(sorted peer URLs concatenated + cluster token)`, first 8 bytes big-endian.
pub fn member_id(peer_urls: &[String], token: &str) -> u64 {
    let mut sorted: Vec<&str> = peer_urls.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    let mut hasher = Sha1::new();
    for url in sorted {
        hasher.update(url.as_bytes());
    }
    hasher.update(token.as_bytes());
    first_u64(&hasher.finalize())
}

/// `SHA-1(sorted member IDs, each 8 bytes big-endian)`, first 8 bytes big-endian.
pub fn cluster_id(member_ids: &[u64]) -> u64 {
    let mut sorted = member_ids.to_vec();
    sorted.sort_unstable();
    let mut hasher = Sha1::new();
    for id in sorted {
        hasher.update(id.to_be_bytes());
    }
    first_u64(&hasher.finalize())
}

/// etcd prints IDs as lowercase hex without padding (`types.ID.String()`); the `members` bucket
/// uses the same form as its keys.
pub fn id_string(id: u64) -> String {
    format!("{id:x}")
}

fn first_u64(digest: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_etcd_check_values() {
        let member = member_id(&["http://127.0.0.1:23801".into()], "restore-tok");
        assert_eq!(id_string(member), "254e998c1e99f209");
        assert_eq!(id_string(cluster_id(&[member])), "ffea6c6f00bb6224");

        let default = member_id(&["http://localhost:2380".into()], "etcd-cluster");
        assert_eq!(id_string(default), "8e9e05c52164694d");
        assert_eq!(id_string(cluster_id(&[default])), "cdf818194e3a8c32");
    }

    #[test]
    fn order_does_not_matter() {
        let a = member_id(&["http://b:1".into(), "http://a:1".into()], "t");
        let b = member_id(&["http://a:1".into(), "http://b:1".into()], "t");
        assert_eq!(a, b);
        assert_eq!(cluster_id(&[3, 1, 2]), cluster_id(&[1, 2, 3]));
    }
}
