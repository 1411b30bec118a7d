#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""gen-kfuncs.py LINUX_SOURCE_DIR > codegen/tables/kfuncs.c

Writes the table of the kernel's kfuncs and what the verifier knows of each:
the KF_* flags they are registered with (BTF_ID_FLAGS(func, name, KF_...)
in a BTF_KFUNCS_START set), and per argument whether it is a pointer, may be
NULL (a parameter named *__nullable or *__opt; *__ign and *__prog, which the
verifier does not check or fills in itself), or must be uninitialised memory
the kfunc fills (*__uninit: a dynptr or iterator it constructs).
The kernel keeps these flags in its ELF, not in /sys/kernel/btf/vmlinux, so
bpfgen check cannot read them at run time. LINUX_SOURCE_DIR is a Linux tree
(Debian's linux-source package); the in-tree modules' kfuncs (nf_conntrack,
the crypto and HID ones) are included, the selftests' test module is not.
A kfunc registered in several sets keeps the union of its flags. The output
is sorted and has no date: the same tree gives the same bytes.
"""
import os
import re
import sys

FLAGS = ["KF_ACQUIRE", "KF_RELEASE", "KF_RET_NULL", "KF_TRUSTED_ARGS", "KF_SLEEPABLE",
         "KF_DESTRUCTIVE", "KF_RCU", "KF_ITER_NEW", "KF_ITER_NEXT", "KF_ITER_DESTROY",
         "KF_RCU_PROTECTED"]
REG = re.compile(r"BTF_ID_FLAGS\(\s*func\s*,\s*(\w+)\s*(?:,\s*([^)]*))?\)")
DEF = re.compile(r"__bpf_kfunc\s+[^;{(]*?\b(\w+)\s*\(")
DIRS = ["kernel", "net", "fs", "mm", "crypto", "drivers/hid", "security", "block",
        "lib"]


def sources(top):
    for d in DIRS:
        for root, dirs, files in os.walk(os.path.join(top, d)):
            dirs.sort()
            for f in sorted(files):
                if f.endswith(".c"):
                    yield os.path.join(root, f)


def definitions(text):
    """(name, parameter list) of each __bpf_kfunc definition, parentheses balanced."""
    for m in DEF.finditer(text):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        yield m.group(1), text[m.end():i - 1]


def split_top(text):
    """The comma-separated parts of TEXT outside parentheses."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and not depth:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    return parts + [cur]


def params_of(text):
    """[(is_pointer, name)] of a C parameter list."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S).strip()
    if text in ("", "void"):
        return []
    out = []
    for p in split_top(text):
        p = p.strip()
        fp = re.search(r"\(\s*\*?\s*(\w+)\s*\)\s*\(", p)
        if fp:	# a function pointer: bool (less)(...)
            out.append((True, fp.group(1)))
            continue
        m = re.search(r"(\w+)\s*(\[\s*\w*\s*\])?$", p)
        out.append(("*" in p or bool(m and m.group(2)), m.group(1) if m else ""))
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    top = sys.argv[1]
    flags, params = {}, {}
    for path in sources(top):
        with open(path, errors="replace") as fh:
            text = fh.read()
        if "BTF_ID_FLAGS" not in text and "__bpf_kfunc" not in text:
            continue
        for name, fl in REG.findall(text):
            bits = {f.strip() for f in fl.split("|") if f.strip()} if fl else set()
            unknown = bits - set(FLAGS)
            if unknown:
                sys.exit("%s: %s: unknown flags %s" % (path, name, sorted(unknown)))
            flags.setdefault(name, set()).update(bits)
        for name, plist in definitions(text):
            params.setdefault(name, params_of(plist))
    names = sorted(n for n in flags if n in params)
    missing = sorted(n for n in flags if n not in params)
    if missing:
        print("gen-kfuncs: no definition found for %s" % " ".join(missing), file=sys.stderr)
    out = sys.stdout
    out.write("// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)\n")
    out.write("/* DO NOT EDIT: written by scripts/gen-kfuncs.py from the Linux %s source. */\n"
              % version_of(top))
    out.write('#include "tables.h"\n\n')
    out.write("const struct bg_kfunc bg_kfuncs[] = {\n")
    for n in names:
        ps = params[n][:8]
        bits = " | ".join("BG_" + f for f in FLAGS if f in flags[n]) or "0"
        ptr = sum(1 << i for i, (is_ptr, _) in enumerate(ps) if is_ptr)
        null = sum(1 << i for i, (_, pn) in enumerate(ps)
                   if pn.endswith(("__nullable", "__opt", "__ign", "__prog")))
        uninit = sum(1 << i for i, (_, pn) in enumerate(ps) if pn.endswith("__uninit"))
        out.write('\t{ "%s", %s, %d, 0x%02x, 0x%02x, 0x%02x },\n'
                  % (n, bits, len(ps), ptr, null, uninit))
    out.write("};\n\nconst size_t bg_nkfuncs = sizeof(bg_kfuncs) / sizeof(bg_kfuncs[0]);\n")


def version_of(top):
    try:
        with open(os.path.join(top, "Makefile")) as fh:
            head = fh.read(400)
        v = dict(re.findall(r"^(VERSION|PATCHLEVEL) = (\d+)", head, re.M))
        return "%s.%s" % (v["VERSION"], v["PATCHLEVEL"])
    except (OSError, KeyError):
        return "(unknown version)"


if __name__ == "__main__":
    main()
