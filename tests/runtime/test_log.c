// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The log decoder and the site check on hand-built records: no kernel. */
#include <criterion/criterion.h>
#include <errno.h>
#include <string.h>

#include "bpfgen/runtime.h"

#define INT(sz) { BPFGEN_LOG_ARG_INT, sz }
#define BYTES(sz) { BPFGEN_LOG_ARG_BYTES, sz }
#define KSTR(sz) { BPFGEN_LOG_ARG_KSTR, sz }

static const struct bpfgen_log_site table[] = {
	{ .id = 1, .level = 3, .line = 10, .nargs = 2, .file = "a.bpf.c",
	  .fmt = "from %pI4 port %u", .args = { BYTES(4), INT(2) } },
	{ .id = 2, .level = 3, .line = 11, .nargs = 4, .file = "a.bpf.c",
	  .fmt = "%d %5u|%-4x|%08llX", .args = { INT(1), INT(2), INT(4), INT(8) } },
	{ .id = 5, .level = 3, .line = 12, .nargs = 2, .file = "a.bpf.c",
	  .fmt = "%s/%.3s", .args = { KSTR(8), BYTES(6) } },
	{ .id = 7, .level = 3, .line = 13, .nargs = 3, .file = "a.bpf.c",
	  .fmt = "%pM %pI6 %ph", .args = { BYTES(6), BYTES(16), BYTES(3) } },
	{ .id = 9, .level = 3, .line = 14, .nargs = 1, .file = "a.bpf.c",
	  .fmt = "100%% %hhu", .args = { INT(4) } },
};
static const struct bpfgen_log_sites sites = { table, sizeof(table) / sizeof(table[0]) };

/* A record: header for SITE, then LEN argument bytes. */
static size_t rec(unsigned char *buf, __u16 site, const void *args, size_t len)
{
	struct bpfgen_log_hdr h = { .ts_ns = 1, .pid = 2, .site = site, .cpu = 3 };

	memcpy(buf, &h, sizeof(h));
	memcpy(buf + sizeof(h), args, len);
	return sizeof(h) + len;
}

static const char *decode(const void *args, size_t len, __u16 site, int *ret)
{
	static char out[256];
	unsigned char buf[256];
	size_t n = rec(buf, site, args, len);

	*ret = bpfgen_log_decode(&sites, buf, n, out, sizeof(out), NULL);
	return out;
}

Test(log_decode, ipv4_and_port)
{
	unsigned char a[6] = { 10, 0, 0, 1 };
	__u16 port = 443;
	int ret;

	memcpy(a + 4, &port, 2);
	cr_assert_str_eq(decode(a, sizeof(a), 1, &ret), "from 10.0.0.1 port 443");
	cr_assert_eq(ret, (int)strlen("from 10.0.0.1 port 443"));
}

Test(log_decode, integers_by_width_sign_and_flags)
{
	unsigned char a[15];
	__s8 s8 = -5;
	__u16 u16 = 65535;
	__u32 u32 = 0xbeef;
	__u64 u64 = 0xabcdefull;
	int ret;

	memcpy(a, &s8, 1);
	memcpy(a + 1, &u16, 2);
	memcpy(a + 3, &u32, 4);
	memcpy(a + 7, &u64, 8);
	cr_assert_str_eq(decode(a, sizeof(a), 2, &ret), "-5 65535|beef|00ABCDEF");
}

Test(log_decode, strings_end_at_nul_or_capture)
{
	unsigned char a[14] = "abc\0xxxxnotnul";
	int ret;

	/* the kernel string ends at its NUL; the 6-byte array has none: cut at 6, then at .3 */
	cr_assert_str_eq(decode(a, sizeof(a), 5, &ret), "abc/not");
}

Test(log_decode, mac_ipv6_hex)
{
	unsigned char a[25] = { 0x02, 0, 0, 0, 0, 0xff,
				0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
				0xde, 0xad, 0x01 };
	int ret;

	cr_assert_str_eq(decode(a, sizeof(a), 7, &ret), "02:00:00:00:00:ff 2001:db8::1 de ad 01");
}

