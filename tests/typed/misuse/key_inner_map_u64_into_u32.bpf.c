// bpfgen-test: an array of per-tenant hash maps keyed by __u32 port, looked up through the typed handle with a __u64 key (vmlinux.h)
// class: key-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(port_hits, __u32, __u64, 1024);
BPFGEN_ARRAY_OF_MAPS(tenant_ports, port_hits, 16);

BPFGEN_TC(count_ports)
{
	__u32 tenant = bpfgen_tc_mark(ctx) & 15;
	__u32 port = bpfgen_tc_hash(ctx) & 0xffff;
	__u64 wide = port, *hits;
	tenant_ports_inner *ports = tenant_ports_lookup(&tenant);

	(void)wide;
	if (!ports)
		return BPFGEN_TC_OK;
#ifdef BPFGEN_TEST_BAD
	hits = tenant_ports_inner_lookup(ports, &wide); // BAD
#else
	hits = tenant_ports_inner_lookup(ports, &port);
#endif
	if (hits)
		__sync_fetch_and_add(hits, 1);
	return BPFGEN_TC_OK;
}

char LICENSE[] SEC("license") = "GPL";
