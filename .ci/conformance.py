#!/usr/bin/env python3
"""Conformance measurement of datadog-codegen against the official truth files: the Python that
`datadog-codegen-conformance run` replaced. `.ci/conformance` no longer runs it; it is kept only as the
reference of the whole-corpus equivalence run still owed (CONFORMANCE.md, Implementation), then deleted.

Usage: .ci/conformance PAGES TRUTH [CASSETTES] [options]   (see --help)

Figures (whole folder of pages):
  1. table rows at the right path with the right required flag and type
  2. type names equal to the official schema names
  3. operations with the right operationId and Swift method name, and the right unstable flag
  4. Swift types generated (Models/ files that are not a typealias) vs official schema names
  5. SDK build (time, memory, errors) and the example round-trip
  6. replay of recorded traffic (CASSETTES): every main call of every cassette whose operation the pages
     define, through the generated method against a loopback server serving the recording (.ci/replay/)
  7. summary + ratchet against .ci/conformance-levels.json and the expected-failure lists
     (.ci/expected-failures/*.txt; `datadog-codegen-conformance ratchet`)

Figures 1-4 are computed by the Swift executable datadog-codegen-conformance (Sources/Conformance), which
also runs the generator (dump + generate into WORKDIR); this script builds and runs it, then does 5-7 with
its other subcommands: `harness` renders the round-trip and replay sources of the checked-in package
.ci/harness from the dump, `roundtrip` judges the round trip, `ratchet` applies or records figure 7.
Still here: building and timing the harness package, dropping what does not compile, collecting the
recorded calls and judging the replay (figure 6).

Subsets (leave-tags-out): --tags-from FILE / --exclude-tags-from FILE (tags one a line, e.g.
.ci/folds/even-tags.txt), --strip-code-examples (the pages without their client code examples).

python3 standard library only (besides the Swift scorer).
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


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def pct(ok, tot):
    return 100.0 * ok / tot if tot else 100.0


def fmt_pct(ok, tot):
    return f"{ok}/{tot} = {pct(ok, tot):.2f}%"


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


def find_scorer(args):
    """datadog-codegen-conformance (figures 1-4), built like the generator."""
    config = "release" if args.release_codegen else "debug"
    if not args.no_codegen_build:
        log(f"[conformance] swift build -c {config} --product datadog-codegen-conformance (in {REPO})")
        r = subprocess.run(["swift", "build", "-c", config, "--product", "datadog-codegen-conformance"], cwd=REPO,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            print(r.stdout[-4000:])
            sys.exit("conformance: building datadog-codegen-conformance failed")
    path = os.path.join(REPO, ".build", config, "datadog-codegen-conformance")
    if not os.path.exists(path):
        sys.exit(f"conformance: no scorer binary at {path}")
    return path


# ----------------------------------------------------------------------------------------------
# figure 5: SDK build + round trip


HARNESS_PKG = os.path.join(CI_DIR, "harness")


def render_harness(scorer, workdir, empty=False, excluded_types=(), excluded_operations=()):
    """`datadog-codegen-conformance harness`: the round-trip and replay sources of .ci/harness, rendered
    from the dump. -> its report (examples, skipped, replay functions, owners of generated lines)."""
    cmd = [scorer, "harness", "--dump", os.path.join(workdir, "dump.json"), "--package", HARNESS_PKG,
           "--report", os.path.join(workdir, "harness.json")]
    if empty:
        cmd.append("--empty")
    for flag, items, name in (("--exclude-types", excluded_types, "harness-exclude-types.json"),
                              ("--exclude-operations", excluded_operations, "harness-exclude-operations.json")):
        if items:
            path = os.path.join(workdir, name)
            with open(path, "w") as f:
                json.dump(sorted(items), f)
            cmd += [flag, path]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        print(r.stdout[-4000:])
        sys.exit("conformance: datadog-codegen-conformance harness failed")
    with open(os.path.join(workdir, "harness.json")) as f:
        return json.load(f)


def op_key(key):
    """`v2.ListFoo` -> ("v2", "ListFoo")"""
    version, _, operation_id = key.partition(".")
    return (version, operation_id)


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


def prepare_package(gen_dir, targets):
    """The generated SDK into .ci/harness/SDK/<target> (the package's manifest lists the folders);
    targets: [[module, harness target]] from the harness report."""
    sdk = os.path.join(HARNESS_PKG, "SDK")
    os.makedirs(sdk, exist_ok=True)
    modules = []
    for module, target in targets:
        if os.path.isdir(os.path.join(gen_dir, module)):
            sync_tree(os.path.join(gen_dir, module), os.path.join(sdk, target))
            modules.append(module)
    for name in os.listdir(sdk):
        if name not in {t for m, t in targets if m in modules}:
            path = os.path.join(sdk, name)
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    # pin the dependencies like the root package, so that no new resolution is needed
    root_resolved = os.path.join(REPO, "Package.resolved")
    if os.path.exists(root_resolved) and not os.path.exists(os.path.join(HARNESS_PKG, "Package.resolved")):
        shutil.copyfile(root_resolved, os.path.join(HARNESS_PKG, "Package.resolved"))
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
    # GNU time reports the largest process's peak memory; without it only the sampled tree peak is known.
    timer = ["/usr/bin/time", "-v"] if os.access("/usr/bin/time", os.X_OK) else []
    cmd = timer + ["swift", "build", "-c", "debug", "--disable-index-store", "--package-path", HARNESS_PKG,
                   "--scratch-path", os.path.join(pkg, ".build")]
    if product:
        cmd += ["--product", product]
    if jobs:
        cmd += ["-j", str(jobs)]
    t0 = time.time()
    with open(log_path, "w") as out:
        # the harness manifest's module list (.ci/harness/Package.swift)
        env = dict(os.environ, CONFORMANCE_SDK_MODULES=",".join(sorted(
            d for d in os.listdir(os.path.join(HARNESS_PKG, "SDK")) if os.path.isdir(os.path.join(HARNESS_PKG, "SDK", d)))))
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
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
    if v is MISSING:
        return "(absent)"
    s = json.dumps(v)
    return s if len(s) <= 60 else s[:57] + "..."


def run_roundtrip(pkg, scorer, examples, workdir, build_log_prefix, args):
    """Builds the harness (dropping types that do not compile), runs it, compares. -> dict"""
    excluded = {}
    result = {}
    for attempt in range(3):
        line_map = render_harness(scorer, workdir, excluded_types=excluded)["roundtrip_lines"]
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
            for n in line_map.get(f"{os.path.basename(e['file'])}:{e['line']}", []):
                excluded[n] = e["msg"]
        if not any(line_map.get(f"{os.path.basename(e['file'])}:{e['line']}") for e in harness_errs):
            result["error"] = "the harness does not build: " + harness_errs[0]["msg"]
            return result
    else:
        result["error"] = "the harness does not build after dropping types"
        return result
    exe = os.path.join(pkg, ".build", "debug", "RoundTrip")
    todo = [e for e in examples if e["harness_type"] not in excluded]
    inp = os.path.join(workdir, "roundtrip-input.json")
    with open(inp, "w") as f:
        json.dump([{"id": e["id"], "type": e["harness_type"], "json": e["json"]} for e in todo], f)
    outp = os.path.join(workdir, "roundtrip-output.jsonl")
    t0 = time.time()
    with open(outp, "w") as out:
        r = subprocess.run([exe, inp], stdout=out, stderr=subprocess.PIPE, text=True)
    result["run_s"] = round(time.time() - t0, 1)
    # judged by `datadog-codegen-conformance roundtrip` (prints the failures, categories and summary line)
    excluded_path = os.path.join(workdir, "roundtrip-excluded.json")
    with open(excluded_path, "w") as f:
        json.dump(excluded, f)
    judged_path = os.path.join(workdir, "roundtrip-result.json")
    cmd = [scorer, "roundtrip", "--harness", os.path.join(workdir, "harness.json"), "--output", outp,
           "--excluded", excluded_path, "--build-seconds", str(result["build"]["wall_s"]),
           "--run-seconds", str(result["run_s"]), "--result", judged_path]
    if r.returncode != 0:
        cmd += ["--crash", f"exit {r.returncode}: {r.stderr[-500:]}"]
    j = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    if j.returncode != 0:
        sys.exit("conformance: datadog-codegen-conformance roundtrip failed")
    result["report"] = j.stdout
    with open(judged_path) as f:
        result.update(json.load(f))
    return result


# ----------------------------------------------------------------------------------------------
# figure 6: replay of recorded traffic (cassettes)

def paged_replay_calls(R):
    """One wrapper call per scenario with `main_page` interactions, with the main call's arguments."""
    calls = []
    by_cassette = collections.defaultdict(list)
    for c, meta in zip(R["calls"], R["meta"]):
        by_cassette[c["cassette"]].append((c, meta))
    for ci, items in sorted(by_cassette.items()):
        if not any(meta["role"] == "main_page" for _c, meta in items):
            continue
        main = next((c for c, meta in items if meta["role"] == "main"), items[0][0])
        calls.append(dict(main, id=len(R["calls"]) + len(calls), operationId=main["operationId"] + "Paginated",
                          pages=[c["interaction"] for c, _m in items]))
    return calls


def report_paged_replay(R, paged, outputs, funcs):
    """`replay paginated: N passed, M failed`: a wrapper call passes when its requests matched the recorded
    main and pagination interactions, in order (a last request past the recordings is allowed)."""
    passed, failed = 0, []
    for c in paged:
        name = R["cassettes"][c["cassette"]]["name"]
        o = outputs.get(c["id"])
        reason = None
        if (c["version"], c["operationId"]) not in funcs:
            reason = "no …Paginated method"
        elif o is None:
            reason = "no result"
        elif o.get("outcome") != "ok":
            reason = f"{o.get('outcome')}: {str(o.get('error') or o.get('status'))[:200]}"
        else:
            matched = [r.get("matched") for r in o.get("requests") or []]
            if matched[:len(c["pages"])] != c["pages"] or len(matched) > len(c["pages"]) + 1:
                reason = f"requests matched {matched[:12]}, recorded pages {c['pages'][:12]}"
        if reason:
            failed.append((name, reason))
            print(f"   paginated {name}: {reason}")
        else:
            passed += 1
    print(f"replay paginated: {passed} passed, {len(failed)} failed")
    return passed, failed


def url_segments(url):
    from urllib.parse import urlsplit, unquote
    return [unquote(s) for s in urlsplit(url).path.split("/")]


def is_multipart_op(op):
    return bool(op) and (op.get("request") or {}).get("encoding") == "multipart"


def recorded_form_parts(req):
    """The parts of a recorded multipart/form-data request: {name: {"filename", "data" (bytes)}}.

    Raw bodies (text/base64 with a boundary in the recorded Content-Type) are split; a JSON object
    body gives one text part per member."""
    import base64
    bf, body = req.get("body_format"), req.get("body")
    if bf == "json" and isinstance(body, dict):
        return {k: {"filename": None, "data": (v if isinstance(v, str) else json.dumps(v)).encode("utf-8")}
                for k, v in body.items()}
    ct = {k.lower(): v for k, v in (req.get("headers") or {}).items()}.get("content-type") or ""
    raw = base64.b64decode(body or "") if bf == "base64" else (body or "").encode("utf-8") if bf == "text" else b""
    m = re.search(r'boundary="?([^";]+)"?', ct)
    return {p["name"]: p for p in split_multipart(raw, m.group(1))} if raw and m else {}


def split_multipart(raw, boundary):
    """[{name, filename, content_type, data}] of a multipart/form-data body (tolerant)."""
    out = []
    delim = b"--" + boundary.encode("latin-1")
    for section in raw.split(delim)[1:]:
        if section.startswith(b"--"):
            break
        section = section[2:] if section.startswith(b"\r\n") else section
        head, sep, data = section.partition(b"\r\n\r\n")
        if not sep:
            continue
        if data.endswith(b"\r\n"):
            data = data[:-2]
        text = head.decode("utf-8", "replace")
        name = re.search(r'name="([^"]*)"', text)
        filename = re.search(r'filename="([^"]*)"', text)
        ctype = re.search(r"(?im)^content-type:\s*(.+)$", text)
        out.append({"name": name.group(1) if name else "", "filename": filename.group(1) if filename else None,
                    "content_type": ctype.group(1).strip() if ctype else None, "data": data})
    return out


def form_arguments(op, inter, doc):
    """Arguments of a multipart/form-data call: (text args by wire name, files by wire name).

    A file parameter takes the recorded part's bytes and file name when the recording holds the raw
    body; otherwise the scenario's request parameter names it (a fixture path): the harness sends
    bytes made from that path, with its last component as the file name."""
    import base64
    recorded = recorded_form_parts(inter.get("request") or {})
    params = {p.get("name"): p for p in doc.get("request_parameters") or []}
    args, files = {}, {}
    for q in op.get("parameters") or []:
        if q.get("in") != "form":
            continue
        name = q.get("name")
        part, param = recorded.get(name), params.get(name)
        given = None
        for k in ("value", "literal", "from"):
            v = (param or {}).get(k)
            if isinstance(v, (str, int, float, bool)):
                given = v
                break
        if q.get("swift_type") == "DatadogFile":
            if part is not None and part.get("filename") is not None:
                data, filename = part["data"], part["filename"]
            elif given is not None:
                data, filename = f"replay file {given}".encode("utf-8"), os.path.basename(str(given)) or name
            else:
                continue
            files[name] = {"fileName": filename, "data": base64.b64encode(data).decode("ascii"),
                           "contentType": (part or {}).get("content_type") or "application/octet-stream"}
        elif part is not None:
            args[name] = part["data"].decode("utf-8", "replace")
        elif given is not None:
            args[name] = str(given).lower() if isinstance(given, bool) else str(given)
    return args, files


def multipart_diffs(sent, meta):
    """Differences between the multipart body the SDK sent and the parts the call meant to send
    (and the parts the recording shows, when it holds the raw body)."""
    import base64
    ct = sent.get("content_type") or ""
    m = re.search(r'boundary="?([^";]+)"?', ct)
    if media_type(ct) != "multipart/form-data" or not m:
        return [f"request: content type {media_type(ct)}, expected multipart/form-data with a boundary"]
    got = {p["name"]: p for p in split_multipart(base64.b64decode(sent.get("body_b64") or ""), m.group(1))}
    args, files = meta["form"]
    out = []
    want_names = set(args) | set(files)
    recorded = recorded_form_parts(meta["interaction"].get("request") or {})
    if recorded:
        want_names |= set(recorded)
    if set(got) != want_names:
        out.append(f"request: multipart parts {sorted(got)}, expected {sorted(want_names)}")
    for name, f in files.items():
        p = got.get(name)
        if p is not None and (p["filename"] != f["fileName"] or p["data"] != base64.b64decode(f["data"])):
            out.append(f"request: multipart file part {name} differs from the file passed")
    for name, text in args.items():
        p = got.get(name)
        if p is not None and p["data"].decode("utf-8", "replace") != text:
            out.append(f"request: multipart part {name}: sent {p['data'][:60]!r}, recorded {text[:60]!r}")
    return out


def collect_replay(dump, cassettes_dir, only=None):
    """-> dict(cassettes=[...for Swift], calls=[...for Swift], meta=[per call], skipped=Counter, by_path=[...])"""
    import base64
    ops, by_route = {}, {}
    for p in dump.get("pages", []):
        for op in p.get("operations", []):
            ops.setdefault((op.get("version"), op.get("operation_id")), op)
            by_route.setdefault((op.get("version"), op.get("method"), op.get("path")), op)
    files = []
    for root, _d, fs in os.walk(cassettes_dir):
        for fn in fs:
            if fn.endswith(".json"):
                files.append(os.path.join(root, fn))
    files.sort()
    R = {"cassettes": [], "calls": [], "meta": [], "skipped": collections.Counter(), "skipped_examples": [],
         "by_route": [], "scenarios": 0}
    for path in files:
        rel = os.path.relpath(path, cassettes_dir)
        if only and not any(rel.startswith(o.rstrip("/") + "/") or rel.split("/")[1:2] == [o] for o in only):
            continue
        with open(path) as f:
            d = json.load(f)
        inters = d.get("interactions") or []
        mains = [i for i in inters if i.get("role") in ("main", "main_page")]
        if not mains:
            R["skipped"]["no main interaction"] += 1
            continue
        resolved = []
        for i in mains:
            version = i.get("operation_version") or d.get("version")
            op = ops.get((version, i.get("operation_id")))
            how = "operation_id"
            if op is None:
                op = by_route.get((version, i.get("method"), i.get("path_template")))
                how = "route"
            resolved.append((i, version, op, how))
        if any(op is None for _i, _v, op, _h in resolved):
            R["skipped"]["operation not defined by the pages"] += len(mains)
            R["skipped_examples"].append(f"{rel}: {mains[0].get('operation_id')}")
            continue
        R["scenarios"] += 1
        ci = len(R["cassettes"])
        served = []
        for it in inters:
            req, resp = it.get("request") or {}, it.get("response") or {}
            rbf = req.get("body_format")
            rct = media_type({k.lower(): v for k, v in (req.get("headers") or {}).items()}.get("content-type")) or ""
            multipart = rct.startswith("multipart/") or is_multipart_op(
                ops.get((it.get("operation_version") or d.get("version"), it.get("operation_id"))))
            body = json.dumps(req.get("body"), ensure_ascii=False) if rbf == "json" else None
            bf = resp.get("body_format")
            if bf == "json":
                raw = json.dumps(resp.get("body"), ensure_ascii=False).encode("utf-8")
            elif bf == "base64":
                raw = base64.b64decode(resp.get("body") or "")
            elif bf == "text":
                raw = (resp.get("body") or "").encode("utf-8")
            else:
                raw = b""
            ct = {k.lower(): v for k, v in (resp.get("headers") or {}).items()}.get("content-type")
            served.append({
                "index": it.get("index"), "method": it.get("method"), "segments": url_segments(it.get("url")),
                "query": [[k, v] for k, vs in (it.get("query_params") or {}).items() for v in vs],
                "body": None if multipart else body, "bodyOpaque": multipart or rbf not in ("json", "empty", None),
                "status": resp.get("status_code"), "contentType": ct,
                "responseBody": base64.b64encode(raw).decode("ascii"),
            })
        R["cassettes"].append({"name": rel, "interactions": served})
        for i, version, op, how in resolved:
            args = {}
            notes = []
            headers = {k.lower(): v for k, v in ((i.get("request") or {}).get("headers") or {}).items()}
            known = set()
            for q in op.get("parameters") or []:
                name, where = q.get("name"), q.get("in")
                known.add((where, name))
                if where == "path":
                    v = (i.get("path_params") or {}).get(name)
                    if v is not None:
                        args[name] = str(v)
                elif where == "query":
                    vs = (i.get("query_params") or {}).get(name)
                    if vs:
                        args[name] = ",".join(vs)
                elif where == "header":
                    v = headers.get(name.lower())
                    if v is not None:
                        args[name] = v
            for name in (i.get("query_params") or {}):
                if ("query", name) not in known:
                    notes.append(f"recorded query parameter {name} is not a parameter of the operation")
            req = i.get("request") or {}
            body = json.dumps(req.get("body"), ensure_ascii=False) if req.get("body_format") == "json" else None
            form = None
            if is_multipart_op(op):
                form_args, files = form_arguments(op, i, d)
                args.update(form_args)
                form, body = (form_args, files), None
            cid = len(R["calls"])
            R["calls"].append({"id": cid, "cassette": ci, "interaction": i.get("index"), "version": version,
                               "operationId": op.get("operation_id"), "args": args, "body": body,
                               "files": form[1] if form else None})
            R["meta"].append({"cassette": rel, "role": i.get("role"), "interaction": i, "op": op, "how": how,
                              "notes": notes, "doc": d, "form": form})
            if how == "route":
                R["by_route"].append((rel, i.get("operation_id"), op.get("operation_id")))
    return R


def split_target(target):
    from urllib.parse import unquote_plus, unquote
    path, _, query = target.partition("?")
    segs = [unquote(s) for s in path.split("/")]
    items = []
    if query:
        for item in query.split("&"):
            k, _, v = item.partition("=")
            items.append((unquote_plus(k), unquote_plus(v)))
    return segs, items


def media_type(ct):
    return (ct or "").split(";")[0].strip().lower() or None


def request_diffs(sent, inter, notes, meta=None):
    """Differences between the request the SDK sent and the recorded one (list of reasons)."""
    import base64
    out = []
    form = (meta or {}).get("form")
    if sent["method"] != inter.get("method"):
        out.append(f"request: method {sent['method']}, recorded {inter.get('method')}")
    segs, items = split_target(sent["target"])
    want = url_segments(inter.get("url"))
    if segs != want:
        out.append(f"request: path {'/'.join(segs)}, recorded {'/'.join(want)}")
    got_q = collections.defaultdict(list)
    for k, v in items:
        got_q[k].append(v)
    want_q = {k: list(vs) for k, vs in (inter.get("query_params") or {}).items()}
    for k in sorted(set(got_q) | set(want_q)):
        g, w = got_q.get(k), want_q.get(k)
        if g == w:
            continue
        if w is None:
            out.append(f"request: query {k}={','.join(g)} sent, not recorded")
        elif g is None:
            hint = "; " + "; ".join(n for n in notes if f" {k} " in n) if any(f" {k} " in n for n in notes) else ""
            out.append(f"request: query {k}={','.join(w)} recorded, not sent{hint}")
        else:
            out.append(f"request: query {k}: sent {g}, recorded {w}")
    req = inter.get("request") or {}
    body = base64.b64decode(sent.get("body_b64") or "")
    if form is not None:
        out += multipart_diffs(sent, meta)
    elif req.get("body_format") == "json":
        if not body:
            out.append("request: no body sent, recorded a JSON body")
        else:
            try:
                got = json.loads(body)
            except ValueError:
                out.append(f"request: body is not JSON ({body[:60]!r})")
            else:
                diff = json_equal(req.get("body"), got)
                if diff:
                    out.append("request: body " + diff)
    elif req.get("body_format") == "empty" and body:
        out.append(f"request: body sent ({len(body)} bytes), none recorded")
    rct = media_type({k.lower(): v for k, v in (req.get("headers") or {}).items()}.get("content-type"))
    sct = media_type(sent.get("content_type"))
    if body and rct and rct != sct:
        out.append(f"request: content type {sct}, recorded {rct}")
    return out


def decode_error_summary(text):
    """The client's decoding error -> 'decode T: typeMismatch at $.a[0].b: Expected to decode String but found number'"""
    m = re.match(r"decode (\S+): DecodingError\.(\w+): (.*?)(?:\.? Path: (.*?))?(?:\. Debug description: (.*))?$", text, re.S)
    if not m:
        return text[:300]
    typ, kind, msg, path, dd = m.groups()
    path = "$" + ("" if not path else ("" if path.startswith("[") else ".") + path)
    msg = msg.strip().rstrip(".")
    if kind == "dataCorrupted" and dd:
        msg = (msg + ": " + dd.strip()) if msg else dd.strip()
    return f"decode {typ}: {kind} at {path}: {msg}"[:400]


def assertion_path_value(doc, path):
    """'a.b[0][1].c' -> value, or a sentinel when absent."""
    v = doc
    for key, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path or ""):
        try:
            v = v[key] if key else v[int(index)]
        except (KeyError, IndexError, TypeError, ValueError):
            return MISSING
    return v


