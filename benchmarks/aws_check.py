#!/usr/bin/env python3
"""The AWS CLI's own client-side check of one invocation, one process per run.

  python3 aws_check.py SCRIPT [N]
  python3 aws_check.py --argv SCRIPT [N]   print that invocation's argv after `aws` as JSON

Runs the N-th (default 1st) `aws workmail put-identity-provider-configuration`
invocation of SCRIPT through the AWS CLI's own entry point
(awscli.clidriver.create_clidriver().main), as a user running `aws` would,
with `$VAR`s from the script's plain assignments substituted. Nothing is sent:
the call stops on before-call (after the CLI parsed, validated and serialized
the request) and sockets are disabled. Exits 0 when the CLI accepted the
request, 1 when it refused it.
"""

import os
import shlex
import socket
import sys

for _name in list(os.environ):
    if _name.startswith("AWS_"):
        del os.environ[_name]
os.environ.update({
    "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_CONFIG_FILE": "/dev/null",
    "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    "AWS_PAGER": "",
    "AWS_EC2_METADATA_DISABLED": "true",
})


def _refuse(*args, **kwargs):
    raise OSError("network disabled")


socket.socket.connect = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse


def invocations(text):
    """argv after `aws` of each invocation, with plain assignments substituted."""
    text = text.replace("\\\n", " ")
    env = {}
    for line in text.splitlines():
        try:
            words = shlex.split(line, comments=True)
        except ValueError:
            continue
        if len(words) == 1 and "=" in words[0] and not words[0].startswith("-"):
            k, v = words[0].split("=", 1)
            env[k] = v
            continue
        if words and words[0] == "aws" and "put-identity-provider-configuration" in words:
            yield [os.path.expandvars(w) if "$" in w else w for w in words[1:]], env


def main():
    args = sys.argv[1:]
    print_argv = args[:1] == ["--argv"]
    if print_argv:
        args = args[1:]
    path = args[0]
    index = int(args[1]) if len(args) > 1 else 1
    with open(path) as f:
        found = list(invocations(f.read()))
    argv, env = found[index - 1]
    os.environ.update(env)
    argv = [os.path.expandvars(w) for w in argv]
    if print_argv:
        import json
        print(json.dumps(argv))
        return
    os.chdir(os.path.dirname(os.path.abspath(path)))

    from awscli import clidriver

    class Captured(Exception):
        pass

    def before_call(params, **kwargs):
        raise Captured()

    driver = clidriver.create_clidriver()
    driver.session.register("before-call.workmail.PutIdentityProviderConfiguration", before_call)
    seen = []
    original = clidriver.write_exception

    def keep(e, outfile):
        seen.append(e)
        if not isinstance(e, Captured):
            original(e, outfile)

    clidriver.write_exception = keep
    try:
        driver.main(argv)
    except SystemExit:
        pass
    sys.exit(0 if seen and isinstance(seen[-1], Captured) else 1)


if __name__ == "__main__":
    main()
