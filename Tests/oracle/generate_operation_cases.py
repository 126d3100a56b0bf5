#!/usr/bin/env python3
"""Fixed-seed generator of invocations of the covered WorkMail operations other than
`put-identity-provider-configuration`, valid and subtly broken.

Writes JSON lines for aws_oracle.py on stdout, in the format of generate_cases.py:
  {"id": "create-user-0001", "kind": "...", "argv": [...], "cwd": DIR, "sh": "aws ...",
   "files": {"name": "text", ...}}

For each operation of rules/operations.json but put-identity-provider-configuration, --count-per-operation cases:
first the corner cases built from the operation's shape (options missing, unknown or abbreviated, `--name=value`,
strings at and around their length bounds, patterns broken at the start, middle and end, enum near-misses,
integers as Python's int() reads them, boolean flags, file:// values, --cli-input-json documents,
--generate-cli-skeleton, global options, and the paging options of a paginated operation), then seeded random
composites. The id starts with the operation's CLI name. Files that a case refers to are written under --dir,
one sub-directory per case, which is that case's cwd; cases without files run in --dir.

Never generated: --starting-token, --cli-input-yaml and other v2-only options, http(s):// values (v1 fetches
them).

Usage: generate_operation_cases.py [--count-per-operation N] [--seed S] [--dir DIR] > cases.jsonl
"""

import argparse
import json
import os
import random
import shlex
import sys
import tempfile

from botocore import xform_name

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shape_oracle import sample_pattern  # noqa: E402

OPERATIONS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rules", "operations.json")
SKIPPED = {"put-identity-provider-configuration"}  # generate_cases.py covers it
# Operations the CLI pages through (botocore's paginators-1.json): their input token and limit member.
PAGINATED = {"list-personal-access-tokens": ("NextToken", "MaxResults")}

ORG = "m-0123456789abcdef0123456789abcdef"
INST = "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845"
APP = "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"
# A valid value of each member, by member name (a name has one shape in the covered operations, but for
# IdentityProviderUserId, which update-user also lets be empty).
CANONICAL = {
    "OrganizationId": ORG,
    "InstanceArn": INST,
    "ApplicationArn": APP,
    "Name": "jdoe",
    "DisplayName": "Jane Doe",
    "Password": "Corr3ct-Horse-Battery",
    "Role": "USER",
    "FirstName": "Jane",
    "LastName": "Doe",
    "IdentityProviderUserId": "0123456789-89abcdef-0123-4567-89ab-0123456789ab",
    "PersonalAccessTokenId": "pat_0123456789abcdef",
    "UserId": "S-1-1-11-1122222222-2222233333-3333334444-4",
    "NextToken": "AAAAAQ+abc/def=",
    "MaxResults": 10,
    "ClientToken": "token-0001",
    "Initials": "JD",
    "Telephone": "+1 206 555 0100",
    "Street": "410 Terry Ave N",
    "JobTitle": "Engineer",
    "City": "Seattle",
    "Company": "Example Corp",
    "ZipCode": "98109",
    "Department": "Mail",
    "Country": "US",
    "Office": "SEA-1",
}
# Characters that break a pattern when put at the start, in the middle or at the end of a valid value.
BREAKERS = [" ", "日", "é", "😀", "!", "\n", "\t", "\u3000", "/", "Z", "ß", "\u0301"]
# Text of no pattern, for members without one: multi-byte and CJK among ASCII.
FREE_TEXT = "abc XYZ 0189-._日本語éßж😀"
INTEGER_WORDS = [
    " 5", "5 ", "+5", "05", "0x5", "5_0", "5__0", "٥", "١٠٠", "-1", "0", "1", "100", "101", str(10**30), "",
    "5.0", "1e1", "five", "-0", "+0",
]
UNKNOWN_OPTIONS = [["--nmae", "x"], ["--dry-run"], ["--extra-option", "1"], ["extra"], ["--organisation-id", ORG]]


