#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for an entry point that is not libFuzzer's own `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// Runs libFuzzer's driver with the process arguments and `callback` as the fuzz target.
int wmlint_fuzz_main(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));
#endif
