//! The interactive restore picker (`kubectl backup restore` with no NAME), driven through a
//! pseudo-terminal against the fake API server and the local default location.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use kubectl_backup_testbed::FakeApiServer;
use kubectl_backup_testbed::pty::{Key, Terminal};
use serde_json::json;

use common::BIN;
use common::cli::run;

mod common;

const WAIT: Duration = Duration::from_secs(60);

fn command(server: &FakeApiServer, args: &[&str]) -> Command {
    let mut cmd = server.command(BIN);
    cmd.args(args);
    cmd
}

/// Each step's text, or a panic showing the whole terminal.
fn expect(term: &mut Terminal, needle: &str) -> String {
    // The terminal turns each "\n" into "\r\n".
    term.expect(needle, WAIT)
        .unwrap_or_else(|seen| panic!("{seen}"))
        .replace('\r', "")
}

/// The objects each namespace holds, by (apiVersion, kind, name).
const OBJECTS: &[(&str, &str, &str)] = &[
    ("v1", "ConfigMap", "settings"),
    ("v1", "Secret", "db"),
    ("apps/v1", "Deployment", "web"),
];

fn seed(server: &FakeApiServer, namespace: &str) {
    let store = server.store();
    store.create_namespace(namespace);
    for object in [
        json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "settings", "namespace": namespace}, "data": {"mode": "prod"}}),
        json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "db", "namespace": namespace},
            "type": "Opaque", "data": {"password": "czNjcjN0"}}),
        json!({"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "web", "namespace": namespace, "labels": {"app": "web"}},
            "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "web"}},
                "template": {"metadata": {"labels": {"app": "web"}},
                    "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}}}),
    ] {
        store.create(object).expect("seed object");
    }
}

fn backup(server: &FakeApiServer, name: &str, namespaces: &str) {
    let out = run(
        server,
        &[
            "snapshot",
            "create",
            name,
            "--include-namespaces",
            namespaces,
            "--mode",
            "client",
        ],
    );
    assert!(out.status.success(), "backup {name} failed");
}

fn wipe(server: &FakeApiServer, namespace: &str) {
    for (api_version, kind, name) in OBJECTS {
        server
            .store()
            .delete(api_version, kind, Some(namespace), name)
            .expect("delete seeded object");
    }
}

fn exists(
    server: &FakeApiServer,
    namespace: &str,
    (api_version, kind, name): (&str, &str, &str),
) -> bool {
    server
        .store()
        .get(api_version, kind, Some(namespace), name)
        .is_some()
}

fn present(server: &FakeApiServer) -> Vec<String> {
    let mut found = Vec::new();
    for ns in ["shop", "web"] {
        for object in OBJECTS {
            if exists(server, ns, *object) {
                found.push(format!("{ns}/{}/{}", object.1, object.2));
            }
        }
    }
    found
}

/// Three backups, oldest first: shop only, shop and web, web only. Then the objects are lost.
fn cluster_with_backups() -> FakeApiServer {
    let server = FakeApiServer::start_blocking();
    server.set_controllers_enabled(false);
    seed(&server, "shop");
    seed(&server, "web");
    backup(&server, "shop-monday", "shop");
    backup(&server, "both-tuesday", "shop,web");
    backup(&server, "web-wednesday", "web");
    // Backups made within one second would tie: spread them over three days.
    backdate(&server, "shop-monday", 72);
    backdate(&server, "both-tuesday", 48);
    backdate(&server, "web-wednesday", 24);
    wipe(&server, "shop");
    wipe(&server, "web");
    assert!(present(&server).is_empty());
    server
}

fn local_backup_dir(server: &FakeApiServer, name: &str) -> PathBuf {
    server
        .home_dir()
        .join(".local/share/kubectl-backup/backups")
        .join(name)
}

fn backdate(server: &FakeApiServer, name: &str, hours: i64) {
    let path = local_backup_dir(server, name).join("velero-backup.json");
    let mut backup: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let when = (chrono::Utc::now() - chrono::Duration::hours(hours))
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    backup["metadata"]["creationTimestamp"] = json!(when);
    backup["status"]["startTimestamp"] = json!(when);
    std::fs::write(&path, serde_json::to_vec(&backup).unwrap()).unwrap();
}

/// Types "both" to find the older backup, then waits for the namespace prompt.
fn pick_both_tuesday(term: &mut Terminal) -> String {
    expect(term, "Pick a backup to restore");
    let rows = expect(term, "shop-monday");
    let (newest, middle) = (rows.find("web-wednesday"), rows.find("both-tuesday"));
    assert!(
        newest.is_some() && newest < middle,
        "the newest backup comes first: {rows}"
    );
    assert!(
        rows.contains("24h old") && rows.contains("2d old"),
        "{rows}"
    );
    term.send("both");
    expect(term, "both");
    expect(term, "both-tuesday");
    term.key(Key::Enter);
    expect(term, "Namespaces to restore")
}

#[test]
fn pick_by_typing_deselect_a_namespace_and_a_type_then_confirm() {
    let server = cluster_with_backups();
    let mut term = Terminal::spawn(command(&server, &["restore"])).expect("spawn");
    pick_both_tuesday(&mut term);
    let namespaces = expect(&mut term, "web (4 items)");
    assert!(namespaces.contains("shop (4 items)"), "{namespaces}");
    // Everything starts selected: untick web.
    term.key(Key::Down);
    term.key(Key::Space);
    term.key(Key::Enter);

    expect(&mut term, "Resource types to restore");
    let types = expect(&mut term, "secrets (1 item)");
    let order: Vec<usize> = [
        "configmaps (1 item)",
        "deployments.apps (1 item)",
        "namespaces (1 item, cluster-scoped)",
    ]
    .iter()
    .map(|t| {
        types
            .find(t)
            .unwrap_or_else(|| panic!("{t} not offered: {types}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{types}");
    // Untick the second type, deployments.apps.
    term.key(Key::Down);
    term.key(Key::Space);
    term.key(Key::Enter);

    let seen = expect(&mut term, "Restore 3 items into");
    // The summary only, not the prompts' redraws before it.
    let summary = &seen[seen.find("Restore \"").expect("a summary")..];
    assert!(summary.contains("both-tuesday"), "{summary}");
    assert!(summary.contains("namespaces:        shop\n"), "{summary}");
    assert!(
        summary.contains("configmaps (1)")
            && summary.contains("secrets (1)")
            && !summary.contains("deployments"),
        "{summary}"
    );
    assert!(
        summary.contains("existing objects:  left unchanged"),
        "{summary}"
    );
    assert!(summary.contains("namespace mapping: none"), "{summary}");
    assert!(
        present(&server).is_empty(),
        "nothing is created before the answer"
    );
    term.send("y");
    let (status, rest) = term.wait(WAIT).expect("exit");
    assert!(status.success(), "{rest}");
    assert_eq!(
        present(&server),
        ["shop/ConfigMap/settings", "shop/Secret/db"],
        "exactly the chosen objects are restored"
    );
    assert!(!rest.contains("czNjcjN0"), "secret value shown: {rest}");
}

#[test]
fn declining_at_the_summary_creates_nothing() {
    let server = cluster_with_backups();
    let mut term = Terminal::spawn(command(&server, &["restore"])).expect("spawn");
    pick_both_tuesday(&mut term);
    term.key(Key::Enter); // every namespace
    expect(&mut term, "Resource types to restore");
    term.key(Key::Enter); // every type
    let summary = expect(&mut term, "Restore 8 items into");
    assert!(summary.contains("shop, web"), "{summary}");
    term.key(Key::Enter); // the default is no
    let (status, rest) = term.wait(WAIT).expect("exit");
    assert!(!status.success(), "{rest}");
    assert!(
        rest.contains("restore cancelled, nothing was changed"),
        "{rest}"
    );
    assert!(present(&server).is_empty());
    // No restore record was written either.
    let leftovers: Vec<_> = std::fs::read_dir(local_backup_dir(&server, "both-tuesday"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("restore"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn flags_skip_the_prompts_they_answer_and_escape_cancels() {
    let server = cluster_with_backups();
    let mut term = Terminal::spawn(command(
        &server,
        &["snapshot", "restore", "--include-namespaces", "web"],
    ))
    .expect("spawn");
    expect(&mut term, "Pick a backup to restore");
    term.send("both");
    expect(&mut term, "both-tuesday");
    term.key(Key::Enter);
    let before_types = expect(&mut term, "Resource types to restore");
    assert!(
        !before_types.contains("Namespaces to restore"),
        "--include-namespaces answered the namespace prompt: {before_types}"
    );
    // Counted within the chosen namespace only.
    expect(&mut term, "configmaps (1 item)");
    term.key(Key::Escape);
    let (status, rest) = term.wait(WAIT).expect("exit");
    assert!(!status.success());
    assert!(
        rest.contains("restore cancelled, nothing was changed"),
        "{rest}"
    );
    assert!(present(&server).is_empty());
}

#[test]
fn a_dry_run_shows_the_summary_without_asking_and_changes_nothing() {
    let server = cluster_with_backups();
    let mut term = Terminal::spawn(command(&server, &["restore", "--dry-run"])).expect("spawn");
    expect(&mut term, "Pick a backup to restore");
    expect(&mut term, "web-wednesday");
    term.key(Key::Enter); // the newest
    // One namespace in this backup: nothing to choose, no prompt.
    let seen = expect(&mut term, "Resource types to restore");
    assert!(!seen.contains("Namespaces to restore"), "{seen}");
    expect(&mut term, "secrets (1 item)");
    term.key(Key::Enter);
    let summary = expect(&mut term, "(dry run: nothing will be changed)");
    assert!(summary.contains("to restore:        4 items"), "{summary}");
    let (status, rest) = term.wait(WAIT).expect("exit");
    assert!(status.success(), "{rest}");
    assert!(!rest.contains("(y/n)"), "{rest}");
    assert!(rest.contains("Nothing was changed"), "{rest}");
    assert!(present(&server).is_empty());
}

#[test]
fn a_velero_resource_list_offers_types_by_their_resource_names() {
    let server = cluster_with_backups();
    // Without our integrity record, the choices come from Velero's resource list (kinds),
    // named through the cluster's discovery.
    let dir = local_backup_dir(&server, "both-tuesday");
    std::fs::remove_file(dir.join("both-tuesday-kubectl-backup-integrity.json.gz"))
        .expect("remove the integrity record");
    // ...and velero-backup.json without our annotations (which name the record), as Velero's.
    let path = dir.join("velero-backup.json");
    let mut backup: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    backup["metadata"]["annotations"]
        .as_object_mut()
        .unwrap()
        .retain(|k, _| !k.starts_with("backup.kubectl.io/"));
    std::fs::write(&path, serde_json::to_vec(&backup).unwrap()).unwrap();
    let mut term = Terminal::spawn(command(&server, &["restore"])).expect("spawn");
    pick_both_tuesday(&mut term);
    expect(&mut term, "web (4 items)");
    term.key(Key::Enter);
    let types = expect(&mut term, "secrets (2 items)");
    assert!(
        types.contains("deployments.apps (2 items)")
            && types.contains("namespaces (2 items, cluster-scoped)"),
        "{types}"
    );
    term.key(Key::Escape);
    let (status, _) = term.wait(WAIT).expect("exit");
    assert!(!status.success());
    assert!(present(&server).is_empty());
}

#[test]
fn no_name_without_a_terminal_is_a_clear_error() {
    let server = cluster_with_backups();
    let out = run(&server, &["restore"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no terminal"), "{stderr}");
    assert!(stderr.contains("kubectl backup restore NAME"), "{stderr}");
    assert!(stderr.contains("kubectl backup snapshot list"), "{stderr}");
    assert!(present(&server).is_empty());
}

#[test]
fn no_name_with_yes_is_a_clear_error_even_on_a_terminal() {
    let server = cluster_with_backups();
    let term = Terminal::spawn(command(&server, &["snapshot", "restore", "--yes"])).expect("spawn");
    let (status, rest) = term.wait(WAIT).expect("exit");
    assert!(!status.success(), "{rest}");
    assert!(
        rest.contains("--yes skips the interactive picker"),
        "{rest}"
    );
    assert!(rest.contains("kubectl backup snapshot list"), "{rest}");
    assert!(!rest.contains("Pick a backup"), "{rest}");
    assert!(present(&server).is_empty());
}

#[test]
fn no_restorable_backup_is_said_plainly() {
    let server = FakeApiServer::start_blocking();
    let term = Terminal::spawn(command(&server, &["restore"])).expect("spawn");
    let (status, rest) = term.wait(WAIT).expect("exit");
    assert!(!status.success(), "{rest}");
    assert!(rest.contains("no backups in"), "{rest}");
    assert!(rest.contains("kubectl backup snapshot create"), "{rest}");
}

#[test]
fn ctrl_c_at_the_picker_stops_with_nothing_created() {
    let server = cluster_with_backups();
    let mut term = Terminal::spawn(command(&server, &["restore"])).expect("spawn");
    pick_both_tuesday(&mut term);
    term.key(Key::CtrlC);
    let (status, rest) = term.wait(WAIT).expect("exit");
    assert!(!status.success(), "{rest}");
    assert!(present(&server).is_empty());
}

/// Only `velero-backup.json` and an empty tarball: enough to be listed as Completed (the list
/// reads nothing else; a Completed backup without its tarball is listed as Corrupt).
fn listed_only_backup(server: &FakeApiServer, name: &str, minutes_ago: i64) {
    let dir = local_backup_dir(server, name);
    std::fs::create_dir_all(&dir).unwrap();
    let when = (chrono::Utc::now() - chrono::Duration::minutes(minutes_ago))
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let backup = json!({
        "apiVersion": "velero.io/v1", "kind": "Backup",
        "metadata": {"name": name, "namespace": "velero", "creationTimestamp": when},
        "spec": {"includedNamespaces": ["shop"]},
        "status": {"phase": "Completed", "startTimestamp": when,
            "progress": {"itemsBackedUp": 4, "totalItems": 4}},
    });
    std::fs::write(dir.join("velero-backup.json"), backup.to_string()).unwrap();
    std::fs::write(dir.join(format!("{name}.tar.gz")), b"").unwrap();
}

#[test]
fn hundreds_of_backups_show_one_screenful_and_are_found_by_name() {
    let server = FakeApiServer::start_blocking();
    for i in 1..=300 {
        listed_only_backup(
            &server,
            &format!("nightly-{i:03}"),
            24 * 60 * 300 - i * 24 * 60,
        );
    }
    let mut term = Terminal::spawn(command(&server, &["restore"])).expect("spawn");
    expect(&mut term, "300 restorable backups");
    let first = expect(&mut term, "nightly-286");
    assert!(first.contains("nightly-300"), "newest first: {first}");
    // One screenful (15 rows), not 300 lines.
    assert!(!term.transcript().contains("nightly-285"), "{first}");
    term.send("nightly-137");
    expect(&mut term, "› nightly-137");
    term.key(Key::Enter);
    let picked = expect(&mut term, "(y/n)");
    assert!(
        picked.contains("· nightly-137 ") && picked.contains("from backup \"nightly-137\""),
        "typing the name picks that backup: {picked}"
    );
    term.send("y");
    let (status, rest) = term.wait(WAIT).expect("exit");
    // This backup's tarball is empty: the restore path says so, about the chosen backup.
    assert!(!status.success(), "{rest}");
    assert!(
        rest.contains("backup nightly-137") && rest.contains("refused"),
        "{rest}"
    );
}
