// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * What the verifier's (and libbpf's) refusals mean, in plain words, and the
 * `bpfgen check` rule that finds the same mistake before the program is
 * built. One row per message, the most specific first: the first row whose
 * pattern the message contains wins. Messages are the ones Linux 6.18 and
 * libbpf 1.1 print (shared/reference/ebpf-facts.md), plus the older kernels'
 * wordings where they differ.
 */
#include <string.h>

#include "internal.h"

static const struct bpfgen_verifier_explain explain_table[] = {
	/* References still held at exit: the allocating call says which kind. */
	{ "Unreleased reference",
	  "a ring buffer record reserved with bpf_ringbuf_reserve() is neither submitted nor "
	  "discarded on some path that leaves the program; call bpf_ringbuf_submit() or "
	  "bpf_ringbuf_discard() on every path once the reservation succeeded",
	  "ringbuf-leak", "call bpf_ringbuf_reserve" },
	{ "Unreleased reference",
	  "a socket from bpf_sk_lookup_tcp()/bpf_sk_lookup_udp() is not passed to "
	  "bpf_sk_release() on some path where the lookup succeeded",
	  "sk-release", "call bpf_sk_lookup_" },
	{ "Unreleased reference",
	  "a socket from bpf_skc_lookup_tcp() is not passed to bpf_sk_release() on some path "
	  "where the lookup succeeded",
	  "sk-release", "call bpf_skc_lookup_" },
	{ "Unreleased reference",
	  "a reference the program took (a ring buffer reservation, a socket from a lookup, an "
	  "object from an acquiring kfunc) is still held on some path that leaves the program; "
	  "release it on every path",
	  "ringbuf-leak", NULL },
	{ "would lead to reference leak",
	  "a reference the program took (a ring buffer reservation, a socket from a lookup, an "
	  "object from an acquiring kfunc) is still held on some path that leaves the program; "
	  "release it on every path",
	  "ringbuf-leak", NULL },

	/* Pointers that may be NULL. */
	{ "invalid mem access 'map_value_or_null'",
	  "the pointer bpf_map_lookup_elem() returned is dereferenced on a path where it may be "
	  "NULL (the key may be absent, even in an array map); test it against NULL first",
	  "null-deref", NULL },
	{ "invalid mem access 'ringbuf_mem_or_null'",
	  "the record bpf_ringbuf_reserve() returned is written on a path where it may be NULL "
	  "(the ring buffer may be full); test it against NULL first",
	  "null-deref", NULL },
	{ "invalid mem access 'sock_or_null'",
	  "the socket a bpf_sk_lookup_*() call returned is dereferenced on a path where it may "
	  "be NULL; test it against NULL first",
	  "null-deref", NULL },
	{ "invalid mem access 'sock_common_or_null'",
	  "the socket bpf_skc_lookup_tcp() returned is dereferenced on a path where it may be "
	  "NULL; test it against NULL first",
	  "null-deref", NULL },
	{ "_or_null'",
	  "a pointer that may be NULL is dereferenced before a NULL test",
	  "null-deref", NULL },
	{ "Possibly NULL pointer passed to helper",
	  "a pointer that may be NULL (a lookup or reserve result) is passed to a helper that "
	  "needs a valid pointer; test it against NULL first",
	  "null-deref", NULL },

	/* Kernel memory read as if it were the program's. */
	{ "invalid mem access 'scalar'",
	  "a kernel address held as a plain number (from a pt_regs argument, a raw tracepoint "
	  "argument or bpf_get_current_task()) is dereferenced directly; read it with "
	  "BPF_CORE_READ() or bpf_probe_read_kernel()",
	  "kernel-deref", NULL },
	{ "invalid mem access 'inv'",
	  "a kernel address held as a plain number is dereferenced directly; read it with "
	  "BPF_CORE_READ() or bpf_probe_read_kernel()",
	  "kernel-deref", NULL },

	/* Helpers and kfuncs. */
	{ "program of this type cannot use helper",
	  "this program type may not call the helper (bpf_skb_load_bytes() exists for skb "
	  "programs, not XDP); use the helper of this program type or read the data directly",
	  "helper-type", NULL },
	{ "invalid func unknown",
	  "the helper number is unknown to this kernel: the helper is newer than the kernel, or "
	  "the number is wrong",
	  "helper-type", NULL },
	{ "unknown func ",
	  "the helper is unknown to this kernel or not available to this program type",
	  "helper-type", NULL },
	{ "helper call might sleep in a non-sleepable prog",
	  "the helper may sleep (it can fault user memory in), which only sleepable programs "
	  "may do; use a sleepable section (\"uprobe.s\", \"lsm.s\", \"fentry.s\") or the "
	  "non-sleeping variant (bpf_probe_read_user())",
	  "helper-sleepable", NULL },
	{ "cannot call GPL-restricted function",
	  "the helper is GPL-only and the program's license is not GPL-compatible; declare "
	  "char LICENSE[] SEC(\"license\") = \"GPL\" (or \"Dual BSD/GPL\")",
	  "license-gpl", NULL },
	{ "cannot call kernel function from non-GPL compatible program",
	  "kfuncs may only be called from programs with a GPL-compatible license; declare "
	  "char LICENSE[] SEC(\"license\") = \"GPL\" (or \"Dual BSD/GPL\")",
	  "license-gpl", NULL },
	{ "non-GPL compatible program",
	  "the program calls something GPL-only and its license is not GPL-compatible",
	  "license-gpl", NULL },
	{ "cannot pass map_type",
	  "the helper does not take this kind of map (bpf_redirect_map() needs a devmap, "
	  "cpumap or xskmap; bpf_perf_event_output() a perf event array)",
	  "map-kind", NULL },
	{ "expected prog array map for tail call",
	  "bpf_tail_call() needs a BPF_MAP_TYPE_PROG_ARRAY map",
	  "map-kind", NULL },
	{ "invalid zero-sized read",
	  "the helper was given a map with no value to read, such as bpf_map_lookup_elem() on a "
	  "ring buffer; use bpf_ringbuf_reserve()/bpf_ringbuf_output() on a ring buffer",
	  "map-kind", NULL },
	{ "-th argument",
	  "the program declares more arguments than its BTF target (the tracepoint or kernel "
	  "function) passes",
	  "btf-args", NULL },
	{ "calling kernel function",
	  "the kfunc is not allowed for this program type, or was called wrongly",
	  NULL, NULL },

	/* Maps: keys, values, definitions. */
	{ "invalid indirect read from stack",
	  "a helper reads more stack bytes than the program wrote: usually a map key or value "
	  "smaller than the map's key or value size, or a variable left uninitialised",
	  "map-key", NULL },
	{ "invalid read from stack",
	  "a helper reads more stack bytes than the program wrote: usually a map key smaller "
	  "than the map's key size",
	  "map-key", NULL },
	{ "invalid access to map value",
	  "the access goes past the end of the map value: the value type in the program is "
	  "larger than the map's, or an index is not bounded",
	  "map-value", NULL },
	{ "min value is outside of the allowed memory range",
	  "the access may go past the end of the map value: the value type in the program is "
	  "larger than the map's, or an index is not bounded",
	  "map-value", NULL },
	{ "unbounded min value is not allowed",
	  "a pointer is offset by a value the verifier cannot bound from below; clamp the index "
	  "(if (i >= N) return) before using it",
	  NULL, NULL },
	{ "write into map forbidden",
	  "the map is read-only for the program: a write to a const volatile (.rodata) "
	  "variable, or to a map created with BPF_F_RDONLY_PROG",
	  NULL, NULL },
	{ "failed to create: Invalid argument",
	  "the kernel refused the map's definition: an array key that is not 4 bytes, no "
	  "max_entries, a ring buffer with a key or value type, an LPM trie without "
	  "BPF_F_NO_PREALLOC, a zero-sized value",
	  "map-def", NULL },
	{ "failed to create",
	  "the kernel refused to create the map; check its type, sizes, max_entries and flags",
	  "map-def", NULL },

	/* Packets and contexts. */
	{ "invalid access to packet",
	  "packet data is read or written beyond what a comparison with data_end covers; test "
	  "data + offset + size > data_end (and bail out) before the access",
	  "pkt-bounds", NULL },
	{ "outside of the packet",
	  "packet data is read or written beyond what a comparison with data_end covers; test "
	  "data + offset + size > data_end (and bail out) before the access",
	  "pkt-bounds", NULL },
	{ "dereference of modified ctx ptr",
	  "a context field is accessed at an offset computed at run time; the context may only "
	  "be accessed at constant offsets (index skb->cb[] with a constant)",
	  "ctx-var-offset", NULL },
	{ "variable ctx access",
	  "a context field is accessed at an offset computed at run time; the context may only "
	  "be accessed at constant offsets",
	  "ctx-var-offset", NULL },
	{ "invalid bpf_context access",
	  "this program type may not read or write the context field at that offset: the field "
	  "is read-only or not available to this program or attach type, or the context "
	  "parameter has another program type's struct (ctx-type)",
	  "ctx-access", NULL },

	/* Stack, calls and the size of the program. */
	{ "combined stack size",
	  "a chain of non-inlined function calls needs more than 512 bytes of stack in total; "
	  "make the large buffers per-CPU array values or mark the functions __always_inline",
	  "stack-size", NULL },
	{ "invalid write to stack",
	  "a stack write goes below the 512-byte frame",
	  "stack-size", NULL },
	{ "is too deep",
	  "the chain of BPF-to-BPF calls is deeper than the kernel allows (8 frames)",
	  NULL, NULL },
	{ "BPF program is too large",
	  "the verifier walked its limit of one million instructions: a loop it cannot bound "
	  "(bound it with a constant or use bpf_loop()) or too many paths through the program",
	  NULL, NULL },
	{ "infinite loop detected",
	  "the verifier found a loop whose state never changes: it cannot terminate",
	  NULL, NULL },
	{ "back-edge from insn",
	  "the program has a loop, which this kernel only accepts when it can bound it (Linux "
	  "5.3+); bound the loop with a constant or unroll it",
	  NULL, NULL },
	{ "unreachable insn",
	  "the program has instructions no path reaches, which the kernel refuses",
	  NULL, NULL },
	{ "unknown opcode 8d",
	  "an indirect call (a call through a function pointer): BPF has none; call the "
	  "function directly or use bpf_tail_call()",
	  NULL, NULL },
	{ "unknown opcode",
	  "an instruction this kernel does not know: compiled for a newer BPF ISA (-mcpu) than "
	  "the kernel supports",
	  NULL, NULL },
	{ "doesn't return scalar",
	  "a global (non-static) function must return a scalar: make it return int, or make it "
	  "static so that it is verified with its caller",
	  NULL, NULL },
	{ "Caller passes invalid args",
	  "a global function was called with arguments it does not accept (a pointer that may "
	  "be NULL, a pointer to packet data); global functions are verified alone, from their "
	  "types; make it static or pass what its prototype promises",
	  NULL, NULL },

	/* Return values. */
	{ "At program exit the register R0 has",
	  "the program returns a value outside the range its program type allows",
	  "return-range", NULL },
	{ "At program exit the register R0 is not a known value",
	  "the program returns a value outside the range its program type allows",
	  "return-range", NULL },
	{ "!read_ok",
	  "a register is read before anything was written to it: a path returns without a "
	  "value, or a helper argument is missing",
	  NULL, NULL },

	/* Arguments, alignment, read-only registers. */
	{ "frame pointer is read only",
	  "the program writes to r10, the frame pointer, which is read-only",
	  NULL, NULL },
	{ "misaligned",
	  "an access that is not aligned to its size, which this program type or architecture "
	  "does not allow; read the bytes with a memcpy()-like copy or bpf_skb_load_bytes()",
	  NULL, NULL },
	{ " expected=",
	  "a helper or kfunc argument is of the wrong kind: the register holds the first type "
	  "named where the call needs one of the others (a stack or map pointer, not a number)",
	  NULL, NULL },

	/* libbpf before the verifier runs. */
	{ "failed to resolve CO-RE relocation",
	  "a CO-RE read names a type or field the running kernel's BTF does not have; guard it "
	  "with bpf_core_field_exists() or bpf_core_type_exists()",
	  NULL, NULL },
	{ "invalid CO-RE relocation",
	  "a CO-RE read names a type or field the running kernel's BTF does not have; guard it "
	  "with bpf_core_field_exists() or bpf_core_type_exists()",
	  NULL, NULL },
	{ "failed to find kernel BTF type ID",
	  "the attach target (tp_btf, fentry, fexit, lsm) is not in the kernel's BTF: a "
	  "misspelled name, or a function this kernel does not have",
	  "btf-target", NULL },
	{ "extern (func ksym)",
	  "the kfunc is not in the kernel's or any module's BTF: a misspelled name, or a kfunc "
	  "this kernel does not have (declare it __weak to make it optional)",
	  "kfunc-unknown", NULL },
	{ "extern (var ksym)",
	  "the __ksym variable is not in the kernel's or any module's BTF",
	  "kfunc-unknown", NULL },
	{ "missing BPF prog type",
	  "libbpf does not know the SEC() name, so it cannot tell the program type; use one of "
	  "the names libbpf knows (\"xdp\", \"tc\", \"kprobe/FUNC\", \"tracepoint/CAT/NAME\")",
	  "section-name", NULL },
	{ "unrecognized ELF section name",
	  "libbpf does not know the SEC() name, so it cannot tell the program type",
	  "section-name", NULL },
	{ "failed to guess program type",
	  "libbpf does not know the SEC() name, so it cannot tell the program type",
	  "section-name", NULL },
	{ "Operation not permitted",
	  "the kernel refused before verifying: the process lacks CAP_BPF/CAP_SYS_ADMIN, or "
	  "this kernel does not allow the program type (fentry, fexit and lsm need BPF "
	  "trampolines)",
	  NULL, NULL },
};

const struct bpfgen_verifier_explain *bpfgen_verifier__explain(const char *message,
							       const char *call)
{
	size_t i;

	if (!message)
		return NULL;
	for (i = 0; i < sizeof(explain_table) / sizeof(explain_table[0]); i++) {
		const struct bpfgen_verifier_explain *e = &explain_table[i];

		if (e->call && (!call || !strstr(call, e->call)))
			continue;
		if (strcasestr(message, e->pattern))
			return e;
	}
	return NULL;
}

const struct bpfgen_verifier_explain *bpfgen_verifier_explain(const char *message)
{
	return bpfgen_verifier__explain(message, NULL);
}

const struct bpfgen_verifier_explain *bpfgen_verifier__explain_table(size_t *cnt)
{
	*cnt = sizeof(explain_table) / sizeof(explain_table[0]);
	return explain_table;
}
