#!/usr/bin/env python3
"""One Python process that loads botocore once and validates every file given.

  python3 botocore_batch.py FILE...

JSON documents: json.load, then botocore's ParamValidator against the
operation's input shape. YAML documents: PyYAML's C loader (faster than the
pure-Python ruamel.yaml the AWS CLI v2 uses, so the comparison favours this
side), then ParamValidator. Shell scripts: each `aws workmail
put-identity-provider-configuration` invocation is split with shlex, its
structure options read with the AWS CLI's own shorthand parser (or json.loads
for a value starting with '{'), and the request validated. Prints counts.
"""

import json
import shlex
import sys

import botocore.session
import yaml
from awscli.shorthand import ShorthandParser
from botocore.validate import ParamValidator

session = botocore.session.get_session()
model = session.get_service_model("workmail")
shape = model.operation_model("PutIdentityProviderConfiguration").input_shape
validator = ParamValidator()
shorthand = ShorthandParser()
OPTIONS = {
    "--organization-id": ("OrganizationId", False),
    "--authentication-mode": ("AuthenticationMode", False),
    "--identity-center-configuration": ("IdentityCenterConfiguration", True),
    "--personal-access-token-configuration": ("PersonalAccessTokenConfiguration", True),
}


def validate(params, counts):
    if not isinstance(params, dict):
        counts["not a mapping"] += 1
        return
    report = validator.validate(params, shape)
    counts["invalid" if report.has_errors() else "valid"] += 1


def script(text, counts):
    text = text.replace("\\\n", " ")
    for line in text.splitlines():
        if "put-identity-provider-configuration" not in line:
            continue
        try:
            words = shlex.split(line, comments=True)
        except ValueError:
            counts["parse error"] += 1
            continue
        params = {}
        try:
            for i, w in enumerate(words):
                if w in OPTIONS and i + 1 < len(words):
                    name, structured = OPTIONS[w]
                    v = words[i + 1]
                    if structured:
                        v = json.loads(v) if v.lstrip().startswith("{") else shorthand.parse(v)
                    params[name] = v
        except Exception:
            counts["parse error"] += 1
            continue
        validate(params, counts)


def main():
    counts = {k: 0 for k in ("valid", "invalid", "parse error", "not a mapping")}
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        try:
            if path.endswith(".json"):
                validate(json.loads(text), counts)
            elif path.endswith((".yaml", ".yml")):
                validate(yaml.load(text, Loader=yaml.CSafeLoader), counts)
            else:
                script(text, counts)
        except Exception:
            counts["parse error"] += 1
    print(" ".join("%s=%d" % kv for kv in counts.items()))


if __name__ == "__main__":
    main()
