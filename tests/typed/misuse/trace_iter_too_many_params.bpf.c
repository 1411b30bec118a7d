// bpfgen-test: iterator over bpf_map declares a key parameter that struct bpf_iter__bpf_map does not have (vmlinux.h)
// class: tracing-args
// kernel: run
// kernel-run: iter . dump_maps "maps"
// expect: BPFGEN_ITER: more parameters than struct bpf_iter__bpf_map
#include "vmlinux.h"
#include <bpf/bpf_tracing.h>
#include <bpfgen/bpf.h>

#ifdef BPFGEN_TEST_BAD
BPFGEN_ITER(dump_maps, bpf_map, struct bpf_map *map, void *key) // BAD
#else
BPFGEN_ITER(dump_maps, bpf_map, struct bpf_map *map)
#endif
{
	struct seq_file *seq = bpfgen_iter_seq(ctx);

	if (bpfgen_iter_seq_num(ctx) == 0)
		BPF_SEQ_PRINTF(seq, "maps\n");
	if (map)
		BPF_SEQ_PRINTF(seq, "%u %s\n", map->id, map->name);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
