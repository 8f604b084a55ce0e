/* jpeg_err.h — libjpeg's errors as a return, not exit().
 *
 * libjpeg's default error handler prints and calls exit(): a damaged JPEG
 * would end the whole build from whatever thread met it. With
 * hc_jpeg_err_init, an error (and a warning: a truncated or damaged file,
 * which libjpeg would finish with grey) longjmps to e->jump with its text in
 * e->text; the caller setjmp(e->jump)s before the first libjpeg call that can
 * fail and, there, destroys the libjpeg object and returns an error. Locals
 * changed between setjmp and longjmp must be volatile. */
#ifndef HC_JPEG_ERR_H
#define HC_JPEG_ERR_H
#include <stdio.h>
#include <jpeglib.h>
#include <setjmp.h>

typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    char text[JMSG_LENGTH_MAX];
} hc_jpeg_err;

/* Fills e and returns the manager to put in a libjpeg object's err. */
struct jpeg_error_mgr *hc_jpeg_err_init(hc_jpeg_err *e);

#endif
