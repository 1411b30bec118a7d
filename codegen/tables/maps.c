// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Map types (uapi enum bpf_map_type) and the helpers each accepts: the
 * kernel's check_map_func_compatibility() and map_alloc_check() rules.
 */
#include <stdio.h>
#include <string.h>

#include "tables.h"

static const char *const map_names[] = {
	[BG_MAP_HASH] = "a hash map",
	[BG_MAP_ARRAY] = "an array map",
	[BG_MAP_PROG_ARRAY] = "a prog array",
	[BG_MAP_PERF_EVENT_ARRAY] = "a perf event array",
	[BG_MAP_PERCPU_HASH] = "a per-CPU hash map",
	[BG_MAP_PERCPU_ARRAY] = "a per-CPU array map",
	[BG_MAP_STACK_TRACE] = "a stack trace map",
	[BG_MAP_CGROUP_ARRAY] = "a cgroup array",
	[BG_MAP_LRU_HASH] = "an LRU hash map",
	[BG_MAP_LRU_PERCPU_HASH] = "a per-CPU LRU hash map",
	[BG_MAP_LPM_TRIE] = "an LPM trie",
	[BG_MAP_ARRAY_OF_MAPS] = "an array of maps",
	[BG_MAP_HASH_OF_MAPS] = "a hash of maps",
	[BG_MAP_DEVMAP] = "a devmap",
	[BG_MAP_SOCKMAP] = "a sockmap",
	[BG_MAP_CPUMAP] = "a cpumap",
	[BG_MAP_XSKMAP] = "an xskmap",
	[BG_MAP_SOCKHASH] = "a sockhash",
	[BG_MAP_CGROUP_STORAGE] = "a cgroup storage",
	[BG_MAP_REUSEPORT_SOCKARRAY] = "a reuseport socket array",
	[BG_MAP_PERCPU_CGROUP_STORAGE] = "a per-CPU cgroup storage",
	[BG_MAP_QUEUE] = "a queue",
	[BG_MAP_STACK] = "a stack",
	[BG_MAP_SK_STORAGE] = "a socket storage",
	[BG_MAP_DEVMAP_HASH] = "a devmap hash",
	[BG_MAP_STRUCT_OPS] = "a struct_ops map",
	[BG_MAP_RINGBUF] = "a ring buffer",
	[BG_MAP_INODE_STORAGE] = "an inode storage",
	[BG_MAP_TASK_STORAGE] = "a task storage",
	[BG_MAP_BLOOM_FILTER] = "a bloom filter",
	[BG_MAP_USER_RINGBUF] = "a user ring buffer",
	[BG_MAP_CGRP_STORAGE] = "a cgroup storage (cgrp)",
	[BG_MAP_ARENA] = "an arena",
};

const char *bg_map_type__describe(long long type)
{
	static char buf[32];

	if (type >= 0 && (size_t)type < sizeof(map_names) / sizeof(map_names[0]) && map_names[type])
		return map_names[type];
	snprintf(buf, sizeof(buf), "map type %lld", type);
	return buf;
}

bool bg_map_type__array_key(long long type)
{
	switch (type) {
	case BG_MAP_ARRAY:
	case BG_MAP_PERCPU_ARRAY:
	case BG_MAP_PROG_ARRAY:
	case BG_MAP_PERF_EVENT_ARRAY:
	case BG_MAP_CGROUP_ARRAY:
	case BG_MAP_ARRAY_OF_MAPS:
	case BG_MAP_DEVMAP:
	case BG_MAP_CPUMAP:
	case BG_MAP_XSKMAP:
	case BG_MAP_SOCKMAP:
		return true;
	default:
		return false;
	}
}

bool bg_map_type__needs_max_entries(long long type)
{
	switch (type) {
	case BG_MAP_PERF_EVENT_ARRAY:	/* libbpf sets it to the number of CPUs */
	case BG_MAP_CGROUP_STORAGE:
	case BG_MAP_PERCPU_CGROUP_STORAGE:
	case BG_MAP_SK_STORAGE:
	case BG_MAP_INODE_STORAGE:
	case BG_MAP_TASK_STORAGE:
	case BG_MAP_CGRP_STORAGE:
	case BG_MAP_STRUCT_OPS:
		return false;
	default:
		return true;
	}
}

const char *bg_map_type__only_helpers(long long type)
{
	switch (type) {
	case BG_MAP_RINGBUF:
		return "ring buffers take only bpf_ringbuf_*() helpers: the verifier refuses the rest";
	case BG_MAP_PERF_EVENT_ARRAY:
		return "perf event arrays take only bpf_perf_event_output() and friends";
	case BG_MAP_PROG_ARRAY:
		return "prog arrays take only bpf_tail_call() from BPF programs";
	case BG_MAP_STACK_TRACE:
		return "stack trace maps take only bpf_get_stackid() from BPF programs";
	case BG_MAP_QUEUE:
	case BG_MAP_STACK:
		return "queues and stacks take bpf_map_push_elem(), pop and peek";
	default:
		return NULL;
	}
}

