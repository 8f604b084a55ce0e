/* build.h — the build and check commands: load → link → check → render → swap. */
#ifndef HC_BUILD_H
#define HC_BUILD_H
#include "cli.h"
#include "model/model.h"

/* Exit status: 0 success, 1 input errors (previous output untouched), 2 usage. */
int hc_cmd_build(const hc_opts *o);
/* The build, for a caller that builds again and again (serve): the same as
 * hc_cmd_build, except that a build skipped because nothing changed prints
 * nothing; *rebuilt is set to 1 when OUT was replaced, else 0. */
int hc_build(const hc_opts *o, int *rebuilt);
int hc_cmd_check(const hc_opts *o);
/* The model a build with o renders (loaded, linked, checked, made the
 * edition's, with o->base_url), with the data of the checks kept (the
 * case studies' project ids and tags, every link of every body): for serve's
 * quick updates (serve/fast.h). NULL when the site has errors; nothing is
 * printed. Free with hc_model_free. */
hc_model *hc_build_model(const hc_opts *o);

#endif
