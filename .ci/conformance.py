#!/usr/bin/env python3
"""Conformance measurement of datadog-codegen against the official truth files.

Usage: .ci/conformance PAGES TRUTH [CASSETTES] [options]   (see --help)

Figures (whole folder of pages):
  1. table rows at the right path with the right required flag and type
  2. type names equal to the official schema names
  3. operations with the right operationId and Swift method name
  4. Swift types generated (Models/ files that are not a typealias) vs official schema names
  5. SDK build (time, memory, errors) and the example round-trip
  6. summary + ratchet against .ci/conformance-levels.json

python3 standard library only.
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time

CI_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(CI_DIR)
LEVELS_FILE = os.path.join(CI_DIR, "conformance-levels.json")
ROUNDTRIP_DIR = os.path.join(CI_DIR, "roundtrip")

# Figures the ratchet guards: key -> (label, higher is better)
RATCHET = [
    ("rows_pct", "rows (path, required, type) %"),
    ("names_pct", "official type names %"),
    ("operations_pct", "operations (operationId, method) %"),
    ("sdk_build_ok", "SDK builds (1 = yes)"),
    ("roundtrip_pass_pct", "example round-trip passed %"),
    ("roundtrip_passed", "example round-trips passed"),
]

SWIFT_BUILTINS = {
    "String", "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64",
    "Double", "Float", "Bool", "Data", "Date", "URL", "UUID", "Decimal", "JSONValue", "DateTime",
    "Array", "Dictionary", "Optional", "Set", "Indirect",
}
SKIP_ROUNDTRIP_TYPES = {None, "", "JSONValue", "String", "Data", "Void", "EmptyResponse"}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def pct(ok, tot):
    return 100.0 * ok / tot if tot else 100.0


def fmt_pct(ok, tot):
    return f"{ok}/{tot} = {pct(ok, tot):.2f}%"


def lower_first(s):
    return s[:1].lower() + s[1:] if s else s


def strip_optional_and_array(t):
    """`[Foo]?` -> `Foo`, `Foo?` -> `Foo`, `[String: Foo]` -> `Foo` (the element type)."""
    if t is None:
        return None
    t = t.strip()
    while True:
        old = t
        if t.endswith("?") or t.endswith("!"):
            t = t[:-1].strip()
        if t.startswith("[") and t.endswith("]"):
            inner = t[1:-1].strip()
            # dictionary: the value type is the element
            depth = 0
            colon = -1
            for i, ch in enumerate(inner):
                if ch in "[<(":
                    depth += 1
                elif ch in "]>)":
                    depth -= 1
                elif ch == ":" and depth == 0:
                    colon = i
                    break
            t = inner[colon + 1:].strip() if colon >= 0 else inner
        if t.startswith("Indirect<") and t.endswith(">"):
            t = t[len("Indirect<"):-1]
        if t == old:
            return t


def strip_optional(t):
    if t is None:
        return None
    t = t.strip()
    while t.endswith("?"):
        t = t[:-1].strip()
    return t


def is_array_type_cell(cell):
    return cell.strip().startswith("[")


# ----------------------------------------------------------------------------------------------
# generator runs


def find_codegen(args):
    if args.codegen:
        return os.path.abspath(args.codegen)
    if os.environ.get("DATADOG_CODEGEN"):
        return os.environ["DATADOG_CODEGEN"]
    config = "release" if args.release_codegen else "debug"
    if not args.no_codegen_build:
        log(f"[conformance] swift build -c {config} --product datadog-codegen (in {REPO})")
        r = subprocess.run(["swift", "build", "-c", config, "--product", "datadog-codegen"], cwd=REPO,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            print(r.stdout[-4000:])
            sys.exit("conformance: building datadog-codegen failed")
    path = os.path.join(REPO, ".build", config, "datadog-codegen")
    if not os.path.exists(path):
        sys.exit(f"conformance: no generator binary at {path}")
    return path


def run_generator(codegen, pages, workdir, want_generate):
    """Runs `dump` and (optionally) `generate` side by side. Returns (dump, gen_dir, gen_summary)."""
    dump_path = os.path.join(workdir, "dump.json")
    gen_dir = os.path.join(workdir, "generated")
    procs = []
    t0 = time.time()
    with open(dump_path, "w") as out, open(os.path.join(workdir, "dump.stderr"), "w") as err:
        p_dump = subprocess.Popen([codegen, "dump", pages], stdout=out, stderr=err)
        procs.append(p_dump)
        p_gen = None
        if want_generate:
            if os.path.exists(gen_dir):
                shutil.rmtree(gen_dir)
            gen_log = open(os.path.join(workdir, "generate.log"), "w")
            p_gen = subprocess.Popen([codegen, "generate", pages, "--output", gen_dir, "--quiet"],
                                     stdout=gen_log, stderr=subprocess.STDOUT)
        rc_dump = p_dump.wait()
        rc_gen = p_gen.wait() if p_gen else 0
    log(f"[conformance] dump{' + generate' if want_generate else ''}: {time.time() - t0:.1f}s")
    if rc_dump != 0:
        sys.exit(f"conformance: `datadog-codegen dump` failed ({rc_dump}); see {workdir}/dump.stderr")
    with open(dump_path) as f:
        dump = json.load(f)
    summary = ""
    if want_generate:
        with open(os.path.join(workdir, "generate.log")) as f:
            lines = [l.rstrip() for l in f if l.strip()]
        summary = lines[-1] if lines else ""
        if rc_gen != 0:
            log(f"[conformance] generate exited {rc_gen}: {summary}")
    return dump, (gen_dir if want_generate else None), summary, (rc_gen if want_generate else None)


# ----------------------------------------------------------------------------------------------
# figures 1-4


def load_truth(pages, truth_dir):
    """Every .md under PAGES -> its truth (or None when missing)."""
    result = {}
    for root, _dirs, files in os.walk(pages):
        for name in files:
            if not name.endswith(".md"):
                continue
            rel = os.path.relpath(os.path.join(root, name), pages)
            tpath = os.path.join(truth_dir, rel[:-3] + ".json")
            if os.path.exists(tpath):
                with open(tpath) as f:
                    result[rel] = json.load(f)
            else:
                result[rel] = None
    return result


def flatten_fields(fields):
    got = collections.defaultdict(list)

    def walk(fs, path):
        for fl in fs or []:
            p = path + (fl["name"],)
            got[p].append(fl)
            walk(fl.get("fields"), p)

    walk(fields, ())
    return got


def collect_schema_names(node, acc):
    if isinstance(node, dict):
        n = node.get("schema_ref_name")
        if n:
            acc.add(n)
        for v in node.values():
            if isinstance(v, (dict, list)):
                collect_schema_names(v, acc)
    elif isinstance(node, list):
        for v in node:
            collect_schema_names(v, acc)


def match_dump_op(dump_ops, top):
    cands = [o for o in dump_ops if o.get("version") == top.get("version")]
    if len(cands) > 1:
        exact = [o for o in cands if o.get("method") == top.get("method") and o.get("path") == top.get("path")]
        if exact:
            cands = exact
    return cands[0] if cands else None


def score_tables(truth, dump):
    dump_pages = {p["file"]: p for p in dump.get("pages", [])}
    F = {
        "rows_ok": 0, "rows_total": 0, "row_fail": collections.Counter(), "row_examples": [],
        "names_ok": 0, "names_total": 0, "name_kinds": collections.defaultdict(lambda: [0, 0]),
        "name_examples": [], "alias_ok": 0, "alias_total": 0,
        "ops_ok": 0, "ops_total": 0, "opid_ok": 0, "method_ok": 0, "op_examples": [],
        "pages_scored": 0, "pages_missing_truth": [], "pages_not_in_dump": [],
        "official_names": collections.defaultdict(set), "official_param_names": collections.defaultdict(set),
        "table_names": collections.defaultdict(set), "page_row_fail": collections.Counter(),
    }

    def name_check(kind, official, got_type, where):
        F["names_total"] += 1
        F["name_kinds"][kind][1] += 1
        if got_type is not None and got_type == official:
            F["names_ok"] += 1
            F["name_kinds"][kind][0] += 1
        else:
            F["name_examples"].append((where, kind, official, got_type))

    for page in sorted(truth):
        t = truth[page]
        if t is None:
            F["pages_missing_truth"].append(page)
            continue
        F["pages_scored"] += 1
        dp = dump_pages.get(page)
        if dp is None:
            F["pages_not_in_dump"].append(page)
        for top in t.get("operations", []):
            version = top.get("version")
            F["ops_total"] += 1
            dop = match_dump_op(dp["operations"], top) if dp else None
            oid = top.get("operationId")
            id_ok = bool(dop) and dop.get("operation_id") == oid
            m_ok = bool(dop) and dop.get("swift_method") == lower_first(oid)
            F["opid_ok"] += id_ok
            F["method_ok"] += m_ok
            if id_ok and m_ok:
                F["ops_ok"] += 1
            else:
                F["op_examples"].append((f"{page}:{(dop or {}).get('line', 0)}", version, oid,
                                         dop and dop.get("operation_id"), dop and dop.get("swift_method")))
            for p in top.get("parameters") or []:
                collect_schema_names(p.get("schema"), F["official_param_names"][version])
            tables = []
            rb = top.get("request_body")
            if rb:
                collect_schema_names(rb.get("schema"), F["official_names"][version])
                d = dop.get("request") if dop else None
                tables.append(("request", rb, d))
            for r in top.get("responses") or []:
                collect_schema_names(r.get("schema"), F["official_names"][version])
                d = None
                if dop:
                    for x in dop.get("responses") or []:
                        if str(x.get("status")) == str(r.get("status")):
                            d = x
                            break
                tables.append((f"response {r.get('status')}", r, d))
            for label, tb, d in tables:
                root = tb.get("schema") or {}
                where_root = f"{page}:{(d or {}).get('example_line') or (dop or {}).get('line', 0)}"
                dtype = strip_optional((d or {}).get("swift_type"))
                # root name
                if root.get("schema_ref_name"):
                    F["table_names"][version].add(root["schema_ref_name"])
                    if root.get("type") == "array":
                        # a named array: the generator may name it or inline it as [Element]
                        pass
                    name_check("root", root["schema_ref_name"], dtype, f"{where_root} ({label} root)")
                elif root.get("type") == "array" and (root.get("items") or {}).get("schema_ref_name"):
                    n = root["items"]["schema_ref_name"]
                    F["table_names"][version].add(n)
                    name_check("root items", n, strip_optional_and_array(dtype), f"{where_root} ({label} root items)")
                rows = tb.get("table_rows")
                if rows is None:
                    continue
                got = flatten_fields((d or {}).get("fields"))
                for r in rows:
                    F["rows_total"] += 1
                    path = tuple(r["path"])
                    cands = got.get(path) or []
                    want_type = (r.get("type") or "").strip()
                    best = None
                    for x in cands:
                        if x.get("required") == r.get("required") and (x.get("type") or "").strip() == want_type:
                            best = x
                            break
                    line = (cands[0].get("line") if cands else None) or (d or {}).get("example_line") or 0
                    where = f"{page}:{line}"
                    if best is not None:
                        F["rows_ok"] += 1
                    else:
                        F["page_row_fail"][page] += 1
                        if not cands:
                            reason = "row missing"
                            detail = f"{label} {'.'.join(path)} ({want_type}) not in the model"
                        else:
                            x = cands[0]
                            if (x.get("type") or "").strip() != want_type:
                                reason = "type differs"
                                detail = f"{label} {'.'.join(path)}: type {x.get('type')!r}, official {want_type!r}"
                            else:
                                reason = "required differs"
                                detail = f"{label} {'.'.join(path)}: required {x.get('required')}, official {r.get('required')}"
                        F["row_fail"][reason] += 1
                        F["row_examples"].append((where, reason, detail))
                    field = best or (cands[0] if cands else None)
                    ftype = field.get("swift_type") if field else None
                    srn = r.get("schema_ref_name")
                    isrn = r.get("items_schema_ref_name")
                    fpath = f"{label} {'.'.join(path)}"
                    if srn:
                        F["table_names"][version].add(srn)
                    if isrn:
                        F["table_names"][version].add(isrn)
                    if is_array_type_cell(want_type):
                        if isrn:
                            name_check("array element", isrn, strip_optional_and_array(ftype), f"{where} {fpath}")
                        if srn:
                            # a named array schema: informational only (official clients inline arrays)
                            F["alias_total"] += 1
                            if strip_optional(ftype) == srn:
                                F["alias_ok"] += 1
                    elif srn:
                        kind = {"object": "object", "enum": "enum"}.get(want_type, None)
                        if kind is None:
                            kind = "oneOf" if "<oneOf>" in want_type else "scalar"
                        name_check(kind, srn, strip_optional(ftype), f"{where} {fpath}")
    return F


def count_generated_types(gen_dir):
    """Per module: files under Models/ that declare a type (not only a typealias)."""
    res = {}
    if not gen_dir or not os.path.isdir(gen_dir):
        return res
    decl = re.compile(r"^\s*(?:@\w+\s+)*(?:public\s+|package\s+|internal\s+)?(?:final\s+)?(?:indirect\s+)?(struct|enum|class|actor)\s", re.M)
    for module in sorted(os.listdir(gen_dir)):
        models = os.path.join(gen_dir, module, "Models")
        if not os.path.isdir(models):
            continue
        types = aliases = 0
        names = set()
        for root, _d, files in os.walk(models):
            for fn in files:
                if not fn.endswith(".swift"):
                    continue
                with open(os.path.join(root, fn), encoding="utf-8", errors="replace") as f:
                    text = f.read()
                if decl.search(text):
                    types += 1
                    names.add(fn[:-6])
                else:
                    aliases += 1
        res[module] = {"types": types, "typealias_files": aliases, "names": names}
    return res


# ----------------------------------------------------------------------------------------------
# figure 5: SDK build + round trip


PACKAGE_TEMPLATE = """// swift-tools-version:6.0
// Scratch package written by .ci/conformance.py: the generated SDK + the repo's runtime + the round-trip harness.
import PackageDescription

