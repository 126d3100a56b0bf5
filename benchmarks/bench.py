#!/usr/bin/env python3
"""Run the wmlint benchmarks (see docs/performance.md). Called by run.sh.

  bench.py --bin DIR --data DIR [--quick] [--callgrind] [--only SECTION,...]

DIR holds wmlint, hello (the swift-argument-parser floor) and yaml_events.
Every comparison is measured side by side in the same run: each round runs
every command of the group once, in rotating order, and the figures are the
medians over the rounds (wall time from a monotonic clock around fork/exec
and wait4; user, sys and peak RSS from wait4's rusage of that child).
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.dirname(os.path.abspath(__file__))
MIB = 1024 * 1024


def run_once(cmd, cwd=None):
    """(wall s, user s, sys s, peak RSS KiB, exit code) of one process."""
    devnull = os.open(os.devnull, os.O_RDWR)
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=devnull, stdout=devnull, stderr=devnull, cwd=cwd)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    os.close(devnull)
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss, p.returncode


def interleaved(commands, rounds, warmup=1, cwd=None):
    """Run each named command once per round, rotating the order; medians per name.
    Also the median over rounds of each command's wall time relative to the first
    command's wall time in that same round (paired ratio)."""
    names = list(commands)
    samples = {n: [] for n in names}
    for _ in range(warmup):
        for n in names:
            run_once(commands[n], cwd)
    for r in range(rounds):
        order = names[r % len(names):] + names[: r % len(names)]
        for n in order:
            samples[n].append(run_once(commands[n], cwd))
    out = {}
    for n in names:
        s = samples[n]
        out[n] = {
            "wall": statistics.median(x[0] for x in s),
            "user": statistics.median(x[1] for x in s),
            "sys": statistics.median(x[2] for x in s),
            "rss": max(x[3] for x in s),
            "rc": s[-1][4],
            "n": len(s),
        }
    for n in names:
        out[n]["samples"] = [x[0] for x in samples[n]]
    return out


def paired(res, num, den):
    """Median over rounds of num's wall time / den's wall time in the same round."""
    return statistics.median(a / b for a, b in zip(res[num]["samples"], res[den]["samples"]))


def callgrind(cmd, cwd=None):
    """Instructions executed (all threads) under valgrind --tool=callgrind."""
    p = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
        cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Collected : (\d+)", p.stderr)
    return int(m.group(1)) if m else None


def ms(s):
    return "%.1f ms" % (s * 1000)


def fmt_ir(n):
    return "n/a" if n is None else "{:,}".format(n)


def table(rows, head):
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"
    print(line(head))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    print()


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[:3]


