// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The log call sites of an object: bpfgen/log.h describes each call in the
 * ELF section ".debug_bpfgen_log" (the kernel never sees it); this file reads
 * those records, checks each format against what its arguments captured,
 * and writes the table libbpfgen decodes records with.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bpfgen/runtime.h"
#include "emit/emit.h"

#define LOG_SEC ".debug_bpfgen_log"
#define SITE_MAGIC 0x6c676662	/* bpfgen/log.h's ___BPFGEN_SITE_MAGIC */
/* the fixed part of a site record: magic, id, level, line, nargs, kind[8], size[8] */
#define SITE_FIXED (5 * 4 + 8 + 8 * 2)

static void sites_free(struct bpfgen_log_site *sites, size_t cnt)
{
	size_t i;

	for (i = 0; i < cnt; i++) {
		free((char *)sites[i].file);
		free((char *)sites[i].fmt);
	}
	free(sites);
}

/* One record of SIZE bytes at P; -EBADMSG when it is not a site record. */
static int parse_site(const unsigned char *p, size_t size, struct bpfgen_log_site *s)
{
	__u32 hdr[5];
	size_t flen, i;
	const char *file, *fmt;

	if (size < SITE_FIXED + 2)
		return -EBADMSG;
	memcpy(hdr, p, sizeof(hdr));
	if (hdr[0] != SITE_MAGIC || hdr[4] > BPFGEN_LOG_MAX_ARGS)
		return -EBADMSG;
	memset(s, 0, sizeof(*s));
	s->id = hdr[1];
	s->level = hdr[2];
	s->line = hdr[3];
	s->nargs = hdr[4];
	for (i = 0; i < BPFGEN_LOG_MAX_ARGS; i++) {
		__u16 sz;

		s->args[i].kind = p[20 + i];
		memcpy(&sz, p + 28 + 2 * i, 2);
		s->args[i].size = sz;
	}
	file = (const char *)p + SITE_FIXED;
	flen = strnlen(file, size - SITE_FIXED);
	if (SITE_FIXED + flen + 1 >= size)
		return -EBADMSG;
	fmt = file + flen + 1;
	if (strnlen(fmt, size - SITE_FIXED - flen - 1) == size - SITE_FIXED - flen - 1)
		return -EBADMSG;
	s->file = strdup(file);
	s->fmt = strdup(fmt);
	if (!s->file || !s->fmt)
		return -ENOMEM;
	return 0;
}

static int cmp_site(const void *a, const void *b)
{
	const struct bpfgen_log_site *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

static bool same_site(const struct bpfgen_log_site *a, const struct bpfgen_log_site *b)
{
	return a->level == b->level && a->line == b->line && a->nargs == b->nargs &&
	       !memcmp(a->args, b->args, sizeof(a->args)) && !strcmp(a->file, b->file) &&
	       !strcmp(a->fmt, b->fmt);
}

/*
 * Read the sites of PATH, sorted by id, one per id. An object without the
 * section has none (0, *CNT 0). Records are found through their symbols
 * (clang need not lay statics out in source order).
 */
static int read_sites(const char *path, struct bpfgen_log_site **sitesp, size_t *cntp)
{
	struct bpfgen_log_site *sites = NULL;
	Elf_Scn *scn = NULL, *log_scn = NULL, *sym_scn = NULL;
	size_t shstrndx, cnt = 0, i, j, log_idx = 0;
	Elf_Data *log_data, *syms;
	GElf_Shdr sh;
	Elf *elf = NULL;
	int fd, err = 0;

	*sitesp = NULL;
	*cntp = 0;
	if (elf_version(EV_CURRENT) == EV_NONE)
		return -EINVAL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf || elf_getshdrstrndx(elf, &shstrndx)) {
		err = -EBADMSG;
		goto out;
	}
	while ((scn = elf_nextscn(elf, scn))) {
		const char *name;

		if (!gelf_getshdr(scn, &sh))
			continue;
		name = elf_strptr(elf, shstrndx, sh.sh_name);
		if (name && !strcmp(name, LOG_SEC)) {
			log_scn = scn;
			log_idx = elf_ndxscn(scn);
		} else if (sh.sh_type == SHT_SYMTAB) {
			sym_scn = scn;
		}
	}
	if (!log_scn)
		goto out;
	log_data = elf_getdata(log_scn, NULL);
	if (!sym_scn || !log_data || !gelf_getshdr(sym_scn, &sh) || !(syms = elf_getdata(sym_scn, NULL))) {
		err = -EBADMSG;
		goto out;
	}
	for (i = 0; i < sh.sh_size / (sh.sh_entsize ? sh.sh_entsize : 1); i++) {
		struct bpfgen_log_site *grown;
		GElf_Sym sym;

		if (!gelf_getsym(syms, i, &sym) || sym.st_shndx != log_idx ||
		    GELF_ST_TYPE(sym.st_info) != STT_OBJECT)
			continue;
		if (sym.st_value > log_data->d_size || sym.st_size > log_data->d_size - sym.st_value) {
			err = -EBADMSG;
			goto out;
		}
		grown = realloc(sites, (cnt + 1) * sizeof(*sites));
		if (!grown) {
			err = -ENOMEM;
			goto out;
		}
		sites = grown;
		err = parse_site((const unsigned char *)log_data->d_buf + sym.st_value, sym.st_size,
				 &sites[cnt]);
		if (err) {
			free((char *)sites[cnt].file);
			free((char *)sites[cnt].fmt);
			goto out;
		}
		cnt++;
	}
	qsort(sites, cnt, sizeof(*sites), cmp_site);
	/* the same id twice: one site seen twice, or two translation units */
	for (i = j = 0; i < cnt; i++) {
		if (j && sites[j - 1].id == sites[i].id) {
			if (!same_site(&sites[j - 1], &sites[i])) {
				fprintf(stderr, "%s:%u: error: log call site id %u is also used at %s:%u: "
					"bpfgen/log.h numbers sites per translation unit, so log from "
					"one translation unit of an object [log-format]\n",
					sites[i].file, sites[i].line, sites[i].id, sites[j - 1].file,
					sites[j - 1].line);
				err = -EBADMSG;
			}
			free((char *)sites[i].file);
			free((char *)sites[i].fmt);
			continue;
		}
		sites[j++] = sites[i];
	}
	cnt = j;
out:
	if (elf)
		elf_end(elf);
	close(fd);
	if (err) {
		sites_free(sites, cnt);
		return err;
	}
	*sitesp = sites;
	*cntp = cnt;
	return 0;
}

