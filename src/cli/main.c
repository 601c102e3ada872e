#include <stdio.h>
int main(void) { puts("schemadiff"); return 0; }
