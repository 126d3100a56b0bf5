#!/usr/bin/env python3
"""Fixed-seed generator of invocations of
`aws workmail put-identity-provider-configuration`, valid and subtly broken.

Writes JSON lines for aws_oracle.py on stdout:
  {"id": "c0001", "kind": "...", "argv": [...], "cwd": DIR, "sh": "aws ...",
   "files": {"name": "text", ...}}
and, with --yaml, YAML document lines {"id": "y0001", "kind": "yaml", "yaml": "..."}.

Files that a case refers to (file://, fileb://, --cli-input-json file://) are
written under --dir (default: a new temporary directory), one sub-directory
per case, which is that case's cwd. "files" repeats their text so a consumer
can recreate them next to a .sh file holding "sh".

Usage: generate_cases.py [--count N] [--seed S] [--dir DIR] [--yaml] > cases.jsonl
"""

import argparse
import json
import os
import random
import shlex
import sys
import tempfile

SERVICE = ["workmail", "put-identity-provider-configuration"]

ORG = "m-0123456789abcdef0123456789abcdef"
INST = "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845"
APP = "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"
MODES = ["IDENTITY_PROVIDER_ONLY", "IDENTITY_PROVIDER_AND_DIRECTORY"]

OPT_ORG = "--organization-id"
OPT_MODE = "--authentication-mode"
OPT_ICC = "--identity-center-configuration"
OPT_PAT = "--personal-access-token-configuration"
OPTS = [OPT_ORG, OPT_MODE, OPT_ICC, OPT_PAT]

# Prefixes of the operation's options, unambiguous or not, and some that a
# global option of the main parser also starts with.
ABBREVIATIONS = {
    OPT_ORG: ["--organization", "--organization-i", "--org", "--or"],
    OPT_MODE: ["--authentication", "--auth", "--a"],
    OPT_ICC: ["--identity-center", "--identity", "--i"],
    OPT_PAT: ["--personal-access-token", "--personal", "--pe", "--p"],
}

# --- value catalogues --------------------------------------------------------

ORG_VALUES_OK = [ORG, "m-ffffffffffffffffffffffffffffffff", "m-00000000000000000000000000000000"]
ORG_VALUES_BAD = [
    "",
    " ",
    ORG.upper(),
    "M-0123456789abcdef0123456789abcdef",
    ORG[:-1],
    ORG + "0",
    ORG + " ",
    " " + ORG,
    ORG + "\n",
    "m-0123456789abcdef0123456789abcdeg",
    "m_0123456789abcdef0123456789abcdef",
    "m-0123456789abcdef0123456789abcdé",
    "m-0123456789abcdef0123456789abc日本",
    "m-0123456789abcdef0123456789abcd😀",
    "org-1",
    "{}",
    "[1]",
    "-m",
    "$ORG",
    "m-0123456789abcdef0123456789abcdef,x=y",
]
MODE_VALUES = MODES + [
    "identity_provider_only",
    "Identity_Provider_Only",
    "IDENTITY_PROVIDER",
    "IDENTITY_PROVIDER_ONLY ",
    " IDENTITY_PROVIDER_ONLY",
    "",
    "DIRECTORY",
    "IDENTITY_PROVIDER_ONLY,IDENTITY_PROVIDER_AND_DIRECTORY",
    "[IDENTITY_PROVIDER_ONLY]",
]
STATUS_VALUES = ["ACTIVE", "INACTIVE", "active", "Active", "inactive", "ENABLED", "", "ACTIVE ", " ACTIVE"]
LIFETIME_SHORTHAND = [
    "30", "1", "3653", "0", "3654", "-1", "030", "+5", "1_0", "1__0", "_10", "10_",
    "٣٠", "１２", "३०", " 30", "30 ", "1e2", "30.0", "0x1E", "0o30", "thirty", "",
    "99999999999999999999", "-0", "+0", "00", "'30'", '"30"', "[30]", "[30,40]",
    "{a=1}", "3\\0", "30\\,",
]
LIFETIME_JSON = [
    "30", "1", "0", "3653", "3654", "-1", '"30"', "30.0", "3e1", "1e400", "-0", "true", "false",
    "null", "NaN", "Infinity", "-Infinity", "[30]", "{}", "030", "+5", "0x1E", "30,", "1.5",
]
INST_VALUES = [
    INST,
    "arn:aws:sso:::instance/ins-7907b3c6f1a2d845",
    "arn:aws-cn:sso:::instance/ssoins-7907b3c6f1a2d845",
    "arn:aws:sso:::instance/ssoins-123",
    "arn:aws:sso::508193746210:instance/ssoins-7907b3c6f1a2d845",
    "short",
    "",
    APP,
    "arn:aws:sso:::instance/ssoins-1234567890abcdéf",
    INST + " ",
]
APP_VALUES = [
    APP,
    "arn:aws:sso::508193746210:application/ins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058",
    "arn:aws:sso::12345678901:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058",
    "arn:aws:sso::508193746210:application/ssoins-fedcba0987654321/apl-4f1c9e2b7a6d3058",
    INST,
    "",
    "x" * 9,
    APP + "\n",
]


class Case:
    def __init__(self, kind, argv, files=None):
        self.kind = kind
        self.argv = argv
        self.files = files or {}


# --- shorthand fragments -----------------------------------------------------


