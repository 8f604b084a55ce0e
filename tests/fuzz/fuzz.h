/* fuzz.h — what the libFuzzer targets in tests/fuzz/ share.
 *
 * Each target is one file, fuzz_<name>.c, defining LLVMFuzzerTestOneInput
 * (and, when it needs global state, LLVMFuzzerInitialize, run once). The
 * helpers here are static: every target is its own program.
 *
 * - FUZZ_ASSERT(cond): an invariant of the code under test. A failure prints
 *   the condition and aborts, which libFuzzer reports as a crash and saves.
 * - fuzz_devnull(): a FILE for diagnostics nobody reads (opened once), so
 *   that printing them is exercised without flooding the fuzzer's log.
 * - fuzz_tmpdir(): the one folder a target may write in, made once under
 *   $TMPDIR (or /tmp) and removed with everything in it when the target exits.
 * - fuzz_write(): writes a whole file (in that folder), aborting on failure.
 */
#ifndef HC_FUZZ_H
#define HC_FUZZ_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <ftw.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FUZZ_ASSERT(cond)                                                                  \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);   \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

__attribute__((unused)) static FILE *fuzz_devnull(void)
{
    static FILE *f;
    if (!f) {
        f = fopen("/dev/null", "w");
        FUZZ_ASSERT(f != NULL);
    }
    return f;
}

static char fuzz_tmp[4096];

__attribute__((unused)) static int fuzz_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

__attribute__((unused)) static void fuzz_rm_tmp(void)
{
    if (fuzz_tmp[0]) nftw(fuzz_tmp, fuzz_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

__attribute__((unused)) static const char *fuzz_tmpdir(void)
{
    if (!fuzz_tmp[0]) {
        const char *base = getenv("TMPDIR");
        snprintf(fuzz_tmp, sizeof fuzz_tmp, "%s/huace-fuzz-XXXXXX", base && base[0] ? base : "/tmp");
        FUZZ_ASSERT(mkdtemp(fuzz_tmp) != NULL);
        atexit(fuzz_rm_tmp);
    }
    return fuzz_tmp;
}

__attribute__((unused)) static void fuzz_write(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    FUZZ_ASSERT(f != NULL);
    FUZZ_ASSERT(fwrite(data, 1, len, f) == len);
    FUZZ_ASSERT(fclose(f) == 0);
}

#endif
