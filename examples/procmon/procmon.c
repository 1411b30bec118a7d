// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * procmon: prints every process the kernel clones, forks and execs, with
 * the BPF side's log lines, until Ctrl-C; then detaches and prints counters.
 *
 *	procmon [--mode auto|fentry|tp_btf] [--level error|warn|info|debug|trace]
 *
 * auto tries fentry/kernel_clone first and falls back to the tp_btf
 * programs when the kernel refuses it.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpfgen/runtime.h>

#include "procmon.bpfgen.h"

static const char *const kinds[] = { [PROCMON_CLONE] = "CLONE", [PROCMON_FORK] = "FORK", [PROCMON_EXEC] = "EXEC" };

static int on_event(void *ctx, const struct procmon_event *e)
{
	const char *kind = e->kind < sizeof(kinds) / sizeof(kinds[0]) && kinds[e->kind] ? kinds[e->kind] : "?";

	printf("%-5s pid %-7u ppid %-7u comm %-16.16s%s%.*s\n", kind, e->pid, e->ppid, e->comm,
	       e->filename[0] ? " file " : "", (int)sizeof(e->filename), e->filename);
	fflush(stdout);
	return 0;
}

/*
 * Open and load with only the fentry program or only the tp_btf ones; NULL
 * with the error printed, unless QUIET (a refusal auto mode falls back from).
 */
static struct procmon *load(bool fentry, bool quiet, enum bpfgen_log_level level, int *errp)
{
	struct procmon *skel = procmon__open();
	int err;

	if (!skel) {
		*errp = -errno;
		fprintf(stderr, "procmon: cannot open the BPF object: %s\n", strerror(errno));
		return NULL;
	}
	bpf_program__set_autoload(skel->progs.on_clone, fentry);
	bpf_program__set_autoload(skel->progs.on_fork, !fentry);
	bpf_program__set_autoload(skel->progs.on_exec, !fentry);
	procmon__log_level_set(skel, level);
	/* a refusal prints the verifier's reason at its source line */
	err = bpfgen_skel__load(skel->skeleton, NULL, quiet ? BPFGEN_QUIET : NULL);
	if (err) {
		*errp = err;
		procmon__destroy(skel);
		return NULL;
	}
	return skel;
}

static int parse_level(const char *s)
{
	static const char *const names[] = { "off", "error", "warn", "info", "debug", "trace" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(s, names[i]))
			return (int)i;
	return -1;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "mode", required_argument, NULL, 'm' },
		{ "level", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *mode = "auto";
	int level = BPFGEN_LOG_INFO, c, err = 0;
	struct bpfgen_loop *loop = NULL;
	struct bpfgen_log *log = NULL;
	struct ring_buffer *rb = NULL;
	struct procmon *skel = NULL;

	while ((c = getopt_long(argc, argv, "m:l:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			mode = optarg;
			break;
		case 'l':
			level = parse_level(optarg);
			if (level < 0) {
				fprintf(stderr, "procmon: unknown level '%s'\n", optarg);
				return 2;
			}
			break;
		case 'h':
			printf("usage: procmon [--mode auto|fentry|tp_btf] [--level error|warn|info|debug|trace]\n");
			return 0;
		default:
			return 2;
		}
	}
	if (strcmp(mode, "auto") && strcmp(mode, "fentry") && strcmp(mode, "tp_btf")) {
		fprintf(stderr, "procmon: unknown mode '%s' (auto, fentry or tp_btf)\n", mode);
		return 2;
	}

	/* the loop first: SIGINT during load or attach stops it, it does not kill us */
	loop = bpfgen_loop__new(NULL);
	if (!loop) {
		fprintf(stderr, "procmon: cannot create the event loop: %s\n", strerror(errno));
		return 1;
	}
	if (strcmp(mode, "tp_btf")) {
		skel = load(true, !strcmp(mode, "auto"), level, &err);
		if (!skel && !strcmp(mode, "auto"))
			fprintf(stderr, "procmon: fentry/kernel_clone refused by this kernel (%s); "
				"using tp_btf/sched_process_fork and tp_btf/sched_process_exec\n",
				strerror(-err));
	}
	if (!skel && strcmp(mode, "fentry"))
		skel = load(false, false, level, &err);
	if (!skel)
		goto out;

	err = bpfgen_loop__add_skeleton(loop, skel->skeleton);
	if (err)
		goto out;
	if (bpf_program__autoload(skel->progs.on_clone)) {
		if (!procmon_on_clone_attach(skel))
			err = -errno;
	} else if (!procmon_on_fork_attach(skel) || !procmon_on_exec_attach(skel)) {
		err = -errno;
	}
	if (err) {
		fprintf(stderr, "procmon: cannot attach: %s\n", strerror(-err));
		goto out;
	}

	rb = procmon_events_ring(skel, on_event, NULL);
	log = procmon__log_new(skel, NULL);
	if (!rb || !log) {
		err = -errno;
		fprintf(stderr, "procmon: cannot open the event and log rings: %s\n", strerror(errno));
		goto out;
	}
	err = bpfgen_loop__add_ring(loop, rb, "events");
	if (!err)
		err = bpfgen_loop__add_log(loop, log);
	if (err)
		goto out;
	fprintf(stderr, "procmon: attached (%s); Ctrl-C to stop\n",
		bpf_program__autoload(skel->progs.on_clone) ? "fentry/kernel_clone"
							     : "tp_btf/sched_process_fork, tp_btf/sched_process_exec");
	err = bpfgen_loop__run(loop);
out:
	/* the loop detaches the links first; the rings go before the object */
	bpfgen_loop__free(loop);
	procmon__ring_free(rb);
	bpfgen_log__free(log);
	procmon__destroy(skel);
	return err ? 1 : 0;
}