MISSING = object()


def items_count(doc):
    if isinstance(doc, list):
        return len(doc)
    if isinstance(doc, dict):
        if isinstance(doc.get("data"), list):
            return len(doc["data"])
        lists = [v for v in doc.values() if isinstance(v, list)]
        if len(lists) == 1:
            return len(lists[0])
    return None


def check_assertion(a, doc, outcome_ok, status, pages_docs):
    """-> None when it holds, else a reason; 'skip' when not evaluable."""
    kind = a.get("kind")
    if kind == "status":
        want = a.get("status")
        if 200 <= (want or 0) < 300:
            return None if outcome_ok else f"status {want} expected, got {status}"
        return None if status == want else f"status {want} expected, got {status if status else 'success'}"
    if kind == "items":
        if any(d is None for d in pages_docs):
            return "skip"
        counts = [items_count(d) for d in pages_docs]
        if any(c is None for c in counts):
            return "skip"
        return None if sum(counts) == a.get("count") else f"{a.get('count')} items expected, got {sum(counts)}"
    if doc is None:
        return "skip"
    v = assertion_path_value(doc, a.get("path"))
    if kind in ("equal", "same_value"):
        if v is MISSING:
            if a.get("expected") is None:
                return None  # absent == null
            return f"{a.get('path')} is absent, expected {short(a.get('expected'))}"
        d = json_equal(a.get("expected"), v)
        return None if d is None else f"{a.get('path')} is {short(v)}, expected {short(a.get('expected'))}"
    if kind == "false":
        return None if v is False else f"{a.get('path')} is {short(None if v is MISSING else v)}, expected false"
    if kind == "length":
        return None if isinstance(v, (list, dict, str)) and len(v) == a.get("length") else \
            f"{a.get('path')} has length {len(v) if isinstance(v, (list, dict, str)) else '-'}, expected {a.get('length')}"
    if kind in ("has_field", "no_field"):
        fv = assertion_path_value(v, a.get("field")) if v is not MISSING else MISSING
        present = fv is not MISSING and fv is not None
        if kind == "has_field":
            return None if present else f"{a.get('path')} has no field {a.get('field')}"
        return None if not present else f"{a.get('path')} has field {a.get('field')}"
    if kind == "array_contains_value":
        if isinstance(v, list) and any(json_equal(a.get("expected"), x) is None for x in v):
            return None
        return f"{a.get('path')} does not contain {short(a.get('expected'))}"
    if kind == "array_contains_object":
        if isinstance(v, list) and any(json_equal(a.get("expected"), assertion_path_value(x, a.get("field"))) is None
                                       for x in v):
            return None
        return f"{a.get('path')} has no item with {a.get('field')} = {short(a.get('expected'))}"
    return "skip"


