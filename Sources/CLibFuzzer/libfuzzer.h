// libFuzzer's driver, declared for Swift. The definition comes from the toolchain's libclang_rt.fuzzer, which
// `-sanitize=fuzzer` links; only lcity-fuzz's FUZZING build calls it (see Sources/lcity-fuzz/LCityFuzz.swift).
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with the command line `argc`/`argv` (its flags and corpus folders), feeding every input to
/// `test_one_input`; returns the process's exit status.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test_one_input)(const uint8_t *data, size_t size));