#define T(x) (1ULL << BG_MAP_##x)

static const struct bg_map_kind_rule rules[] = {
	{ "bpf_redirect_map", 0, T(DEVMAP) | T(DEVMAP_HASH) | T(CPUMAP) | T(XSKMAP),
	  "a devmap, cpumap or xskmap" },
	{ "bpf_perf_event_output", 1, T(PERF_EVENT_ARRAY), "a perf event array" },
	{ "bpf_perf_event_read", 0, T(PERF_EVENT_ARRAY), "a perf event array" },
	{ "bpf_perf_event_read_value", 0, T(PERF_EVENT_ARRAY), "a perf event array" },
	{ "bpf_skb_output", 1, T(PERF_EVENT_ARRAY), "a perf event array" },
	{ "bpf_xdp_output", 1, T(PERF_EVENT_ARRAY), "a perf event array" },
	{ "bpf_tail_call", 1, T(PROG_ARRAY), "a prog array" },
	{ "bpf_ringbuf_reserve", 0, T(RINGBUF), "a ring buffer" },
	{ "bpf_ringbuf_output", 0, T(RINGBUF), "a ring buffer" },
	{ "bpf_ringbuf_query", 0, T(RINGBUF), "a ring buffer" },
	{ "bpf_ringbuf_reserve_dynptr", 0, T(RINGBUF), "a ring buffer" },
	{ "bpf_get_stackid", 1, T(STACK_TRACE), "a stack trace map" },
	{ "bpf_sk_redirect_map", 1, T(SOCKMAP), "a sockmap" },
	{ "bpf_msg_redirect_map", 1, T(SOCKMAP), "a sockmap" },
	{ "bpf_sock_map_update", 1, T(SOCKMAP), "a sockmap" },
	{ "bpf_sk_redirect_hash", 1, T(SOCKHASH), "a sockhash" },
	{ "bpf_msg_redirect_hash", 1, T(SOCKHASH), "a sockhash" },
	{ "bpf_sock_hash_update", 1, T(SOCKHASH), "a sockhash" },
	{ "bpf_sk_select_reuseport", 1, T(REUSEPORT_SOCKARRAY) | T(SOCKMAP) | T(SOCKHASH),
	  "a reuseport socket array, sockmap or sockhash" },
	{ "bpf_map_push_elem", 0, T(QUEUE) | T(STACK) | T(BLOOM_FILTER), "a queue, stack or bloom filter" },
	{ "bpf_map_pop_elem", 0, T(QUEUE) | T(STACK), "a queue or stack" },
	{ "bpf_map_peek_elem", 0, T(QUEUE) | T(STACK) | T(BLOOM_FILTER), "a queue, stack or bloom filter" },
	{ "bpf_map_lookup_percpu_elem", 0, T(PERCPU_HASH) | T(PERCPU_ARRAY) | T(LRU_PERCPU_HASH),
	  "a per-CPU hash or array" },
	{ "bpf_sk_storage_get", 0, T(SK_STORAGE), "a socket storage map" },
	{ "bpf_sk_storage_delete", 0, T(SK_STORAGE), "a socket storage map" },
	{ "bpf_task_storage_get", 0, T(TASK_STORAGE), "a task storage map" },
	{ "bpf_task_storage_delete", 0, T(TASK_STORAGE), "a task storage map" },
	{ "bpf_inode_storage_get", 0, T(INODE_STORAGE), "an inode storage map" },
	{ "bpf_cgrp_storage_get", 0, T(CGRP_STORAGE), "a cgroup storage map" },
	{ "bpf_get_local_storage", 0, T(CGROUP_STORAGE) | T(PERCPU_CGROUP_STORAGE),
	  "a cgroup storage map" },
	{ "bpf_skb_under_cgroup", 1, T(CGROUP_ARRAY), "a cgroup array" },
	{ "bpf_current_task_under_cgroup", 0, T(CGROUP_ARRAY), "a cgroup array" },
};

const struct bg_map_kind_rule *bg_map_kind__rule(const char *helper)
{
	size_t i;

	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (!strcmp(rules[i].helper, helper))
			return &rules[i];
	return NULL;
}

bool bg_map_kind__allows(const struct bg_map_kind_rule *r, long long type)
{
	return type < 0 || type >= 64 || (r->types & (1ULL << type));
}
