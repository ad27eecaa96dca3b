//! Parallel composite uploads, GCS's answer to S3 multipart (what `gcloud storage cp` does for
//! large files): the parts go up concurrently as temporary objects, are joined with `compose`
//! (at most 32 sources per request, so in a tree), and are deleted afterwards. The JSON API has no
//! multipart upload, and a resumable upload takes its chunks one after another.
//!
//! Temporary objects live under [`TEMP_ROOT`] at the bucket root, as gcloud's do, so listings of
//! the location never show them; each upload has its own random directory there. Nothing is
//! written under the final key before the last compose, and on failure or cancellation the
//! upload's whole directory is listed and deleted (a listing also catches a part the server
//! stored after its request was given up).

use std::sync::Arc;

use async_trait::async_trait;
use bytes::Bytes;
use futures::{StreamExt, TryStreamExt};
use reqwest::Method;
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;

use super::Inner;
use crate::storage::PutResult;
use crate::storage::error::{Result, StorageError};
use crate::storage::upload::PartSink;

/// Where temporary parts and intermediate composites are written, at the bucket root.
pub(crate) const TEMP_ROOT: &str = "kubectl-backup-tmp/parallel-composite-uploads/";
/// The most source objects one `compose` request accepts.
pub(crate) const MAX_COMPOSE_SOURCES: usize = 32;

/// One object to compose: its name and the generation we wrote, so a part replaced behind our
/// back fails the compose instead of being joined in.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Source {
    name: String,
    generation: String,
}

/// A composite upload of one key, in progress.
pub(crate) struct CompositeUpload {
    inner: Arc<Inner>,
    key: String,
    /// `TEMP_ROOT/<random>/`.
    temp: String,
}

impl CompositeUpload {
    pub(crate) fn new(inner: Arc<Inner>, key: &str) -> Self {
        let temp = format!("{TEMP_ROOT}{}/", random_id());
        Self {
            inner,
            key: key.to_string(),
            temp,
        }
    }

    fn part_name(&self, number: u32) -> String {
        format!("{}part-{number:05}", self.temp)
    }

    /// Upload one object in a single request; its generation.
    async fn put_object(&self, name: &str, body: Bytes) -> Result<String> {
        let inner = &self.inner;
        let url = inner.url(
            &["upload", "storage", "v1", "b", &inner.bucket, "o"],
            &[("uploadType", "media"), ("name", name)],
        );
        let response = inner
            .send(
                Method::POST,
                url,
                &[("content-type", "application/octet-stream")],
                Some(body),
                "UploadPart",
                &self.key,
            )
            .await?;
        let answer = inner.json(response, "UploadPart", &self.key).await?;
        generation(&answer, &self.inner.location, "UploadPart", &self.key)
    }

    /// Join `sources` (at most 32, in order) into `destination`; the answer's object.
    async fn compose(&self, destination: &str, sources: &[Source]) -> Result<Value> {
        let inner = &self.inner;
        let url = inner.url(
            &[
                "storage",
                "v1",
                "b",
                &inner.bucket,
                "o",
                destination,
                "compose",
            ],
            &[],
        );
        let body = json!({
            "destination": {"contentType": "application/octet-stream"},
            "sourceObjects": sources
                .iter()
                .map(|s| json!({
                    "name": s.name,
                    "objectPreconditions": {"ifGenerationMatch": s.generation},
                }))
                .collect::<Vec<_>>(),
        });
        let never = CancellationToken::new();
        let response = inner
            .request(
                Method::POST,
                url,
                &[("content-type", "application/json")],
                Some(Bytes::from(body.to_string())),
                "Compose",
                &self.key,
                &never,
            )
            .await?;
        inner.json(response, "Compose", &self.key).await
    }

    /// Compose the levels of the tree until at most 32 sources are left; intermediate objects
    /// go to the temporary directory, `concurrency` composes at a time.
    async fn reduce(&self, mut sources: Vec<Source>) -> Result<Vec<Source>> {
        let concurrency = self.inner.options.concurrency.max(1);
        let mut level = 0;
        while sources.len() > MAX_COMPOSE_SOURCES {
            level += 1;
            let groups: Vec<(String, Vec<Source>)> = sources
                .chunks(MAX_COMPOSE_SOURCES)
                .enumerate()
                .map(|(i, group)| (format!("{}level-{level}-{i:05}", self.temp), group.to_vec()))
                .collect();
            sources = futures::stream::iter(groups)
                .map(|(name, group)| async move {
                    let answer = self.compose(&name, &group).await?;
                    let generation =
                        generation(&answer, &self.inner.location, "Compose", &self.key)?;
                    Ok::<_, StorageError>(Source { name, generation })
                })
                .buffered(concurrency)
                .try_collect()
                .await?;
        }
        Ok(sources)
    }

