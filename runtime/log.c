// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The log consumer: records written by bpfgen/log.h, decoded with the site
 * table `bpfgen gen` interned. Records come from the kernel but are still
 * untrusted input: a stale table, a BPF object of another build or a bug
 * must cost one skipped record, never a crash.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "bpfgen/runtime.h"

#define LOG_RING_MAP "bpfgen_log_ring"
#define LOG_DROPS_MAP "bpfgen_log_drops"
/* a record formats into at most this much; longer messages are cut */
#define LOG_MSG_MAX 1024

struct bpfgen_log {
	struct ring_buffer *rb;
	int drops_fd;
	const struct bpfgen_log_sites *sites;
	bpfgen_log_fn fn;
	void *ctx;
	FILE *out;
	__u64 records, malformed, dropped, dropped_reported;
	struct timespec last_drop_check;
	int err;		/* the callback's error that stopped a consume */
};

const char *bpfgen_log_level_str(unsigned int level)
{
	static const char *const names[] = { "OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE" };

	return level < sizeof(names) / sizeof(names[0]) ? names[level] : "?";
}

static const struct bpfgen_log_site *find_site(const struct bpfgen_log_sites *sites, __u32 id)
{
	size_t lo = 0, hi = sites ? sites->cnt : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sites->sites[mid].id == id)
			return &sites->sites[mid];
		if (sites->sites[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* An output buffer that counts what it could not hold, like snprintf. */
struct sbuf {
	char *p;
	size_t sz, len;
};

static void sb_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(struct sbuf *b, const char *fmt, ...)
{
	size_t room = b->len < b->sz ? b->sz - b->len : 0;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(room ? b->p + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		b->len += n;
}

static void sb_putc(struct sbuf *b, char c)
{
	if (b->len + 1 < b->sz)
		b->p[b->len] = c;
	b->len++;
}

/* The conversion at FMT (after '%'), parsed like printf's. */
struct conv {
	char spec[32];		/* flags, width and precision, for snprintf */
	char len[3];		/* length modifier: "", h, hh, l, ll, z, j, t */
	char c;			/* conversion character */
	char ext[3];		/* %p extension: I4, I6, M, h... */
	const char *end;	/* first character after the conversion */
};

static int parse_conv(const char *f, struct conv *cv)
{
	size_t n = 0;

	memset(cv, 0, sizeof(*cv));
	cv->spec[n++] = '%';
	while (*f && strchr("-+ #0", *f) && n < 16)
		cv->spec[n++] = *f++;
	while (*f >= '0' && *f <= '9' && n < 24)
		cv->spec[n++] = *f++;
	if (*f == '.') {
		cv->spec[n++] = *f++;
		while (*f >= '0' && *f <= '9' && n < 30)
			cv->spec[n++] = *f++;
	}
	if (*f == '*' || (*f >= '0' && *f <= '9'))
		return -EINVAL;	/* '*' or an absurd width: gen refuses these */
	if ((f[0] == 'h' && f[1] == 'h') || (f[0] == 'l' && f[1] == 'l')) {
		cv->len[0] = f[0];
		cv->len[1] = f[1];
		f += 2;
	} else if (*f && strchr("hlzjt", *f)) {
		cv->len[0] = *f++;
	}
	if (!*f || !strchr("diuxXocsp%", *f))
		return -EINVAL;
	cv->c = *f++;
	if (cv->c == 'p') {
		if ((f[0] == 'I' || f[0] == 'i') && (f[1] == '4' || f[1] == '6')) {
			cv->ext[0] = 'I';
			cv->ext[1] = f[1];
			f += 2;
		} else if (f[0] == 'M' || f[0] == 'm') {
			cv->ext[0] = 'M';
			f++;
		} else if (f[0] == 'h') {
			cv->ext[0] = 'h';
			f++;
		}
	}
	cv->end = f;
	return 0;
}

static long long int_arg(const unsigned char *p, unsigned int size, bool sign)
{
	unsigned long long u = 0;

	/* host order: the record was written by this machine's kernel */
	switch (size) {
	case 1: { __u8 v; memcpy(&v, p, 1); return sign ? (long long)(__s8)v : v; }
	case 2: { __u16 v; memcpy(&v, p, 2); return sign ? (long long)(__s16)v : v; }
	case 4: { __u32 v; memcpy(&v, p, 4); return sign ? (long long)(__s32)v : v; }
	case 8: memcpy(&u, p, 8); return (long long)u;
	}
	return 0;
}

static void put_int(struct sbuf *b, const struct conv *cv, const unsigned char *p, unsigned int size)
{
	bool sign = cv->c == 'd' || cv->c == 'i';
	long long v = int_arg(p, size, sign);
	char fmt[40];

	/* the length modifier narrows as printf would; the width came from the capture */
	if (!strcmp(cv->len, "hh"))
		v = sign ? (long long)(signed char)v : (long long)(unsigned char)v;
	else if (!strcmp(cv->len, "h"))
		v = sign ? (long long)(short)v : (long long)(unsigned short)v;
	if (cv->c == 'c') {
		snprintf(fmt, sizeof(fmt), "%sc", cv->spec);
		sb_printf(b, fmt, (int)(unsigned char)v);
		return;
	}
	snprintf(fmt, sizeof(fmt), "%sll%c", cv->spec, cv->c);
	if (sign)
		sb_printf(b, fmt, v);
	else
		sb_printf(b, fmt, (unsigned long long)v);
}

static void put_bytes(struct sbuf *b, const struct conv *cv, const unsigned char *p, unsigned int size)
{
	char addr[INET6_ADDRSTRLEN];
	unsigned int i;

	if (cv->ext[0] == 'I' && cv->ext[1] == '4' && size == 4) {
		sb_printf(b, "%u.%u.%u.%u", p[0], p[1], p[2], p[3]);
	} else if (cv->ext[0] == 'I' && cv->ext[1] == '6' && size == 16) {
		if (inet_ntop(AF_INET6, p, addr, sizeof(addr)))
			sb_printf(b, "%s", addr);
	} else if (cv->ext[0] == 'M' && size == 6) {
		sb_printf(b, "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3], p[4], p[5]);
	} else {
		for (i = 0; i < size; i++)
			sb_printf(b, i ? " %02x" : "%02x", p[i]);
	}
}

static void put_str(struct sbuf *b, const struct conv *cv, const unsigned char *p, unsigned int size)
{
	/* the capture need not be NUL-ended within SIZE (a full char array) */
	char tmp[4096], fmt[40];
	size_t n = strnlen((const char *)p, size < sizeof(tmp) - 1 ? size : sizeof(tmp) - 1);

	memcpy(tmp, p, n);
	tmp[n] = '\0';
	snprintf(fmt, sizeof(fmt), "%ss", cv->spec);
	sb_printf(b, fmt, tmp);
}

/* Does the argument captured as KIND/SIZE suit conversion CV? */
static bool arg_fits(const struct conv *cv, unsigned int kind, unsigned int size)
{
	switch (cv->c) {
	case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': case 'c':
		return kind == BPFGEN_LOG_ARG_INT && (size == 1 || size == 2 || size == 4 || size == 8);
	case 's':
		return kind == BPFGEN_LOG_ARG_KSTR || kind == BPFGEN_LOG_ARG_USTR ||
		       kind == BPFGEN_LOG_ARG_BYTES;
	case 'p':
		if (kind != BPFGEN_LOG_ARG_BYTES)
			return false;
		if (cv->ext[0] == 'I')
			return size == (cv->ext[1] == '4' ? 4u : 16u);
		if (cv->ext[0] == 'M')
			return size == 6;
		return cv->ext[0] == 'h';
	}
	return false;
}

static const char *kind_str(unsigned int kind)
{
	switch (kind) {
	case BPFGEN_LOG_ARG_INT: return "an integer";
	case BPFGEN_LOG_ARG_BYTES: return "bytes";
	case BPFGEN_LOG_ARG_KSTR: return "a kernel string";
	case BPFGEN_LOG_ARG_USTR: return "a user string";
	}
	return "an unknown capture";
}

/* What conversion CV needs, in words. */
static const char *conv_needs(const struct conv *cv)
{
	if (cv->c == 's')
		return "a string (char *, a char array or bpfgen_user_str())";
	if (cv->c != 'p')
		return "an integer";
	if (cv->ext[0] == 'I')
		return cv->ext[1] == '4' ? "4 bytes (a pointer to a __be32 or a 4-byte array)"
					 : "16 bytes (a pointer to a struct in6_addr or a 16-byte array)";
	if (cv->ext[0] == 'M')
		return "6 bytes (a 6-byte array or a pointer to one)";
	if (cv->ext[0] == 'h')
		return "an array or a pointer to a sized type";
	return "nothing bpfgen logs: %p alone would print an address; use %pI4, %pI6, %pM or %ph "
	       "for what it points to, or %lx for the value";
}

int bpfgen_log_site__check(const struct bpfgen_log_site *site, char *why, size_t why_sz)
{
	unsigned int argi = 0;
	const char *f;
	struct conv cv;

	if (why_sz)
		why[0] = '\0';
	if (!site || !site->fmt || site->nargs > BPFGEN_LOG_MAX_ARGS) {
		snprintf(why, why_sz, "malformed call site");
		return -EINVAL;
	}
	for (f = site->fmt; *f; f++) {
		if (*f != '%')
			continue;
		if (parse_conv(f + 1, &cv)) {
			snprintf(why, why_sz, "unsupported conversion at '%.8s' (no '*' width or precision)", f);
			return -EINVAL;
		}
		f = cv.end - 1;
		if (cv.c == '%')
			continue;
		if (argi >= site->nargs) {
			snprintf(why, why_sz, "conversion %u has no argument", argi + 1);
			return -EINVAL;
		}
		if (!arg_fits(&cv, site->args[argi].kind, site->args[argi].size)) {
			snprintf(why, why_sz, "argument %u is %s of %u bytes, but '%s%s%c%s' needs %s",
				 argi + 1, kind_str(site->args[argi].kind), site->args[argi].size,
				 cv.spec, cv.len, cv.c, cv.ext, conv_needs(&cv));
			return -EINVAL;
		}
		argi++;
	}
	if (argi != site->nargs) {
		snprintf(why, why_sz, "%u arguments for %u conversions", site->nargs, argi);
		return -EINVAL;
	}
	return 0;
}

int bpfgen_log_decode(const struct bpfgen_log_sites *sites, const void *rec, size_t len,
		      char *out, size_t out_sz, const struct bpfgen_log_site **sitep)
{
	const unsigned char *args;
	struct sbuf b = { .p = out, .sz = out_sz };
	const struct bpfgen_log_site *site;
	struct bpfgen_log_hdr hdr;
	size_t need = sizeof(hdr), off = 0;
	unsigned int i, argi = 0;
	const char *f;
	struct conv cv;

	if (out_sz)
		out[0] = '\0';
	if (sitep)
		*sitep = NULL;
	if (!rec || len < sizeof(hdr))
		return -EBADMSG;
	args = (const unsigned char *)rec + sizeof(hdr);
	memcpy(&hdr, rec, sizeof(hdr));
	site = find_site(sites, hdr.site);
	if (!site)
		return -ENOENT;
	if (site->nargs > BPFGEN_LOG_MAX_ARGS || !site->fmt)
		return -EBADMSG;
	for (i = 0; i < site->nargs; i++)
		need += site->args[i].size;
	if (len != need)
		return -EBADMSG;

	for (f = site->fmt; *f; f++) {
		unsigned int kind, size;

		if (*f != '%') {
			sb_putc(&b, *f);
			continue;
		}
		if (parse_conv(f + 1, &cv))
			return -EBADMSG;
		f = cv.end - 1;
		if (cv.c == '%') {
			sb_putc(&b, '%');
			continue;
		}
		if (argi >= site->nargs)
			return -EBADMSG;
		kind = site->args[argi].kind;
		size = site->args[argi].size;
		if (!arg_fits(&cv, kind, size))
			return -EBADMSG;
		if (cv.c == 's')
			put_str(&b, &cv, args + off, size);
		else if (cv.c == 'p')
			put_bytes(&b, &cv, args + off, size);
		else
			put_int(&b, &cv, args + off, size);
		off += size;
		argi++;
	}
	if (argi != site->nargs)
		return -EBADMSG;
	if (out_sz)
		out[b.len < out_sz ? b.len : out_sz - 1] = '\0';
	if (sitep)
		*sitep = site;
	return b.len > (size_t)__INT_MAX__ ? __INT_MAX__ : (int)b.len;
}

static void print_record(FILE *out, const struct bpfgen_log_record *rec)
{
	const struct bpfgen_log_site *s = rec->site;
	const char *file = strrchr(s->file, '/');

	file = file ? file + 1 : s->file;
	fprintf(out, "[%6llu.%06llu] %-5s %s:%u cpu %u pid %u: %s\n",
		(unsigned long long)(rec->hdr->ts_ns / 1000000000ull),
		(unsigned long long)(rec->hdr->ts_ns % 1000000000ull / 1000),
		bpfgen_log_level_str(s->level), file, s->line, rec->hdr->cpu, rec->hdr->pid, rec->msg);
}

static int handle_record(void *ctx, void *data, size_t size)
{
	struct bpfgen_log *log = ctx;
	struct bpfgen_log_record rec = {};
	struct bpfgen_log_hdr hdr;
	char msg[LOG_MSG_MAX];
	int n, err;

	n = bpfgen_log_decode(log->sites, data, size, msg, sizeof(msg), &rec.site);
	if (n < 0) {
		/* a stale site table or a foreign record: skip it, count it */
		log->malformed++;
		return 0;
	}
	memcpy(&hdr, data, sizeof(hdr));
	rec.hdr = &hdr;
	rec.msg = msg;
	log->records++;
	if (!log->fn) {
		print_record(log->out, &rec);
		return 0;
	}
	err = log->fn(log->ctx, &rec);
	if (err < 0) {
		log->err = err;
		return err;
	}
	return 0;
}

struct bpfgen_log *bpfgen_log__new(struct bpf_object *obj, const struct bpfgen_log_sites *sites,
				   const struct bpfgen_log_opts *opts)
{
	struct bpf_map *ring, *drops;
	struct bpfgen_log *log;
	int err;

	if (!obj || !sites || (opts && opts->sz < sizeof(size_t))) {
		errno = EINVAL;
		return NULL;
	}
	ring = bpf_object__find_map_by_name(obj, LOG_RING_MAP);
	drops = bpf_object__find_map_by_name(obj, LOG_DROPS_MAP);
	if (!ring || !drops || bpf_map__fd(ring) < 0 || bpf_map__fd(drops) < 0) {
		/* not built with bpfgen/log.h, or not loaded yet */
		errno = ENOENT;
		return NULL;
	}
	log = calloc(1, sizeof(*log));
	if (!log) {
		errno = ENOMEM;
		return NULL;
	}
	log->sites = sites;
	log->drops_fd = bpf_map__fd(drops);
	log->out = stderr;
	if (opts) {
		/* fields past what the caller's struct has are left zero */
		if (opts->sz >= offsetof(struct bpfgen_log_opts, fn) + sizeof(opts->fn))
			log->fn = opts->fn;
		if (opts->sz >= offsetof(struct bpfgen_log_opts, ctx) + sizeof(opts->ctx))
			log->ctx = opts->ctx;
		if (opts->sz >= offsetof(struct bpfgen_log_opts, out) + sizeof(opts->out) && opts->out)
			log->out = opts->out;
	}
	log->rb = ring_buffer__new(bpf_map__fd(ring), handle_record, log, NULL);
	if (!log->rb) {
		err = errno;
		free(log);
		errno = err;
		return NULL;
	}
	return log;
}

void bpfgen_log__free(struct bpfgen_log *log)
{
	if (!log)
		return;
	ring_buffer__free(log->rb);
	free(log);
}

int bpfgen_log__fd(const struct bpfgen_log *log)
{
	return log ? ring_buffer__epoll_fd(log->rb) : -EINVAL;
}

/* Sum the per-CPU drop counters. */
static int read_drops(struct bpfgen_log *log, __u64 *total)
{
	int ncpu = libbpf_num_possible_cpus(), i, err;
	__u32 key = 0;
	__u64 *vals;

	if (ncpu <= 0)
		return ncpu ? ncpu : -EINVAL;
	vals = calloc(ncpu, sizeof(*vals));
	if (!vals)
		return -ENOMEM;
	err = bpf_map_lookup_elem(log->drops_fd, &key, vals);
	if (err) {
		err = -errno;
		goto out;
	}
	*total = 0;
	for (i = 0; i < ncpu; i++)
		*total += vals[i];
out:
	free(vals);
	return err;
}

/* Report new drops, at most once a second: a lookup per drain would cost a syscall. */
static void report_drops(struct bpfgen_log *log, bool now)
{
	struct timespec ts;
	__u64 total = 0;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	if (!now && ts.tv_sec == log->last_drop_check.tv_sec)
		return;
	log->last_drop_check = ts;
	if (read_drops(log, &total))
		return;
	log->dropped = total;
	if (total > log->dropped_reported) {
		if (!log->fn)
			fprintf(log->out, "bpfgen: dropped %llu log records\n",
				(unsigned long long)(total - log->dropped_reported));
		log->dropped_reported = total;
	}
}

int bpfgen_log__consume(struct bpfgen_log *log)
{
	__u64 before;
	int n;

	if (!log)
		return -EINVAL;
	before = log->records;
	log->err = 0;
	n = ring_buffer__consume(log->rb);
	if (log->err)
		return log->err;
	report_drops(log, false);
	if (n < 0)
		return n;
	return (int)(log->records - before);
}

int bpfgen_log__counts(struct bpfgen_log *log, __u64 *records, __u64 *dropped, __u64 *malformed)
{
	if (!log)
		return -EINVAL;
	report_drops(log, true);
	if (records)
		*records = log->records;
	if (dropped)
		*dropped = log->dropped;
	if (malformed)
		*malformed = log->malformed;
	return 0;
}
