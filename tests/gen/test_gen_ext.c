// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The header bpfgen gen writes for ext.bpf.c: an extension program that
 * replaces the XDP policy of progs.bpf.c's target, an fentry and an fmod_ret
 * program. The code compiles (with -Werror) whatever the kernel; as root
 * the load is tried: where the kernel refuses these types before verifying
 * them (EPERM, as Linux 6.18 here does), the test is skipped with that
 * reason; where they load, the replacement must change the target's verdict
 * until detach, and the tracing programs must attach and detach.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <criterion/criterion.h>

#include "gen_progs.bpfgen.h"
#include "gen_ext.bpfgen.h"

static struct gen_progs *target;
static struct gen_ext *ext;

static void fini(void)
{
	gen_ext__destroy(ext);
	gen_progs__destroy(target);
}

TestSuite(gen_ext, .fini = fini);

static enum bpfgen_xdp_action run_target(void)
{
	unsigned char pkt[64] = { 0 }, out[64];
	__u32 out_len = sizeof(out), duration;
	enum bpfgen_xdp_action action = BPFGEN_XDP_ABORTED;

	cr_assert_eq(gen_progs_xdp_target_test_run(target, pkt, sizeof(pkt), out, &out_len, &action,
						   &duration), 0);
	return action;
}

Test(gen_ext, freplace_changes_the_target_until_detach)
{
	int tfd, err;

	if (geteuid() != 0)
		cr_skip_test("loading BPF programs needs root");
	target = gen_progs__open();
	cr_assert_not_null(target);
	cr_assert_eq(gen_progs_nf_count_prepare(target), 0);
	cr_assert_eq(gen_progs__load(target), 0);
	tfd = bpf_program__fd(target->progs.xdp_target);
	cr_assert_eq(run_target(), BPFGEN_XDP_PASS);

	ext = gen_ext__open();
	cr_assert_not_null(ext);
	cr_assert_eq(gen_ext_drop_all_set_target(ext, tfd), 0);
	err = gen_ext__load(ext);
	if (err == -EPERM || err == -ENOTSUP || err == -524 /* ENOTSUPP */) {
		cr_log_warn("this kernel refuses extension, fentry and fmod_ret programs at load: %s (%d)",
			    strerror(-err), err);
		cr_skip_test("this kernel refuses extension, fentry and fmod_ret programs at load: %s (%d)",
			     strerror(-err), err);
	}
	cr_assert_eq(err, 0, "load: %s", strerror(-err));

	cr_assert_not_null(gen_ext_drop_all_attach(ext, tfd), "attach: %s", strerror(errno));
	cr_assert_eq(run_target(), BPFGEN_XDP_DROP, "the replacement did not run");
	cr_assert_eq(gen_ext_drop_all_detach(ext), 0);
	cr_assert_eq(run_target(), BPFGEN_XDP_PASS, "the replacement still runs after detach");

	cr_assert_not_null(gen_ext_on_unlink_attach(ext), "fentry attach: %s", strerror(errno));
	cr_assert_not_null(gen_ext_on_open_attach(ext), "fmod_ret attach: %s", strerror(errno));
	cr_assert_eq(gen_ext_on_unlink_detach(ext), 0);
	cr_assert_eq(gen_ext_on_open_detach(ext), 0);
}
