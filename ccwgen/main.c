/*
 * main.c - the ccwgen executable: everything is in driver.c.
 */
#include "driver.h"

int main(int argc, char **argv)
{
	return driver_main(argc, argv);
}
