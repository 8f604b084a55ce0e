/* frontmatter.h — splitting a Markdown file into YAML front matter and body.
 *
 * Front matter is a first line of exactly "---", YAML lines, and a closing
 * line "---" (or "..."). Trailing spaces and CR on the fence lines are
 * allowed; a UTF-8 BOM before the first fence is skipped. The slices point
 * into the caller's text.
 */
#ifndef HC_FRONTMATTER_H
#define HC_FRONTMATTER_H
#include <stddef.h>
#include "../base/buf.h"

typedef enum {
    HC_FM_NONE = 0,        /* no front matter: the whole text is the body */
    HC_FM_OK = 1,
    HC_FM_UNTERMINATED = -1 /* opening fence but no closing one */
} hc_fm_result;

typedef struct {
    hc_slice yaml;  int yaml_line;   /* 1-based file line where the YAML starts */
    hc_slice body;  int body_line;   /* 1-based file line where the body starts */
} hc_fm;

hc_fm_result hc_frontmatter_split(const char *text, size_t len, hc_fm *out);

#endif
