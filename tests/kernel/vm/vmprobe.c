// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * vmprobe: `bpfgen probe` alone, linked statically, for the initramfs of the
 * kernel VM (run.sh). It is the same bg_cmd_probe() the bpfgen binary runs,
 * without libclang: a VM under TCG boots faster with 1.5 MB than with 200.
 */
#include "bpfgen.h"

int main(int argc, char **argv)
{
	return bg_cmd_probe(argc, argv);
}
