#!/usr/bin/env bash
# misuse.sh KINDS_DIR MAPS_DIR CC [DIR...]
#
# The error discipline on the userspace side: a wrong key, value, count or
# handle type given to a generated function does not compile with plain
# flags (no -Wall, no -Werror), and its well-typed twin does. Each case is
# one line of C; the expected message fragment follows the '|'. DIRs hold
# the other generated headers (tracing, progs, ext).
set -u
if [ $# -lt 3 ]; then
	echo "usage: $0 KINDS_DIR MAPS_DIR CC [DIR...]" >&2
	exit 2
fi
kinds_dir=$1 maps_dir=$2 cc=$3
shift 3
extra=()
for d in "$@"; do
	extra+=(-I"$d")
done
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gen_misuse.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# NAME|HEADER|BAD STATEMENT|GOOD STATEMENT
cases=(
"hash_key|gen_maps|__u32 k = 0; struct flow_stats v; return gen_maps_flows_lookup(s, &k, &v);|struct flow_key k = {0}; struct flow_stats v; return gen_maps_flows_lookup(s, &k, &v);"
"hash_value|gen_maps|struct flow_key k = {0}; __u64 v; return gen_maps_flows_lookup(s, &k, &v);|struct flow_key k = {0}; struct flow_stats v; return gen_maps_flows_lookup(s, &k, &v);"
"percpu_value|gen_maps|__u16 k = 0; __u32 v[4]; return gen_maps_ethertypes_lookup(s, &k, v, 4);|__u16 k = 0; __u64 v[4]; return gen_maps_ethertypes_lookup(s, &k, v, 4);"
"percpu_count_ptr|gen_maps|__u16 k = 0; __u64 v[4]; size_t n = 4; return gen_maps_ethertypes_lookup(s, &k, v, &n);|__u16 k = 0; __u64 v[4]; size_t n = 4; return gen_maps_ethertypes_lookup(s, &k, v, n);"
"queue_value|gen_kinds|__u64 v = 1; return gen_kinds_lens_push(s, &v, 0);|__u32 v = 1; return gen_kinds_lens_push(s, &v, 0);"
"stack_out|gen_kinds|__u32 v; return gen_kinds_stk_pop(s, &v);|__u64 v; return gen_kinds_stk_pop(s, &v);"
"bloom_value|gen_kinds|__u16 v = 1; return gen_kinds_seen_add(s, &v);|__u32 v = 1; return gen_kinds_seen_add(s, &v);"
"devmap_index_ptr|gen_kinds|__u32 i = 0; return gen_kinds_devs_set(s, &i, 1);|__u32 i = 0; return gen_kinds_devs_set(s, i, 1);"
"sockhash_key|gen_kinds|__u32 k = 0; return gen_kinds_sockh_set(s, &k, 3);|struct sock_key k = {0}; return gen_kinds_sockh_set(s, &k, 3);"
"sockmap_fd_ptr|gen_kinds|int fd = 3; return gen_kinds_socks_set(s, 0, &fd);|int fd = 3; return gen_kinds_socks_set(s, 0, fd);"
"prog_array_map|gen_kinds|return gen_kinds_jmp_set(s, 0, s->maps.jmp);|return gen_kinds_jmp_set(s, 0, s->progs.xdp_drop);"
"tc_action|gen_kinds|enum bpfgen_xdp_action a; return gen_kinds_tc_bloom_test_run(s, 0, 0, 0, 0, &a, 0);|enum bpfgen_tc_action a; return gen_kinds_tc_bloom_test_run(s, 0, 0, 0, 0, &a, 0);"
"cgroup_skb_action|gen_kinds|enum bpfgen_tc_action a; return gen_kinds_cg_small_test_run(s, 0, 0, 0, 0, &a, 0);|enum bpfgen_sk_action a; return gen_kinds_cg_small_test_run(s, 0, 0, 0, 0, &a, 0);"
"syscall_args|gen_kinds|struct sock_key a = {0}; return gen_kinds_sum_test_run(s, &a, 0);|struct sum_args a = {0}; return gen_kinds_sum_test_run(s, &a, 0);"
"flow_keys|gen_kinds|struct sock_key k; return gen_kinds_dissect_test_run(s, 0, 0, &k, 0, 0);|struct bpf_flow_keys k; return gen_kinds_dissect_test_run(s, 0, 0, &k, 0, 0);"
"inner_of_other_outer|gen_tracing|struct gen_tracing_by_cookie_inner in = {0}; return gen_tracing_by_slot_set(s, 0, &in);|struct gen_tracing_by_slot_inner in = {0}; return gen_tracing_by_slot_set(s, 0, &in);"
"inner_lookup_other_outer|gen_tracing|struct gen_tracing_by_cookie_inner in = {0}; __u32 k = 0; __u64 v; return gen_tracing_by_slot_inner_lookup(&in, &k, &v);|struct gen_tracing_by_slot_inner in = {0}; __u32 k = 0; __u64 v; return gen_tracing_by_slot_inner_lookup(&in, &k, &v);"
"user_ring_send_event|gen_tracing|struct gen_tracing_cmds_user_ring *r = gen_tracing_cmds_user_ring_new(s); struct hit e = {0}; return gen_tracing_cmds_send(r, &e);|struct gen_tracing_cmds_user_ring *r = gen_tracing_cmds_user_ring_new(s); struct cmd e = {0}; return gen_tracing_cmds_send(r, &e);"
"user_ring_reserve_event|gen_tracing|struct gen_tracing_cmds_user_ring *r = gen_tracing_cmds_user_ring_new(s); struct hit *e = gen_tracing_cmds_reserve(r); return e != 0;|struct gen_tracing_cmds_user_ring *r = gen_tracing_cmds_user_ring_new(s); struct cmd *e = gen_tracing_cmds_reserve(r); return e != 0;"
"sk_storage_fd_ptr|gen_progs|int fd = 3; struct sock_tag t; return gen_progs_sock_tags_lookup(s, &fd, &t);|int fd = 3; struct sock_tag t; return gen_progs_sock_tags_lookup(s, fd, &t);"
"sk_storage_value|gen_progs|__u64 v = 0; return gen_progs_sock_tags_update(s, 3, &v, 0);|struct sock_tag v = {0}; return gen_progs_sock_tags_update(s, 3, &v, 0);"
"struct_ops_detach_skel|gen_progs|return gen_progs_gen_cc_detach(s);|return gen_progs_gen_cc_detach(gen_progs_gen_cc_attach(s));"
"iter_read_size_ptr|gen_progs|char b[64]; size_t n = sizeof(b); return gen_progs_dump_tasks_read(s, b, &n) > 0;|char b[64]; size_t n = sizeof(b); return gen_progs_dump_tasks_read(s, b, n) > 0;"
"freplace_target_prog|gen_ext|return gen_ext_drop_all_set_target(s, s->progs.drop_all);|return gen_ext_drop_all_set_target(s, 3);"
"uprobe_offset|gen_kinds|return gen_kinds_count_calls_attach_offset(s, -1, \"a.out\", \"main\") != 0;|return gen_kinds_count_calls_attach_offset(s, -1, \"a.out\", 0x40) != 0;"
)

compile() { # HEADER BODY OUT
	printf '#include "%s.bpfgen.h"\nint f(struct %s *s);\nint f(struct %s *s)\n{\n\t%s\n}\n' \
		"$1" "$1" "$1" "$2" >"$tmp/t.c"
	"$cc" -std=gnu11 -c -o "$tmp/t.o" -I"$kinds_dir" -I"$maps_dir" "${extra[@]}" -I"$here" \
		-I"$here/../../headers" "$tmp/t.c" 2>"$3"
}

fail=0 n=0
for c in "${cases[@]}"; do
	IFS='|' read -r name hdr bad good <<<"$c"
	n=$((n + 1))
	if compile "$hdr" "$bad" "$tmp/bad.err"; then
		echo "FAIL $name: the misuse compiled: $bad" >&2
		fail=1
	elif ! grep -q "error:" "$tmp/bad.err"; then
		echo "FAIL $name: refused without an error" >&2
		fail=1
	fi
	if ! compile "$hdr" "$good" "$tmp/good.err"; then
		echo "FAIL $name: the well-typed twin did not compile:" >&2
		cat "$tmp/good.err" >&2
		fail=1
	fi
done
[ $fail = 0 ] && echo "ok: $n misuses refused with plain flags by $(basename "$cc"), their twins compile"
exit $fail
