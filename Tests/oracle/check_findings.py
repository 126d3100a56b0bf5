#!/usr/bin/env python3
"""Re-checks every finding listed in README.md against the installed CLI.

Each finding is an invocation (or a YAML document) and a predicate over the
oracle's result. Run: python3 check_findings.py   (exit 1 if any fails)
"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aws_oracle  # noqa: E402  (sets up the environment and the capture)

aws_oracle.share_loader(True)
sys.argv[0] = "aws"

ORG = "m-0123456789abcdef0123456789abcdef"
INST = "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845"
APP = "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"
S = ["workmail", "put-identity-provider-configuration"]
ICC = "InstanceArn=%s,ApplicationArn=%s" % (INST, APP)
W = [
    "--organization-id", ORG,
    "--authentication-mode", "IDENTITY_PROVIDER_ONLY",
    "--identity-center-configuration", ICC,
    "--personal-access-token-configuration", "Status=ACTIVE,LifetimeInDays=30",
]
DOC = json.dumps({
    "OrganizationId": ORG,
    "AuthenticationMode": "IDENTITY_PROVIDER_ONLY",
    "IdentityCenterConfiguration": {"InstanceArn": INST, "ApplicationArn": APP},
    "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 30},
})


def pat(v):
    return S + W[:6] + ["--personal-access-token-configuration", v]


def icc(v):
    return S + W[:4] + ["--identity-center-configuration", v] + W[6:]


def org(v):
    return S + ["--organization-id", v] + W[2:]


def sent(key, sub=None):
    def get(r):
        if not r.get("ok") or not r.get("request"):
            return "<not sent>"
        v = r["request"].get(key, "<absent>")
        return v.get(sub, "<absent>") if sub and isinstance(v, dict) else v
    return get


life = sent("PersonalAccessTokenConfiguration", "LifetimeInDays")


def ok_with(getter, expected):
    return lambda r: r.get("ok") and getter(r) == expected and type(getter(r)) is type(expected)


def err(stage, text="", exception=None):
    def check(r):
        return (
            not r.get("ok")
            and r.get("stage") == stage
            and text in r.get("error", "")
            and (exception is None or r.get("exception") == exception)
        )
    return check


def skeleton(r):
    return r.get("ok") and r.get("request") is None


FILES = {
    "org.txt": ORG + "\n",
    "org-exact.txt": ORG,
    "icc.json": json.dumps({"InstanceArn": INST, "ApplicationArn": APP}),
    "icc-bom.json": "\ufeff" + json.dumps({"InstanceArn": INST, "ApplicationArn": APP}),
    "in.json": DOC + "\n",
    "in-bom.json": "\ufeff" + DOC,
    "inst.txt": INST + "\n",
    "n.txt": "30\n",
}

# (finding, argv, predicate)
FINDINGS = [
    # --- options ---
    ("--opt=value is the same as --opt value", S + [W[i] + "=" + W[i + 1] for i in range(0, 8, 2)], ok_with(sent("OrganizationId"), ORG)),
    ("--opt= gives an empty string", S + ["--organization-id="] + W[2:], err("validation", "Invalid length for parameter OrganizationId, value: 0")),
    ("unambiguous prefix --organization is accepted", S + ["--organization", ORG] + W[2:], ok_with(sent("OrganizationId"), ORG)),
    ("prefix --a is --authentication-mode", S + W[:2] + ["--a", "IDENTITY_PROVIDER_ONLY"] + W[4:], ok_with(sent("AuthenticationMode"), "IDENTITY_PROVIDER_ONLY")),
    ("prefix --pe is --personal-access-token-configuration", pat("x")[:-2] + ["--pe", "Status=INACTIVE"], ok_with(sent("PersonalAccessTokenConfiguration"), {"Status": "INACTIVE"})),
    ("--p is taken by the main parser as --profile", S + W + ["--p", "nosuch"], err("other", "The config profile (nosuch) could not be found")),
    ("--p in place of the PAT option leaves it missing", S + W[:6] + ["--p", "Status=ACTIVE"], err("parse", "required: --personal-access-token-configuration")),
    ("--cli is ambiguous among the main parser's options", S + W + ["--cli", "x"], err("parse", "ambiguous option: --cli could match --cli-read-timeout, --cli-connect-timeout")),
    ("--out after the operation is the global --output", S + W + ["--out", "text"], lambda r: r.get("ok")),
    ("a global option between service and operation", ["workmail", "--region", "eu-west-1", S[1]] + W, lambda r: r.get("ok") and "eu-west-1" in r["url"]),
    ("a repeated global option keeps the last value", ["--region", "eu-west-1"] + S + W + ["--region", "us-west-2"], lambda r: r.get("ok") and "us-west-2" in r["url"]),
    ("a repeated option keeps the last value", S + W + ["--organization-id", "m-" + "f" * 32], ok_with(sent("OrganizationId"), "m-" + "f" * 32)),
    ("only the last value of a repeated option is parsed", S + ["--personal-access-token-configuration", "Status=ACTIVE,,,"] + W, lambda r: r.get("ok")),
    ("options are case-sensitive", S + ["--Organization-Id", ORG] + W[2:], err("parse", "required: --organization-id")),
    ("an unknown option is reported with its value", S + W + ["--bogus", "x"], err("parse", "Unknown options: --bogus, x")),
    ("a stray word is an unknown option", S + W + ["extra"], err("parse", "Unknown options: extra")),
    ("a value starting with - is taken for an option", org("-m"), err("parse", "argument --organization-id: expected one argument")),
    ("a negative-number-like value is a value", org("-1"), err("validation", "Invalid length for parameter OrganizationId, value: 2")),
    ("--opt=-value passes a dash value", S + ["--organization-id=-m"] + W[2:], err("validation", "value: 2, valid min length: 34")),
    ("-- ends the options", S + W[:2] + ["--"] + W[2:], err("parse", "required: --authentication-mode")),
    ("--region value: any name is used to build the endpoint", ["--region", "mars-1"] + S + W, lambda r: r.get("ok") and r["url"] == "https://workmail.mars-1.amazonaws.com/"),
    ("--region '' fails building the endpoint", ["--region", ""] + S + W, err("other", "Invalid endpoint: https://workmail..amazonaws.com")),
    ("--endpoint-url is used and nothing is sent", ["--endpoint-url", "http://127.0.0.1:9"] + S + W, lambda r: r.get("ok") and r["url"] == "http://127.0.0.1:9/"),
    ("--c is ambiguous among four global options", S + W + ["--c", "x"], err("parse", "ambiguous option: --c could match --color, --ca-bundle, --cli-read-timeout, --cli-connect-timeout")),
    ("--organization_id is not the option", S + ["--organization_id", ORG] + W[2:], err("parse", "required: --organization-id")),
    ("an em dash option is not the option", S + ["\u2014organization-id", ORG] + W[2:], err("parse", "required: --organization-id")),
    ("--output xml is an invalid choice", ["--output", "xml"] + S + W, err("parse", "argument --output: Invalid choice")),
    ("--color maybe is an invalid choice", ["--color", "maybe"] + S + W, err("parse", "argument --color: Invalid choice")),
    ("--cli-connect-timeout x fails outside parsing", ["--cli-connect-timeout", "x"] + S + W, err("other", "invalid literal for int() with base 10: 'x'")),
    ("--region ap-southeast-9 builds an endpoint", ["--region", "ap-southeast-9"] + S + W, lambda r: r.get("ok") and r["url"] == "https://workmail.ap-southeast-9.amazonaws.com/"),
    ("--region us-gov-west-1 builds an endpoint", ["--region", "us-gov-west-1"] + S + W, lambda r: r.get("ok") and r["url"] == "https://workmail.us-gov-west-1.amazonaws.com/"),
    ("unknown option exits 255, argparse errors exit 2", S + W + ["--bogus"], lambda r: r.get("rc") == 255),
    ("argparse errors exit 2", list(S), lambda r: r.get("rc") == 2 and r.get("exception") == "SystemExit"),
    ("--output yaml is not a v1 choice", ["--output", "yaml"] + S + W, err("parse", "argument --output: Invalid choice")),
    # --- --cli-input-json and --generate-cli-skeleton ---
    ("--cli-input-json inline", S + ["--cli-input-json", DOC], ok_with(life, 30)),
    ("--cli-input-json file://", S + ["--cli-input-json", "file://in.json"], ok_with(life, 30)),
    ("--cli-input-json fileb:// is read too", S + ["--cli-input-json", "fileb://in.json"], ok_with(life, 30)),
    ("--cli-input-json=doc keeps the options required", S + ["--cli-input-json=" + DOC], err("parse", "the following arguments are required")),
    ("--cli-input (prefix) keeps the options required", S + ["--cli-input", DOC], err("parse", "the following arguments are required")),
    ("--cli-input-json=doc works when the options are given", S + ["--cli-input-json=" + DOC] + W, lambda r: r.get("ok")),
    ("an option replaces the whole document value (no deep merge)", S + ["--cli-input-json", DOC, "--personal-access-token-configuration", "Status=INACTIVE"], ok_with(sent("PersonalAccessTokenConfiguration"), {"Status": "INACTIVE"})),
    ("the document fills what the options leave out", S + ["--cli-input-json", json.dumps({"OrganizationId": "m-" + "a" * 32})] + W[2:], ok_with(sent("OrganizationId"), "m-" + "a" * 32)),
    ("unknown keys of a document reach validation", S + ["--cli-input-json", DOC[:-1] + ', "ClientToken": "x"}'], err("validation", 'Unknown parameter in input: "ClientToken"')),
    ("missing members of a document are validation errors", S + ["--cli-input-json", json.dumps({"OrganizationId": ORG})], err("validation", 'Missing required parameter in input: "AuthenticationMode"')),
    ("a document with a BOM is invalid JSON", S + ["--cli-input-json", "file://in-bom.json"], err("parse", "Unexpected UTF-8 BOM")),
    ("an empty document is invalid JSON", S + ["--cli-input-json", ""], err("parse", "Invalid JSON: Expecting value")),
    ("a list document crashes the CLI", S + ["--cli-input-json", "[%s]" % DOC], err("parse", "'list' object has no attribute 'keys'", "AttributeError")),
    ("a null document crashes the CLI", S + ["--cli-input-json", "null"], err("parse", "'NoneType' object has no attribute 'keys'", "AttributeError")),
    ("duplicate keys in a document: the last wins", S + ["--cli-input-json", DOC[:-1] + ', "AuthenticationMode": "IDENTITY_PROVIDER_AND_DIRECTORY"}'], ok_with(sent("AuthenticationMode"), "IDENTITY_PROVIDER_AND_DIRECTORY")),
    ("--generate-cli-skeleton alone prints the input skeleton", S + ["--generate-cli-skeleton"], lambda r: skeleton(r) and r["skeleton"]["PersonalAccessTokenConfiguration"]["LifetimeInDays"] == 0 and r["skeleton"]["OrganizationId"] == ""),
    ("--generate-cli-skeleton with valid options sends nothing", S + W + ["--generate-cli-skeleton"], skeleton),
    ("--generate-cli-skeleton still parses the other options", S + W[:6] + ["--personal-access-token-configuration", "Status=ACTIVE,,", "--generate-cli-skeleton"], err("parse", "Error parsing parameter '--personal-access-token-configuration'")),
    ("--generate-cli-skeleton still parses --cli-input-json", S + ["--cli-input-json", "{", "--generate-cli-skeleton"], err("parse", "Invalid JSON")),
    ("--generate-cli-skeleton=input keeps the options required", S + ["--generate-cli-skeleton=input"], err("parse", "the following arguments are required")),
    ("--generate-cli-skeleton output needs the required options", S + ["--generate-cli-skeleton", "output"], err("parse", "the following arguments are required")),
    ("--generate-cli-skeleton output validates the parameters", pat("Status=ACTIVE,LifetimeInDays=0") + ["--generate-cli-skeleton", "output"], err("validation", "valid min value: 1")),
    ("--generate-cli-skeleton output prints nothing here", S + W + ["--generate-cli-skeleton", "output"], lambda r: skeleton(r) and r["skeleton"] is None and r["rc"] == 0),
    ("--generate-cli-skeleton yaml-input is not a v1 choice", S + ["--generate-cli-skeleton", "yaml-input"], err("parse", "argument --generate-cli-skeleton: Invalid choice")),
    # --- parameter files ---
    ("file:// keeps a trailing newline in a scalar", org("file://org.txt"), ok_with(sent("OrganizationId"), ORG + "\n")),
    ("fileb:// gives bytes to a scalar (type error)", org("fileb://org-exact.txt"), err("validation", "Invalid type for parameter OrganizationId, value: b'")),
    ("fileb:// for a structure crashes the CLI", icc("fileb://icc.json"), err("parse", "'in <string>' requires string as left operand, not int", "TypeError")),
    ("file:// for a structure holding JSON", icc("file://icc.json"), ok_with(sent("IdentityCenterConfiguration", "InstanceArn"), INST)),
    ("a BOM before JSON in a structure file makes it shorthand", icc("file://icc-bom.json"), err("parse", "Expected: '=', received: '\ufeff'")),
    ("FILE:// (upper case) is not a prefix", org("FILE://org.txt"), err("validation", "Invalid length for parameter OrganizationId, value: 14")),
    ("a missing file:// target", org("file://nope.txt"), err("parse", "Unable to load paramfile file://nope.txt: [Errno 2] No such file or directory")),
    ("key@=file:// loads the file, newline kept", icc("InstanceArn@=file://inst.txt,ApplicationArn=" + APP), ok_with(sent("IdentityCenterConfiguration", "InstanceArn"), INST + "\n")),
    ("key=file:// stays literal", icc("InstanceArn=file://inst.txt,ApplicationArn=" + APP), ok_with(sent("IdentityCenterConfiguration", "InstanceArn"), "file://inst.txt")),
    ("key@=file:// for an integer member", pat("Status=ACTIVE,LifetimeInDays@=file://n.txt"), ok_with(life, 30)),
    ("@= without a file prefix is a plain value", pat("Status@=ACTIVE"), ok_with(sent("PersonalAccessTokenConfiguration", "Status"), "ACTIVE")),
    # --- JSON or shorthand ---
    ("leading whitespace before { is JSON", icc("\n\t " + json.dumps({"InstanceArn": INST, "ApplicationArn": APP})), lambda r: r.get("ok")),
    ("{k=v} at the top is read as JSON", pat("{Status=ACTIVE}"), err("parse", "Invalid JSON: Expecting property name enclosed in double quotes")),
    ("[...] for a structure is Invalid JSON", icc("[InstanceArn=x]"), err("parse", "Invalid JSON:")),
    ("JSON null for a structure is shorthand", icc("null"), err("parse", "Expected: '=', received: 'EOF'")),
    ("shorthand syntax errors print a literal {self._error_location()}", pat("Status=ACTIVE,"), err("parse", "{self._error_location()}")),
    # --- shorthand grammar ---
    ("one empty pair after a scalar is skipped", pat("Status=ACTIVE,,LifetimeInDays=5"), ok_with(life, 5)),
    ("two empty pairs are an error", pat("Status=ACTIVE,,,LifetimeInDays=5"), err("parse", "Expected: '=', received: ','")),
    ("an empty pair after a list is an error", pat("Status=[ACTIVE],,LifetimeInDays=5"), err("parse", "Expected: '=', received: ','")),
    ("a trailing comma is an error", pat("Status=ACTIVE,"), err("parse", "Expected: '<second>', received: '<none>'")),
    ("leading whitespace is an error", pat(" Status=ACTIVE"), err("parse", "Expected: '=', received: 'S'")),
    ("whitespace around = is skipped", pat("Status = ACTIVE"), ok_with(sent("PersonalAccessTokenConfiguration", "Status"), "ACTIVE")),
    ("trailing Unicode whitespace is stripped", pat("Status=ACTIVE\u3000"), ok_with(sent("PersonalAccessTokenConfiguration", "Status"), "ACTIVE")),
    ("inner whitespace and ; stay in the value", pat("Status=ACTIVE LifetimeInDays=5"), ok_with(sent("PersonalAccessTokenConfiguration", "Status"), "ACTIVE LifetimeInDays=5")),
    ("a repeated top-level key is an error", pat("Status=ACTIVE,Status=INACTIVE"), err("parse", 'Second instance of key "Status" encountered')),
    ("a repeated key inside {} keeps the later value", pat("Status={a=1,a=2}"), err("validation", "value: {'a': '2'}")),
    ("an empty pair inside braces is an error", icc("InstanceArn={a=1,,b=2},ApplicationArn=" + APP), err("parse", "Expected: '=', received: ','")),
    ("[] for a structure is Invalid JSON without detail", pat("[]"), lambda r: not r.get("ok") and r["error"].endswith("Invalid JSON:\n[]")),
    ("whitespace between @ and = is skipped", pat("Status@ =file://nope"), err("parse", "Unable to load paramfile file://nope")),
    ("in single quotes \\' is unescaped and \\d stays", icc("InstanceArn='a\\'b\\\\c\\d',ApplicationArn=" + APP), err("validation", "InstanceArn, value: 7")),
    ("a duplicate-key error shows the input", pat("Status=ACTIVE,Status=INACTIVE"), err("parse", "Status=ACTIVE,Status=INACTIVE\n")),
    ("key=a,b makes a list", pat("Status=ACTIVE,INACTIVE"), err("validation", "value: ['ACTIVE', 'INACTIVE']")),
    ("\\, is a literal comma", pat("Status=ACTIVE\\,x"), ok_with(sent("PersonalAccessTokenConfiguration", "Status"), "ACTIVE,x")),
    ("other backslashes stay", pat("Status=a\\b"), ok_with(sent("PersonalAccessTokenConfiguration", "Status"), "a\\b")),
    ("a quote after the value start is an error", pat("Status=AC'TIVE"), err("parse", "Expected: ',', received: '''")),
    ("quoted values unescape \\\" and \\\\", pat('Status="AC\\"T\\\\IVE"'), ok_with(sent("PersonalAccessTokenConfiguration", "Status"), 'AC"T\\IVE')),
    ("in double quotes \\' stays", pat('Status="a\\\'b"'), ok_with(sent("PersonalAccessTokenConfiguration", "Status"), "a\\'b")),
    ("in single quotes \\\" stays", pat("Status='a\\\"b'"), ok_with(sent("PersonalAccessTokenConfiguration", "Status"), 'a\\"b')),
    ("an unterminated quote", pat("Status='ACTIVE"), err("parse", "Expected: '<singled quoted>'")),
    ("an empty key is accepted by the parser", pat("=ACTIVE"), err("validation", 'Unknown parameter in PersonalAccessTokenConfiguration: ""')),
    ("Status= gives an empty string", pat("Status="), ok_with(sent("PersonalAccessTokenConfiguration", "Status"), "")),
    ("characters above U+FFFF need quotes", pat("Status=\U0001F600"), err("parse", "Expected: ',', received: '\U0001F600'")),
    ("quoted characters above U+FFFF are fine", pat("Status='\U0001F600'"), ok_with(sent("PersonalAccessTokenConfiguration", "Status"), "\U0001F600")),
    ("unquoted BMP non-ASCII is fine", pat("Status=日本"), ok_with(sent("PersonalAccessTokenConfiguration", "Status"), "日本")),
    ("keys are case-sensitive (validation)", pat("status=ACTIVE"), err("validation", 'Unknown parameter in PersonalAccessTokenConfiguration: "status"')),
    ("a value may contain = after its first character", icc("InstanceArn=a=b,ApplicationArn=" + APP), err("validation", "InstanceArn, value: 3, valid min length: 10")),
    ("nested shorthand values parse (later a type error)", pat("Status={a={b=[x,{c=d}]}}"), err("validation", "value: {'a': {'b': ['x', {'c': 'd'}]}}")),
    ("shorthand nested 400 deep still parses", pat("Status=" + "[" * 400 + "]" * 400), err("validation", "Invalid type for parameter PersonalAccessTokenConfiguration.Status")),
    ("shorthand nested 600 deep overflows the parser", pat("Status=" + "[" * 600 + "]" * 600), err("parse", "maximum recursion depth exceeded", "RecursionError")),
    ("JSON nested 900 deep still parses", pat('{"Status": ' + "[" * 900 + "]" * 900 + "}"), err("validation", "Invalid type for parameter PersonalAccessTokenConfiguration.Status")),
    ("JSON nested 1100 deep overflows the decoder", pat('{"Status": ' + "[" * 1100 + "]" * 1100 + "}"), err("parse", "maximum recursion depth exceeded while decoding a JSON array", "RecursionError")),
    # --- integers in shorthand: Python int() ---
    ("030 -> 30", pat("Status=ACTIVE,LifetimeInDays=030"), ok_with(life, 30)),
    ("+5 -> 5", pat("Status=ACTIVE,LifetimeInDays=+5"), ok_with(life, 5)),
    ("1_0 -> 10", pat("Status=ACTIVE,LifetimeInDays=1_0"), ok_with(life, 10)),
    ("1__0 rejected", pat("Status=ACTIVE,LifetimeInDays=1__0"), err("parse", "invalid literal for int() with base 10: '1__0'", "ValueError")),
    ("Arabic-Indic ٣٠ -> 30", pat("Status=ACTIVE,LifetimeInDays=٣٠"), ok_with(life, 30)),
    ("fullwidth １２ -> 12", pat("Status=ACTIVE,LifetimeInDays=１２"), ok_with(life, 12)),
    ("' 30' (quoted, spaces) -> 30", pat("Status=ACTIVE,LifetimeInDays=' 30 '"), ok_with(life, 30)),
    ("1e2 rejected", pat("Status=ACTIVE,LifetimeInDays=1e2"), err("parse", "invalid literal for int() with base 10: '1e2'")),
    ("30.0 rejected", pat("Status=ACTIVE,LifetimeInDays=30.0"), err("parse", "'30.0'")),
    ("0x1E rejected", pat("Status=ACTIVE,LifetimeInDays=0x1E"), err("parse", "'0x1E'")),
    ("empty rejected", pat("Status=ACTIVE,LifetimeInDays="), err("parse", "invalid literal for int() with base 10: ''")),
    ("a list crashes int()", pat("Status=ACTIVE,LifetimeInDays=[30]"), err("parse", "not 'list'", "TypeError")),
    ("-0 -> 0 (below min)", pat("Status=ACTIVE,LifetimeInDays=-0"), err("validation", "value: 0, valid min value: 1")),
    ("a huge integer is sent", pat("Status=ACTIVE,LifetimeInDays=99999999999999999999"), ok_with(life, 99999999999999999999)),
    # --- JSON values and botocore validation ---
    ("JSON true passes (bool is an int) and is sent", pat('{"Status": "ACTIVE", "LifetimeInDays": true}'), ok_with(life, True)),
    ("JSON false fails the min check", pat('{"Status": "ACTIVE", "LifetimeInDays": false}'), err("validation", "value: False, valid min value: 1")),
    ("JSON \"30\" is a type error", pat('{"Status": "ACTIVE", "LifetimeInDays": "30"}'), err("validation", "Invalid type for parameter PersonalAccessTokenConfiguration.LifetimeInDays, value: 30, type: <class 'str'>")),
    ("JSON 30.0 is a type error", pat('{"Status": "ACTIVE", "LifetimeInDays": 30.0}'), err("validation", "type: <class 'float'>")),
    ("JSON null is a type error", pat('{"Status": "ACTIVE", "LifetimeInDays": null}'), err("validation", "type: <class 'NoneType'>")),
    ("JSON NaN parses, then is a type error", pat('{"Status": "ACTIVE", "LifetimeInDays": NaN}'), err("validation", "value: nan")),
    ("JSON 1e400 is inf, a type error", pat('{"Status": "ACTIVE", "LifetimeInDays": 1e400}'), err("validation", "value: inf")),
    ("JSON 030 is invalid JSON", pat('{"Status": "ACTIVE", "LifetimeInDays": 030}'), err("parse", "Invalid JSON")),
    ("a huge JSON integer is sent", pat('{"Status": "ACTIVE", "LifetimeInDays": 99999999999999999999999}'), ok_with(life, 99999999999999999999999)),
    ("a file:// directory", org("file://."), err("parse", "[Errno 21] Is a directory")),
    ("a file:// empty path", org("file://"), err("parse", "Unable to load paramfile file://: [Errno 2]")),
    ("JSON duplicate keys: the last wins", pat('{"Status": "ACTIVE", "Status": "INACTIVE"}'), ok_with(sent("PersonalAccessTokenConfiguration"), {"Status": "INACTIVE"})),
    ("max is not checked (3654 sent)", pat("Status=ACTIVE,LifetimeInDays=3654"), ok_with(life, 3654)),
    ("min is checked (0)", pat("Status=ACTIVE,LifetimeInDays=0"), err("validation", "valid min value: 1")),
    ("enum is not checked (active sent)", pat("Status=active"), ok_with(sent("PersonalAccessTokenConfiguration", "Status"), "active")),
    ("enum is not checked (mode)", S + W[:2] + ["--authentication-mode", "identity_provider_only"] + W[4:], ok_with(sent("AuthenticationMode"), "identity_provider_only")),
    ("pattern is not checked (upper-case id of 34)", org(ORG.upper()), ok_with(sent("OrganizationId"), ORG.upper())),
    ("min length 34 is checked on the id", org(ORG[:-1]), err("validation", "Invalid length for parameter OrganizationId, value: 33, valid min length: 34")),
    ("max length is not checked on the id", org(ORG + "0"), ok_with(sent("OrganizationId"), ORG + "0")),
    ("min length counts code points", org(ORG[:-2] + "日本"), ok_with(sent("OrganizationId"), ORG[:-2] + "日本")),
    ("ARN min length 10 is checked", icc("InstanceArn=short,ApplicationArn=" + APP), err("validation", "InstanceArn, value: 5, valid min length: 10")),
    ("ARN pattern is not checked", icc("InstanceArn=%s,ApplicationArn=%s" % (APP, INST)), lambda r: r.get("ok")),
    ("all validation errors are reported together", pat("status=ACTIVE,LifetimeInDays=0"), err("validation", 'Missing required parameter in PersonalAccessTokenConfiguration: "Status"')),
]

YAML_FINDINGS = [
    ("on/off/yes/no are strings; true/True/TRUE booleans; tRUE a string", "a: on\nb: off\nc: yes\nd: no\ne: true\nf: True\ng: TRUE\nh: tRUE\n",
     {"a": "on", "b": "off", "c": "yes", "d": "no", "e": True, "f": True, "g": True, "h": "tRUE"}),
    ("integers: 030, 0o30, 0x1E, +30, 1_000, 0b101, 10_", "a: 030\nb: 0o30\nc: 0x1E\nd: +30\ne: 1_000\nf: 0b101\ng: 10_\nh: _10\n",
     {"a": 30, "b": 24, "c": 30, "d": 30, "e": 1000, "f": 5, "g": 10, "h": "_10"}),
    ("%YAML 1.1 switches typing: off false, 030 octal", "%YAML 1.1\n---\na: off\nb: 030\n", {"a": False, "b": 24}),
    ("dates and timestamps", "a: 2024-01-01\nb: 2024-01-01T10:00:00Z\nc: '2024-01-01'\n",
     {"a": "2024-01-01", "b": "2024-01-01T10:00:00+00:00", "c": "2024-01-01"}),
    ("null spellings", "a: ~\nb: null\nc:\nd: Null\n", {"a": None, "b": None, "c": None, "d": None}),
    ("a BOM is accepted", "\ufeffa: 1\n", {"a": 1}),
    ("an empty document is null", "", None),
    ("merge keys", "a: &x {k: 1}\nc:\n  <<: *x\n  j: 2\n", {"a": {"k": 1}, "c": {"k": 1, "j": 2}}),
    ("explicit tags", "a: !!int '30'\nb: !!float 30\nc: !!str 030\n", {"a": 30, "b": 30.0, "c": "030"}),
    ("floats, infinities, NaN; 1:30 is a string", "a: 30.0\nb: 3e1\nc: .inf\nd: .nan\ne: 1:30\n",
     {"a": 30.0, "b": 30.0, "c": {"$float": "inf"}, "d": {"$float": "nan"}, "e": "1:30"}),
    ("a list document loads", "- 1\n- 2\n", [1, 2]),
    ("a scalar document loads", "just text\n", "just text"),
    ("duplicate keys are an error", "a: 1\na: 2\n", "DuplicateKeyError"),
    ("two documents are an error", "a: 1\n---\nb: 2\n", "ComposerError"),
    ("unknown tags are an error", "a: !custom x\n", "ConstructorError"),
    ("a tab before a value is an error", "a:\tb\n", "ScannerError"),
]


def main():
    root = tempfile.mkdtemp(prefix="wmlint-findings-")
    try:
        return run_all(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run_all(root):
    for name, text in FILES.items():
        with open(os.path.join(root, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    failed = 0
    for title, argv, check in FINDINGS:
        result = aws_oracle.run_argv(argv, root)
        good = bool(check(result))
        failed += not good
        print("%s  %s" % ("ok  " if good else "FAIL", title))
        if not good:
            print("      " + json.dumps(result, ensure_ascii=False)[:600])
    for title, text, expected in YAML_FINDINGS:
        result = aws_oracle.load_yaml(text)
        if isinstance(expected, str) and expected.endswith("Error"):
            good = not result["ok"] and result["error"].startswith(expected)
        else:
            good = result["ok"] and result["data"] == expected
        failed += not good
        print("%s  yaml: %s" % ("ok  " if good else "FAIL", title))
        if not good:
            print("      " + json.dumps(result, ensure_ascii=False)[:600])
    # The oracle's own guard: with the capture handler removed, the call must
    # stop at the socket layer and be reported, not reach 127.0.0.1:9.
    make_driver = aws_oracle._make_driver

    def uncaptured():
        driver = make_driver()
        driver.session.unregister(aws_oracle.EVENT, unique_id="wmlint-oracle-capture")
        return driver

    aws_oracle._make_driver = uncaptured
    try:
        result = aws_oracle.run_argv(["--endpoint-url", "http://127.0.0.1:9"] + S + W, root)
    finally:
        aws_oracle._make_driver = make_driver
    good = result.get("stage") == "oracle" and "network access attempted" in result.get("error", "")
    failed += not good
    print("%s  oracle: the network guard stops an uncaptured call" % ("ok  " if good else "FAIL"))
    if not good:
        print("      " + json.dumps(result, ensure_ascii=False)[:600])
    total = len(FINDINGS) + len(YAML_FINDINGS) + 1
    print("%d/%d findings hold" % (total - failed, total))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
