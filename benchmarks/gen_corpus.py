#!/usr/bin/env python3
"""Generate the benchmark inputs (deterministic: a fixed seed).

  gen_corpus.py many DIR [N]        N request-shaped files (default 2000): JSON, YAML
                                    and shell, about one in ten broken
  gen_corpus.py heavy DIR           diagnostic-heavy repositories (DIR/unknown, DIR/many)
  gen_corpus.py big DIR SIZE...     one file per form and size (bytes; suffix K or M):
                                    json, yaml, shorthand (one huge shorthand value in
                                    a script), shell (a long script), and the
                                    many-diagnostics forms json-diags and shell-diags
"""

import json
import os
import random
import sys

ORG = "m-0123456789abcdef0123456789abcdef"
INSTANCE = "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845"
APPLICATION = "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"
MODES = ["IDENTITY_PROVIDER_ONLY", "IDENTITY_PROVIDER_AND_DIRECTORY"]


def request(rng):
    """A request, valid or with one or two wrong values."""
    req = {
        "OrganizationId": ORG,
        "AuthenticationMode": rng.choice(MODES),
        "IdentityCenterConfiguration": {"InstanceArn": INSTANCE, "ApplicationArn": APPLICATION},
        "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": rng.randint(1, 3653)},
    }
    fault = rng.randrange(8)
    if fault == 0:
        req["AuthenticationMode"] = "IDENTITY_PROVIDER"
    elif fault == 1:
        req["OrganizationId"] = "m-" + "%030x" % rng.getrandbits(120)
    elif fault == 2:
        req["PersonalAccessTokenConfiguration"]["LifetimeInDays"] = 5000
    elif fault == 3:
        req["PersonalAccessTokenConfiguration"]["Status"] = "Active"
    elif fault == 4:
        del req["IdentityCenterConfiguration"]["ApplicationArn"]
    return req


