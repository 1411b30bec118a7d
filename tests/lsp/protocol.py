#!/usr/bin/env python3
"""protocol.py BPFGEN VMLINUX_DIR HEADERS_DIR: bpfgen lsp driven by a scripted client.

Covers the framing, initialize, diagnostics of a buffer with a ctx-type
mistake (flags from a build/compile_commands.json found as clangd finds it),
the quick fix, hover on a SEC() name and on a BPFGEN_ macro, a change that
fixes the mistake, malformed messages, an unknown method, shutdown and exit.
Exit 0 on pass, 1 on failure.
"""
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

BAD = """#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_len(struct __sk_buff *ctx)
{
	return ctx->len > 64 ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
"""

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: " + what, file=sys.stderr)
    return cond


class Client:
    def __init__(self, argv, cwd):
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  cwd=cwd)
        self.buf = b""
        self.next_id = 1
        self.notes = []

    def send_raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def read(self, timeout=60):
        """The next message from the server, or None after TIMEOUT seconds."""
        end = time.time() + timeout
        while True:
            head_end = self.buf.find(b"\r\n\r\n")
            if head_end >= 0:
                headers = self.buf[:head_end].decode().split("\r\n")
                length = None
                for h in headers:
                    k, _, v = h.partition(":")
                    if k.strip().lower() == "content-length":
                        length = int(v.strip())
                if length is None:
                    raise RuntimeError("server sent a header without Content-Length")
                if len(self.buf) >= head_end + 4 + length:
                    body = self.buf[head_end + 4:head_end + 4 + length]
                    self.buf = self.buf[head_end + 4 + length:]
                    return json.loads(body)
            left = end - time.time()
            if left <= 0:
                return None
            r, _, _ = select.select([self.p.stdout], [], [], left)
            if not r:
                return None
            chunk = os.read(self.p.stdout.fileno(), 65536)
            if not chunk:
                return None
            self.buf += chunk

    def response(self, rid, timeout=60):
        while True:
            m = self.read(timeout)
            if m is None:
                return None
            if m.get("id") == rid and "method" not in m:
                return m
            self.notes.append(m)

    def error_response(self, timeout=30):
        """The next response with an error, for messages whose id is lost."""
        while True:
            m = self.read(timeout)
            if m is None:
                return None
            if "error" in m:
                return m
            self.notes.append(m)

    def diagnostics(self, uri, version, timeout=120):
        """The diagnostics published for URI at VERSION."""
        while True:
            for i, m in enumerate(self.notes):
                if (m.get("method") == "textDocument/publishDiagnostics"
                        and m["params"]["uri"] == uri
                        and m["params"].get("version") == version):
                    del self.notes[:i + 1]
                    return m["params"]["diagnostics"]
            m = self.read(timeout)
            if m is None:
                return None
            self.notes.append(m)


