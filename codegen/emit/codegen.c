// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The template helper shared by the emitters. */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"

void bg_codegen(FILE *out, const char *tmpl, ...)
{
	const char *src = tmpl;
	char *buf, *dst;
	size_t indent = 0, n;
	va_list ap;

	if (*src == '\n')
		src++;
	while (src[indent] == '\t')
		indent++;
	buf = malloc(strlen(src) + 1);
	if (!buf) {
		/* a template is a few hundred bytes: running out here is not recoverable */
		fprintf(stderr, "bpfgen: error: out of memory\n");
		exit(2);
	}
	dst = buf;
	while (*src) {
		for (n = 0; n < indent && *src == '\t'; n++)
			src++;
		while (*src && *src != '\n')
			*dst++ = *src++;
		if (*src == '\n')
			*dst++ = *src++;
	}
	*dst = '\0';

	va_start(ap, tmpl);
	vfprintf(out, buf, ap);
	va_end(ap);
	free(buf);
}

void bg_sanitize_ident(char *s)
{
	if (isdigit((unsigned char)*s))
		*s = '_';
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			*s = '_';
}
