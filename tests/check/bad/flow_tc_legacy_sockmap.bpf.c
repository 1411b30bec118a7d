// bpfgen-test: tc steering to a listener kept in an iproute2-style legacy sockmap (struct bpf_elf_map in SEC("maps")): the lookup takes a socket reference, never released (linux/bpf.h); iproute2 loads it, libbpf 1.x refuses legacy map definitions
// kernel: refuses "legacy map definitions"
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

#define PIN_GLOBAL_NS 2

/* the layout iproute2 reads */
struct bpf_elf_map {
	__u32 type;
	__u32 size_key;
	__u32 size_value;
	__u32 max_elem;
	__u32 flags;
	__u32 id;
	__u32 pinning;
};

struct bpf_elf_map listener SEC("maps") = {
	.type = BPF_MAP_TYPE_SOCKMAP,
	.size_key = sizeof(int),
	.size_value = sizeof(__u64),
	.max_elem = 1,
	.pinning = PIN_GLOBAL_NS,
};

SEC("tc")
int tc_steer_listener(struct __sk_buff *skb)
{
	const int zero = 0;
	struct bpf_sock *sk;
	long err;

	sk = bpf_map_lookup_elem(&listener, &zero);	// expect: error sk-release
	if (!sk)
		return TC_ACT_OK;
	err = bpf_sk_assign(skb, sk, 0);
	return err ? TC_ACT_SHOT : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
