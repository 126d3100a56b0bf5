"""Compiles JMESPath expressions with the installed jmespath package, as the AWS CLI compiles --query.

One JSON string per input line; one JSON line per input, in order:
  {"ok": true}
  {"ok": false, "error": "<exception class>", "position": <int or null>, "message": "<str(e), first line>"}

`position` is jmespath's own (a 0-based index into the Python string, i.e. in code points): `lexer_position`
for a LexerError, `lex_position` otherwise (the expression's length for an IncompleteExpressionError), and null
when the exception has none (EmptyExpressionError, ValueError from int(), RecursionError).
The AWS CLI (awscli/customizations/globalargs.py) calls jmespath.compile(value) and refuses the command on any
exception, so every failure here is a refused --query.
"""
import json
import sys

import jmespath


def verdict(expression):
    try:
        jmespath.compile(expression)
        return {"ok": True}
    except Exception as e:  # the CLI catches Exception too
        position = getattr(e, "lexer_position", None)
        if position is None:
            position = getattr(e, "lex_position", None)
        return {"ok": False, "error": type(e).__name__, "position": position,
                "message": str(e).split("\n")[0]}


def main():
    out = sys.stdout
    for raw in sys.stdin.buffer:
        raw = raw.strip()
        if not raw:
            continue
        out.write(json.dumps(verdict(json.loads(raw.decode("utf-8")))) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
