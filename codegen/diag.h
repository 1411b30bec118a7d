/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Diagnostics: collected by rules, printed as text (like clang) or json. */
#ifndef BPFGEN_DIAG_H
#define BPFGEN_DIAG_H

#include <stdio.h>

#include "model.h"

enum bg_severity {
	BG_SEV_NOTE,
	BG_SEV_WARNING,
	BG_SEV_ERROR,
};

struct bg_note {
	struct bg_loc loc;	/* loc.file NULL: a note with no location */
	char *msg;
	char *fixit;		/* text that replaces what the note's caret points at, or NULL */
	unsigned fix_len;	/* bytes the fix-it replaces; see BG_FIX_AT_CARET */
};

/*
 * A fix-it's fix_len: BG_FIX_AT_CARET replaces the SEC(...) call or the
 * identifier at the caret; BG_FIX_INSERT inserts the text before the caret;
 * anything else is the number of bytes replaced from the caret on.
 */
#define BG_FIX_AT_CARET 0u
#define BG_FIX_INSERT ((unsigned)-1)

struct bg_diag {
	enum bg_severity sev;
	const char *rule;	/* rule id from the rule table; NULL for clang's own */
	struct bg_loc loc;
	char *msg;
	char *fixit;		/* text that replaces what the caret points at, or NULL */
	unsigned fix_len;	/* bytes the fix-it replaces; see BG_FIX_AT_CARET */
	struct bg_note *notes;
	size_t nnotes;
};

struct bg_diags {
	struct bg_diag *v;
	size_t n;
	size_t cap;
};

/* Append a diagnostic; returns it for notes and fix-its, or NULL on ENOMEM. */
struct bg_diag *bg_diags__add(struct bg_diags *ds, enum bg_severity sev, const char *rule,
			      struct bg_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Attach a note to D (D may be NULL: then nothing happens). */
void bg_diag__note(struct bg_diag *d, struct bg_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void bg_diag__fixit(struct bg_diag *d, const char *text);
/* Attach a fix-it to D's last note (a fix-it away from the finding: SEC() for a call). */
void bg_diag__note_fixit(struct bg_diag *d, const char *text);
/* The same, for a fix-it that replaces LEN bytes at the note's place. */
void bg_diag__note_replace(struct bg_diag *d, const char *text, unsigned len);

/* Order by file, line, column; stable for equal locations. */
void bg_diags__sort(struct bg_diags *ds);
size_t bg_diags__count(const struct bg_diags *ds, enum bg_severity sev);
void bg_diags__clear(struct bg_diags *ds);

const char *bg_severity__name(enum bg_severity sev);

/* Text like clang: "file:line:col: error: msg [rule]", the source line, a caret. */
void bg_diags__print_text(const struct bg_diags *ds, FILE *out, int color);
/* What SARIF says of each rule, from the rule table. */
struct bg_rule_meta {
	const char *id;
	const char *summary;
	enum bg_severity sev;
};

/*
 * Drop the diagnostics from index FROM on that a "// bpfgen: ignore RULE..."
 * comment waives: on the diagnostic's line, or alone on the line above. With
 * no rule named, every rule is waived there.
 */
void bg_diags__drop_ignored(struct bg_diags *ds, size_t from);
/* The same, with TEXT (TEXT_LEN bytes) as FILE's content when TEXT is not NULL. */
void bg_diags__drop_ignored_in(struct bg_diags *ds, size_t from, const char *file,
			       const char *text, size_t text_len);

/* SARIF 2.1.0 for code scanning: one run, the rules, the results. */
void bg_diags__print_sarif(const struct bg_diags *ds, FILE *out, const char *version,
			   const struct bg_rule_meta *rules, size_t nrules);

/* One JSON document: {"diagnostics": [...]} for all files. */
void bg_diags__print_json(const struct bg_diags *ds, FILE *out);
void bg_json__string(FILE *out, const char *s);

#endif
