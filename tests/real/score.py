#!/usr/bin/env python3
"""Scores claimcheck on the real-article development set (fixtures/real).

For every story directory: runs `claimcheck scan` on each excerpt and
`claimcheck extract` on the story (with the shipped rules, plus the story's
own rules/ when it has them), and compares both with the hand annotation
(story.yaml and any other *.yaml beside it; format in fixtures/real/README.md).

  quantities  a scanned quantity is right when its span overlaps an annotated
              figure's and its value and unit agree (F1 over every money,
              percent and count figure annotated);
  time        of the right observations that have a dated scope (claims
              with time: period or as_of, or a scope), the share whose year
              is the annotated time's ("timed", "year" columns);
  claims      an observation is right when it overlaps an annotated figure
              whose claim is the observation's claim; precision counts every
              observation made in the story's files, recall every annotated
              figure that has a claim (but the article's own conversion of a
              figure into another currency, on the figure's line).

Prints a table per story and per language (or JSON with --json). With
--floors FILE, exits 1 when a figure falls below its floor: the regression
check `make test` runs. No timings.
"""
import argparse
import json
import math
import os
import subprocess
import sys

import yaml

UNITS = {"%": "percent", "percent": "percent"}


def num(v):
    return float(v) if not isinstance(v, (int, float)) else float(v)


def close(a, b):
    if a == b:
        return True
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def load_story(d):
    story = {"claims": {}, "excerpts": {}, "disagreements": []}
    for name in sorted(os.listdir(d)):
        if not name.endswith(".yaml"):
            continue
        with open(os.path.join(d, name), encoding="utf-8") as f:
            y = yaml.safe_load(f) or {}
        if name == "story.yaml":
            story["story"] = y.get("story", os.path.basename(d))
            story["claims"] = y.get("claims") or {}
        for k, v in (y.get("excerpts") or {}).items():
            story["excerpts"].setdefault(k, []).extend(v or [])
        story["disagreements"] += y.get("disagreements") or []
    story.setdefault("story", os.path.basename(d))
    return story


