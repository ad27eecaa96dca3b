//! The plugin behaves as kubectl does, checked against kubectl itself (`/usr/bin/kubectl`, or
//! `kubectl` on PATH) wherever it can run: proxies (counted by a small proxy in this file),
//! `KUBECONFIG` lists with missing files, `-o` formats and input validation. Against the fake API
//! server and the in-process S3; a test whose oracle is missing says so and checks our side only.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use kubectl_backup_testbed::FakeApiServer;
use kubectl_backup_testbed::s3::S3Server;
use serde_json::Value;

use common::BIN;
use common::cli::{ok, text};
use common::kanister::s3_profile_args;

mod common;

/// A name no resolver knows: reachable only through the test proxy, which maps it to loopback.
const PROXIED_HOST: &str = "apiserver.proxy-test.invalid";

fn kubectl() -> Option<PathBuf> {
    ["/usr/bin/kubectl", "/usr/local/bin/kubectl"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// A forward proxy for tests: `CONNECT host:port` tunnels and absolute-form `GET http://…`
/// requests, every host sent to 127.0.0.1 on the same port. Counts what it served.
struct CountingProxy {
    url: String,
    served: Arc<AtomicUsize>,
    hosts: Arc<std::sync::Mutex<Vec<String>>>,
}

impl CountingProxy {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let served = Arc::new(AtomicUsize::new(0));
        let hosts = Arc::new(std::sync::Mutex::new(Vec::new()));
        let (count, seen) = (served.clone(), hosts.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let (count, seen) = (count.clone(), seen.clone());
                std::thread::spawn(move || {
                    let _ = serve_proxy_connection(client, &count, &seen);
                });
            }
        });
        CountingProxy { url, served, hosts }
    }

    fn served(&self) -> usize {
        self.served.load(Ordering::SeqCst)
    }

    fn hosts(&self) -> Vec<String> {
        self.hosts.lock().unwrap().clone()
    }
}

fn read_head(stream: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        head.push(byte[0]);
    }
    Ok(head)
}

fn serve_proxy_connection(
    mut client: TcpStream,
    served: &AtomicUsize,
    hosts: &std::sync::Mutex<Vec<String>>,
) -> std::io::Result<()> {
    let head = read_head(&mut client)?;
    let head_text = String::from_utf8_lossy(&head).into_owned();
    let request_line = head_text.lines().next().unwrap_or_default().to_string();
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let authority = if method == "CONNECT" {
        target.to_string()
    } else {
        let rest = target.strip_prefix("http://").unwrap_or(target);
        rest.split('/').next().unwrap_or("").to_string()
    };
    let port = authority.rsplit(':').next().unwrap_or("80");
    hosts.lock().unwrap().push(authority.clone());
    served.fetch_add(1, Ordering::SeqCst);
    let mut upstream = TcpStream::connect(format!("127.0.0.1:{port}"))?;
    if method == "CONNECT" {
        client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")?;
    } else {
        // Origin-form for the server; the rest of the head unchanged.
        let path_start = target
            .strip_prefix("http://")
            .and_then(|r| r.find('/').map(|i| "http://".len() + i))
            .unwrap_or(target.len());
        let origin = if path_start < target.len() {
            &target[path_start..]
        } else {
            "/"
        };
        let rewritten = head_text.replacen(target, origin, 1);
        upstream.write_all(rewritten.as_bytes())?;
    }
    let (mut client_read, mut upstream_write) = (client.try_clone()?, upstream.try_clone()?);
    let forward = std::thread::spawn(move || {
        let _ = std::io::copy(&mut client_read, &mut upstream_write);
        let _ = upstream_write.shutdown(std::net::Shutdown::Write);
    });
    let _ = std::io::copy(&mut upstream, &mut client);
    let _ = client.shutdown(std::net::Shutdown::Write);
    let _ = forward.join();
    Ok(())
}

