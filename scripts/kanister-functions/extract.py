#!/usr/bin/env python3
"""Extracts every Kanister function's argument lists from Kanister's Go source, for the
registry test in tests/blueprint.rs (tests/data/blueprints_kanister_functions.json).

For each function in pkg/function: its registered name (`Name()`), `Arguments()` (what
`utils.CheckSupportedArgs` accepts), `RequiredArgs()`, and the arguments read with
`GetYamlList` (a YAML list, or a string holding one, templated or not).

Usage: scripts/kanister-functions/extract.py [KANISTER_GIT_DIR [REV]] > tests/data/blueprints_kanister_functions.json
(default /work/.mirror/kanisterio+kanister/repo at HEAD)."""
import json
import re
import subprocess
import sys

git_dir = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/kanisterio+kanister/repo"
rev = sys.argv[2] if len(sys.argv) > 2 else "HEAD"


def git(*args):
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True,
                          capture_output=True, text=True).stdout


commit = git("rev-parse", rev).strip()
files = [f for f in git("ls-tree", "-r", "--name-only", commit, "pkg/").split()
         if f.endswith(".go") and not f.endswith("_test.go")]
sources = {f: git("show", f"{commit}:{f}") for f in files
           if f.startswith(("pkg/function/", "pkg/kube/", "pkg/consts/", "pkg/ephemeral/"))}

# String constants: `Name = "value"` inside const blocks or single const declarations, keyed
# by bare name and by package-qualified name (kube.PodNamespaceArg...).
consts = {}
for path, src in sources.items():
    pkg = path.split("/")[-2]
    for name, value in re.findall(r'^\s*(\w+)\s*(?:string\s*)?=\s*"([^"]*)"', src, re.M):
        consts.setdefault(name, value)
        consts[f"{pkg}.{name}"] = value


def resolve(expr):
    expr = expr.strip()
    if expr.startswith('"'):
        return expr.strip('"')
    return consts.get(expr) or consts.get(expr.split(".")[-1])


def method_list(src, receiver_type, method):
    """The []string a method returns: `func (x *T) Method() []string { return []string{...} }`."""
    m = re.search(r'func \(\w*\s*\*?' + re.escape(receiver_type) + r'\) ' + method +
                  r'\(\) \[\]string \{\s*return \[\]string\{(.*?)\}\s*\}', src, re.S)
    if not m:
        return None
    items = [i for i in (x.strip() for x in m.group(1).split(",")) if i and not i.startswith("//")]
    out = []
    for item in items:
        value = resolve(item)
        if value is None:
            raise SystemExit(f"cannot resolve {item!r} in {receiver_type}.{method}")
        out.append(value)
    return out


functions = {}
for path, src in sorted(sources.items()):
    if not path.startswith("pkg/function/"):
        continue
    for recv, name_expr in re.findall(
            r'func \(\w*\s*\*?(\w+)\) Name\(\) string \{\s*return (\w+)\s*\}', src):
        name = resolve(name_expr)
        arguments = method_list(src, recv, "Arguments")
        required = method_list(src, recv, "RequiredArgs")
        yaml_list = sorted({resolve(a) for a in re.findall(r'GetYamlList\(\s*\w+\s*,\s*([\w.]+)', src)
                            if resolve(a)})
        functions[name] = {
            "source": path,
            "arguments": sorted(arguments or []),
            "required": sorted(required or []),
            "yaml_list": yaml_list,
        }

json.dump({"kanister_commit": commit, "functions": dict(sorted(functions.items()))},
          sys.stdout, indent=1)
sys.stdout.write("\n")
