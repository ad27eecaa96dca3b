//! The value Kanister's templates see as `.Profile` (and `kando --profile` parses): the Profile
//! with its credentials **resolved** to actual values. Outer keys are Go field names, `Location`
//! keys are the CRD's JSON tags:
//!
//! ```json
//! {"Location":{"type":"s3Compliant","bucket":"b","endpoint":"","prefix":"p","region":"us-east-1"},
//!  "Credential":{"Type":"keyPair","KeyPair":{"ID":"AKIA…","Secret":"…"},"Secret":null,"KopiaServerSecret":null},
//!  "SkipSSLVerify":false}
//! ```
//!
//! `Debug` is redacted; the real value is only reachable through [`TemplateProfile::expose`].

use serde_json::{Value, json};

use super::types::Location;

pub const REDACTED: &str = "<redacted>";

/// Resolved credentials as Kanister's `param.Credential` carries them.
#[derive(Clone, PartialEq)]
pub enum TemplateCredential {
    /// `Credential.Type: keyPair`, `KeyPair: {ID, Secret}`.
    KeyPair { id: String, secret: String },
    /// `Credential.Type: secret`, `Secret`: the whole Secret as JSON (metadata, type, base64 data).
    Secret(Value),
    /// No credentials (local directories).
    None,
}

/// `toJson .Profile`, credentials included.
#[derive(Clone, PartialEq)]
pub struct TemplateProfile {
    pub location: Location,
    pub credential: TemplateCredential,
    pub skip_ssl_verify: bool,
}

impl std::fmt::Debug for TemplateProfile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TemplateProfile({})", self.redacted())
    }
}

impl TemplateProfile {
    /// The `toJson .Profile` value with real credentials: for ActionSet rendering only.
    pub fn expose(&self) -> Value {
        self.to_value(false)
    }

    /// The template engine's `.Profile` parameter (Go field names for `.Profile.Location.Bucket`,
    /// JSON tags for `toJson .Profile`), credentials included.
    pub fn params(&self) -> crate::template::ProfileParams {
        use crate::template::{
            KeyPair, ProfileCredential, ProfileLocation, ProfileParams, SecretParams,
        };
        let (type_, key_pair, secret) = match &self.credential {
            TemplateCredential::KeyPair { id, secret } => (
                "keyPair",
                Some(KeyPair {
                    id: id.clone(),
                    secret: secret.clone(),
                }),
                None,
            ),
            TemplateCredential::Secret(json) => (
                "secret",
                None,
                serde_json::from_value::<k8s_openapi::api::core::v1::Secret>(json.clone())
                    .ok()
                    .map(|s| SecretParams::from_k8s(&s)),
            ),
            TemplateCredential::None => ("", None, None),
        };
        ProfileParams {
            location: ProfileLocation {
                type_: self.location.location_type.as_str().to_string(),
                bucket: self.location.bucket.clone(),
                endpoint: self.location.endpoint.clone(),
                prefix: self.location.prefix.clone(),
                region: self.location.region.clone(),
            },
            credential: ProfileCredential {
                type_: type_.into(),
                key_pair,
                secret,
                kopia_server_secret: None,
            },
            skip_ssl_verify: self.skip_ssl_verify,
        }
    }

    /// The same shape with every credential value replaced by `<redacted>`.
    pub fn redacted(&self) -> Value {
        self.to_value(true)
    }

    fn to_value(&self, redact: bool) -> Value {
        let hide = |s: &str| {
            if redact && !s.is_empty() {
                REDACTED.to_string()
            } else {
                s.to_string()
            }
        };
        let credential = match &self.credential {
            TemplateCredential::KeyPair { id, secret } => json!({
                "Type": "keyPair",
                "KeyPair": {"ID": id, "Secret": hide(secret)},
                "Secret": null,
                "KopiaServerSecret": null,
            }),
            TemplateCredential::Secret(secret) => {
                let mut secret = secret.clone();
                if redact && let Some(data) = secret.get_mut("data").and_then(Value::as_object_mut)
                {
                    for value in data.values_mut() {
                        *value = Value::String(REDACTED.into());
                    }
                }
                json!({"Type": "secret", "KeyPair": null, "Secret": secret, "KopiaServerSecret": null})
            }
            TemplateCredential::None => json!({
                "Type": "", "KeyPair": null, "Secret": null, "KopiaServerSecret": null,
            }),
        };
        json!({
            "Location": {
                "type": self.location.location_type.as_str(),
                "bucket": self.location.bucket,
                "endpoint": self.location.endpoint,
                "prefix": self.location.prefix,
                "region": self.location.region,
            },
            "Credential": credential,
            "SkipSSLVerify": self.skip_ssl_verify,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::types::LocationType;

    fn sample() -> TemplateProfile {
        TemplateProfile {
            location: Location {
                location_type: LocationType::S3Compliant,
                bucket: "b".into(),
                endpoint: "http://minio:9000".into(),
                prefix: "p".into(),
                region: "us-east-1".into(),
            },
            credential: TemplateCredential::KeyPair {
                id: "AKIA".into(),
                secret: "s3cr3t-value".into(),
            },
            skip_ssl_verify: false,
        }
    }

    #[test]
    fn has_kanisters_to_json_shape() {
        let expected: Value = serde_json::from_str(
            r#"{"Location":{"type":"s3Compliant","bucket":"b","endpoint":"http://minio:9000","prefix":"p","region":"us-east-1"},
                "Credential":{"Type":"keyPair","KeyPair":{"ID":"AKIA","Secret":"s3cr3t-value"},"Secret":null,"KopiaServerSecret":null},
                "SkipSSLVerify":false}"#,
        )
        .unwrap();
        assert_eq!(sample().expose(), expected);
        // The template engine renders the same JSON.
        let data = crate::template::TemplateParams {
            profile: Some(sample().params()),
            ..Default::default()
        }
        .build();
        let rendered = crate::template::render_str("t", "{{ toJson .Profile }}", &data).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&rendered).unwrap(), expected);
        let bucket =
            crate::template::render_str("t", "{{ .Profile.Location.Bucket }}", &data).unwrap();
        assert_eq!(bucket, "b");
        // Keys keep Go's order, which kando does not need but people reading it do.
        let text = serde_json::to_string(&sample().expose()).unwrap();
        assert!(
            text.starts_with(r#"{"Location":{"type":"s3Compliant","bucket""#),
            "{text}"
        );
    }

    #[test]
    fn debug_and_redacted_hide_secrets() {
        let mut p = sample();
        assert!(!format!("{p:?}").contains("s3cr3t-value"));
        p.credential = TemplateCredential::Secret(json!({
            "metadata": {"name": "s", "namespace": "n"},
            "type": "secrets.kanister.io/aws",
            "data": {"aws_secret_access_key": "czNjcjN0LXZhbHVl"},
        }));
        let shown = format!("{p:?}");
        assert!(!shown.contains("czNjcjN0LXZhbHVl"), "{shown}");
        assert_eq!(
            p.expose()["Credential"]["Secret"]["data"]["aws_secret_access_key"],
            "czNjcjN0LXZhbHVl"
        );
    }
}
