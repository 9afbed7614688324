#!/usr/bin/env python3
"""Scores `claimcheck discover` on the real-article sets (fixtures/real).

For every story: runs `claimcheck discover --format json --top N` on its
excerpts with the packs alone (a rule directory with lang/, concepts.yaml,
entities/ and fx/ of --rules, no claim file), and compares its candidates
with the hand annotation (score.py's format, fixtures/real/README.md):

  found    an annotated cross-source disagreement (all but class `time`)
           is found when one of the first N candidates holds a figure of
           its claim from its first file and one from another of its files;
  kept     of the candidates holding a figure of an annotated claim
           ("judged"), those a careful reader would keep: more than half
           of their figures are one claim's, stated by two articles or
           more. A candidate whose figures no claim of the annotation
           covers (a fact of the story nobody wrote a claim for, such as
           a valuation of another round) is not judged, only counted.

  drafts   with --roundtrip N: the draft rules of each story's first N
           candidates, each loaded alone beside the packs: the share of
           their candidates' figures `claimcheck check` finds with them
           ("drafted"), and the examples that fail `claimcheck test`.

Prints a table per story (or JSON with --json); with --floors, exits 1 when
a figure falls below its floor. No timings.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import check_floors, gold_spans, load_story, overlap  # noqa: E402


def packs_only(rules, tmp):
    """A rule directory with everything of rules but its claims."""
    d = os.path.join(tmp, "packs")
    os.mkdir(d)
    for name in ("lang", "concepts.yaml", "entities", "fx"):
        src = os.path.join(os.path.abspath(rules), name)
        if os.path.exists(src):
            os.symlink(src, os.path.join(d, name))
    return d


def claim_of(gold, o):
    f = os.path.basename(o["file"])
    for (a, b, g) in gold.get(f, []):
        if overlap(o["start"], o["end"], a, b):
            return g.get("claim")
    return None


def roundtrip(binary, packs, paths, cands, n, tmp):
    """Figures of the first n candidates found by their own draft, alone;
    examples of those drafts that fail."""
    found = total = failed = 0
    details = []
    for k, c in enumerate(cands[:n]):
        rd = os.path.join(tmp, "draft%d" % k)
        os.makedirs(os.path.join(rd, "claims"))
        with open(os.path.join(rd, "claims", c["id"] + ".yaml"), "w", encoding="utf-8") as f:
            f.write(c["draft"])
        p = subprocess.run([binary, "check", "--format", "json", "--rules", packs, "--rules", rd] + paths,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode not in (0, 1):
            raise SystemExit("check with the draft of %s exited with %d: %s"
                             % (c["id"], p.returncode, p.stderr.decode("utf-8", "replace")[:500]))
        got = set()
        for cl in json.loads(p.stdout.decode("utf-8"))["claims"]:
            for o in cl["observations"]:
                got.add((o["file"], o["line"], o["column"]))
                got.update((o["file"], r["line"], r["column"]) for r in o["repeats"])
        for o in c["observations"]:
            total += 1
            if (o["file"], o["line"], o["column"]) in got:
                found += 1
            else:
                details.append(("not-drafted", c["id"], "%s:%d %s" % (os.path.basename(o["file"]), o["line"], o["text"])))
        t = subprocess.run([binary, "test", "--rules", packs, "--rules", rd], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT)
        bad = t.stdout.decode("utf-8", "replace").count("example failed")
        failed += bad
        if bad:
            details.append(("example", c["id"], "%d example(s) fail claimcheck test" % bad))
    return found, total, failed, details


def score_story(binary, packs, d, top, nround=0, tmp=None):
    story = load_story(d)
    files = sorted(story["excerpts"])
    paths = [os.path.join(d, f) for f in files]
    p = subprocess.run([binary, "discover", "--rules", packs, "--format", "json", "--top", str(top)]
                       + paths, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.stderr.write(p.stderr.decode("utf-8", "replace"))
        raise SystemExit("claimcheck discover exited with %d on %s" % (p.returncode, d))
    cands = json.loads(p.stdout.decode("utf-8"))["candidates"]
    gold = {f: gold_spans(path, story["excerpts"][f]) for f, path in zip(files, paths)}
    details, kept, judged = [], 0, 0
    for c in cands:
        claims = [claim_of(gold, o) for o in c["observations"]]
        named = [x for x in claims if x]
        best = max(set(named), key=named.count) if named else None
        arts = {os.path.basename(o["file"]) for o, x in zip(c["observations"], claims) if x == best}
        ok = best is not None and named.count(best) * 2 > len(claims) and len(arts) >= 2
        kept += ok
        judged += best is not None
        if best is not None and not ok:
            details.append(("not-kept", c["id"], "%d figures, %s" % (len(claims), ", ".join(
                "%s=%s" % (os.path.basename(o["file"]), x) for o, x in zip(c["observations"], claims)))))
    found = total = 0
    for dis in story["disagreements"]:
        if dis.get("class") == "time":
            continue
        total += 1
        hit = False
        for c in cands:
            holds = {os.path.basename(o["file"]) for o in c["observations"]
                     if claim_of(gold, o) == dis["claim"]}
            if dis["files"][0] in holds and any(f in holds for f in dis["files"][1:]):
                hit = True
                break
        found += hit
        if not hit:
            details.append(("not-found", dis["claim"], "%s (%s)" % (", ".join(dis["files"]), dis.get("class"))))
    drafted = dtotal = exfail = 0
    if nround:
        drafted, dtotal, exfail, det = roundtrip(binary, packs, paths, cands, nround,
                                                 tempfile.mkdtemp(dir=tmp))
        details += det
    return {"candidates": len(cands), "judged": judged, "kept": kept, "disagreements": total,
            "found": found, "drafted": drafted, "draft_figures": dtotal,
            "examples_failed": exfail}, details


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/claimcheck")
    ap.add_argument("--rules", default="rules")
    ap.add_argument("--real", default="fixtures/real")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--story", action="append")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--roundtrip", type=int, default=0, metavar="N",
                    help="load the drafts of each story's first N candidates, one at a time")
    ap.add_argument("--floors", help="YAML of floors: {story|all: {name: {found_share|kept_share: floor}}}")
    a = ap.parse_args()
    rows, details = {}, []
    with tempfile.TemporaryDirectory() as tmp:
        packs = packs_only(a.rules, tmp)
        for s in sorted(os.listdir(a.real)):
            d = os.path.join(a.real, s)
            if not os.path.isfile(os.path.join(d, "story.yaml")) or (a.story and s not in a.story):
                continue
            r, det = score_story(a.bin, packs, d, a.top, a.roundtrip, tmp)
            rows["story:" + s] = r
            details += [(s,) + x for x in det]
    tot = {k: sum(r[k] for r in rows.values())
           for k in ("candidates", "judged", "kept", "disagreements", "found", "drafted",
                     "draft_figures", "examples_failed")}
    rows = dict(sorted(rows.items()))
    rows["all:all"] = tot
    for r in rows.values():
        r["found_share"] = r["found"] / r["disagreements"] if r["disagreements"] else float("nan")
        r["kept_share"] = r["kept"] / r["judged"] if r["judged"] else float("nan")
        r["drafted_share"] = r["drafted"] / r["draft_figures"] if r["draft_figures"] else float("nan")
    if a.json:
        print(json.dumps(rows, indent=1, sort_keys=True))
    else:
        print("%-28s %10s %6s %6s %6s %13s %6s %6s" % ("", "candidates", "judged", "kept", "share",
                                                        "disagreements", "found", "share"))
        for k, r in rows.items():
            print("%-28s %10d %6d %6d %6.2f %13d %6d %6.2f" % (
                k, r["candidates"], r["judged"], r["kept"], r["kept_share"], r["disagreements"],
                r["found"], r["found_share"]))
        if a.roundtrip:
            t = rows["all:all"]
            print("drafts of the first %d candidates of each story: %d of %d figures found by their "
                  "draft alone (%.3f), %d examples failing" % (a.roundtrip, t["drafted"], t["draft_figures"],
                                                             t["drafted_share"], t["examples_failed"]))
    if a.details:
        for x in details:
            print("%s  %-10s %s  %s" % x)
    if a.floors:
        return check_floors(rows, a.floors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
