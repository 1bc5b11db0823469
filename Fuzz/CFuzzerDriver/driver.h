// libFuzzer's driver, linked in by -sanitize=fuzzer: runs the fuzzing loop with the given callback, so that
// the executable keeps its own entry point.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