def judge_replay(R, outputs):
    """-> (failures [(label, reasons)], passed, stats)"""
    import base64
    failures, passed = [], 0
    stats = collections.Counter()
    docs = {}  # call id -> (doc or None, ok, status)
    per_call_reasons = {}
    for c, meta in zip(R["calls"], R["meta"]):
        o = outputs.get(c["id"])
        inter, op = meta["interaction"], meta["op"]
        resp = inter.get("response") or {}
        rstatus = resp.get("status_code") or 0
        reasons = []
        doc, ok, status = None, False, None
        if o is None:
            reasons.append("harness: no result (crashed before this call?)")
        else:
            sent = o.get("requests") or []
            if not sent:
                reasons.append(o.get("error") or "harness: no request sent")
            else:
                if len(sent) > 1:
                    reasons.append(f"request: {len(sent)} requests sent for one call")
                reasons += request_diffs(sent[0], inter, meta["notes"], meta)
            outcome = o.get("outcome")
            if sent:
                if 200 <= rstatus < 300:
                    if outcome == "ok":
                        ok = True
                        if "json" in o:
                            doc = json.loads(o["json"])
                            if resp.get("body_format") == "json":
                                d = json_equal(resp.get("body"), doc)
                                if d:
                                    reasons.append("response: re-encoded " + d)
                            elif resp.get("body_format") in ("text", "base64"):
                                reasons.append(f"response: {resp.get('body_format')} body decoded as JSON")
                        elif "data_b64" in o:
                            got = base64.b64decode(o["data_b64"])
                            bf = resp.get("body_format")
                            want = base64.b64decode(resp.get("body") or "") if bf == "base64" else \
                                (resp.get("body") or "").encode("utf-8") if bf == "text" else \
                                json.dumps(resp.get("body")).encode() if bf == "json" else b""
                            if bf == "json":
                                try:
                                    if json_equal(resp.get("body"), json.loads(got)):
                                        reasons.append("response: data body differs")
                                except ValueError:
                                    # a text result of a JSON string body: the string itself
                                    if resp.get("body") != got.decode("utf-8", "replace"):
                                        reasons.append("response: data body differs")
                            elif got != want:
                                reasons.append("response: data body differs")
                        else:
                            stats["success responses not modelled (Void)"] += resp.get("body_format") == "json"
                    elif outcome == "client_error":
                        reasons.append("response: " + decode_error_summary(o.get("error", "")))
                    elif outcome == "api_error":
                        reasons.append(f"response: {rstatus} answered, the SDK threw DatadogAPIError {o.get('status')}")
                    elif outcome == "error" and o.get("error"):
                        reasons.append("response: " + o["error"])
                else:
                    if outcome == "api_error":
                        status = o.get("status")
                        if status != rstatus:
                            reasons.append(f"response: DatadogAPIError status {status}, recorded {rstatus}")
                        body = resp.get("body") if resp.get("body_format") == "json" else None
                        if "json" in o:
                            doc = json.loads(o["json"])
                        elif body is not None:
                            doc = body
                        if isinstance(body, dict) and "errors" in body:
                            if "json" not in o:
                                reasons.append("response: errors body not decoded into errorResponse")
                            else:
                                d = json_equal(body, doc)
                                if d:
                                    reasons.append("response: errorResponse re-encoded " + d)
                        stats["error responses"] += 1
                    else:
                        reasons.append(f"response: {rstatus} answered, the SDK returned {outcome}"
                                       + (f" ({o.get('error')[:200]})" if o.get("error") else ""))
        docs[c["id"]] = (doc, ok, status if status is not None else (None if ok else o and o.get("status")))
        per_call_reasons[c["id"]] = reasons
    # assertions: on the role=main call; `items` over main + main_page calls of the cassette
    by_cassette = collections.defaultdict(list)
    for c, meta in zip(R["calls"], R["meta"]):
        by_cassette[meta["cassette"]].append((c, meta))
    for name, calls in by_cassette.items():
        main = [x for x in calls if x[1]["role"] == "main"]
        if not main:
            continue
        c, meta = main[-1]
        doc, ok, status = docs[c["id"]]
        pages_docs = [docs[x[0]["id"]][0] for x in calls]
        failed_calls = [x for x in calls if any(not r.startswith("request:") for r in per_call_reasons[x[0]["id"]])]
        for a in meta["doc"].get("assertions") or []:
            if failed_calls:
                stats["assertions not checked (the call failed before)"] += 1
                continue
            if not a.get("holds_on_recording", True):
                stats["assertions not holding on the recording (skipped)"] += 1
                continue
            # evaluate on the recording first: an assertion this evaluator cannot verify there is skipped
            rec_resp = meta["interaction"].get("response") or {}
            rec_doc = rec_resp.get("body") if rec_resp.get("body_format") == "json" else None
            rec_pages = [(x[1]["interaction"].get("response") or {}).get("body") for x in calls]
            rec_ok = 200 <= (rec_resp.get("status_code") or 0) < 300
            if check_assertion(a, rec_doc, rec_ok, rec_resp.get("status_code"), rec_pages) is not None:
                stats["assertions not evaluable (skipped)"] += 1
                continue
            stats["assertions checked"] += 1
            r = check_assertion(a, doc, ok, status, pages_docs)
            if r is not None and r != "skip":
                per_call_reasons[c["id"]].append(f"assertion: {a.get('kind')}: {r}")
    for c, meta in zip(R["calls"], R["meta"]):
        reasons = per_call_reasons[c["id"]]
        label = meta["cassette"] + ("" if meta["role"] == "main" else f"#{c['interaction']}")
        if reasons:
            failures.append((label, reasons, meta))
        else:
            passed += 1
    return failures, passed, stats


