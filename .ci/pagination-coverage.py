#!/usr/bin/env python3
"""Pagination coverage, leave-tags-out: how many operations get each paging style, how many of the
operations that page (evidence: a recording with pagination follow-ups, `main_page` interactions; or a
position parameter: an offset, page number or cursor in the query or in the body's `page`) get a
`…Paginated` method, and how many get one without such evidence. Figures for the studied tags (the
rules were written looking at these) and for all the others (held out).

Usage: .ci/pagination-coverage.py DUMP.json CASSETTES [STUDIED_TAGS...]
(DUMP.json from `datadog-codegen dump PAGES`; tags are the pages' folder names.)"""
import glob
import json
import re
import sys

# The 15 tags studied while writing the rules (Sources/DatadogCodegen/SwiftModel/Pagination.swift):
# the first 15 folder names of ../shared/corpus/pages by MD5 of the name.
STUDIED = ["service-definition", "org-connections", "on-call-paging", "synthetics", "cloudflare-integration",
           "restriction-policies", "agentless-scanning", "action-connection", "dashboards", "api-management",
           "cloud-authentication", "events", "ci-visibility-pipelines", "google-chat-integration",
           "microsoft-teams-integration"]
POSITION = re.compile(r"^(page\[(offset|number|cursor|token)\]|offset|cursor|page|page_number|start|page_token|next_token|after)$")


def body_position(op):
    for field in (op.get("request") or {}).get("fields") or []:
        if field["name"] == "page" and any(c["name"] in ("cursor", "offset", "number") for c in field["fields"]):
            return True
        if field["name"] in ("page[cursor]", "page[offset]", "page[number]"):
            return True
    return False


def main():
    dump = json.load(open(sys.argv[1]))
    studied = set(sys.argv[3:] or STUDIED)
    recorded = set()
    for path in glob.glob(sys.argv[2] + "/*/*/*.json"):
        doc = json.load(open(path))
        if any(i.get("role") == "main_page" for i in doc.get("interactions", [])):
            recorded.add((doc["version"], doc["operation_id"]))
    splits = {name: dict(ops=0, styles={}, recorded=0, recorded_ok=0, evidence=0, covered=0, missed=[], unsupported=[])
              for name in ("studied", "held out")}
    for page in dump["pages"]:
        tag = page["file"].split("/")[0]
        s = splits["studied" if tag in studied else "held out"]
        for op in page["operations"]:
            s["ops"] += 1
            pagination = op.get("pagination")
            if pagination:
                s["styles"][pagination["style"]] = s["styles"].get(pagination["style"], 0) + 1
            key = (op["version"], op["operation_id"])
            positions = [p["name"] for p in op["parameters"] if p["in"] == "query" and POSITION.match(p["name"])]
            if key in recorded:
                s["recorded"] += 1
                s["recorded_ok"] += bool(pagination)
            if key in recorded or positions or body_position(op):
                s["evidence"] += 1
                if pagination:
                    s["covered"] += 1
                else:
                    s["missed"].append(f"{tag} {key[0]}.{key[1]} {positions}")
            elif pagination:
                s["unsupported"].append(f"{tag} {key[0]}.{key[1]} {pagination['style']}")
    for name, s in splits.items():
        styles = ", ".join(f"{k} {v}" for k, v in sorted(s["styles"].items()))
        print(f"{name}: {s['ops']} operations; paginated: {styles}")
        print(f"   recorded pagination (main_page): {s['recorded_ok']}/{s['recorded']}")
        print(f"   evidence (recorded, or a position parameter): {s['covered']}/{s['evidence']}; "
              f"paginated without evidence: {len(s['unsupported'])}")
        for line in s["missed"] + s["unsupported"]:
            print(f"   - {line}")


if __name__ == "__main__":
    main()
