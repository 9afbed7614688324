#!/usr/bin/python3
"""Deterministic benchmark corpus for claimcheck.

Writes news-like articles in the 13 supported languages, built from the
repository's own text: the trial paragraphs (tests/trials/<code>.yaml), the
detection paragraphs (tests/detect/<code>.txt), the fixture articles
(fixtures/cases/{world,retold}, fixtures/articles) and the claim examples of
rules/claims/*.yaml. About a fifth of the sentences with figures get one
digit changed (13 -> 14, 6,6 -> 6,7; the number format is kept), so the
corpus holds agreeing and conflicting values; some paragraphs end with a
distractor (a sentence with a figure that is not the claim). Articles have
an optional front matter block (date:, sometimes lang:), a title and
paragraphs of 2-6 sentences; lengths are mostly 1-8 KB wire items, some
10-64 KB features and, with --long-share, long ones up to --max-article.

Usage:
  python3 bench/gen_corpus.py OUTDIR --size 100M [--seed 1]
          [--min-article 1K] [--max-article 64K] [--long-share 0.05]
  python3 bench/gen_corpus.py OUTDIR --article-size 10K --count 500 [--seed 1]

Files go to OUTDIR/<lang>/<shard>/<n>.md (1000 files per shard; OUTDIR
must be empty or absent). Sizes take the suffixes K, M, G (powers of 1024).
The same arguments give byte-identical output. A summary goes to stderr.
Needs Python 3 with PyYAML (python3-yaml).
"""
import argparse
import glob
import math
import os
import random
import re
import sys
import time

import yaml

LANGS = ["en", "de", "fr", "es", "pt", "it", "nl", "pl", "cs", "hu", "ru", "zh", "ja"]
WEIGHTS = [2] + [1] * (len(LANGS) - 1)  # English a bit more
CJK = ("zh", "ja")
FIXTURE_ARTICLE_LANG = {"000": "hu", "001": "pl", "002": "pl", "003": "zh", "004": "it"}
PER_SHARD = 1000
PERTURB = 0.2     # share of sentences with figures that get a changed digit
DISTRACTOR = 0.1  # share of paragraphs that end with a distractor sentence
FRONT_MATTER = 0.3
FEATURE_SHARE = 0.15

# A sentence ends after . ! ? (and closing quotes) followed by white space,
# or after 。！？ (and closing brackets) with or without space.
BOUNDARY = re.compile(r"[.!?][\"'”’»)]*\s+|[。！？][」』）”]*\s*")
LAST_WORD = re.compile(r"(\w+)$")
# abbreviations after which a period does not end the sentence
ABBREV = set("""mr mrs ms dr prof st jr inc corp co ltd jan feb mar apr aug
sept sep oct nov dec mrd mio bzw ca vs mld mln mil tys tis mds env bi mi
aprox ee uu nr no tj resp např ill kb dhr bijv sig dott млрд млн тыс руб
долл г т др""".split())
DIGIT_RUN = re.compile(r"[0-9]+")  # figures that perturb() may change
ANY_DIGIT = re.compile(r"\d")       # also full-width ９９０
TERMINAL = ".!?。！？:;\"'”’»)」』）"


def parse_size(text):
    """'100M' -> 104857600; suffixes K, M, G (binary), optional B/iB."""
    m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kmgt]?)(?:i?b)?\s*", text, re.I)
    if not m:
        raise argparse.ArgumentTypeError("bad size %r (e.g. 64K, 100M, 1G)" % text)
    power = "bkmgt".index(m.group(2).lower() or "b")
    return int(float(m.group(1)) * 1024 ** power)


