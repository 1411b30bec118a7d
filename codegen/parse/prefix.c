// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The shared prefix of a file: its leading system and vmlinux.h includes,
 * read as text. No libclang here: `bpfgen cc` names its compiler's PCH by the
 * prefix without loading the parse module.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

char *bg_shared_prefix_of(const char *src, size_t n, bool *quoted)
{
	char buf[16384], *text = NULL, *line, *end;
	size_t len = 0;
	bool in_comment = false;

	*quoted = false;
	if (n > sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	memcpy(buf, src, n);
	buf[n] = '\0';
	for (line = buf; line && *line; line = end ? end + 1 : NULL) {
		char *p = line;

		end = strchr(line, '\n');
		if (!end)
			break;	/* a partial line: stop before it */
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (in_comment) {
			char *close = strstr(p, "*/");

			if (close && close < end) {
				in_comment = false;
				p = close + 2;
				while (*p == ' ' || *p == '\t' || *p == '\r')
					p++;
				if (p != end)
					break;
			}
			continue;
		}
		if (p == end || !strncmp(p, "//", 2))
			continue;
		if (!strncmp(p, "/*", 2)) {
			char *close = strstr(p + 2, "*/");

			if (!close || close > end)
				in_comment = true;
			else if (close + 2 < end && strspn(close + 2, " \t\r") != (size_t)(end - close - 2))
				break;
			continue;
		}
		if (strncmp(p, "#include", 8))
			break;
		p += 8;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '"' && !strncmp(p, "\"vmlinux.h\"", 11))
			*quoted = true;
		else if (*p != '<')
			break;
		{
			char *grown = realloc(text, len + (end - line) + 2);

			if (!grown) {
				free(text);
				return NULL;
			}
			text = grown;
			memcpy(text + len, line, end - line);
			len += end - line;
			text[len++] = '\n';
			text[len] = '\0';
		}
	}
	return text;
}

char *bg_shared_prefix(const char *file, bool *quoted)
{
	char buf[16384];
	size_t n;
	FILE *f;

	*quoted = false;
	f = fopen(file, "rb");
	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	return bg_shared_prefix_of(buf, n, quoted);
}