let package = Package(
    name: "ConformanceSDK",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .target(
            name: "DatadogRuntime",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            path: "Runtime"
        ),
%(modules)s
        .executableTarget(
            name: "RoundTrip",
            dependencies: ["DatadogRuntime", %(module_deps)s],
            path: "RoundTrip"
        ),
    ]
)
"""


def swift_string_literal(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def qualify(swift_type, module, module_names):
    """Prefix generated model names in a Swift type expression with the module."""
    def rep(m):
        ident = m.group(0)
        if ident in SWIFT_BUILTINS:
            return ident
        if module_names is not None and ident not in module_names:
            return ident
        return f"{module}.{ident}"
    return re.sub(r"(?<![\w.])[A-Za-z_]\w*", rep, swift_type)


def collect_examples(dump, module_types):
    """-> (examples, skipped): examples = [{id, page, line, module, type, json}]"""
    examples, skipped = [], collections.Counter()
    for p in dump.get("pages", []):
        for op in p.get("operations", []):
            module = op.get("swift_module") or ("DatadogV1" if op.get("version") == "v1" else "DatadogV2")
            bodies = []
            if op.get("request"):
                bodies.append(("request", op["request"]))
            for r in op.get("responses") or []:
                bodies.append((f"response {r.get('status')}", r))
            for label, b in bodies:
                ex = b.get("example")
                st = b.get("swift_type")
                if not ex:
                    continue
                if label == "request" and b.get("encoding") not in (None, "json"):
                    skipped[f"request encoding {b.get('encoding')}"] += 1
                    continue
                if strip_optional(st) in SKIP_ROUNDTRIP_TYPES:
                    skipped[f"swift_type {st}"] += 1
                    continue
                try:
                    json.loads(ex)
                except ValueError:
                    skipped["example is not JSON"] += 1
                    continue
                names = module_types.get(module)
                examples.append({
                    "id": len(examples), "page": p["file"], "line": b.get("example_line") or op.get("line") or 0,
                    "label": label, "module": module,
                    "type": qualify(strip_optional(st), module, names), "json": ex,
                })
    return examples, skipped


def write_harness(pkg, examples, excluded):
    """RoundTrip/*.swift: a switch per chunk of type names -> decode + re-encode."""
    rt = os.path.join(pkg, "RoundTrip")
    os.makedirs(rt, exist_ok=True)
    types = sorted({e["type"] for e in examples if e["type"] not in excluded})
    chunk = 250
    chunks = [types[i:i + chunk] for i in range(0, len(types), chunk)] or [[]]
    wanted = set()
    line_map = {}
    for ci, names in enumerate(chunks):
        fn = f"Table{ci}.swift"
        wanted.add(fn)
        lines = ["// Written by .ci/conformance.py. Do not edit.", "import Foundation", "import DatadogRuntime",
                 "import DatadogV1", "import DatadogV2", "",
                 f"func roundTrip{ci}(_ type: String, _ data: Data) throws -> Data? {{", "    switch type {"]
        for n in names:
            lines.append(f"    case {swift_string_literal(n)}: return try reencode({n}.self, data)")
            line_map[(fn, len(lines))] = n
        lines += ["    default: return nil", "    }", "}", ""]
        write_if_changed(os.path.join(rt, fn), "\n".join(lines))
    calls = "\n".join(f"    if let out = try roundTrip{ci}(type, data) {{ return out }}" for ci in range(len(chunks)))
    with open(os.path.join(ROUNDTRIP_DIR, "main.swift.in")) as f:
        main = f.read().replace("/*DISPATCH*/", calls)
    write_if_changed(os.path.join(rt, "main.swift"), main)
    wanted.add("main.swift")
    for fn in os.listdir(rt):
        if fn not in wanted:
            os.remove(os.path.join(rt, fn))
    return line_map


