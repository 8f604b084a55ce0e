/* fuzz_http.c — `huace serve`'s URL mapping (src/serve/http.h).
 *
 * Input: a decoded URL path, as libmicrohttpd hands it to the handler (a C
 * string: the input up to its first NUL). It goes through what the handler
 * does with a URL: hc_http_resolve (URL → file below the root), the
 * Content-Type of that file, and the percent-encoding that builds the
 * Location of a folder's redirect (hc_escape_url_path).
 *
 * Invariants checked beyond memory safety:
 * - a path that does not start with '/' is refused; one that is resolved
 *   gives a relative name with no "." or ".." segment, so it stays below
 *   the root, and never longer than the URL;
 * - the Content-Type is never NULL or empty;
 * - the escaped Location holds only unreserved characters, '/' and %XX, so
 *   no byte of the URL (CR, LF, space, quote) reaches the header as it is,
 *   and it decodes back to the URL.
 */
#include "fuzz.h"
#include "base/utf8.h"
#include "serve/http.h"

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *url = malloc(size + 1);
    FUZZ_ASSERT(url != NULL);
    memcpy(url, data, size);
    url[size] = '\0';
    size_t len = strlen(url);

    hc_buf rel = HC_BUF_INIT;
    int rc = hc_http_resolve(url, &rel);
    if (url[0] != '/') FUZZ_ASSERT(rc == -1);
    if (rc == 0) {
        const char *r = hc_buf_cstr(&rel);
        FUZZ_ASSERT(rel.len < len && strlen(r) == rel.len);
        for (const char *seg = r; *seg;) {
            size_t n = strcspn(seg, "/");
            FUZZ_ASSERT(!(n == 1 && seg[0] == '.') && !(n == 2 && seg[0] == '.' && seg[1] == '.'));
            seg += n + (seg[n] == '/');
        }
        const char *type = hc_http_content_type(r);
        FUZZ_ASSERT(type != NULL && type[0]);
    } else {
        FUZZ_ASSERT(rc == -1);
    }
    const char *type = hc_http_content_type(url);
    FUZZ_ASSERT(type != NULL && type[0]);

    hc_buf loc = HC_BUF_INIT;
    hc_escape_url_path(&loc, url, len);
    hc_buf_putc(&loc, '/');
    const char *l = hc_buf_cstr(&loc);
    size_t back = 0;
    for (size_t i = 0; i < loc.len; i++) {
        unsigned char c = (unsigned char)l[i];
        if (c == '%') {
            FUZZ_ASSERT(i + 2 < loc.len && hexval(l[i + 1]) >= 0 && hexval(l[i + 2]) >= 0);
            FUZZ_ASSERT((char)(hexval(l[i + 1]) * 16 + hexval(l[i + 2])) == url[back]);
            i += 2;
        } else {
            FUZZ_ASSERT((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.' || c == '~' || c == '/');
            if (back < len) FUZZ_ASSERT(c == (unsigned char)url[back]);
        }
        back++;
    }
    FUZZ_ASSERT(back == len + 1);
    hc_buf_free(&loc);
    hc_buf_free(&rel);
    free(url);
    return 0;
}
