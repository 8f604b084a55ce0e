/* build.h — the build and check commands: load → link → check → render → swap. */
#ifndef HC_BUILD_H
#define HC_BUILD_H
#include "cli.h"

/* Exit status: 0 success, 1 input errors (previous output untouched), 2 usage. */
int hc_cmd_build(const hc_opts *o);
int hc_cmd_check(const hc_opts *o);

#endif
