#!/usr/bin/env python3
"""Oracle: what the real AWS CLI v1 would send for an invocation.

Reads JSON lines on stdin and writes one JSON line per input line on stdout.

Input lines:
  {"id": ..., "argv": [...words after "aws"...], "cwd": "/some/dir"}
  {"id": ..., "yaml": "<document text>"}

Output lines:
  {"id": ..., "ok": true, "operation": "<API name>", "request": {...}}
  {"id": ..., "ok": true, "request": null, "skeleton": {...}}   (--generate-cli-skeleton input)
  {"id": ..., "ok": false, "stage": "parse|validation|other", "error": "..."}
  {"id": ..., "ok": true, "data": ...}                           (yaml lines)

The CLI runs in this process through its own entry point
(awscli.clidriver.create_clidriver().main(argv)). The call of any WorkMail
operation is stopped on the botocore event before-call.workmail.<Operation>,
which fires after parameter validation and serialization and before any
connection is opened. An idempotency token (ClientToken) that the case did not
give, and that botocore filled with a fresh UUID, is written as "$generated".
Sockets are disabled in this process as a second guard, and the AWS config,
credentials and environment come only from the values set below.
"""

import argparse
import base64
import datetime
import io
import json
import logging
import os
import random
import socket
import sys
import time

# --- environment: set before awscli/botocore are imported -------------------
_ENV = {
    "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_CONFIG_FILE": "/dev/null",
    "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    "AWS_PAGER": "",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_CLI_HISTORY_FILE": "/dev/null",
}
for _name in list(os.environ):
    if _name.startswith("AWS_"):
        del os.environ[_name]
os.environ.update(_ENV)

import botocore.exceptions  # noqa: E402
import botocore.session  # noqa: E402
from awscli import clidriver  # noqa: E402
from awscli.argprocess import ParamError, ParamSyntaxError, ParamUnknownKeyError  # noqa: E402
from awscli.arguments import UnknownArgumentError  # noqa: E402
from awscli.shorthand import ShorthandParseError  # noqa: E402


class NetworkBlocked(Exception):
    """Raised when anything in this process tries to open a connection."""


def _refuse(*args, **kwargs):
    # botocore wraps whatever the socket layer raises (HTTPClientError), so
    # the attempt is also recorded on the current case.
    _current.network = "network access attempted: %r" % (args,)
    raise NetworkBlocked(_current.network)


socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse

# One data loader for every session this process creates: the service models,
# endpoint data and CLI data are read and parsed once instead of per case. The
# loader only caches the parsed files; each case still gets a fresh CLI driver,
# session, argument table and client. --no-shared-loader turns this off.
_shared_loaders = {}
_original_create_loader = botocore.session.create_loader


def _shared_create_loader(search_path_string=None):
    key = search_path_string
    if key not in _shared_loaders:
        _shared_loaders[key] = _original_create_loader(search_path_string)
    return _shared_loaders[key]


def share_loader(enabled):
    botocore.session.create_loader = _shared_create_loader if enabled else _original_create_loader


# Registered on the service's prefix, the handlers see every WorkMail operation.
EVENT = "before-call.workmail"
PARAMETER_EVENT = "before-parameter-build.workmail"
# What an idempotency token botocore generated (a fresh UUID each run) is replaced by.
GENERATED = "$generated"


class Captured(Exception):
    """Stops the call once the request has been built."""


class _Run:
    """State of one invocation."""

    def __init__(self):
        self.request = None
        self.body = None
        self.url = None
        self.operation = None
        self.given = None
        self.tokens = []
        self.network = None


_current = _Run()


def _before_call(params, model=None, **kwargs):
    _current.body = params.get("body")
    _current.url = params.get("url")
    _current.operation = model.name if model is not None else None
    raise Captured()


def _before_parameter_build(params, model=None, **kwargs):
    # The API params exactly as the CLI handed them to botocore. Converted
    # after the run, not here: this handler runs deep in the CLI's stack, and
    # converting a deeply nested value here would hit the recursion limit
    # where the CLI itself does not. (The limit is left at Python's default:
    # it decides where the CLI's own parsers give up.)
    _current.request = params
    # A handler on the service's event runs before botocore's own on the bare event, which fills each missing
    # idempotency token with a UUID: the members present now are the ones the case gave.
    _current.given = set(params) if isinstance(params, dict) else set()
    _current.tokens = list(model.idempotent_members) if model is not None else []


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return {"$float": repr(value)}
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return {"$repr": repr(value)}


