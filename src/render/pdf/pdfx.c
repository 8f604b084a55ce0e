/* pdfx.c — the press edition as PDF/X-3 in CMYK, converted by Ghostscript.
 *
 * PDF/X-3 needs an output intent: the CMYK ICC profile of the press the job
 * is printed on. The print shop supplies it (site.yaml / opts->pdfx_icc);
 * without one, Ghostscript's own default_cmyk.icc is used, which is fine for
 * proofs but not what a print shop should be asked to print from. gs runs
 * as a child process (no shell), with a definitions file written to a
 * temporary folder; its output is made deterministic by pdf_press_fixup.
 */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static const char *const default_icc[] = {
    "/usr/share/color/icc/ghostscript/default_cmyk.icc",
    NULL,
};

int pdf_have_gs(void)
{
    const char *path = getenv("PATH");
    if (!path) path = "/usr/bin:/bin";
    int found = 0;
    hc_buf f = HC_BUF_INIT;
    while (*path && !found) {
        size_t n = strcspn(path, ":");
        hc_buf_reset(&f);
        hc_buf_put(&f, path, n);
        hc_buf_puts(&f, "/gs");
        found = access(hc_buf_cstr(&f), X_OK) == 0;
        path += n;
        if (*path == ':') path++;
    }
    hc_buf_free(&f);
    return found;
}

/* A PostScript string literal. */
static void ps_string(hc_buf *out, const char *s)
{
    hc_buf_putc(out, '(');
    for (; *s; s++) {
        if (*s == '(' || *s == ')' || *s == '\\') hc_buf_putc(out, '\\');
        hc_buf_putc(out, *s);
    }
    hc_buf_putc(out, ')');
}

/* A PDF text string as UTF-16BE hex, for a title in Chinese. */
static void ps_utf16(hc_buf *out, const char *s)
{
    hc_buf_puts(out, "<FEFF");
    for (const char *p = s; *p;) {
        gunichar c = g_utf8_get_char_validated(p, -1);
        if (c == (gunichar)-1 || c == (gunichar)-2) break;
        if (c >= 0x10000) {
            c -= 0x10000;
            hc_buf_printf(out, "%04X%04X", 0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF));
        } else {
            hc_buf_printf(out, "%04X", c);
        }
        p = g_utf8_next_char(p);
    }
    hc_buf_putc(out, '>');
}

