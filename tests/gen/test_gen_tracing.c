// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The header bpfgen gen writes for tracing.bpf.c, on the real kernel (root;
 * the tests skip otherwise): stack ids the BPF side took read back as kernel
 * text addresses, inner maps created and put into an array and a hash of
 * maps and counted through by the BPF side, and typed events a user ring
 * buffer producer sends that the BPF side drains.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <criterion/criterion.h>

#include "gen_tracing.bpfgen.h"

static struct gen_tracing *skel;

/* open, aim at this process, load and attach the raw tracepoint */
static void load(void)
{
	if (geteuid() != 0)
		cr_skip_test("loading BPF programs needs root");
	skel = gen_tracing__open();
	cr_assert_not_null(skel, "open: %s", strerror(errno));
	skel->rodata->target_tgid = getpid();
	skel->rodata->target_nr = SYS_getppid;
	cr_assert_eq(gen_tracing__load(skel), 0, "load failed");
	cr_assert_not_null(gen_tracing_on_enter_attach(skel), "attach: %s", strerror(errno));
}

static void fini(void)
{
	gen_tracing__destroy(skel);
	skel = NULL;
}

TestSuite(gen_tracing, .fini = fini);

/* a syscall of this process: the raw tracepoint runs once for it */
static void trigger(void)
{
	syscall(SYS_getppid);
}

/* _stext and _etext from /proc/kallsyms (root sees the addresses) */
static void kernel_text(__u64 *start, __u64 *end)
{
	char line[256], name[128];
	unsigned long long addr;
	char type;
	FILE *f = fopen("/proc/kallsyms", "r");

	*start = *end = 0;
	cr_assert_not_null(f);
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%llx %c %127s", &addr, &type, name) != 3)
			continue;
		if (!strcmp(name, "_stext"))
			*start = addr;
		else if (!strcmp(name, "_etext"))
			*end = addr;
	}
	fclose(f);
	cr_assert(*start && *end > *start, "no _stext/_etext in /proc/kallsyms");
}

Test(gen_tracing, stack_ids_read_back_as_kernel_frames)
{
	struct gen_tracing_stacks_stack st;
	__u32 zero = 0, id;
	__u64 start, end;
	__s64 kid = -1;
	size_t i, in_text;

	load();
	trigger();
	cr_assert_eq(gen_tracing_last_stack_lookup(skel, &zero, &kid), 0);
	cr_assert_geq(kid, 0, "get_stackid: %lld", (long long)kid);
	cr_assert_eq(gen_tracing_stacks_read(skel, (__u32)kid, &st), 0);
	cr_assert_gt(st.n, 1, "a syscall's kernel stack has more than one frame");
	/* every frame is a kernel address; the program's own (JIT) frames are outside the text */
	kernel_text(&start, &end);
	for (i = 0, in_text = 0; i < st.n; i++) {
		cr_assert_geq(st.ips[i], 0xffff800000000000ULL, "frame %zu: %#llx is not a kernel address",
			      i, (unsigned long long)st.ips[i]);
		in_text += st.ips[i] >= start && st.ips[i] < end;
	}
	cr_assert_gt(in_text, 0, "no frame in the kernel's text");
	/* the ids are the map's keys; a deleted one is -ENOENT */
	cr_assert_eq(gen_tracing_stacks_next_id(skel, NULL, &id), 0);
	cr_assert_lt(id, 64);
	cr_assert_eq(gen_tracing_stacks_delete(skel, (__u32)kid), 0);
	cr_assert_eq(gen_tracing_stacks_read(skel, (__u32)kid, &st), -ENOENT);
}

