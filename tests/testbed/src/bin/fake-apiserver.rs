//! Runs the fake Kubernetes API server until interrupted (SIGINT/SIGTERM).
//!
//! Prints `KUBECONFIG=<path>` and `URL=<url>` on stdout, one per line, then serves.
//! `--kubeconfig PATH` also writes the kubeconfig to PATH. `--allow-anonymous` serves requests
//! without credentials (kubectl sends no bearer token over plain HTTP).

use std::io::Write;

use kubectl_backup_testbed::FakeApiServer;

fn usage() -> ! {
    eprintln!("usage: fake-apiserver [--kubeconfig PATH] [--allow-anonymous]");
    std::process::exit(2);
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut copy_to = None;
    let mut anonymous = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--kubeconfig" => copy_to = Some(args.next().unwrap_or_else(|| usage())),
            "--allow-anonymous" => anonymous = true,
            "-h" | "--help" => usage(),
            other => {
                eprintln!("fake-apiserver: unknown argument {other:?}");
                usage();
            }
        }
    }
    let server = FakeApiServer::start().await;
    server.allow_anonymous(anonymous);
    // A long-running server must not keep every request in memory.
    server.record_requests(false);
    let kubeconfig = match copy_to {
        Some(path) => {
            let path = std::path::PathBuf::from(path);
            if let Err(e) = server.kubeconfig_builder().write(&path) {
                eprintln!("fake-apiserver: cannot write {}: {e}", path.display());
                std::process::exit(1);
            }
            path
        }
        None => server.kubeconfig_path().to_path_buf(),
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "KUBECONFIG={}", kubeconfig.display());
    let _ = writeln!(out, "URL={}", server.url());
    let _ = out.flush();
    drop(out);
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("SIGTERM handler");
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
    drop(server);
}