int pdf_pdfx_convert(const char *in, const char *out, const hc_pdf_opts *o, const char *root, const char *title,
                    char **err)
{
    int rc = -1;
    hc_buf icc = HC_BUF_INIT, defs = HC_BUF_INIT, defs_path = HC_BUF_INIT, log = HC_BUF_INIT, msg = HC_BUF_INIT;
    hc_buf a_icc = HC_BUF_INIT, a_out = HC_BUF_INIT, a_prof = HC_BUF_INIT;
    char tmp[] = "/tmp/huace-pdfx-XXXXXX";
    int have_tmp = 0;
    if (o->pdfx_icc && *o->pdfx_icc) {
        if (o->pdfx_icc[0] == '/') hc_buf_puts(&icc, o->pdfx_icc);
        else hc_buf_printf(&icc, "%s/%s", root, o->pdfx_icc);
    } else {
        for (int i = 0; default_icc[i] && !icc.len; i++)
            if (hc_fs_exists(default_icc[i])) hc_buf_puts(&icc, default_icc[i]);
    }
    if (!icc.len || !hc_fs_exists(hc_buf_cstr(&icc))) {
        hc_buf_printf(&msg, "no CMYK output profile for PDF/X: %s not found (ask the print shop for its .icc profile)",
                      icc.len ? hc_buf_cstr(&icc) : "Ghostscript's default_cmyk.icc");
        goto out;
    }
    if (!mkdtemp(tmp)) {
        hc_buf_printf(&msg, "cannot create a temporary folder: %s", strerror(errno));
        goto out;
    }
    have_tmp = 1;
    hc_buf_puts(&defs, "%!PS\n% PDF/X-3 definitions written by huace\n[ /GTS_PDFXVersion (PDF/X-3:2002) /Title ");
    ps_utf16(&defs, title);
    hc_buf_puts(&defs, " /Trapped /False /DOCINFO pdfmark\n/ICCProfile ");
    ps_string(&defs, hc_buf_cstr(&icc));
    hc_buf_puts(&defs, " def\n[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark\n[{icc_PDFX} << /N 4 >> /PUT pdfmark\n"
                       "[{icc_PDFX} ICCProfile (r) file /PUT pdfmark\n"
                       "[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark\n[{OutputIntent_PDFX} <<\n"
                       "  /Type /OutputIntent /S /GTS_PDFX /RegistryName (http://www.color.org)\n"
                       "  /OutputCondition (Commercial printing) /Info (none)\n  /OutputConditionIdentifier ");
    ps_string(&defs, o->pdfx_condition && *o->pdfx_condition ? o->pdfx_condition : "Custom");
    hc_buf_puts(&defs, "\n  /DestOutputProfile {icc_PDFX}\n>> /PUT pdfmark\n"
                       "[{Catalog} <</OutputIntents [ {OutputIntent_PDFX} ]>> /PUT pdfmark\n");
    hc_buf_printf(&defs_path, "%s/pdfx.ps", tmp);
    hc_buf_printf(&log, "%s/gs.log", tmp);
    if (hc_fs_write(hc_buf_cstr(&defs_path), defs.data, defs.len) != 0) {
        hc_buf_printf(&msg, "cannot write %s: %s", hc_buf_cstr(&defs_path), strerror(errno));
        goto out;
    }
    hc_buf_printf(&a_icc, "--permit-file-read=%s", hc_buf_cstr(&icc));
    hc_buf_printf(&a_prof, "-sOutputICCProfile=%s", hc_buf_cstr(&icc));
    hc_buf_printf(&a_out, "-sOutputFile=%s", out);
    char *argv[] = {
        "gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", (char *)hc_buf_cstr(&a_icc), "-sDEVICE=pdfwrite", "-dPDFX",
        "-dCompatibilityLevel=1.4", "-sColorConversionStrategy=CMYK", "-sProcessColorModel=DeviceCMYK",
        (char *)hc_buf_cstr(&a_prof), "-dAutoRotatePages=/None", "-dEmbedAllFonts=true", "-dSubsetFonts=true",
        /* keep maps and photos as they are: lossless, not downsampled */
        "-dAutoFilterColorImages=false", "-dColorImageFilter=/FlateEncode", "-dAutoFilterGrayImages=false",
        "-dGrayImageFilter=/FlateEncode", "-dDownsampleColorImages=false", "-dDownsampleGrayImages=false",
        (char *)hc_buf_cstr(&a_out), (char *)hc_buf_cstr(&defs_path), (char *)in, NULL,
    };
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, hc_buf_cstr(&log), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    pid_t pid;
    int e = posix_spawnp(&pid, "gs", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (e != 0) {
        hc_buf_printf(&msg, "cannot run gs: %s (install the Debian package ghostscript)", strerror(e));
        goto out;
    }
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        hc_buf text = HC_BUF_INIT;
        hc_fs_read(hc_buf_cstr(&log), &text);
        if (text.len > 600) hc_buf_truncate(&text, 600);
        hc_buf_printf(&msg, "gs could not convert %s to PDF/X-3: %s", in, text.len ? hc_buf_cstr(&text) : "no message");
        hc_buf_free(&text);
        goto out;
    }
    rc = 0;
out:
    if (have_tmp) hc_fs_rmtree(tmp);
    if (rc != 0) *err = hc_buf_detach(&msg, NULL);
    hc_buf_free(&msg);
    hc_buf_free(&icc);
    hc_buf_free(&defs);
    hc_buf_free(&defs_path);
    hc_buf_free(&log);
    hc_buf_free(&a_icc);
    hc_buf_free(&a_out);
    hc_buf_free(&a_prof);
    return rc;
}
