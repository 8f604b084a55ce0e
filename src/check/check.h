/* check.h — rules over the linked model → diagnostics.
 *
 * Each rule has a stable id shown in its message ([rule]). Reads the model
 * only. Errors stop a build; warnings don't. */
#ifndef HC_CHECK_H
#define HC_CHECK_H
#include "../base/diag.h"
#include "../model/model.h"

void hc_check_model(const hc_model *m, hc_diags *d);

#endif