def _make_driver():
    driver = clidriver.create_clidriver()
    driver.session.register(EVENT, _before_call, unique_id="wmlint-oracle-capture")
    driver.session.register(
        PARAMETER_EVENT,
        _before_parameter_build,
        unique_id="wmlint-oracle-params",
    )
    return driver


def _frames(exc):
    """(file, function) of each frame the exception passed through."""
    out = []
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        out.append((code.co_filename, code.co_name))
        tb = tb.tb_next
    return out


# Functions of the CLI's argument processing. An exception raised below one of
# these is the CLI refusing the input before botocore sees a request: its own
# ParamError, but also int("1e2") failing for an integer member of a shorthand
# value (ValueError), int() of a list (TypeError), a fileb:// structure
# (TypeError) or a --cli-input-json document that is not an object
# (AttributeError). "exception" in the result tells the deliberate errors
# (ParamError, SystemExit) from such crashes.
_ARG_PROCESSING = {"_build_call_parameters", "add_to_call_parameters", "_unpack_argument"}


def classify(exc, frames=()):
    """Map an exception raised inside the CLI to a stage."""
    if isinstance(exc, botocore.exceptions.ParamValidationError):
        return "validation"
    if any(name in _ARG_PROCESSING for _, name in frames):
        return "parse"
    if isinstance(exc, botocore.exceptions.PaginationError):
        # The paging options of a paginated operation, refused before a request is built
        # (`--page-size` with `--no-paginate` or with the operation's own limit option).
        return "parse"
    if isinstance(
        exc,
        (
            ParamError,
            ParamSyntaxError,
            ParamUnknownKeyError,
            ShorthandParseError,
            UnknownArgumentError,
            argparse.ArgumentError,
        ),
    ):
        return "parse"
    return "other"


def run_argv(argv, cwd):
    """Run one invocation; return the result dict (without id)."""
    global _current
    _current = _Run()
    out, err = io.StringIO(), io.StringIO()
    old_out, old_err, old_cwd = sys.stdout, sys.stderr, os.getcwd()
    exc_seen = []
    frames = []

    # The driver reports exceptions by writing them; keep the object too.
    orig_write_exception = clidriver.write_exception

    def keep_exception(e, outfile):
        exc_seen.append(e)
        frames.extend(_frames(e))
        orig_write_exception(e, outfile)

    clidriver.write_exception = keep_exception
    # --debug adds a DEBUG stream handler to loggers; undo it after the case.
    loggers = [logging.getLogger(n) for n in ("", "botocore", "awscli", "s3transfer", "urllib3")]
    saved = [(lg, list(lg.handlers), lg.level) for lg in loggers]
    rc = None
    exit_exc = None
    # --generate-cli-skeleton picks each enum placeholder with random.choice
    # (botocore.utils.ArgumentGenerator); seed it so the output is reproducible.
    random.seed(0)
    try:
        if cwd:
            os.chdir(cwd)
        sys.stdout, sys.stderr = out, err
        driver = _make_driver()
        try:
            rc = driver.main(list(argv))
        except SystemExit as e:  # argparse errors, --version
            exit_exc = e
            rc = e.code
    finally:
        sys.stdout, sys.stderr = old_out, old_err
        clidriver.write_exception = orig_write_exception
        os.chdir(old_cwd)
        for lg, handlers, level in saved:
            lg.handlers[:] = handlers
            lg.setLevel(level)

    stdout_text, stderr_text = out.getvalue(), err.getvalue()
    if _current.request is not None:
        try:
            _current.request = _jsonable(_current.request)
        except RecursionError:
            _current.request = {"$error": "too deeply nested to convert"}
    if exc_seen and isinstance(exc_seen[-1], Captured):
        body = _current.body
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        try:
            sent = json.loads(body) if body else {}
        except ValueError:
            sent = {"$body": body}
        sent = _jsonable(sent)
        for name in _current.tokens:
            if name not in (_current.given or ()) and isinstance(sent, dict) and name in sent:
                sent[name] = GENERATED
                if isinstance(_current.request, dict) and name in _current.request:
                    _current.request[name] = GENERATED
        result = {"ok": True, "operation": _current.operation, "request": sent, "url": _current.url}
        if _current.request != result["request"]:
            # The API params differ from the serialized body: keep both.
            result["params"] = _current.request
        return result
    if _current.network:
        return {"ok": False, "stage": "oracle", "error": "network: " + _current.network}
    if exc_seen:
        e = exc_seen[-1]
        return {
            "ok": False,
            "stage": classify(e, frames),
            "error": _message(stderr_text) or str(e),
            "exception": type(e).__name__,
            "where": frames[-1][1] if frames else None,
            "rc": rc,
        }
    if exit_exc is not None:
        # argparse: usage + "aws: error: ..." on stderr, exit code 2 (255 in
        # the driver's own checks). An argument-level error is a parse error.
        return {
            "ok": False,
            "stage": "parse" if rc not in (0, None) else "other",
            "error": _message(stderr_text),
            "exception": "SystemExit",
            "rc": rc,
        }
    if rc == 0:
        text = stdout_text.strip()
        try:
            skeleton = json.loads(text) if text else None
        except ValueError:
            skeleton = {"$text": text}
        return {"ok": True, "request": None, "skeleton": skeleton, "rc": rc}
    # Non-zero return without an exception object: the driver's own handlers
    # (UnknownArgumentError, NoRegionError, ...) print and return 255.
    lowered = stderr_text
    stage = "parse" if ("Unknown options" in lowered or "usage:" in lowered) else "other"
    return {"ok": False, "stage": stage, "error": _message(stderr_text), "rc": rc}


