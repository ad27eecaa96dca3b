//! Starts this process's real control-plane cluster through the test bed (as a test binary
//! does), creates a namespace, prints `STATE=<dir>` and one `PID=<name>:<pid>` line per cluster
//! process, then exits (or, with `--hang`, waits to be killed). The test bed's own tests use it
//! to check that nothing is left running after a test binary ends, however it ends.

use std::io::Write;

fn main() {
    let hang = std::env::args().any(|a| a == "--hang");
    let cluster = match kubectl_backup_testbed::real::control_plane() {
        Ok(cluster) => cluster,
        Err(reason) => {
            println!("UNAVAILABLE={reason}");
            return;
        }
    };
    cluster.api().create_namespace("probe");
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "STATE={}", cluster.state_dir.display());
    for (name, pid) in cluster.processes() {
        let _ = writeln!(out, "PID={name}:{pid}");
    }
    let _ = writeln!(out, "READY");
    let _ = out.flush();
    drop(out);
    if hang {
        loop {
            std::thread::sleep(std::time::Duration::from_secs(60));
        }
    }
}
