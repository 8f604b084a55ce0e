/* main.c — subcommand table → build / check / serve / new / version / help. */
#include "build.h"
#include "cli.h"
#include "new.h"
#include "serve/serve.h"
#include <stdio.h>
#include <string.h>

#ifndef HC_VERSION
#define HC_VERSION "0.1.0"
#endif

typedef struct {
    const char *name;
    const char *allowed;      /* option letters, see cli.h */
    int max_args;             /* positional arguments it takes */
    int (*run)(const hc_opts *o);
    const char *usage;
    const char *help;
} command;

static int cmd_version(const hc_opts *o);
static int cmd_help(const hc_opts *o);

static const command commands[] = {
    { "build", "sodbtjqTXFW", 0, hc_cmd_build,
      "huace build [-s SRC] [-o OUT] [--drafts] [--base-url URL] [--today YYYY-MM-DD] [-j N] [--quiet] [--timings] [--pdfx]\n"
      "            [--force] [--no-wait]",
      "Builds the site in SRC (default .) into OUT (default SRC/public): the website, the\n"
      "maps and the album PDFs. --pdfx also converts the press PDFs to PDF/X-3 (CMYK) with\n"
      "Ghostscript. On any error the previous OUT is left as it was.\n"
      "\n"
      "OUT is huace's: it may not be SRC, hold SRC, or lie in what huace reads there\n"
      "(site.yaml, seeds/, content/, assets/, layouts/, themes/), and it must be a folder.\n"
      "A folder that is not empty and has no OUT.huace-cache beside it (the record huace\n"
      "keeps of what it wrote) is refused unless --force is given. Files in OUT that huace\n"
      "did not write are never deleted: they are moved into the new site, or to\n"
      "OUT.huace-kept/ (with a warning) where the new site has a file of its own.\n"
      "A symbolic link OUT is followed: the site is built beside its target and the link\n"
      "keeps pointing at it.\n"
      "\n"
      "A build holds a lock (OUT.huace-lock) from start to end; another build into the same\n"
      "OUT waits for it, or with --no-wait fails at once (exit status 1).\n"
      "Exit status 0 success, 1 input errors (or OUT is locked, with --no-wait), 2 usage." },
    { "check", "stf", 0, hc_cmd_check,
      "huace check [-s SRC] [--today YYYY-MM-DD] [--format text|json]",
      "Checks the site's content and data without writing anything. Exit status 0 clean or\n"
      "warnings only, 1 errors, 2 usage." },
    { "serve", "sdtjqpB", 0, hc_cmd_serve, "huace serve [-s SRC] [-p PORT] [--bind ADDR] [--drafts] [--today YYYY-MM-DD] [-j N] [--quiet]",
      "Builds the site in SRC (default .) into a temporary folder and serves it at\n"
      "http://127.0.0.1:8080/ (-p PORT, 0 for any free port; --bind ADDR to listen elsewhere),\n"
      "building again whenever a file of the site changes. A failed build prints its errors\n"
      "and the last good build stays served. Ctrl-C stops it and removes the folder.\n"
      "Exit status 0 when stopped, 1 when it cannot listen or SRC is no site, 2 usage." },
    { "new", "stqD", 2, hc_cmd_new, "huace new case SLUG | project ID --domain DOMAIN [-s SRC] [--today YYYY-MM-DD]",
      "Writes a new file to fill in: content/cases/SLUG.md, a case study dated --today (or\n"
      "SOURCE_DATE_EPOCH, or today) that stays a draft until you set draft: false; or\n"
      "content/projects/<id>.yaml for project ID in DOMAIN (a domains key of the seeds).\n"
      "Comments in the file list the townships, levels and statuses the site allows.\n"
      "An existing file is never overwritten.\n"
      "Exit status 0 written; 1 no site, the file or project id exists, or an unknown domain;\n"
      "2 usage." },
    { "version", "", 0, cmd_version, "huace version", "Prints the version." },
    { "help", "", 1, cmd_help, "huace help [COMMAND]", "Shows how to use huace or one command." },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static int cmd_version(const hc_opts *o)
{
    (void)o;
    printf("huace %s\n", HC_VERSION);
    return 0;
}

static void overview(FILE *out)
{
    fputs("huace — builds the party-building showcase site, album and maps.\n\nUsage:\n", out);
    for (size_t i = 0; i < NCOMMANDS; i++) fprintf(out, "  %s\n", commands[i].usage);
    fputs("\nRun 'huace help COMMAND' for one command.\n", out);
}

static int cmd_help(const hc_opts *o)
{
    if (o->nargs == 0) {
        overview(stdout);
        return 0;
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!strcmp(o->args[0], commands[i].name)) {
            printf("Usage: %s\n\n%s\n", commands[i].usage, commands[i].help);
            return 0;
        }
    fprintf(stderr, "huace help: no command '%s'\n", o->args[0]);
    return 2;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        overview(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) argv[1] = "version";
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) argv[1] = "help";
    for (size_t i = 0; i < NCOMMANDS; i++) {
        if (strcmp(argv[1], commands[i].name)) continue;
        hc_opts o;
        int rc = hc_cli_parse(commands[i].name, commands[i].allowed, argc - 2, argv + 2, &o);
        if (rc) return rc;
        if (o.nargs > commands[i].max_args) {
            fprintf(stderr, "huace %s: unexpected argument '%s'\n(see 'huace help %s')\n", commands[i].name,
                    o.args[o.nargs - 1], commands[i].name);
            return 2;
        }
        return commands[i].run(&o);
    }
    fprintf(stderr, "huace: unknown command '%s'\n\n", argv[1]);
    overview(stderr);
    return 2;
}
