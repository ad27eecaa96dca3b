//! Storage benchmark: push and pull one 1 GiB object and 10,000 × 4 KiB objects through the S3
//! backend against an in-process s3s-fs on loopback, and `aws s3 cp` against the same server when
//! the AWS CLI is installed. Prints MiB/s, objects/s and peak RSS.
//!
//! Run: `cargo bench --bench storage` (add `-- --big-mib 256` for a quicker run).
//!
//! `cargo bench --bench storage -- --gcs [--big-mib N]` compares one upload through the S3 path
//! (s3s-fs) with one through the GCS JSON API (fake-gcs-server, `FAKE_GCS_SERVER` or on `PATH`,
//! bearer tokens from a loopback metadata-server stand-in), same options, then pulls the GCS
//! object back to check it.
//! Each measured transfer runs in a child process (this binary re-executed with `--child`), so its
//! peak RSS (`VmHWM`) is its own and not the server's.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use futures::{StreamExt, TryStreamExt};
use kubectl_backup::storage::auth::TokenSource;
use kubectl_backup::storage::{GcsConfig, ObjectStore, S3Config, StorageConfig, TransferOptions};
use kubectl_backup_testbed::s3::S3Server;
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[path = "../tests/credentials/token_server.rs"]
#[allow(dead_code)]
mod token_server;

const SMALL_COUNT: usize = 10_000;
const SMALL_SIZE: usize = 4096;
const SMALL_CONCURRENCY: usize = 32;
const MIB: f64 = 1024.0 * 1024.0;

fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let args: Vec<String> = std::env::args().collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    if let Some(at) = args.iter().position(|a| a == "--child") {
        runtime.block_on(child(&args[at + 1..]));
        return;
    }
    // `cargo bench` passes `--bench`; `cargo test --benches` would too, with nothing else.
    let big_mib: u64 = args
        .iter()
        .position(|a| a == "--big-mib")
        .and_then(|at| args.get(at + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(1024);
    if args.iter().any(|a| a == "--gcs") {
        runtime.block_on(gcs_parent(big_mib));
        return;
    }
    runtime.block_on(parent(big_mib));
}

/// One measured transfer: `put|get|put-many|get-many ENDPOINT AK SK ARG…`; prints one line
/// `seconds=… bytes=… objects=… hwm_kib=…`. With `gcs-put|gcs-get`, `AK` is the metadata
/// stand-in's address and `SK` is unused.
async fn child(args: &[String]) {
    let (op, endpoint, ak, sk) = (&args[0], &args[1], &args[2], &args[3]);
    let (config, op) = match op.strip_prefix("gcs-") {
        Some(op) => (StorageConfig::Gcs(gcs_config(endpoint, ak)), op),
        None => (StorageConfig::S3(config(endpoint, ak, sk)), op.as_str()),
    };
    let store = ObjectStore::with_options(config, TransferOptions::default()).unwrap();
    let started = Instant::now();
    let (bytes, objects) = match op {
        "put" => {
            let file = tokio::fs::File::open(&args[4]).await.unwrap();
            let size = file.metadata().await.unwrap().len();
            let put = store.put(&args[5], file, Some(size)).await.unwrap();
            (put.size, 1)
        }
        "get" => {
            let mut reader = store.get(&args[5]).await.unwrap();
            let mut out = tokio::fs::File::create(&args[4]).await.unwrap();
            let mut buf = vec![0u8; 1 << 20];
            let mut total = 0u64;
            loop {
                let n = reader.read(&mut buf).await.unwrap();
                if n == 0 {
                    break;
                }
                out.write_all(&buf[..n]).await.unwrap();
                total += n as u64;
            }
            out.flush().await.unwrap();
            (total, 1)
        }
        "put-many" => {
            let body = bytes::Bytes::from(vec![0x5a; SMALL_SIZE]);
            futures::stream::iter((0..SMALL_COUNT).map(|i| {
                let (store, body) = (store.clone(), body.clone());
                async move { store.put_bytes(&small_key(i), body).await }
            }))
            .buffer_unordered(SMALL_CONCURRENCY)
            .try_collect::<Vec<_>>()
            .await
            .unwrap();
            ((SMALL_COUNT * SMALL_SIZE) as u64, SMALL_COUNT)
        }
        "get-many" => {
            let sizes: Vec<usize> = futures::stream::iter((0..SMALL_COUNT).map(|i| {
                let store = store.clone();
                async move { store.get_bytes(&small_key(i)).await.map(|b| b.len()) }
            }))
            .buffer_unordered(SMALL_CONCURRENCY)
            .try_collect()
            .await
            .unwrap();
            assert!(sizes.iter().all(|&s| s == SMALL_SIZE));
            (sizes.iter().sum::<usize>() as u64, SMALL_COUNT)
        }
        other => panic!("unknown child operation {other}"),
    };
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "seconds={seconds} bytes={bytes} objects={objects} hwm_kib={}",
        vm_hwm_kib("self")
    );
}