def q(value, style):
    """Write a shorthand value in one of the CLI's quoting styles."""
    if style == "single":
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if style == "double":
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def icc_shorthand(rng, inst=INST, app=APP, benign=False):
    """A shorthand value for IdentityCenterConfiguration, maybe broken."""
    k1, k2 = "InstanceArn", "ApplicationArn"
    eq1 = eq2 = "="
    sep = ","
    qs1 = qs2 = "plain"
    prefix = suffix = ""
    mutation = rng.choice(BENIGN_ICC) if benign else rng.choice(
        ["none"] * 2
        + [
            "spaces", "eq-spaces", "quote", "quote-mix", "double-comma", "trailing-comma",
            "leading-space", "key-case", "key-lower", "unknown-key", "dup-key", "braces",
            "list", "swap", "reorder", "missing", "at-eq", "escape-comma", "tabs",
            "unicode-space", "quote-inside", "unterminated", "empty-value", "newline",
            "backslash-quote", "colon-key", "empty", "only-comma", "nested-dup",
            "equals-in-value", "bracket-in-value", "emoji", "nbsp-trailing",
        ]
    )
    if mutation == "spaces":
        sep = " , "
    elif mutation == "eq-spaces":
        eq1, eq2 = " = ", "= "
    elif mutation == "quote":
        qs1 = qs2 = rng.choice(["single", "double"])
    elif mutation == "quote-mix":
        qs1, qs2 = "single", "double"
    elif mutation == "double-comma":
        sep = ",,"
    elif mutation == "trailing-comma":
        suffix = ","
    elif mutation == "leading-space":
        prefix = " "
    elif mutation == "key-case":
        k1 = "instanceArn"
    elif mutation == "key-lower":
        k2 = "applicationarn"
    elif mutation == "unknown-key":
        suffix = ",Region=us-east-1"
    elif mutation == "dup-key":
        suffix = ",InstanceArn=" + inst
    elif mutation == "braces":
        return "{InstanceArn=%s,ApplicationArn=%s}" % (inst, app)
    elif mutation == "list":
        return "InstanceArn=[%s],ApplicationArn=%s" % (inst, app)
    elif mutation == "swap":
        inst, app = app, inst
    elif mutation == "reorder":
        return "ApplicationArn=%s,InstanceArn=%s" % (app, inst)
    elif mutation == "missing":
        return "InstanceArn=" + inst
    elif mutation == "at-eq":
        return "InstanceArn@=%s,ApplicationArn=%s" % (inst, app)
    elif mutation == "escape-comma":
        return "InstanceArn=%s\\,x,ApplicationArn=%s" % (inst, app)
    elif mutation == "tabs":
        sep = "\t,\t"
    elif mutation == "unicode-space":
        sep = "\u00a0,"
    elif mutation == "quote-inside":
        return "InstanceArn=ab'c,ApplicationArn=" + app
    elif mutation == "unterminated":
        return "InstanceArn='%s,ApplicationArn=%s" % (inst, app)
    elif mutation == "empty-value":
        return "InstanceArn=,ApplicationArn=" + app
    elif mutation == "newline":
        sep = ",\n"
    elif mutation == "backslash-quote":
        return "InstanceArn='%s\\'x',ApplicationArn=%s" % (inst, app)
    elif mutation == "colon-key":
        return "a:b=1,InstanceArn=%s,ApplicationArn=%s" % (inst, app)
    elif mutation == "empty":
        return ""
    elif mutation == "only-comma":
        return ","
    elif mutation == "nested-dup":
        return "InstanceArn=%s,ApplicationArn=%s,ApplicationArn=%s" % (inst, app, app)
    elif mutation == "equals-in-value":
        return "InstanceArn=%s=x,ApplicationArn=%s" % (inst, app)
    elif mutation == "bracket-in-value":
        return "InstanceArn=a[b]{c},ApplicationArn=%s" % app
    elif mutation == "emoji":
        return rng.choice(
            ["InstanceArn=😀,ApplicationArn=" + app, "InstanceArn='😀',ApplicationArn=" + app]
        )
    elif mutation == "nbsp-trailing":
        return "InstanceArn=%s\u00a0,ApplicationArn=%s\u3000" % (inst, app)
    return "%s%s%s%s%s%s%s%s" % (
        prefix, k1, eq1, q(inst, qs1), sep, k2, eq2, q(app, qs2) + suffix
    )


def pat_shorthand(rng, benign=False):
    status = rng.choice(["ACTIVE"] * 4 + ["INACTIVE"] * 2 + ([] if benign else STATUS_VALUES))
    form = rng.choice(BENIGN_PAT if benign else
        ["status-only", "both", "both", "both", "lifetime-first", "quoted", "spaces", "key-case",
         "dup", "double-comma", "trailing-comma", "braces", "list-status", "at-eq", "unknown"]
    )
    life = rng.choice(GOOD_LIFETIMES if benign else LIFETIME_SHORTHAND)
    if form == "status-only":
        return "Status=" + status
    if form == "both":
        return "Status=%s,LifetimeInDays=%s" % (status, life)
    if form == "lifetime-first":
        return "LifetimeInDays=%s,Status=%s" % (life, status)
    if form == "quoted":
        return "Status=%s,LifetimeInDays=%s" % (q(status, "double"), q(life, rng.choice(["single", "double"])))
    if form == "spaces":
        return "Status = %s , LifetimeInDays = %s" % (status, life)
    if form == "key-case":
        return rng.choice(["status=%s", "STATUS=%s", "Status=%s,lifetimeInDays=30"]) % status
    if form == "dup":
        return "Status=%s,Status=INACTIVE" % status
    if form == "double-comma":
        return "Status=%s,,LifetimeInDays=%s" % (status, life)
    if form == "trailing-comma":
        return "Status=%s,LifetimeInDays=%s," % (status, life)
    if form == "braces":
        return "{Status=%s}" % status
    if form == "list-status":
        return "Status=ACTIVE,INACTIVE"
    if form == "at-eq":
        return "Status@=%s" % status
    return "Status=%s,Extra=1" % status


