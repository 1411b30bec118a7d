// bpfgen-test: direct packet access in a socket filter, which the kernel refuses (skb->data): bpfgen_ptr_at does not compile there
// expect-error: controlling expression type 'bpfgen_socket_filter_ctx' (aka 'struct bpfgen_socket_filter_ctx') not compatible with any generic association type
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_SOCKET_FILTER(peek)
{
	struct ethhdr *eth = bpfgen_ptr_at(ctx, 0, struct ethhdr);

	return eth ? 0 : 1;
}

char LICENSE[] SEC("license") = "GPL";
