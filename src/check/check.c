/* check.c — campaign rules over the model. */
#include "check.h"
#include <string.h>

/* Route entries that name no node are reported by the loader; here: nodes
 * that no route visits (a scenic route should pass every node). */
static void check_routes(const hc_project *p, hc_diags *d)
{
    if (!p->nroute) return;
    for (size_t i = 0; i < p->nnodes; i++) {
        int visited = 0;
        for (size_t k = 0; k < p->nroute && !visited; k++) visited = p->route[k] == i;
        if (!visited)
            hc_warn(d, "route-unvisited", p->path, p->nodes[i].loc.line, p->nodes[i].loc.col,
                    "node '%s' (%s) is not on the route", p->nodes[i].id, p->nodes[i].name);
    }
}

void hc_check_model(const hc_model *m, hc_diags *d)
{
    for (size_t i = 0; i < m->nprojects; i++) check_routes(&m->projects[i], d);
}