/// A kubeconfig for the fake server reached by `server` (a URL), with an optional proxy-url.
fn kubeconfig(dir: &Path, name: &str, server: &str, proxy_url: Option<&str>) -> PathBuf {
    let proxy = proxy_url
        .map(|p| format!("    proxy-url: {p}\n"))
        .unwrap_or_default();
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: {server}\n{proxy}\
             users:\n- name: u\n  user:\n    token: {}\ncontexts:\n- name: x\n  context:\n    cluster: c\n    user: u\n    namespace: default\n\
             current-context: x\n",
            kubectl_backup_testbed::apiserver::ADMIN_TOKEN
        ),
    )
    .unwrap();
    path
}

fn port_of(url: &str) -> &str {
    url.rsplit(':').next().unwrap()
}

/// Our binary and kubectl, each asked to reach the server once under the same environment.
fn plugin_and_kubectl(
    srv: &FakeApiServer,
    kubeconfig: &Path,
    env: &[(&str, &str)],
) -> (Output, Option<Output>) {
    (
        run_plugin(srv, kubeconfig, env),
        run_kubectl(srv, kubeconfig, env),
    )
}

fn run_plugin(srv: &FakeApiServer, kubeconfig: &Path, env: &[(&str, &str)]) -> Output {
    let mut ours = srv.command(BIN);
    ours.env("KUBECONFIG", kubeconfig)
        .args(["version", "-o", "json"])
        .envs(env.iter().copied());
    ours.output().unwrap()
}

fn run_kubectl(srv: &FakeApiServer, kubeconfig: &Path, env: &[(&str, &str)]) -> Option<Output> {
    let mut theirs = srv.command(kubectl()?);
    theirs
        .env("KUBECONFIG", kubeconfig)
        .args(["get", "--raw", "/version", "--request-timeout=10s"])
        .envs(env.iter().copied());
    Some(theirs.output().unwrap())
}

#[test]
fn http_proxy_from_the_environment_is_used_like_kubectl() {
    let srv = FakeApiServer::start_blocking();
    let proxy = CountingProxy::start();
    let server = format!("http://{PROXIED_HOST}:{}", port_of(srv.url()));
    let config = kubeconfig(srv.temp_dir(), "proxied", &server, None);
    for variable in ["HTTP_PROXY", "http_proxy"] {
        let env = [(variable, proxy.url.as_str())];
        let before = proxy.served();
        let version: Value = serde_json::from_str(&ok(&run_plugin(&srv, &config, &env))).unwrap();
        assert!(version["serverVersion"].is_object(), "{version}");
        let after_ours = proxy.served();
        assert!(
            after_ours > before,
            "{variable}: the plugin did not go through the proxy"
        );
        if let Some(theirs) = run_kubectl(&srv, &config, &env) {
            ok(&theirs);
            assert!(
                proxy.served() > after_ours,
                "{variable}: kubectl did not go through the proxy"
            );
        }
    }
    assert!(
        proxy.hosts().iter().all(|h| h.starts_with(PROXIED_HOST)),
        "{:?}",
        proxy.hosts()
    );
}

#[test]
fn no_proxy_suffixes_and_cidrs_bypass_the_proxy_like_kubectl() {
    let srv = FakeApiServer::start_blocking();
    let proxy = CountingProxy::start();
    let server = format!("http://{PROXIED_HOST}:{}", port_of(srv.url()));
    let config = kubeconfig(srv.temp_dir(), "proxied", &server, None);
    for no_proxy in [
        ".proxy-test.invalid",
        "proxy-test.invalid",
        "*",
        "10.0.0.0/8,*.proxy-test.invalid",
    ] {
        let (ours, theirs) = plugin_and_kubectl(
            &srv,
            &config,
            &[("HTTP_PROXY", &proxy.url), ("no_proxy", no_proxy)],
        );
        // Not proxied, the name resolves nowhere: both fail, and the proxy saw nothing.
        assert!(
            !ours.status.success(),
            "NO_PROXY={no_proxy}: {}",
            text(&ours.stdout)
        );
        if let Some(theirs) = theirs {
            assert!(!theirs.status.success(), "kubectl, NO_PROXY={no_proxy}");
        }
        assert_eq!(
            proxy.served(),
            0,
            "NO_PROXY={no_proxy}: {:?}",
            proxy.hosts()
        );
    }
    // A NO_PROXY that does not name the server leaves the proxy in use, for both.
    let (ours, theirs) = plugin_and_kubectl(
        &srv,
        &config,
        &[
            ("HTTP_PROXY", &proxy.url),
            ("NO_PROXY", "10.0.0.0/8,other.invalid"),
        ],
    );
    ok(&ours);
    if let Some(theirs) = theirs {
        ok(&theirs);
    }
    assert!(proxy.served() > 0);
}