def decode_category(prefix, r):
    m = re.match(r"decode \S+: (\w+) at \S+: (.*)", r, re.S)
    if not m:
        return prefix + " (other)"
    kind, msg = m.groups()
    if kind == "valueNotFound" and "found null" in msg:
        what = re.search(r"of type (.*?) but", msg)
        what = what.group(1) if what else "a value"
        what = {"Dictionary<String, Any>": "an object", "Array<Any>": "an array"}.get(what, what)
        return f"{prefix} valueNotFound: null where {what} is required"
    if kind == "typeMismatch":
        mm = re.search(r"[Ee]xpected to decode (.*?) but found (an? \w+|[\w ]+?)(?: instead)?$", msg)
        if mm:
            return f"{prefix} typeMismatch: expected {mm.group(1)}, found {mm.group(2)}"
    if kind == "keyNotFound":
        return f"{prefix} keyNotFound: required key absent"
    msg = re.sub(r"'[^']*'|\"[^\"]*\"|\d+", "…", msg)
    return f"{prefix} {kind}: {msg[:80]}"


def json_change_category(r, arrays=True):
    """How two JSON documents differ, from a comparison message (None: no known kind)."""
    if "dropped" in r:
        return "value dropped"
    if "added" in r:
        return "value added"
    if re.search(r'"\d{4}-\d\d-\d\d', r):
        return "date-time text changed"
    if "number" in r:
        return "number changed"
    if arrays and "array of" in r:
        return "array length changed"
    return None


