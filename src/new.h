/* new.h — huace new case SLUG | project ID --domain DOMAIN.
 *
 * Writes content/cases/SLUG.md (a draft) or content/projects/<id>.yaml in
 * the site SRC, with the required keys filled in and the optional ones as
 * comments that list the values the site allows. Never overwrites a file.
 * Exit status 0 written; 1 no site, a file or project id already there, or a
 * --domain the seeds do not have; 2 usage (a name that cannot be a URL too).
 */
#ifndef HC_NEW_H
#define HC_NEW_H
#include "cli.h"

int hc_cmd_new(const hc_opts *o);

#endif
