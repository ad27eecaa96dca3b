//! KubeOps and WaitV2: functions that act on arbitrary objects through discovery.

use std::time::Duration;

use anyhow::{Result, anyhow, bail};
use kube::api::{Api, DeleteParams, DynamicObject, Patch, PatchParams, PostParams};
use serde_json::{Map, Value};

use super::functions::Context;
use crate::kube::wait::Check as Look;
use crate::kube::{ApiCatalog, Cluster, ResolvedResource, describe_error};
use crate::template::{Data, Template};

/// Kanister's object reference inside function args (`apiVersion`, `group`, `resource`, …).
struct Target {
    group: String,
    version: String,
    resource: String,
    name: String,
    namespace: String,
}

impl Target {
    fn from_args(v: &Value, what: &str) -> Result<Target> {
        let field = |k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        let t = Target {
            group: field("group"),
            version: field("apiVersion"),
            resource: field("resource"),
            name: field("name"),
            namespace: field("namespace"),
        };
        if t.resource.is_empty() || t.name.is_empty() {
            bail!("{what}: resource and name are required");
        }
        Ok(t)
    }

    fn describe(&self) -> String {
        let gr = if self.group.is_empty() {
            self.resource.clone()
        } else {
            format!("{}.{}", self.resource, self.group)
        };
        if self.namespace.is_empty() {
            format!("{gr} {}", self.name)
        } else {
            format!("{gr} {}/{}", self.namespace, self.name)
        }
    }
}

async fn catalog(cluster: &Cluster) -> Result<ApiCatalog> {
    ApiCatalog::discover(&cluster.client).await.map_err(|e| {
        anyhow!(
            "discovering the API: {}",
            describe_error(&cluster.server, &e)
        )
    })
}

fn api_for(
    cluster: &Cluster,
    resolved: &ResolvedResource,
    version: &str,
    namespace: &str,
) -> Api<DynamicObject> {
    let mut ar = resolved.resource.clone();
    if !version.is_empty() {
        ar.version = version.to_string();
        ar.api_version = if ar.group.is_empty() {
            ar.version.clone()
        } else {
            format!("{}/{}", ar.group, ar.version)
        };
    }
    if resolved.namespaced() {
        Api::namespaced_with(cluster.client.clone(), namespace, &ar)
    } else {
        Api::all_with(cluster.client.clone(), &ar)
    }
}

fn resolve<'c>(catalog: &'c ApiCatalog, t: &Target) -> Result<&'c ResolvedResource> {
    let qualified = if t.group.is_empty() {
        t.resource.clone()
    } else {
        format!("{}.{}", t.resource, t.group)
    };
    catalog.resolve(&qualified)
}

fn reference_output(
    group: &str,
    version: &str,
    resource: &str,
    name: &str,
    namespace: &str,
) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("apiVersion".into(), Value::from(version));
    out.insert("group".into(), Value::from(group));
    out.insert("resource".into(), Value::from(resource));
    out.insert("name".into(), Value::from(name));
    out.insert("namespace".into(), Value::from(namespace));
    out
}