def section_startup(a):
    print("## 1. One small file, whole process\n")
    setup = os.path.join(ROOT, "testdata/examples/setup.sh")
    rounds = 8 if a.quick else 30
    cmds = {}
    for variant in a.variants:
        cmds["hello (%s)" % variant] = [os.path.join(a.bin, "hello-" + variant), "check", setup]
        cmds["wmlint (%s)" % variant] = [os.path.join(a.bin, "wmlint-" + variant), "check", setup]
    res = interleaved(cmds, rounds)
    aws_rounds = 3 if a.quick else 10
    aws_cmds = {
        "wmlint (%s)" % a.variants[-1]: cmds["wmlint (%s)" % a.variants[-1]],
        "aws CLI check": [sys.executable, os.path.join(HERE, "aws_check.py"), setup],
    }
    # The installed `aws` command itself (the entry point beside this Python, not a shell shim), as a user types
    # it: the speed target's `aws … --generate-cli-skeleton output`, which parses and validates the request and prints a
    # stub response instead of sending it. Same isolated environment as aws_check.py.
    aws_bin = os.path.join(os.path.dirname(sys.executable), "aws")
    if os.path.exists(aws_bin):
        argv = json.loads(subprocess.run(
            [sys.executable, os.path.join(HERE, "aws_check.py"), "--argv", setup],
            capture_output=True, text=True, check=True).stdout)
        aws_cmds["aws command"] = ["env", "-i", "PATH=" + os.environ.get("PATH", ""),
                                   "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY=x",
                                   "AWS_DEFAULT_REGION=us-east-1", "AWS_CONFIG_FILE=/dev/null",
                                   "AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_EC2_METADATA_DISABLED=true",
                                   aws_bin] + argv + ["--generate-cli-skeleton", "output"]
    aws = interleaved(aws_cmds, aws_rounds)
    rows = []
    for n, r in res.items():
        rows.append([n, ms(r["wall"]), ms(r["user"]), ms(r["sys"]), "%d" % (r["rss"] // 1024), r["rc"]])
    if "aws command" in aws:
        c = aws["aws command"]
        rows.append(["aws command (%s … --generate-cli-skeleton output)" % aws_bin, ms(c["wall"]), ms(c["user"]),
                     ms(c["sys"]), "%d" % (c["rss"] // 1024), c["rc"]])
    r = aws["aws CLI check"]
    rows.append(["aws CLI check (python3 aws_check.py)", ms(r["wall"]), ms(r["user"]), ms(r["sys"]),
                 "%d" % (r["rss"] // 1024), r["rc"]])
    print("%d interleaved rounds (AWS CLI: %d), load average %s\n" % (rounds, aws_rounds, " ".join(load())))
    table(rows, ["command", "wall (median)", "user", "sys", "peak RSS MiB", "exit"])
    for variant in a.variants:
        h, w = res["hello (%s)" % variant], res["wmlint (%s)" % variant]
        print("- %s linking: wmlint / hello = **%.2fx** wall (ratio of medians), %.2fx (median of paired "
              "ratios), %.2fx user+sys; target <= 1.5x" % (
                  variant, w["wall"] / h["wall"], paired(res, "wmlint (%s)" % variant, "hello (%s)" % variant),
                  (w["user"] + w["sys"]) / max(h["user"] + h["sys"], 1e-6)))
    w = aws["wmlint (%s)" % a.variants[-1]]
    print("- aws CLI / wmlint (%s) = **%.0fx** wall, %.0fx median of paired ratios, %.0fx user+sys; "
          "target >= 100x" % (a.variants[-1], r["wall"] / w["wall"], paired(aws, "aws CLI check", "wmlint (%s)" % a.variants[-1]),
                               (r["user"] + r["sys"]) / max(w["user"] + w["sys"], 1e-6)))
    if "aws command" in aws:
        c = aws["aws command"]
        print("- aws command / wmlint (%s) = **%.0fx** wall, %.0fx median of paired ratios, %.0fx user+sys; "
              "target >= 100x" % (a.variants[-1], c["wall"] / w["wall"],
                                   paired(aws, "aws command", "wmlint (%s)" % a.variants[-1]),
                                   (c["user"] + c["sys"]) / max(w["user"] + w["sys"], 1e-6)))
    last = res["wmlint (%s)" % a.variants[-1]]
    for variant in a.variants[:-1]:
        print("- %s / %s wmlint = %.2fx wall" % (
            a.variants[-1], variant, last["wall"] / res["wmlint (%s)" % variant]["wall"]))
    print()
    if a.callgrind:
        rows = []
        for n, c in cmds.items():
            rows.append([n, fmt_ir(callgrind(c))])
        table(rows, ["command", "instructions (callgrind)"])


def section_many(a):
    print("## 2. 2,000 files in one run\n")
    many = os.path.join(a.data, "many")
    files = sorted(os.path.join(many, f) for f in os.listdir(many))
    wm = os.path.join(a.bin, "wmlint-" + a.variants[-1])
    rounds = 3 if a.quick else 7
    cmds = {
        "wmlint check DIR": [wm, "check", many],
        "wmlint check --jobs 1 DIR": [wm, "check", "--jobs", "1", many],
        "python3 botocore_batch.py FILES": [sys.executable, os.path.join(HERE, "botocore_batch.py")] + files,
    }
    res = interleaved(cmds, rounds)
    print("%d files, %d interleaved rounds, load average %s\n" % (len(files), rounds, " ".join(load())))
    rows = []
    for n, r in res.items():
        cpu = r["user"] + r["sys"]
        rows.append([n, ms(r["wall"]), ms(r["user"]), ms(r["sys"]), "%.2f" % (cpu / r["wall"]),
                     "%d" % (r["rss"] // 1024), r["rc"]])
    table(rows, ["command", "wall (median)", "user", "sys", "(user+sys)/wall", "peak RSS MiB", "exit"])
    w, p = res["wmlint check DIR"], res["python3 botocore_batch.py FILES"]
    print("- python / wmlint = **%.1fx** wall (ratio of medians), %.1fx median of paired ratios, "
          "%.1fx CPU; target >= 10x" % (p["wall"] / w["wall"], paired(res, "python3 botocore_batch.py FILES", "wmlint check DIR"),
                                        (p["user"] + p["sys"]) / max(w["user"] + w["sys"], 1e-6)))
    j1 = res["wmlint check --jobs 1 DIR"]
    print("- --jobs 1 / default = %.2fx wall (2 cores: 2x would be perfect scaling)\n" % (j1["wall"] / w["wall"]))
    tv = subprocess.run(["/usr/bin/time", "-v", wm, "check", many], stdout=subprocess.DEVNULL,
                        stderr=subprocess.PIPE, text=True).stderr
    keep = [l.strip() for l in tv.splitlines()
            if re.search(r"Percent of CPU|Elapsed|Maximum resident|User time|System time|context switches", l)]
    print("`/usr/bin/time -v wmlint check DIR`:\n\n```\n" + "\n".join(keep) + "\n```\n")
    if a.callgrind:
        print("callgrind: wmlint check DIR = %s instructions; --jobs 1 = %s\n" % (
            fmt_ir(callgrind(cmds["wmlint check DIR"])), fmt_ir(callgrind(cmds["wmlint check --jobs 1 DIR"]))))


def section_heavy(a):
    print("## 5. Diagnostic-heavy repositories: peak memory\n")
    wm = os.path.join(a.bin, "wmlint-" + a.variants[-1])
    rows = []
    worst = 0
    for name, what in [("unknown", "900 scripts of 6 KB full of unknown options"),
                       ("many", "1,000 scripts of 1,200 diagnostics each")]:
        directory = os.path.join(a.data, "heavy", name)
        for fmt in ["text", "gcc", "json", "sarif", "github"]:
            wall, user, sys_, rss, rc = run_once([wm, "check", "--no-config", "--format", fmt, directory])
            worst = max(worst, rss)
            rows.append([what, fmt, ms(wall), "%.1f" % (rss / 1024), rc])
    table(rows, ["repository", "format", "wall", "peak RSS MiB", "exit"])
    print("- worst peak RSS %.1f MiB; target <= 256 MiB: %s\n" % (worst / 1024, "yes" if worst / 1024 <= 256 else "NO"))


FORM_ARGS = {
    "json": ["--input-format", "json"],
    "json-diags": ["--input-format", "json"],
    "yaml": ["--input-format", "yaml"],
    "shorthand": ["--input-format", "shell"],
    "shell": ["--input-format", "shell"],
    "shell-diags": ["--input-format", "shell"],
}
EXT = {"json": ".json", "json-diags": ".json", "yaml": ".yaml"}


def big_path(a, form, size):
    return os.path.join(a.data, "big", "%s-%s%s" % (form, size, EXT.get(form, ".sh")))


def section_throughput(a):
    print("## 3. Parser throughput and 4. scaling (whole process minus start-up)\n")
    print("Library targets are not products of the package, so no harness can link the parsers: each figure "
          "is a whole `wmlint check --input-format F FILE` process, minus the same process on the 1K input "
          "of the same form (start-up, argument parsing, rules, output). 1 MB = 10^6 bytes.\n")
    wm = os.path.join(a.bin, "wmlint-" + a.variants[-1])
    rounds = 3 if a.quick else 7
    results = {}
    rows = []
    for form in FORM_ARGS:
        cmds = {}
        for size in ["1K"] + a.sizes:
            cmds[size] = [wm, "check", "--max-file-size", str(64 * MIB)] + FORM_ARGS[form] + [big_path(a, form, size)]
        res = interleaved(cmds, rounds)
        results[form] = res
        t0 = res["1K"]["wall"]
        for size in a.sizes:
            nbytes = os.path.getsize(big_path(a, form, size))
            r = res[size]
            net = max(r["wall"] - t0, 1e-6)
            c0 = res["1K"]["user"] + res["1K"]["sys"]
            cnet = max(r["user"] + r["sys"] - c0, 1e-3)
            rows.append([form, size, ms(r["wall"]), ms(net), "%.1f" % (nbytes / net / 1e6),
                         ms(r["user"] + r["sys"]), "%.1f" % (nbytes / cnet / 1e6),
                         "%.1f" % (r["rss"] / 1024), "%.2f" % (r["rss"] * 1024 / nbytes), r["rc"]])
    print("%d interleaved rounds per form, load average %s\n" % (rounds, " ".join(load())))
    table(rows, ["input", "size", "wall", "minus start-up", "MB/s (wall)", "user+sys", "MB/s (CPU)",
                 "peak RSS MiB", "RSS / input", "exit"])

    print("YAML floor: bare libyaml event loop (gcc -O2, system libyaml), median of 5 parses in one process; wmlint net of its 1K run:\n")
    rows = []
    for size in a.sizes:
        out = subprocess.run([os.path.join(a.bin, "yaml_events"), big_path(a, "yaml", size), "5"],
                             capture_output=True, text=True).stdout.split()
        libyaml, libyaml_cpu = float(out[-7]), float(out[-2])
        r = results["yaml"]
        net = max(r[size]["wall"] - r["1K"]["wall"], 1e-6)
        cnet = max(r[size]["user"] + r[size]["sys"] - r["1K"]["user"] - r["1K"]["sys"], 1e-3)
        n = os.path.getsize(big_path(a, "yaml", size))
        rows.append([size, "%.1f" % libyaml, "%.1f" % (n / net / 1e6), "%.0f%%" % (100 * n / net / 1e6 / libyaml),
                     "%.1f" % libyaml_cpu, "%.1f" % (n / cnet / 1e6), "%.0f%%" % (100 * n / cnet / 1e6 / libyaml_cpu)])
    table(rows, ["size", "libyaml MB/s (wall)", "wmlint MB/s (wall)", "of libyaml", "libyaml MB/s (CPU)",
                 "wmlint MB/s (CPU)", "of libyaml"])

    if "512K" in a.sizes and "4M" in a.sizes:
        print("Scaling 512K -> 4M (8x the bytes; target <= 10x), time net of start-up; memory target "
              "peak RSS <= 3x input + 20 MiB:\n")
        rows = []
        for form, res in results.items():
            t0 = res["1K"]["wall"]
            tr = (res["4M"]["wall"] - t0) / max(res["512K"]["wall"] - t0, 1e-6)
            cpu = lambda k: res[k]["user"] + res[k]["sys"]
            tc = (cpu("4M") - cpu("1K")) / max(cpu("512K") - cpu("1K"), 1e-3)
            rr = res["4M"]["rss"] / res["512K"]["rss"]
            nbytes = os.path.getsize(big_path(a, form, "4M"))
            limit = (3 * nbytes + 20 * MIB) / MIB
            rows.append([form, "%.1fx" % tr, "%.1fx" % tc, "%.1fx" % rr, "%.1f" % (res["4M"]["rss"] / 1024), "%.1f" % limit,
                         "yes" if res["4M"]["rss"] / 1024 <= limit else "NO"])
        table(rows, ["input", "wall 4M/512K", "CPU 4M/512K", "RSS 4M/512K", "RSS 4M MiB", "limit MiB", "within"])
    if a.callgrind:
        print("callgrind instruction counts (deterministic; the machine's load does not change them):\n")
        rows = []
        for form in FORM_ARGS:
            base = callgrind([wm, "check"] + FORM_ARGS[form] + [big_path(a, form, "1K")])
            big = callgrind([wm, "check", "--max-file-size", str(64 * MIB)] + FORM_ARGS[form] + [big_path(a, form, "512K")])
            nbytes = os.path.getsize(big_path(a, form, "512K")) - os.path.getsize(big_path(a, form, "1K"))
            rows.append([form, fmt_ir(base), fmt_ir(big), "%.1f" % ((big - base) / nbytes) if big and base else "n/a"])
        ly = callgrind([os.path.join(a.bin, "yaml_events"), big_path(a, "yaml", "512K"), "1"])
        rows.append(["libyaml event loop (512K, 1 parse)", "", fmt_ir(ly),
                     "%.1f" % (ly / os.path.getsize(big_path(a, "yaml", "512K"))) if ly else "n/a"])
        table(rows, ["input", "instructions 1K", "instructions 512K", "instructions / byte"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--callgrind", action="store_true")
    ap.add_argument("--variants", default="static")
    ap.add_argument("--sizes", default="16K,512K,4M,8M")
    ap.add_argument("--only", default="startup,many,throughput,heavy")
    a = ap.parse_args()
    a.variants = a.variants.split(",")
    a.sizes = a.sizes.split(",")
    print("# wmlint benchmarks\n")
    print("%s; %d cores; load average at start %s\n" % (
        subprocess.run(["uname", "-srm"], capture_output=True, text=True).stdout.strip(),
        os.cpu_count(), " ".join(load())))
    for name in a.only.split(","):
        {"startup": section_startup, "many": section_many, "throughput": section_throughput,
         "heavy": section_heavy}[name](a)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
