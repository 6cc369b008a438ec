#!/usr/bin/env python3
"""Turns bench/run's hyperfine exports into the printed summary and bench/RESULTS.md.

usage: report.py WORKDIR RESULTS.md ANALYSIS.md "GROWTH SIZES"
"""
import datetime
import json
import os
import platform
import subprocess
import sys

work, out_path, analysis_path, growth = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split()


def load(name):
    with open(os.path.join(work, name + ".json")) as f:
        return json.load(f)["results"]


def sh(cmd):
    r = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    return (r.stdout + r.stderr).strip()


results = {}
for name in ["startup", "floor", "idem1", "first1", "idem10", "first10", "growth"]:
    for r in load(name):
        results[r["command"]] = r
rss = json.load(open(os.path.join(work, "rss.json")))


def mean(label):
    return results[label]["mean"]


def fmt(s):
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


rows = []
for label, r in results.items():
    rows.append(f"| {label} | {fmt(r['mean'])} ± {fmt(r['stddev'] or 0)} | {fmt(r['min'])} | {fmt(r['max'])} | {len(r['times'])} |")

j = {k: mean(f"jsock, {n} host(s), {kind}") for k, n, kind in
     [("i1", 1, "idempotent"), ("i10", 10, "idempotent"), ("f1", 1, "first apply"), ("f10", 10, "first apply")]}
a = {k: mean(f"ansible, {n} host(s), {kind}") for k, n, kind in
     [("i1", 1, "idempotent"), ("i10", 10, "idempotent"), ("f1", 1, "first apply"), ("f10", 10, "first apply")]}
jn = {k: mean(f"jsock, {n} host(s), first apply, socket_probe=false") for k, n in [("f1", 1), ("f10", 10)]}
floor1 = mean("ssh true, 1 host")
floor10 = mean("ssh true, 10 hosts in parallel")
version = mean("jsock --version")
render = mean("jsock render")

ratio_rows = [
    f"| 1 host, idempotent | {a['i1'] / j['i1']:.1f}× | {j['i1'] / floor1:.1f}× |",
    f"| 10 hosts, idempotent | {a['i10'] / j['i10']:.1f}× | {j['i10'] / floor10:.1f}× |",
    f"| 1 host, first apply | {a['f1'] / j['f1']:.1f}× | {j['f1'] / floor1:.1f}× |",
    f"| 10 hosts, first apply | {a['f10'] / j['f10']:.1f}× | {j['f10'] / floor10:.1f}× |",
]

# Cost per added host: least-squares slope of the growth run's means over the host counts.
xs = [int(n) for n in growth]
ys = [mean(f"jsock, {n} host(s), idempotent, forks={n}") for n in growth]
mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
growth_rows = [f"| {x} | {fmt(y)} |" for x, y in zip(xs, ys)]

rss_mb = rss["idem10"] / 1024
rss_first_mb = rss["first10"] / 1024


def target(name, ok, got):
    return f"| {name} | {got} | {'met' if ok else '**not met**'} |"


targets = [
    target("10 hosts idempotent ≤ 1.0 s", j["i10"] <= 1.0, fmt(j["i10"])),
    target("10 hosts idempotent ≥ 15× faster than Ansible", a["i10"] / j["i10"] >= 15, f"{a['i10'] / j['i10']:.1f}×"),
    target("1 host idempotent ≤ 0.45 s", j["i1"] <= 0.45, fmt(j["i1"])),
    target("1 host first apply ≤ 0.8 s", j["f1"] <= 0.8, fmt(j["f1"])),
    target("10 hosts first apply ≤ 1.8 s", j["f10"] <= 1.8, fmt(j["f10"])),
    target("(1 host first apply ≤ 0.8 s, without the role's 1 s probe)", jn["f1"] <= 0.8, fmt(jn["f1"])),
    target("(10 hosts first apply ≤ 1.8 s, without the role's 1 s probe)", jn["f10"] <= 1.8, fmt(jn["f10"])),
    target("jsock --version ≤ 0.15 s", version <= 0.15, fmt(version)),
    target("max RSS, 10 hosts ≤ 256 MB", max(rss_mb, rss_first_mb) <= 256,
           f"{rss_mb:.0f} MB idempotent, {rss_first_mb:.0f} MB first apply"),
    target(f"growth ≤ 30 ms per added host ({growth[0]}..{growth[-1]} hosts)", slope <= 0.030, f"{slope * 1000:.0f} ms/host"),
]

# bench/run saves the load average when its runs end; fall back to now when re-reporting old runs.
load_file = os.path.join(work, "loadavg")
with open(load_file if os.path.exists(load_file) else "/proc/loadavg") as f:
    load = " ".join(f.read().split()[:3])
mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
machine = [
    f"- date: {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
    f"- cpus (nproc): {os.cpu_count()}; memory: {mem_gb:.1f} GiB; kernel: {platform.release()}",
    "- java: " + " ".join(sh("java -version 2>&1").splitlines()[:2]),
    "- " + sh("ansible-playbook --version").splitlines()[0] + "; " + sh("hyperfine --version"),
    f"- jsock: {open(os.path.join(work, 'version')).read().strip() if os.path.exists(os.path.join(work, 'version')) else '?'}"
    f" ({sh('git -C ' + os.path.dirname(out_path) + ' log -1 --format=%h')})",
    f"- load average at the end (1/5/15 min): {load} — the machine is shared; other jobs running at the same time inflate the times",
    "- hosts: lab containers jsock-lab-5.. (systemd-nspawn, sshd, on a local bridge); both tools with forks 10",
]

summary = ["## Figures (hyperfine: mean ± σ, min, max, runs)", "",
           "| command | mean | min | max | runs |", "|---|---|---|---|---|", *rows, "",
           f"Max RSS of jsock on 10 hosts (/usr/bin/time -v): {rss_mb:.0f} MB idempotent, {rss_first_mb:.0f} MB first apply.", "",
           "## Ratios", "", "| case | Ansible ÷ jsock | jsock ÷ floor (ssh true) |", "|---|---|---|", *ratio_rows, "",
           f"Floor: `ssh host true` {fmt(floor1)} for one host, {fmt(floor10)} for ten in parallel. "
           f"`jsock render` (no SSH): {fmt(render)}.", "",
           "## Growth (jsock, idempotent, forks = hosts)", "", "| hosts | wall |", "|---|---|", *growth_rows, "",
           f"Cost per added host (least-squares slope): {slope * 1000:.0f} ms. For scale, the floor itself "
           f"(`ssh host true`, 1 → 10 hosts in parallel) grows by {(floor10 - floor1) / 9 * 1000:.0f} ms per added host here.", "",
           "## Targets of issue 7", "", "| target | measured | |", "|---|---|---|", *targets]

print("\n".join(summary))

with open(analysis_path) as f:
    analysis = f.read()
with open(out_path, "w") as f:
    f.write("# jsock benchmark results\n\n"
            "Written by `bench/run` (numbers) with the hand-written analysis from `bench/analysis.md` below.\n\n"
            "## Machine\n\n" + "\n".join(machine) + "\n\n" + "\n".join(summary) + "\n\n" + analysis)
print(f"\nwrote {out_path}", file=sys.stderr)
