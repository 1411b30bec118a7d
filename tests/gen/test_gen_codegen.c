// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The emitters' template helper: indentation stripping and identifiers. */
#include <stdlib.h>
#include <string.h>
#include <criterion/criterion.h>

#include "emit/emit.h"

/* what bg_codegen() prints for TMPL with one %s argument ARG */
static char *render(const char *tmpl, const char *arg)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cr_assert_not_null(f);
	bg_codegen(f, tmpl, arg);
	fclose(f);
	return buf;
}

Test(codegen, strips_the_first_lines_indentation)
{
	char *out = render("\n\t\tint %s(void)\n\t\t{\n\t\t\treturn 0;\n\t\t}\n", "f");

	cr_assert_str_eq(out, "int f(void)\n{\n\treturn 0;\n}\n");
	free(out);
}

Test(codegen, keeps_blank_lines_and_shallower_lines)
{
	char *out = render("\t\ta\n\n\tb %s\n\t\t\tc\n", "x");

	cr_assert_str_eq(out, "a\n\nb x\n\tc\n");
	free(out);
}

Test(codegen, no_indentation)
{
	char *out = render("%s;\n", "y");

	cr_assert_str_eq(out, "y;\n");
	free(out);
}

Test(codegen, sanitize_ident)
{
	char a[] = "my-prog.bpf", b[] = "9lives", c[] = "ok_1";

	bg_sanitize_ident(a);
	bg_sanitize_ident(b);
	bg_sanitize_ident(c);
	cr_assert_str_eq(a, "my_prog_bpf");
	cr_assert_str_eq(b, "_lives");
	cr_assert_str_eq(c, "ok_1");
}
