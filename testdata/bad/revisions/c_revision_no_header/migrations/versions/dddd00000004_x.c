int upgrade(void) { return 0; }