/// KubeOps: `create` a manifest, `delete` or `patch` (merge) an object reference.
pub async fn kube_ops(
    args: &Map<String, Value>,
    ctx: &Context<'_>,
) -> Result<Option<Map<String, Value>>> {
    let cluster = ctx.cluster;
    let operation = args
        .get("operation")
        .and_then(Value::as_str)
        .ok_or_else(|| anyhow!("Required arg missing: operation"))?;
    let namespace = args
        .get("namespace")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .unwrap_or("default")
        .to_string();
    let spec = match args.get("spec") {
        Some(Value::String(text)) => Some(
            serde_saphyr::from_str::<Value>(text)
                .map_err(|e| anyhow!("KubeOps spec is not YAML: {e}"))?,
        ),
        Some(Value::Object(m)) => Some(Value::Object(m.clone())),
        _ => None,
    };
    let catalog = catalog(cluster).await?;
    match operation {
        "create" => {
            let manifest =
                spec.ok_or_else(|| anyhow!("KubeOps create: Required arg missing: spec"))?;
            let api_version = manifest
                .get("apiVersion")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let kind = manifest
                .get("kind")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let (group, version) = api_version.rsplit_once('/').unwrap_or(("", &api_version));
            let resolved = catalog.by_kind(group, &kind).ok_or_else(|| {
                anyhow!("KubeOps create: the server has no kind {kind:?} in {api_version:?}")
            })?;
            let ns = manifest
                .pointer("/metadata/namespace")
                .and_then(Value::as_str)
                .unwrap_or(&namespace)
                .to_string();
            let object: DynamicObject = serde_json::from_value(manifest)?;
            let created = api_for(cluster, resolved, version, &ns)
                .create(&PostParams::default(), &object)
                .await
                .map_err(|e| {
                    anyhow!(
                        "KubeOps create {kind}: {}",
                        describe_error(&cluster.server, &e)
                    )
                })?;
            let name = created.metadata.name.clone().unwrap_or_default();
            let ns = if resolved.namespaced() {
                ns
            } else {
                String::new()
            };
            Ok(Some(reference_output(
                group,
                version,
                &resolved.resource.plural,
                &name,
                &ns,
            )))
        }
        "delete" | "patch" => {
            let reference = args.get("objectReference").ok_or_else(|| {
                anyhow!("KubeOps {operation}: Required arg missing: objectReference")
            })?;
            let mut target = Target::from_args(reference, "objectReference")?;
            if target.namespace.is_empty() {
                target.namespace = namespace;
            }
            let resolved = resolve(&catalog, &target)?;
            let api = api_for(cluster, resolved, &target.version, &target.namespace);
            let what = target.describe();
            if operation == "delete" {
                api.delete(&target.name, &DeleteParams::default())
                    .await
                    .map_err(|e| {
                        anyhow!(
                            "KubeOps delete {what}: {}",
                            describe_error(&cluster.server, &e)
                        )
                    })?;
            } else {
                let patch =
                    spec.ok_or_else(|| anyhow!("KubeOps patch: Required arg missing: spec"))?;
                api.patch(&target.name, &PatchParams::default(), &Patch::Merge(&patch))
                    .await
                    .map_err(|e| {
                        anyhow!(
                            "KubeOps patch {what}: {}",
                            describe_error(&cluster.server, &e)
                        )
                    })?;
            }
            let version = if target.version.is_empty() {
                resolved.resource.version.clone()
            } else {
                target.version.clone()
            };
            let ns = if resolved.namespaced() {
                target.namespace.clone()
            } else {
                String::new()
            };
            Ok(Some(reference_output(
                &target.group,
                &version,
                &target.resource,
                &target.name,
                &ns,
            )))
        }
        other => bail!("KubeOps: operation {other:?} is not one of create, delete, patch"),
    }
}

/// How a wait condition is evaluated.
enum Condition {
    /// WaitV2: a Go template run against the fetched object; it must print true or false.
    Template(Template),
    /// Wait (deprecated): `{ $.jsonpath }` substituted from the object, then the result run as
    /// a template with no data; it holds when it prints `true`.
    JsonPath(String),
}

/// One condition on one object.
struct Check {
    target: Target,
    condition: Condition,
    resolved: ResolvedResource,
}

/// Parses `timeout` and `conditions` (`anyOf` / `allOf` lists of `{objectReference,
/// condition}`) shared by Wait and WaitV2.
async fn wait_args(
    func: &str,
    args: &Map<String, Value>,
    cluster: &Cluster,
    legacy: bool,
) -> Result<(std::time::Duration, String, Vec<Check>, Vec<Check>)> {
    let timeout_text = args
        .get("timeout")
        .and_then(Value::as_str)
        .ok_or_else(|| anyhow!("Required arg missing: timeout"))?
        .to_string();
    let timeout = crate::duration::parse_go_duration(&timeout_text)
        .map_err(|e| anyhow!("{func} timeout {timeout_text:?}: {e}"))?;
    let conditions = args
        .get("conditions")
        .ok_or_else(|| anyhow!("Required arg missing: conditions"))?;
    if !conditions.is_object() {
        bail!("{func} conditions must be a mapping with anyOf or allOf");
    }
    let catalog = catalog(cluster).await?;
    let mut lists = Vec::new();
    for key in ["anyOf", "allOf"] {
        let items = match conditions.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(l)) => l.clone(),
            Some(_) => bail!("{func} conditions.{key} must be a list"),
        };
        let mut checks = Vec::new();
        for (i, c) in items.iter().enumerate() {
            let at = format!("conditions.{key}[{i}]");
            let target = Target::from_args(
                c.get("objectReference").unwrap_or(&Value::Null),
                &format!("{at}.objectReference"),
            )?;
            let source = c
                .get("condition")
                .and_then(Value::as_str)
                .ok_or_else(|| anyhow!("{at}: condition missing"))?;
            let condition = if legacy {
                Condition::JsonPath(source.to_string())
            } else {
                Condition::Template(
                    Template::parse(&format!("{at}.condition"), source)
                        .map_err(|e| anyhow!("{at}.condition: {e}"))?,
                )
            };
            let resolved = resolve(&catalog, &target)?.clone();
            checks.push(Check {
                target,
                condition,
                resolved,
            });
        }
        lists.push(checks);
    }
    let all_of = lists.pop().expect("two lists");
    let any_of = lists.pop().expect("two lists");
    if any_of.is_empty() && all_of.is_empty() {
        bail!("{func} conditions need anyOf or allOf");
    }
    Ok((timeout, timeout_text, any_of, all_of))
}

