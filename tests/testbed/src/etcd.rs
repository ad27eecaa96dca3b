//! A real etcd for tests: the `etcd` binary on free loopback ports with a temporary data dir,
//! plain or with TLS (a throwaway CA and certificates made with the `openssl` CLI), a fast bulk
//! loader, and `etcdctl` pre-pointed at it. Stopped and cleaned up on drop.
//!
//! When a binary is missing the constructors return `None` after reporting the skip through
//! [`crate::skip::skipped`], so a test can `let Some(etcd) = Etcd::start() else { return };`.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;

/// Certificates for a TLS etcd: the CA, the server pair, and a client pair signed by the CA.
#[derive(Debug, Clone)]
pub struct TlsFiles {
    pub ca: PathBuf,
    pub server_cert: PathBuf,
    pub server_key: PathBuf,
    pub client_cert: PathBuf,
    pub client_key: PathBuf,
}

pub struct Etcd {
    child: Child,
    dir: tempfile::TempDir,
    /// `http://127.0.0.1:PORT` or `https://…`.
    pub client_url: String,
    pub peer_url: String,
    pub tls: Option<TlsFiles>,
}

impl Drop for Etcd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Finds an executable: `$<ENV>` if set, else `name` on PATH, else `/usr/bin/name`.
pub fn find_binary(env: &str, name: &str) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(env) {
        return Some(PathBuf::from(path));
    }
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    on_path.or_else(|| {
        let fallback = Path::new("/usr/bin").join(name);
        fallback.is_file().then_some(fallback)
    })
}