fn small_key(i: usize) -> String {
    format!("small/{:02}/{i:05}", i % 100)
}

fn config(endpoint: &str, ak: &str, sk: &str) -> S3Config {
    S3Config {
        endpoint: Some(endpoint.to_string()),
        region: "us-east-1".into(),
        bucket: "bucket".into(),
        path_style: true,
        access_key_id: ak.into(),
        secret_access_key: sk.into(),
        ..Default::default()
    }
}

fn gcs_config(endpoint: &str, metadata: &str) -> GcsConfig {
    GcsConfig {
        endpoint: Some(endpoint.to_string()),
        bucket: "bucket".into(),
        project_id: "bench".into(),
        token_source: Some(TokenSource::GcpMetadata {
            endpoint: metadata.to_string(),
        }),
        ..Default::default()
    }
}

/// Peak resident set size of a process, from `/proc/<pid>/status`.
fn vm_hwm_kib(pid: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_string)
        })
        .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

struct Measured {
    seconds: f64,
    wall: f64,
    bytes: u64,
    objects: u64,
    hwm_kib: u64,
}

fn run_child(op: &str, server: &S3Server, extra: &[&str]) -> Measured {
    run_child_at(
        op,
        [&server.endpoint, &server.access_key, &server.secret_key],
        extra,
    )
}

fn run_child_at(op: &str, target: [&str; 3], extra: &[&str]) -> Measured {
    let exe = std::env::current_exe().unwrap();
    let started = Instant::now();
    let output = Command::new(exe)
        .arg("--child")
        .arg(op)
        .args(target)
        .args(extra)
        .stderr(Stdio::inherit())
        .output()
        .unwrap();
    let wall = started.elapsed().as_secs_f64();
    assert!(output.status.success(), "child {op} failed");
    let line = String::from_utf8(output.stdout).unwrap();
    let field = |name: &str| -> f64 {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no {name} in {line:?}"))
    };
    Measured {
        seconds: field("seconds"),
        wall,
        bytes: field("bytes") as u64,
        objects: field("objects") as u64,
        hwm_kib: field("hwm_kib") as u64,
    }
}

/// Run a command, sampling its peak RSS; returns (wall seconds, peak RSS KiB).
fn run_sampled(command: &mut Command) -> Option<(f64, u64)> {
    let started = Instant::now();
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    let pid = child.id().to_string();
    let mut peak = 0;
    loop {
        peak = peak.max(vm_hwm_kib(&pid));
        if let Some(status) = child.try_wait().unwrap() {
            let wall = started.elapsed().as_secs_f64();
            if !status.success() {
                let mut err = String::new();
                if let Some(mut stderr) = child.stderr.take() {
                    use std::io::Read;
                    let _ = stderr.read_to_string(&mut err);
                }
                eprintln!("  command failed: {}", err.trim());
                return None;
            }
            return Some((wall, peak));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn sha256_file(path: &Path) -> String {
    let mut file = std::fs::File::open(path).unwrap();
    let mut hasher = Sha256::new();
    // sha2 0.11 hashers are no io::Write: feed the digest from a buffer.
    let mut buffer = vec![0; 1 << 20];
    loop {
        let read = std::io::Read::read(&mut file, &mut buffer).unwrap();
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
    }
    hex::encode(hasher.finalize())
}

fn write_source(path: &Path, size: u64) {
    use std::io::Write;
    let mut file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path).unwrap());
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut block = vec![0u8; 1 << 20];
    let mut left = size;
    while left > 0 {
        for chunk in block.chunks_mut(8) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            chunk.copy_from_slice(&state.to_le_bytes());
        }
        let n = left.min(block.len() as u64) as usize;
        file.write_all(&block[..n]).unwrap();
        left -= n as u64;
    }
    file.flush().unwrap();
}

fn aws_binary() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("aws"))
        .find(|p| p.is_file())
}

