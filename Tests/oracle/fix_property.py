#!/usr/bin/env python3
"""Property test of `wmlint --fix`: generated invocations, each with one fixable fault, in every quoting context.

    fix_property.py --wmlint PATH [--count N] [--seed S] [--dir DIR]

For each case the generator knows the request the fixed script must send. The script runs `wmlint --fix` once
over every case file, then checks, per case:
  - `bash -n` accepts the fixed script;
  - bash, with `aws` replaced by a function printing its words, gives words that the installed AWS CLI v1 parses
    to exactly the expected request (YAML documents: ruamel.yaml, as CLI v2 loads them, gives exactly the
    expected data);
  - every byte outside the fault's region is unchanged;
  - a second `wmlint --fix` changes nothing, and linting again no longer reports the fixed rule.
Prints one JSON line: {"cases": N, "failures": [...], "oracle_calls": M, "skipped": reason-or-null}.
Exit 0 when every case holds.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

ORG = "m-0123456789abcdef0123456789abcdef"
MODE = "IDENTITY_PROVIDER_AND_DIRECTORY"
INST = "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6"
APP = "arn:aws:sso::210987654321:application/ssoins-7223a1b2c3d4e5f6/apl-a1b2c3d4e5f6a7b8"
OP = "put-identity-provider-configuration"

SAFE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_=,:/.@+-%")


def quote_piece(text, style):
    if style == "bare":
        return "".join(c if c in SAFE else "\\" + c for c in text)
    if style == "single":
        if "'" in text:
            return quote_piece(text, "double")
        return "'" + text + "'"
    if style == "double":
        return '"' + "".join("\\" + c if c in '"\\$`' else c for c in text) + '"'
    if style == "dollar":
        return "$'" + "".join("\\" + c if c in "'\\" else c for c in text) + "'"
    raise ValueError(style)


def render_word(rng, text, plain=False):
    """A shell word reading `text`: one or more pieces in random quoting styles, maybe a continuation inside."""
    if plain or not text:
        return quote_piece(text, rng.choice(["single", "double"])) if not text else quote_piece(text, "bare")
    styles = ["bare", "single", "double", "dollar"]
    cuts = sorted(set(rng.sample(range(1, len(text)), k=min(len(text) - 1, rng.choice([0, 0, 1, 1, 2, 3])))))
    pieces = []
    last = 0
    for cut in cuts + [len(text)]:
        pieces.append(text[last:cut])
        last = cut
    out = []
    for piece in pieces:
        style = rng.choice(styles)
        word = quote_piece(piece, style)
        if style == "bare" and rng.random() < 0.15 and len(piece) > 1:
            # A backslash-newline continuation inside an unquoted piece (bash removes it).
            k = rng.randrange(1, len(piece))
            word = quote_piece(piece[:k], "bare") + "\\\n" + quote_piece(piece[k:], "bare")
        out.append(word)
    return "".join(out)


def shorthand(pairs):
    return ",".join("%s=%s" % kv for kv in pairs)


def base_parts():
    """The options of a valid request, as (option, decoded value), with the request they send."""
    request = {
        "OrganizationId": ORG,
        "AuthenticationMode": MODE,
        "IdentityCenterConfiguration": {"InstanceArn": INST, "ApplicationArn": APP},
        "PersonalAccessTokenConfiguration": {"Status": "ACTIVE"},
    }
    options = [
        ["--organization-id", ORG],
        ["--authentication-mode", MODE],
        ["--identity-center-configuration", shorthand([("InstanceArn", INST), ("ApplicationArn", APP)])],
        ["--personal-access-token-configuration", shorthand([("Status", "ACTIVE")])],
    ]
    return options, request


def as_json(obj):
    return json.dumps(obj, separators=(",", ":"))


def make_fault(rng):
    """One fault: (rule, options, expected request, document or None)."""
    options, request = base_parts()
    kind = rng.choice(
        [
            "enum-status", "enum-mode", "org-lower", "org-trim", "arns-swapped", "lifetime-ignored",
            "unknown-key-status", "unknown-key-instance", "unknown-option", "abbreviated-option",
            "json-enum", "json-lifetime", "json-unknown-key", "bom", "unused-suppression",
        ]
    )
    rule = None
    if kind == "enum-status":
        rule = "enum-value"
        value = rng.choice(["active", "Active", "aCTIVE"])
        options[3][1] = shorthand([("Status", value)])
    elif kind == "enum-mode":
        rule = "enum-value"
        options[1][1] = rng.choice(["identity_provider_and_directory", "Identity_Provider_And_Directory"])
    elif kind == "org-lower":
        rule = "organization-id-format"
        options[0][1] = ORG.upper()
    elif kind == "org-trim":
        rule = "organization-id-format"
        options[0][1] = rng.choice([" " + ORG, ORG + " ", "  " + ORG + "\t"])
    elif kind == "arns-swapped":
        rule = "arns-swapped"
        options[2][1] = shorthand([("InstanceArn", APP), ("ApplicationArn", INST)])
    elif kind == "lifetime-ignored":
        rule = "pat-lifetime-ignored"
        days = str(rng.choice([1, 30, 365]))
        pairs = [("Status", "INACTIVE"), ("LifetimeInDays", days)]
        if rng.random() < 0.5:
            pairs.reverse()
        options[3][1] = shorthand(pairs)
        request["PersonalAccessTokenConfiguration"] = {"Status": "INACTIVE"}
    elif kind == "unknown-key-status":
        rule = "unknown-key"
        options[3][1] = shorthand([(rng.choice(["status", "STATUS"]), "ACTIVE")])
    elif kind == "unknown-key-instance":
        rule = "unknown-key"
        options[2][1] = shorthand([("instanceArn", INST), ("ApplicationArn", APP)])
    elif kind == "unknown-option":
        rule = "unknown-option"
        index = rng.choice([0, 3])
        options[index][0] = {0: "--organisation-id", 3: "--personal-access-token-configuraton"}[index]
    elif kind == "abbreviated-option":
        rule = "abbreviated-option"
        index = rng.choice([0, 1, 3])
        options[index][0] = {0: "--organization", 1: "--authentication", 3: "--personal-access"}[index]
    elif kind == "json-enum":
        rule = "enum-value"
        options[3][1] = as_json({"Status": rng.choice(["active", "Inactive"])})
        request["PersonalAccessTokenConfiguration"]["Status"] = options[3][1].split('"')[3].upper()
    elif kind == "json-lifetime":
        rule = "pat-lifetime-ignored"
        options[3][1] = rng.choice(
            ['{"Status":"INACTIVE","LifetimeInDays":30}', '{"LifetimeInDays": 30, "Status": "INACTIVE"}']
        )
        request["PersonalAccessTokenConfiguration"] = {"Status": "INACTIVE"}
    elif kind == "json-unknown-key":
        rule = "unknown-key"
        options[2][1] = as_json({"instanceArn": INST, "ApplicationArn": APP})
    elif kind == "bom":
        rule = "encoding"
    elif kind == "unused-suppression":
        rule = "unused-suppression"
    return kind, rule, options, request


def make_document_case(rng):
    """A YAML document (block or flow) with one fault, linted on its own."""
    kind = rng.choice(["yaml-enum", "yaml-lifetime", "yaml-unknown-key", "yaml-org"])
    flow = rng.random() < 0.4
    status, lifetime, status_key, org = "ACTIVE", None, "Status", ORG
    expected_pat = {"Status": "ACTIVE"}
    if kind == "yaml-enum":
        rule, status = "enum-value", rng.choice(["active", "'Active'", '"active"'])
    elif kind == "yaml-lifetime":
        rule, status, lifetime = "pat-lifetime-ignored", "INACTIVE", rng.choice(["30", "30   # one month"])
        expected_pat = {"Status": "INACTIVE"}
    elif kind == "yaml-unknown-key":
        rule, status_key = "unknown-key", "status"
    else:
        rule, org = "organization-id-format", ORG.upper()
    expected = {
        "OrganizationId": ORG,
        "AuthenticationMode": MODE,
        "IdentityCenterConfiguration": {"InstanceArn": INST, "ApplicationArn": APP},
        "PersonalAccessTokenConfiguration": expected_pat,
    }
    nl = "\r\n" if rng.random() < 0.25 else "\n"
    if flow:
        pat = "%s: %s" % (status_key, status)
        if lifetime:
            pat += ", LifetimeInDays: 30"
        lines = [
            "# request" ,
            "{OrganizationId: %s, AuthenticationMode: %s," % (org, MODE),
            " IdentityCenterConfiguration: {InstanceArn: '%s', ApplicationArn: '%s'}," % (INST, APP),
            " PersonalAccessTokenConfiguration: {%s}}" % pat,
        ]
    else:
        lines = [
            "# request",
            "OrganizationId: %s" % org,
            "AuthenticationMode: %s  # how users sign in" % MODE,
            "IdentityCenterConfiguration:",
            "  InstanceArn: %s" % INST,
            "  ApplicationArn: %s" % APP,
            "PersonalAccessTokenConfiguration:",
            "  %s: %s" % (status_key, status),
        ]
        if lifetime:
            lines.append("  LifetimeInDays: %s" % lifetime)
        lines.append("# end")
    text = nl.join(lines) + nl
    return {"kind": kind, "rule": rule, "form": "yaml", "text": text, "expected": expected,
            "region": [0, len(text.encode())]}


def make_script_case(rng):
    kind, rule, options, request = make_fault(rng)
    crlf = rng.random() < 0.15
    words = ["aws"]
    if rng.random() < 0.3:
        words += ["--region", "us-east-1"]
    words += ["workmail", OP]
    fault_words = []
    rng.shuffle(options)
    for option, value in options:
        if rng.random() < 0.3 and not crlf:
            words.append("--") if False else None
        if rng.random() < 0.25:
            words.append(render_word(rng, option + "=", plain=True) + render_word(rng, value))
        else:
            words.append(render_word(rng, option, plain=rng.random() < 0.8))
            words.append(render_word(rng, value))
    if crlf:
        # Backslash before CRLF is no continuation: keep the command on one line, its `\r` in a comment.
        words = [w.replace("\\\n", "") for w in words]
        seps = [" "] * (len(words) - 1)
    else:
        seps = [rng.choice([" ", " ", " ", " \\\n  "]) for _ in range(len(words) - 1)]
    command = words[0] + "".join(s + w for s, w in zip(seps, words[1:]))
    nl = "\r\n" if crlf else "\n"
    head = "#!/bin/bash" + nl + "set -e" + nl
    if kind == "unused-suppression":
        head += "# wmlint-disable-next-line " + rng.choice(["clients-locked-out", "pat-lifetime-ignored"]) + nl
    tail = (" #" if crlf else "") + nl + "echo done" + nl
    text = head + command + tail
    data = text.encode()
    if kind == "bom":
        data = b"\xef\xbb\xbf" + data
    if kind == "unused-suppression":
        region = [len(("#!/bin/bash" + nl + "set -e" + nl).encode()), len((head).encode())]
    elif kind == "bom":
        region = [0, 3]
    else:
        start = len(head.encode())
        region = [start, start + len(command.encode())]
    return {"kind": kind, "rule": rule, "form": "shell", "bytes": data, "expected": request, "region": region}


def generate(count, seed, directory):
    rng = random.Random(seed)
    cases = []
    for index in range(count):
        case = make_document_case(rng) if rng.random() < 0.12 else make_script_case(rng)
        case["id"] = "c%04d" % index
        ext = ".yaml" if case["form"] == "yaml" else ".sh"
        case["path"] = os.path.join(directory, case["id"] + ext)
        data = case.pop("bytes", None)
        if data is None:
            data = case.pop("text").encode()
        with open(case["path"], "wb") as f:
            f.write(data)
        case["original"] = data
        cases.append(case)
    return cases


BASH_DRIVER = r"""
aws() { printf '%s\0' "$@"; }
echo() { :; }
for f in "$@"; do
  printf '\001%s\0' "$f"
  if bash -n "$f" 2>/dev/null; then printf 'SYNTAX-OK\0'; else printf 'SYNTAX-BAD\0'; fi
  ( . "$f" ) 2>/dev/null