/// Reports the skip through `skip::skipped`: logged, and fatal under `KB_NO_SKIPS=1` (CI).
fn skip(what: &str) {
    crate::skip::skipped(
        "a real-etcd test",
        &format!(
            "{what} not found; install Debian `etcd-server etcd-client` (and `openssl` for TLS \
             tests) or set ETCD_BIN / ETCDCTL_BIN"
        ),
    );
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

impl Etcd {
    pub fn etcd_binary() -> Option<PathBuf> {
        find_binary("ETCD_BIN", "etcd")
    }

    pub fn etcdctl_binary() -> Option<PathBuf> {
        find_binary("ETCDCTL_BIN", "etcdctl")
    }

    /// A plain-HTTP member, or `None` (after a loud message) without the binaries.
    pub fn start() -> Option<Etcd> {
        Self::start_with(false)
    }

    /// A member that serves HTTPS and requires client certificates, or `None` (after a loud
    /// message) without the binaries or `openssl`.
    pub fn start_tls() -> Option<Etcd> {
        Self::start_with(true)
    }

    fn start_with(tls: bool) -> Option<Etcd> {
        let Some(binary) = Self::etcd_binary() else {
            skip("etcd");
            return None;
        };
        if tls && find_binary("OPENSSL_BIN", "openssl").is_none() {
            skip("openssl");
            return None;
        }
        // A port picked free can be taken before etcd binds it; try a few times.
        let mut last_error = None;
        for _ in 0..3 {
            match Self::launch(&binary, tls) {
                Ok(etcd) => return Some(etcd),
                Err(e) => last_error = Some(e),
            }
        }
        panic!("etcd did not start: {:#}", last_error.expect("an attempt"));
    }

    fn launch(binary: &Path, tls: bool) -> Result<Etcd> {
        let dir = tempfile::tempdir()?;
        let scheme = if tls { "https" } else { "http" };
        let client_url = format!("{scheme}://127.0.0.1:{}", free_port());
        let peer_url = format!("http://127.0.0.1:{}", free_port());
        let tls = if tls {
            Some(make_certificates(&dir.path().join("pki"))?)
        } else {
            None
        };
        let log = std::fs::File::create(dir.path().join("etcd.log"))?;
        let mut command = Command::new(binary);
        command
            .arg("--name=default")
            .arg(format!("--data-dir={}", dir.path().join("data").display()))
            .arg(format!("--listen-client-urls={client_url}"))
            .arg(format!("--advertise-client-urls={client_url}"))
            .arg(format!("--listen-peer-urls={peer_url}"))
            .arg(format!("--initial-advertise-peer-urls={peer_url}"))
            .arg(format!("--initial-cluster=default={peer_url}"))
            .arg("--quota-backend-bytes=4294967296")
            .env_remove("ETCDCTL_API")
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log);
        if let Some(files) = &tls {
            command
                .arg(format!("--cert-file={}", files.server_cert.display()))
                .arg(format!("--key-file={}", files.server_key.display()))
                .arg(format!("--trusted-ca-file={}", files.ca.display()))
                .arg("--client-cert-auth=true");
        }
        let child = command.spawn().context("cannot run etcd")?;
        let mut etcd = Etcd {
            child,
            dir,
            client_url,
            peer_url,
            tls,
        };
        etcd.wait_ready()?;
        Ok(etcd)
    }

    fn wait_ready(&mut self) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait()? {
                bail!("etcd exited with {status}: {}", self.log());
            }
            let healthy = self
                .etcdctl_command()
                .map(|mut c| {
                    c.args(["endpoint", "health", "--command-timeout=1s"])
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .status()
                        .is_ok_and(|s| s.success())
                })
                .unwrap_or_else(|| {
                    std::net::TcpStream::connect(self.client_url.rsplit("//").next().unwrap_or(""))
                        .is_ok()
                });
            if healthy {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("etcd did not become healthy in 20s: {}", self.log());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The member's log so far (for failure messages).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("etcd.log")).unwrap_or_default()
    }

    /// A scratch directory that lives as long as this member.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The connection flags etcdctl and `kubectl backup etcd` both accept.
    pub fn connection_args(&self) -> Vec<String> {
        let mut args = vec![format!("--endpoints={}", self.client_url)];
        if let Some(files) = &self.tls {
            args.push(format!("--cacert={}", files.ca.display()));
            args.push(format!("--cert={}", files.client_cert.display()));
            args.push(format!("--key={}", files.client_key.display()));
        }
        args
    }

    /// `etcdctl` with the connection flags set, or `None` when etcdctl is absent.
    pub fn etcdctl_command(&self) -> Option<Command> {
        let mut command = Command::new(Self::etcdctl_binary()?);
        command.env("ETCDCTL_API", "3").args(self.connection_args());
        Some(command)
    }

    /// A client for writing test data. It speaks etcd's JSON gateway (`/v3/kv/…` on the client
    /// port, the same handlers as gRPC) rather than gRPC, so the test bed needs neither a gRPC
    /// stack nor the plugin's own client, which is what the tests check.
    pub fn client(&self) -> Result<KvClient> {
        // reqwest is built without a TLS provider of its own and wants one even for http://.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = reqwest::Client::builder().no_proxy();
        if let Some(files) = &self.tls {
            builder = builder.tls_backend_preconfigured(client_tls(files)?);
        }
        Ok(KvClient {
            http: builder.build()?,
            base: self.client_url.clone(),
        })
    }

    /// Writes `count` keys `{prefix}{i:07}` with `value_size`-byte pseudo-random values, 128 puts
    /// per transaction (the fast path: ~8,000 keys/s on two cores).
    pub async fn load(&self, prefix: &str, count: usize, value_size: usize) -> Result<()> {
        let client = self.client()?;
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut i = 0;
        while i < count {
            let end = (i + 128).min(count);
            let puts: Vec<(Vec<u8>, Vec<u8>)> = (i..end)
                .map(|n| {
                    let value: Vec<u8> =
                        (0..value_size).map(|_| (next() % 94 + 33) as u8).collect();
                    (format!("{prefix}{n:07}").into_bytes(), value)
                })
                .collect();
            client.put_all(&puts).await?;
            i = end;
        }
        Ok(())
    }
}