def main():
    bpfgen, vmlinux_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    headers_dir = os.path.abspath(sys.argv[3])
    tmp = tempfile.mkdtemp(prefix="lsp-protocol.")
    try:
        return run(bpfgen, vmlinux_dir, headers_dir, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(bpfgen, vmlinux_dir, headers_dir, tmp):
    src = os.path.join(tmp, "src")
    os.makedirs(os.path.join(tmp, "build"))
    os.makedirs(src)
    path = os.path.join(src, "len.bpf.c")
    # on disk the file is already right: the server must check the buffer
    with open(path, "w") as f:
        f.write(BAD.replace("struct __sk_buff *ctx", "struct xdp_md *ctx"))
    # found the way clangd finds it: build/ under a parent directory
    with open(os.path.join(tmp, "build", "compile_commands.json"), "w") as f:
        json.dump([{"directory": os.path.join(tmp, "build"), "file": path,
                    "arguments": ["clang", "-target", "bpf", "-O2", "-I", vmlinux_dir,
                                  "-I", headers_dir,
                                  "-c", path, "-o", "len.bpf.o"]}], f)
    uri = "file://" + path
    env_cache = os.path.join(tmp, "cache")
    c = Client([bpfgen, "lsp", "--cache", env_cache], cwd=tmp)

    # framing: a request split across writes, headers in another case and order
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                       "params": {"processId": None, "rootUri": "file://" + tmp,
                                  "capabilities": {}}}).encode()
    msg = (b"content-type: application/vscode-jsonrpc; charset=utf-8\r\n"
           b"CONTENT-LENGTH: %d\r\n\r\n" % len(body)) + body
    c.send_raw(msg[:20])
    time.sleep(0.1)
    c.send_raw(msg[20:])
    c.next_id = 2
    r = c.response(1)
    if not check(r is not None and "result" in r, "initialize answered"):
        return 1
    caps = r["result"]["capabilities"]
    check(caps["textDocumentSync"]["change"] == 1, "full document sync announced")
    check(caps.get("hoverProvider") is True, "hover announced")
    check("quickfix" in caps["codeActionProvider"]["codeActionKinds"], "quick fixes announced")
    check(r["result"]["serverInfo"]["name"] == "bpfgen", "serverInfo names bpfgen")
    c.notify("initialized", {})

    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "c", "version": 1, "text": BAD}})
    diags = c.diagnostics(uri, 1)
    if not check(diags is not None, "diagnostics published for version 1"):
        return 1
    ctx = [d for d in diags if d.get("code") == "ctx-type"]
    if not check(len(ctx) == 1, "one ctx-type diagnostic, got %s" % json.dumps(diags)):
        return 1
    d = ctx[0]
    check(d["range"]["start"]["line"] == 4, "ctx-type on line 5 (0-based 4): %s" % d["range"])
    check(d["severity"] == 1, "ctx-type is an error")
    check("struct xdp_md" in d["message"], "message names the right context")
    rel = d.get("relatedInformation", [])
    check(any(ri["location"]["range"]["start"]["line"] == 3 and "section 'xdp'" in ri["message"]
              for ri in rel), "a note points at the SEC() line: %s" % json.dumps(rel))
    check(all(x.get("code") != "license-missing" for x in diags), "no false license finding")

    # the preamble (vmlinux.h, bpf_helpers.h) went to the cache, on by default
    check(any(n.endswith(".pch") for n in os.listdir(env_cache)),
          "the preamble is precompiled in the cache")

    rid = c.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": d["range"],
        "context": {"diagnostics": [d]}})
    r = c.response(rid)
    acts = r.get("result") if r else None
    check(acts, "a code action for ctx-type")
    fix = None
    for a in acts or []:
        for e in a.get("edit", {}).get("changes", {}).get(uri, []):
            if e["newText"] == "struct xdp_md *":
                fix = (a, e)
    if check(fix is not None, "the quick fix writes 'struct xdp_md *': %s" % json.dumps(acts)):
        a, e = fix
        check(a["kind"] == "quickfix", "the action is a quickfix")
        lines = BAD.split("\n")
        rg = e["range"]
        check(rg["start"]["line"] == rg["end"]["line"] == 4, "the edit stays on line 5")
        line = lines[4]
        fixed = line[:rg["start"]["character"]] + e["newText"] + line[rg["end"]["character"]:]
        check(fixed == "int xdp_len(struct xdp_md *ctx)", "the edit makes '%s'" % fixed)

    # hover on the section name, in the string
    rid = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                           "position": {"line": 3, "character": 6}})
    r = c.response(rid)
    h = r.get("result") if r else None
    if check(h is not None, "hover on SEC(\"xdp\") answers"):
        v = h["contents"]["value"]
        check("program type `xdp`" in v, "hover names the program type: %s" % v)
        check("struct xdp_md" in v, "hover names the context")
        check("returns" in v and "0..4" in v, "hover gives the return range")
        check("bpf_xdp_adjust_head" in v and "bpf_skb_load_bytes," not in v,
              "hover lists the helpers XDP may call, not tc's")
    # hover elsewhere: nothing
    rid = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                           "position": {"line": 6, "character": 2}})
    r = c.response(rid)
    check(r is not None and r.get("result") is None, "hover off a section gives null")

    # a message whose body comes later than the one before it, read while draining
    hover = {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 6}}
    first = json.dumps({"jsonrpc": "2.0", "id": 50, "method": "textDocument/hover",
                        "params": hover}).encode()
    second = json.dumps({"jsonrpc": "2.0", "id": 51, "method": "textDocument/hover",
                         "params": hover}).encode()
    data = (b"Content-Length: %d\r\n\r\n" % len(first) + first +
            b"Content-Length: %d\r\n\r\n" % len(second) + second)
    cut = len(data) - len(second) // 2
    c.send_raw(data[:cut])
    time.sleep(0.3)
    c.send_raw(data[cut:])
    check(c.response(50) is not None and c.response(51, timeout=10) is not None,
          "a body split across reads is answered")

    # malformed JSON: a parse error, and the server goes on
    junk = b"{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": "
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(junk) + junk)
    r = c.error_response()
    check(r is not None and r["error"]["code"] == -32700 and r.get("id") is None,
          "malformed JSON answered with -32700: %s" % r)
    # valid JSON that is not a request
    c.send({"jsonrpc": "2.0", "id": 7})
    r = c.response(7)
    check(r is not None and r["error"]["code"] == -32600, "no method: -32600 (%s)" % r)
    c.send([1, 2])
    r = c.error_response()
    check(r is not None and r["error"]["code"] == -32600, "an array: -32600 (%s)" % r)
    # a header with no length
    c.send_raw(b"Content-Type: nothing\r\n\r\n")
    r = c.error_response()
    check(r is not None and r["error"]["code"] == -32700, "a header without length: -32700")
    rid = c.request("textDocument/definitelyNotAMethod", {})
    r = c.response(rid)
    check(r is not None and r["error"]["code"] == -32601, "unknown method: -32601 (%s)" % r)

    # edits: a stale version is never checked when a newer one follows at once
    mid = BAD.replace("ctx->len > 64", "ctx->len > 65")
    good = BAD.replace("struct __sk_buff *ctx", "struct xdp_md *ctx").replace(
        "ctx->len > 64", "ctx->data_end > ctx->data")
    frames = b""
    for v, text in ((2, mid), (3, good)):
        body = json.dumps({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": v},
            "contentChanges": [{"text": text}]}}).encode()
        frames += b"Content-Length: %d\r\n\r\n" % len(body) + body
    # in one write: both are there when the server next reads
    c.send_raw(frames)
    diags = c.diagnostics(uri, 3)
    check(diags == [], "the fixed buffer has no diagnostics: %s" % json.dumps(diags))
    check(not any(m.get("method") == "textDocument/publishDiagnostics" and
                  m["params"].get("version") == 2 for m in c.notes),
          "version 2, replaced before its check, is not checked")

    # the license fix-its: a near-miss literal replaced, a missing license inserted
    lic = good.replace("return ctx->data_end", "bpf_printk(\"x\");\n\treturn ctx->data_end")
    for v, text, want in ((10, lic.replace('"GPL";', '"GPl";'), '"GPL"'),
                          (11, lic.replace('char LICENSE[] SEC("license") = "GPL";\n', ""),
                           'char LICENSE[] SEC("license") = "GPL";\n')):
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                            "contentChanges": [{"text": text}]})
        diags = c.diagnostics(uri, v)
        gpl = [x for x in diags if x.get("code") == "license-gpl"]
        if not check(len(gpl) == 1, "version %d: one license-gpl: %s" % (v, json.dumps(diags))):
            continue
        rid = c.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": gpl[0]["range"],
            "context": {"diagnostics": gpl}})
        r = c.response(rid)
        edits = [e for a in (r or {}).get("result") or []
                 for e in a["edit"]["changes"][uri] if e["newText"] == want]
        if check(len(edits) == 1, "version %d: a quick fix writes %r: %s" % (v, want, r)):
            e = edits[0]
            lines = text.split("\n")
            rg = e["range"]
            line = lines[rg["start"]["line"]]
            fixed = line[:rg["start"]["character"]] + e["newText"] + line[rg["end"]["character"]:]
            if v == 10:
                check(fixed == 'char LICENSE[] SEC("license") = "GPL";', "license fixed: " + fixed)
            else:
                check(rg["start"] == rg["end"] and line == 'SEC("xdp")',
                      "the license goes before SEC(\"xdp\"): %s" % rg)

    # a BPFGEN_ program macro, from the typed layer
    typed = ("#include \"vmlinux.h\"\n#include <bpfgen/bpf.h>\n\n"
             "BPFGEN_XDP(pass_all)\n{\n\treturn BPFGEN_XDP_PASS;\n}\n\n"
             "char LICENSE[] SEC(\"license\") = \"GPL\";\n")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4},
                                        "contentChanges": [{"text": typed}]})
    diags = c.diagnostics(uri, 4)
    rid = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                           "position": {"line": 3, "character": 3}})
    r = c.response(rid)
    h = r.get("result") if r else None
    check(h is not None and "program type `xdp`" in h["contents"]["value"],
          "hover on BPFGEN_XDP names the program type: %s (diagnostics %s)" % (r, diags))

    # a save checks again: the build's flags may have changed
    c.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    check(c.diagnostics(uri, 4) is not None, "didSave publishes the diagnostics again")

    c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    m = c.read()
    check(m is not None and m.get("method") == "textDocument/publishDiagnostics" and
          m["params"]["diagnostics"] == [], "didClose clears the diagnostics")

    rid = c.request("shutdown")
    r = c.response(rid)
    check(r is not None and "result" in r and r["result"] is None, "shutdown answered with null")
    c.notify("exit", None)
    try:
        rc = c.p.wait(30)
    except subprocess.TimeoutExpired:
        c.p.kill()
        rc = None
    check(rc == 0, "exit after shutdown: status 0, got %s" % rc)
    # before initialize a request is refused; the end of input without exit is status 1
    c = Client([bpfgen, "lsp", "--no-cache"], cwd=tmp)
    rid = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                           "position": {"line": 0, "character": 0}})
    r = c.response(rid)
    check(r is not None and r["error"]["code"] == -32002, "a request before initialize: -32002")
    c.p.stdin.close()
    try:
        rc = c.p.wait(30)
    except subprocess.TimeoutExpired:
        c.p.kill()
        rc = None
    check(rc == 1, "the input ends without exit: status 1, got %s" % rc)
    if failures:
        print("%d check(s) failed" % len(failures), file=sys.stderr)
        return 1
    print("ok: bpfgen lsp protocol")
    return 0


if __name__ == "__main__":
    sys.exit(main())
