"""Expected-failure lists: the ratchet by item (.ci/expected-failures/<list>.txt, one failing item a line,
sorted, like swift-protobuf's failure_list_swift.txt). A failure not in its list fails the run (named);
an item in the list that now passes fails it too, with the hint to re-record (`--record`)."""
import collections
import os

LISTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "expected-failures")
HEADER = ("# Expected failures of `.ci/conformance PAGES TRUTH CASSETTES` ({name}): one item a line, sorted.\n"
          "# A failure not listed fails the run; a listed item that passes fails it too. Re-record: "
          "`.ci/conformance ../shared/corpus/pages ../shared/corpus/truth ../shared/cassettes --record`.\n")


def clean(item):
    """One line: no newline or tab inside an item."""
    return " ".join(str(item).split())


def path_of(name, lists_dir=LISTS_DIR):
    return os.path.join(lists_dir, name + ".txt")


def read_list(name, lists_dir=LISTS_DIR):
    """-> Counter of items, or None when the list was never recorded."""
    p = path_of(name, lists_dir)
    if not os.path.exists(p):
        return None
    with open(p, encoding="utf-8") as f:
        return collections.Counter(l.rstrip("\n") for l in f if l.strip() and not l.startswith("#"))


def write_list(name, items, lists_dir=LISTS_DIR):
    os.makedirs(lists_dir, exist_ok=True)
    with open(path_of(name, lists_dir), "w", encoding="utf-8") as f:
        f.write(HEADER.format(name=name))
        for item in sorted(clean(i) for i in items):
            f.write(item + "\n")


def compare(failing, lists_dir=LISTS_DIR, examples=15):
    """failing: {list name: [(item, detail)]}. Prints the differences; -> number of problems."""
    problems = 0
    for name in sorted(failing):
        got = collections.Counter(clean(i) for i, _d in failing[name])
        detail = {clean(i): d for i, d in failing[name]}
        want = read_list(name, lists_dir)
        if want is None:
            print(f"   {name}: no list recorded ({os.path.relpath(path_of(name, lists_dir))}); not checked")
            continue
        new = sorted((got - want).elements())
        fixed = sorted((want - got).elements())
        if not new and not fixed:
            print(f"   {name}: {sum(got.values())} failures, as expected")
            continue
        problems += len(new) + len(fixed)
        print(f"   {name}: {len(new)} new failures, {len(fixed)} expected failures now pass")
        for i in new[:examples]:
            print(f"      NEW FAILURE {i}" + (f"  ({detail[i][:300]})" if detail.get(i) else ""))
        if len(new) > examples:
            print(f"      … and {len(new) - examples} more new failures")
        for i in fixed[:examples]:
            print(f"      NOW PASSES  {i}")
        if len(fixed) > examples:
            print(f"      … and {len(fixed) - examples} more now passing")
        if fixed:
            print(f"      (fixed: remove them from {os.path.relpath(path_of(name, lists_dir))} — re-record with --record)")
    return problems