/* S as a C string literal's contents. */
static void put_c_string(FILE *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c < 0x20 || c >= 0x7f)
			fprintf(out, "\\%03o", c);
		else
			fputc(c, out);
	}
}

int bg_emit_log(FILE *out, const char *name, const char *obj_path, bool logs)
{
	struct bpfgen_log_site *sites;
	size_t cnt, i, j;
	char why[256];
	int err, bad = 0;

	err = read_sites(obj_path, &sites, &cnt);
	if (err) {
		if (err != -EBADMSG || !cnt)
			fprintf(stderr, "bpfgen: error: '%s': cannot read its log call sites: %s\n",
				obj_path, strerror(-err));
		return err;
	}
	if (!cnt && logs) {
		fprintf(stderr, "bpfgen: error: '%s' has bpfgen/log.h's ring but no log call sites: "
			"was it stripped (llvm-strip -g) or linked (bpftool gen object)? "
			"run bpfgen gen on the object clang wrote\n", obj_path);
		return -EINVAL;
	}
	if (!cnt)
		return 0;
	for (i = 0; i < cnt; i++) {
		if (bpfgen_log_site__check(&sites[i], why, sizeof(why))) {
			fprintf(stderr, "%s:%u: error: log format \"%s\": %s [log-format]\n",
				sites[i].file, sites[i].line, sites[i].fmt, why);
			bad++;
		}
	}
	if (bad) {
		err = -EBADMSG;
		goto out;
	}

	bg_codegen(out, "\
		\n\
		/* log call sites (bpfgen/log.h): the table libbpfgen decodes records with */\n\
		#include <bpfgen/runtime.h>\n\
		\n\
		static const struct bpfgen_log_site %s__log_site_table[] = {\n\
		", name);
	for (i = 0; i < cnt; i++) {
		fprintf(out, "\t{ .id = %u, .level = %u, .line = %u, .nargs = %u,\n\t  .file = \"",
			sites[i].id, sites[i].level, sites[i].line, sites[i].nargs);
		put_c_string(out, sites[i].file);
		fputs("\",\n\t  .fmt = \"", out);
		put_c_string(out, sites[i].fmt);
		fputs("\",\n\t  .args = {", out);
		for (j = 0; j < sites[i].nargs; j++)
			fprintf(out, "%s{ %u, %u }", j ? ", " : " ", sites[i].args[j].kind,
				sites[i].args[j].size);
		fputs(sites[i].nargs ? " } },\n" : "} },\n", out);
	}
	bg_codegen(out, "\
		};\n\
		\n\
		static const struct bpfgen_log_sites %1$s__log_sites = {\n\
			.sites = %1$s__log_site_table,\n\
			.cnt = %2$zu,\n\
		};\n\
		\n\
		/* The most verbose level the BPF side writes; before %1$s__load(). */\n\
		static inline void %1$s__log_level_set(struct %1$s *skel, enum bpfgen_log_level level)\n\
		{\n\
			skel->rodata->bpfgen_log_level = level;\n\
		}\n\
		\n\
		/*\n\
		 * A consumer of the log ring, after %1$s__load(); NULL and errno set\n\
		 * on failure. Add it to a loop with bpfgen_loop__add_log().\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK struct bpfgen_log *%1$s__log_new(struct %1$s *skel,\n\
									const struct bpfgen_log_opts *opts)\n\
		{\n\
			return bpfgen_log__new(skel->obj, &%1$s__log_sites, opts);\n\
		}\n\
		", name, cnt);
out:
	sites_free(sites, cnt);
	return err;
}
