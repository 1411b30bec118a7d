// bpfgen-test: sk_lookup checks a port allow-list keyed by __u32 with the address of a __u16 port (vmlinux.h)
// class: key-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(open_ports, __u32, __u8, 128);

BPFGEN_SK_LOOKUP(lookup_allow_ports)
{
	__u16 port16 = bpfgen_sk_lookup_local_port(ctx);
	__u32 port = port16;

	(void)port;
#ifdef BPFGEN_TEST_BAD
	if (!open_ports_lookup(&port16)) // BAD
#else
	if (!open_ports_lookup(&port))
#endif
		return BPFGEN_VERDICT_DROP;
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