class Member:
    def __init__(self, spec, required):
        self.name = spec["name"]
        self.type = spec["type"]
        self.spec = spec
        self.required = required
        self.option = "--" + xform_name(self.name, "-")
        self.negative = "--no-" + xform_name(self.name, "-")

    @property
    def pattern(self):
        return self.spec.get("pattern")

    @property
    def enum(self):
        return self.spec.get("enum")

    def valid(self, rng=None):
        """A valid value: the canonical one, or one sampled from the pattern or the free text."""
        if self.type == "boolean":
            return True if rng is None else rng.random() < 0.5
        if self.type == "integer":
            if rng is None:
                return CANONICAL.get(self.name, 1)
            return rng.randint(self.spec.get("min", 0), self.spec.get("max", 100))
        if rng is None or rng.random() < 0.4 or self.name in ("OrganizationId", "ClientToken"):
            return CANONICAL[self.name]
        if self.enum:
            return rng.choice(self.enum)
        low, high = max(self.spec.get("min", 0), 1), self.spec.get("max", 64)
        for _ in range(50):
            if self.pattern:
                text = sample_pattern(self.pattern, rng)
            else:
                text = "".join(rng.choice(FREE_TEXT) for _ in range(rng.randint(low, min(high, low + 16))))
            if low <= len(text) <= high and "\x00" not in text and not text.startswith("-"):
                return text
        return CANONICAL[self.name]


class Operation:
    def __init__(self, spec):
        self.cli = spec["cli"]
        required = set(spec["input"].get("required", []))
        self.members = [Member(m, m["name"] in required) for m in spec["input"]["members"]]
        self.paging = PAGINATED.get(self.cli)

    @property
    def required(self):
        return [m for m in self.members if m.required]

    @property
    def representatives(self):
        """The members whose values the corner cases vary: the required ones and the first of each shape (update-user
        has twelve members of one free-text shape; its others get the option and abbreviation cases only)."""
        seen, found = set(), []
        for m in self.members:
            if m.required or m.spec["shape"] not in seen:
                found.append(m)
            seen.add(m.spec["shape"])
        return found

    def member(self, name):
        return next(m for m in self.members if m.name == name)

    def option_strings(self):
        """Every option the operation's parser knows (the global parser's options aside)."""
        found = ["--cli-input-json", "--generate-cli-skeleton"]
        for m in self.members:
            found.append(m.option)
            if m.type == "boolean":
                found.append(m.negative)
        if self.paging:
            found += ["--starting-token", "--page-size", "--max-items"]
        return found


def load_operations():
    with open(OPERATIONS_FILE, encoding="utf-8") as f:
        spec = json.load(f)
    return [Operation(o) for o in spec["operations"] if o["cli"] not in SKIPPED]


class Case:
    def __init__(self, kind, argv, files=None):
        self.kind = kind
        self.argv = argv
        self.files = files or {}


def words(member, value):
    """The command-line words that give `value` to `member` (a boolean is a flag, True or False)."""
    if member.type == "boolean":
        return [member.option if value else member.negative]
    return [member.option, value if isinstance(value, str) else str(value)]


def command(op, values, order=None):
    """`workmail <op>` and the options of `values` (a dict member name → value), in the members' order."""
    argv = ["workmail", op.cli]
    for m in order or op.members:
        if m.name in values:
            argv += words(m, values[m.name])
    return argv


def required_values(op):
    return {m.name: m.valid() for m in op.required}


def all_values(op):
    return {m.name: m.valid() for m in op.members}


def grown(text, length, filler):
    """`text` cut or grown to `length` code points, grown with `filler`."""
    if len(text) >= length:
        return text[:length]
    while len(text) < length:
        text += filler
    return text


def shortest_unique_prefix(option, options):
    for end in range(3, len(option) + 1):
        prefix = option[:end]
        if [o for o in options if o.startswith(prefix)] == [option]:
            return prefix
    return None


def ambiguous_prefixes(options):
    """For each pair of options sharing a prefix longer than `--`, that prefix (the longest they share)."""
    found = []
    for index, first in enumerate(options):
        for second in options[index + 1:]:
            end = 0
            while end < min(len(first), len(second)) and first[end] == second[end]:
                end += 1
            prefix = first[:end]
            if len(prefix) > 2 and prefix not in options and prefix not in found:
                found.append(prefix)
    return found


