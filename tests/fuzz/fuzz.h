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
 * - fuzz_yaml_at(): whether a one-line plain YAML scalar is written in the
 *   text where its node says it is: the file's line (lines end at '\n', as
 *   editors and the diagnostics' caret count them) and character column.
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

/* text/len: the YAML as given to hc_yaml_parse; first_line: the file line it
 * starts on; line, col, str, n: a plain scalar node. Its text starts there:
 * the file holds it from that point, or, when it goes on over lines (which
 * a plain scalar's text joins with spaces), the rest of that line (without
 * trailing blanks) is how the text starts; a tagged one (!!str x) starts at
 * its tag. Texts with a line break or NUL are not checked (1). */
__attribute__((unused)) static int fuzz_yaml_at(const char *text, size_t len, int first_line, int line, int col,
                                                const char *str, size_t n)
{
    if (n == 0 || memchr(str, '\n', n) || memchr(str, '\r', n) || memchr(str, '\0', n)) return 1;
    const char *p = text, *end = text + len;   /* (a BOM counts as a column, as in the caret) */
    for (int l = first_line; l < line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return 0;
        p = nl + 1;
    }
    for (int c = 1; c < col; c++) {   /* a column counts characters */
        if (p >= end || *p == '\n') return 0;
        p++;
        while (p < end && ((unsigned char)*p & 0xC0) == 0x80) p++;
    }
    if ((size_t)(end - p) >= n && !memcmp(p, str, n)) return 1;
    if (p < end && *p == '!') return 1;   /* a tagged node starts at its tag */
    /* a plain scalar folded over lines: its first line, up to any break
     * (libyaml also breaks lines at a lone CR, NEL, U+2028 and U+2029) */
    const char *eol = p;
    while (eol < end && *eol != '\n' && *eol != '\r' &&
           !(end - eol >= 2 && !memcmp(eol, "\xC2\x85", 2)) &&
           !(end - eol >= 3 && (!memcmp(eol, "\xE2\x80\xA8", 3) || !memcmp(eol, "\xE2\x80\xA9", 3))))
        eol++;
    size_t m = (size_t)(eol - p);
    while (m && (p[m - 1] == ' ' || p[m - 1] == '\t' || p[m - 1] == '\r')) m--;
    /* folding turns the break into a space, or keeps it (NEL, U+2028/9) */
    return m > 0 && m < n && !memcmp(p, str, m) &&
           (str[m] == ' ' || str[m] == '\n' || (n - m >= 2 && !memcmp(str + m, "\xC2\x85", 2)) ||
            (n - m >= 3 && (!memcmp(str + m, "\xE2\x80\xA8", 3) || !memcmp(str + m, "\xE2\x80\xA9", 3))));
}

#endif
