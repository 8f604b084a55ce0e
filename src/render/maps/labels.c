/* labels.c — label placement: each label tries positions around its marker,
 * then further out with a leader line, then the number alone; it takes the
 * first one inside the map that touches no placed label and no marker. */
#include "maps_int.h"
#include <math.h>

int mp_box_overlap(mp_box a, mp_box b)
{
    if (a.w <= 0 || a.h <= 0 || b.w <= 0 || b.h <= 0) return 0;
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

int mp_box_inside(mp_box b, mp_box r)
{
    return b.x >= r.x && b.y >= r.y && b.x + b.w <= r.x + r.w && b.y + b.h <= r.y + r.h;
}

/* The 8 classic positions, best first: right, left, upper right, lower
 * right, upper left, lower left, above, below. */
static const signed char base_dirs[8][2] = {
    { 1, 0 }, { -1, 0 }, { 1, -1 }, { 1, 1 }, { -1, -1 }, { -1, 1 }, { 0, -1 }, { 0, 1 },
};
#define RINGS 4
#define RING_DIRS 16

/* A box of w×h beside anchor (ax, ay) in direction (ux, uy) at distance d. */
static mp_box box_at(double ax, double ay, double ux, double uy, double d, int w, int h)
{
    double cx = ax + ux * (d + w / 2.0), cy = ay + uy * (d + h / 2.0);
    mp_box b = { (int)floor(cx - w / 2.0 + 0.5), (int)floor(cy - h / 2.0 + 0.5), w, h };
    return b;
}

static int fits(mp_box b, const mp_label *l, size_t placed, const mp_box *obst, size_t nobst, mp_box bounds)
{
    if (!mp_box_inside(b, bounds)) return 0;
    for (size_t i = 0; i < nobst; i++)
        if (mp_box_overlap(b, obst[i])) return 0;
    for (size_t i = 0; i < placed; i++)
        if (l[i].mode != MP_LABEL_NONE && mp_box_overlap(b, l[i].box)) return 0;
    return 1;
}

/* Tries every candidate for a w×h box; 1 and *out, *leader when one fits. */
static int try_place(const mp_label *l, size_t i, int w, int h, const mp_box *obst, size_t nobst,
                     mp_box bounds, mp_box *out, int *leader)
{
    if (w <= 0 || h <= 0) return 0;
    double gap = l[i].ar + 2;
    for (int k = 0; k < 8; k++) {
        mp_box b = box_at(l[i].ax, l[i].ay, base_dirs[k][0], base_dirs[k][1], gap, w, h);
        if (fits(b, l, i, obst, nobst, bounds)) {
            *out = b;
            *leader = 0;
            return 1;
        }
    }
    double step = h > 12 ? h : 12;
    for (int ring = 1; ring <= RINGS; ring++) {
        double d = gap + ring * step;
        for (int k = 0; k < RING_DIRS; k++) {
            double a = k * (2 * M_PI / RING_DIRS);
            double ux = cos(a), uy = sin(a);
            /* square the direction so the box sits off a corner or an edge */
            double m = fabs(ux) > fabs(uy) ? fabs(ux) : fabs(uy);
            mp_box b = box_at(l[i].ax, l[i].ay, ux / m, uy / m, d, w, h);
            if (fits(b, l, i, obst, nobst, bounds)) {
                *out = b;
                *leader = 1;
                return 1;
            }
        }
    }
    return 0;
}

void mp_labels_place(mp_label *l, size_t n, const mp_box *obst, size_t nobst, mp_box bounds)
{
    for (size_t i = 0; i < n; i++) {
        mp_box b = { 0, 0, 0, 0 };
        int leader = 0;
        l[i].mode = MP_LABEL_NONE;
        l[i].leader = 0;
        l[i].box = b;
        if (try_place(l, i, l[i].full_w, l[i].full_h, obst, nobst, bounds, &b, &leader))
            l[i].mode = MP_LABEL_FULL;
        else if (try_place(l, i, l[i].num_w, l[i].num_h, obst, nobst, bounds, &b, &leader))
            l[i].mode = MP_LABEL_NUMBER;
        if (l[i].mode != MP_LABEL_NONE) {
            l[i].box = b;
            l[i].leader = leader;
        }
    }
}
