#!/usr/bin/env python3
"""The layers hold (issue 12, docs/architecture.md): every #include "..." in
src/ and include/claimcheck/ names a header of the same layer or a lower one.

src/util knows nothing of claimcheck (no public header, no stage); each stage
folder sees util and the stages before it; the CLI sees the public headers
only (and its own cli.h). A public header belongs to the stage it declares.
Run as: python3 tests/layers.py SOURCE_DIR. Prints each violation and exits
1, or prints "ok"."""
import os
import re
import sys

ORDER = ["util", "core", "rules", "input", "detect", "obs", "extract", "run",
         "compare", "discover", "store", "report", "selftest", "cli"]
# public headers -> the layer that implements them
PUBLIC = {
    "common.h": "core", "diag.h": "core", "num.h": "core",
    "lang.h": "rules", "rules.h": "rules", "doc.h": "input",
    "detect.h": "detect", "obs.h": "obs", "extract.h": "extract",
    "run.h": "run", "compare.h": "compare", "discover.h": "discover", "baseline.h": "store",
    "archive.h": "store", "report.h": "report", "selftest.h": "selftest",
    "claimcheck.h": "cli",  # the umbrella header: for programs only
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def main(src):
    os.chdir(src)
    private = {}  # header name -> layer
    for layer in ORDER:
        for name in os.listdir(os.path.join("src", layer)):
            if name.endswith(".h"):
                if name in private:
                    print(f"src/{layer}/{name}: a header of that name is in src/{private[name]}/ too")
                    return 1
                private[name] = layer
    files = []  # (path, layer)
    for layer in ORDER:
        d = os.path.join("src", layer)
        files += [(os.path.join(d, n), layer) for n in sorted(os.listdir(d)) if n.endswith((".c", ".h"))]
    stray = [n for n in os.listdir("src") if n not in ORDER]
    for n in stray:
        print(f"src/{n}: not in a layer folder ({', '.join(ORDER)})")
    for name in sorted(os.listdir("include/claimcheck")):
        if name not in PUBLIC:
            print(f"include/claimcheck/{name}: no layer (add it to tests/layers.py)")
            stray.append(name)
        files.append((os.path.join("include/claimcheck", name), PUBLIC.get(name, "cli")))
    bad = len(stray)
    for path, layer in files:
        rank = ORDER.index(layer)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        public_file = path.startswith("include/")
        for m in INCLUDE.finditer(text):
            inc = m.group(1)
            line = text.count("\n", 0, m.start()) + 1
            if inc.startswith("claimcheck/") or (public_file and "/" not in inc):
                name = inc.split("/")[-1]
                target = PUBLIC.get(name)
                if public_file and name in private:
                    print(f"{path}:{line}: a public header includes the private {inc}")
                    bad += 1
                    continue
                if layer == "util":
                    print(f"{path}:{line}: src/util includes the public header {inc}: util knows nothing of claimcheck")
                    bad += 1
                    continue
                if target is None:
                    print(f"{path}:{line}: unknown public header {inc}")
                    bad += 1
                    continue
            else:
                if layer == "cli" and inc != "cli.h":
                    print(f"{path}:{line}: the CLI includes the private {inc}: use the public API")
                    bad += 1
                    continue
                target = private.get(inc)
                if target is None:
                    continue  # a header of the same folder not listed (cli.h), or generated
            if ORDER.index(target) > rank:
                print(f"{path}:{line}: {layer} includes {inc} of the later layer {target}")
                bad += 1
    if bad:
        print(f"{bad} include(s) break the layers")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