    /// Delete every object under the temporary directory, page by page.
    async fn delete_temporary(&self) -> Result<()> {
        let inner = &self.inner;
        let never = CancellationToken::new();
        loop {
            let url = inner.url(
                &["storage", "v1", "b", &inner.bucket, "o"],
                &[("prefix", self.temp.as_str()), ("maxResults", "1000")],
            );
            let response = inner
                .request(
                    Method::GET,
                    url,
                    &[],
                    None,
                    "ListObjects",
                    &self.temp,
                    &never,
                )
                .await?;
            let answer = inner.json(response, "ListObjects", &self.temp).await?;
            let names: Vec<String> = answer
                .get("items")
                .and_then(Value::as_array)
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|i| i.get("name").and_then(Value::as_str))
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            if names.is_empty() {
                return Ok(());
            }
            // Deleting what the page listed and listing again, rather than following the page
            // token: the listing shrinks as we go.
            let never = &never;
            futures::stream::iter(names)
                .map(|name| async move {
                    let url = inner.object_url(&name, &[]);
                    match inner
                        .request(Method::DELETE, url, &[], None, "DeletePart", &name, never)
                        .await
                    {
                        Ok(_) | Err(StorageError::NotFound { .. }) => Ok(()),
                        Err(e) => Err(e),
                    }
                })
                .buffer_unordered(inner.options.concurrency.max(1) * 2)
                .try_collect::<Vec<()>>()
                .await?;
        }
    }
}

#[async_trait]
impl PartSink for CompositeUpload {
    async fn upload_part(&self, number: u32, body: Bytes) -> Result<String> {
        self.put_object(&self.part_name(number), body).await
    }

    async fn complete(&self, parts: Vec<String>, size: u64) -> Result<PutResult> {
        let count = parts.len() as u32;
        let sources = parts
            .into_iter()
            .enumerate()
            .map(|(i, generation)| Source {
                name: self.part_name(i as u32 + 1),
                generation,
            })
            .collect();
        let sources = self.reduce(sources).await?;
        let answer = self.compose(&self.key, &sources).await?;
        // The object is complete: a cleanup that fails leaves parts behind but does not undo
        // the upload, so it is reported and not returned as the upload's error.
        if let Err(error) = self.delete_temporary().await {
            tracing::warn!(
                "{} uploaded, but deleting its temporary parts under gs://{}/{} failed: {error}; \
                 delete them with `gcloud storage rm -r gs://{}/{}`",
                self.key,
                self.inner.bucket,
                self.temp,
                self.inner.bucket,
                self.temp
            );
        }
        Ok(self.inner.put_result(&self.key, &answer, size, count))
    }

    async fn abort(&self) -> Result<()> {
        self.delete_temporary().await
    }
}

fn generation(
    answer: &Value,
    location: &str,
    operation: &'static str,
    key: &str,
) -> Result<String> {
    answer
        .get("generation")
        .and_then(Value::as_str)
        .filter(|g| !g.is_empty())
        .map(str::to_string)
        .ok_or_else(|| StorageError::Protocol {
            location: location.to_string(),
            operation,
            key: key.to_string(),
            detail: "the answer has no object generation".into(),
        })
}

/// 128 random bits in hex: temporary directories of concurrent uploads never meet.
fn random_id() -> String {
    use rand::RngExt;
    let bytes: [u8; 16] = rand::rng().random();
    hex::encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_differ() {
        let (a, b) = (random_id(), random_id());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }

    #[test]
    fn generations_are_required() {
        assert_eq!(
            generation(&json!({"generation": "17"}), "gs://b", "Compose", "k").unwrap(),
            "17"
        );
        let error = generation(&json!({}), "gs://b", "Compose", "k")
            .unwrap_err()
            .to_string();
        assert!(error.contains("generation"), "{error}");
    }
}
