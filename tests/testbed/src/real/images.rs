//! Local images for node-mode tests: no registry is reachable, so images are built from host
//! files with the tools' `images/mkimage.py` and imported into the node's containerd.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use super::RealCluster;

/// Builds and loads images into a node-mode cluster, each at most once per test binary.
pub struct ImageBuilder;

impl ImageBuilder {
    /// An image holding busybox (a shell and coreutils, as task pods need), the plugin binary at
    /// `/usr/local/bin/kubectl-backup` and the same binary as `/usr/local/bin/kando`. The static
    /// release binary is used when `KB_RELEASE_BINARY` names it (CI builds it first); otherwise
    /// `binary` (the test build) with the shared libraries it links, at their host paths.
    pub fn kando_image(cluster: &RealCluster, binary: &Path) -> Result<String, String> {
        static BUILT: Mutex<Vec<(PathBuf, String)>> = Mutex::new(Vec::new());
        let binary = std::env::var_os("KB_RELEASE_BINARY")
            .map(PathBuf::from)
            .filter(|p| p.is_file())
            .unwrap_or_else(|| binary.to_path_buf());
        let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, image)) = built.iter().find(|(b, _)| *b == binary) {
            return Ok(image.clone());
        }
        let image = format!("localhost/kubectl-backup-tools:{}", built.len() + 1);
        let archive = cluster
            .state_dir
            .join(format!("kubectl-backup-tools-{}.tar", built.len() + 1));
        let mut files = vec![format!(
            "{}:/usr/local/bin/kubectl-backup",
            binary.display()
        )];
        files.extend(
            shared_libraries(&binary)?
                .into_iter()
                // 755: the ELF interpreter (ld-linux) is among them, and execve refuses
                // (EACCES) a binary whose interpreter is not executable.
                .map(|lib| format!("{0}:{0}:755", lib.display())),
        );
        let busybox = std::env::var("K8S_BUSYBOX").unwrap_or_else(|_| "/bin/busybox".into());
        let mut build = Command::new("python3");
        build
            .arg(cluster.tools.join("images/mkimage.py"))
            .arg(&archive)
            .args(["--tag", &image, "--busybox", &busybox])
            .args(["--link", "/usr/local/bin/kando:kubectl-backup"])
            .args(["--env", "PATH=/usr/local/bin:/usr/bin:/bin:/sbin"]);
        for file in &files {
            build.args(["--file", file]);
        }
        run(&mut build)?;
        run(Command::new(cluster.tools.join("images/load.sh"))
            .arg(&cluster.state_dir)
            .arg(&archive))?;
        built.push((binary, image.clone()));
        Ok(image)
    }

    /// Imports an image archive built elsewhere (e.g. by `scripts/release-image`) into the node's
    /// containerd, under the name its index gives.
    pub fn load_archive(cluster: &RealCluster, archive: &Path) -> Result<(), String> {
        run(Command::new(cluster.tools.join("images/load.sh"))
            .arg(&cluster.state_dir)
            .arg(archive))
    }
}

/// The shared libraries `ldd` names for a dynamically linked binary (none for a static one).
fn shared_libraries(binary: &Path) -> Result<Vec<PathBuf>, String> {
    let out = Command::new("ldd")
        .arg(binary)
        .output()
        .map_err(|e| format!("ldd: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text
        .lines()
        .filter_map(|line| {
            let path = match line.split_once("=>") {
                Some((_, rest)) => rest.split_whitespace().next()?,
                None => line.split_whitespace().next()?,
            };
            path.starts_with('/').then(|| PathBuf::from(path))
        })
        .collect())
}

fn run(cmd: &mut Command) -> Result<(), String> {
    let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{cmd:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}