def write_if_changed(path, text):
    if os.path.exists(path):
        with open(path) as f:
            if f.read() == text:
                return
    with open(path, "w") as f:
        f.write(text)


def sync_tree(src, dst):
    """Copy src over dst touching only files whose content changed (keeps incremental builds)."""
    os.makedirs(dst, exist_ok=True)
    seen = set()
    for root, dirs, files in os.walk(src):
        rel = os.path.relpath(root, src)
        droot = os.path.join(dst, rel) if rel != "." else dst
        os.makedirs(droot, exist_ok=True)
        for fn in files:
            s = os.path.join(root, fn)
            d = os.path.join(droot, fn)
            seen.add(os.path.normpath(d))
            with open(s, "rb") as f:
                data = f.read()
            if os.path.exists(d):
                with open(d, "rb") as f:
                    if f.read() == data:
                        continue
            with open(d, "wb") as f:
                f.write(data)
    for root, dirs, files in os.walk(dst, topdown=False):
        for fn in files:
            d = os.path.normpath(os.path.join(root, fn))
            if d not in seen:
                os.remove(d)
        if root != dst and not os.listdir(root):
            os.rmdir(root)


def prepare_package(pkg, gen_dir):
    os.makedirs(pkg, exist_ok=True)
    modules = sorted(m for m in os.listdir(gen_dir) if os.path.isdir(os.path.join(gen_dir, m)))
    sync_tree(gen_dir, os.path.join(pkg, "SDK"))
    # The runtime: the repo's sources, copied (SwiftPM rejects target paths outside the package).
    sync_tree(os.path.join(REPO, "Sources", "DatadogRuntime"), os.path.join(pkg, "Runtime"))
    mods = "\n".join(
        f'        .target(name: "{m}", dependencies: ["DatadogRuntime"], path: "SDK/{m}"),' for m in modules)
    deps = ", ".join(f'"{m}"' for m in modules)
    write_if_changed(os.path.join(pkg, "Package.swift"), PACKAGE_TEMPLATE % {"modules": mods, "module_deps": deps})
    # pin swift-log like the root package so no new resolution is needed
    root_resolved = os.path.join(REPO, "Package.resolved")
    if os.path.exists(root_resolved) and not os.path.exists(os.path.join(pkg, "Package.resolved")):
        with open(root_resolved) as f:
            res = json.load(f)
        res["pins"] = [p for p in res.get("pins", []) if p.get("identity") == "swift-log"]
        res.pop("originHash", None)
        with open(os.path.join(pkg, "Package.resolved"), "w") as f:
            json.dump(res, f, indent=2)
    return modules


