/* main.c — subcommand table → build / check / serve / new / preflight / version / help. */
#include "build.h"
#include "cli.h"
#include "new.h"
#include "preflight/preflight.h"
#include "render/html/contract.h"
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
    { "build", "sodbtjqTXFWEA", 0, hc_cmd_build,
      "huace build [-s SRC] [-o OUT] [--edition public|internal] [--drafts] [--base-url URL] [--today YYYY-MM-DD] [-j N] [--quiet] [--timings] [--pdfx]\n"
      "            [--force] [--no-wait] [--all]",
      "Builds the site in SRC (default .) into OUT (default SRC/public): the website, the\n"
      "maps and the album PDFs. --edition internal builds the 作战室 edition (everything,\n"
      "marked 内部资料, noindex) into SRC/internal by default; the public edition (the\n"
      "default) leaves out what site.yaml public: does not show. --pdfx makes the press PDFs\n"
      "PDF/X-4 files in CMYK. --all prints every finding (otherwise 5 of each rule and a\n"
      "count of the rest). On any error the previous OUT is left as it was.\n"
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
    { "check", "stfAR", 0, hc_cmd_check,
      "huace check [-s SRC] [--today YYYY-MM-DD] [--all] [--format text|json] | huace check --rules [--format text|json]",
      "Checks the site's content and data without writing anything. Errors come first; at\n"
      "most 5 findings of one rule are shown, then a count of the rest (--all shows every\n"
      "one); the last line counts the findings per rule. --format json prints every finding\n"
      "as a JSON array of objects with the keys rule, severity, file, line, col, message.\n"
      "--rules prints the table of rules instead (id, severity, whether it runs in a build,\n"
      "in check or both, the function that reports it, what it finds); with --format json\n"
      "as an array of objects with the keys rule, severity, at, function, what.\n"
      "Exit status 0 clean or warnings only, 1 errors, 2 usage." },
    { "serve", "sdtjqpBE", 0, hc_cmd_serve, "huace serve [-s SRC] [-p PORT] [--bind ADDR] [--edition public|internal] [--drafts] [--today YYYY-MM-DD] [-j N] [--quiet]",
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
    { "preflight", "f", 1, hc_cmd_preflight, "huace preflight FILE.pdf [--format text|json]",
      "Checks a PDF as a print shop's prepress would and reports: the PDF version and\n"
      "structure (object streams, cross-reference stream), the PDF/X keys (GTS_PDFXVersion\n"
      "in Info and XMP, the GTS_PDFX OutputIntent and its profile, /Trapped, /ID) and whether\n"
      "they fit the file; each page's MediaBox, TrimBox and BleedBox in mm and whether\n"
      "artwork that reaches a trim edge goes on into a 3 mm bleed; every font used\n"
      "(embedded, subset); every image's effective ppi at its placed size (under 200 is a\n"
      "problem, under 300 a warning); the colour spaces of fills, strokes, text, images and\n"
      "shadings (RGB is a problem); dark text not in black ink alone: a near-neutral CMYK\n"
      "colour with K >= 50 % or C+M+Y+K >= 200 % and C, M or Y over 2 %, or dark neutral RGB;\n"
      "and the highest total ink of vector colours and CMYK images (over 300 % is a problem).\n"
      "A file counts as meant for press when it claims PDF/X or has a TrimBox inside its\n"
      "MediaBox; the checks apply to every file, so a screen edition is rejected.\n"
      "\n"
      "--format json prints one object with the keys, in this order: file, pdf_version,\n"
      "pages, object_streams, xref_stream, pdfx {info, xmp, output_intent {identifier,\n"
      "profile, profile_components} or null, trapped, id}, press_intent, page_boxes [{page,\n"
      "media_mm, trim_mm, bleed_mm}] (boxes as [x0, y0, x1, y1] in mm, null when absent),\n"
      "fonts [{object, name, type, embedded, subset, first_page}], images [{page, object,\n"
      "name, pixels, placed_mm, ppi, colorspace, ink}], colorspaces [{name, fill, stroke,\n"
      "text, image, shading, pages, first_page}], text {runs, not_k}, lowest_ppi, ink\n"
      "{vector, image}, problems and warnings [{code, page, page_last, object, value,\n"
      "message}] (page 0: the whole document), accepted.\n"
      "Exit status 0 a press shop would accept the file, 1 it would not (each problem named\n"
      "with its page, object and value), 2 usage or a file that cannot be read as a PDF." },
    { "version", "", 0, cmd_version, "huace version", "Prints the version." },
    { "help", "", 2, cmd_help, "huace help [COMMAND | templates]",
      "Shows how to use huace or one command.\n"
      "'huace help templates' lists every value each layout of a theme receives, with a line\n"
      "of meaning each (the template contract); 'huace help templates keys' lists them as\n"
      "\"layout<TAB>key\" lines, for tools." },
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
    if (!strcmp(o->args[0], "templates")) {   /* the template contract: render/html/contract.h */
        if (o->nargs > 1 && strcmp(o->args[1], "keys")) {
            fprintf(stderr, "huace help templates: unexpected argument '%s' (only 'keys')\n", o->args[1]);
            return 2;
        }
        if (o->nargs > 1) hc_contract_print_keys(stdout);
        else hc_contract_print(stdout);
        return 0;
    }
    if (o->nargs > 1) {
        fprintf(stderr, "huace help: unexpected argument '%s'\n", o->args[1]);
        return 2;
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
