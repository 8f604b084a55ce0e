/* cli.h — the command line: options shared by the subcommands.
 *
 * hc_cli_parse fills opts from argv (after the subcommand name). It prints a
 * usage error to stderr and returns 2 on bad usage, 0 otherwise. Strings in
 * opts point into argv (not owned).
 */
#ifndef HC_CLI_H
#define HC_CLI_H

typedef enum { HC_FMT_TEXT, HC_FMT_JSON } hc_format;

typedef struct {
    const char *src;          /* -s, default "." */
    const char *out;          /* -o, default SRC/public */
    const char *base_url;     /* --base-url */
    const char *today;        /* --today YYYY-MM-DD */
    int drafts, quiet, timings, pdfx;
    int force;                /* --force (build): build into a folder huace did not write */
    int no_wait;              /* --no-wait (build): fail if another build holds OUT */
    int internal;             /* --edition internal (build, serve); 0: public, the default */
    int jobs;                 /* -j, 0 = number of cores */
    hc_format format;         /* --format (check) */
    int all;                  /* --all (check): every finding, not 5 per rule */
    int rules;                /* --rules (check): print the rule table instead */
    int port;                 /* -p (serve), -1 = not given */
    const char *bind;         /* --bind (serve): an IP address */
    const char *domain;       /* --domain (new project) */
    const char **args;        /* remaining positional arguments */
    int nargs;
} hc_opts;

/* allowed: which options this command takes, as a string of option letters:
 * s o d b t j q f T X p B D F W A E R (src out drafts base-url today jobs quiet format timings
 * pdfx port bind domain force no-wait all edition rules). A short option's value may follow it
 * at once (-j1, -oOUT) or as the next argument (-j 1); a long option's after
 * '=' or as the next argument. */
int hc_cli_parse(const char *cmd, const char *allowed, int argc, char **argv, hc_opts *opts);

/* Prints "huace CMD: " and fmt (with one %s for arg) and where to get help,
 * to stderr; returns 2, the usage exit status. */
int hc_cli_usage(const char *cmd, const char *fmt, const char *arg);

/* The build date (days since 1970-01-01) from --today, else SOURCE_DATE_EPOCH,
 * else HC_NO_DATE (the caller then uses the newest date in the content).
 * Returns -1 after printing an error if either is malformed. */
int hc_cli_today(const hc_opts *o, int *days);

/* The number of worker threads: -j, else the number of cores online (at
 * least 1). The one place that default is worked out. */
int hc_cli_jobs(const hc_opts *o);

#endif