def replay_category(reason):
    r = re.sub(r"\[\d+\]", "[]", reason)
    if r.startswith("response: decode"):
        return decode_category("response decode", r[len("response: "):])
    if r.startswith("response: re-encoded") or r.startswith("response: errorResponse re-encoded"):
        pre = "response re-encode" if r.startswith("response: re-") else "errorResponse re-encode"
        return f"{pre}: " + (json_change_category(r) or "value changed")
    if r.startswith("request: body"):
        change = json_change_category(r, arrays=False)
        return "request body: " + (change or ("not JSON" if "not JSON" in r else "value changed"))
    if r.startswith("request: query"):
        if "not a parameter of the operation" in r:
            return "request query: recorded parameter unknown to the operation"
        if "recorded, not sent" in r:
            return "request query: recorded, not sent"
        if "sent, not recorded" in r:
            return "request query: sent, not recorded"
        return "request query: value differs"
    if r.startswith("request: path"):
        return "request path differs"
    if r.startswith("request:"):
        return re.sub(r"\(.*\)|\d+", "N", r.split(",")[0])[:80]
    if r.startswith("argument:"):
        return re.sub(r"(parameter|argument:) \S+", r"\1 X", r.split("=")[0])[:80] if "=" not in r else "argument: value not convertible"
    if r.startswith("request body does not decode"):
        return decode_category("request body decode", "decode X: " + r.split(": ", 1)[1])
    if r.startswith("assertion:"):
        return "assertion: " + r.split(":")[1].strip()
    if r.startswith("harness:"):
        return re.sub(r"[\w.]+\.\w+$", "X", r)[:80]
    if r.startswith("response:"):
        return re.sub(r"\d{3}", "N", re.sub(r"\(.*", "", r))[:90]
    return r[:80]