Test(log_decode, percent_and_narrowing)
{
	__u32 v = 0x1ff;
	int ret;

	cr_assert_str_eq(decode(&v, sizeof(v), 9, &ret), "100% 255");
}

Test(log_decode, unknown_site_and_malformed)
{
	unsigned char a[32] = {};
	char out[64];
	int ret;

	decode(a, 6, 3, &ret);
	cr_assert_eq(ret, -ENOENT);
	decode(a, 5, 1, &ret);			/* one byte short */
	cr_assert_eq(ret, -EBADMSG);
	decode(a, 7, 1, &ret);			/* one byte long */
	cr_assert_eq(ret, -EBADMSG);
	cr_assert_eq(bpfgen_log_decode(&sites, a, 15, out, sizeof(out), NULL), -EBADMSG);
	cr_assert_eq(bpfgen_log_decode(&sites, NULL, 0, out, sizeof(out), NULL), -EBADMSG);
	cr_assert_eq(bpfgen_log_decode(NULL, a, 22, out, sizeof(out), NULL), -ENOENT);
}

Test(log_decode, truncates_like_snprintf)
{
	unsigned char buf[64];
	unsigned char a[6] = { 10, 0, 0, 1, 80, 0 };
	char out[8];
	size_t n = rec(buf, 1, a, sizeof(a));

	cr_assert_eq(bpfgen_log_decode(&sites, buf, n, out, sizeof(out), NULL),
		     (int)strlen("from 10.0.0.1 port 80"));
	cr_assert_str_eq(out, "from 10");
}

static int check(const char *fmt, unsigned int nargs, const unsigned char *kinds,
		 const __u16 *sizes, char *why)
{
	struct bpfgen_log_site s = { .fmt = fmt, .nargs = nargs, .file = "x.c" };
	unsigned int i;

	for (i = 0; i < nargs; i++) {
		s.args[i].kind = kinds[i];
		s.args[i].size = sizes[i];
	}
	return bpfgen_log_site__check(&s, why, 256);
}

Test(log_site_check, fitting_formats_pass)
{
	char why[256];

	cr_assert_eq(check("%pI4 %u", 2, (unsigned char[]){ 2, 1 }, (__u16[]){ 4, 2 }, why), 0, "%s", why);
	cr_assert_eq(check("%s %s", 2, (unsigned char[]){ 3, 2 }, (__u16[]){ 64, 16 }, why), 0, "%s", why);
	cr_assert_eq(check("no args %%", 0, NULL, NULL, why), 0, "%s", why);
}

Test(log_site_check, misfits_are_named)
{
	char why[256];

	cr_assert_eq(check("%pI6", 1, (unsigned char[]){ 2 }, (__u16[]){ 4 }, why), -EINVAL);
	cr_assert(strstr(why, "argument 1 is bytes of 4 bytes, but '%pI6' needs 16 bytes"), "%s", why);
	cr_assert_eq(check("%pM", 1, (unsigned char[]){ 1 }, (__u16[]){ 6 }, why), -EINVAL);
	cr_assert_eq(check("%p", 1, (unsigned char[]){ 2 }, (__u16[]){ 4 }, why), -EINVAL);
	cr_assert(strstr(why, "address"), "%s", why);
	cr_assert_eq(check("%u %u", 1, (unsigned char[]){ 1 }, (__u16[]){ 4 }, why), -EINVAL);
	cr_assert(strstr(why, "conversion 2 has no argument"), "%s", why);
	cr_assert_eq(check("%u", 2, (unsigned char[]){ 1, 1 }, (__u16[]){ 4, 4 }, why), -EINVAL);
	cr_assert_eq(check("%*d", 1, (unsigned char[]){ 1 }, (__u16[]){ 4 }, why), -EINVAL);
	cr_assert_eq(check("%u", 1, (unsigned char[]){ 1 }, (__u16[]){ 3 }, why), -EINVAL);
}
