//! Azure Storage Shared Key authorization (version 2009-09-19 and later string-to-sign).
//! HMAC-SHA256 is written out over `sha2` (RFC 2104) to avoid a second digest-crate generation.

use sha2::{Digest, Sha256};
use url::Url;

/// The headers that take part in the signature, as they will be sent.
#[derive(Default)]
pub(crate) struct SignedRequest<'a> {
    pub method: &'a str,
    pub content_length: u64,
    pub content_type: &'a str,
    pub if_match: &'a str,
    pub range: &'a str,
    /// `x-ms-*` headers, names lowercase.
    pub ms_headers: Vec<(&'a str, String)>,
}

/// `SharedKey <account>:<signature>` for `request` to `url`.
pub(crate) fn authorization(
    account: &str,
    key: &[u8],
    url: &Url,
    request: &SignedRequest<'_>,
) -> String {
    let to_sign = string_to_sign(account, url, request);
    let signature = hmac_sha256(key, to_sign.as_bytes());
    use base64::Engine as _;
    format!(
        "SharedKey {account}:{}",
        base64::engine::general_purpose::STANDARD.encode(signature)
    )
}

pub(crate) fn string_to_sign(account: &str, url: &Url, request: &SignedRequest<'_>) -> String {
    let length = if request.content_length == 0 {
        String::new()
    } else {
        request.content_length.to_string()
    };
    let mut headers: Vec<(String, String)> = request
        .ms_headers
        .iter()
        .map(|(n, v)| (n.to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    headers.sort();
    let canonical_headers: String = headers.iter().map(|(n, v)| format!("{n}:{v}\n")).collect();
    format!(
        "{}\n\n\n{}\n\n{}\n\n\n{}\n\n\n{}\n{}{}",
        request.method,
        length,
        request.content_type,
        request.if_match,
        request.range,
        canonical_headers,
        canonical_resource(account, url)
    )
}

/// `/<account><encoded path>` then `\n<name>:<values>` for each query parameter, sorted.
fn canonical_resource(account: &str, url: &Url) -> String {
    let mut resource = format!("/{account}{}", url.path());
    let mut params: Vec<(String, String)> = url
        .query_pairs()
        .map(|(n, v)| (n.to_ascii_lowercase(), v.into_owned()))
        .collect();
    params.sort();
    let mut names: Vec<&str> = params.iter().map(|(n, _)| n.as_str()).collect();
    names.dedup();
    for name in names {
        let values: Vec<&str> = params
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect();
        resource.push_str(&format!("\n{name}:{}", values.join(",")));
    }
    resource
}

pub(crate) fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut padded = [0u8; BLOCK];
    if key.len() > BLOCK {
        padded[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        padded[..key.len()].copy_from_slice(key);
    }
    let inner = Sha256::new()
        .chain_update(padded.map(|b| b ^ 0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(padded.map(|b| b ^ 0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 4231 test cases 1, 2 and 6 (key longer than a block).
    #[test]
    fn hmac_matches_rfc_4231() {
        let cases: [(&[u8], &[u8], &str); 3] = [
            (
                &[0x0b; 20],
                b"Hi There",
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            ),
            (
                b"Jefe",
                b"what do ya want for nothing?",
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            ),
            (
                &[0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First",
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            ),
        ];
        for (key, data, want) in cases {
            assert_eq!(hex::encode(hmac_sha256(key, data)), want);
        }
    }

    #[test]
    fn string_to_sign_layout() {
        let url: Url =
            "http://127.0.0.1:10000/devstoreaccount1/c/a%20b?comp=block&blockid=YQ%3D%3D"
                .parse()
                .unwrap();
        let request = SignedRequest {
            method: "PUT",
            content_length: 5,
            ms_headers: vec![
                ("x-ms-version", "2021-08-06".into()),
                ("x-ms-date", "Sat, 21 Nov 2026 10:00:00 GMT".into()),
            ],
            ..Default::default()
        };
        let text = string_to_sign("devstoreaccount1", &url, &request);
        assert_eq!(
            text,
            "PUT\n\n\n5\n\n\n\n\n\n\n\n\nx-ms-date:Sat, 21 Nov 2026 10:00:00 GMT\nx-ms-version:2021-08-06\n\
             /devstoreaccount1/devstoreaccount1/c/a%20b\nblockid:YQ==\ncomp:block"
        );
    }
}