fn report(what: &str, m: &Measured) {
    let mib = m.bytes as f64 / MIB;
    if m.objects > 1 {
        println!(
            "{what:<34} {:>9.0} objects/s {:>8.1} MiB/s   {:>6.2} s (process {:>6.2} s)   peak RSS {:>6.1} MiB",
            m.objects as f64 / m.seconds,
            mib / m.seconds,
            m.seconds,
            m.wall,
            m.hwm_kib as f64 / 1024.0
        );
    } else {
        println!(
            "{what:<34} {:>8.1} MiB/s   {:>6.2} s (process {:>6.2} s = {:>6.1} MiB/s)   peak RSS {:>6.1} MiB",
            mib / m.seconds,
            m.seconds,
            m.wall,
            mib / m.wall,
            m.hwm_kib as f64 / 1024.0
        );
    }
}

async fn parent(big_mib: u64) {
    let server = S3Server::start().await.unwrap();
    let work = tempfile::tempdir().unwrap();
    let source = work.path().join("source.bin");
    let pulled = work.path().join("pulled.bin");
    let size = big_mib << 20;
    write_source(&source, size);
    let want = sha256_file(&source);
    let source_arg = source.to_str().unwrap().to_string();
    let pulled_arg = pulled.to_str().unwrap().to_string();
    println!(
        "storage benchmark: s3s-fs 0.14 in-process on {}, {} cores",
        server.endpoint,
        num_cpus()
    );
    println!(
        "object: {big_mib} MiB; small objects: {SMALL_COUNT} x {SMALL_SIZE} B, {SMALL_CONCURRENCY} in flight"
    );
    println!("options: {:?}", TransferOptions::default());

    // Run in a blocking thread: the server lives on this runtime and must keep serving.
    let server = std::sync::Arc::new(server);
    let s = server.clone();
    let results = tokio::task::spawn_blocking(move || {
        let put = run_child("put", &s, &[&source_arg, "big"]);
        let stored = s.object_path("bucket", "big");
        assert_eq!(
            sha256_file(&stored),
            want,
            "the stored object differs from the source"
        );
        let get = run_child("get", &s, &[&pulled_arg, "big"]);
        assert_eq!(
            sha256_file(Path::new(&pulled_arg)),
            want,
            "the pulled file differs from the source"
        );
        let put_many = run_child("put-many", &s, &[]);
        let get_many = run_child("get-many", &s, &[]);
        (put, get, put_many, get_many)
    })
    .await
    .unwrap();
    let (put, get, put_many, get_many) = results;
    report(&format!("kubectl-backup put {big_mib} MiB"), &put);
    report(&format!("kubectl-backup get {big_mib} MiB"), &get);
    report("kubectl-backup put 10,000 x 4 KiB", &put_many);
    report("kubectl-backup get 10,000 x 4 KiB", &get_many);

    let Some(aws) = aws_binary() else {
        println!("aws s3 cp: SKIPPED (no `aws` on PATH; pip install awscli)");
        return;
    };
    let s = server.clone();
    let source = source.clone();
    let endpoint = server.endpoint.clone();
    let aws_runs = tokio::task::spawn_blocking(move || {
        let home = tempfile::tempdir().unwrap();
        let aws_cmd = |args: &[&str]| {
            let mut cmd = Command::new(&aws);
            cmd.env_clear()
                .env("PATH", std::env::var_os("PATH").unwrap_or_default())
                .env("HOME", home.path())
                .env("AWS_ACCESS_KEY_ID", &s.access_key)
                .env("AWS_SECRET_ACCESS_KEY", &s.secret_key)
                .env("AWS_DEFAULT_REGION", "us-east-1")
                .args([
                    "--endpoint-url",
                    &endpoint,
                    "s3",
                    "cp",
                    "--only-show-errors",
                ])
                .args(args);
            cmd
        };
        let version = Command::new(&aws).arg("--version").output().ok();
        let version = version.map(|o| {
            String::from_utf8_lossy(&o.stdout).trim().to_string()
                + String::from_utf8_lossy(&o.stderr).trim()
        });
        let up = run_sampled(&mut aws_cmd(&[
            source.to_str().unwrap(),
            "s3://bucket/aws-big",
        ]));
        if up.is_some() {
            assert_eq!(
                sha256_file(&s.object_path("bucket", "aws-big")),
                sha256_file(&source)
            );
        }
        let target = source.with_file_name("aws-pulled.bin");
        let down = run_sampled(&mut aws_cmd(&[
            "s3://bucket/aws-big",
            target.to_str().unwrap(),
        ]));
        (version, up, down)
    })
    .await
    .unwrap();
    let (version, up, down) = aws_runs;
    println!("aws: {}", version.unwrap_or_default());
    let mib = size as f64 / MIB;
    for (what, run) in [("put", up), ("get", down)] {
        match run {
            Some((wall, peak)) => println!(
                "{:<34} {:>8.1} MiB/s   (process {:>6.2} s)   peak RSS {:>6.1} MiB",
                format!("aws s3 cp {what} {big_mib} MiB"),
                mib / wall,
                wall,
                peak as f64 / 1024.0
            ),
            None => println!("aws s3 cp {what}: failed (see above)"),
        }
    }
    if let Some((wall, _)) = up {
        println!(
            "upload, whole process vs whole process: kubectl-backup {:.1} MiB/s, aws s3 cp {:.1} MiB/s ({:.2}x)",
            mib / put.wall,
            mib / wall,
            wall / put.wall
        );
    }
}

