//! Time to render every phase of a 50-phase Blueprint action (objects, args with placeholders
//! for earlier outputs, output artifacts), as `blueprint render` does after reading the cluster.
//! Run with `cargo bench --bench blueprint_render`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use kubectl_backup::blueprint::render::PreparedAction;
use kubectl_backup::blueprint::validate_yaml;
use kubectl_backup::template::{
    KeyPair, PhaseParams, ProfileCredential, ProfileLocation, ProfileParams, SecretParams,
    TemplateParams, WorkloadParams,
};

const PHASES: usize = 50;

fn blueprint_yaml() -> String {
    let mut y = String::from(
        "apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nmetadata:\n  name: bench\nactions:\n  backup:\n    kind: StatefulSet\n    outputArtifacts:\n      result:\n        keyValue:\n",
    );
    let _ = writeln!(
        y,
        "          last: '{{{{ .Phases.p{}.Output.path }}}}'",
        PHASES - 1
    );
    y.push_str("    phases:\n");
    for i in 0..PHASES {
        let previous = if i == 0 {
            "none".to_string()
        } else {
            format!("{{{{ .Phases.p{}.Output.path }}}}", i - 1)
        };
        let _ = write!(
            y,
            "    - func: KubeTask\n      name: p{i}\n      objects:\n        creds:\n          kind: Secret\n          name: '{{{{ index .Object.metadata.labels \"app.kubernetes.io/instance\" }}}}-creds'\n          namespace: '{{{{ .StatefulSet.Namespace }}}}'\n      args:\n        image: ghcr.io/kanisterio/kanister-tools:0.119.0\n        namespace: '{{{{ .StatefulSet.Namespace }}}}'\n        command:\n        - bash\n        - -o\n        - errexit\n        - -c\n        - |\n          export PASSWORD='{{{{ index .Phases.p{i}.Secrets.creds.Data \"password\" | toString }}}}'\n          PREVIOUS='{previous}'\n          DEST=backups/{{{{ .StatefulSet.Namespace }}}}/{{{{ .StatefulSet.Name }}}}/{{{{ toDate \"2006-01-02T15:04:05.999999999Z07:00\" .Time | date \"2006-01-02T15:04:05Z07:00\" }}}}/part-{i}.gz\n          {{{{- if .Profile.Credential.KeyPair }}}}\n          dump | gzip | kando location push --profile '{{{{ toJson .Profile }}}}' --path \"$DEST\" -\n          {{{{- end }}}}\n          kando output path \"$DEST\"\n"
        );
    }
    y
}

fn params() -> (TemplateParams, BTreeMap<String, PhaseParams>) {
    let mut params = TemplateParams {
        stateful_set: Some(WorkloadParams {
            pods: vec!["db-0".into(), "db-1".into()],
            containers: vec![vec!["db".into()], vec!["db".into()]],
            ..WorkloadParams::new("db", "prod")
        }),
        object: serde_json::json!({"apiVersion": "apps/v1", "kind": "StatefulSet",
            "metadata": {"name": "db", "namespace": "prod", "labels": {"app.kubernetes.io/instance": "db"}},
            "spec": {"replicas": 2}}),
        profile: Some(ProfileParams {
            location: ProfileLocation {
                type_: "s3Compliant".into(),
                bucket: "backups".into(),
                endpoint: "http://minio:9000".into(),
                region: "us-east-1".into(),
                ..Default::default()
            },
            credential: ProfileCredential {
                type_: "keyPair".into(),
                key_pair: Some(KeyPair {
                    id: "AKIA".into(),
                    secret: "secret".into(),
                }),
                ..Default::default()
            },
            skip_ssl_verify: false,
        }),
        ..Default::default()
    };
    params.time = "2026-01-02T03:04:05.123456789Z".into();
    let fetched = (0..PHASES)
        .map(|i| {
            let mut phase = PhaseParams::default();
            phase.secrets.insert(
                "creds".into(),
                SecretParams::new("db-creds", "prod").with("password", "pw"),
            );
            (format!("p{i}"), phase)
        })
        .collect();
    (params, fetched)
}

fn main() {
    let yaml = blueprint_yaml();
    let validation = validate_yaml(&yaml);
    assert!(
        validation.is_valid(),
        "{}",
        validation.findings.render("bench.yaml")
    );
    let blueprint = validation.blueprint.unwrap();
    let (params, fetched) = params();

    let prepared = PreparedAction::new(&blueprint, "backup").unwrap();
    let check = prepared.render(&params, &fetched, true);
    assert_eq!(check.phases.len(), PHASES);
    assert_eq!(check.error_count(), 0, "{:#?}", check.phases[0].errors);

    let measure = |label: &str, f: &dyn Fn()| {
        for _ in 0..5 {
            f();
        }
        let mut runs = 0u32;
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(2) || runs < 20 {
            f();
            runs += 1;
        }
        let per_run = start.elapsed() / runs;
        println!("{label}: {per_run:?} per run ({runs} runs)");
    };
    measure(
        &format!("render {PHASES} phases (templates parsed once)"),
        &|| {
            black_box(prepared.render(black_box(&params), &fetched, true));
        },
    );
    measure(&format!("parse + render {PHASES} phases"), &|| {
        let prepared = PreparedAction::new(&blueprint, "backup").unwrap();
        black_box(prepared.render(black_box(&params), &fetched, true));
    });
    measure(&format!("validate the {PHASES}-phase Blueprint"), &|| {
        black_box(validate_yaml(black_box(&yaml)));
    });
}