# --- the corner cases of one operation ----------------------------------------------------------------------------


def option_cases(op):
    base = required_values(op)
    cases = [
        Case("valid-required", command(op, base)),
        Case("valid-all", command(op, all_values(op))),
        Case("valid-reversed", command(op, all_values(op), list(reversed(op.members)))),
        Case("missing-all", ["workmail", op.cli]),
    ]
    for m in op.required:
        values = dict(base)
        del values[m.name]
        cases.append(Case("missing:" + m.name, command(op, values)))
    for extra in UNKNOWN_OPTIONS:
        cases.append(Case("unknown-option:" + extra[0].lstrip("-"), command(op, base) + extra))
    first = op.members[0]
    cases.append(Case("unknown-option:upper-case", command(op, {k: v for k, v in base.items() if k != first.name})
                      + [first.option.upper(), str(first.valid())]))
    options = op.option_strings()
    for m in op.members:
        flags = [m.option] + ([m.negative] if m.type == "boolean" else [])
        for flag in flags:
            prefix = shortest_unique_prefix(flag, options)
            for abbreviation in sorted({prefix, flag[:-1]} - {None, flag}):
                argv = command(op, {k: v for k, v in base.items() if k != m.name})
                value = [] if m.type == "boolean" else [str(m.valid())]
                cases.append(Case("abbreviation:" + abbreviation, argv + [abbreviation] + value))
    for prefix in ambiguous_prefixes(options):
        cases.append(Case("ambiguous:" + prefix, command(op, base) + [prefix, "x"]))
    for m in op.representatives:
        if m.type == "boolean":
            continue
        values = dict(base)
        values.pop(m.name, None)
        argv = command(op, values)
        cases.append(Case("equals:" + m.name, argv + [m.option + "=" + str(m.valid())]))
        cases.append(Case("equals-empty:" + m.name, argv + [m.option + "="]))
        cases.append(Case("dash-value:" + m.name, argv + [m.option, "-x"]))
        cases.append(Case("dash-value-equals:" + m.name, argv + [m.option + "=-x"]))
        cases.append(Case("repeated:" + m.name, argv + [m.option, "x", m.option, str(m.valid())]))
    return cases


