#!/usr/bin/env python3
"""A scripted `wmlint server` session: one-character edits on a 200-line script.

    benchmarks/server_edits.py WMLINT [--edits 1000] [--memory-edits 10000]

Opens a 200-line script (invocations with an error each), then types one character at a time — insert a
character, delete it — each edit sent as an incremental didChange, waiting for the diagnostics of that
version. Prints the median and 90th percentile of the time from sending an edit to reading its diagnostics
(the server's time plus a pipe round trip), and the server's resident memory after 1,000 and after
--memory-edits edits (it should stay flat).
"""
import json, os, statistics, subprocess, sys, tempfile, time


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    binary = os.path.abspath(args[0])
    edits = int(args[args.index("--edits") + 1]) if "--edits" in args else 1000
    memory_edits = int(args[args.index("--memory-edits") + 1]) if "--memory-edits" in args else 10000
    directory = tempfile.mkdtemp(prefix="wmlint-server-bench-")
    os.mkdir(os.path.join(directory, ".git"))
    lines = ["#!/bin/sh"]
    while len(lines) < 200:
        n = len(lines)
        lines.append(f"aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef \\")
        lines.append("  --authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY \\")
        lines.append("  --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,"
                     "ApplicationArn=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058 \\")
        lines.append(f"  --personal-access-token-configuration Status=ACTIVE,LifetimeInDays={n % 400}")
        lines.append(f"echo step {n}")
    text = "\n".join(lines[:200]) + "\n"
    path = os.path.join(directory, "deploy.sh")
    with open(path, "w") as f:
        f.write(text)
    uri = "file://" + path
    server = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=directory)

    def send(message):
        body = json.dumps(message).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    def receive():
        length = None
        while True:
            line = server.stdout.readline()
            if not line:
                raise SystemExit("the server ended")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(server.stdout.read(length))

    def diagnostics(version):
        while True:
            message = receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"].get("version") == version:
                return message["params"]["diagnostics"]

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    receive()
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "sh", "version": 1, "text": text}}})
    diagnostics(1)
    version = 1
    times = []

    def rss():
        with open(f"/proc/{server.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    memory = {}
    total = max(edits, memory_edits)
    for index in range(total):
        version += 1
        line = 1 + (index // 2) % 199
        if index % 2 == 0:
            change = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "x"}
        else:
            change = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 1}}, "text": ""}
        start = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        diagnostics(version)
        if index < edits:
            times.append(time.perf_counter() - start)
        if index + 1 in (1000, total):
            memory[index + 1] = rss()
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    receive()
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait()
    times.sort()
    print(f"server edits on a 200-line script ({len(text)} bytes), {edits} one-character edits:")
    print(f"  median {statistics.median(times) * 1000:.3f} ms per edit, p90 {times[int(len(times) * 0.9)] * 1000:.3f} ms")
    print("  resident memory: " + ", ".join(f"{kib / 1024:.1f} MiB after {n} edits" for n, kib in sorted(memory.items())))


if __name__ == "__main__":
    main()