def json_doc(rng, req):
    text = json.dumps(req, indent=rng.choice([2, 4]))
    if rng.randrange(10) == 0:  # broken: a missing comma or a cut-off document
        text = text.replace(",", "", 1) if rng.randrange(2) else text[: len(text) * 2 // 3]
    return text + "\n"


def yaml_scalar(v):
    return str(v) if isinstance(v, int) else v


def yaml_doc(rng, req):
    lines = ["# request for put-identity-provider-configuration"]
    for k, v in req.items():
        if isinstance(v, dict):
            lines.append("%s:" % k)
            for k2, v2 in v.items():
                lines.append("  %s: %s" % (k2, yaml_scalar(v2)))
        else:
            lines.append("%s: %s" % (k, v))
    if rng.randrange(10) == 0:  # broken: bad indentation or an unclosed flow mapping
        if rng.randrange(2):
            lines.insert(3, "   Stray: [1, 2")
        else:
            lines[2] = " " + lines[2]
    return "\n".join(lines) + "\n"


def shorthand(d):
    return ",".join("%s=%s" % (k, v) for k, v in d.items())


def shell_script(rng, req):
    out = ["#!/usr/bin/env bash", "set -euo pipefail", 'ORG_ID="%s"' % req["OrganizationId"], ""]
    for i in range(rng.randint(1, 3)):
        out.append('echo "configuring step %d"' % i)
        out.append("aws workmail put-identity-provider-configuration \\")
        out.append("    --organization-id %s \\" % (req["OrganizationId"] if i == 0 else '"$ORG_ID"'))
        out.append("    --authentication-mode %s \\" % req["AuthenticationMode"])
        out.append("    --identity-center-configuration '%s' \\" % shorthand(req["IdentityCenterConfiguration"]))
        pat = shorthand(req["PersonalAccessTokenConfiguration"])
        if rng.randrange(3) == 0:
            pat = json.dumps(req["PersonalAccessTokenConfiguration"], separators=(",", ":"))
        out.append("    --personal-access-token-configuration '%s'" % pat)
        out.append("")
    if rng.randrange(10) == 0:  # broken: an unterminated quote or shorthand
        out[-2] = out[-2].rstrip("'")
    return "\n".join(out) + "\n"


def many(directory, n):
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(20261129)
    for i in range(n):
        req = request(rng)
        kind = i % 3
        if kind == 0:
            name, text = "req-%04d.json" % i, json_doc(rng, req)
        elif kind == 1:
            name, text = "req-%04d.yaml" % i, yaml_doc(rng, req)
        else:
            name, text = "setup-%04d.sh" % i, shell_script(rng, req)
        with open(os.path.join(directory, name), "w") as f:
            f.write(text)


# --- big inputs ---------------------------------------------------------------

def filler_record(rng, i):
    return {
        "id": i,
        "name": "user-%06d" % i,
        "email": "user%d@example.com" % i,
        "enabled": bool(i % 2),
        "score": rng.randint(0, 10**6) / 100,
        "tags": ["mail", "sso", "日本語" if i % 7 == 0 else "plain"],
        "note": 'quote " and backslash \\ and \\u00e9' if i % 5 == 0 else None,
    }


def big_json(rng, size):
    """A request whose one extra member holds nested records up to SIZE bytes."""
    head = json.dumps(request_ok(), indent=2)[:-2] + ',\n  "Notes": [\n'
    parts, total, i = [head], len(head), 0
    while True:
        rec = "    " + json.dumps(filler_record(rng, i), ensure_ascii=False)
        if total + len(rec.encode()) + 10 > size:
            break
        parts.append(rec + ",\n")
        total += len(rec.encode()) + 2
        i += 1
    parts[-1] = parts[-1].rstrip(",\n") + "\n" if i else parts[-1]
    parts.append("  ]\n}\n")
    return "".join(parts)


def request_ok():
    return {
        "OrganizationId": ORG,
        "AuthenticationMode": MODES[0],
        "IdentityCenterConfiguration": {"InstanceArn": INSTANCE, "ApplicationArn": APPLICATION},
        "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 90},
    }


def big_json_diags(rng, size):
    """A request followed by thousands of unknown top-level members: one diagnostic each."""
    head = json.dumps(request_ok(), indent=2)[:-2]
    parts, total, i = [head], len(head), 0
    while total < size - 40:
        m = ',\n  "UnknownParameter%07d": "value %d"' % (i, i)
        parts.append(m)
        total += len(m)
        i += 1
    parts.append("\n}\n")
    return "".join(parts)


def big_yaml(rng, size):
    out = []
    for k, v in request_ok().items():
        if isinstance(v, dict):
            out.append("%s:\n" % k + "".join("  %s: %s\n" % (k2, v2) for k2, v2 in v.items()))
        else:
            out.append("%s: %s\n" % (k, v))
    out.append("Notes:\n")
    total, i = len("".join(out).encode()), 0
    while True:
        r = filler_record(rng, i)
        rec = (
            "  - id: %d\n    name: %s\n    email: %s\n    enabled: %s\n    score: %s\n"
            "    tags: [mail, sso, %s]\n    note: %s\n"
            % (r["id"], r["name"], r["email"], str(r["enabled"]).lower(), r["score"], r["tags"][2],
               "'it''s \"quoted\"'" if i % 5 == 0 else "~")
        )
        n = len(rec.encode())
        if total + n > size:
            break
        out.append(rec)
        total += n
        i += 1
    return "".join(out)


def big_shorthand(rng, size):
    """One invocation whose --identity-center-configuration value is a huge shorthand
    structure: the two members, then one extra member holding a long list of maps."""
    head = (
        "aws workmail put-identity-provider-configuration --organization-id %s "
        "--authentication-mode %s --personal-access-token-configuration Status=ACTIVE,LifetimeInDays=90 "
        "--identity-center-configuration 'InstanceArn=%s,ApplicationArn=%s,Extra=["
        % (ORG, MODES[0], INSTANCE, APPLICATION)
    )
    parts, total, i = [head], len(head), 0
    while total < size - 80:
        item = "{Name=user-%06d,Mail=user%d@example.com,Tags=[a,b,c],Score=%d}," % (i, i, rng.randint(0, 999))
        parts.append(item)
        total += len(item)
        i += 1
    parts[-1] = parts[-1].rstrip(",")
    parts.append("]'\n")
    return "".join(parts)


SHELL_LINES = [
    'echo "step $i: configuring ${NAME:-default}" >&2',
    "if [ -f \"$CONFIG\" ]; then source \"$CONFIG\"; fi",
    "for f in *.json; do cp -- \"$f\" \"/tmp/backup/$f\"; done",
    "RESULT=$(grep -c 'pattern with spaces' input.txt || true)",
    "# a comment line that mentions aws workmail but is not a command",
    "printf '%s\\n' \"quoted \\\"text\\\" here\" 'single quoted' $'ansi\\tc'",
    "case \"$MODE\" in a|b) echo one ;; *) echo other ;; esac",
    "export PATH=\"$HOME/bin:$PATH\"; cd /tmp && ls -la | sort -k5n",
]


def big_shell(rng, size, diags=False):
    """A long script of ordinary commands with an invocation every 40 lines;
    with diags, an invocation on every other line, each with three wrong values."""
    out = ["#!/usr/bin/env bash\nset -euo pipefail\n"]
    total, line = len(out[0]), 0
    every = 2 if diags else 40
    while True:
        if line % every == every - 1:
            if diags:
                s = ("aws workmail put-identity-provider-configuration --organization-id m-bad%d "
                     "--authentication-mode IDENTITY_PROVIDER --identity-center-configuration "
                     "InstanceArn=%s,ApplicationArn=%s --personal-access-token-configuration "
                     "Status=Active,LifetimeInDays=9999\n" % (line, INSTANCE, APPLICATION))
            else:
                s = ("aws workmail put-identity-provider-configuration \\\n  --organization-id %s \\\n"
                     "  --authentication-mode %s \\\n  --identity-center-configuration "
                     "InstanceArn=%s,ApplicationArn=%s \\\n  --personal-access-token-configuration "
                     "'{\"Status\":\"ACTIVE\",\"LifetimeInDays\":90}'\n" % (ORG, MODES[1], INSTANCE, APPLICATION))
        else:
            s = SHELL_LINES[line % len(SHELL_LINES)] + "\n"
        if total + len(s.encode()) > size:
            break
        out.append(s)
        total += len(s.encode())
        line += 1
    return "".join(out)


FORMS = {
    "json": (".json", big_json),
    "json-diags": (".json", big_json_diags),
    "yaml": (".yaml", big_yaml),
    "shorthand": (".sh", big_shorthand),
    "shell": (".sh", lambda rng, size: big_shell(rng, size)),
    "shell-diags": (".sh", lambda rng, size: big_shell(rng, size, diags=True)),
}


def parse_size(s):
    mult = {"K": 1024, "M": 1024 * 1024}.get(s[-1].upper(), 1)
    return int(s.rstrip("kKmM")) * mult


def big(directory, sizes):
    os.makedirs(directory, exist_ok=True)
    for s in sizes:
        size = parse_size(s)
        for form, (ext, fn) in FORMS.items():
            path = os.path.join(directory, "%s-%s%s" % (form, s, ext))
            if os.path.exists(path):
                continue
            with open(path, "w") as f:
                f.write(fn(random.Random(size), size))


def heavy(directory):
    """Diagnostic-heavy repositories: 900 scripts of about 6 KB whose every line repeats unknown options
    (unknown/), and 1,000 scripts of one invocation with 1,200 unknown options (many/)."""
    unknown = os.path.join(directory, "unknown")
    os.makedirs(unknown, exist_ok=True)
    line = "aws workmail put-identity-provider-configuration" + " --bogus-option x" * 4 + "\n"
    body = line * (6000 // len(line))
    for i in range(900):
        with open(os.path.join(unknown, "s%03d.sh" % i), "w") as f:
            f.write(body)
    many_dir = os.path.join(directory, "many")
    os.makedirs(many_dir, exist_ok=True)
    invocation = "aws workmail put-identity-provider-configuration" + "".join(
        " --bogus%d x" % i for i in range(1200)) + "\n"
    for i in range(1000):
        with open(os.path.join(many_dir, "s%04d.sh" % i), "w") as f:
            f.write(invocation)


if __name__ == "__main__":
    if sys.argv[1] == "heavy":
        heavy(sys.argv[2])
    elif sys.argv[1] == "many":
        many(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 2000)
    elif sys.argv[1] == "big":
        big(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