#[test]
fn loopback_servers_are_never_proxied_like_kubectl() {
    let srv = FakeApiServer::start_blocking();
    let proxy = CountingProxy::start();
    let (ours, theirs) = plugin_and_kubectl(
        &srv,
        srv.kubeconfig_path(),
        &[("HTTP_PROXY", &proxy.url), ("HTTPS_PROXY", &proxy.url)],
    );
    ok(&ours);
    if let Some(theirs) = theirs {
        ok(&theirs);
    }
    assert_eq!(proxy.served(), 0, "{:?}", proxy.hosts());
}

#[test]
fn kubeconfig_proxy_url_is_used_like_kubectl() {
    let srv = FakeApiServer::start_blocking();
    let proxy = CountingProxy::start();
    let server = format!("http://{PROXIED_HOST}:{}", port_of(srv.url()));
    let config = kubeconfig(srv.temp_dir(), "proxy-url", &server, Some(&proxy.url));
    ok(&run_plugin(&srv, &config, &[]));
    let ours_used = proxy.served();
    assert!(ours_used > 0, "the plugin ignored proxy-url");
    if let Some(theirs) = run_kubectl(&srv, &config, &[]) {
        ok(&theirs);
        assert!(proxy.served() > ours_used, "kubectl ignored proxy-url");
    }
}

