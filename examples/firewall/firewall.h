/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Types shared by firewall.bpf.c and firewall.c. Both sides include this
 * file, and the typed userspace header pins the layouts with _Static_assert.
 */
#ifndef FIREWALL_H
#define FIREWALL_H

#include <linux/types.h>

#define FW_MAX_RULES 1024

/*
 * A rule's key: the IPv4 source address and the destination port, both in
 * network byte order. Port 0 is a rule on the address alone, which matches
 * every packet from it; a port rule matches UDP and TCP packets to that port.
 */
struct fw_key {
	__u32 saddr;
	__u16 dport;
	__u16 pad;
};

/* Per-rule drop counters, indexed by the rule's index on the command line. */
struct fw_counter {
	__u64 packets;
	__u64 bytes;
};

/* One dropped packet, sent to userspace through the 'events' ring buffer. */
struct fw_event {
	__u64 ts_ns;	/* bpf_ktime_get_ns() when it was dropped */
	__u32 saddr;	/* network byte order */
	__u32 rule;	/* index of the rule that dropped it */
	__u32 len;	/* bytes on the wire, from the Ethernet header on */
	__u16 dport;	/* network byte order; 0 when not UDP or TCP */
	__u8 protocol;	/* IPPROTO_* */
	__u8 pad;
};

#endif /* FIREWALL_H */