def string_cases(op, rng):
    cases = []
    base = required_values(op)
    for m in op.representatives:
        if m.type != "string":
            continue
        valid = m.valid()
        low, high = m.spec.get("min"), m.spec.get("max")
        lengths = sorted({n for n in (0, (low or 0) - 1, low or 0, high, (high or 0) + 1) if n is not None and n >= 0})
        fillers = [valid[-1:] or "a"] if m.pattern or m.enum else ["a", "日", "😀"]
        for length in lengths if high is not None else []:
            for filler in fillers:
                value = grown(valid, length, filler)
                cases.append(Case("length:%s:%d:%s" % (m.name, length, filler), command(op, {**base, m.name: value})))
        if m.pattern:
            for where in ("start", "middle", "end"):
                for breaker in rng.sample(BREAKERS, 2):
                    at = {"start": 0, "middle": len(valid) // 2, "end": len(valid)}[where]
                    value = valid[:at] + breaker + valid[at:]
                    cases.append(Case("pattern:%s:%s" % (m.name, where), command(op, {**base, m.name: value})))
        else:
            for text in ("日本語の表示名", "Zoë Ångström", "😀" * 3, "  padded  ", "line\nbreak"):
                cases.append(Case("text:" + m.name, command(op, {**base, m.name: text})))
        if m.enum:
            value = m.enum[0]
            misses = [value.lower(), value.title(), " " + value, value + " ", value + "\n", value.replace("_", "-"),
                      chr(ord(value[0]) + 0xFEE0) + value[1:], value[:-1], ",".join(m.enum[:2])]
            for miss in misses + m.enum:
                cases.append(Case("enum:" + m.name, command(op, {**base, m.name: miss})))
    return cases


def integer_cases(op):
    cases = []
    base = required_values(op)
    for m in op.members:
        if m.type == "integer":
            for text in INTEGER_WORDS:
                cases.append(Case("integer:%s:%r" % (m.name, text), command(op, base) + [m.option, text]))
    return cases


def boolean_cases(op):
    cases = []
    base = required_values(op)
    for m in op.members:
        if m.type != "boolean":
            continue
        values = {k: v for k, v in base.items() if k != m.name}
        argv = command(op, values)
        for kind, extra in [
            ("flag", [m.option]),
            ("negative", [m.negative]),
            ("both", [m.option, m.negative]),
            ("both-reversed", [m.negative, m.option]),
            ("twice", [m.option, m.option]),
            ("equals-true", [m.option + "=true"]),
            ("equals-false", [m.negative + "=false"]),
            ("value-word", [m.option, "true"]),
            ("value-false", [m.option, "false"]),
            ("absent", []),
        ]:
            cases.append(Case("boolean:%s:%s" % (m.name, kind), argv + extra))
    return cases


def file_cases(op):
    cases = []
    base = required_values(op)
    for m in op.representatives:
        if m.type == "boolean":
            continue
        valid = str(m.valid())
        values = {k: v for k, v in base.items() if k != m.name}
        argv = command(op, values)
        for kind, text in [("plain", valid), ("newline", valid + "\n"), ("crlf", valid + "\r\n"), ("empty", "")]:
            cases.append(Case("file:%s:%s" % (m.name, kind), argv + [m.option, "file://value.txt"],
                              {"value.txt": text}))
        cases.append(Case("file:%s:missing" % m.name, argv + [m.option, "file://missing.txt"]))
    return cases


def input_json_cases(op):
    cases = []
    doc = all_values(op)
    required = {m.name: m.valid() for m in op.required}

    def add(kind, document, extra=(), text=None, forms=("inline", "file")):
        text = json.dumps(document, ensure_ascii=False) if text is None else text
        if "inline" in forms:
            cases.append(Case("input-json:%s:inline" % kind, ["workmail", op.cli, "--cli-input-json", text]
                              + list(extra)))
        if "file" in forms:
            cases.append(Case("input-json:%s:file" % kind, ["workmail", op.cli, "--cli-input-json",
                                                            "file://input.json"] + list(extra),
                              {"input.json": text + "\n"}))

    add("all", doc)
    add("required", required)
    for m in op.representatives:
        wrong = {
            "string": [5, None, True, [], {}],
            "integer": ["5", True, False, 5.0, None, 0, 101, 10**30],
            "boolean": ["true", 1, 0, None],
        }[m.type]
        for index, value in enumerate(wrong):
            # A wrong type is read the same from either form: each is tried in one, alternately.
            add("type:%s:%s" % (m.name, json.dumps(value)), {**required, m.name: value},
                forms=[("inline", "file")[index % 2]])
    add("unknown-key", {**required, "Nmae": "x"})
    add("lower-case-key", {**{k.lower(): v for k, v in required.items()}})
    for m in op.required:
        add("missing:" + m.name, {k: v for k, v in required.items() if k != m.name})
        if m.type == "boolean":
            add("missing-flag-given:" + m.name, {k: v for k, v in required.items() if k != m.name}, [m.option])
        else:
            add("missing-option-given:" + m.name, {k: v for k, v in required.items() if k != m.name},
                [m.option, str(m.valid())])
    for m in op.representatives:
        if m.type == "boolean":
            add("override:" + m.name, {**required, m.name: True}, [m.negative])
        elif m.type == "integer":
            add("override:" + m.name, {**required, m.name: 7}, [m.option, "9"])
        else:
            add("override:" + m.name, {**required, m.name: "x"}, [m.option, str(m.valid())])
    add("array", [required])
    add("string", "x")
    add("empty-object", {})
    add("malformed", None, text=json.dumps(required)[:-1])
    return cases


def skeleton_cases(op):
    base = required_values(op)
    return [
        Case("skeleton", ["workmail", op.cli, "--generate-cli-skeleton"]),
        Case("skeleton-input", ["workmail", op.cli, "--generate-cli-skeleton", "input"]),
        Case("skeleton-output", ["workmail", op.cli, "--generate-cli-skeleton", "output"]),
        Case("skeleton-with-options", command(op, base) + ["--generate-cli-skeleton"]),
        Case("skeleton-bad-choice", ["workmail", op.cli, "--generate-cli-skeleton", "yaml"]),
    ]


def global_cases(op):
    cases = []
    argv = command(op, required_values(op))
    for kind, option in [
        ("region", ["--region", "eu-west-1"]),
        ("output-text", ["--output", "text"]),
        ("output-table", ["--output", "table"]),
        ("output-bad", ["--output", "xml"]),
        ("query", ["--query", "Foo"]),
        ("query-bad", ["--query", "Foo[0"]),
        ("debug", ["--debug"]),
        ("no-verify-ssl", ["--no-verify-ssl"]),
        ("region-empty", ["--region", ""]),
    ]:
        cases.append(Case("global-before:" + kind, option + argv))
        cases.append(Case("global-after:" + kind, argv + option))
    return cases


def paging_cases(op):
    if not op.paging:
        return []
    token, limit = op.paging
    limit_option = op.member(limit).option
    token_option = op.member(token).option
    argv = command(op, required_values(op))
    cases = []
    for kind, extra in [
        ("page-size", ["--page-size", "5"]),
        ("page-size-0", ["--page-size", "0"]),
        ("page-size-101", ["--page-size", "101"]),
        ("page-size-space", ["--page-size", " 5"]),
        ("page-size-word", ["--page-size", "five"]),
        ("max-items", ["--max-items", "5"]),
        ("max-items-0", ["--max-items", "0"]),
        ("max-items--1", ["--max-items", "-1"]),
        ("max-items-page-size", ["--max-items", "3", "--page-size", "2"]),
        ("no-paginate", ["--no-paginate"]),
        ("no-paginate-limit", ["--no-paginate", limit_option, "5"]),
        ("no-paginate-page-size", ["--no-paginate", "--page-size", "5"]),
        ("no-paginate-max-items", ["--no-paginate", "--max-items", "5"]),
        ("limit-page-size", [limit_option, "7", "--page-size", "5"]),
        ("limit-max-items", [limit_option, "7", "--max-items", "5"]),
        ("token", [token_option, "abc"]),
        ("token-limit", [token_option, "abc", limit_option, "5"]),
        ("token-page-size", [token_option, "abc", "--page-size", "5"]),
        ("page-abbreviated", ["--page", "5"]),
        ("max-abbreviated", ["--max", "5"]),
    ]:
        cases.append(Case("paging:" + kind, argv + extra))
    for kind, document in [("limit", {limit: 5}), ("token", {token: "abc"}), ("page-size", {"PageSize": 5})]:
        doc = json.dumps({**required_values(op), **document})
        cases.append(Case("paging-input-json:" + kind, ["workmail", op.cli, "--cli-input-json", doc]))
        cases.append(Case("paging-input-json-page-size:" + kind,
                          ["workmail", op.cli, "--cli-input-json", doc, "--page-size", "3"]))
    return cases


def fixed_cases(op, rng):
    return (option_cases(op) + string_cases(op, rng) + integer_cases(op) + boolean_cases(op) + file_cases(op)
            + input_json_cases(op) + skeleton_cases(op) + global_cases(op) + paging_cases(op))


# --- seeded random composites -------------------------------------------------------------------------------------

FAULTS = ["length", "pattern", "enum", "integer", "missing", "unknown", "abbreviation", "equals", "global", "file",
          "boolean-both", "repeat"]


def random_case(op, rng):
    values = {m.name: m.valid(rng) for m in op.members if m.required or rng.random() < 0.5}
    order = list(op.members)
    rng.shuffle(order)
    faults = [] if rng.random() < 0.4 else rng.sample(FAULTS, rng.randint(1, 2))
    files = {}
    for fault in faults:
        strings = [m for m in op.members if m.type == "string" and m.name in values]
        if fault == "length" and strings:
            m = rng.choice(strings)
            bounds = [n for n in (m.spec.get("min", 0) - 1, m.spec.get("min", 0), m.spec.get("max"),
                                  (m.spec.get("max") or 0) + 1) if n is not None and n >= 0]
            values[m.name] = grown(str(values[m.name]), rng.choice(bounds), rng.choice(["a", "日", "😀", "é"]))
        elif fault == "pattern":
            patterned = [m for m in strings if m.pattern]
            if patterned:
                m = rng.choice(patterned)
                text = values[m.name]
                at = rng.choice([0, len(text) // 2, len(text)])
                values[m.name] = text[:at] + rng.choice(BREAKERS) + text[at:]
        elif fault == "enum":
            enums = [m for m in op.members if m.enum]
            if enums:
                m = rng.choice(enums)
                value = rng.choice(m.enum)
                values[m.name] = rng.choice([value.lower(), " " + value, value + " ", value.title(), value[:-1]])
        elif fault == "integer":
            integers = [m for m in op.members if m.type == "integer"]
            if integers:
                values[rng.choice(integers).name] = rng.choice(INTEGER_WORDS)
        elif fault == "missing":
            present = [m for m in op.required if m.name in values]
            if present:
                del values[rng.choice(present).name]
    argv = ["workmail", op.cli]
    for m in order:
        if m.name not in values:
            continue
        part = words(m, values[m.name])
        if "abbreviation" in faults and rng.random() < 0.5:
            prefix = shortest_unique_prefix(part[0], op.option_strings())
            if prefix:
                part[0] = prefix[: rng.randint(len(prefix), len(part[0]))]
        if "equals" in faults and len(part) == 2 and rng.random() < 0.5:
            part = [part[0] + "=" + part[1]]
        if "file" in faults and len(part) == 2 and rng.random() < 0.4:
            name = "v%d.txt" % len(files)
            files[name] = part[1] + rng.choice(["", "\n"])
            part = [part[0], "file://" + name]
        if "boolean-both" in faults and m.type == "boolean":
            part = rng.choice([[m.option, m.negative], [m.negative, m.option]])
        if "repeat" in faults and len(part) == 2 and rng.random() < 0.3:
            part = [part[0], "first"] + part
        argv += part
    if "unknown" in faults:
        at = rng.randint(2, len(argv))
        argv[at:at] = rng.choice(UNKNOWN_OPTIONS)
    if "global" in faults:
        option = rng.choice([["--region", "ap-southeast-2"], ["--output", "text"], ["--query", "Items[0]"],
                             ["--debug"], ["--output", "table"]])
        if rng.random() < 0.5:
            argv = option + argv
        else:
            argv = argv + option
    return Case("random+" + "+".join(faults) if faults else "random", argv, files)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count-per-operation", type=int, default=300, help="cases per operation")
    ap.add_argument("--seed", type=int, default=20171001)
    ap.add_argument("--dir", help="directory for the files cases refer to")
    args = ap.parse_args()

    root = os.path.abspath(args.dir or tempfile.mkdtemp(prefix="wmlint-operations-"))
    os.makedirs(root, exist_ok=True)
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", closefd=False)
    for op in load_operations():
        rng = random.Random("%d:%s" % (args.seed, op.cli))
        cases = fixed_cases(op, rng)
        if len(cases) > args.count_per_operation:
            # Fewer cases than corners: an even spread of them, in order.
            keep = sorted(rng.sample(range(len(cases)), args.count_per_operation))
            cases = [cases[index] for index in keep]
        while len(cases) < args.count_per_operation:
            cases.append(random_case(op, rng))
        for n, case in enumerate(cases[: args.count_per_operation], 1):
            cid = "%s-%04d" % (op.cli, n)
            cwd = root
            if case.files:
                cwd = os.path.join(root, cid)
                os.makedirs(cwd, exist_ok=True)
                for name, text in case.files.items():
                    with open(os.path.join(cwd, name), "w", encoding="utf-8", newline="") as f:
                        f.write(text)
            line = {
                "id": cid,
                "kind": case.kind,
                "argv": case.argv,
                "cwd": cwd,
                "sh": shlex.join(["aws"] + case.argv),
                "files": case.files,
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