#[test]
fn an_unusable_proxy_is_refused_naming_the_variable() {
    let srv = FakeApiServer::start_blocking();
    let server = format!("http://{PROXIED_HOST}:{}", port_of(srv.url()));
    let config = kubeconfig(srv.temp_dir(), "proxied", &server, None);
    let (ours, theirs) =
        plugin_and_kubectl(&srv, &config, &[("HTTP_PROXY", "ftp://proxy.invalid:21")]);
    assert!(!ours.status.success());
    let error = text(&ours.stderr);
    assert!(
        error.contains("HTTP_PROXY") && error.contains("ftp"),
        "{error}"
    );
    if let Some(theirs) = theirs {
        assert!(!theirs.status.success(), "kubectl accepted an ftp proxy");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn object_storage_goes_through_the_proxy_and_loopback_does_not() {
    let srv = FakeApiServer::start().await;
    let s3 = S3Server::start().await.unwrap();
    let proxy = CountingProxy::start();
    let endpoint = format!("http://s3.proxy-test.invalid:{}", port_of(&s3.endpoint));
    let mut create = srv.command(BIN);
    create
        .args(s3_profile_args(&endpoint))
        .args([
            "--access-key",
            &s3.access_key,
            "--secret-key",
            &s3.secret_key,
            "--name",
            "through-proxy",
            "--no-progress",
        ])
        .env("HTTP_PROXY", &proxy.url);
    let out = tokio::task::spawn_blocking(move || create.output().unwrap())
        .await
        .unwrap();
    ok(&out);
    let hosts = proxy.hosts();
    assert!(!hosts.is_empty(), "the S3 probe did not use the proxy");
    // The API server is on 127.0.0.1: never proxied, so every proxied request went to S3.
    assert!(
        hosts.iter().all(|h| h.starts_with("s3.proxy-test.invalid")),
        "{hosts:?}"
    );
}

#[test]
fn missing_kubeconfig_entries_are_skipped_like_kubectl() {
    let srv = FakeApiServer::start_blocking();
    let missing = srv.temp_dir().join("does-not-exist");
    let list = std::env::join_paths([missing.as_path(), srv.kubeconfig_path()]).unwrap();
    let mut ours = srv.command(BIN);
    ours.env("KUBECONFIG", &list)
        .args(["version", "-o", "json"]);
    ok(&ours.output().unwrap());
    if let Some(k) = kubectl() {
        let mut theirs = srv.command(k);
        theirs
            .env("KUBECONFIG", &list)
            .args(["get", "--raw", "/version"]);
        ok(&theirs.output().unwrap());
    }
}

#[test]
fn kubectl_verbosity_levels_are_accepted() {
    let srv = FakeApiServer::start_blocking();
    for args in [&["-v=6"][..], &["--v=6"], &["-vv"], &["-v6"]] {
        let mut c = srv.command(BIN);
        c.args(["version", "-o", "json"]).args(args);
        let out = c.output().unwrap();
        ok(&out);
        assert!(
            text(&out.stderr).contains("/version"),
            "{args:?} logged no request: {}",
            text(&out.stderr)
        );
    }
    let mut quiet = srv.command(BIN);
    quiet.args(["version", "-o", "json", "-v=2"]);
    let out = quiet.output().unwrap();
    ok(&out);
    assert!(
        !text(&out.stderr).contains("/version"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn no_color_turns_colour_off_in_logs() {
    let srv = FakeApiServer::start_blocking();
    let run = |extra: &[&str], env: Option<(&str, &str)>| {
        let mut c = srv.command(BIN);
        c.args(["version", "-o", "json", "-v"]).args(extra);
        if let Some((k, v)) = env {
            c.env(k, v);
        }
        text(&c.output().unwrap().stderr)
    };
    assert!(run(&["--color", "always"], None).contains('\u{1b}'));
    assert!(!run(&["--color", "never"], None).contains('\u{1b}'));
    assert!(!run(&[], Some(("NO_COLOR", "1"))).contains('\u{1b}'));
}

#[test]
fn bad_names_and_selectors_are_refused_before_anything_is_sent() {
    let srv = FakeApiServer::start_blocking();
    let cases: &[(&[&str], &str)] = &[
        (
            &["location", "pull", "--profile", "a b", "--path", "x", "-"],
            "--profile",
        ),
        (&["profile", "list", "-n", "Team_A"], "--namespace"),
        (&["snapshot", "create", "-l", "app=we b"], "--selector"),
        (
            &["actionset", "create", "--name", "Bad", "--action", "backup"],
            "--name",
        ),
        (&["version", "-o", "jsonpath={.x"], "--output"),
        (
            &["version", "--request-timeout", "soon"],
            "--request-timeout",
        ),
        // Durations (Velero's --ttl, every timeout) and mappings: the flag, then the rule.
        (&["snapshot", "create", "b", "--ttl", "3d"], "--ttl"),
        (&["restore", "b", "--crd-timeout", "10"], "--crd-timeout"),
        (
            &["schedule", "run-now", "s", "--timeout", "soon"],
            "--timeout",
        ),
        (
            &["restore", "b", "--namespace-mappings", "prod:ok,staging"],
            "--namespace-mappings",
        ),
        (
            &["restore", "b", "--namespace-mappings", "prod:Staging"],
            "--namespace-mappings",
        ),
        (
            &[
                "actionset",
                "create",
                "--action",
                "backup",
                "--labels",
                "a b=c",
            ],
            "--labels",
        ),
        (
            &["actionset", "create", "--action", "b", "--podlabels", "app"],
            "--podlabels",
        ),
    ];
    for (args, flag) in cases {
        let before = srv.requests().len();
        let out = srv.command(BIN).args(*args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let error = text(&out.stderr);
        assert!(
            error.contains(flag),
            "{args:?} does not name {flag}: {error}"
        );
        assert!(!error.contains("API server"), "{args:?}: {error}");
        if flag.ends_with("timeout") || *flag == "--ttl" {
            assert!(
                error.contains("a duration is a number and a unit"),
                "{error}"
            );
        }
        assert_eq!(srv.requests().len(), before, "{args:?} sent requests");
    }
}

/// Our `profile get -o FORMAT` against kubectl's printer run over the object we print with
/// `-o json` (`kubectl label --local` re-printing it unchanged).
#[test]
fn template_formats_print_what_kubectl_prints() {
    let srv = FakeApiServer::start_blocking();
    let out = srv
        .command(BIN)
        .args([
            "profile",
            "create",
            "local",
            "--path",
            "/tmp/kubectl-compat",
            "--name",
            "nfs",
        ])
        .output()
        .unwrap();
    ok(&out);
    let plugin = |format: &str| {
        ok(&srv
            .command(BIN)
            .args(["profile", "get", "nfs", "-o", format])
            .output()
            .unwrap())
    };
    let object: Value = serde_json::from_str(&plugin("json")).unwrap();
    let formats = [
        "jsonpath={.metadata.name}",
        r#"jsonpath={.kind}{"\t"}{.location.type}{"\n"}"#,
        "jsonpath={.metadata.labels}",
        "jsonpath={.nothing.here}",
        "go-template={{.metadata.name}} {{.kind}}",
        // Go's missingkey=default, as kubectl renders: a missing key is `<no value>`, so is any
        // field below it, and it is false and prints as `<nil>` through printf.
        r#"go-template={{.nothing}}|{{.metadata.nope.deeper}}|{{if .nope}}y{{else}}n{{end}}|{{printf "%v" .nope}}|{{range .nope}}x{{end}}"#,
    ];
    // kubectl prints custom columns only from `get`: check the layout kubectl documents (headers
    // as given, three spaces between columns, <none> for nothing) and --no-headers.
    let columns = "custom-columns=NAME:.metadata.name,TYPE:.location.type,MISSING:.nope";
    let location_type = object["location"]["type"].as_str().unwrap().to_string();
    let width = location_type.len().max(4);
    assert_eq!(
        plugin(columns),
        format!(
            "NAME   {:<width$}   MISSING\nnfs    {location_type:<width$}   <none>\n",
            "TYPE"
        )
    );
    let headless = ok(&srv
        .command(BIN)
        .args(["profile", "get", "nfs", "-o", columns, "--no-headers"])
        .output()
        .unwrap());
    assert_eq!(
        headless,
        format!("nfs    {location_type:<width$}   <none>\n")
    );
    let Some(kubectl) = kubectl() else {
        eprintln!("kubectl not found: checking our side only");
        assert_eq!(plugin(formats[0]), "nfs");
        return;
    };
    // kubectl re-prints the object we printed, plus an annotation none of the formats shows.
    let annotation = "kubectl-compat/oracle=yes";
    let file = srv.temp_dir().join("profile.json");
    std::fs::write(&file, serde_json::to_string(&object).unwrap()).unwrap();
    for format in formats {
        let theirs = ok(&Command::new(&kubectl)
            .args(["annotate", "--local", "--overwrite", "-f"])
            .arg(&file)
            .args([annotation, "-o", format])
            .output()
            .unwrap());
        let ours = plugin(format);
        assert_eq!(ours, theirs, "-o {format}");
    }
}

#[test]
fn lists_print_as_a_kubectl_list_and_names_as_type_slash_name() {
    let srv = FakeApiServer::start_blocking();
    for name in ["one", "two"] {
        let out = srv
            .command(BIN)
            .args([
                "profile", "create", "local", "--path", "/tmp/x", "--name", name, "-o", "name",
            ])
            .output()
            .unwrap();
        let printed = ok(&out);
        assert_eq!(printed.lines().count(), 1, "{printed}");
        assert!(printed.ends_with(&format!("/{name}\n")), "{printed}");
        assert!(!printed.contains("created"), "{printed}");
    }
    let list: Value = serde_json::from_str(&ok(&srv
        .command(BIN)
        .args(["profile", "list", "-o", "json"])
        .output()
        .unwrap()))
    .unwrap();
    assert_eq!(list["kind"], "List");
    assert_eq!(list["apiVersion"], "v1");
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    if let Some(kubectl) = kubectl() {
        // kubectl sends no token over plain HTTP.
        srv.allow_anonymous(true);
        // kubectl's own List of two objects: the same envelope.
        let theirs: Value = serde_json::from_str(&ok(&srv
            .command(kubectl)
            .args(["get", "namespaces", "default", "kube-system", "-o", "json"])
            .output()
            .unwrap()))
        .unwrap();
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&list), keys(&theirs));
        assert_eq!(list["metadata"], theirs["metadata"]);
    }
}

/// `profile create` as `kubectl create`: `--dry-run=client` sends nothing, `--dry-run=server`
/// sends with `dryRun=All` and stores nothing, `-o name` is `TYPE/NAME`, `-o json` the object;
/// the server dry run's note is kubectl's own (kubectl run against the same fake server).
#[test]
fn create_honours_dry_run_and_output_like_kubectl() {
    let srv = FakeApiServer::start_blocking();
    srv.install_kanister_crds();
    let create = |extra: &[&str]| {
        let mut args = vec![
            "profile",
            "create",
            "s3compliant",
            "--bucket",
            "b",
            "--region",
            "us-east-1",
            "--access-key",
            "AKIAEXAMPLE",
            "--secret-key",
            "not-shown",
            "--skip-validation",
        ];
        args.extend_from_slice(extra);
        srv.command(BIN).args(&args).output().unwrap()
    };
    let stored = || {
        srv.store()
            .list("cr.kanister.io/v1alpha1", "Profile", Some("default"))
            .len()
    };

    let before = srv.requests().len();
    let out = create(&["--name", "p1", "--dry-run=client", "-o", "name"]);
    assert_eq!(ok(&out), "profile.cr.kanister.io/p1\n");
    let writes = srv.requests()[before..]
        .iter()
        .filter(|r| r.method != "GET")
        .count();
    assert_eq!(writes, 0, "a client dry run sends no write");

    let before = srv.requests().len();
    let out = create(&["--name", "p2", "--dry-run=server"]);
    let ours = ok(&out);
    assert_eq!(ours, "profile.cr.kanister.io/p2 created (server dry run)\n");
    let posts: Vec<_> = srv.requests()[before..]
        .iter()
        .filter(|r| r.method == "POST")
        .cloned()
        .collect();
    assert!(!posts.is_empty());
    for post in &posts {
        assert_eq!(
            post.query_param("dryRun").as_deref(),
            Some("All"),
            "{}",
            post.path
        );
    }
    assert_eq!(stored(), 0, "a server dry run stores nothing");

    let out = create(&["--name", "p3", "-o", "json"]);
    let object: Value = serde_json::from_str(&ok(&out)).unwrap();
    assert_eq!(object["metadata"]["name"], "p3");
    assert!(!text(&out.stdout).contains("not-shown"));
    assert_eq!(stored(), 1);

    if let Some(kubectl) = kubectl() {
        // kubectl sends no token over plain HTTP; a custom resource goes as JSON, which the
        // fake server reads.
        srv.allow_anonymous(true);
        let file = srv.temp_dir().join("p4.json");
        let profile = serde_json::json!({"apiVersion": "cr.kanister.io/v1alpha1",
            "kind": "Profile", "metadata": {"name": "p4", "namespace": "default"},
            "location": {"type": "s3Compliant", "bucket": "b"}});
        std::fs::write(&file, profile.to_string()).unwrap();
        let theirs = ok(&srv
            .command(kubectl)
            .args(["create", "--dry-run=server", "--validate=false", "-f"])
            .arg(&file)
            .output()
            .unwrap());
        assert_eq!(theirs, ours.replace("p2", "p4"));
        assert_eq!(stored(), 1);
    }
}

/// `--show-labels` adds kubectl's LABELS column to the snapshot list, from the labels the backup
/// was created with.
#[test]
fn snapshot_list_shows_labels_like_kubectl() {
    let srv = FakeApiServer::start_blocking();
    let out = srv
        .command(BIN)
        .args([
            "snapshot",
            "create",
            "labelled",
            "--labels",
            "team=db,tier=gold",
        ])
        .output()
        .unwrap();
    ok(&out);
    let table = ok(&srv
        .command(BIN)
        .args(["snapshot", "list", "--show-labels"])
        .output()
        .unwrap());
    let mut lines = table.lines();
    let header = lines.next().unwrap();
    assert!(header.trim_end().ends_with("LABELS"), "{table}");
    let row = lines.find(|l| l.starts_with("labelled")).expect(&table);
    // Velero's own storage-location label is among them, as `velero backup get --show-labels` shows.
    let labels = row.split_whitespace().last().unwrap();
    assert_eq!(
        labels, "team=db,tier=gold,velero.io/storage-location=default",
        "{table}"
    );
    let plain = ok(&srv
        .command(BIN)
        .args(["snapshot", "list"])
        .output()
        .unwrap());
    assert!(!plain.contains("LABELS"), "{plain}");
}

/// `snapshot create` and `blueprint apply` as `kubectl create`: a client dry run shows the
/// object and writes nothing, `-o name` is `TYPE/NAME` alone, and a server dry run is admitted
/// by the API server without being stored — or refused with the reason when there is no API
/// object to admit (a client-side snapshot).
#[test]
fn snapshot_and_blueprint_creates_honour_dry_run_and_output() {
    let srv = FakeApiServer::start_blocking();
    srv.install_kanister_crds();
    let run = |args: &[&str]| srv.command(BIN).args(args).output().unwrap();

    let shown: Value = serde_json::from_str(&ok(&run(&[
        "snapshot",
        "create",
        "dry",
        "--dry-run",
        "--labels",
        "team=db",
        "-o",
        "json",
    ])))
    .unwrap();
    assert_eq!(shown["kind"], "Backup");
    assert_eq!(shown["apiVersion"], "velero.io/v1");
    assert_eq!(shown["metadata"]["name"], "dry");
    assert_eq!(shown["metadata"]["labels"]["team"], "db");
    assert_eq!(shown["spec"]["includedNamespaces"][0], "*");
    let refused = run(&["snapshot", "create", "dry", "--dry-run=server"]);
    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains("--dry-run=server needs Velero"),
        "{}",
        text(&refused.stderr)
    );
    let listed = run(&["snapshot", "list", "-o", "name"]);
    assert_eq!(ok(&listed), "", "a dry run wrote a backup");
    assert_eq!(
        ok(&run(&["snapshot", "create", "real", "-o", "name"])),
        "backup.velero.io/real\n"
    );
    assert_eq!(
        ok(&run(&["snapshot", "list", "-o", "name"])),
        "backup.velero.io/real\n"
    );

    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/blueprint/public/cockroachdb-blueprint.yaml"
    );
    let blueprints = || {
        srv.store()
            .list("cr.kanister.io/v1alpha1", "Blueprint", None)
            .len()
    };
    let admitted = ok(&run(&[
        "blueprint",
        "apply",
        "-f",
        file,
        "--dry-run=server",
        "-n",
        "default",
    ]));
    assert!(
        admitted.starts_with("blueprint.cr.kanister.io/")
            && admitted.ends_with(" created (server dry run)\n"),
        "{admitted}"
    );
    assert_eq!(blueprints(), 0, "a server dry run stored the blueprint");
    let named = ok(&run(&[
        "blueprint",
        "apply",
        "-f",
        file,
        "-n",
        "default",
        "-o",
        "name",
    ]));
    assert_eq!(named.lines().count(), 1, "{named}");
    assert!(named.starts_with("blueprint.cr.kanister.io/"), "{named}");
    assert_eq!(blueprints(), 1);
}
