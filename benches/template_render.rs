//! Renders a 50-phase Blueprint's templates and prints the time per full render.
//!
//! `cargo bench --bench template_render`. Each phase has the args of the upstream PostgreSQL
//! backup phase (Secret lookup, `toJson .Profile`, `toDate | date`, labels via `index`) plus an
//! output reference to the previous phase. Templates are parsed once; each iteration builds the
//! parameters for every phase (as an executor does, since outputs accumulate) and renders.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use kubectl_backup::template::{
    KeyPair, PhaseParams, ProfileCredential, ProfileLocation, ProfileParams, SecretParams,
    Template, TemplateParams, WorkloadParams,
};
use serde_json::json;

const PHASES: usize = 50;

fn phase_templates(i: usize) -> Vec<String> {
    let prev = if i == 0 {
        "{{ .Time }}".to_string()
    } else {
        format!("{{{{ .Phases.phase{}.Output.path }}}}", i - 1)
    };
    vec![
        "{{ .StatefulSet.Namespace }}".to_string(),
        r#"{{ index .Object.metadata.labels "app.kubernetes.io/instance" }}-postgresql"#
            .to_string(),
        format!(
            r#"export PGHOST='{{{{ index .Object.metadata.labels "app.kubernetes.io/instance" }}}}-postgresql.{{{{ .StatefulSet.Namespace }}}}.svc.cluster.local'
export PGUSER='postgres'
export PGPASSWORD='{{{{ index .Phases.phase{i}.Secrets.pgSecret.Data "postgres-password" | toString }}}}'
PREVIOUS={prev}
BACKUP_LOCATION=pg_backups/{{{{ .StatefulSet.Namespace }}}}/{{{{ .StatefulSet.Name }}}}/{{{{ toDate "2006-01-02T15:04:05.999999999Z07:00" .Time | date "2006-01-02T15:04:05Z07:00" }}}}/backup.sql.gz
pg_dumpall --clean -U $PGUSER | gzip -c | kando location push --profile '{{{{ toJson .Profile }}}}' --path "${{BACKUP_LOCATION}}" -
kando output path "${{BACKUP_LOCATION}}"
"#
        ),
    ]
}

fn params() -> TemplateParams {
    let mut sts = WorkloadParams::new("pg-postgresql", "prod-db");
    sts.pods = vec!["pg-postgresql-0".into()];
    TemplateParams {
        stateful_set: Some(sts),
        time: "2026-11-21T10:27:31.123456789Z".into(),
        object: json!({"metadata": {"name": "pg-postgresql", "namespace": "prod-db",
            "labels": {"app.kubernetes.io/instance": "pg"}}}),
        profile: Some(ProfileParams {
            location: ProfileLocation {
                type_: "s3Compliant".into(),
                bucket: "kanister-backups".into(),
                endpoint: "http://minio:9000".into(),
                prefix: "prod".into(),
                region: "us-east-1".into(),
            },
            credential: ProfileCredential {
                type_: "keyPair".into(),
                key_pair: Some(KeyPair {
                    id: "AKIAIOSFODNN7EXAMPLE".into(),
                    secret: "wJalrXUtnFEMI".into(),
                }),
                ..Default::default()
            },
            skip_ssl_verify: false,
        }),
        ..Default::default()
    }
}

fn main() {
    let parse_start = Instant::now();
    let templates: Vec<Vec<Template>> = (0..PHASES)
        .map(|i| {
            phase_templates(i)
                .iter()
                .map(|s| Template::parse("arg", s).expect("parses"))
                .collect()
        })
        .collect();
    let parse_time = parse_start.elapsed();

    let build_time = std::cell::Cell::new(Duration::ZERO);
    // As an executor does: build the parameters once per action, then record each phase's
    // Secrets when it starts and its output when it completes.
    let render_all = || -> usize {
        let t0 = Instant::now();
        let data = params().build();
        build_time.set(build_time.get() + t0.elapsed());
        let mut bytes = 0;
        for (i, phase) in templates.iter().enumerate() {
            let t0 = Instant::now();
            let secret =
                SecretParams::new("pg-postgresql", "prod-db").with("postgres-password", "s3cr3t");
            let mut params = PhaseParams {
                secrets: BTreeMap::from([("pgSecret".into(), secret)]),
                ..Default::default()
            };
            data.set_phase(&format!("phase{i}"), &params);
            build_time.set(build_time.get() + t0.elapsed());
            for t in phase {
                bytes += t.render(&data).expect("renders").len();
            }
            let t0 = Instant::now();
            let out = json!(format!("pg_backups/prod-db/{i}"));
            params.output = Some([("path".to_string(), out)].into_iter().collect());
            data.set_phase(&format!("phase{i}"), &params);
            build_time.set(build_time.get() + t0.elapsed());
        }
        bytes
    };

    // Warm up, then time.
    let mut bytes = 0;
    for _ in 0..3 {
        bytes = render_all();
    }
    let iterations = 200;
    build_time.set(Duration::ZERO);
    let start = Instant::now();
    for _ in 0..iterations {
        std::hint::black_box(render_all());
    }
    let per_render: Duration = start.elapsed() / iterations;
    println!("parse: {PHASES} phases × 3 templates in {parse_time:?}");
    println!(
        "  of which building parameters: {:?} per render",
        build_time.get() / iterations
    );
    println!(
        "render: {PHASES}-phase blueprint (params + {} templates, {bytes} bytes out) in {per_render:?} per render ({iterations} iterations)",
        PHASES * 3
    );
}
