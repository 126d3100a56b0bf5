#!/usr/bin/env python3
"""Judges value trees against the input shapes of the covered WorkMail operations, as botocore and the service do.

A verdict is the set of faults, each a pair [RFC 6901 pointer, kind], kinds: required, unknown, type, length,
range, enum, pattern. They come from:

- botocore's own `ParamValidator` (what the AWS CLI checks before sending): required members, unknown members,
  types, minimum length, size and value. Its dotted names (`.IdentityCenterConfiguration.InstanceArn`, `[0]`)
  become pointers: a missing or unknown member's pointer is that member's.
- the service model's constraints that botocore leaves to the service, checked here on every value
  `ParamValidator` accepted the type of: `max` of a string's `len` (code points) or a list's size and of an
  integer, `enum`, and `pattern` matched as the service matches it: the whole value, ASCII classes
  (`re.fullmatch(pattern, value, re.ASCII)`).
- one correction: botocore passes a boolean where an integer is expected (`isinstance(True, int)`), and the
  service refuses it. Such a value is a `type` fault, and the `range` botocore may see in it (False < 1) is not.

Usage:
    shape_oracle.py < cases.jsonl     one {"id", "operation", "value"} per line in; one {"id", "faults"} out
    shape_oracle.py --generate [--seed S] [--count N]
                                      N seeded value trees per covered operation (default 3000), each line
                                      {"id", "operation", "kind", "value", "faults"}; `kind` names the changes made
                                      to a valid tree ("valid" for none); the same seed gives the same lines

`operation` is the CLI name (`create-user`). Needs python3 and botocore.
"""

import argparse
import copy
import json
import os
import random
import re
import sys

import botocore.session
from botocore import xform_name
from botocore.validate import ParamValidator

try:
    from re import _parser as sre_parse
except ImportError:  # Python before 3.11
    import sre_parse

SERVICE = "workmail"
API_VERSION = "2017-10-01"
# The covered operations, as scripts/generate-operations.py lists them in rules/operations.json.
OPERATIONS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rules", "operations.json")


def covered_operations():
    with open(OPERATIONS_FILE, encoding="utf-8") as f:
        return [operation["api"] for operation in json.load(f)["operations"]]


def input_shapes():
    model = botocore.session.get_session().get_service_model(SERVICE, API_VERSION)
    return {xform_name(name, "-"): model.operation_model(name).input_shape for name in covered_operations()}


# MARK: - Judging


def escape(key):
    return key.replace("~", "~0").replace("/", "~1")


NAME_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


def pointer_of(name):
    """The pointer of a botocore error name: '' is the root, '.A.B[0]' is /A/B/0 (member names hold no '.' or '[')."""
    pointer, position = "", 0
    while position < len(name):
        part = NAME_PART.match(name, position)
        if not part:
            raise ValueError(f"cannot read botocore's name {name!r}")
        pointer += "/" + (escape(part.group(1)) if part.group(1) is not None else part.group(2))
        position = part.end()
    return pointer


BOTOCORE_KINDS = {"invalid type": "type", "invalid length": "length", "invalid range": "range"}


def botocore_faults(value, shape):
    faults = set()
    for reason, name, extra in ParamValidator().validate(value, shape)._errors:
        base = pointer_of(name)
        if reason == "missing required field":
            faults.add((base + "/" + escape(extra["required_name"]), "required"))
        elif reason == "unknown field":
            faults.add((base + "/" + escape(extra["unknown_param"]), "unknown"))
        elif reason in BOTOCORE_KINDS:
            faults.add((base, BOTOCORE_KINDS[reason]))
        else:
            raise ValueError(f"unexpected botocore error {reason!r} at {name!r}")
    return faults


