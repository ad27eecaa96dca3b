#!/usr/bin/env python3
"""Regenerates src/etcd/k8s_schema.txt, the protobuf field table `etcd inspect` uses to decode
built-in Kubernetes objects, from the prost sources of the k8s-pb crate (which mirror
k8s.io/api's generated.proto). The project does not depend on k8s-pb; fetch it once:

    cargo new /tmp/pbfetch && echo 'k8s-pb = "0.9"' >> /tmp/pbfetch/Cargo.toml \
      && (cd /tmp/pbfetch && cargo fetch)
    scripts/gen-k8s-schema.py ~/.cargo/registry/src/*/k8s-pb-0.9.0 > src/etcd/k8s_schema.txt

Format, one message per block:
    M <package>.<Message>            package = api group's first DNS label (core, apps, rbac, meta...) + version
    <tag> <jsonName> <o|r> <type>    type: s string, i integer, b bool, y bytes, d double,
                                      m:<pkg>.<Msg>, ms:string map, my:bytes map, mm:<pkg>.<Msg> map
"""
import os
import re
import sys

ACRONYMS = {"ip": "IP", "ips": "IPs", "id": "ID", "cidr": "CIDR", "cidrs": "CIDRs", "uuid": "UUID",
            "pid": "PID", "ipc": "IPC", "io": "IO", "api": "API", "tls": "TLS", "url": "URL"}
# API groups whose objects are never stored in etcd (reviews, discovery, metrics, tests).
SKIPPED = {"admission", "apidiscovery", "authentication", "authorization", "custom_metrics",
           "external_metrics", "imagepolicy", "metrics", "testapigroup"}
SPECIAL = {"non_resource_ur_ls": "nonResourceURLs", "open_apiv3_schema": "openAPIV3Schema",
           "fields_v1": "fieldsV1", "u_id": "uid", "r#type": "type", "r#ref": "ref"}


def json_name(snake):
    if snake in SPECIAL:
        return SPECIAL[snake]
    words = snake.split("_")
    out = [words[0]]
    for w in words[1:]:
        out.append(ACRONYMS.get(w, w[:1].upper() + w[1:]))
    return "".join(out)


def package_of(path, root):
    parts = os.path.relpath(os.path.dirname(path), os.path.join(root, "src")).split(os.sep)
    # api/core/v1 -> core.v1 ; apimachinery/pkg/apis/meta/v1 -> meta.v1 ; util/intstr -> intstr
    return ".".join(parts[-2:]) if re.match(r"v\d", parts[-1]) else parts[-1]


def resolve(type_path, package, by_rust_module):
    type_path = type_path.strip()
    boxed = re.fullmatch(r"(?:::prost::alloc::boxed::)?Box<(.+)>", type_path)
    if boxed:
        type_path = boxed.group(1)
    name = type_path.split("::")[-1]
    if "::" not in type_path:
        return f"{package}.{name}"
    segments = [s for s in type_path.split("::")[:-1] if s not in ("super", "")]
    module = "/".join(segments)
    for rust_module, pkg in by_rust_module.items():
        if rust_module.endswith(module):
            return f"{pkg}.{name}"
    return f"?.{name}"


def main(root):
    files = []
    for dirpath, _, names in os.walk(os.path.join(root, "src")):
        for n in names:
            if n == "mod.rs":
                files.append(os.path.join(dirpath, n))
    by_rust_module = {}
    for f in files:
        rel = os.path.relpath(os.path.dirname(f), os.path.join(root, "src"))
        by_rust_module[rel] = package_of(f, root)
    field_re = re.compile(
        r'#\[prost\(([^\]]*)\)\]\s*pub ([a-z0-9_#]+):\s*(.+?),\s*\n(?=\s*(?:#\[|///|\Z))', re.S)
    struct_re = re.compile(r'pub struct (\w+) \{(.*?)\n\}', re.S)
    for f in sorted(files):
        package = package_of(f, root)
        if package.split(".")[0] in SKIPPED:
            continue
        text = open(f).read()
        for struct in struct_re.finditer(text):
            name, body = struct.group(1), struct.group(2)
            lines = [f"M {package}.{name}"]
            for m in field_re.finditer(body + "\n"):
                attrs, fname, ftype = m.group(1), m.group(2), re.sub(r"\s+", "", m.group(3)).replace(",>", ">")
                tag = re.search(r'tag = "(\d+)"', attrs).group(1)
                rep = "r" if "repeated" in attrs else "o"
                kind = attrs.split(",")[0].strip()
                if kind == "message":
                    found = re.search(r"(?:Option|Vec)<(.+)>$", ftype)
                    if not found:
                        raise SystemExit(f"cannot read the type of {name}.{fname}: {ftype!r}")
                    inner = found.group(1)
                    t = "m:" + resolve(inner, package, by_rust_module)
                elif kind.startswith("btree_map"):
                    value = re.search(r'"string, (\w+)"', attrs).group(1)
                    if value == "string":
                        t = "ms"
                    elif value == "bytes":
                        t = "my"
                    else:
                        inner = re.search(r"BTreeMap<[^,]+,\s*(.+)>$", ftype.strip()).group(1)
                        t = "mm:" + resolve(inner, package, by_rust_module)
                elif kind == "string":
                    t = "s"
                elif kind.startswith("int") or kind.startswith("uint") or kind.startswith("sint"):
                    t = "i"
                elif kind == "bool":
                    t = "b"
                elif kind.startswith("bytes"):
                    t = "y"
                elif kind in ("double", "float"):
                    t = "d"
                else:
                    raise SystemExit(f"unknown prost kind {kind} in {name}.{fname}")
                lines.append(f"{tag} {json_name(fname)} {rep} {t}")
            print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1])
