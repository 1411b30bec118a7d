// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bpfgen_log_decode(): a record from the log ring is untrusted (a BPF object
 * of another version, a torn or forged record). The first input byte picks
 * the output size, the rest is the record, in an exact-size buffer so that a
 * read outside REC[0..LEN) is an ASan report. Checks the contract of
 * bpfgen/runtime.h: a message length as snprintf, -ENOENT or -EBADMSG, and a
 * NUL-ended OUT that was not overrun.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bpfgen/runtime.h"

#define A(k, s) { .kind = BPFGEN_LOG_ARG_##k, .size = s }

/* Sites with every argument kind and the conversions log.h formats allow. */
static const struct bpfgen_log_site site_v[] = {
	{ .id = 0, .level = BPFGEN_LOG_INFO, .line = 10, .nargs = 0, .file = "a.bpf.c",
	  .fmt = "no arguments, 100%% literal" },
	{ .id = 1, .level = BPFGEN_LOG_DEBUG, .line = 11, .nargs = 2, .file = "a.bpf.c",
	  .fmt = "received a packet from %pI4 port %u", .args = { A(BYTES, 4), A(INT, 2) } },
	{ .id = 2, .level = BPFGEN_LOG_WARN, .line = 12, .nargs = 4, .file = "a.bpf.c",
	  .fmt = "%-4d|%+ld|%020llu|%#x", .args = { A(INT, 4), A(INT, 8), A(INT, 8), A(INT, 4) } },
	{ .id = 3, .level = BPFGEN_LOG_ERROR, .line = 13, .nargs = 2, .file = "b.bpf.c",
	  .fmt = "comm %s file %s", .args = { A(KSTR, 16), A(USTR, 64) } },
	{ .id = 5, .level = BPFGEN_LOG_TRACE, .line = 14, .nargs = 2, .file = "b.bpf.c",
	  .fmt = "mac %pM bytes %ph", .args = { A(BYTES, 6), A(BYTES, 16) } },
	{ .id = 7, .level = BPFGEN_LOG_INFO, .line = 15, .nargs = 4, .file = "b.bpf.c",
	  .fmt = "%pI6 %hhu %c %.3s", .args = { A(BYTES, 16), A(INT, 1), A(INT, 1), A(USTR, 8) } },
	{ .id = 8, .level = BPFGEN_LOG_INFO, .line = 16, .nargs = 8, .file = "c.bpf.c",
	  .fmt = "%u %u %u %u %u %u %u %s",
	  .args = { A(INT, 1), A(INT, 2), A(INT, 4), A(INT, 8), A(INT, 4), A(INT, 4), A(INT, 4),
		    A(KSTR, 256) } },
	{ .id = 300, .level = BPFGEN_LOG_DEBUG, .line = 17, .nargs = 1, .file = "c.bpf.c",
	  .fmt = "%s", .args = { A(BYTES, 0) } },
};
static const struct bpfgen_log_sites sites = { site_v, sizeof(site_v) / sizeof(site_v[0]) };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t out_sizes[] = { 0, 1, 2, 16, 80, 4096 };
	const struct bpfgen_log_site *site = NULL;
	size_t out_sz, len;
	char *rec, *out;
	int ret;

	if (size < 1)
		return 0;
	out_sz = out_sizes[data[0] % (sizeof(out_sizes) / sizeof(out_sizes[0]))];
	len = size - 1;
	rec = malloc(len ? len : 1);
	out = malloc(out_sz ? out_sz : 1);
	if (!rec || !out)
		abort();
	memcpy(rec, data + 1, len);
	ret = bpfgen_log_decode(&sites, rec, len, out, out_sz, &site);
	if (ret >= 0) {
		struct bpfgen_log_hdr hdr;

		if (!site || site < site_v || site >= site_v + sites.cnt)
			abort();
		/* a decoded record has a whole header naming the site returned */
		if (len < sizeof(hdr))
			abort();
		memcpy(&hdr, rec, sizeof(hdr));
		if (hdr.site != site->id)
			abort();
		/* as snprintf: %c of 0 may put a NUL inside, so look at the end only */
		if (out_sz && out[(size_t)ret < out_sz ? (size_t)ret : out_sz - 1] != '\0')
			abort();
	} else if (ret != -ENOENT && ret != -EBADMSG) {
		abort();
	}
	free(out);
	free(rec);
	return 0;
}
