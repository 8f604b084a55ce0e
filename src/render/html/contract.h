/* contract.h — the template contract: every value the HTML renderer hands a
 * theme's layouts, with a line of meaning each (`huace help templates`).
 *
 * The table (contract.c) has rows of three kinds of scope:
 *   - "every page": values every layout receives (baseof, partials/meta);
 *   - a layout's name ("home", "project", …): its own values, besides those
 *     of every page; "partials/figure" and "partials/picture", the partials
 *     a Markdown body's images are rendered with, and "album" (print/
 *     album.html, render/pdf/html.c) get only their own values (the list
 *     `standalone` in contract.c);
 *   - a shape ("site", "card-project", "status", "image", …): the fields of a value
 *     used in several places, named by the rows whose type is that shape.
 * A key is a dotted path from the layout's values: "site.title",
 * "milestones[].date" ("[]": each item of a list). A row with a shape stands
 * for its key and every field of the shape below it.
 *
 * Two checks keep the table honest (tests/unit/test_contract.c and
 * tests/e2e/contract.sh): every variable a theme's template uses resolves to
 * a key of the table (hc_contract_check), and the keys the renderer sets on
 * the example site are exactly the table's (hc_contract_dump below,
 * contract_dump.c).
 */
#ifndef HC_CONTRACT_H
#define HC_CONTRACT_H
#include <stdio.h>
#include "../../base/buf.h"
#include "../../base/diag.h"
#include "../../tmpl/value.h"

#define HC_CONTRACT_EVERY "every page"

typedef struct {
    const char *scope;     /* HC_CONTRACT_EVERY, a layout's name, or a shape's name */
    const char *key;       /* dotted path, "[]" after a list */
    const char *shape;     /* NULL, or the shape whose fields this value has */
    const char *meaning;   /* one line */
} hc_contract_row;

/* The table, in the order it is printed; *n rows. Static: never freed. */
const hc_contract_row *hc_contract_rows(size_t *n);

/* 1 if scope names a layout (or body partial) of the table, 0 for shapes and
 * HC_CONTRACT_EVERY. */
int hc_contract_is_layout(const char *scope);

/* Prints the table for theme authors (`huace help templates`). */
void hc_contract_print(FILE *out);
/* Prints "layout<TAB>key<TAB>row" for every key each layout receives,
 * shapes expanded, "every page" keys under each layout; row is "scope:key"
 * of the row the key comes from, "-" for a key only above rows ("a" of
 * "a.b") (`huace help templates keys`). */
void hc_contract_print_keys(FILE *out);

/* Checks template text (len bytes) rendered as layout: every {{name}},
 * section and inverted section must resolve, through the sections it is
 * in, to a key that layout receives. Partials ({{>x}}) and parents
 * ({{<x}}) are followed through load(x) with the same context; load returns
 * NULL for none (then they are not checked). Each unknown variable is
 * reported to d as an error (rule "template-contract") at path:line:col.
 * Returns the number of unknown variables. */
typedef const char *(*hc_contract_load_fn)(void *arg, const char *name, const char **path, size_t *len);
size_t hc_contract_check(const char *layout, const char *path, const char *text, size_t len,
                         hc_contract_load_fn load, void *load_arg, hc_diags *d);

/* Debugging the contract: when the environment variable HUACE_CONTRACT_DUMP
 * names a file, the renderer appends to it, for each page, each body
 * image and print/album.html it renders, "layout<TAB>key" for every key of the values it renders
 * with, in no set order (tests/e2e/contract.sh). */
#define HC_CONTRACT_DUMP_ENV "HUACE_CONTRACT_DUMP"
typedef struct hc_contract_dump hc_contract_dump;
/* Opens the file HUACE_CONTRACT_DUMP names for appending; NULL when the
 * variable is unset or empty, or the file cannot be opened (then a warning
 * to d). */
hc_contract_dump *hc_contract_dump_open(hc_diags *d);
/* Appends the keys of ctx, rendered as layout; thread-safe; NULL dump: nothing. */
void hc_contract_dump_values(hc_contract_dump *dump, const hc_tv *ctx, const char *layout);
/* Closes the file and frees dump; NULL is fine. */
void hc_contract_dump_close(hc_contract_dump *dump);
/* Appends "layout<TAB>key\n" for ctx and every value below it to out. */
void hc_contract_paths(const hc_tv *ctx, const char *layout, hc_buf *out);

#endif