def run_replay(pkg, scorer, R, funcs, workdir, build_log_prefix):
    """Builds the Replay harness (dropping operations whose function does not compile), runs it. -> dict"""
    excluded, result = {}, {}
    for attempt in range(3):
        line_map = render_harness(scorer, workdir,
                                  excluded_operations=[f"{v}.{o}" for v, o in excluded])["replay_lines"]
        b = swift_build(pkg, f"{build_log_prefix}-replay{attempt}.log", product="Replay")
        result["build"] = b
        if b["rc"] == 0:
            break
        errs, _ = categorize_errors(b["text"])
        h_errs = [e for e in errs if "/Replay/" in e["file"]]
        if [e for e in errs if "/Replay/" not in e["file"]] or not h_errs:
            result["error"] = "the replay harness does not build" + ("" if h_errs else " (errors outside Replay/)")
            return result
        hit = False
        for e in h_errs:
            for k in line_map.get(f"{os.path.basename(e['file'])}:{e['line']}", []):
                excluded.setdefault(op_key(k), e["msg"])
                hit = True
        if not hit:
            result["error"] = "the replay harness does not build: " + h_errs[0]["msg"]
            return result
    else:
        result["error"] = "the replay harness does not build after dropping operations"
        return result
    result["excluded"] = excluded
    exe = os.path.join(pkg, ".build", "debug", "Replay")
    inp = os.path.join(workdir, "replay-input.json")
    unstable = sorted(f"{v}.{o}" for (v, o) in funcs)
    with open(inp, "w") as f:
        json.dump({"cassettes": R["cassettes"], "calls": R["calls"] + R.get("paged", []), "unstable": unstable}, f)
    outp = os.path.join(workdir, "replay-output.jsonl")
    t0 = time.time()
    with open(outp, "w") as out, open(os.path.join(workdir, "replay.stderr"), "w") as err:
        try:
            r = subprocess.run([exe, inp], stdout=out, stderr=err, timeout=3600)
            rc = r.returncode
        except subprocess.TimeoutExpired:
            rc = "timeout"
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
    if rc != 0:
        with open(os.path.join(workdir, "replay.stderr")) as f:
            result["crash"] = f"exit {rc}: {f.read()[-500:]}"
    result["outputs"] = outputs
    return result