class TreeMemorySampler(threading.Thread):
    """Samples the summed RSS of a process tree (Linux /proc) every 0.5 s."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.stop = pid, 0, False

    def run(self):
        while not self.stop:
            try:
                children = collections.defaultdict(list)
                rss = {}
                for d in os.listdir("/proc"):
                    if not d.isdigit():
                        continue
                    try:
                        with open(f"/proc/{d}/stat") as f:
                            st = f.read()
                        fields = st[st.rfind(")") + 2:].split()
                        ppid = int(fields[1])
                        rss[int(d)] = int(fields[21]) * 4  # pages -> kB (4 kB pages)
                        children[ppid].append(int(d))
                    except (OSError, ValueError, IndexError):
                        pass
                total, todo = 0, [self.pid]
                while todo:
                    p = todo.pop()
                    total += rss.get(p, 0)
                    todo.extend(children.get(p, []))
                self.peak_kb = max(self.peak_kb, total)
            except OSError:
                pass
            time.sleep(0.5)


def swift_build(pkg, log_path, product=None, jobs=None):
    cmd = ["/usr/bin/time", "-v", "swift", "build", "-c", "debug", "--package-path", pkg]
    if product:
        cmd += ["--product", product]
    if jobs:
        cmd += ["-j", str(jobs)]
    t0 = time.time()
    with open(log_path, "w") as out:
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        sampler = TreeMemorySampler(p.pid)
        sampler.start()
        rc = p.wait()
        sampler.stop = True
    wall = time.time() - t0
    with open(log_path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    max_single = int(m.group(1)) if m else 0
    m = re.search(r"Exit status: (\d+)", text)
    if m:
        rc = int(m.group(1))
    return {"rc": rc, "wall_s": round(wall, 1), "max_process_rss_mb": round(max_single / 1024),
            "peak_tree_rss_mb": round(sampler.peak_kb / 1024), "log": log_path, "text": text}


ERROR_RE = re.compile(r"^(/[^:\n]+\.swift):(\d+):(\d+): error: (.*)$", re.M)


def error_category(msg):
    c = re.sub(r"'[^']*'", "'…'", msg)
    c = re.sub(r"\b\d+\b", "N", c)
    return c[:160]


def categorize_errors(text):
    errs = []
    seen = set()
    for m in ERROR_RE.finditer(text):
        key = (m.group(1), m.group(2), m.group(3), m.group(4))
        if key in seen:
            continue
        seen.add(key)
        errs.append({"file": m.group(1), "line": int(m.group(2)), "msg": m.group(4)})
    cats = collections.OrderedDict()
    for e in errs:
        c = error_category(e["msg"])
        cats.setdefault(c, []).append(e)
    return errs, sorted(cats.items(), key=lambda kv: -len(kv[1]))


def json_equal(a, b, path="$"):
    """None when equal (absent == null, numbers by value), else a short reason."""
    if isinstance(a, bool) or isinstance(b, bool):
        return None if a is b or a == b and type(a) is type(b) else f"{path}: {short(a)} became {short(b)}"
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return None if float(a) == float(b) else f"{path}: number {a} became {b}"
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            va, vb = a.get(k), b.get(k)
            if va is None and vb is None:
                continue
            if k not in b or vb is None:
                return f"{path}.{k}: dropped (was {short(va)})"
            if k not in a or va is None:
                return f"{path}.{k}: added {short(vb)}"
            r = json_equal(va, vb, f"{path}.{k}")
            if r:
                return r
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: array of {len(a)} became {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            r = json_equal(x, y, f"{path}[{i}]")
            if r:
                return r
        return None
    if a == b and type(a) is type(b):
        return None
    return f"{path}: {short(a)} became {short(b)}"


def short(v):
    s = json.dumps(v)
    return s if len(s) <= 60 else s[:57] + "..."


PLACEHOLDERS = {"integer", "number", "int64", "int32", "double", "float", "boolean", "object", "array"}


def value_at(doc, path):
    v = doc
    for key, index in re.findall(r"\.([^.\[]+)|\[(\d+)\]", path[1:]):
        try:
            v = v[key] if key else v[int(index)]
        except (KeyError, IndexError, TypeError, ValueError):
            return None
    return v


def roundtrip_category(reason, example_json=None):
    r = re.sub(r"\[\d+\]", "[]", reason)
    if r.startswith("harness:"):
        return "harness: type does not compile / no entry"
    if r.startswith("decode:"):
        m = re.match(r"decode: typeMismatch at (\S+): expected ([\w<>, ]+?): (?:.*found (an? \w+|\w+))?", reason)
        if m:
            expected = m.group(2).replace("Dictionary<String, Any>", "object").replace("Array<Any>", "array")
            if example_json is not None:
                v = value_at(json.loads(example_json), m.group(1))
                if isinstance(v, str) and v in PLACEHOLDERS:
                    return f"example placeholder {json.dumps(v)} where {expected} is expected (page quirk)"
            return f"decode typeMismatch: expected {expected}, found {m.group(3) or '?'}"
        m = re.match(r"decode: (\w+)", r)
        kind = m.group(1) if m else "error"
        if kind == "valueNotFound" and "null" in r:
            return "decode valueNotFound: null where a value is required (not nullable)"
        if kind == "keyNotFound":
            return "decode keyNotFound: required key absent in the example"
        return f"decode {kind}"
    if r.startswith("encode:"):
        return "encode error"
    if "dropped" in r:
        return "value dropped"
    if "added" in r:
        return "value added"
    if re.search(r'"[-+0-9.eE]+" became [-+0-9.eE]+$', r):
        return "numeric-looking string re-encoded as a number"
    if "number" in r:
        return "number changed"
    if re.search(r'"\d{4}-\d\d-\d\dT', r):
        return "date-time string changed"
    if "array of" in r:
        return "array length changed"
    return "value changed"


def run_roundtrip(pkg, examples, workdir, build_log_prefix, args):
    """Builds the harness (dropping types that do not compile), runs it, compares. -> dict"""
    excluded = {}
    result = {}
    for attempt in range(3):
        line_map = write_harness(pkg, examples, excluded)
        b = swift_build(pkg, f"{build_log_prefix}-roundtrip{attempt}.log", product="RoundTrip")
        result["build"] = b
        if b["rc"] == 0:
            break
        errs, _ = categorize_errors(b["text"])
        harness_errs = [e for e in errs if "/RoundTrip/" in e["file"]]
        sdk_errs = [e for e in errs if "/RoundTrip/" not in e["file"]]
        if sdk_errs or not harness_errs:
            result["error"] = "the harness does not build (SDK errors)" if sdk_errs else "the harness does not build"
            return result
        for e in harness_errs:
            n = line_map.get((os.path.basename(e["file"]), e["line"]))
            if n:
                excluded[n] = e["msg"]
        if not any(line_map.get((os.path.basename(e["file"]), e["line"])) for e in harness_errs):
            result["error"] = "the harness does not build: " + harness_errs[0]["msg"]
            return result
    else:
        result["error"] = "the harness does not build after dropping types"
        return result
    exe = os.path.join(pkg, ".build", "debug", "RoundTrip")
    todo = [e for e in examples if e["type"] not in excluded]
    inp = os.path.join(workdir, "roundtrip-input.json")
    with open(inp, "w") as f:
        json.dump([{"id": e["id"], "type": e["type"], "json": e["json"]} for e in todo], f)
    outp = os.path.join(workdir, "roundtrip-output.jsonl")
    t0 = time.time()
    with open(outp, "w") as out:
        r = subprocess.run([exe, inp], stdout=out, stderr=subprocess.PIPE, text=True)
    result["run_s"] = round(time.time() - t0, 1)
    outputs = {}
    with open(outp) as f:
        for line in f:
            line = line.strip()
            if line:
                try:
                    o = json.loads(line)
                    outputs[o["id"]] = o
                except ValueError:
                    pass
    if r.returncode != 0:
        result["crash"] = f"exit {r.returncode}: {r.stderr[-500:]}"
    failures, passed = [], 0
    for e in examples:
        where = f"{e['page']}:{e['line']}"
        if e["type"] in excluded:
            failures.append((where, e, f"harness: {e['type']} does not compile: {excluded[e['type']]}"))
            continue
        o = outputs.get(e["id"])
        if o is None:
            failures.append((where, e, "no result (harness crashed before it?)"))
            continue
        if "error" in o:
            failures.append((where, e, o["error"]))
            continue
        diff = json_equal(json.loads(e["json"]), json.loads(o["json"]))
        if diff:
            failures.append((where, e, diff))
        else:
            passed += 1
    result["passed"] = passed
    result["failures"] = failures
    return result


# ----------------------------------------------------------------------------------------------
# main


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages")
    ap.add_argument("truth")
    ap.add_argument("cassettes", nargs="?", help="reserved for replaying recorded traffic (ignored for now)")
    ap.add_argument("--no-build", action="store_true", help="skip the SDK build and the round trip")
    ap.add_argument("--record", action="store_true", help="rewrite the levels file with the current figures")
    ap.add_argument("--levels", default=LEVELS_FILE, help="levels file (default .ci/conformance-levels.json)")
    ap.add_argument("--force-ratchet", action="store_true",
                    help="apply the levels even when they were recorded for another folder of pages")
    ap.add_argument("--codegen", help="generator binary (default: build and use .build/debug/datadog-codegen)")
    ap.add_argument("--release-codegen", action="store_true", help="build/use the release generator")
    ap.add_argument("--no-codegen-build", action="store_true", help="use the existing generator binary as is")
    ap.add_argument("--workdir", default=os.path.join(REPO, ".build-conformance"),
                    help="scratch folder (gitignored); the SDK package lives in WORKDIR/sdk")
    ap.add_argument("--clean-build", action="store_true", help="delete the scratch package's .build first")
    ap.add_argument("--examples", type=int, default=15, help="failure examples shown per figure")
    ap.add_argument("--report", help="also write the figures as JSON here")
    args = ap.parse_args()

    pages = os.path.abspath(args.pages)
    truth_dir = os.path.abspath(args.truth)
    workdir = os.path.abspath(args.workdir)
    os.makedirs(workdir, exist_ok=True)
    t_start = time.time()
    if args.cassettes:
        print(f"note: CASSETTES ({args.cassettes}) given: replaying recorded traffic is not implemented yet; ignored.")

    codegen = find_codegen(args)
    dump, gen_dir, gen_summary, gen_rc = run_generator(codegen, pages, workdir, want_generate=True)
    truth = load_truth(pages, truth_dir)
    F = score_tables(truth, dump)
    n = args.examples
    figures = {}

    print(f"== conformance of {pages}")
    print(f"   generator {codegen}")
    print(f"   generate: {gen_summary}")
    print(f"   pages: {len(truth)} (.md), scored {F['pages_scored']}, "
          f"without truth {len(F['pages_missing_truth'])} (skipped), not in the dump {len(F['pages_not_in_dump'])}")
    for p in F["pages_missing_truth"][:n]:
        print(f"   skipped (no truth file): {p}")
    for p in F["pages_not_in_dump"][:n]:
        print(f"   page missing from the dump: {p}")

    # 1. rows
    print()
    print(f"== 1. table rows (path, required, type): {fmt_pct(F['rows_ok'], F['rows_total'])}   (goal >= 99.9%)")
    for k, v in F["row_fail"].most_common():
        print(f"   {v:6d} {k}")
    for where, reason, detail in F["row_examples"][:n]:
        print(f"   {where}: {detail}")
    if F["page_row_fail"]:
        print("   pages with most row failures: " +
              ", ".join(f"{p} ({c})" for p, c in F["page_row_fail"].most_common(5)))
    figures["rows_pct"] = pct(F["rows_ok"], F["rows_total"])

    # 2. names
    print()
    print(f"== 2. official type names: {fmt_pct(F['names_ok'], F['names_total'])}   (goal >= 95%)")
    for k, (ok, tot) in sorted(F["name_kinds"].items(), key=lambda kv: -kv[1][1]):
        print(f"   {k:14s} {fmt_pct(ok, tot)}")
    print(f"   (not counted: named array schemas given that name: {fmt_pct(F['alias_ok'], F['alias_total'])};"
          f" official clients inline them)")
    for where, kind, official, got in F["name_examples"][:n]:
        print(f"   {where}: {kind} is {got}, official {official}")
    figures["names_pct"] = pct(F["names_ok"], F["names_total"])

    # 3. operations
    print()
    print(f"== 3. operations (operationId and method = lowerFirst(operationId)): {fmt_pct(F['ops_ok'], F['ops_total'])}"
          f"   (goal 100%)")
    print(f"   operationId {fmt_pct(F['opid_ok'], F['ops_total'])}, swift_method {fmt_pct(F['method_ok'], F['ops_total'])}")
    for where, version, oid, got_id, got_m in F["op_examples"][:n]:
        print(f"   {where}: {version} {oid}: got operation_id {got_id}, swift_method {got_m}")
    figures["operations_pct"] = pct(F["ops_ok"], F["ops_total"])

    # 4. types
    print()
    counts = count_generated_types(gen_dir)
    print("== 4. Swift types generated vs official schema names")
    type_fig = {}
    for version in sorted(set(F["official_names"]) | {"v1", "v2"}):
        module = "DatadogV" + version[1:]
        c = counts.get(module, {"types": 0, "typealias_files": 0, "names": set()})
        official = F["official_names"].get(version, set())
        params = F["official_param_names"].get(version, set()) - official
        in_tables = F["table_names"].get(version, set())
        same = len(c["names"] & official)
        print(f"   {version}: {module}: {c['types']} types (+{c['typealias_files']} typealias files); "
              f"official names used: {len(official)} in bodies ({len(in_tables)} shown in tables)"
              f" + {len(params)} only in parameters; generated types named officially: {same}")
        type_fig[version] = {"types": c["types"], "typealias_files": c["typealias_files"],
                             "official_names": len(official), "official_in_tables": len(in_tables),
                             "official_param_only": len(params), "types_with_official_name": same}
    figures["types"] = type_fig

    # 5. build + round trip
    build_info = rt = None
    if not args.no_build:
        print()
        pkg = os.path.join(workdir, "sdk")
        if args.clean_build and os.path.exists(os.path.join(pkg, ".build")):
            shutil.rmtree(os.path.join(pkg, ".build"))
        modules = prepare_package(pkg, gen_dir)
        module_types = {m: {os.path.basename(f)[:-6] for f in _swift_files(os.path.join(gen_dir, m, "Models"))}
                        for m in modules}
        examples, skipped = collect_examples(dump, module_types)
        # the harness must exist for the package to load; start with a trivial one so the SDK build is measured alone
        write_harness(pkg, [], {})
        log(f"[conformance] building the SDK ({', '.join(modules)}) in {pkg} ...")
        build_info = swift_build(pkg, os.path.join(workdir, "sdk-build.log"))
        errs, cats = categorize_errors(build_info["text"])
        ok = build_info["rc"] == 0
        print(f"== 5. SDK build (debug, {', '.join(modules)}): {'OK' if ok else 'FAILED'} in {build_info['wall_s']}s, "
              f"peak memory {build_info['peak_tree_rss_mb']} MB (process tree, sampled), largest process "
              f"{build_info['max_process_rss_mb']} MB; log {build_info['log']}")
        figures["sdk_build_ok"] = 1 if ok else 0
        figures["sdk_build_s"] = build_info["wall_s"]
        figures["sdk_build_peak_mb"] = build_info["peak_tree_rss_mb"]
        if not ok:
            print(f"   {len(errs)} distinct errors in {len({e['file'] for e in errs})} files; by category:")
            for c, es in cats[:25]:
                e = es[0]
                print(f"   {len(es):6d} {c}")
                print(f"          e.g. {os.path.relpath(e['file'], pkg)}:{e['line']}: {e['msg'][:200]}")
            if not errs:
                print("   " + "\n   ".join(build_info["text"].strip().splitlines()[-15:]))
        print()
        print(f"   round trip: {len(examples)} JSON examples with a model type; skipped: " +
              (", ".join(f"{v} {k}" for k, v in skipped.most_common()) or "none"))
        if ok:
            rt = run_roundtrip(pkg, examples, workdir, os.path.join(workdir, "sdk-build"), args)
            if "error" in rt:
                errs2, cats2 = categorize_errors(rt["build"]["text"])
                print(f"   round-trip harness: {rt['error']}")
                for c, es in cats2[:10]:
                    print(f"   {len(es):6d} {c}  e.g. {os.path.relpath(es[0]['file'], pkg)}:{es[0]['line']}")
                figures["roundtrip_passed"] = 0
                figures["roundtrip_pass_pct"] = 0.0
            else:
                if rt.get("crash"):
                    print(f"   harness crashed: {rt['crash']}")
                fails = rt["failures"]
                for where, e, reason in fails:
                    print(f"{where}: {e['label']} {e['type']}: {reason}")
                cats_rt = collections.defaultdict(list)
                for w, e, r in fails:
                    cats_rt[roundtrip_category(r, e["json"])].append((w, e, r))
                print(f"   harness build {rt['build']['wall_s']}s, run {rt.get('run_s')}s; failures by category:")
                for k, v in sorted(cats_rt.items(), key=lambda kv: -len(kv[1])):
                    w, e, r = v[0]
                    print(f"   {len(v):6d} {k}")
                    print(f"          e.g. {w}: {e['type']}: {r[:200]}")
                quirks = sum(len(v) for k, v in cats_rt.items() if k.endswith("(page quirk)"))
                total = rt["passed"] + len(fails)
                print(f"roundtrip: {rt['passed']} passed, {len(fails)} failed"
                      f" ({quirks} of the failures are page-example placeholders no type could decode)")
                figures["roundtrip_failed"] = len(fails)
                figures["roundtrip_placeholder_failures"] = quirks
                figures["roundtrip_passed"] = rt["passed"]
                figures["roundtrip_pass_pct"] = pct(rt["passed"], total)
        else:
            print("roundtrip: 0 passed, 0 failed (not run: the SDK does not build)")
            figures["roundtrip_passed"] = 0
            figures["roundtrip_pass_pct"] = 0.0

    # 6. summary + ratchet
    print()
    print("== summary")
    print(f"   rows        {fmt_pct(F['rows_ok'], F['rows_total'])}")
    print(f"   names       {fmt_pct(F['names_ok'], F['names_total'])}")
    print(f"   operations  {fmt_pct(F['ops_ok'], F['ops_total'])}")
    for v, tf in type_fig.items():
        print(f"   types {v}    {tf['types']} generated vs {tf['official_names']} official names")
    if build_info:
        print(f"   SDK build   {'OK' if build_info['rc'] == 0 else 'FAILED'} {build_info['wall_s']}s, "
              f"peak {build_info['peak_tree_rss_mb']} MB")
        if "roundtrip_passed" in figures:
            print(f"   round trip  {figures['roundtrip_passed']} passed ({figures['roundtrip_pass_pct']:.2f}%)")
    print(f"   took {time.time() - t_start:.0f}s")

    if args.report:
        with open(args.report, "w") as f:
            json.dump(figures, f, indent=2, default=list)

    levels = {}
    if os.path.exists(args.levels):
        with open(args.levels) as f:
            levels = json.load(f)
    current = {k: round(figures[k], 2) if isinstance(figures[k], float) else figures[k]
               for k, _ in RATCHET if k in figures}
    if args.record:
        new = dict(levels)
        new.setdefault("levels", {})
        for k, v in current.items():
            # floor to 2 decimals so that the recorded level is never above the measured figure
            new["levels"][k] = (int(figures[k] * 100) / 100.0) if isinstance(figures[k], float) else v
        new["_note"] = ("Minimum accepted figures for `.ci/conformance PAGES TRUTH`; "
                        "rewrite with --record. Percentages are floored to 2 decimals.")
        new["recorded_for"] = {"pages": pages, "page_count": len(truth), "operations": F["ops_total"],
                               "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        with open(args.levels, "w") as f:
            json.dump(new, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"   recorded levels in {args.levels}")
        return 0
    rec = levels.get("recorded_for", {})
    if levels and not args.force_ratchet and (rec.get("page_count"), rec.get("operations")) != (len(truth), F["ops_total"]):
        print(f"== ratchet not applied: levels were recorded for {rec.get('page_count')} pages / "
              f"{rec.get('operations')} operations ({rec.get('pages')}), this folder has {len(truth)} / "
              f"{F['ops_total']} (use --force-ratchet or --levels FILE)")
        return 0
    below = []
    for k, label in RATCHET:
        lvl = levels.get("levels", {}).get(k)
        if lvl is None or k not in figures:
            continue
        if figures[k] + 1e-9 < lvl:
            below.append(f"{label}: {current[k]} < recorded {lvl}")
    if below:
        print("== RATCHET FAILED")
        for b in below:
            print(f"   {b}")
        return 1
    print("== ratchet OK" + ("" if levels else " (no levels recorded)"))
    return 0


def _swift_files(d):
    out = []
    for root, _d, files in os.walk(d):
        out += [os.path.join(root, f) for f in files if f.endswith(".swift")]
    return out


if __name__ == "__main__":
    sys.exit(main())
