#!/usr/bin/env python3
"""Prints the Markdown tables of benchmarks/RESULTS.md from a JMH JSON result file.

Usage: python3 benchmarks/summarize.py benchmarks/results.json
"""
import json
import sys

WORKLOADS = ["HAMSTRING_MILD", "HAMSTRING_MODERATE", "HAMSTRING_SEVERE", "STRESS_300", "STRESS_3000"]
EXPORTS = ["portable", "compact", "expanded", "baselineIcal4j", "baselineBiweekly",
           "baselineHandWritten", "floorPortable"]


def load(path):
    out = {}
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 1)[1]
        workload = r["params"]["workload"]
        score = r["primaryMetric"]["score"]
        error = r["primaryMetric"]["scoreError"]
        alloc = next((m["score"] for k, m in r["secondaryMetrics"].items() if k.endswith("gc.alloc.rate.norm")), None)
        out[(name, workload)] = (score, error, alloc)
    return out


def fmt_us(v):
    return f"{v:,.1f}" if v < 1000 else f"{v:,.0f}"


def fmt_bytes(v):
    if v is None:
        return "?"
    if v >= 1e6:
        return f"{v / 1e6:,.1f} MB"
    if v >= 1e3:
        return f"{v / 1e3:,.1f} KB"
    return f"{v:,.0f} B"


def main(path):
    r = load(path)
    print("| benchmark | " + " | ".join(WORKLOADS) + " |")
    print("|---|" + "---|" * len(WORKLOADS))
    for name in ["plan"] + EXPORTS:
        cells = []
        for w in WORKLOADS:
            if (name, w) in r:
                s, e, a = r[(name, w)]
                cells.append(f"{fmt_us(s)} ± {fmt_us(e)} µs, {fmt_bytes(a)}")
            else:
                cells.append("–")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()
    print("| ratio (time; allocation) | " + " | ".join(WORKLOADS) + " |")
    print("|---|" + "---|" * len(WORKLOADS))
    pairs = [("baselineIcal4j", "portable"), ("portable", "floorPortable"),
             ("baselineIcal4j", "compact"),
             ("baselineIcal4j", "expanded"), ("baselineBiweekly", "expanded"),
             ("expanded", "baselineHandWritten")]
    for a, b in pairs:
        cells = []
        for w in WORKLOADS:
            if (a, w) in r and (b, w) in r:
                ta, _, aa = r[(a, w)]
                tb, _, ab = r[(b, w)]
                alloc = f"{aa / ab:,.1f}×" if aa and ab else "?"
                cells.append(f"{ta / tb:,.1f}×; {alloc}")
            else:
                cells.append("–")
        print(f"| {a} / {b} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/results.json")