def pat_json(rng):
    status = rng.choice(['"ACTIVE"'] * 3 + ['"INACTIVE"', '"active"', "null", "1", '["ACTIVE"]'])
    life = rng.choice(LIFETIME_JSON)
    form = rng.choice(["both", "both", "status", "dup", "trailing", "single-quotes", "unterminated",
                       "array", "spaces", "bom", "unknown", "case", "empty", "nested"])
    if form == "both":
        return '{"Status": %s, "LifetimeInDays": %s}' % (status, life)
    if form == "status":
        return '{"Status": %s}' % status
    if form == "dup":
        return '{"Status": "INACTIVE", "Status": %s, "LifetimeInDays": %s}' % (status, life)
    if form == "trailing":
        return '{"Status": %s,}' % status
    if form == "single-quotes":
        return "{'Status': 'ACTIVE'}"
    if form == "unterminated":
        return '{"Status": "ACTIVE"'
    if form == "array":
        return '[{"Status": "ACTIVE"}]'
    if form == "spaces":
        return '  \n {"Status":%s}  ' % status
    if form == "bom":
        return '\ufeff{"Status": "ACTIVE"}'
    if form == "unknown":
        return '{"Status": "ACTIVE", "Lifetime": 30}'
    if form == "case":
        return '{"status": "ACTIVE"}'
    if form == "empty":
        return "{}"
    return '{"Status": {"Value": "ACTIVE"}}'


def icc_json(rng):
    form = rng.choice(["ok", "ok", "dup", "missing", "null", "number", "trailing-data", "nan",
                       "unicode-escape", "swap", "extra", "list"])
    if form == "ok":
        return json.dumps({"InstanceArn": INST, "ApplicationArn": APP})
    if form == "dup":
        return '{"InstanceArn": "x", "InstanceArn": "%s", "ApplicationArn": "%s"}' % (INST, APP)
    if form == "missing":
        return json.dumps({"InstanceArn": INST})
    if form == "null":
        return '{"InstanceArn": null, "ApplicationArn": "%s"}' % APP
    if form == "number":
        return '{"InstanceArn": 12, "ApplicationArn": "%s"}' % APP
    if form == "trailing-data":
        return json.dumps({"InstanceArn": INST, "ApplicationArn": APP}) + " x"
    if form == "nan":
        return '{"InstanceArn": NaN, "ApplicationArn": "%s"}' % APP
    if form == "unicode-escape":
        return '{"Instance\\u0041rn": "%s", "ApplicationArn": "%s"}' % (INST, APP)
    if form == "swap":
        return json.dumps({"InstanceArn": APP, "ApplicationArn": INST})
    if form == "extra":
        return json.dumps({"InstanceArn": INST, "ApplicationArn": APP, "Foo": 1})
    return json.dumps([INST, APP])


# --- whole invocations -------------------------------------------------------


# A prefix that the main parser claims for a global option (--p is --profile).
CAPTURED_PREFIXES = {"--p"}


def spell(rng, opt, value, style=None, safe=False):
    """argv words for one option: --opt value, --opt=value or an abbreviation.

    With safe, only prefixes that the CLI reads as this option."""
    style = style or rng.choice(["space"] * 8 + ["equals", "abbrev"])
    if style == "equals":
        return [opt + "=" + value]
    if style == "abbrev":
        choices = [a for a in ABBREVIATIONS[opt] if not (safe and a in CAPTURED_PREFIXES)]
        return [rng.choice(choices), value]
    return [opt, value]


GLOBALS = [
    ["--region", "us-east-1"],
    ["--region", "eu-west-1"],
    ["--region", "us-west-2"],
    ["--region", "ap-southeast-9"],
    ["--region=us-west-2"],
    ["--output", "json"],
    ["--output", "text"],
    ["--output", "table"],
    ["--output", "xml"],
    ["--endpoint-url", "http://127.0.0.1:9"],
    ["--endpoint-url", "https://workmail.eu-west-1.amazonaws.com"],
    ["--no-verify-ssl"],
    ["--no-paginate"],
    ["--query", "@"],
    ["--color", "off"],
    ["--color", "maybe"],
    ["--no-sign-request"],
    ["--cli-read-timeout", "5"],
    ["--cli-connect-timeout", "x"],
    ["--profile", "nosuchprofile"],
    ["--reg", "us-east-1"],
    ["--out", "json"],
    ["--region"],
]


# Variants of a part that the CLI accepts (the enum and pattern of a value are
# not checked client-side, so those count as accepted here).
BENIGN_ICC = ["none", "spaces", "eq-spaces", "quote", "quote-mix", "double-comma", "tabs", "reorder", "newline"]
BENIGN_PAT = ["status-only", "both", "lifetime-first", "quoted", "spaces", "double-comma"]
GOOD_LIFETIMES = ["30", "1", "3653", "3654", "030", "+5", "1_0", "٣٠", " 30", "30 ", "90", "365"]
PARTS = ["org", "mode", "icc", "pat", "drop", "unknown", "globals", "repeat"]


GOOD_GLOBALS = [
    g for g in GLOBALS
    if g not in (["--output", "xml"], ["--color", "maybe"], ["--cli-connect-timeout", "x"],
                 ["--profile", "nosuchprofile"], ["--region"])
]


