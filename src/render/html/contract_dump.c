/* contract_dump.c — the keys a page's values really have (contract.h:
 * hc_contract_paths, and HUACE_CONTRACT_DUMP writing them for every page
 * rendered), for tests/e2e/contract.sh to compare with the table in
 * contract.c. */
#include "contract.h"
#include "../../base/alloc.h"
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>


static void paths_of(const hc_tv *v, const char *layout, hc_buf *key, hc_buf *out)
{
    if (!v) return;
    if (v->kind == HC_TV_LIST) {
        size_t n = key->len;
        hc_buf_puts(key, "[]");
        hc_buf_printf(out, "%s\t%s\n", layout, hc_buf_cstr(key));
        for (uint32_t i = 0; i < v->n; i++) paths_of(v->items[i], layout, key, out);
        hc_buf_truncate(key, n);
    } else if (v->kind == HC_TV_MAP) {
        for (uint32_t i = 0; i < v->n; i++) {
            size_t n = key->len;
            if (n) hc_buf_putc(key, '.');
            hc_buf_puts(key, v->keys[i]);
            hc_buf_printf(out, "%s\t%s\n", layout, hc_buf_cstr(key));
            paths_of(v->items[i], layout, key, out);
            hc_buf_truncate(key, n);
        }
    }
}

void hc_contract_paths(const hc_tv *ctx, const char *layout, hc_buf *out)
{
    hc_buf key = HC_BUF_INIT;
    paths_of(ctx, layout, &key, out);
    hc_buf_free(&key);
}

struct hc_contract_dump {
    FILE *f;
    pthread_mutex_t mu;
};

hc_contract_dump *hc_contract_dump_open(hc_diags *d)
{
    const char *path = getenv(HC_CONTRACT_DUMP_ENV);
    if (!path || !*path) return NULL;
    FILE *f = fopen(path, "a");
    if (!f) {
        hc_warn(d, "write", path, 0, 0, "cannot open the %s file: the keys are not written", HC_CONTRACT_DUMP_ENV);
        return NULL;
    }
    hc_contract_dump *dump = hc_xcalloc(1, sizeof *dump);
    dump->f = f;
    pthread_mutex_init(&dump->mu, NULL);
    return dump;
}

void hc_contract_dump_values(hc_contract_dump *dump, const hc_tv *ctx, const char *layout)
{
    if (!dump || !ctx) return;
    hc_buf keys = HC_BUF_INIT;
    hc_contract_paths(ctx, layout, &keys);
    pthread_mutex_lock(&dump->mu);
    fwrite(hc_buf_cstr(&keys), 1, keys.len, dump->f);
    pthread_mutex_unlock(&dump->mu);
    hc_buf_free(&keys);
}

void hc_contract_dump_close(hc_contract_dump *dump)
{
    if (!dump) return;
    fclose(dump->f);
    pthread_mutex_destroy(&dump->mu);
    free(dump);
}
