#!/usr/bin/env python3
"""lsp_latency.py BPFGEN VMLINUX_DIR [FILE] [EDITS]

The latency of bpfgen lsp's diagnostics after an edit, as an editor sees it:
the time from writing a didChange to reading the publishDiagnostics of that
version. FILE (default tests/check/bad/xdp_ttl_guard.bpf.c, which includes
vmlinux.h) is opened once, its first check warms the preamble cache (a cache
of this run only, so that the figures do not depend on earlier runs), then
EDITS (default 20) edits each change a line and wait for their diagnostics.
Prints the cold first check and p50/p95/max of the edits, in milliseconds.
BPFGEN_CACHE=off runs the same without the cache, for comparison.
"""
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time


def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Server:
    def __init__(self, argv, env):
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self.buf = b""

    def send(self, msg):
        self.p.stdin.write(frame(msg))
        self.p.stdin.flush()

    def read(self):
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end >= 0:
                n = int(self.buf[:end].split(b":")[1])
                if len(self.buf) >= end + 4 + n:
                    msg = json.loads(self.buf[end + 4:end + 4 + n])
                    self.buf = self.buf[end + 4 + n:]
                    return msg
            select.select([self.p.stdout], [], [], 120)
            chunk = os.read(self.p.stdout.fileno(), 1 << 16)
            if not chunk:
                raise SystemExit("bpfgen lsp ended early")
            self.buf += chunk

    def diagnostics(self, version):
        while True:
            m = self.read()
            if (m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"].get("version") == version):
                return m["params"]["diagnostics"]


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100.0 * (len(v) - 1))))]


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bpfgen = os.path.abspath(sys.argv[1])
    vmlinux = os.path.abspath(sys.argv[2])
    src = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else \
        os.path.join(top, "tests/check/bad/xdp_ttl_guard.bpf.c")
    edits = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    tmp = tempfile.mkdtemp(prefix="lsp-latency.")
    try:
        path = os.path.join(tmp, os.path.basename(src))
        shutil.copy(src, path)
        with open(os.path.join(tmp, ".bpfgen"), "w") as f:
            f.write("-I %s\n" % vmlinux)
        env = dict(os.environ, BPFGEN_CACHE_DIR=os.path.join(tmp, "cache"))
        s = Server([bpfgen, "lsp"], env)
        s.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"capabilities": {}}})
        s.read()
        s.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        text = open(path).read()
        uri = "file://" + path
        t0 = time.monotonic()
        s.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "c", "version": 1, "text": text}}})
        first = s.diagnostics(1)
        cold = (time.monotonic() - t0) * 1000
        lines = text.split("\n")
        times = []
        for i in range(edits):
            # an edit as typing makes it: a comment on the last line grows
            edited = "\n".join(lines + ["// edit %d" % i])
            t0 = time.monotonic()
            s.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": i + 2},
                "contentChanges": [{"text": edited}]}})
            d = s.diagnostics(i + 2)
            times.append((time.monotonic() - t0) * 1000)
            if len(d) != len(first):
                raise SystemExit("edit %d changed the diagnostics: %d, not %d"
                                 % (i, len(d), len(first)))
        s.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        s.read()
        s.send({"jsonrpc": "2.0", "method": "exit"})
        s.p.wait(30)
        print("file: %s (%d diagnostics)" % (os.path.relpath(src, top), len(first)))
        off = os.environ.get("BPFGEN_CACHE") == "off"
        print("first check (%s): %.1f ms" % ("no cache" if off else "cold cache, preamble built",
                                             cold))
        print("diagnostics after an edit, %d edits, %s: p50 %.1f ms, p95 %.1f ms, "
              "max %.1f ms" % (edits, "no cache" if off else "warm cache", pct(times, 50),
                               pct(times, 95), max(times)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
