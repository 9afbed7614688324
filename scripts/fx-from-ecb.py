#!/usr/bin/env python3
"""Writes claimcheck's exchange-rate files from the ECB's reference rates.

The European Central Bank publishes its euro foreign exchange reference
rates, every TARGET day since 1999, as one CSV file:

    https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip

Download it (or eurofxref-hist.csv inside it), then

    scripts/fx-from-ecb.py eurofxref-hist.zip --from 2023 --to 2026 --out rules/fx

writes one file per year, rules/fx/ecb-YYYY.yaml, one line per day:

    2024-03-04: {USD: 1.0844, JPY: 162.86, ...}

(units of each currency for one euro, as the ECB writes them; currencies
it gives no rate for that day are left out). Nothing is fetched: the rates
are the file's, never interpolated.
"""
import argparse
import csv
import io
import os
import re
import sys
import zipfile

HEADER = """\
# Euro foreign exchange reference rates of the European Central Bank, {year}:
# units of each currency for one euro, per TARGET day, as the ECB publishes
# them (https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip).
# Written by scripts/fx-from-ecb.py; regenerate rather than edit.
source: "European Central Bank, euro foreign exchange reference rates"
base: EUR
rates:
"""


def read_rows(path):
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            name = next(n for n in z.namelist() if n.endswith(".csv"))
            text = z.read(name).decode("utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    rows = list(csv.reader(io.StringIO(text)))
    head = [h.strip() for h in rows[0]]
    if not head or head[0] != "Date":
        sys.exit("%s: not the ECB's eurofxref-hist.csv (no Date column first)" % path)
    for r in rows[1:]:
        if not r or not r[0].strip():
            continue
        date = r[0].strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            sys.exit("%s: bad date %r" % (path, date))
        rates = {}
        for cur, v in zip(head[1:], r[1:]):
            v = v.strip()
            if not cur or v in ("", "N/A"):
                continue
            if not re.fullmatch(r"[A-Z]{3}", cur) or not re.fullmatch(r"\d+(\.\d+)?", v) or float(v) <= 0:
                sys.exit("%s: %s: bad rate %s=%r" % (path, date, cur, v))
            rates[cur] = v
        yield date, rates


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("csv", help="eurofxref-hist.zip or eurofxref-hist.csv")
    ap.add_argument("--from", dest="first", type=int, default=2023, help="first year (default 2023)")
    ap.add_argument("--to", dest="last", type=int, default=9999, help="last year (default: all)")
    ap.add_argument("--out", default="rules/fx", help="directory (default rules/fx)")
    a = ap.parse_args()
    years = {}
    for date, rates in read_rows(a.csv):
        y = int(date[:4])
        if a.first <= y <= a.last and rates:
            years.setdefault(y, {})[date] = rates
    if not years:
        sys.exit("no rates between %d and %d in %s" % (a.first, a.last, a.csv))
    os.makedirs(a.out, exist_ok=True)
    for y, days in sorted(years.items()):
        path = os.path.join(a.out, "ecb-%d.yaml" % y)
        with open(path, "w", encoding="utf-8") as f:
            f.write(HEADER.format(year=y))
            for date in sorted(days):
                f.write("  %s: {%s}\n" % (date, ", ".join("%s: %s" % kv for kv in sorted(days[date].items()))))
        print("%s: %d days" % (path, len(days)))


if __name__ == "__main__":
    main()
