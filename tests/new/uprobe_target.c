// SPDX-License-Identifier: GPL-2.0
/*
 * The program the scaffolded uprobe and uretprobe loaders attach to in
 * tests/new/run.sh: it calls bpfgen_new_target(i) for i = 1..N, every 10 ms.
 */
#include <stdlib.h>
#include <time.h>

__attribute__((noinline)) long bpfgen_new_target(long x)
{
	asm volatile("" : "+r"(x));	/* keep the call and its argument */
	return x * 2;
}

int main(int argc, char **argv)
{
	struct timespec ten_ms = { .tv_nsec = 10 * 1000 * 1000 };
	long i, n = argc > 1 ? atol(argv[1]) : 100, sum = 0;

	for (i = 1; i <= n; i++) {
		sum += bpfgen_new_target(i);
		nanosleep(&ten_ms, NULL);
	}
	return sum == n * (n + 1) ? 0 : 1;
}
