// SPDX-License-Identifier: GPL-2.0
/*
 * conntrack: a TCP connection tracker for the sockets of one cgroup.
 *
 * A sockops program sees each connection reach ESTABLISHED (as the side that
 * connected or the side that accepted), asks the kernel for its RTT and
 * state-change callbacks, and keeps the connection's record in the socket's
 * sk storage: it lives and dies with the socket. Each callback refreshes the
 * record's counters and copies it into `live`, where userspace reads the open
 * connections. When the socket reaches CLOSE the summary goes into `flows`,
 * an LRU hash that userspace pins in bpffs so that it outlives the tool, and
 * an event goes to userspace through the `events` ring buffer.
 */
#include "vmlinux.h"
#include <bpfgen/bpf.h>
#include <bpfgen/log.h>

#include "conntrack.h"

char LICENSE[] SEC("license") = "GPL";

#define AF_INET 2
#define AF_INET6 10
#define ENOENT 2

BPFGEN_SK_STORAGE(socks, struct ct_flow);
BPFGEN_LRU_HASH(live, __u64, struct ct_flow, 4096);
BPFGEN_LRU_HASH(flows, __u64, struct ct_flow, 16384);
BPFGEN_RINGBUF(events, struct ct_event, 256 * 1024);

/* The counters the kernel keeps for a full TCP socket, read at each callback. */
static __always_inline void refresh(bpfgen_sock_ops_ctx ctx, struct ct_flow *f)
{
	f->bytes_acked = bpfgen_sock_ops_bytes_acked(ctx);
	f->bytes_received = bpfgen_sock_ops_bytes_received(ctx);
	f->segs_in = bpfgen_sock_ops_segs_in(ctx);
	f->segs_out = bpfgen_sock_ops_segs_out(ctx);
	f->data_segs_in = bpfgen_sock_ops_data_segs_in(ctx);
	f->data_segs_out = bpfgen_sock_ops_data_segs_out(ctx);
	/* the kernel keeps srtt in eighths of a microsecond */
	f->srtt_us = bpfgen_sock_ops_srtt_us(ctx) >> 3;
	f->total_retrans = bpfgen_sock_ops_total_retrans(ctx);
}

static __always_inline void push_state(struct ct_flow *f, __u32 state)
{
	__u8 n = f->nr_states;

	/* the accepting side's callback comes before its own move to ESTABLISHED */
	if (n && f->states[(n - 1) & (CT_MAX_STATES - 1)] == state)
		return;
	if (n < CT_MAX_STATES) {
		f->states[n & (CT_MAX_STATES - 1)] = state;
		f->nr_states = n + 1;
	}
}

static __always_inline void send_event(__u32 kind, const struct ct_flow *f)
{
	struct ct_event *e = events_reserve();

	if (!e)
		return;
	e->kind = kind;
	e->pad = 0;
	e->flow = *f;
	events_submit(e);
}

static __always_inline void on_established(bpfgen_sock_ops_ctx ctx, struct bpf_sock *sk, __u8 role)
{
	struct ct_flow *f;
	long err;

	f = socks_get(sk, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!f) {
		bpfgen_warn(ctx, "no sk storage for a new connection");
		return;
	}
	f->cookie = bpfgen_socket_cookie(ctx);
	f->start_ns = bpf_ktime_get_ns();
	f->role = role;
	f->family = bpfgen_sock_ops_family(ctx);
	if (f->family == AF_INET6) {
		bpfgen_sock_ops_local_ip6(ctx, &f->local);
		bpfgen_sock_ops_remote_ip6(ctx, &f->remote);
	} else {
		f->local[0] = bpfgen_sock_ops_local_ip4(ctx);
		f->remote[0] = bpfgen_sock_ops_remote_ip4(ctx);
	}
	f->local_port = bpfgen_sock_ops_local_port(ctx);
	f->remote_port = bpfgen_sock_ops_remote_port_host(ctx);
	push_state(f, CT_TCP_ESTABLISHED);
	refresh(ctx, f);

	/*
	 * State changes for the history, RTT samples for what was acked, and
	 * the header-option callback of every segment sent, ACKs included,
	 * for what was received (an ACK leaves after the data it acks is
	 * counted; a received segment's own callback comes before): together
	 * they keep the live copy current in both directions. No option is
	 * ever reserved, so no header grows.
	 */
	err = bpfgen_sock_ops_cb_flags_set(ctx, BPF_SOCK_OPS_STATE_CB_FLAG | BPF_SOCK_OPS_RTT_CB_FLAG |
						BPF_SOCK_OPS_WRITE_HDR_OPT_CB_FLAG);
	if (err)
		bpfgen_warn(ctx, "cannot enable the state callbacks of a connection: %ld", err);
	err = live_update(&f->cookie, f, BPF_ANY);
	if (err)
		bpfgen_warn(ctx, "map 'live': update failed: %ld", err);
	send_event(CT_OPEN, f);
}

static __always_inline void on_state(bpfgen_sock_ops_ctx ctx, struct ct_flow *f, __u32 state)
{
	long err;

	push_state(f, state);
	refresh(ctx, f);
	bpfgen_debug(ctx, "connection %llu: state %u -> %u", f->cookie,
		     bpfgen_sock_ops_raw(ctx)->args[0], state);
	if (state != CT_TCP_CLOSE) {
		err = live_update(&f->cookie, f, BPF_ANY);
		if (err)
			bpfgen_warn(ctx, "map 'live': update failed: %ld", err);
		return;
	}
	f->end_ns = bpf_ktime_get_ns();
	err = flows_update(&f->cookie, f, BPF_ANY);
	if (err)
		bpfgen_warn(ctx, "map 'flows': update failed: %ld", err);
	/* -ENOENT: the entry was evicted by the LRU, nothing to remove */
	err = live_delete(&f->cookie);
	if (err && err != -ENOENT)
		bpfgen_warn(ctx, "map 'live': delete failed: %ld", err);
	send_event(CT_CLOSE, f);
}

BPFGEN_SOCK_OPS(track)
{
	__u32 op = bpfgen_sock_ops_op(ctx);
	struct bpf_sock *sk = bpfgen_sock_ops_sk(ctx);
	struct ct_flow *f;
	long err;

	if (!sk)
		return BPFGEN_VERDICT_PASS;
	switch (op) {
	case BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB:
		on_established(ctx, sk, CT_ACTIVE);
		break;
	case BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB:
		on_established(ctx, sk, CT_PASSIVE);
		break;
	case BPF_SOCK_OPS_RTT_CB:
	case BPF_SOCK_OPS_HDR_OPT_LEN_CB:
		/* no record: the connection opened before this program was attached */
		f = socks_get(sk, NULL, 0);
		if (!f)
			break;
		if (op == BPF_SOCK_OPS_RTT_CB)
			f->rtt_samples++;
		refresh(ctx, f);
		err = live_update(&f->cookie, f, BPF_ANY);
		if (err)
			bpfgen_warn(ctx, "map 'live': update failed: %ld", err);
		break;
	case BPF_SOCK_OPS_STATE_CB:
		f = socks_get(sk, NULL, 0);
		if (f)
			on_state(ctx, f, bpfgen_sock_ops_raw(ctx)->args[1]);
		break;
	}
	return BPFGEN_VERDICT_PASS;
}