def service_faults(value, shape, pointer, faults):
    """The constraints botocore does not check, on the values whose type it accepted."""
    meta = shape.metadata
    kind = shape.type_name
    if kind == "structure" and isinstance(value, dict):
        for key, member in value.items():
            if key in shape.members:
                service_faults(member, shape.members[key], pointer + "/" + escape(key), faults)
    elif kind == "list" and isinstance(value, (list, tuple)):
        if "max" in meta and len(value) > meta["max"]:
            faults.add((pointer, "length"))
        for index, item in enumerate(value):
            service_faults(item, shape.member, f"{pointer}/{index}", faults)
    elif kind == "string" and isinstance(value, str):
        if "max" in meta and len(value) > meta["max"]:
            faults.add((pointer, "length"))
        if "enum" in meta and value not in meta["enum"]:
            faults.add((pointer, "enum"))
        if "pattern" in meta and not re.fullmatch(meta["pattern"], value, re.ASCII):
            faults.add((pointer, "pattern"))
    elif kind in ("integer", "long"):
        if isinstance(value, bool):
            faults.discard((pointer, "range"))
            faults.add((pointer, "type"))
        elif isinstance(value, int) and "max" in meta and value > meta["max"]:
            faults.add((pointer, "range"))


def judge(value, shape):
    """The sorted faults of `value` against `shape`, as [pointer, kind] lists."""
    faults = botocore_faults(value, shape)
    service_faults(value, shape, "", faults)
    return [list(fault) for fault in sorted(faults)]


# MARK: - Generating


# Characters a `\w`, `\d` or `\s` of a pattern is sampled from: ASCII and beyond (Python's classes are Unicode).
WORD = "abcxyzABCXYZ0189_éßж日本語٣²Ⅻ"
DIGIT = "0123456789٣۵"
SPACE = " \t\n\x0b\x0c\r\x1c\x85\xa0\u2003\u3000"
# Characters inserted to break a pattern: spaces and controls, marks, letters and numbers beyond ASCII, emoji, an
# unpaired surrogate (its JSON is an escape).
BREAKERS = [
    " ", "\n", "\t", "\r", "\x00", "\x1c", "\x85", "\xa0", "\u2028", "\u3000", "é", "日", "😀", "\u0301", "Ⅻ", "²",
    "٣", "\ud800", "Z", "z", "-", ".", "/", "_", "@", "+", "=", ",", "%", "~", "'", '"', "\\", "ÿ", "Ā",
]
UNKNOWN_KEYS = [
    "Nmae", "Extra", "organizationId", "a/b", "t~1", "~", "/", "日本", "", " Name", "Name ", "a.b", "x[0]",
    "Status\n", "😀", "Ａ", "K", "\u212a",
]
WRONG_VALUES = {
    "string": [1, 0, -3, 1.5, True, False, None, [], {}, ["x"], {"a": "b"}],
    "integer": ["30", "x", 30.0, 1e3, True, False, None, [], {}, [5], {"a": 1}],
    "boolean": ["true", "false", 1, 0, 1.0, None, [], {}, [True]],
    "structure": ["x", "", 1, 2.5, True, None, [], [{}]],
    "list": ["x", 1, True, None, {}],
}


def sample_pattern(pattern, rng):
    """A random string that the pattern's regular expression describes (repeats kept short)."""
    out = []

    def emit(items):
        for op, av in items:
            name = str(op)
            if name == "LITERAL":
                out.append(chr(av))
            elif name == "NOT_LITERAL":
                out.append(rng.choice([c for c in WORD + "-." if ord(c) != av]))
            elif name == "ANY":
                out.append(rng.choice(WORD + " -."))
            elif name == "IN":
                out.append(sample_class(av, rng))
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                low, high, sub = av
                high = min(high, low + 8)
                for _ in range(rng.randint(low, high)):
                    emit(sub)
            elif name == "SUBPATTERN":
                emit(av[-1])
            elif name == "BRANCH":
                emit(rng.choice(av[1]))
            elif name == "AT":
                pass
            else:
                raise ValueError(f"cannot sample {name} in {pattern!r}")

    emit(sre_parse.parse(pattern))
    return "".join(out)