Test(gen_tracing, array_of_maps_counts_through_the_inner_map)
{
	struct gen_tracing_by_slot_inner in = { -1 }, got = { -1 };
	__u32 key = 1;
	__u64 zero = 0, n = 0;

	load();
	cr_assert_eq(gen_tracing_by_slot_get(skel, 0, &got), -ENOENT, "an empty slot");
	cr_assert_eq(gen_tracing_by_slot_inner_create(skel, &in), 0);
	cr_assert_eq(gen_tracing_by_slot_inner_update(&in, &key, &zero, BPF_ANY), 0);
	cr_assert_eq(gen_tracing_by_slot_set(skel, 0, &in), 0);
	trigger();
	trigger();
	cr_assert_eq(gen_tracing_by_slot_inner_lookup(&in, &key, &n), 0);
	cr_assert_eq(n, 2, "the BPF side counted %llu", (unsigned long long)n);

	/* the map the outer one holds is the one created: same count through get */
	cr_assert_eq(gen_tracing_by_slot_get(skel, 0, &got), 0);
	cr_assert_eq(gen_tracing_by_slot_inner_lookup(&got, &key, &zero), 0);
	cr_assert_eq(zero, n);
	cr_assert_eq(gen_tracing_by_slot_delete(skel, 0), 0);
	cr_assert_eq(gen_tracing_by_slot_get(skel, 0, &got), -ENOENT);
	gen_tracing_by_slot_inner_close(&got);
	gen_tracing_by_slot_inner_close(&in);
	cr_assert_eq(in.fd, -1);
	cr_assert_eq(gen_tracing_by_slot_set(skel, 0, &in), -EBADF, "a closed handle");
}

Test(gen_tracing, hash_of_maps_by_struct_value)
{
	struct gen_tracing_by_cookie_inner in = { -1 };
	struct hit h = { 0 };
	__u64 cookie = 42, k;
	__u32 one = 1;

	load();
	cr_assert_eq(gen_tracing_by_cookie_inner_create(skel, &in), 0);
	cr_assert_eq(gen_tracing_by_cookie_set(skel, &cookie, &in), 0);
	trigger();
	cr_assert_eq(gen_tracing_by_cookie_inner_lookup(&in, &one, &h), 0);
	cr_assert_eq(h.count, 1);
	cr_assert_neq(h.last_ns, 0);
	cr_assert_eq(gen_tracing_by_cookie_next_key(skel, NULL, &k), 0);
	cr_assert_eq(k, 42);
	gen_tracing_by_cookie_inner_close(&in);
}

Test(gen_tracing, user_ring_events_are_drained_typed)
{
	struct gen_tracing_cmds_user_ring *r;
	struct drained d = { 0 };
	struct cmd c, *slot;
	__u32 zero = 0;

	load();
	r = gen_tracing_cmds_user_ring_new(skel);
	cr_assert_not_null(r, "user ring: %s", strerror(errno));
	c = (struct cmd){ .op = 1, .arg = 10, .cookie = 1 };
	cr_assert_eq(gen_tracing_cmds_send(r, &c), 0);
	c = (struct cmd){ .op = 1, .arg = 20, .cookie = 2 };
	cr_assert_eq(gen_tracing_cmds_send(r, &c), 0);
	slot = gen_tracing_cmds_reserve(r);
	cr_assert_not_null(slot);
	*slot = (struct cmd){ .op = 1, .arg = 12, .cookie = 3 };
	gen_tracing_cmds_submit(r, slot);
	/* discarded: never drained */
	slot = gen_tracing_cmds_reserve(r);
	cr_assert_not_null(slot);
	*slot = (struct cmd){ .op = 1, .arg = 1000, .cookie = 4 };
	gen_tracing_cmds_discard(r, slot);
	trigger();
	cr_assert_eq(gen_tracing_totals_lookup(skel, &zero, &d), 0);
	cr_assert_eq(d.samples, 3);
	cr_assert_eq(d.sum, 42);
	cr_assert_eq(d.last_cookie, 3);

	/* op 0 stops the drain: the event after it waits for the next one */
	c = (struct cmd){ .op = 0, .arg = 1, .cookie = 5 };
	cr_assert_eq(gen_tracing_cmds_send(r, &c), 0);
	c = (struct cmd){ .op = 1, .arg = 2, .cookie = 6 };
	cr_assert_eq(gen_tracing_cmds_send(r, &c), 0);
	trigger();
	cr_assert_eq(gen_tracing_totals_lookup(skel, &zero, &d), 0);
	cr_assert_eq(d.samples, 4);
	cr_assert_eq(d.last_cookie, 5);
	trigger();
	cr_assert_eq(gen_tracing_totals_lookup(skel, &zero, &d), 0);
	cr_assert_eq(d.samples, 5);
	cr_assert_eq(d.sum, 45);
	gen_tracing_cmds_user_ring_free(r);
}
