//! Golden tests: every template string in the public upstream Blueprints (`testdata/blueprints`,
//! copied verbatim from kanisterio/kanister) rendered for a realistic action, compared with the
//! expected output in `testdata/golden/<blueprint>.txt`.
//!
//! The expected files were produced by this engine and then checked line by line against Go's
//! documented semantics (reference-time layouts, `encoding/json`, `fmt`, trim markers). To
//! regenerate after an intended change: `UPDATE_GOLDEN=1 cargo test --lib template::golden`, then
//! review the diff.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use base64::Engine;
use serde_json::{Value as Json, json};

use super::*;

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/template/testdata")
}

/// One template string found in a Blueprint, with where it was found.
struct Found {
    action: String,
    /// Phase index (`None` for output artifacts); the defer phase comes after the phases.
    phase: Option<usize>,
    location: String,
    source: String,
    /// Kanister's `Wait` renders its conditions itself after `{$.jsonpath}` substitution.
    wait_condition: bool,
}

fn walk_strings(v: &Json, path: String, out: &mut Vec<(String, String)>) {
    match v {
        Json::String(s) => out.push((path, s.clone())),
        Json::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk_strings(x, format!("{path}[{i}]"), out);
            }
        }
        Json::Object(o) => {
            for (k, x) in o {
                walk_strings(x, format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

fn find_templates(bp: &Json) -> Vec<Found> {
    let mut found = Vec::new();
    let Some(actions) = bp["actions"].as_object() else {
        return found;
    };
    for (action, spec) in actions {
        let mut phases: Vec<&Json> = spec["phases"]
            .as_array()
            .map(|p| p.iter().collect())
            .unwrap_or_default();
        if !spec["deferPhase"].is_null() {
            phases.push(&spec["deferPhase"]);
        }
        for (i, phase) in phases.iter().enumerate() {
            let name = phase["name"].as_str().unwrap_or("?");
            let func = phase["func"].as_str().unwrap_or("?");
            for part in ["objects", "args"] {
                let mut strings = Vec::new();
                walk_strings(&phase[part], part.to_string(), &mut strings);
                for (location, source) in strings {
                    let wait_condition = func == "Wait" && location.ends_with(".condition");
                    found.push(Found {
                        action: action.clone(),
                        phase: Some(i),
                        location: format!("phase {name} ({func}) {location}"),
                        source,
                        wait_condition,
                    });
                }
            }
        }
        let mut strings = Vec::new();
        walk_strings(
            &spec["outputArtifacts"],
            "outputArtifacts".into(),
            &mut strings,
        );
        for (location, source) in strings {
            found.push(Found {
                action: action.clone(),
                phase: None,
                location,
                source,
                wait_condition: false,
            });
        }
    }
    found
}

fn b64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(s)
}

/// The action's object: a StatefulSet-like object that also carries the fields the custom-resource
/// and Secret-object Blueprints read (Elasticsearch `nodeSets`, Couchbase `security`, etcd `data`).
fn object() -> Json {
    json!({
        "apiVersion": "apps/v1",
        "kind": "StatefulSet",
        "metadata": {
            "name": "pg-postgresql",
            "namespace": "prod-db",
            "uid": "6f1c2a9e-4b7d-4e1a-9c3f-2d8e5a7b1c40",
            "labels": {
                "app": "postgresql",
                "app.kubernetes.io/instance": "pg",
                "app.kubernetes.io/component": "primary"
            }
        },
        "spec": {
            "replicas": 1,
            "serviceName": "pg-postgresql-hl",
            "nodeSets": [{"name": "default", "count": 3}],
            "security": {"adminSecret": "cb-admin-auth"}
        },
        "data": {
            "endpoints": b64("https://10.0.0.11:2379,https://10.0.0.12:2379"),
            "labels": b64("app=etcd"),
            "etcdns": b64("openshift-etcd")
        }
    })
}

fn profile() -> ProfileParams {
    ProfileParams {
        location: ProfileLocation {
            type_: "s3Compliant".into(),
            bucket: "kanister-backups".into(),
            endpoint: "http://minio.minio.svc:9000".into(),
            prefix: "clusters/prod".into(),
            region: "us-east-1".into(),
        },
        credential: ProfileCredential {
            type_: "keyPair".into(),
            key_pair: Some(KeyPair {
                id: "AKIAIOSFODNN7EXAMPLE".into(),
                secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into(),
            }),
            secret: None,
            kopia_server_secret: None,
        },
        skip_ssl_verify: false,
    }
}

/// Parameters for rendering the templates of one phase (or the output artifacts when `phase` is
/// `None`): earlier phases have outputs, the current one only its Secrets. Outputs, artifacts
/// and Secret keys are the ones the Blueprint references, with recognisable values.
fn params_for(refs: &[Reference], phase_names: &[String], phase: Option<usize>) -> TemplateParams {
    let mut p = TemplateParams {
        object: object(),
        time: "2026-11-21T10:27:31.123456789Z".into(),
        profile: Some(profile()),
        ..Default::default()
    };
    let mut sts = WorkloadParams::new("pg-postgresql", "prod-db");
    sts.pods = vec!["pg-postgresql-0".into()];
    sts.containers = vec![vec!["postgresql".into()]];
    sts.persistent_volume_claims = BTreeMap::from([(
        "pg-postgresql-0".into(),
        BTreeMap::from([("data-pg-postgresql-0".into(), "/bitnami/postgresql".into())]),
    )]);
    p.stateful_set = Some(sts);
    let mut dep = WorkloadParams::new("mssql-deployment", "prod-db");
    dep.pods = vec!["mssql-deployment-7d9f8c6b5-x2x4q".into()];
    dep.containers = vec![vec!["mssql".into()]];
    p.deployment = Some(dep);
    p.namespace = Some(("prod-db".into(), "prod-db".into()));
    let (started, completed) = match phase {
        Some(i) => (i + 1, i),
        None => (phase_names.len(), phase_names.len()),
    };
    let index_of = |name: &str| phase_names.iter().position(|n| n == name);
    for r in refs {
        let ReferenceKind::Field {
            root: Root::Data,
            path,
            ..
        } = &r.kind
        else {
            continue;
        };
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        match path.as_slice() {
            ["Phases", name, "Output", key, ..]
                if index_of(name).is_some_and(|j| j < completed) =>
            {
                let entry = p.phases.entry(name.to_string()).or_default();
                entry
                    .output
                    .get_or_insert_with(Default::default)
                    .insert(key.to_string(), json!(format!("{key}-from-{name}")));
            }
            ["Phases", name, "Secrets", obj, "Data", key, ..]
                if index_of(name).is_some_and(|j| j < started) =>
            {
                let entry = p.phases.entry(name.to_string()).or_default();
                let secret = entry
                    .secrets
                    .entry(obj.to_string())
                    .or_insert_with(|| SecretParams::new(obj, "prod-db"));
                secret
                    .data
                    .insert(key.to_string(), format!("{key}-s3cr3t").into_bytes());
            }
            ["ArtifactsIn", art, "KeyValue", key, ..] => {
                p.artifacts_in
                    .entry(art.to_string())
                    .or_default()
                    .key_value
                    .insert(key.to_string(), format!("{art}-{key}"));
            }
            ["Secrets", name, rest @ ..] => {
                let secret = p
                    .secrets
                    .entry(name.to_string())
                    .or_insert_with(|| SecretParams::new(&format!("{name}-object"), "prod-db"));
                if let ["Data", key, ..] = rest {
                    secret
                        .data
                        .insert(key.to_string(), format!("{key}-s3cr3t").into_bytes());
                }
            }
            _ => {}
        }
    }
    // Phases that completed before this one have an (possibly empty) output; the current phase's
    // entry exists without one.
    for (j, name) in phase_names.iter().enumerate().take(started) {
        let entry = p.phases.entry(name.clone()).or_default();
        if j < completed {
            entry.output.get_or_insert_with(Default::default);
        }
    }
    p
}

/// `{ $.a.b }` jsonpath substitution done by Kanister's `Wait` before it renders a condition.
fn substitute_jsonpath(src: &str, obj: &Json) -> String {
    let re = regex::Regex::new(r"\{\s*\$\.([A-Za-z0-9_.]+)\s*\}").expect("valid regex");
    re.replace_all(src, |c: &regex::Captures<'_>| {
        let mut v = obj;
        for k in c[1].split('.') {
            v = &v[k];
        }
        v.as_str()
            .map(String::from)
            .unwrap_or_else(|| v.to_string())
    })
    .into_owned()
}

fn render_blueprint(text: &str) -> String {
    let bp: Json = serde_saphyr::from_str(text).expect("blueprint YAML parses");
    let found = find_templates(&bp);
    let mut out = String::new();
    let actions: Vec<String> = bp["actions"]
        .as_object()
        .map(|a| a.keys().cloned().collect())
        .unwrap_or_default();
    for action in actions {
        let spec = &bp["actions"][&action];
        let mut phase_names: Vec<String> = spec["phases"]
            .as_array()
            .map(|p| {
                p.iter()
                    .filter_map(|x| x["name"].as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(d) = spec["deferPhase"]["name"].as_str() {
            phase_names.push(d.to_string());
        }
        let templates: Vec<&Found> = found.iter().filter(|f| f.action == action).collect();
        let parsed: Vec<Template> = templates
            .iter()
            .map(|f| {
                Template::parse(&f.location, &f.source)
                    .unwrap_or_else(|e| panic!("{}: {e}", f.location))
            })
            .collect();
        let refs: Vec<Reference> = parsed.iter().flat_map(Template::references).collect();
        for (f, t) in templates.iter().zip(&parsed) {
            assert!(t.check().is_empty(), "{}: {:?}", f.location, t.check());
            if t.is_plain_text() {
                continue;
            }
            let rendered = if f.wait_condition {
                let status = json!({"status": {"health": "green"}});
                render_str(
                    &f.location,
                    &substitute_jsonpath(&f.source, &status),
                    &Data::nil(),
                )
            } else {
                t.render(&params_for(&refs, &phase_names, f.phase).build())
            };
            out.push_str(&format!("=== {action}: {}\n", f.location));
            match rendered {
                Ok(s) => out.push_str(&s),
                Err(e) => out.push_str(&format!("ERROR {e}")),
            }
            out.push_str("\n\n");
        }
    }
    out
}

#[test]
fn public_blueprints_render_as_go_would() {
    let dir = testdata().join("blueprints");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("testdata/blueprints exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 12, "expected the 12 upstream Blueprints");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatches = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        let got = render_blueprint(&text);
        assert!(
            !got.contains("ERROR "),
            "{}: a template failed to render:\n{got}",
            file.display()
        );
        let stem = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_string();
        let golden = testdata().join("golden").join(format!("{stem}.txt"));
        if update {
            std::fs::write(&golden, &got).expect("write golden");
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if got != want {
            let line = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            mismatches.push(format!(
                "{stem}: first difference at line {}:\n  got:  {:?}\n  want: {:?}",
                line + 1,
                got.lines().nth(line).unwrap_or(""),
                want.lines().nth(line).unwrap_or("")
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

/// Redacted rendering of the same Blueprints never shows a credential or Secret value.
#[test]
fn redacted_blueprints_show_no_secret() {
    let dir = testdata().join("blueprints");
    for entry in std::fs::read_dir(&dir).expect("testdata/blueprints exists") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let bp: Json = serde_saphyr::from_str(&std::fs::read_to_string(&path).expect("readable"))
            .expect("parses");
        for f in find_templates(&bp) {
            if f.wait_condition {
                continue;
            }
            let t = Template::parse(&f.location, &f.source).expect("parses");
            let refs = t.references();
            let names: Vec<String> = bp["actions"][&f.action]["phases"]
                .as_array()
                .map(|p| {
                    p.iter()
                        .filter_map(|x| x["name"].as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            let out = t
                .render(&params_for(&refs, &names, f.phase).build_redacted())
                .expect("renders");
            for secret in ["s3cr3t", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI"] {
                assert!(
                    !out.contains(secret),
                    "{}: {} leaks {secret}: {out}",
                    path.display(),
                    f.location
                );
            }
        }
    }
}