def sample_class(items, rng):
    negate = any(str(op) == "NEGATE" for op, _ in items)
    pool = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            pool.append(chr(av))
        elif name == "RANGE":
            low, high = av
            pool += [chr(low), chr(high)] + [chr(rng.randint(low, high)) for _ in range(3)]
        elif name == "CATEGORY":
            category = str(av)
            pool += {"CATEGORY_WORD": WORD, "CATEGORY_DIGIT": DIGIT, "CATEGORY_SPACE": SPACE}.get(
                category, WORD + SPACE + "-./")
    if negate:
        chosen = re.compile("[" + "".join(re.escape(c) for c in pool) + "]")
        pool = [c for c in WORD + SPACE + "-./" if not chosen.match(c)]
    return rng.choice(pool)


def valid_string(shape, rng):
    meta = shape.metadata
    if "enum" in meta:
        return rng.choice(meta["enum"])
    low, high = meta.get("min", 0), meta.get("max", 64)
    for _ in range(100):
        if "pattern" in meta:
            text = sample_pattern(meta["pattern"], rng)
        else:
            text = "".join(rng.choice(WORD + " -.") for _ in range(rng.randint(low, min(high, low + 12))))
        if low <= len(text) <= high and ("pattern" not in meta or re.fullmatch(meta["pattern"], text, re.ASCII)):
            return text
    raise ValueError(f"no valid sample for {shape.name}")


def valid_value(shape, rng):
    kind = shape.type_name
    meta = shape.metadata
    if kind == "structure":
        required = set(meta.get("required", []))
        return {
            name: valid_value(member, rng)
            for name, member in shape.members.items()
            if name in required or rng.random() < 0.5
        }
    if kind == "list":
        low = meta.get("min", 0)
        return [valid_value(shape.member, rng) for _ in range(rng.randint(low, min(meta.get("max", 3), low + 3)))]
    if kind == "string":
        return valid_string(shape, rng)
    if kind in ("integer", "long"):
        return rng.randint(meta.get("min", -1000), meta.get("max", 1000))
    if kind == "boolean":
        return rng.random() < 0.5
    raise ValueError(f"cannot build a {kind}")


def places(value, shape):
    """Every (container, key, shape) of a value present in the tree, the tree's known members at any depth."""
    found = []
    if shape.type_name == "structure" and isinstance(value, dict):
        for key in list(value):
            if key in shape.members:
                found.append((value, key, shape.members[key]))
                found += places(value[key], shape.members[key])
    elif shape.type_name == "list" and isinstance(value, list):
        for index, item in enumerate(value):
            found.append((value, index, shape.member))
            found += places(item, shape.member)
    return found


def structures(value, shape):
    """Every (dict, structure shape) in the tree, the root included."""
    found = [(value, shape)] if shape.type_name == "structure" and isinstance(value, dict) else []
    for container, key, member in places(value, shape):
        if member.type_name == "structure" and isinstance(container[key], dict):
            found.append((container[key], member))
    return found


def edge_string(text, length, rng):
    """`text` cut or grown to `length` code points, grown with its own characters or with multi-byte ones."""
    if len(text) >= length:
        return text[:length]
    filler = rng.choice([text or "a", "日", "😀", "é", "a"])
    while len(text) < length:
        text += rng.choice(filler)
    return text


def near_misses(value):
    misses = [value.lower(), value + " ", " " + value, value + "\n", value[:-1], value.title(), "", value + value[-1:]]
    if value and "A" <= value[0] <= "Z":
        misses.append(chr(ord(value[0]) + 0xFEE0) + value[1:])  # fullwidth first letter
    if "K" in value:
        misses.append(value.replace("K", "\u212a"))  # the Kelvin sign, canonically equivalent to K
    misses += ["USER", "ACTIVE", "IDENTITY_PROVIDER_ONLY"]
    return misses


