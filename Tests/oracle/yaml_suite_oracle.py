#!/usr/bin/env python3
"""Loads each yaml-test-suite input as the AWS CLI v2 loads a YAML document, and prints the verdict.

ruamel.yaml 0.19.1, YAML(typ='safe', pure=True), one document per input (a second one is an error, as
in the CLI). Usage: yaml_suite_oracle.py SUITE_ROOT, or yaml_suite_oracle.py - (a JSON list of documents
on stdin). One JSON line per input, in order:

  {"id": "229Q", "ok": true, "json": "..."}   loaded; `json` is json.dumps(data, ensure_ascii=False)
  {"id": "2XXW", "ok": true, "json": null, "unsendable": "set"}
                                               loaded, but holds a value the CLI cannot send: a set
                                               (!!set) or bytes (!!binary). botocore's ParamValidator
                                               refuses both ("Invalid type for parameter ..., type:
                                               <class 'set'>, valid types: <class 'str'>"), and
                                               json.dumps cannot encode them
  {"id": "236B", "ok": false, "error": "ScannerError: ...", "line": 1, "column": 2}
                                               refused by the loader (1-based line and column of the
                                               problem mark, when it has one)

Timestamps are written as their text (wmlint keeps a timestamp's text); a non-string key as its JSON
text (1 -> "1", True -> "true", None -> "null", the tuple ruamel.yaml builds for a sequence key
[a, b] -> '["a", "b"]'), as wmlint keys it. Such a key is never a parameter the CLI knows.
"""
import json
import os
import sys
import warnings

warnings.simplefilter('ignore')

from ruamel.yaml import YAML  # noqa: E402
from ruamel.yaml.constructor import SafeConstructor  # noqa: E402


def timestamp(self, node):
    SafeConstructor.construct_yaml_timestamp(self, node)  # raises on an invalid timestamp
    return Timestamp(node.value)


class Timestamp(str):
    pass


SafeConstructor.add_constructor('tag:yaml.org,2002:timestamp', timestamp)


class Unsendable(Exception):
    pass


def plain(value):
    """The value as JSON-ready data, or Unsendable for a set or bytes."""
    if isinstance(value, (set, frozenset)):
        raise Unsendable('set')
    if isinstance(value, (bytes, bytearray)):
        raise Unsendable('bytes')
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if isinstance(key, (set, frozenset, bytes, bytearray)):
                raise Unsendable('set' if isinstance(key, (set, frozenset)) else 'bytes')
            if not isinstance(key, str) or isinstance(key, Timestamp):
                key = str(key) if isinstance(key, Timestamp) else json.dumps(plain(key), ensure_ascii=False)
            out[key] = plain(item)
        return out
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, Timestamp):
        return str(value)
    return value


def verdict(text):
    try:
        data = YAML(typ='safe', pure=True).load(text)
    except Exception as error:  # every loader error is the CLI's refusal
        out = {'ok': False, 'error': '%s: %s' % (type(error).__name__, (str(error).splitlines() or [''])[0])}
        mark = getattr(error, 'problem_mark', None) or getattr(error, 'context_mark', None)
        if mark is not None:
            out['line'] = mark.line + 1
            out['column'] = mark.column + 1
        return out
    try:
        return {'ok': True, 'json': json.dumps(plain(data), ensure_ascii=False)}
    except Unsendable as kind:
        return {'ok': True, 'json': None, 'unsendable': str(kind)}


def cases(root):
    for name in sorted(os.listdir(root)):
        directory = os.path.join(root, name)
        if os.path.isfile(os.path.join(directory, 'in.yaml')):
            yield name, directory
        elif os.path.isdir(directory):
            for sub in sorted(os.listdir(directory)):
                if os.path.isfile(os.path.join(directory, sub, 'in.yaml')):
                    yield name + '/' + sub, os.path.join(directory, sub)


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: yaml_suite_oracle.py SUITE_ROOT | -')
    if sys.argv[1] == '-':
        for index, text in enumerate(json.load(sys.stdin)):
            print(json.dumps(dict(id=str(index), **verdict(text)), ensure_ascii=False))
        return
    for case, directory in cases(sys.argv[1]):
        with open(os.path.join(directory, 'in.yaml'), 'rb') as handle:
            raw = handle.read()
        # The CLI reads the file as text (UTF-8); bytes that are not UTF-8 are its own error.
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError as error:
            print(json.dumps({'id': case, 'ok': False, 'error': 'UnicodeDecodeError: %s' % error}))
            continue
        print(json.dumps(dict(id=case, **verdict(text)), ensure_ascii=False))


if __name__ == '__main__':
    main()
