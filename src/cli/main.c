/*
 * main.c - the schemadiff binary: everything lives in the library; this
 * only hands over the arguments.
 */
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return sd_cli_main(argc, argv);
}
