// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Lookups over the feature-version tables (versions_upstream.c, versions_ctx.c) and kernel versions. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "versions.h"

const struct bg_feature_version *bg_feature__find(enum bg_feature_kind kind, const char *name)
{
	size_t i;

	for (i = 0; i < bg_feature_versions_cnt; i++)
		if (bg_feature_versions[i].kind == kind && !strcmp(bg_feature_versions[i].name, name))
			return &bg_feature_versions[i];
	return NULL;
}

const struct bg_feature_version *bg_feature__by_value(enum bg_feature_kind kind, long long value)
{
	size_t i;

	if (value < 0)
		return NULL;
	for (i = 0; i < bg_feature_versions_cnt; i++)
		if (bg_feature_versions[i].kind == kind && bg_feature_versions[i].value == value)
			return &bg_feature_versions[i];
	return NULL;
}

const struct bg_ctx_field_version *bg_ctx_field__version(const char *ctx, const char *field)
{
	size_t i;

	for (i = 0; ctx && field && i < bg_ctx_field_versions_cnt; i++)
		if (!strcmp(bg_ctx_field_versions[i].ctx, ctx) &&
		    !strcmp(bg_ctx_field_versions[i].field, field))
			return &bg_ctx_field_versions[i];
	return NULL;
}

int bg_kver__parse(const char *s, struct bg_kver *v)
{
	unsigned long major, minor;
	char *end;

	if (!s || *s < '0' || *s > '9')
		return -EINVAL;
	major = strtoul(s, &end, 10);
	if (*end != '.' || end[1] < '0' || end[1] > '9')
		return -EINVAL;
	minor = strtoul(end + 1, &end, 10);
	/* "6.1.0", "6.1.0-18-cloud-amd64", "5.14.0-427.el9": the rest is the release's */
	if (*end && *end != '.' && *end != '-' && *end != '+')
		return -EINVAL;
	if (major < 2 || major > 99 || minor > 999)
		return -EINVAL;
	v->major = major;
	v->minor = minor;
	return 0;
}

int bg_kver__cmp(struct bg_kver a, struct bg_kver b)
{
	if (a.major != b.major)
		return a.major < b.major ? -1 : 1;
	if (a.minor != b.minor)
		return a.minor < b.minor ? -1 : 1;
	return 0;
}