/// Whether one condition holds now.
async fn evaluate(cluster: &Cluster, check: &Check) -> Result<bool> {
    let Check {
        target,
        condition,
        resolved,
    } = check;
    let api = api_for(cluster, resolved, &target.version, &target.namespace);
    let object = match api.get_opt(&target.name).await {
        Ok(Some(object)) => serde_json::to_value(&object)?,
        Ok(None) => match condition {
            Condition::Template(_) => return Ok(false),
            Condition::JsonPath(_) => bail!("{} not found", target.describe()),
        },
        Err(e) => bail!(
            "reading {}: {}",
            target.describe(),
            describe_error(&cluster.server, &e)
        ),
    };
    match condition {
        Condition::Template(template) => {
            let out = template
                .render(&Data::from_json(&object))
                .map_err(|e| anyhow!("{}: {e}", target.describe()))?;
            match out.trim() {
                "true" => Ok(true),
                "false" => Ok(false),
                other => bail!(
                    "condition on {} printed {other:?}; it must print true or false",
                    target.describe()
                ),
            }
        }
        Condition::JsonPath(source) => {
            let substituted = super::jsonpath::substitute(source, &object)
                .map_err(|e| anyhow!("{}: {e}", target.describe()))?;
            let out = crate::template::render_str("condition", &substituted, &Data::nil())
                .map_err(|e| anyhow!("{}: {e}", target.describe()))?;
            Ok(out.trim() == "true")
        }
    }
}

/// WaitV2: polls until the conditions hold (`anyOf` or `allOf`), each a Go template evaluated
/// against the fetched object that must print `true` or `false`.
pub async fn wait_v2(
    args: &Map<String, Value>,
    ctx: &Context<'_>,
) -> Result<Option<Map<String, Value>>> {
    let cluster = ctx.cluster;
    let (timeout, timeout_text, any_of, all_of) = wait_args("WaitV2", args, cluster, false).await?;
    let (all, checks) = if all_of.is_empty() {
        (false, any_of)
    } else {
        (true, all_of)
    };
    super::poll::every(Duration::from_millis(250), "WaitV2", "meet its conditions")
        .timeout(timeout)
        .until(|| async {
            let mut results = Vec::new();
            for check in &checks {
                results.push(evaluate(cluster, check).await?);
            }
            let done = if all {
                results.iter().all(|m| *m)
            } else {
                results.iter().any(|m| *m)
            };
            Ok(if done {
                Look::Done(None)
            } else {
                Look::Pending(None)
            })
        })
        .await
        .map_err(|e| match super::poll::timed_out(&e) {
            Some(_) => anyhow!("WaitV2: conditions not met within {timeout_text}"),
            None => e,
        })
}

/// Wait (deprecated), with upstream's semantics: each poll holds when any `anyOf` condition or
/// every `allOf` condition prints `true`; an evaluation error (a missing object or field) is
/// retried, and reported with the timeout if it was the last thing seen.
pub async fn wait(
    args: &Map<String, Value>,
    ctx: &Context<'_>,
) -> Result<Option<Map<String, Value>>> {
    let cluster = ctx.cluster;
    let (timeout, timeout_text, any_of, all_of) = wait_args("Wait", args, cluster, true).await?;
    super::poll::every(Duration::from_millis(250), "Wait", "meet its condition")
        .timeout(timeout)
        .until(|| async {
            // What the timeout reports: the evaluation error of this poll, if it ended on one.
            let mut last_error: Option<anyhow::Error> = None;
            let mut met = false;
            'poll: {
                for check in &any_of {
                    match evaluate(cluster, check).await {
                        Ok(true) => {
                            met = true;
                            break 'poll;
                        }
                        Ok(false) => last_error = None,
                        Err(e) => {
                            last_error = Some(e);
                            break 'poll;
                        }
                    }
                }
                if all_of.is_empty() {
                    break 'poll;
                }
                for check in &all_of {
                    match evaluate(cluster, check).await {
                        Ok(true) => last_error = None,
                        Ok(false) => {
                            last_error = None;
                            break 'poll;
                        }
                        Err(e) => {
                            last_error = Some(e);
                            break 'poll;
                        }
                    }
                }
                met = true;
            }
            Ok(if met {
                Look::Done(None)
            } else {
                Look::Pending(last_error.map(|e| format!("{e:#}")))
            })
        })
        .await
        .map_err(|e| match super::poll::timed_out(&e) {
            Some(Some(error)) => {
                anyhow!("Failed to wait for the condition to be met within {timeout_text}: {error}")
            }
            Some(None) => {
                anyhow!("Failed to wait for the condition to be met within {timeout_text}")
            }
            None => e,
        })
}