def random_case(rng, n):
    """A composite invocation: about half with no fault, the rest with one or two."""
    r = rng.random()
    faults = set(rng.sample(PARTS, 0 if r < 0.5 else 1 if r < 0.85 else 2))
    files = {}
    values = {}
    # OrganizationId
    if "org" in faults:
        if rng.random() < 0.3:
            files["org.txt"] = rng.choice([ORG + "\n", ORG + "\r\n", "\ufeff" + ORG, ""])
            values[OPT_ORG] = "file://org.txt"
        else:
            values[OPT_ORG] = rng.choice(ORG_VALUES_BAD)
    elif rng.random() < 0.1:
        files["org.txt"] = ORG
        values[OPT_ORG] = rng.choice(["file://org.txt", "file://./org.txt"])
    else:
        values[OPT_ORG] = rng.choice(ORG_VALUES_OK)
    # AuthenticationMode
    values[OPT_MODE] = rng.choice(MODE_VALUES if "mode" in faults else MODES)
    # IdentityCenterConfiguration
    r = rng.random()
    if "icc" in faults:
        if r < 0.5:
            values[OPT_ICC] = icc_shorthand(rng)
        elif r < 0.7:
            values[OPT_ICC] = icc_shorthand(rng, rng.choice(INST_VALUES), rng.choice(APP_VALUES), benign=True)
        elif r < 0.9:
            values[OPT_ICC] = icc_json(rng)
        else:
            files["icc.json"] = icc_json(rng)
            values[OPT_ICC] = rng.choice(["file://icc.json", "fileb://icc.json"])
    elif r < 0.7:
        values[OPT_ICC] = icc_shorthand(rng, benign=True)
    elif r < 0.9:
        values[OPT_ICC] = json.dumps({"InstanceArn": INST, "ApplicationArn": APP}, indent=rng.choice([None, 2]))
    else:
        files["icc.json"] = json.dumps({"InstanceArn": INST, "ApplicationArn": APP}) + rng.choice(["", "\n"])
        values[OPT_ICC] = "file://icc.json"
    # PersonalAccessTokenConfiguration
    r = rng.random()
    if "pat" in faults:
        if r < 0.6:
            values[OPT_PAT] = pat_shorthand(rng)
        elif r < 0.9:
            values[OPT_PAT] = pat_json(rng)
        else:
            files["pat.json"] = pat_json(rng) + "\n"
            values[OPT_PAT] = "file://pat.json"
    elif r < 0.7:
        values[OPT_PAT] = pat_shorthand(rng, benign=True)
    elif r < 0.9:
        values[OPT_PAT] = json.dumps({"Status": rng.choice(["ACTIVE", "INACTIVE"]), "LifetimeInDays": rng.randint(1, 3653)})
    else:
        files["pat.json"] = '{"Status": "ACTIVE", "LifetimeInDays": 90}\n'
        values[OPT_PAT] = "file://pat.json"
    if "drop" in faults:
        del values[rng.choice(OPTS)]

    order = list(values)
    if rng.random() < 0.3:
        rng.shuffle(order)
    words = []
    for opt in order:
        style = None if rng.random() < 0.15 else "space"
        words += spell(rng, opt, values[opt], style, safe="unknown" not in faults)
    kinds = ["random"] + sorted(faults)
    if "repeat" in faults:
        opt = rng.choice(order)
        again = spell(rng, opt, rng.choice([values[opt], ORG_VALUES_BAD[2], "Status=INACTIVE", MODES[1], "Status=ACTIVE,,"]))
        if rng.random() < 0.5:
            words = again + words
        else:
            words += again
    if "unknown" in faults:
        at = rng.randrange(len(words) // 2 + 1) * 2
        words[at:at] = rng.choice([["--bogus"], ["--organisation-id", ORG], ["--Status"], ["stray"], ["--dry-run"]])
    pre, post = [], []
    pool = GLOBALS if "globals" in faults else GOOD_GLOBALS
    if rng.random() < 0.25 or "globals" in faults:
        pre = rng.choice(pool)
    if rng.random() < 0.2:
        post = rng.choice(pool)
    argv = pre + SERVICE + words + post
    return Case("+".join(kinds), argv, files)


def input_json_case(rng):
    """--cli-input-json inline or from a file, maybe overridden by options."""
    doc = {
        "OrganizationId": ORG,
        "AuthenticationMode": rng.choice(MODES),
        "IdentityCenterConfiguration": {"InstanceArn": INST, "ApplicationArn": APP},
        "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 30},
    }
    mutation = rng.choice(
        ["none"] * 16
        + ["drop", "drop-nested", "lower-key", "extra", "life-str", "life-float", "life-bool",
           "life-null", "life-zero", "nan", "dup", "list", "scalar", "empty", "bom", "malformed",
           "trailing", "icc-string", "deep-extra"]
    )
    text = None
    if mutation == "drop":
        del doc[rng.choice(list(doc))]
    elif mutation == "drop-nested":
        del doc["IdentityCenterConfiguration"]["ApplicationArn"]
    elif mutation == "lower-key":
        doc["organizationId"] = doc.pop("OrganizationId")
    elif mutation == "extra":
        doc["ClientToken"] = "x"
    elif mutation == "life-str":
        doc["PersonalAccessTokenConfiguration"]["LifetimeInDays"] = "30"
    elif mutation == "life-float":
        doc["PersonalAccessTokenConfiguration"]["LifetimeInDays"] = 30.0
    elif mutation == "life-bool":
        doc["PersonalAccessTokenConfiguration"]["LifetimeInDays"] = True
    elif mutation == "life-null":
        doc["PersonalAccessTokenConfiguration"]["LifetimeInDays"] = None
    elif mutation == "life-zero":
        doc["PersonalAccessTokenConfiguration"]["LifetimeInDays"] = 0
    elif mutation == "nan":
        text = json.dumps(doc).replace("30}", "NaN}")
    elif mutation == "dup":
        text = json.dumps(doc)[:-1] + ', "AuthenticationMode": "IDENTITY_PROVIDER_AND_DIRECTORY"}'
    elif mutation == "list":
        text = json.dumps([doc])
    elif mutation == "scalar":
        text = rng.choice(['"x"', "3", "null", "true"])
    elif mutation == "empty":
        text = rng.choice(["", "{}", " "])
    elif mutation == "bom":
        text = "\ufeff" + json.dumps(doc)
    elif mutation == "malformed":
        text = json.dumps(doc)[:-1]
    elif mutation == "trailing":
        text = json.dumps(doc) + "\n{}"
    elif mutation == "icc-string":
        doc["IdentityCenterConfiguration"] = "InstanceArn=%s,ApplicationArn=%s" % (INST, APP)
    elif mutation == "deep-extra":
        doc["IdentityCenterConfiguration"]["Extra"] = [1, {"a": None}]
    if text is None:
        text = json.dumps(doc, indent=rng.choice([None, 2, 4]), ensure_ascii=rng.random() < 0.5)
    files = {}
    where = rng.choice(["file", "file", "inline", "file-abs"])
    if where == "inline":
        value = text
    else:
        files["input.json"] = text + rng.choice(["", "\n"])
        value = "file://input.json"
    opt = rng.choice(["--cli-input-json"] * 12 + ["--cli-input-json=", "--cli-input", "--cli-input-j"])
    words = [opt + value] if opt.endswith("=") else [opt, value]
    # Overrides of document values by explicit options.
    kinds = ["input-json", mutation, where]
    for o in OPTS:
        if rng.random() < 0.2:
            benign = rng.random() < 0.8
            v = {
                OPT_ORG: rng.choice(ORG_VALUES_OK + ([] if benign else ORG_VALUES_BAD[:4])),
                OPT_MODE: rng.choice(MODES if benign else MODE_VALUES),
                OPT_ICC: icc_shorthand(rng, benign=benign),
                OPT_PAT: rng.choice([pat_shorthand(rng, benign), pat_json(rng)]) if not benign else pat_shorthand(rng, True),
            }[o]
            words += spell(rng, o, v)
            kinds.append("override")
    if rng.random() < 0.1:
        words += ["--generate-cli-skeleton"]
        kinds.append("skeleton")
    if rng.random() < 0.5 and len(words) > 2 and words[0] == "--cli-input-json":
        words = words[2:] + words[:2]  # the document option after the overrides
    return Case("+".join(kinds), SERVICE + words, files), where == "file-abs"


def skeleton_case(rng):
    base = full_valid_words()
    form = rng.choice([[], ["input"], ["output"], ["bogus"]])
    opt = rng.choice(["--generate-cli-skeleton"] * 4 + ["--generate-cli", "--generate-cli-skeleton="])
    if opt.endswith("="):
        sk = [opt + (form[0] if form else "")]
    else:
        sk = [opt] + form
    extra = rng.choice([[], base, base[:4], [OPT_PAT, "Status=ACTIVE,LifetimeInDays=1e2"],
                        [OPT_ICC, "{bad json"], ["--cli-input-json", "{"], ["--bogus"]])
    where = rng.choice(["before", "after"])
    words = sk + extra if where == "before" else extra + sk
    return Case("skeleton", SERVICE + words)


def full_valid_words(mode=MODES[0]):
    return [
        OPT_ORG, ORG,
        OPT_MODE, mode,
        OPT_ICC, "InstanceArn=%s,ApplicationArn=%s" % (INST, APP),
        OPT_PAT, "Status=ACTIVE,LifetimeInDays=30",
    ]


def fixed_cases():
    """Hand-written corner cases, always present, in a fixed order."""
    out = []
    w = full_valid_words()

    def add(kind, argv, files=None):
        out.append(Case(kind, argv, files))

    def with_pat(v):
        return SERVICE + w[:6] + [OPT_PAT, v]

    def with_icc(v):
        return SERVICE + w[:4] + [OPT_ICC, v] + w[6:]

    add("valid", SERVICE + w)
    add("valid-mode2", SERVICE + full_valid_words(MODES[1]))
    add("endpoint-url", ["--endpoint-url", "http://127.0.0.1:9"] + SERVICE + w)
    add("endpoint-url-after", SERVICE + w + ["--endpoint-url", "http://127.0.0.1:9"])
    add("region-before", ["--region", "us-east-1"] + SERVICE + w)
    add("region-after", SERVICE + w + ["--region", "eu-west-1"])
    add("region-between", ["workmail", "--region", "us-west-2", SERVICE[1]] + w)
    add("output-json", ["--output", "json"] + SERVICE + w)
    add("equals-all", SERVICE + [w[i] + "=" + w[i + 1] for i in range(0, 8, 2)])
    add("equals-empty", SERVICE + [OPT_ORG + "="] + w[2:])
    for opt, abbrevs in ABBREVIATIONS.items():
        for a in abbrevs:
            i = w.index(opt)
            add("abbrev " + a, SERVICE + w[:i] + [a] + w[i + 1 :])
    add("abbrev-equals", SERVICE + ["--organization=" + ORG] + w[2:])
    add("repeated-org", SERVICE + w + [OPT_ORG, "m-ffffffffffffffffffffffffffffffff"])
    add("repeated-pat", SERVICE + w + [OPT_PAT, "Status=INACTIVE"])
    add("repeated-bad-first", SERVICE + [OPT_PAT, "Status=ACTIVE,,,"] + w)
    add("missing-all", list(SERVICE))
    for i in range(0, 8, 2):
        add("missing " + w[i], SERVICE + w[:i] + w[i + 2 :])
    add("unknown-option", SERVICE + w + ["--bogus"])
    add("unknown-option-value", SERVICE + w + ["--bogus", "x"])
    add("stray-positional", SERVICE + w + ["extra"])
    add("option-no-value", SERVICE + w[:7])
    add("option-dash-value", SERVICE + [OPT_ORG, "-m"] + w[2:])
    add("double-dash", SERVICE + w + ["--"])
    add("skeleton", SERVICE + ["--generate-cli-skeleton"])
    add("skeleton-input", SERVICE + ["--generate-cli-skeleton", "input"])
    add("skeleton-output", SERVICE + ["--generate-cli-skeleton", "output"] + w)
    add("skeleton-output-missing", SERVICE + ["--generate-cli-skeleton", "output"])
    add("skeleton-with-args", SERVICE + w + ["--generate-cli-skeleton"])
    add("skeleton-bad-shorthand", SERVICE + w[:6] + [OPT_PAT, "Status=ACTIVE,,"] + ["--generate-cli-skeleton"])
    add("skeleton-equals", SERVICE + ["--generate-cli-skeleton=input"])
    # Scalars from files.
    add("file-org-newline", SERVICE + [OPT_ORG, "file://org.txt"] + w[2:], {"org.txt": ORG + "\n"})
    add("file-org-exact", SERVICE + [OPT_ORG, "file://org.txt"] + w[2:], {"org.txt": ORG})
    add("file-org-missing", SERVICE + [OPT_ORG, "file://nope.txt"] + w[2:])
    add("fileb-org", SERVICE + [OPT_ORG, "fileb://org.txt"] + w[2:], {"org.txt": ORG})
    add("file-mode-newline", SERVICE + w[:2] + [OPT_MODE, "file://m.txt"] + w[4:], {"m.txt": MODES[0] + "\n"})
    add("file-upper-prefix", SERVICE + [OPT_ORG, "FILE://org.txt"] + w[2:], {"org.txt": ORG})
    add("file-empty-path", SERVICE + [OPT_ORG, "file://"] + w[2:])
    add("file-dir", SERVICE + [OPT_ORG, "file://."] + w[2:])
    # Structures from files.
    icc = json.dumps({"InstanceArn": INST, "ApplicationArn": APP})
    add("file-icc-json", with_icc("file://icc.json"), {"icc.json": icc + "\n"})
    add("fileb-icc-json", with_icc("fileb://icc.json"), {"icc.json": icc})
    add("file-icc-shorthand", with_icc("file://icc.txt"), {"icc.txt": "InstanceArn=%s,ApplicationArn=%s\n" % (INST, APP)})
    add("file-icc-bom", with_icc("file://icc.json"), {"icc.json": "\ufeff" + icc})
    add("file-pat-json", with_pat("file://pat.json"), {"pat.json": '{"Status": "ACTIVE", "LifetimeInDays": 7}\n'})
    add("at-eq-file", with_icc("InstanceArn@=file://i.txt,ApplicationArn=" + APP), {"i.txt": INST})
    add("at-eq-file-newline", with_icc("InstanceArn@=file://i.txt,ApplicationArn=" + APP), {"i.txt": INST + "\n"})
    add("eq-file-literal", with_icc("InstanceArn=file://i.txt,ApplicationArn=" + APP), {"i.txt": INST})
    add("at-eq-lifetime-file", with_pat("Status=ACTIVE,LifetimeInDays@=file://n.txt"), {"n.txt": "30\n"})
    # Shorthand corners for the PAT structure.
    for v in LIFETIME_SHORTHAND:
        add("pat-lifetime " + v, with_pat("Status=ACTIVE,LifetimeInDays=" + v))
    for v in LIFETIME_JSON:
        add("pat-lifetime-json " + v, with_pat('{"Status": "ACTIVE", "LifetimeInDays": %s}' % v))
    for v in STATUS_VALUES:
        add("pat-status " + repr(v), with_pat("Status=" + v))
    for v in [
        "Status=ACTIVE,", "Status=ACTIVE,,", ",Status=ACTIVE", " Status=ACTIVE", "Status=ACTIVE ",
        "Status =ACTIVE", "Status= ACTIVE", "Status=ACTIVE,,LifetimeInDays=5", "Status=ACTIVE,Status=INACTIVE",
        "{Status=ACTIVE}", "{Status=ACTIVE,Status=INACTIVE}", "Status={ACTIVE}", "Status=[ACTIVE]",
        "Status=ACTIVE,INACTIVE", "Status='ACTIVE'", 'Status="ACTIVE"', "Status='ACTIVE", "Status=AC'TIVE",
        "Status=\\'ACTIVE", "Status=ACTIVE\\,x", "Status", "Status=", "=ACTIVE", "Status==ACTIVE",
        "Status=ACTIVE;LifetimeInDays=5", "Status=ACTIVE LifetimeInDays=5", "[Status=ACTIVE]", "[]", " [",
        "Status=😀", "Status='😀'", "Status=日本", "Status=ACTIVE\u3000", "Status=ACTIVE\t",
        "Status:ACTIVE", "status=ACTIVE", "STATUS=ACTIVE", "Status=ACTIVE,lifetimeindays=5",
        "Status=ACTIVE,LifetimeInDays=5,LifetimeInDays=6", "Status=ACTIVE,Lifetime_In.Days#/:-=1",
        "Status@=ACTIVE", "Status@ =file://x", "Status=ACTIVE,,,,LifetimeInDays=1",
        "Status=[ACTIVE],,LifetimeInDays=1", "{Status=ACTIVE,,LifetimeInDays=1}", "Status=\"AC\\\"TIVE\"",
        "Status='AC\\\\TIVE'", "Status=a\\b", "Status=ACTIVE,LifetimeInDays=[]", "Status=ACTIVE,LifetimeInDays={}",
    ]:
        add("pat-shorthand " + v, with_pat(v))
    for depth in (2, 100, 400, 600, 5000):
        add("pat-nested-shorthand %d" % depth, with_pat("Status=" + "[" * depth + "]" * depth))
        add("pat-nested-hash %d" % depth, with_pat("Status=" + "{a=" * depth + "x" + "}" * depth))
        add("pat-nested-json %d" % depth, with_pat('{"Status": ' + "[" * (2 * depth) + "]" * (2 * depth) + "}"))
    for v in [
        "InstanceArn=%s,ApplicationArn=%s" % (INST, APP),
        "InstanceArn=%s, ApplicationArn=%s" % (INST, APP),
        "InstanceArn=%s ,ApplicationArn=%s" % (INST, APP),
        "InstanceArn = %s,ApplicationArn = %s" % (INST, APP),
        "InstanceArn='%s',ApplicationArn=\"%s\"" % (INST, APP),
        "{InstanceArn=%s,ApplicationArn=%s}" % (INST, APP),
        "{InstanceArn=%s,ApplicationArn=%s},x=1" % (INST, APP),
        "InstanceArn=%s,ApplicationArn=%s," % (INST, APP),
        "InstanceArn=%s,,ApplicationArn=%s" % (INST, APP),
        "InstanceArn=[%s],,ApplicationArn=%s" % (INST, APP),
        "InstanceArn={a=1},ApplicationArn=%s" % APP,
        "InstanceArn={a=1,,b=2},ApplicationArn=%s" % APP,
        "InstanceArn=%s,ApplicationArn=%s,InstanceArn=%s" % (INST, APP, INST),
        "ApplicationArn=%s,InstanceArn=%s" % (INST, APP),
        "instancearn=%s,applicationarn=%s" % (INST, APP),
        "InstanceArn=a=b,ApplicationArn=%s" % APP,
        "InstanceArn=x[y,ApplicationArn=%s" % APP,
        "InstanceArn=[x,ApplicationArn=%s" % APP,
        "InstanceArn='a\\'b\\\\c\\d',ApplicationArn=%s" % APP,
        "InstanceArn=\"😀\",ApplicationArn=%s" % APP,
        "InstanceArn=😀,ApplicationArn=%s" % APP,
        "InstanceArn=é,ApplicationArn=%s" % APP,
        "InstanceArn=%s\\,%s" % (INST, APP),
        "InstanceArn=%s,%s" % (INST, APP),
        "  {\"InstanceArn\": \"%s\", \"ApplicationArn\": \"%s\"}" % (INST, APP),
        "[\"%s\"]" % INST,
        "{\"InstanceArn\": \"%s\"" % INST,
        "{}",
        "{",
        "",
        " ",
    ]:
        add("icc-shorthand " + v[:40], with_icc(v))
    # --cli-input-json basics.
    doc = {
        "OrganizationId": ORG,
        "AuthenticationMode": MODES[0],
        "IdentityCenterConfiguration": {"InstanceArn": INST, "ApplicationArn": APP},
        "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 30},
    }
    d = json.dumps(doc)
    add("input-json-inline", SERVICE + ["--cli-input-json", d])
    add("input-json-file", SERVICE + ["--cli-input-json", "file://in.json"], {"in.json": d + "\n"})
    add("input-json-equals", SERVICE + ["--cli-input-json=" + d])
    add("input-json-abbrev", SERVICE + ["--cli-input", d])
    add("input-json-override-org", SERVICE + ["--cli-input-json", d, OPT_ORG, "m-ffffffffffffffffffffffffffffffff"])
    add("input-json-override-pat", SERVICE + ["--cli-input-json", d, OPT_PAT, "Status=INACTIVE"])
    add("input-json-override-before", SERVICE + [OPT_MODE, MODES[1], "--cli-input-json", d])
    add("input-json-repeated", SERVICE + ["--cli-input-json", "{}", "--cli-input-json", d])
    add("input-json-list", SERVICE + ["--cli-input-json", "[%s]" % d])
    add("input-json-bom", SERVICE + ["--cli-input-json", "file://in.json"], {"in.json": "\ufeff" + d})
    add("input-json-empty-file", SERVICE + ["--cli-input-json", "file://in.json"], {"in.json": ""})
    add("input-json-missing-file", SERVICE + ["--cli-input-json", "file://none.json"])
    add("input-json-fileb", SERVICE + ["--cli-input-json", "fileb://in.json"], {"in.json": d})
    add("input-json-null-value", SERVICE + ["--cli-input-json", d.replace('"' + ORG + '"', "null")])
    add("input-json-dup", SERVICE + ["--cli-input-json", d[:-1] + ', "OrganizationId": "x"}'])
    add("input-json-nan", SERVICE + ["--cli-input-json", d.replace("30}", "NaN}")])
    add("input-json-lifetime-true", SERVICE + ["--cli-input-json", d.replace("30}", "true}")])
    add("input-json-lifetime-big", SERVICE + ["--cli-input-json", d.replace("30}", "1e400}")])
    add("input-json-partial", SERVICE + ["--cli-input-json", json.dumps({"OrganizationId": ORG})])
    # An unpaired surrogate escape reaches the request as it is (Python's str holds it).
    add("input-json-lone-surrogate", SERVICE + ["--cli-input-json", d.replace('"' + ORG + '"', '"m-\\ud83d"')])
    add("input-json-lone-surrogate-file", SERVICE + ["--cli-input-json", "file://in.json"],
        {"in.json": d.replace('"ACTIVE"', '"\\udc00ACTIVE\\ud83d\\ude00"')})
    add("icc-json-lone-surrogate", with_icc('{"InstanceArn": "\\ud83d", "ApplicationArn": "%s"}' % APP))
    add("input-json-partial-plus-opts", SERVICE + ["--cli-input-json", json.dumps({"OrganizationId": ORG})] + w[2:])
    add("input-json-skeleton", SERVICE + ["--cli-input-json", d, "--generate-cli-skeleton"])
    add("input-json-bad-skeleton", SERVICE + ["--cli-input-json", "{", "--generate-cli-skeleton"])
    add("input-json-icc-null", SERVICE + ["--cli-input-json", d, OPT_ICC, "{}"])
    add("input-json-shorthand-value", SERVICE + ["--cli-input-json", "OrganizationId=" + ORG])
    add("service-typo", ["workmial", SERVICE[1]] + w)
    add("operation-typo", ["workmail", "put-identity-provider-config"] + w)
    add("operation-case", ["workmail", "Put-Identity-Provider-Configuration"] + w)
    add("ambiguous-global", SERVICE + w + ["--c", "x"])
    add("unicode-option", SERVICE + ["—organization-id", ORG] + w[2:])
    add("option-case", SERVICE + ["--Organization-Id", ORG] + w[2:])
    add("underscore-option", SERVICE + ["--organization_id", ORG] + w[2:])
    add("debug", ["--debug"] + SERVICE + w)
    add("no-sign-request", ["--no-sign-request"] + SERVICE + w)
    add("profile-missing", ["--profile", "nosuch"] + SERVICE + w)
    add("output-bogus", ["--output", "xml"] + SERVICE + w)
    add("region-empty", ["--region", ""] + SERVICE + w)
    add("region-bogus", ["--region", "mars-1"] + SERVICE + w)
    # botocore's validate_region_name: a host label (a CRLF script's "us-west-2\r" is refused).
    for n, value in enumerate(["us-west-2\r", "123", "-us", "us-", "us_west_2", "a" * 64, "eu-west-1\n", "u"]):
        add("region-label-%d" % n, ["--region", value] + SERVICE + w)
    add("cli-read-timeout-bad", ["--cli-read-timeout", "x"] + SERVICE + w)
    # Timeouts go through Python's int() and must not be negative; an endpoint needs a scheme (urlparse's).
    for n, value in enumerate([" 10", "1_0", "-1", "٣", "0", "-0", "3.0", "+3", "1__0", "10\n", ""]):
        add("cli-read-timeout-%d" % n, ["--cli-read-timeout", value] + SERVICE + w)
    add("cli-connect-timeout-negative", SERVICE + w + ["--cli-connect-timeout", "-5"])
    for n, value in enumerate(["workmail.example.com", "localhost:4566", "", "ftp://x", " http://127.0.0.1:9",
                               "1http://x", "h_t://x", "HTTP://127.0.0.1:9", "http://bad_host", "http://-x.com",
                               "http://x..com", "https://[::1]:9", "http://user@127.0.0.1:9", "http:x", "http://",
                               "http://127.0.0.1:9/path?q=1", "http://x.com.:9", "http://[::1", "http://a\tb"]):
        add("endpoint-scheme-%d" % n, SERVICE + w + ["--endpoint-url", value])
    return out


YAML_DOCS = [
    "OrganizationId: m-0123456789abcdef0123456789abcdef\nAuthenticationMode: IDENTITY_PROVIDER_ONLY\n",
    "a: on\nb: off\nc: yes\nd: no\ne: true\nf: True\ng: TRUE\nh: tRUE\n",
    "a: ~\nb: null\nc:\nd: Null\ne: NULL\n",
    "a: 030\nb: 0o30\nc: 0x1E\nd: +30\ne: 1_000\nf: 0b101\ng: -0\n",
    "a: 30.0\nb: 3e1\nc: .inf\nd: -.inf\ne: .nan\nf: 1.5e+3\ng: .5\n",
    "a: 2024-01-01\nb: 2024-01-01T10:00:00Z\nc: '2024-01-01'\nd: !!str 2024-01-01\n",
    "%YAML 1.1\n---\na: off\nb: yes\nc: 030\nd: 0b11\ne: 1_000\n",
    "a: &x {k: 1}\nb: *x\nc:\n  <<: *x\n  j: 2\n",
    "a: 1\na: 2\n",
    "a: 1\n---\nb: 2\n",
    "- 1\n- 2\n",
    "",
    "just a string\n",
    "a: [1, 2\n",
    "a: 'x\n",
    "\ufeffa: 1\n",
    "a:\tb\n",
    "a: b\n\tc: d\n",
    "? [1, 2]\n: x\n",
    "a: !!int '30'\nb: !!float 30\nc: !!bool 'true'\n",
    "a: 1e400\nb: 12345678901234567890\n",
    "a: |\n  text\n  more\nb: >\n  folded\n  text\n",
    "PersonalAccessTokenConfiguration:\n  Status: ACTIVE\n  LifetimeInDays: 030\n",
    "a: !custom x\n",
    "a: 日本語\nb: \"\\u00e9\\U0001F600\"\n",
    "a: 1:30\nb: 0:0:1\n",
    "a: .NaN\nb: .Inf\nc: +.inf\n",
    "a: 0o\nb: 0x\nc: 0b\n",
    "a: 1_0\nb: _10\nc: 10_\n",
    "--- !!map\na: 1\n...\n",
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=3000, help="number of argv cases")
    ap.add_argument("--seed", type=int, default=20171001)
    ap.add_argument("--dir", help="directory for the files cases refer to")
    ap.add_argument("--yaml", action="store_true", help="also emit the YAML document cases")
    args = ap.parse_args()

    root = os.path.abspath(args.dir or tempfile.mkdtemp(prefix="wmlint-oracle-"))
    os.makedirs(root, exist_ok=True)
    rng = random.Random(args.seed)

    cases = fixed_cases()
    while len(cases) < args.count:
        r = rng.random()
        if r < 0.72:
            cases.append(random_case(rng, len(cases)))
        elif r < 0.92:
            case, absolute = input_json_case(rng)
            cases.append(case)
            if absolute:
                case.absolute = True
        else:
            cases.append(skeleton_case(rng))
    cases = cases[: args.count]

    out = sys.stdout
    for n, case in enumerate(cases, 1):
        cid = "c%04d" % n
        cwd = root
        if case.files:
            cwd = os.path.join(root, cid)
            os.makedirs(cwd, exist_ok=True)
            for name, text in case.files.items():
                with open(os.path.join(cwd, name), "w", encoding="utf-8", newline="") as f:
                    f.write(text)
            if getattr(case, "absolute", False):
                case.argv = [
                    a.replace("file://input.json", "file://" + os.path.join(cwd, "input.json"))
                    for a in case.argv
                ]
        line = {
            "id": cid,
            "kind": case.kind,
            "argv": case.argv,
            "cwd": cwd,
            "sh": shlex.join(["aws"] + case.argv),
            "files": case.files,
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    if args.yaml:
        for n, doc in enumerate(YAML_DOCS, 1):
            out.write(json.dumps({"id": "y%04d" % n, "kind": "yaml", "yaml": doc}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