/// Writes keys through etcd's JSON gateway: each call is one etcd transaction, keys and values
/// base64 in JSON (the gateway's encoding of `bytes` fields).
pub struct KvClient {
    http: reqwest::Client,
    base: String,
}

impl KvClient {
    pub async fn put(&self, key: impl AsRef<[u8]>, value: impl AsRef<[u8]>) -> Result<()> {
        self.put_all(&[(key.as_ref(), value.as_ref())]).await
    }

    /// All puts in one transaction (one revision), as `etcdctl txn` would.
    pub async fn put_all<K: AsRef<[u8]>, V: AsRef<[u8]>>(&self, puts: &[(K, V)]) -> Result<()> {
        let success: Vec<serde_json::Value> = puts
            .iter()
            .map(|(key, value)| {
                serde_json::json!({"request_put": {
                    "key": BASE64.encode(key), "value": BASE64.encode(value)}})
            })
            .collect();
        self.call("/v3/kv/txn", serde_json::json!({ "success": success }))
            .await
    }

    pub async fn delete(&self, key: impl AsRef<[u8]>) -> Result<()> {
        let key = BASE64.encode(key);
        self.call("/v3/kv/deleterange", serde_json::json!({ "key": key }))
            .await
    }

    async fn call(&self, path: &str, body: serde_json::Value) -> Result<()> {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .with_context(|| format!("etcd gateway {path}"))?;
        let status = response.status();
        if !status.is_success() {
            bail!("etcd gateway {path}: {status}: {}", response.text().await?);
        }
        Ok(())
    }
}

/// The client side of a TLS member: its CA as the only root, the client pair as identity.
fn client_tls(files: &TlsFiles) -> Result<rustls::ClientConfig> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(&files.ca)? {
        roots.add(cert?)?;
    }
    let chain =
        CertificateDer::pem_file_iter(&files.client_cert)?.collect::<Result<Vec<_>, _>>()?;
    let key = PrivateKeyDer::from_pem_file(&files.client_key)?;
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_client_auth_cert(chain, key)?)
}

fn make_certificates(dir: &Path) -> Result<TlsFiles> {
    std::fs::create_dir_all(dir)?;
    let openssl = find_binary("OPENSSL_BIN", "openssl").context("openssl not found")?;
    let run = |args: &[&str]| -> Result<()> {
        let output = Command::new(&openssl)
            .args(args)
            .current_dir(dir)
            .output()?;
        if !output.status.success() {
            bail!(
                "openssl {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        Ok(())
    };
    let new_key = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let mut ca = vec!["req", "-x509"];
    ca.extend(new_key);
    ca.extend([
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        "-days",
        "2",
        "-subj",
        "/CN=testbed-etcd-ca",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    ]);
    run(&ca)?;
    for (name, usage) in [
        ("server", "serverAuth,clientAuth"),
        ("client", "clientAuth"),
    ] {
        let mut req = vec!["req"];
        req.extend(new_key);
        let (key, csr, crt, subject) = (
            format!("{name}.key"),
            format!("{name}.csr"),
            format!("{name}.crt"),
            format!("/CN=testbed-etcd-{name}"),
        );
        req.extend(["-keyout", &key, "-out", &csr, "-subj", &subject]);
        run(&req)?;
        let ext = format!("{name}.ext");
        std::fs::write(
            dir.join(&ext),
            format!(
                "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage={usage}\n\
                 keyUsage=critical,digitalSignature\nbasicConstraints=CA:FALSE\n"
            ),
        )?;
        run(&[
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            &crt,
            "-days",
            "2",
            "-extfile",
            &ext,
        ])?;
    }
    Ok(TlsFiles {
        ca: dir.join("ca.crt"),
        server_cert: dir.join("server.crt"),
        server_key: dir.join("server.key"),
        client_cert: dir.join("client.crt"),
        client_key: dir.join("client.key"),
    })
}