done
"""


def run_bash(paths):
    # Two drivers side by side, each forking a `bash -n` and a subshell per script.
    half = len(paths) // 2
    drivers = [
        subprocess.Popen(["bash", "-c", BASH_DRIVER, "bash"] + chunk, stdout=subprocess.PIPE)
        for chunk in (paths[:half], paths[half:])
    ]
    out = b"".join(driver.communicate()[0] for driver in drivers)
    results = {}
    current = None
    for field in out.split(b"\0"):
        if field.startswith(b"\x01"):
            current = field[1:].decode()
            results[current] = {"syntax": None, "words": []}
        elif current is not None and field in (b"SYNTAX-OK", b"SYNTAX-BAD"):
            results[current]["syntax"] = field == b"SYNTAX-OK"
        elif current is not None and field:
            results[current]["words"].append(field.decode("utf-8", "surrogateescape"))
        elif current is not None:
            results[current]["words"].append("")
    for r in results.values():
        # The last empty field is the split's tail, not a word.
        while r["words"] and r["words"][-1] == "":
            r["words"].pop()
    return results


def canonical(words):
    """`words` with `--opt=value` split and the (option, value) pairs of the operation sorted."""
    split = []
    for word in words:
        if word.startswith("--") and "=" in word:
            split.extend(word.split("=", 1))
        else:
            split.append(word)
    try:
        start = split.index(OP) + 1
    except ValueError:
        return split
    rest = split[start:]
    if len(rest) % 2 or not all(rest[i].startswith("--") for i in range(0, len(rest), 2)):
        return split
    pairs = sorted(zip(rest[0::2], rest[1::2]))
    head = [w for w in split[:start] if w not in ("--region", "us-east-1")]
    return head + [w for pair in pairs for w in pair]


def wmlint(binary, args, cwd):
    return subprocess.run([binary] + args, capture_output=True, cwd=cwd)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wmlint", required=True)
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--dir", default=None)
    opts = ap.parse_args()

    directory = opts.dir or os.path.join("/tmp", "wmlint-fix-property-%d" % os.getpid())
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(os.path.join(directory, ".git"))
    started = time.time()
    phases = {}
    cases = generate(opts.count, opts.seed, directory)
    phases["generate"] = time.time() - started
    paths = [c["path"] for c in cases]
    failures = []

    def fail(case, what):
        failures.append({"id": case["id"], "kind": case["kind"], "what": what})

    first = wmlint(opts.wmlint, ["check", "--no-config", "--fix", "--format", "json"] + paths, directory)
    fixed = {}
    for case in cases:
        with open(case["path"], "rb") as f:
            fixed[case["id"]] = f.read()
    second = wmlint(opts.wmlint, ["check", "--no-config", "--fix", "--format", "json"] + paths, directory)
    remaining = {}
    try:
        for d in json.loads(second.stdout)["diagnostics"]:
            remaining.setdefault(os.path.abspath(os.path.join(directory, d["path"])), set()).add(d["rule"])
    except Exception as e:
        print(json.dumps({"error": "second run output: %r %r" % (e, second.stderr[-400:])}))
        return 1
    for case in cases:
        with open(case["path"], "rb") as f:
            if f.read() != fixed[case["id"]]:
                fail(case, "a second --fix changed the file")
        if case["rule"] in remaining.get(case["path"], set()):
            fail(case, "the fixed rule %s is still reported" % case["rule"])
        original, new = case["original"], fixed[case["id"]]
        if new == original:
            fail(case, "nothing was fixed")
        lo, hi = case["region"]
        if not (new.startswith(original[:lo]) and new.endswith(original[hi:]) and len(new) >= lo + len(original) - hi):
            fail(case, "bytes outside the fault's region changed")

    phases["wmlint"] = time.time() - started - sum(phases.values())
    scripts = [c for c in cases if c["form"] == "shell"]
    bash = run_bash([c["path"] for c in scripts])
    phases["bash"] = time.time() - started - sum(phases.values())
    # The oracle: one Python process, each distinct argv once.
    sys.path.insert(0, HERE)
    import aws_oracle  # noqa: E402

    aws_oracle.share_loader(True)
    seen = {}
    literal = 0
    for case in scripts:
        result = bash.get(case["path"])
        if result is None or not result["syntax"]:
            fail(case, "bash -n rejects the fixed script")
            continue
        words = result["words"]
        if not words:
            fail(case, "bash ran no aws command")
            continue
        # Argparse reads `--opt=value` as `--opt value`, and distinct options in any order alike (findings
        # re-checked by check_findings.py): the oracle runs each canonical argv once, and the first cases'
        # argv literally too.
        argv = canonical(words)
        key = json.dumps(argv)
        if key not in seen:
            seen[key] = aws_oracle.run_argv(argv, directory)
        out = seen[key]
        if literal < 40:
            literal += 1
            if aws_oracle.run_argv(words, directory) != out:
                fail(case, "the literal argv and its canonical form give different results")
        if not out.get("ok") or out.get("request") != case["expected"]:
            fail(case, "the AWS CLI reads %r from %r" % (out.get("request") or out.get("error"), words))
    for case in cases:
        if case["form"] != "yaml":
            continue
        out = aws_oracle.load_yaml(fixed[case["id"]].decode())
        if not out.get("ok") or out.get("data") != case["expected"]:
            fail(case, "ruamel.yaml reads %r" % (out.get("data") or out.get("error")))
    phases["oracle"] = time.time() - started - sum(phases.values())
    print(json.dumps({"cases": len(cases), "seconds": {k: round(v, 1) for k, v in phases.items()}, "failures": failures[:50], "failure_count": len(failures),
                      "oracle_calls": len(seen), "first_fix_stderr": first.stderr.decode()[-300:]}))
    shutil.rmtree(directory, ignore_errors=True) if not failures else None
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