def report_replay(R, rr, missing_funcs, n):
    """Prints figure 6; returns (passed, failed, failures)."""
    outputs = rr.get("outputs", {})
    # calls whose operation has no harness function fail with that reason
    for c in R["calls"]:
        key = (c["version"], c["operationId"])
        if c["id"] not in outputs and (key in missing_funcs or key in rr.get("excluded", {})):
            why = missing_funcs.get(key) or f"harness: the call does not compile: {rr['excluded'][key][:200]}"
            outputs[c["id"]] = {"id": c["id"], "outcome": "error", "error": why, "requests": []}
    failures, passed, stats = judge_replay(R, outputs)
    for label, reasons, _m in failures:
        print(f"{label}: {'; '.join(reasons)[:600]}")
    cats = collections.defaultdict(list)
    invalid_input = 0
    for label, reasons, meta in failures:
        cats[replay_category(reasons[0])].append((label, reasons[0]))
        status = (meta["interaction"].get("response") or {}).get("status_code") or 0
        if status >= 400 and (reasons[0].startswith("argument:") or reasons[0].startswith("request body does not decode")):
            invalid_input += 1
    all_cats = collections.Counter(replay_category(r) for _l, reasons, _m in failures for r in reasons)
    print(f"   replay run {rr.get('run_s')}s; {R['scenarios']} scenarios, {len(R['calls'])} calls "
          f"(main + main_page); skipped: " +
          (", ".join(f"{v} calls: {k}" for k, v in R["skipped"].most_common()) or "none"))
    for e in R["skipped_examples"][:n]:
        print(f"   skipped {e}")
    if R["by_route"]:
        print(f"   {len(R['by_route'])} calls matched by method + path because the operation id differs, e.g. " +
              ", ".join(f"{a} (recorded {b}, pages {c})" for a, b, c in R["by_route"][:3]))
    for k, v in sorted(stats.items()):
        print(f"   {k}: {v}")
    if rr.get("crash"):
        print(f"   harness crashed: {rr['crash']}")
    print("   failures by first cause:")
    for k, v in sorted(cats.items(), key=lambda kv: -len(kv[1])):
        print(f"   {len(v):6d} {k}")
        for label, reason in v[:2]:
            print(f"          e.g. {label}: {reason[:220]}")
    print("   all causes (a call may have several):")
    for k, v in all_cats.most_common():
        print(f"   {v:6d} {k}")
    print(f"   {invalid_input} of the failures are error scenarios (4xx recorded) whose request is invalid input "
          f"that the typed API cannot express (argument / request body does not decode)")
    print(f"replay: {passed} passed, {len(failures)} failed")
    return passed, len(failures), failures