def split_sentences(text):
    """Split a paragraph into sentences; CJK sentences stay whole."""
    out, start = [], 0
    for m in BOUNDARY.finditer(text):
        if m.group()[0] in "。！？" and (text.count("「", start, m.end())
                                        > text.count("」", start, m.end())):
            continue  # inside a quotation: 「……。……」と述べた
        if m.group()[0] == "." and m.end() < len(text):
            word = LAST_WORD.search(text, start, m.start())
            nxt = text[m.end()]
            if word and (len(word.group(1)) == 1 or word.group(1).lower() in ABBREV
                         or (word.group(1).isdigit() and len(word.group(1)) <= 2)):
                continue  # "Oct. 2", "6,6 Mrd. Dollar", "am 2. Oktober"
            if nxt.islower() or nxt.isdigit():
                continue
        piece = text[start:m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    piece = text[start:].strip()
    if piece:
        out.append(piece)
    return out


def headline(sentence):
    """A title made from a sentence: its first clause, if short enough."""
    s = sentence.rstrip(TERMINAL)
    first = re.split(r", |[，、,]", s)[0].rstrip(TERMINAL)
    if any(q in first for q in "\"“”„«»「」()（）"):
        return None  # a clause with half a quotation
    shortest = 8 if any(ord(c) > 0x3000 for c in first) else 16
    return first if shortest <= len(first) <= 110 else None


def strip_front_matter(text):
    """Drop a YAML front matter block (--- ... ---) at the top."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end >= 0:
            return text[end + 5:]
    return text


class Material:
    """Sentence pools per language, loaded from the repository."""

    def __init__(self, root):
        self.pools = {l: {"claim": [], "figures": [], "filler": [], "distractor": [],
                          "title": []} for l in LANGS}
        self._load_claims(root)
        self._load_trials(root)
        self._load_detect(root)
        self._load_articles(root)
        for lang, pools in self.pools.items():
            pools["title"] += [t for t in map(headline, pools["filler"]) if t]
            for name, pool in pools.items():
                # dedupe keeping first occurrence (deterministic), store byte sizes
                seen = {}
                for s in pool:
                    seen.setdefault(s, len(s.encode("utf-8")))
                pools[name] = list(seen.items())
            if not pools["filler"]:
                pools["filler"] = pools["figures"]
            if not pools["distractor"]:
                pools["distractor"] = pools["figures"]
            for name in ("claim", "figures", "filler"):
                if not pools[name]:
                    raise SystemExit("gen_corpus: no %s sentences for %s" % (name, lang))

    def add(self, lang, text, kind=None):
        """Split text into sentences and file them by kind (or by digits)."""
        if lang not in self.pools:
            return
        for s in split_sentences(" ".join(text.split())):
            if len(s) < 12:
                continue
            k = kind or ("figures" if ANY_DIGIT.search(s) else "filler")
            self.pools[lang][k].append(s)

    def _load_claims(self, root):
        for path in sorted(glob.glob(os.path.join(root, "rules", "claims", "*.yaml"))):
            with open(path, encoding="utf-8") as f:
                doc = yaml.safe_load(f) or {}
            for claim in doc.get("claims") or []:
                for ex in claim.get("examples") or []:
                    kind = "distractor" if ex.get("none") else "claim"
                    self.add(ex.get("lang"), ex.get("text", ""), kind)

    def _load_trials(self, root):
        for path in sorted(glob.glob(os.path.join(root, "tests", "trials", "*.yaml"))):
            with open(path, encoding="utf-8") as f:
                doc = yaml.safe_load(f) or {}
            for trial in doc.get("trials") or []:
                self.add(doc.get("lang"), trial.get("text", ""))

    def _load_detect(self, root):
        for lang in LANGS:
            path = os.path.join(root, "tests", "detect", lang + ".txt")
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    for line in f:
                        # few figures here: dates, scores, head counts
                        self.add(lang, line, "distractor" if ANY_DIGIT.search(line) else None)

    def _load_articles(self, root):
        paths = sorted(glob.glob(os.path.join(root, "fixtures", "cases", "world", "*.txt")) +
                       glob.glob(os.path.join(root, "fixtures", "cases", "retold", "*")))
        named = [(p, os.path.basename(p)[:2]) for p in paths]
        for p in sorted(glob.glob(os.path.join(root, "fixtures", "articles", "*.txt"))):
            named.append((p, FIXTURE_ARTICLE_LANG.get(os.path.basename(p)[:3])))
        for path, lang in named:
            if lang not in self.pools:
                continue
            with open(path, encoding="utf-8") as f:
                text = strip_front_matter(f.read())
            for line in text.splitlines():
                line = line.strip().lstrip("#").strip()
                if len(line) < 20 or line.endswith(":"):
                    continue  # site names, "See also:"
                if line[-1] not in TERMINAL:
                    if len(line) <= 120:
                        self.pools[lang]["title"].append(line)
                    continue
                self.add(lang, line)


def perturb(sentence, rng):
    """Change the last significant digit of one figure by one, or return the
    sentence unchanged when it has no suitable figure. Years, model names
    (GPT-4o, o1, H100) and all-zero runs are left alone; the number format
    and the byte length are kept."""
    runs = []
    for m in DIGIT_RUN.finditer(sentence):
        d, i = m.group(), m.start()
        before = sentence[i - 1] if i else " "
        if (before.isascii() and before.isalpha()) or before in "-/_":
            continue
        if len(d) == 4 and d[:2] in ("19", "20"):
            continue
        if d.strip("0"):
            runs.append(m)
    if not runs:
        return sentence
    m = rng.choice(runs)
    d = m.group()
    k = len(d.rstrip("0")) - 1          # last significant digit
    v = int(d[k])
    lowest = 1 if k == 0 else 0         # never a leading zero
    choices = [x for x in (v - 1, v + 1) if lowest <= x <= 9]
    pos = m.start() + k
    return sentence[:pos] + str(rng.choice(choices)) + sentence[pos + 1:]


class Generator:
    """Builds articles from Material with a seeded random.Random."""

    def __init__(self, material, seed):
        self.m = material
        self.rng = random.Random(seed)

    def sentence(self, pools):
        """A claim (25%), a sentence with figures (35%) or filler (40%)."""
        r = self.rng.random()
        kind = "claim" if r < 0.25 else "figures" if r < 0.6 else "filler"
        s, n = self.rng.choice(pools[kind])
        if kind != "filler" and self.rng.random() < PERTURB:
            s = perturb(s, self.rng)  # same byte length
        return s, n

    def article(self, lang, target):
        """Return the UTF-8 bytes of one article of about target bytes."""
        rng, pools = self.rng, self.m.pools[lang]
        sep = "" if lang in CJK else " "
        head = []
        if rng.random() < FRONT_MATTER:
            head.append("---")
            head.append("date: 2024-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28)))
            if rng.random() < 0.5:
                head.append("lang: " + lang)
            head.append("---")
        title = rng.choice(pools["title"])[0].rstrip(TERMINAL)
        head.append(("# " if rng.random() < 0.5 else "") + title)
        out = ["\n".join(head)]
        size = len(out[0].encode("utf-8")) + 1
        full = False
        while not full:
            para, n = [], rng.randint(2, 6)
            limit = n + (rng.random() < DISTRACTOR)
            while len(para) < limit:
                if len(para) < n:
                    s, b = self.sentence(pools)
                else:  # a distractor closes the paragraph
                    s, b = rng.choice(pools["distractor"])
                grow = b + (len(sep) if para else 2)  # 2: the blank line before
                # stop at the sentence boundary nearest to the target
                if size + grow / 2 > target and (para or len(out) > 1):
                    full = True
                    break
                para.append(s)
                size += grow
            if para:
                out.append(sep.join(para))
        return ("\n\n".join(out) + "\n").encode("utf-8")

    def length(self, lo, hi, long_share):
        """Skewed article length: wire items, features, a few long ones."""
        r = self.rng.random()
        if r < long_share and hi > 64 << 10:
            a, b = 64 << 10, hi
        elif r < long_share + FEATURE_SHARE:
            a, b = 10 << 10, 64 << 10
        else:
            a, b = 1 << 10, 8 << 10
        a, b = max(a, lo), min(b, hi)
        if a >= b:
            return min(a, hi)
        return int(math.exp(self.rng.uniform(math.log(a), math.log(b))))


def generate(args):
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    material = Material(root)
    gen = Generator(material, args.seed)
    if os.path.isdir(args.outdir) and os.listdir(args.outdir):
        raise SystemExit("gen_corpus: %s is not empty" % args.outdir)
    counts = {l: 0 for l in LANGS}
    made_dirs = set()
    files = total = 0
    start = time.monotonic()
    while (total < args.size) if args.size else (files < args.count):
        lang = gen.rng.choices(LANGS, WEIGHTS)[0]
        if args.article_size:
            target = args.article_size
        else:
            target = min(gen.length(args.min_article, args.max_article, args.long_share),
                         max(args.size - total, 1))
        data = gen.article(lang, target)
        n = counts[lang]
        d = os.path.join(args.outdir, lang, "%03d" % (n // PER_SHARD))
        if d not in made_dirs:
            os.makedirs(d, exist_ok=True)
            made_dirs.add(d)
        with open(os.path.join(d, "%06d.md" % n), "wb") as f:
            f.write(data)
        counts[lang] = n + 1
        files += 1
        total += len(data)
    secs = time.monotonic() - start
    per_lang = " ".join("%s %d" % (l, c) for l, c in counts.items())
    print("gen_corpus: %d files, %d bytes (%.1f MiB) in %.1f s (%.1f MiB/s); %s"
          % (files, total, total / 2**20, secs, total / 2**20 / max(secs, 1e-9), per_lang),
          file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                epilog="see the header of this file for details")
    p.add_argument("outdir")
    p.add_argument("--size", type=parse_size, help="total size to write, e.g. 100M, 1G")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--min-article", type=parse_size, default=1 << 10)
    p.add_argument("--max-article", type=parse_size, default=64 << 10)
    p.add_argument("--long-share", type=float, default=0.05,
                   help="share of long articles, 64K..--max-article (features "
                        "when --max-article is at most 64K)")
    p.add_argument("--article-size", type=parse_size,
                   help="with --count: every article about this size")
    p.add_argument("--count", type=int, help="number of articles (with --article-size)")
    args = p.parse_args()
    if bool(args.size) == bool(args.article_size):
        p.error("give either --size or --article-size with --count")
    if args.article_size and not args.count:
        p.error("--article-size needs --count")
    if args.min_article > args.max_article:
        p.error("--min-article is larger than --max-article")
    generate(args)


if __name__ == "__main__":
    main()
