//! The differential template corpus: every snippet in `tests/data/template_corpus/*.json` was
//! run through Go's `text/template` with sprig v2.22.0 as Kanister calls them
//! (`scripts/template-corpus/record`), and its output or error recorded. This test renders every
//! snippet with our engine against the same data and reports each divergence.
//!
//! A divergence we know of and have not fixed yet is listed, with its reason, in
//! `tests/data/template_corpus/KNOWN_DIVERGENCES`; the test fails on any other divergence and on
//! a listed one that no longer diverges (so the list only shrinks).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use base64::Engine;
use kubectl_backup::template::value::{self, Value};
use kubectl_backup::template::{Data, Template};
use serde_json::Value as Json;

/// The recorder's fixture is Go literals, so its integers are `int`; `value::from_json` gives the
/// `int64` of an unstructured Kubernetes object instead.
fn go_literal(json: &Json) -> Value {
    match json {
        Json::Number(n) if n.is_i64() => Value::from(n.as_i64().expect("i64")),
        Json::Array(items) => value::list(items.iter().map(go_literal).collect()),
        Json::Object(fields) => value::map_any(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), go_literal(v)))
                .collect(),
        ),
        other => value::from_json(other),
    }
}

/// The data every snippet sees as `.`: keep in step with `fixture()` in
/// `scripts/template-corpus/recorder.go`.
fn corpus_data() -> Data {
    let mut root = BTreeMap::new();
    let json = serde_json::json!({
        "ascii": "hello world",
        "str": "héllo wörld",
        "multi": "日本語テキスト",
        "sp": "  padded  ",
        "empty": "",
        "n": 42,
        "neg": -7,
        "zero": 0,
        "f": 1.5,
        "t": true,
        "nilv": null,
        "list": [1, "two", 3.5, null],
        "words": ["b", "a", "c", "a"],
        "map": {"a": 1, "b": "x", "c": {"d": "deep"}},
    });
    for (k, v) in json.as_object().expect("object") {
        root.insert(k.clone(), go_literal(v));
    }
    root.insert(
        "bin".into(),
        Value::from_bytes(vec![0x00, 0xff, 0xfe, b'A', 0xc3, 0x28, 0x80]),
    );
    root.insert(
        "utf8b".into(),
        Value::from_bytes("grüß".as_bytes().to_vec()),
    );
    Data::from_value(value::map_any(root))
}

/// What Go produced, or what we produced.
#[derive(Debug, PartialEq)]
enum Outcome {
    Output(Vec<u8>),
    Error(String),
}

fn expected(case: &Json) -> Outcome {
    if let Some(out) = case["output"].as_str() {
        return Outcome::Output(out.as_bytes().to_vec());
    }
    if let Some(b64) = case["output_b64"].as_str() {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .expect("output_b64 is base64");
        return Outcome::Output(bytes);
    }
    Outcome::Error(case["error"].as_str().expect("output or error").to_string())
}

fn actual(src: &str, data: &Data) -> Outcome {
    let rendered = Template::parse("x", src).and_then(|t| t.render_bytes(data));
    match rendered {
        Ok(out) => Outcome::Output(out),
        Err(e) => Outcome::Error(e.to_string()),
    }
}

fn known_divergences(dir: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(dir.join("KNOWN_DIVERGENCES")).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn show(o: &Outcome) -> String {
    match o {
        Outcome::Output(b) => format!("output {:?}", String::from_utf8_lossy(b)),
        Outcome::Error(e) => format!("error {e:?}"),
    }
}

#[test]
fn every_corpus_snippet_renders_as_go_does() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/template_corpus");
    let data = corpus_data();
    let known = known_divergences(&dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let (mut total, mut matched) = (0, 0);
    // `total` counts every snippet; skipped ones are neither matched nor diverging.
    let mut unexpected = Vec::new();
    let mut diverging = BTreeSet::new();
    for file in &files {
        let category = file.file_stem().unwrap().to_string_lossy().to_string();
        let doc: Json = serde_json::from_str(&std::fs::read_to_string(file).expect("readable"))
            .expect("corpus file is JSON");
        for case in doc["cases"].as_array().expect("cases") {
            total += 1;
            let id = format!("{category}/{}", case["name"].as_str().expect("name"));
            let src = case["template"].as_str().expect("template");
            // Named zones come from the system's zoneinfo, as in Go: without it both fall back
            // to UTC, so the recorded output only holds where the database exists.
            if src.contains("InZone") && !Path::new("/usr/share/zoneinfo/Europe/Berlin").exists() {
                eprintln!("skipped {id}: no zoneinfo database on this machine");
                continue;
            }
            let (want, got) = (expected(case), actual(src, &data));
            // Go's and our error texts differ in their prefix (`template: x:1:3: executing …`);
            // an error case matches when both fail.
            let same = match (&want, &got) {
                (Outcome::Error(_), Outcome::Error(_)) => true,
                _ => want == got,
            };
            if same {
                matched += 1;
                continue;
            }
            diverging.insert(id.clone());
            if !known.contains(&id) {
                unexpected.push(format!(
                    "{id}: {src}\n    go:   {}\n    ours: {}",
                    show(&want),
                    show(&got)
                ));
            }
        }
    }
    let fixed: Vec<&String> = known.difference(&diverging).collect();
    eprintln!("template corpus: {matched} of {total} snippets match Go");
    assert!(total >= 500, "the corpus has only {total} snippets");
    assert!(
        unexpected.is_empty() && fixed.is_empty(),
        "{} divergences from Go:\n{}\nlisted in KNOWN_DIVERGENCES but matching now (remove them): {fixed:?}",
        unexpected.len(),
        unexpected.join("\n")
    );
}
