/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* The types maps.bpf.c shares with userspace: the --types header of its golden test. */
#ifndef BPFGEN_TESTS_GEN_MAPS_TYPES_H
#define BPFGEN_TESTS_GEN_MAPS_TYPES_H

#include <linux/types.h>

struct flow_key {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u8 proto;
	__u8 pad[3];
};

struct flow_stats {
	__u64 packets;
	__u64 bytes;
	struct {
		__u32 first_seen;
		__u32 last_seen;
	} seen;
};

struct proto_slot {
	__u32 hits;
};

#endif
