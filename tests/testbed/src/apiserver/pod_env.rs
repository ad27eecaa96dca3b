//! A container's environment: `env` (values, `secretKeyRef`, `configMapKeyRef`, `fieldRef`)
//! and `envFrom`, resolved from the store like the kubelet does at container start.

use base64::Engine;
use serde_json::Value;

use super::kubelet::NODE;
use super::store::State;

pub fn resolve_env(st: &State, ns: &str, pod: &Value, container: &Value) -> Vec<(String, String)> {
    let mut env: Vec<(String, String)> = Vec::new();
    let decode = |s: &str| {
        base64::engine::general_purpose::STANDARD
            .decode(s)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    };
    let map_of = |resource: &str, name: &str| -> Option<Vec<(String, String)>> {
        let obj = st.get("", resource, ns, name)?;
        let data = obj.get("data")?.as_object()?;
        Some(
            data.iter()
                .map(|(k, v)| {
                    let s = v.as_str().unwrap_or_default();
                    let value = if resource == "secrets" {
                        decode(s)
                    } else {
                        s.to_string()
                    };
                    (k.clone(), value)
                })
                .collect(),
        )
    };
    for from in container
        .get("envFrom")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let prefix = from["prefix"].as_str().unwrap_or_default();
        let source = if let Some(name) = from.pointer("/configMapRef/name").and_then(Value::as_str)
        {
            map_of("configmaps", name)
        } else if let Some(name) = from.pointer("/secretRef/name").and_then(Value::as_str) {
            map_of("secrets", name)
        } else {
            None
        };
        for (k, v) in source.unwrap_or_default() {
            env.push((format!("{prefix}{k}"), v));
        }
    }
    for e in container
        .get("env")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(name) = e["name"].as_str() else {
            continue;
        };
        let value = if let Some(v) = e.get("value").and_then(Value::as_str) {
            v.to_string()
        } else if let Some(r) = e.pointer("/valueFrom/secretKeyRef") {
            map_of("secrets", r["name"].as_str().unwrap_or_default())
                .and_then(|m| m.into_iter().find(|(k, _)| r["key"] == k.as_str()))
                .map(|(_, v)| v)
                .unwrap_or_default()
        } else if let Some(r) = e.pointer("/valueFrom/configMapKeyRef") {
            map_of("configmaps", r["name"].as_str().unwrap_or_default())
                .and_then(|m| m.into_iter().find(|(k, _)| r["key"] == k.as_str()))
                .map(|(_, v)| v)
                .unwrap_or_default()
        } else if let Some(path) = e
            .pointer("/valueFrom/fieldRef/fieldPath")
            .and_then(Value::as_str)
        {
            let pointer = format!("/{}", path.replace('.', "/"));
            match path {
                "status.podIP" => "127.0.0.1".to_string(),
                "status.hostIP" => "127.0.0.1".to_string(),
                "spec.nodeName" => NODE.to_string(),
                _ => pod
                    .pointer(&pointer)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
            }
        } else {
            String::new()
        };
        env.retain(|(k, _)| k != name);
        env.push((name.to_string(), value));
    }
    env
}