_NOISE = (
    "usage:",
    "Note: AWS CLI version 2",
    "To see help text",
    "aws help",
    "aws <command> help",
    "aws <command> <subcommand> help",
)


def _message(stderr_text):
    """The CLI's error text without the usage banner it prints around it."""
    lines = []
    for raw in stderr_text.replace("\r", "\n").splitlines():
        line = raw.strip()
        if not line or any(line.startswith(n) for n in _NOISE):
            continue
        lines.append(raw.rstrip())
    return "\n".join(lines).strip()


def load_yaml(text):
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    try:
        data = yaml.load(text)
    except Exception as e:  # any ruamel error is a load failure
        return {"ok": False, "stage": "parse", "error": "%s: %s" % (type(e).__name__, e)}
    return {"ok": True, "data": _jsonable(data)}


def handle(line):
    case = json.loads(line)
    cid = case.get("id")
    if "yaml" in case:
        result = load_yaml(case["yaml"])
    else:
        result = run_argv(case["argv"], case.get("cwd"))
    out = {"id": cid}
    out.update(result)
    return out, "yaml" in case


def main():
    ap = argparse.ArgumentParser(description="Run AWS CLI v1 invocations read as JSON lines.")
    ap.add_argument(
        "--no-shared-loader",
        action="store_true",
        help="load the service data afresh for every case (slow; for checking the shared loader)",
    )
    opts = ap.parse_args()
    share_loader(not opts.no_shared_loader)
    sys.argv[0] = "aws"
    started = time.time()
    cpu_started = time.process_time()
    count = 0
    outcomes = {}
    stdout = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        is_yaml = False
        try:
            result, is_yaml = handle(line)
        except Exception as e:  # a broken input line or a missing cwd, never the CLI
            try:
                cid = json.loads(line).get("id")
            except Exception:
                cid = None
            result = {"id": cid, "ok": False, "stage": "oracle", "error": "oracle: %r" % e}
        text = json.dumps(result, ensure_ascii=False, allow_nan=False)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # An unpaired surrogate (from a JSON escape such as "\ud83d") has no UTF-8 form: escape everything.
            text = json.dumps(result, ensure_ascii=True, allow_nan=False)
        stdout.write(text + "\n")
        stdout.flush()
        count += 1
        if is_yaml:
            key = "yaml ok" if result["ok"] else "yaml error"
        elif result["ok"]:
            key = "ok (request)" if result.get("request") is not None else "ok (skeleton, nothing sent)"
        else:
            key = "%s (%s)" % (result["stage"], result.get("exception") or "driver")
        outcomes[key] = outcomes.get(key, 0) + 1
    wall, cpu = time.time() - started, time.process_time() - cpu_started
    sys.stderr.write(
        "oracle: %d cases in %.1fs wall, %.1fs CPU (%.1f ms/case CPU)\n"
        % (count, wall, cpu, 1000 * cpu / max(count, 1))
    )
    for key in sorted(outcomes, key=lambda k: -outcomes[k]):
        sys.stderr.write("  %6d  %s\n" % (outcomes[key], key))


if __name__ == "__main__":
    main()
