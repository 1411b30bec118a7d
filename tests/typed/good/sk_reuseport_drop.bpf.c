// bpfgen-test: sk_reuseport: UDP datagrams whose payload starts with 'd' are dropped, the rest pass (linux/bpf.h style)
// kernel: run
// kernel-run: reuseport . reuseport_filter
#include <linux/bpf.h>
#include <linux/udp.h>
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(runs, __u64, 1);

BPFGEN_SK_REUSEPORT(reuseport_filter)
{
	__u32 zero = 0;
	__u64 *n = runs_lookup(&zero);
	__u8 first;

	if (n)
		__sync_fetch_and_add(n, 1);
	if (bpfgen_sk_reuseport_ip_protocol(ctx) != 17 /* IPPROTO_UDP */)
		return BPFGEN_VERDICT_PASS;
	if (bpfgen_load_bytes(ctx, sizeof(struct udphdr), &first))
		return BPFGEN_VERDICT_PASS;
	return first == 'd' ? BPFGEN_VERDICT_DROP : BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
