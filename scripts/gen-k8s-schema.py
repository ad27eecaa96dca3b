#!/usr/bin/env python3
"""Regenerates src/etcd/k8s_schema.txt, the field table `etcd inspect` uses to turn the protobuf
that kube-apiserver stores into the JSON it serves. It reads, at one release tag, from git
mirrors of the Kubernetes API repositories (nothing is checked out; files are read with
`git show TAG:path`):

  - each package's generated.proto: field numbers and protobuf types;
  - the Go types (*.go) of the same package: the json tag of each field (its JSON name,
    `,inline`, `omitempty`, `omitzero`) and whether the Go field is a pointer, matched to the
    protobuf field by the number in its `protobuf:"…"` tag.

Usage (the mirrors are plain clones of github.com/kubernetes/{api,apimachinery,
apiextensions-apiserver}; the tag is the staging tag of the Kubernetes release, v0.36.2 for
v1.36.2):

    scripts/gen-k8s-schema.py v0.36.2 API_REPO APIMACHINERY_REPO APIEXTENSIONS_REPO \
        > src/etcd/k8s_schema.txt

Format, one message per block:
    M <package>.<Message>              package = api group's first DNS label (core, apps, rbac,
                                        meta, apiextensions...) + version; or resource, intstr,
                                        runtime for apimachinery's own types
    <tag> <name> <o|r> <type> <flags>  type: s string, i integer, b bool, y bytes, d double,
                                        m:<pkg>.<Msg>, ms:string map, my:bytes map,
                                        mm:<pkg>.<Msg> map
                                        flags: i inline (name is then the protobuf name),
                                        e omitempty, z omitzero, p Go pointer, - none
"""
import re
import subprocess
import sys

# API groups whose objects are never stored in etcd (reviews, discovery, image policy).
SKIPPED_GROUPS = {"admission", "apidiscovery", "authentication", "authorization", "imagepolicy"}
PROTO_TYPES = {"string": "s", "int32": "i", "int64": "i", "uint32": "i", "uint64": "i",
               "sint32": "i", "sint64": "i", "bool": "b", "bytes": "y", "double": "d",
               "float": "d", "fixed32": "i", "fixed64": "i"}


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True,
                          text=True).stdout


def label(proto_package):
    """k8s.io.api.core.v1 -> core.v1; k8s.io.apimachinery.pkg.apis.meta.v1 -> meta.v1;
    k8s.io.apimachinery.pkg.util.intstr -> intstr."""
    parts = proto_package.split(".")
    if re.fullmatch(r"v\d+((alpha|beta)\d+)?", parts[-1]):
        return ".".join(parts[-2:])
    return parts[-1]


def parse_proto(text):
    package = re.search(r"^package ([\w.]+);", text, re.M).group(1)
    messages = {}
    for block in re.finditer(r"^message (\w+) \{(.*?)^\}", text, re.M | re.S):
        fields = []
        for line in block.group(2).splitlines():
            line = line.split("//")[0].strip()
            m = re.fullmatch(r"map<string,\s*([\w.]+)>\s+(\w+)\s*=\s*(\d+);", line)
            if m:
                fields.append((int(m.group(3)), m.group(2), "map", m.group(1)))
                continue
            m = re.fullmatch(r"(optional|repeated)?\s*([\w.]+)\s+(\w+)\s*=\s*(\d+);", line)
            if m:
                fields.append((int(m.group(4)), m.group(3), m.group(1) or "optional", m.group(2)))
        messages[block.group(1)] = fields
    return package, messages


GO_FIELD = re.compile(r"^\s*(?:(\w+)\s+)?(\*?[\w.\[\]*]+)\s+`([^`]*)`", re.M)


def parse_go(texts):
    """{struct name: {protobuf number: (json name, options set, pointer)}}"""
    structs = {}
    for text in texts:
        for block in re.finditer(r"^type (\w+) struct \{(.*?)^\}", text, re.M | re.S):
            fields = {}
            for m in GO_FIELD.finditer(block.group(2)):
                go_type, tag = m.group(2), m.group(3)
                pb = re.search(r'protobuf:"[a-z0-9]+,(\d+),', tag)
                js = re.search(r'json:"([^"]*)"', tag)
                if not pb or not js:
                    continue
                parts = js.group(1).split(",")
                fields[int(pb.group(1))] = (parts[0], set(parts[1:]), go_type.startswith("*"))
            structs[block.group(1)] = fields
    return structs


def package_sources(repo, tag, directory):
    names = git(repo, "ls-tree", "--name-only", f"{tag}:{directory}").split()
    proto = git(repo, "show", f"{tag}:{directory}/generated.proto")
    go = [git(repo, "show", f"{tag}:{directory}/{n}") for n in names
          if n.endswith(".go") and not n.endswith("_test.go") and not n.startswith("zz_")
          and not n.startswith("generated.")]
    return proto, go


def emit(proto, go_texts, out):
    package, messages = parse_proto(proto)
    own = label(package)
    structs = parse_go(go_texts)
    for name, fields in messages.items():
        go = structs.get(name, {})
        out.append(f"M {own}.{name}")
        for number, pname, card, ptype in fields:
            if card == "map":
                if ptype == "string":
                    kind = "ms"
                elif ptype == "bytes":
                    kind = "my"
                else:
                    kind = "mm:" + qualified(ptype, own)
            elif ptype in PROTO_TYPES:
                kind = PROTO_TYPES[ptype]
            else:
                kind = "m:" + qualified(ptype, own)
            rep = "r" if card in ("repeated", "map") else "o"
            json_name, options, pointer = go.get(number, (pname, set(), False))
            flags = ""
            if json_name == "":
                flags += "i"
                json_name = pname
            if "omitempty" in options:
                flags += "e"
            if "omitzero" in options:
                flags += "z"
            if pointer:
                flags += "p"
            out.append(f"{number} {json_name} {rep} {kind} {flags or '-'}")


def qualified(ptype, own):
    if "." not in ptype:
        return f"{own}.{ptype}"
    package, _, message = ptype.rpartition(".")
    return f"{label(package)}.{message}"


def main(tag, api, apimachinery, apiextensions):
    out = []
    dirs = sorted({d.rsplit("/", 1)[0] for d in
                   git(api, "ls-tree", "-r", "--name-only", tag).split()
                   if d.endswith("/generated.proto")})
    for d in dirs:
        if d.split("/")[0] in SKIPPED_GROUPS:
            continue
        emit(*package_sources(api, tag, d), out)
    for d in ["pkg/apis/meta/v1", "pkg/api/resource", "pkg/util/intstr", "pkg/runtime"]:
        emit(*package_sources(apimachinery, tag, d), out)
    for d in ["pkg/apis/apiextensions/v1", "pkg/apis/apiextensions/v1beta1"]:
        emit(*package_sources(apiextensions, tag, d), out)
    print(f"# generated by scripts/gen-k8s-schema.py from the Kubernetes API at {tag}")
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