fn num_cpus() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// fake-gcs-server on a free loopback port (in-memory), killed on drop.
struct FakeGcs {
    endpoint: String,
    child: std::process::Child,
}

impl Drop for FakeGcs {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn fake_gcs() -> Option<FakeGcs> {
    let binary = std::env::var_os("FAKE_GCS_SERVER")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::split_paths(&std::env::var_os("PATH")?)
                .map(|d| d.join("fake-gcs-server"))
                .find(|p| p.is_file())
        })?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let endpoint = format!("http://127.0.0.1:{port}");
    let child = Command::new(binary)
        .args([
            "-scheme",
            "http",
            "-host",
            "127.0.0.1",
            "-backend",
            "memory",
        ])
        .args(["-port", &port.to_string(), "-external-url", &endpoint])
        .args(["-public-host", &format!("127.0.0.1:{port}")])
        .args(["-log-level", "error"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let server = FakeGcs { endpoint, child };
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "fake-gcs-server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Some(server)
}

/// Upload throughput of the S3 path and the GCS path with the same transfer options.
async fn gcs_parent(big_mib: u64) {
    let Some(gcs) = fake_gcs() else {
        println!("GCS comparison: SKIPPED (fake-gcs-server not found; set FAKE_GCS_SERVER)");
        return;
    };
    // The metadata server's token answer; fake-gcs-server accepts any bearer token.
    let metadata = token_server::TokenServer::start(|_| {
        (
            200,
            r#"{"access_token":"bench-token","expires_in":3600,"token_type":"Bearer"}"#.into(),
        )
    })
    .await;
    let store =
        ObjectStore::new(StorageConfig::Gcs(gcs_config(&gcs.endpoint, &metadata.url))).unwrap();
    store.create_bucket().await.unwrap();
    let server = std::sync::Arc::new(S3Server::start().await.unwrap());
    let work = tempfile::tempdir().unwrap();
    let source = work.path().join("source.bin");
    let pulled = work.path().join("pulled.bin");
    write_source(&source, big_mib << 20);
    let want = sha256_file(&source);
    println!(
        "GCS vs S3 upload: {big_mib} MiB, s3s-fs 0.14 in-process on {}, fake-gcs-server (memory) on {}, {} cores",
        server.endpoint,
        gcs.endpoint,
        num_cpus()
    );
    println!("options: {:?}", TransferOptions::default());
    let (source_arg, pulled_arg) = (
        source.to_str().unwrap().to_string(),
        pulled.to_str().unwrap().to_string(),
    );
    let (gcs_endpoint, metadata_url, s) =
        (gcs.endpoint.clone(), metadata.url.clone(), server.clone());
    let (s3_put, gcs_put, gcs_get) = tokio::task::spawn_blocking(move || {
        let s3_put = run_child("put", &s, &[&source_arg, "big"]);
        let target = [gcs_endpoint.as_str(), metadata_url.as_str(), "-"];
        let gcs_put = run_child_at("gcs-put", target, &[&source_arg, "big"]);
        let gcs_get = run_child_at("gcs-get", target, &[&pulled_arg, "big"]);
        (s3_put, gcs_put, gcs_get)
    })
    .await
    .unwrap();
    assert_eq!(
        sha256_file(&pulled),
        want,
        "the GCS object differs from the source"
    );
    report(&format!("S3 (s3s-fs) put {big_mib} MiB"), &s3_put);
    report(
        &format!("GCS (fake-gcs-server) put {big_mib} MiB"),
        &gcs_put,
    );
    report(
        &format!("GCS (fake-gcs-server) get {big_mib} MiB"),
        &gcs_get,
    );
    println!(
        "GCS upload / S3 upload throughput: {:.2}",
        s3_put.seconds / gcs_put.seconds
    );
}
