#!/usr/bin/env python3
"""Judges requests by the service model's own constraints, which the CLI does not check client-side.

Reads JSON lines {"id": ..., "request": {...}} on stdin; writes {"id": ..., "valid": bool, "problems": [...]}.
The patterns, enums and bounds come from botocore's copy of the WorkMail service model, matched as the
service matches them: whole string, ASCII (re.fullmatch(p, s, re.ASCII)).
"""

import json
import re
import sys

import botocore.session


def shapes():
    model = botocore.session.get_session().get_service_model("workmail")
    return model.operation_model("PutIdentityProviderConfiguration").input_shape


def problems(value, shape, path):
    found = []
    kind = shape.type_name
    meta = shape.metadata
    if kind == "structure":
        if not isinstance(value, dict):
            return [f"{path}: not a structure"]
        for name in meta.get("required", []):
            if name not in value:
                found.append(f"{path}.{name}: missing")
        for name, member in value.items():
            if name not in shape.members:
                found.append(f"{path}.{name}: unknown")
            else:
                found += problems(member, shape.members[name], f"{path}.{name}")
    elif kind == "string":
        if not isinstance(value, str):
            return [f"{path}: not a string"]
        if "enum" in meta and value not in meta["enum"]:
            found.append(f"{path}: not in enum")
        if "pattern" in meta and not re.fullmatch(meta["pattern"], value, re.ASCII):
            found.append(f"{path}: pattern")
        if not meta.get("min", 0) <= len(value) <= meta.get("max", 1 << 30):
            found.append(f"{path}: length")
    elif kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            return [f"{path}: not an integer"]
        if not meta.get("min", -(1 << 63)) <= value <= meta.get("max", 1 << 63):
            found.append(f"{path}: range")
    return found


def main():
    shape = shapes()
    for line in sys.stdin:
        case = json.loads(line)
        found = problems(case["request"], shape, "request")
        print(json.dumps({"id": case["id"], "valid": not found, "problems": found}), flush=True)


if __name__ == "__main__":
    main()
