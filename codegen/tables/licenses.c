// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The kernel's license_is_gpl_compatible() (include/linux/license.h): exact strings. */
#include <string.h>
#include <strings.h>

#include "tables.h"

const char *const bg_gpl_licenses[] = {
	"GPL",
	"GPL v2",
	"GPL and additional rights",
	"Dual BSD/GPL",
	"Dual MIT/GPL",
	"Dual MPL/GPL",
};

const size_t bg_gpl_licenses_cnt = sizeof(bg_gpl_licenses) / sizeof(bg_gpl_licenses[0]);

bool bg_license__gpl_compatible(const char *license)
{
	size_t i;

	for (i = 0; i < bg_gpl_licenses_cnt; i++)
		if (!strcmp(license, bg_gpl_licenses[i]))
			return true;
	return false;
}

const char *bg_license__suggest(const char *license)
{
	size_t i;

	for (i = 0; i < bg_gpl_licenses_cnt; i++)
		if (!strcasecmp(license, bg_gpl_licenses[i]))
			return bg_gpl_licenses[i];
	/* SPDX identifiers: GPL-2.0, GPL-2.0-only, GPL-2.0-or-later, GPL-3.0 ... */
	if (!strncasecmp(license, "GPL-2", 5))
		return "GPL v2";
	if (!strncasecmp(license, "GPL", 3))
		return "GPL";
	if (strstr(license, "BSD") && strstr(license, "GPL"))
		return "Dual BSD/GPL";
	if (strstr(license, "MIT") && strstr(license, "GPL"))
		return "Dual MIT/GPL";
	return NULL;
}