# ----------------------------------------------------------------------------------------------
# main


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages")
    ap.add_argument("truth")
    ap.add_argument("cassettes", nargs="?",
                    help="folder of recorded scenarios (v1|v2/<feature>/<scenario>.json): replay them against the SDK")
    ap.add_argument("--replay-only", action="append", metavar="FEATURE",
                    help="replay only these cassette folders (`status-pages` or `v2/status-pages`; repeatable) "
                         "and skip the example round trip")
    ap.add_argument("--no-build", action="store_true", help="skip the SDK build and the round trip")
    ap.add_argument("--record", action="store_true",
                    help="rewrite the levels file and the expected-failure lists with the current figures")
    ap.add_argument("--levels", default=LEVELS_FILE, help="levels file (default .ci/conformance-levels.json)")
    ap.add_argument("--expected-failures", default=os.path.join(CI_DIR, "expected-failures"), metavar="DIR",
                    help="folder of the expected-failure lists (default .ci/expected-failures)")
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
    ap.add_argument("--tags-from", metavar="FILE",
                    help="score only the tags (page folders) listed in FILE, one a line (leave-tags-out folds)")
    ap.add_argument("--exclude-tags-from", metavar="FILE", help="leave out the tags listed in FILE")
    ap.add_argument("--strip-code-examples", action="store_true",
                    help="generate from copies of the pages without their client code examples (curl stays): "
                         "names and flags as for pages published without examples")
    args = ap.parse_args()

    pages = os.path.abspath(args.pages)
    truth_dir = os.path.abspath(args.truth)
    workdir = os.path.abspath(args.workdir)
    os.makedirs(workdir, exist_ok=True)
    t_start = time.time()
    cassettes = os.path.abspath(args.cassettes) if args.cassettes else None
    if cassettes and not os.path.isdir(cassettes):
        sys.exit(f"conformance: no cassette folder {cassettes}")

    # figures 1-4: the Swift scorer runs the generator (dump + generate into WORKDIR) and prints them
    originals = pages
    codegen = find_codegen(args)
    scorer = find_scorer(args)
    report_path = os.path.join(workdir, "figures.json")
    cmd = [scorer, originals, truth_dir, "--codegen", codegen, "--workdir", workdir, "--examples", str(args.examples),
           "--report", report_path]
    for flag, value in (("--tags-from", args.tags_from), ("--exclude-tags-from", args.exclude_tags_from)):
        if value:
            cmd += [flag, os.path.abspath(value)]
    if args.strip_code_examples:
        cmd.append("--strip-code-examples")
    sys.stdout.flush()
    if subprocess.run(cmd).returncode != 0:
        sys.exit("conformance: datadog-codegen-conformance failed")
    with open(report_path) as f:
        FR = json.load(f)
    subset = FR.get("subset")
    if subset:
        pages = os.path.join(workdir, "pages-view")
    with open(os.path.join(workdir, "dump.json")) as f:
        dump = json.load(f)
    gen_dir = os.path.join(workdir, "generated")
    n = args.examples
    figures = {k + "_pct": pct(FR[k]["ok"], FR[k]["total"]) for k in ("rows", "names", "operations", "unstable")}
    figures["types"] = type_fig = FR["types"]
    failing = {k: [(i["item"], i["detail"]) for i in v] for k, v in FR["failing"].items()}

    # 5. build + round trip
    build_info = rt = None
    if not args.no_build:
        print()
        pkg = os.path.join(workdir, "sdk")
        if args.clean_build and os.path.exists(os.path.join(pkg, ".build")):
            shutil.rmtree(os.path.join(pkg, ".build"))
        # the harnesses must exist for the package to load; empty ones first so the SDK build is measured alone
        H = render_harness(scorer, workdir, empty=True)
        modules = prepare_package(gen_dir, H["modules"])
        examples = H["examples"]
        skipped = collections.Counter()
        for reason, count in H["skipped"]:
            skipped[reason] = int(count)
        log(f"[conformance] building the SDK ({', '.join(modules)}) in {pkg} ...")
        # with the replay target in the package, build only what a plain build built before (SDK + RoundTrip)
        build_info = swift_build(pkg, os.path.join(workdir, "sdk-build.log"), product="RoundTrip")
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
        print(f"   {sum(1 for e in examples if e.get('element'))} examples of list bodies show one element (object example, "
              "array type): checked against the element type")
        if ok and args.replay_only:
            print("   round trip: not run (--replay-only)")
        elif ok:
            rt = run_roundtrip(pkg, scorer, examples, workdir, os.path.join(workdir, "sdk-build"), args)
            if "error" in rt:
                errs2, cats2 = categorize_errors(rt["build"]["text"])
                print(f"   round-trip harness: {rt['error']}")
                for c, es in cats2[:10]:
                    print(f"   {len(es):6d} {c}  e.g. {os.path.relpath(es[0]['file'], pkg)}:{es[0]['line']}")
                figures["roundtrip_passed"] = 0
                figures["roundtrip_pass_pct"] = 0.0
            else:
                print(rt["report"], end="")
                failing["roundtrip"] = [(i["item"], i["detail"]) for i in rt["failing"]]
                figures["roundtrip_failed"] = rt["failed"]
                figures["roundtrip_placeholder_failures"] = rt["placeholder_failures"]
                figures["roundtrip_passed"] = rt["passed"]
                total = rt["passed"] + rt["failed"]
                figures["roundtrip_pass_pct"] = pct(rt["passed"], total)
        else:
            print("roundtrip: 0 passed, 0 failed (not run: the SDK does not build)")
            figures["roundtrip_passed"] = 0
            figures["roundtrip_pass_pct"] = 0.0

        # 6. replay of recorded traffic
        if cassettes:
            print()
            R = collect_replay(dump, cassettes, args.replay_only)
            funcs = {op_key(k) for k in H["replay_functions"]}
            missing_funcs = {op_key(k): why for k, why in H["replay_missing"].items()}
            paged_funcs = {op_key(k) for k in H["paged_functions"]}
            R["paged"] = paged_replay_calls(R)
            print(f"== 6. replay of recorded traffic ({cassettes}"
                  f"{', only ' + ', '.join(args.replay_only) if args.replay_only else ''}): "
                  f"{len(R['calls'])} main calls in {R['scenarios']} scenarios; harness functions for "
                  f"{len(funcs)} operations ({len(missing_funcs)} without)")
            for k, why in sorted(missing_funcs.items())[:n]:
                print(f"   no function for {k[0]}.{k[1]}: {why}")
            if not ok:
                print("replay: 0 passed, 0 failed (not run: the SDK does not build)")
                figures["replay_passed"] = 0
            else:
                log(f"[conformance] building and running the replay harness ({len(R['calls'])} calls) ...")
                rr = run_replay(pkg, scorer, R, funcs, workdir, os.path.join(workdir, "sdk-build"))
                if "error" in rr:
                    errs3, cats3 = categorize_errors(rr["build"]["text"])
                    print(f"   replay harness: {rr['error']}")
                    for c, es in cats3[:10]:
                        print(f"   {len(es):6d} {c}  e.g. {os.path.relpath(es[0]['file'], pkg)}:{es[0]['line']}")
                    if not errs3:
                        print("   " + "\n   ".join(rr["build"]["text"].strip().splitlines()[-15:]))
                    print(f"replay: 0 passed, {len(R['calls'])} failed (harness does not build)")
                    figures["replay_passed"] = 0
                    figures["replay_pass_pct"] = 0.0
                else:
                    for k, msg in sorted(rr["excluded"].items())[:n]:
                        print(f"   dropped from the harness (does not compile): {k[0]}.{k[1]}: {msg[:200]}")
                    print(f"   replay harness build {rr['build']['wall_s']}s")
                    rp, rf, rfails = report_replay(R, rr, missing_funcs, n)
                    figures["replay_paginated_passed"], pfails = report_paged_replay(R, R["paged"], rr.get("outputs", {}),
                                                                                     paged_funcs)
                    if not args.replay_only:
                        failing["replay"] = [(label, "; ".join(reasons)) for label, reasons, _m in rfails]
                        failing["replay-paginated"] = pfails
                    figures["replay_passed"] = rp
                    figures["replay_failed"] = rf
                    figures["replay_pass_pct"] = pct(rp, rp + rf)
            if args.replay_only:
                # a subset: reported, never ratcheted or recorded
                for k in ("replay_passed", "replay_failed", "replay_pass_pct", "replay_paginated_passed"):
                    if k in figures:
                        figures["subset_" + k] = figures.pop(k)

    # 6. summary + ratchet
    print()
    print("== summary")
    for k in ("rows", "names", "operations", "unstable"):
        print(f"   {k:11s} {fmt_pct(FR[k]['ok'], FR[k]['total'])}")
    for v, tf in type_fig.items():
        print(f"   types {v}    {tf['types']} generated vs {tf['official_names']} official names")
    if build_info:
        print(f"   SDK build   {'OK' if build_info['rc'] == 0 else 'FAILED'} {build_info['wall_s']}s, "
              f"peak {build_info['peak_tree_rss_mb']} MB")
        if "roundtrip_passed" in figures:
            print(f"   round trip  {figures['roundtrip_passed']} passed ({figures['roundtrip_pass_pct']:.2f}%)")
        for pre in ("", "subset_"):
            if pre + "replay_passed" in figures:
                print(f"   replay      {figures[pre + 'replay_passed']} passed"
                      + (f", {figures[pre + 'replay_failed']} failed ({figures[pre + 'replay_pass_pct']:.2f}%)"
                         if pre + "replay_failed" in figures else "") + (" (subset)" if pre else ""))
    print(f"   took {time.time() - t_start:.0f}s")

    if args.report:
        with open(args.report, "w") as f:
            json.dump(figures, f, indent=2, default=list)

    # 7. ratchet: datadog-codegen-conformance ratchet
    run_path = os.path.join(workdir, "ratchet-run.json")
    with open(run_path, "w") as f:
        json.dump({"figures": {k: v for k, v in figures.items() if isinstance(v, (int, float)) and not isinstance(v, bool)},
                   "failing": {name: [{"item": str(i), "detail": str(d)} for i, d in items] for name, items in failing.items()},
                   "subset": subset, "pages": pages, "page_count": FR["page_count"],
                   "operations": FR["operations"]["total"]}, f)
    cmd = [scorer, "ratchet", "--run", run_path, "--levels", args.levels, "--expected-failures", args.expected_failures,
           "--examples", str(args.examples)]
    if args.record:
        cmd.append("--record")
    if args.force_ratchet:
        cmd.append("--force-ratchet")
    sys.stdout.flush()
    return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
