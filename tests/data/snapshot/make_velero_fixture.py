#!/usr/bin/env python3
"""Builds tests/data/snapshot/velero-made/: a backup laid out exactly as Velero 1.x writes it
(object-storage layout and tarball format 1.1.0), by hand, to test our reader and layout against.
Go conventions: archive/tar PAX/USTAR headers, regular files only, mode 0755, JSON with sorted
keys (Go's map marshalling), the preferred-version copy next to every item."""
import gzip, io, json, tarfile, time

NAME = "nightly"
ROOT = f"velero-made/backups/{NAME}"
MTIME = 1767225600  # 2026-01-01T00:00:00Z

def obj(api_version, kind, name, namespace=None, **extra):
    meta = {"name": name, "uid": f"uid-{name}", "resourceVersion": "42",
            "creationTimestamp": "2025-12-31T00:00:00Z"}
    if namespace:
        meta["namespace"] = namespace
    o = {"apiVersion": api_version, "kind": kind, "metadata": meta}
    o.update(extra)
    return o

items = [
    ("namespaces", "v1", None, obj("v1", "Namespace", "shop", spec={"finalizers": ["kubernetes"]}, status={"phase": "Active"})),
    ("configmaps", "v1", "shop", obj("v1", "ConfigMap", "settings", "shop", data={"mode": "prod"})),
    ("secrets", "v1", "shop", obj("v1", "Secret", "db", "shop", type="Opaque", data={"password": "c2VjcmV0"})),
    ("deployments.apps", "v1", "shop", obj("apps/v1", "Deployment", "web", "shop",
        spec={"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
              "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "nginx"}]}}},
        status={"replicas": 2})),
    ("persistentvolumeclaims", "v1", "shop", obj("v1", "PersistentVolumeClaim", "data", "shop", spec={"volumeName": "pv-1"})),
    ("persistentvolumes", "v1", None, obj("v1", "PersistentVolume", "pv-1", spec={"capacity": {"storage": "1Gi"}})),
    ("widgets.example.com", "v1alpha1", "shop", obj("example.com/v1alpha1", "Widget", "w1", "shop", spec={"size": 3})),
    ("customresourcedefinitions.apiextensions.k8s.io", "v1", None, obj("apiextensions.k8s.io/v1", "CustomResourceDefinition", "widgets.example.com")),
]

def add(tar, path, data):
    info = tarfile.TarInfo(path)
    info.size = len(data)
    info.mode = 0o755
    info.mtime = MTIME
    info.type = tarfile.REGTYPE
    tar.addfile(info, io.BytesIO(data))

raw = io.BytesIO()
with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
    add(tar, "metadata/version", b"1.1.0\n")
    for gr, version, ns, o in items:
        body = json.dumps(o, sort_keys=True, separators=(",", ":")).encode()
        scope = f"namespaces/{ns}" if ns else "cluster"
        name = o["metadata"]["name"]
        add(tar, f"resources/{gr}/{scope}/{name}.json", body)
        add(tar, f"resources/{gr}/{version}-preferredversion/{scope}/{name}.json", body)

def gz(data):
    return gzip.compress(data, mtime=0)

with open(f"{ROOT}/{NAME}.tar.gz", "wb") as f:
    f.write(gz(raw.getvalue()))

resource_list = {}
for gr, version, ns, o in items:
    resource_list.setdefault(f"{o['apiVersion']}/{o['kind']}", []).append(
        f"{ns}/{o['metadata']['name']}" if ns else o["metadata"]["name"])
for v in resource_list.values():
    v.sort()
with open(f"{ROOT}/{NAME}-resource-list.json.gz", "wb") as f:
    f.write(gz(json.dumps(resource_list, sort_keys=True).encode()))
with open(f"{ROOT}/{NAME}-results.gz", "wb") as f:
    f.write(gz(json.dumps({"errors": {}, "warnings": {"namespaces": {"shop": ["a warning from velero"]}}}).encode()))
with open(f"{ROOT}/{NAME}-logs.gz", "wb") as f:
    f.write(gz(b'time="2026-01-01T00:00:00Z" level=info msg="Backup completed" backup=velero/nightly logSource="pkg/controller/backup_controller.go:123"\n'))
with open(f"{ROOT}/{NAME}-volumesnapshots.json.gz", "wb") as f:
    f.write(gz(b"null"))

backup = {
    "apiVersion": "velero.io/v1", "kind": "Backup",
    "metadata": {"name": NAME, "namespace": "velero", "uid": "0b7c-velero", "resourceVersion": "1",
                 "creationTimestamp": "2026-01-01T00:00:00Z", "generation": 1,
                 "labels": {"velero.io/storage-location": "default"},
                 "annotations": {"velero.io/resource-timeout": "10m0s",
                                 "velero.io/source-cluster-k8s-gitversion": "v1.33.1",
                                 "velero.io/source-cluster-k8s-major-version": "1",
                                 "velero.io/source-cluster-k8s-minor-version": "33"}},
    "spec": {"csiSnapshotTimeout": "10m0s", "defaultVolumesToFsBackup": False, "hooks": {},
             "includedNamespaces": ["shop"], "itemOperationTimeout": "4h0m0s", "metadata": {},
             "snapshotMoveData": False, "storageLocation": "default", "ttl": "720h0m0s",
             "volumeSnapshotLocations": ["default"]},
    "status": {"completionTimestamp": "2026-01-01T00:00:05Z", "expiration": "2026-01-31T00:00:00Z",
               "formatVersion": "1.1.0", "hookStatus": {}, "phase": "Completed",
               "progress": {"itemsBackedUp": len(items), "totalItems": len(items)},
               "startTimestamp": "2026-01-01T00:00:00Z", "version": 1, "warnings": 1},
}
with open(f"{ROOT}/velero-backup.json", "w") as f:
    json.dump(backup, f, indent=2)
    f.write("\n")
