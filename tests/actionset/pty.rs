//! The interactive parts, on a real pseudo-terminal: the restore picker and the controller-mode
//! Ctrl-C prompt.

use std::time::Duration;

use kubectl_backup_testbed::pty::{Key, Terminal};

use super::*;

const LONG: Duration = Duration::from_secs(60);

fn backup_args(name: &str) -> Vec<String> {
    [
        "actionset",
        "create",
        "--action",
        "backup",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--profile",
        "s3",
        "--name",
        name,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn args_ref(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restore_picker_offers_completed_backups_newest_first() {
    let bed = bed().await;
    for name in ["backup-older", "backup-newer"] {
        ok(&run_off_runtime(bed.cmd(&args_ref(&backup_args(name)))).await);
    }
    // A failed run of the same Blueprint is not offered.
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "broken",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--name",
        "backup-failed",
    ]))
    .await;
    assert!(!out.status.success());
    bed.srv
        .store()
        .modify(
            "cr.kanister.io/v1alpha1",
            "ActionSet",
            Some("kanister"),
            "backup-older",
            |o| o["metadata"]["creationTimestamp"] = json!("2026-01-01T00:00:00Z"),
        )
        .unwrap();
    let older_artifacts =
        bed.actionset("backup-older")["status"]["actions"][0]["artifacts"].clone();
    assert!(older_artifacts["mysqlCloudDump"]["keyValue"]["s3path"].is_string());

    let cmd = bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "restore",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
    ]);
    let (status, menu, rest) = tokio::task::spawn_blocking(move || {
        let mut term = Terminal::spawn(cmd).unwrap();
        term.expect(
            "restore from which backup of blueprint mysql-blueprint?",
            LONG,
        )
        .unwrap();
        // Everything shown up to the older backup: the newer one must come first.
        let menu = term.expect("backup-older", LONG).unwrap();
        term.key(Key::Down);
        term.key(Key::Enter);
        term.expect("using the artifacts of actionset backup-older", LONG)
            .unwrap_or_else(|e| panic!("{e}\n{}", term.transcript()));
        let (status, rest) = term.wait(Duration::from_secs(120)).unwrap();
        (status, menu, rest)
    })
    .await
    .unwrap();
    assert!(status.success(), "{status:?}\n{rest}");
    assert!(menu.contains("backup-newer"), "{menu}");
    assert!(!menu.contains("backup-failed"), "{menu}");
    let restore = bed
        .srv
        .store()
        .list("cr.kanister.io/v1alpha1", "ActionSet", Some("kanister"))
        .into_iter()
        .find(|a| {
            a["metadata"]["name"]
                .as_str()
                .unwrap()
                .starts_with("restore-backup-older-")
        })
        .unwrap_or_else(|| panic!("no restore-backup-older-* ActionSet\n{rest}"));
    assert_eq!(
        restore["spec"]["actions"][0]["artifacts"], older_artifacts,
        "{restore:#}"
    );
    assert_eq!(restore["status"]["state"], "complete", "{restore:#}");
}

/// What a controller writes while the backup phase runs (and never finishes).
fn running_status() -> Value {
    json!({"state": "running",
        "actions": [{"name": "backup", "blueprint": "mysql-blueprint",
            "object": {"kind": "statefulset", "name": "mysql", "namespace": "db"},
            "phases": [{"name": "dumpToObjectStore", "state": "running"}],
            "deferPhase": {"name": "", "state": ""}}],
        "progress": {"runningPhase": "dumpToObjectStore", "percentCompleted": "0"}})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn controller_mode_ctrl_c_cancels_or_detaches() {
    let bed = bed().await;
    start_operator(&bed).await;
    for cancel in [true, false] {
        let name = if cancel { "ctrl-cancel" } else { "ctrl-detach" };
        let mut args = backup_args(name);
        args.push("--wait".into());
        let cmd = bed.cmd(&args_ref(&args));
        let terminal = tokio::task::spawn_blocking(move || {
            let mut term = Terminal::spawn(cmd).unwrap();
            term.expect(&format!("following actionset {name}"), LONG)
                .unwrap();
            // The follow loop (and its Ctrl-C handler) is running once a phase line shows.
            term.expect("phase dumpToObjectStore running", LONG)
                .unwrap_or_else(|e| panic!("{e}\n{}", term.transcript()));
            term.key(Key::CtrlC);
            term.expect(&format!("actionset {name} is still running"), LONG)
                .unwrap_or_else(|e| panic!("{e}\n{}", term.transcript()));
            if cancel {
                term.key(Key::Down);
            }
            term.key(Key::Enter);
            term.wait(LONG).unwrap()
        });
        scripted_controller(&bed, name, vec![running_status()]).await;
        let (status, rest) = terminal.await.unwrap();
        assert!(!status.success(), "{rest}");
        let stored = bed.srv.store().get(
            "cr.kanister.io/v1alpha1",
            "ActionSet",
            Some("kanister"),
            name,
        );
        if cancel {
            assert!(
                rest.contains(&format!("actionset {name} deleted")),
                "{rest}"
            );
            assert!(stored.is_none(), "cancel must delete the ActionSet");
        } else {
            assert!(
                rest.contains(&format!(
                    "detached; follow it again with: kubectl backup actionset watch {name} -n kanister"
                )),
                "{rest}"
            );
            let stored = stored.expect("detach leaves the ActionSet");
            assert_eq!(stored["status"]["state"], "running");
        }
    }
}
