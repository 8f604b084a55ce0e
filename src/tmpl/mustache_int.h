/* mustache_int.h — private to src/tmpl/mustache*.c: the op tree a template
 * is parsed into, and the hooks between the set, the parser and the renderer.
 *
 * A template owns one arena holding its text (copied) and all its ops; every
 * slice in an op points into that arena. Ops are immutable once parsed.
 */
#ifndef HC_MUSTACHE_INT_H
#define HC_MUSTACHE_INT_H
#include "mustache.h"
#include "../base/arena.h"

typedef enum {
    HC_MUSTACHE_OP_TEXT,      /* literal template text */
    HC_MUSTACHE_OP_LINE,      /* a new line of template text starts: owed indentation */
    HC_MUSTACHE_OP_VAR,       /* {{x}}, HTML-escaped */
    HC_MUSTACHE_OP_RAW,       /* {{{x}}} and {{&x}} */
    HC_MUSTACHE_OP_SECTION,   /* {{#x}}…{{/x}} */
    HC_MUSTACHE_OP_INVERTED,  /* {{^x}}…{{/x}} */
    HC_MUSTACHE_OP_PARTIAL,   /* {{>x}}, {{>*x}} */
    HC_MUSTACHE_OP_PARENT,    /* {{<x}}…{{/x}} */
    HC_MUSTACHE_OP_BLOCK      /* {{$x}}…{{/x}} */
} hc_mustache_op_kind;

/* A dotted name split at the dots; n == 0 is the implicit iterator ".". */
typedef struct {
    const hc_slice *parts;
    size_t n;
} hc_mustache_name;

typedef struct hc_mustache_op hc_mustache_op;
struct hc_mustache_op {
    hc_mustache_op_kind kind;
    hc_slice text;               /* TEXT: the bytes; PARTIAL/PARENT: static name; BLOCK: name */
    hc_mustache_name name;       /* VAR, RAW, SECTION, INVERTED; dynamic PARTIAL/PARENT */
    int dynamic;                 /* PARTIAL/PARENT: the name is looked up in the context */
    int standalone;              /* PARTIAL/PARENT/BLOCK: the tag stood alone on its line */
    hc_slice indent;             /* standalone PARTIAL/PARENT/BLOCK: whitespace before it */
    hc_slice intrinsic;          /* standalone BLOCK: the indentation of its own content */
    const hc_mustache_op *kids;  /* SECTION/INVERTED/BLOCK: body; PARENT: BLOCK arguments */
    size_t nkids;
    int line, col;               /* PARTIAL/PARENT: where the tag starts in its template */
};

typedef struct {
    char *name;                  /* in arena */
    char *path;                  /* in arena: the file, for error locations */
    hc_arena arena;
    const hc_mustache_op *ops;
    size_t nops;
} hc_mustache_tmpl;

/* mustache_parse.c: parses text into a new template, or reports the first
 * syntax error to d (if not NULL) and returns NULL. */
hc_mustache_tmpl *hc_mustache_parse(const char *name, const char *path, const char *text,
                                    size_t len, hc_diags *d);
void hc_mustache_tmpl_free(hc_mustache_tmpl *t);

/* mustache.c: the template called name (len bytes), or NULL. */
const hc_mustache_tmpl *hc_mustache_find(const hc_mustache_set *s, const char *name, size_t len);
/* The set's render budget (see hc_mustache_set_budget). */
void hc_mustache_budget(const hc_mustache_set *s, size_t *max_output, size_t *max_steps);

#endif
