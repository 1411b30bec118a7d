/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The BPF side of `bpfgen probe`: the programs it loads to ask the verifier
 * which helpers a program type may call. They are built as instructions, not
 * compiled from C: clang would not emit a call to a helper with no arguments
 * set up, and the probe must not depend on a BPF compiler being installed.
 *
 * BG_PROBE_CALL(id) is `call id; exit`. The verifier looks the helper up for
 * the program type before it checks any argument, so the first message it
 * prints about the call says whether the type may call the helper at all;
 * any later complaint (R1 !read_ok, a return value out of range) means the
 * call itself passed.
 *
 * The context probes read a field, `r2 = *(size *)(r1 + off); r0 = V; exit`,
 * or write one, `r2 = 0; *(size *)(r1 + off) = r2; r0 = V; exit`: the
 * verifier's is_valid_access() of the program type alone decides whether
 * they load (V is a return value the type accepts).
 *
 * BG_PROBE_BASE is `r0 = 0; exit`: it loads for every program type the
 * kernel can load at all, so a row whose base fails (EPERM for fentry and lsm
 * on kernels without trampolines) is not measurable, rather than "refuses
 * every helper".
 */
#ifndef BPFGEN_BPF_HELPER_PROBE_H
#define BPFGEN_BPF_HELPER_PROBE_H

#include <linux/bpf.h>

#define BG_INSN_CALL(id)						\
	((struct bpf_insn){ .code = BPF_JMP | BPF_CALL, .imm = (id) })
#define BG_INSN_EXIT()							\
	((struct bpf_insn){ .code = BPF_JMP | BPF_EXIT })
#define BG_INSN_MOV64_IMM(dst, v)					\
	((struct bpf_insn){ .code = BPF_ALU64 | BPF_MOV | BPF_K,		\
			    .dst_reg = (dst), .imm = (v) })

/* r<dst> = *(size *)(r<src> + off), *(size *)(r<dst> + off) = r<src>; size BPF_B/H/W/DW */
#define BG_INSN_LDX_MEM(size, dst, src, o)				\
	((struct bpf_insn){ .code = BPF_LDX | BPF_MEM | (size),		\
			    .dst_reg = (dst), .src_reg = (src), .off = (o) })
#define BG_INSN_STX_MEM(size, dst, src, o)				\
	((struct bpf_insn){ .code = BPF_STX | BPF_MEM | (size),		\
			    .dst_reg = (dst), .src_reg = (src), .off = (o) })

#define BG_PROBE_CALL(id)	{ BG_INSN_CALL(id), BG_INSN_EXIT() }
#define BG_PROBE_BASE		{ BG_INSN_MOV64_IMM(BPF_REG_0, 0), BG_INSN_EXIT() }
#define BG_PROBE_INSNS		2

#endif