def front_lang(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[0].strip() == "---":
        for ln in lines[1:]:
            if ln.strip() == "---":
                break
            if ln.startswith("lang:"):
                return ln.split(":", 1)[1].strip()
    return os.path.basename(path).split("-")[0]


def gold_spans(path, figures):
    """Byte spans of the annotated figures: (start, end, figure)."""
    with open(path, "rb") as f:
        data = f.read()
    starts = [0]
    for i, c in enumerate(data):
        if c == 10:
            starts.append(i + 1)
    out = []
    for g in figures:
        ln = int(g["line"])
        a = starts[ln - 1]
        b = starts[ln] - 1 if ln < len(starts) else len(data)
        text = str(g["text"]).encode("utf-8")
        pos, nth = a - 1, int(g.get("nth", 1))
        for _ in range(nth):
            pos = data.find(text, pos + 1, b)
            if pos < 0:
                raise SystemExit("%s:%d: annotated text %r not on its line" % (path, ln, g["text"]))
        out.append((pos, pos + len(text), g))
    return out


def overlap(a0, a1, b0, b1):
    return a0 < b1 and b0 < a1


def unit_of(g):
    u = str(g.get("unit", ""))
    return UNITS.get(u, u)


def run_raw(cmd, stdin=None):
    p = subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.stderr.write(p.stderr.decode("utf-8", "replace"))
        raise SystemExit("%s exited with %d" % (" ".join(cmd[:2]), p.returncode))
    return p.stdout


def run(cmd):
    return [json.loads(l) for l in run_raw(cmd).decode("utf-8").splitlines() if l.strip()]


def side_conversion(story, gold, g):
    """A figure in another currency than its claim's, on a line that also
    gives the claim's figure in the claim's currency ("$32bn (29,3
    Milliarden Euro)", "18億ユーロ、日本円で2900億円"): the article's own
    conversion of that figure, not another observation. Recall leaves it
    out; an observation of it still counts (right or wrong)."""
    cur = (story["claims"].get(g["claim"]) or {}).get("currency")
    if not cur or unit_of(g) == cur:
        return False
    return any(o is not g and o.get("claim") == g["claim"] and o["line"] == g["line"]
               and unit_of(o) == cur for (_, _, o) in gold)


def story_rules(d, story_rules_root):
    """The story's own rules: <story>/rules, else (a held-out set that
    reuses the development set's rules) <story_rules_root>/<story>/rules."""
    own = os.path.join(d, "rules")
    if os.path.isdir(own):
        return own
    if story_rules_root:
        other = os.path.join(story_rules_root, os.path.basename(d), "rules")
        if os.path.isdir(other):
            return other
    return None


def score_story(binary, rules, d, stats, story_rules_root=None):
    story = load_story(d)
    rdirs = ["--rules", rules]
    own = story_rules(d, story_rules_root)
    if own:
        rdirs += ["--rules", own]
    files = sorted(story["excerpts"])
    paths = [os.path.join(d, f) for f in files]
    extracted = run_raw([binary, "extract"] + rdirs + paths)
    obs = [o for o in map(json.loads, extracted.decode("utf-8").splitlines())
           if o.get("type") == "observation"]
    byfile, scanbyfile = {}, {}
    for o in obs:
        byfile.setdefault(os.path.basename(o["file"]), []).append(o)
    for q in run([binary, "scan", "--rules", rules] + paths):
        scanbyfile.setdefault(os.path.basename(q["file"]), []).append(q)
    details = []
    for f, path in zip(files, paths):
        lang = front_lang(path)
        gold = gold_spans(path, story["excerpts"][f])
        key_s, key_l = ("story", story["story"]), ("lang", lang)
        rows = [stats.setdefault(k, {"q_tp": 0, "q_fp": 0, "q_fn": 0, "c_tp": 0, "c_fp": 0, "c_fn": 0,
                                     "t_ok": 0, "t_all": 0, "cf": 0, "cf_bad": 0,
                                     "cl": 0, "cl_ok": 0})
                for k in (key_s, key_l, ("all", "all"))]

        def add(field, n=1):
            for r in rows:
                r[field] += n

        # quantities
        scanned = [q for q in scanbyfile.get(f, [])
                   if not q.get("vague") and q.get("kind") in ("money", "percent", "count")]
        used = set()
        for q in scanned:
            hit = None
            for gi, (a, b, g) in enumerate(gold):
                if gi in used or not overlap(q["start"], q["end"], a, b):
                    continue
                ku = q["unit"] if q["kind"] != "count" else "count"
                gu = unit_of(g) if unit_of(g) == "percent" or len(unit_of(g)) == 3 and unit_of(g).isupper() else "count"
                if close(num(q["value"]), num(g["value"])) and ku == gu:
                    hit = gi
                    break
            if hit is None:
                add("q_fp")
                details.append(("quantity-fp", f, q["line"], q["text"], q["value"]))
            else:
                used.add(hit)
                add("q_tp")
        for gi, (a, b, g) in enumerate(gold):
            if gi not in used:
                add("q_fn")
                details.append(("quantity-fn", f, g["line"], g["text"], g["value"]))
        # claims
        used = set()
        for o in byfile.get(f, []):
            hit = None
            for gi, (a, b, g) in enumerate(gold):
                if gi not in used and g.get("claim") == o["claim"] and overlap(o["start"], o["end"], a, b):
                    hit = gi
                    break
            if hit is None:
                add("c_fp")
                why = [g.get("claim") for (a, b, g) in gold if overlap(o["start"], o["end"], a, b)]
                details.append(("claim-fp", f, o["line"], o["text"], "%s (annotated: %s)" % (o["claim"], why[0] if why else "no figure")))
            else:
                used.add(hit)
                add("c_tp")
                # the year of a dated observation against the annotated time
                g = gold[hit][2]
                sc = o.get("scope") or ""
                if len(sc) >= 4 and sc[:4].isdigit() and g.get("time"):
                    add("t_all")
                    if str(g["time"])[:4] == sc[:4]:
                        add("t_ok")
                    else:
                        details.append(("time-wrong", f, o["line"], o["text"],
                                        "%s scope %s, annotated %s" % (o["claim"], sc, g["time"])))
        for gi, (a, b, g) in enumerate(gold):
            if g.get("claim") and gi not in used and not side_conversion(story, gold, g):
                add("c_fn")
                details.append(("claim-fn", f, g["line"], g["text"], g["claim"]))
    details += score_conflicts(binary, rdirs, extracted, story, files, paths, stats)
    return details


FINDINGS = ("conflict", "scale_error")
VALUE_CLASSES = ("rounding", "qualifier", "scale_error", "update", "conflict")


def score_classes(story, claims, gold, stats):
    """Each annotated disagreement with a class the comparator decides (all
    but `time`): the class of the pair of camps holding the right figures
    of its first file and of another of its files."""
    details = []
    for d in story["disagreements"]:
        want = d.get("class")
        if want == "time":
            continue
        got = class_of(d, claims, gold)
        for k in (("story", story["story"]), ("all", "all")):
            stats[k]["cl"] += 1
            stats[k]["cl_ok"] += got == want or (want == "rounding" and got == "same camp")
        if not (got == want or (want == "rounding" and got == "same camp")):
            details.append(("class-wrong", d["files"][0], 0, d["claim"],
                            "annotated %s, reported %s (against %s)" % (want, got, ", ".join(d["files"][1:]))))
    return details


def class_of(d, claims, gold):
    """What the report makes of disagreement d, between the right figure of
    its first file and those of its other files (a note may list several
    files on either side: the pairs in different camps count): a class,
    "same camp", "apart" (not compared: another unit or scope) or "missed"
    (the first file, or every other, has no right figure of the claim)."""
    where = {}  # file -> [(claim result index, camp)]
    for ci, c in enumerate(claims):
        if c["id"] != d["claim"]:
            continue
        for o in c["observations"]:
            f = os.path.basename(o["file"])
            if f in d["files"] and any(g.get("claim") == c["id"] and overlap(o["start"], o["end"], a, b)
                                       for (a, b, g) in gold.get(f, [])):
                where.setdefault(f, []).append((ci, o["camp"]))
    fa = d["files"][0]
    others = [f for f in d["files"][1:] if where.get(f)]
    if not where.get(fa) or not others:
        return "missed"
    found = []  # the classes of the pairs of camps the figures are in
    for fb in others:
        for ci, ca in where[fa]:
            for cj, cb in where[fb]:
                if ci != cj:
                    continue
                if ca == cb:
                    found.append("same camp")
                for p in claims[ci]["disagreements"]:
                    if sorted(p["camps"]) == sorted([ca, cb]):
                        found.append(p["class"])
    if d.get("class") in found:
        return d["class"]
    found = [c for c in found if c != "same camp"] + [c for c in found if c == "same camp"]
    return found[0] if found else "apart"


def score_conflicts(binary, rdirs, extracted, story, files, paths, stats):
    """The conflicts check reports, and those a careful reader would reject:
    a camp none of whose observations is the claim's figure (it exists only
    because a figure was attributed wrongly). The report is check's, made by
    compare from the observations extract already wrote."""
    report = run_raw([binary, "compare", "--format", "json"] + rdirs + ["-"], stdin=extracted)
    gold = {f: gold_spans(path, story["excerpts"][f]) for f, path in zip(files, paths)}
    details = []
    claims = json.loads(report.decode("utf-8"))["claims"]
    details += score_classes(story, claims, gold, stats)
    for c in claims:
        if c["status"] not in FINDINGS:
            continue
        right = [False] * len(c["camps"])
        for o in c["observations"]:
            f = os.path.basename(o["file"])
            if any(g.get("claim") == c["id"] and overlap(o["start"], o["end"], a, b)
                   for (a, b, g) in gold.get(f, [])):
                right[o["camp"]] = True
        for k in (("story", story["story"]), ("all", "all")):
            stats[k]["cf"] += 1
            stats[k]["cf_bad"] += not all(right)
        if not all(right):
            details.append(("conflict-bad", "-", 0, c["id"] + (" [%s]" % c["scope"] if c["scope"] else ""),
                            "camps %s" % ", ".join("%g%s" % (cp["low"], "" if r else " (wrong)")
                                                   for cp, r in zip(c["camps"], right))))
    return details


def figures(r):
    def ratio(a, b):
        return a / b if b else float("nan")
    qp, qr = ratio(r["q_tp"], r["q_tp"] + r["q_fp"]), ratio(r["q_tp"], r["q_tp"] + r["q_fn"])
    qf = 2 * qp * qr / (qp + qr) if qp + qr else 0.0
    cp, cr = ratio(r["c_tp"], r["c_tp"] + r["c_fp"]), ratio(r["c_tp"], r["c_tp"] + r["c_fn"])
    return {"quantity_f1": qf, "claim_precision": cp, "claim_recall": cr,
            "time_year": ratio(r["t_ok"], r["t_all"]), "timed": r["t_all"],
            "claims_annotated": r["c_tp"] + r["c_fn"], "observations": r["c_tp"] + r["c_fp"],
            "conflicts": r["cf"], "conflicts_rejected": r["cf_bad"],
            "classes": r["cl"], "classes_right": r["cl_ok"], "class_share": ratio(r["cl_ok"], r["cl"]),
            "figures": r["q_tp"] + r["q_fn"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/claimcheck")
    ap.add_argument("--rules", default="rules")
    ap.add_argument("--real", default="fixtures/real")
    ap.add_argument("--story-rules", default="fixtures/real",
                    help="where a story without rules/ of its own finds them (<dir>/<story>/rules)")
    ap.add_argument("--story", action="append", help="only these stories")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--details", action="store_true", help="list every miss and every wrong figure")
    ap.add_argument("--floors", help="YAML of floors: {all|story|lang: {name: {figure: floor}}}")
    ap.add_argument("--write-floors", metavar="FILE",
                    help="write today's figures less --margin as the floors")
    ap.add_argument("--margin", type=float, default=0.02)
    a = ap.parse_args()
    stats, details = {}, []
    for s in sorted(os.listdir(a.real)):
        d = os.path.join(a.real, s)
        if not os.path.isfile(os.path.join(d, "story.yaml")) or (a.story and s not in a.story):
            continue
        details += [(s,) + x for x in score_story(a.bin, a.rules, d, stats, a.story_rules)]
    table = {"%s:%s" % k: figures(v) for k, v in sorted(stats.items())}
    if a.json:
        print(json.dumps(table, indent=1, sort_keys=True))
    else:
        print("%-28s %8s %7s %7s %9s %7s %7s %6s %5s %9s %7s" % ("", "figures", "qty F1", "claims", "observed",
                                                                 "prec.", "recall", "timed", "year", "conflicts",
                                                                 "classes"))
        for k, v in table.items():
            lang = k.startswith("lang:")
            cf = "%d/%d" % (v["conflicts_rejected"], v["conflicts"]) if not lang else "-"
            cl = "%d/%d" % (v["classes_right"], v["classes"]) if not lang else "-"
            print("%-28s %8d %7.3f %7d %9d %7.3f %7.3f %6d %5.2f %9s %7s" % (k, v["figures"], v["quantity_f1"],
                                                                         v["claims_annotated"], v["observations"],
                                                                         v["claim_precision"], v["claim_recall"],
                                                                         v["timed"], v["time_year"], cf, cl))
    if a.details:
        for x in details:
            print("%s/%s:%s  %-12s %s  %s" % (x[0], x[2], x[3], x[1], x[4], x[5]))
    if a.write_floors:
        out = {}
        for k, v in table.items():
            kind, name = k.split(":", 1)
            fl = {}
            for fig in ("quantity_f1", "claim_precision", "claim_recall", "time_year", "class_share"):
                if not math.isnan(v[fig]) and v[fig] > 0:
                    fl[fig] = max(0.0, math.floor((v[fig] - a.margin) * 100) / 100)
            if fl:
                out.setdefault(kind, {})[name] = fl
        with open(a.write_floors, "w", encoding="utf-8") as f:
            f.write("# Regression floors for tests/real/score.py on %s: the\n"
                    "# figures of the commit that wrote them, less %.2f. Not goals: the\n"
                    "# goal is claim precision >= 0.95 and recall >= 0.85 in every story.\n"
                    "# Raise them when the figures rise:\n"
                    "#   python3 tests/real/score.py --real %s --write-floors %s\n"
                    % (a.real, a.margin, a.real, a.write_floors))
            yaml.safe_dump(out, f, sort_keys=True, default_flow_style=None)
    if a.floors:
        return check_floors(table, a.floors)
    return 0


def check_floors(table, path):
    """1 when a figure of table ({"kind:name": {figure: value}}) is below
    its floor in the YAML file path ({kind: {name: {figure: floor}}}), or
    above it for a figure written FIGURE_max (a ceiling); else 0."""
    with open(path, encoding="utf-8") as f:
        floors = yaml.safe_load(f) or {}
    bad = 0
    for kind, names in floors.items():
        for name, fl in (names or {}).items():
            got = table.get("%s:%s" % (kind, name)) or {}
            for fig, floor in fl.items():
                if fig.endswith("_max"):
                    v = got.get(fig[:-4], float("nan"))
                    if math.isnan(v) or v > floor:
                        print("above ceiling: %s:%s %s = %g > %g" % (kind, name, fig[:-4], v, floor))
                        bad += 1
                    continue
                v = got.get(fig, float("nan"))
                if math.isnan(v) or v + 1e-9 < floor:
                    print("below floor: %s:%s %s = %.3f < %.3f" % (kind, name, fig, v, floor))
                    bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
