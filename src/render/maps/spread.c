/* spread.c — keeping every marker visible: markers closer than their size
 * are moved apart, the later ones along a sunflower spiral around where they
 * belong, so that identical coordinates fan out evenly. Distances are
 * measured as boxes (the larger of |dx| and |dy|). */
#include "maps_int.h"
#include <math.h>

#define GOLDEN_ANGLE 2.39996322972865332
#define MAX_STEPS 20000

/* No placed position within the square of side 2·min around q: markers are
 * kept apart as boxes, which is how labels see them. */
static int free_at(const mp_pt *pos, size_t placed, mp_pt q, double min, const mp_box *avoid, size_t navoid)
{
    for (size_t j = 0; j < placed; j++)
        if (fabs(pos[j].x - q.x) < min && fabs(pos[j].y - q.y) < min) return 0;
    double h = min / 2;
    for (size_t j = 0; j < navoid; j++)
        if (q.x + h > avoid[j].x && q.x - h < avoid[j].x + avoid[j].w && q.y + h > avoid[j].y &&
            q.y - h < avoid[j].y + avoid[j].h)
            return 0;
    return 1;
}

static int inside(mp_pt q, mp_rect r)
{
    return q.x >= r.x && q.y >= r.y && q.x <= r.x + r.w && q.y <= r.y + r.h;
}

void mp_spread(mp_pt *pos, size_t n, double min_dist, mp_rect r, const mp_box *avoid, size_t navoid)
{
    for (size_t i = 0; i < n; i++) {
        mp_pt home = pos[i];
        if (free_at(pos, i, home, min_dist, avoid, navoid)) continue;
        mp_pt best = home;
        for (int t = 1; t <= MAX_STEPS; t++) {
            double rad = min_dist * 0.62 * sqrt((double)t);
            double a = t * GOLDEN_ANGLE;
            mp_pt q = { home.x + rad * cos(a), home.y + rad * sin(a) };
            if (!inside(q, r)) continue;
            if (free_at(pos, i, q, min_dist, avoid, navoid)) {
                best = q;
                break;
            }
        }
        pos[i] = best;
    }
}
