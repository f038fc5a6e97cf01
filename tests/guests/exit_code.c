// SPDX-License-Identifier: MIT
/* exit_code N: exit with status N (0..255). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	int code = argc > 1 ? atoi(argv[1]) : 0;

	printf("exiting %d\n", code);
	return code;
}
