// bpfgen-test: bpfgen_load_bytes given an array, which would decay and copy a single byte
// expect-error: bpfgen_load_bytes: pass a pointer (&buf for an array)
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_SOCKET_FILTER(read_macs)
{
	__u8 macs[12];

	if (bpfgen_load_bytes(ctx, 0, macs))
		return 0;
	return macs[0] & 1 ? bpfgen_socket_filter_len(ctx) : 0;
}

char LICENSE[] SEC("license") = "GPL";
