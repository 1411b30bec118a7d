/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* The types conntrack's BPF side and its userspace tool share. */
#ifndef CONNTRACK_H
#define CONNTRACK_H

/* The states of <net/tcp_states.h>, which neither side's headers export. */
enum ct_tcp_state {
	CT_TCP_ESTABLISHED = 1,
	CT_TCP_SYN_SENT = 2,
	CT_TCP_SYN_RECV = 3,
	CT_TCP_FIN_WAIT1 = 4,
	CT_TCP_FIN_WAIT2 = 5,
	CT_TCP_TIME_WAIT = 6,
	CT_TCP_CLOSE = 7,
	CT_TCP_CLOSE_WAIT = 8,
	CT_TCP_LAST_ACK = 9,
	CT_TCP_LISTEN = 10,
	CT_TCP_CLOSING = 11,
};

enum ct_role {
	CT_ACTIVE = 1,		/* this side called connect() */
	CT_PASSIVE = 2,		/* this side accepted */
};

/* The states a flow went through from ESTABLISHED on, in order. */
#define CT_MAX_STATES 8

/*
 * One TCP connection, seen from one socket: the sockops program keeps it in
 * the socket's sk storage while the connection lives, in the `live` map for
 * userspace to read, and in the pinned `flows` map once it is closed.
 * Addresses are in network byte order (IPv4 in the first word), ports in
 * host order.
 */
struct ct_flow {
	__u64 cookie;		/* the socket's cookie: the key of live and flows */
	__u64 start_ns;		/* bpf_ktime_get_ns() at ESTABLISHED */
	__u64 end_ns;		/* at CLOSE; 0 while the connection lives */
	__u64 bytes_acked;	/* bytes sent and acknowledged */
	__u64 bytes_received;
	__u32 local[4];
	__u32 remote[4];
	__u32 family;		/* AF_INET or AF_INET6 */
	__u16 local_port;
	__u16 remote_port;
	__u32 segs_in;
	__u32 segs_out;
	__u32 data_segs_in;
	__u32 data_segs_out;
	__u32 srtt_us;		/* smoothed RTT in microseconds */
	__u32 total_retrans;
	__u32 rtt_samples;	/* RTT callbacks seen */
	__u8 role;		/* enum ct_role */
	__u8 nr_states;		/* how many of states[] hold a state */
	__u8 states[CT_MAX_STATES];	/* enum ct_tcp_state */
	__u8 pad[2];
};

enum ct_event_kind {
	CT_OPEN = 1,		/* the connection reached ESTABLISHED */
	CT_CLOSE = 2,		/* the connection closed: FLOW is its summary */
};

struct ct_event {
	__u32 kind;		/* enum ct_event_kind */
	__u32 pad;
	struct ct_flow flow;
};

#endif