def mutate(value, shape, rng, change):
    """Applies one `change` to the tree `value` (in place where it can); returns the new tree."""
    targets = places(value, shape)
    if change == "drop-required":
        candidates = [(d, s) for d, s in structures(value, shape) if any(n in d for n in s.metadata.get("required", []))]
        if candidates:
            container, member = rng.choice(candidates)
            del container[rng.choice([n for n in member.metadata.get("required", []) if n in container])]
    elif change == "unknown":
        container, _ = rng.choice(structures(value, shape) or [(None, None)])
        if container is not None:
            container[rng.choice(UNKNOWN_KEYS)] = rng.choice([1, "x", None, {"a": 1}, [1, 2], True])
    elif change == "wrong-type":
        if not targets or rng.random() < 0.05:
            return copy.deepcopy(rng.choice(WRONG_VALUES["structure"]))
        container, key, member = rng.choice(targets)
        container[key] = copy.deepcopy(rng.choice(WRONG_VALUES.get(member.type_name, WRONG_VALUES["string"])))
    elif change == "length":
        bounded = [t for t in targets if t[2].type_name == "string" and set(t[2].metadata) & {"min", "max"}]
        if bounded:
            container, key, member = rng.choice(bounded)
            meta = member.metadata
            lengths = [n for n in (meta.get("min", 0) - 1, meta.get("min", 0), meta.get("max", 0), meta.get("max", 0) + 1)
                       if n >= 0 and ("max" in meta or n <= 64)]
            base = container[key] if isinstance(container[key], str) else valid_string(member, rng)
            container[key] = edge_string(base, rng.choice(lengths), rng)
    elif change == "number":
        numbers = [t for t in targets if t[2].type_name in ("integer", "long")]
        if numbers:
            container, key, member = rng.choice(numbers)
            low, high = member.metadata.get("min", 0), member.metadata.get("max", 100)
            container[key] = rng.choice([low - 1, low, high, high + 1, 0, -1, 10**20, -(10**20), 2**63, 2**31])
    elif change == "pattern":
        patterned = [t for t in targets if t[2].type_name == "string" and "pattern" in t[2].metadata]
        if patterned:
            container, key, member = rng.choice(patterned)
            text = container[key] if isinstance(container[key], str) else valid_string(member, rng)
            how = rng.random()
            if how < 0.15:
                text += rng.choice(["\n", "\n\n", "\r\n", " "])
            elif how < 0.25:
                text = text.swapcase()
            else:
                at = rng.randint(0, len(text))
                text = text[:at] + rng.choice(BREAKERS) + text[at:]
            container[key] = text
    elif change == "enum":
        enums = [t for t in targets if t[2].type_name == "string" and "enum" in t[2].metadata]
        if enums:
            container, key, member = rng.choice(enums)
            current = container[key] if isinstance(container[key], str) else member.metadata["enum"][0]
            container[key] = rng.choice(near_misses(current))
    return value


CHANGES = ["drop-required", "unknown", "wrong-type", "length", "number", "pattern", "enum"]


def generate(seed, count):
    shapes = input_shapes()
    for operation in sorted(shapes):
        rng = random.Random(f"{seed}:{operation}")
        shape = shapes[operation]
        for index in range(count):
            value = valid_value(shape, rng)
            changes = [] if rng.random() < 0.2 else rng.choices(CHANGES, k=rng.randint(1, 3))
            for change in changes:
                value = mutate(value, shape, rng, change)
            yield {
                "id": f"{operation}-{index}",
                "operation": operation,
                "kind": "+".join(changes) or "valid",
                "value": value,
                "faults": judge(value, shape),
            }


def dump(case, index):
    """One JSON line: UTF-8 text on every other line, escapes on the rest and wherever a lone surrogate is."""
    text = json.dumps(case, ensure_ascii=index % 2 == 0)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(case, ensure_ascii=True)
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generate", action="store_true", help="write seeded cases with their verdicts")
    parser.add_argument("--seed", default="20171001")
    parser.add_argument("--count", type=int, default=3000, help="cases per operation")
    options = parser.parse_args()
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", closefd=False)
    if options.generate:
        for index, case in enumerate(generate(options.seed, options.count)):
            out.write(dump(case, index) + "\n")
        out.flush()
        return 0
    shapes = input_shapes()
    for line in sys.stdin:
        case = json.loads(line)
        faults = judge(case["value"], shapes[case["operation"]])
        out.write(json.dumps({"id": case.get("id"), "faults": faults}) + "\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
