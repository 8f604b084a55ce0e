/* feeds.c — sitemap.xml, feed.xml (Atom), robots.txt and schedule.ics. Absolute URLs come
 * from base_url; dates from the content and the build date, never the clock. */
#include "pages.h"
#include "campaign.h"
#include "../../base/fs.h"
#include "../../base/utf8.h"
#include "../../model/permalink.h"
#include <errno.h>
#include <string.h>

/* base_url (checked at load: hc_url_base_ok) + the percent-encoded site path. */
static void plain_url(hc_buf *out, const char *base, const char *site_path)
{
    size_t n = strlen(base);
    hc_buf_puts(out, base);
    if (!n || base[n - 1] != '/') hc_buf_putc(out, '/');
    hc_escape_url_path(out, site_path, strlen(site_path));
}

/* The same, for XML. */
static void abs_url(hc_buf *out, const char *base, const char *site_path)
{
    hc_buf url = HC_BUF_INIT;
    plain_url(&url, base, site_path);
    hc_escape_xml(out, hc_buf_cstr(&url), url.len);
    hc_buf_free(&url);
}

static int write_file(const char *out_dir, const char *name, const hc_buf *b, hc_diags *d, size_t *files)
{
    hc_buf path = HC_BUF_INIT;
    hc_buf_printf(&path, "%s/%s", out_dir, name);
    int rc = hc_fs_write(hc_buf_cstr(&path), hc_buf_cstr(b), b->len);
    if (rc != 0) hc_error(d, "write", hc_buf_cstr(&path), 0, 0, "cannot write: %s", strerror(errno));
    else (*files)++;
    hc_buf_free(&path);
    return rc;
}

static void sitemap_url(hc_buf *b, const char *base, const char *path, int date)
{
    hc_buf_puts(b, "  <url><loc>");
    abs_url(b, base, path);
    hc_buf_puts(b, "</loc>");
    if (date != HC_NO_DATE) {
        char s[11];
        hc_date_format(date, s);
        hc_buf_printf(b, "<lastmod>%s</lastmod>", s);
    }
    hc_buf_puts(b, "</url>\n");
}

/* sitemap.xml: every page the build wrote (dirs[i]: the folder of jobs[i],
 * NULL for the 404 page), in job order, in the form of the pages' canonical
 * links (meta.c); the album's web version when there is one. Needs base_url:
 * without it there is no absolute URL to give, and no sitemap. */
static int sitemap(const hc_shared *sh, const hc_job *jobs, char *const *dirs, size_t njobs, const char *out_dir,
                   hc_diags *d, size_t *files)
{
    const hc_model *m = sh->m;
    const char *base = m->config.base_url;
    if (!base || m->internal) return 0;   /* the internal edition is for no search engine */
    hc_buf b = HC_BUF_INIT;
    hc_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (size_t i = 0; i < njobs; i++) {
        if (!dirs[i]) continue;
        sitemap_url(&b, base, dirs[i], jobs[i].kind == HC_JOB_CASE ? m->cases[jobs[i].a].date : HC_NO_DATE);
    }
    if (m->config.print_enabled) sitemap_url(&b, base, "print/album.html", HC_NO_DATE);
    hc_buf_puts(&b, "</urlset>\n");
    int rc = write_file(out_dir, "sitemap.xml", &b, d, files);
    hc_buf_free(&b);
    return rc;
}

void hc_feed_atom(const hc_shared *sh, hc_buf *b)
{
    const hc_model *m = sh->m;
    const char *base = m->config.base_url ? m->config.base_url : "http://localhost/";
    hc_buf p = HC_BUF_INIT;
    hc_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>");
    hc_escape_xml(b, m->config.title, strlen(m->config.title));
    hc_buf_puts(b, "</title>\n  <id>");
    abs_url(b, base, "");
    hc_buf_puts(b, "</id>\n  <link rel=\"self\" href=\"");
    abs_url(b, base, "feed.xml");
    hc_buf_puts(b, "\"/>\n  <link href=\"");
    abs_url(b, base, "");
    hc_buf_printf(b, "\"/>\n  <updated>%sT00:00:00Z</updated>\n", sh->build_date);
    if (m->config.author) {
        hc_buf_puts(b, "  <author><name>");
        hc_escape_xml(b, m->config.author, strlen(m->config.author));
        hc_buf_puts(b, "</name></author>\n");
    }
    for (size_t i = 0; i < m->ncases && i < HC_FEED_ENTRIES; i++) {
        const hc_doc *c = &m->cases[i];
        char date[11];
        hc_date_format(c->date != HC_NO_DATE ? c->date : m->today, date);
        hc_buf_reset(&p);
        hc_path_case(&p, c);
        hc_buf_puts(b, "  <entry>\n    <title>");
        hc_escape_xml(b, c->title, strlen(c->title));
        hc_buf_puts(b, "</title>\n    <id>");
        abs_url(b, base, hc_buf_cstr(&p));
        hc_buf_puts(b, "</id>\n    <link href=\"");
        abs_url(b, base, hc_buf_cstr(&p));
        hc_buf_printf(b, "\"/>\n    <updated>%sT00:00:00Z</updated>\n    <summary>", date);
        hc_escape_xml(b, c->summary ? c->summary : "", c->summary ? strlen(c->summary) : 0);
        hc_buf_puts(b, "</summary>\n  </entry>\n");
    }
    hc_buf_puts(b, "</feed>\n");
    hc_buf_free(&p);
}

int hc_feeds_write(const hc_shared *sh, const hc_job *jobs, char *const *dirs, size_t njobs, const char *out_dir,
                   hc_diags *d, size_t *files)
{
    const hc_model *m = sh->m;
    const char *base = m->config.base_url ? m->config.base_url : "http://localhost/";
    hc_buf b = HC_BUF_INIT;
    int rc = sitemap(sh, jobs, dirs, njobs, out_dir, d, files);

    hc_buf_reset(&b);
    hc_feed_atom(sh, &b);
    rc |= write_file(out_dir, "feed.xml", &b, d, files);

    hc_buf_reset(&b);
    hc_buf_puts(&b, m->internal ? "User-agent: *\nDisallow: /\n" : "User-agent: *\nAllow: /\n");
    if (m->config.base_url && !m->internal) {   /* no sitemap without it */
        hc_buf_puts(&b, "Sitemap: ");
        plain_url(&b, base, "sitemap.xml");   /* plain text: no XML entities */
        hc_buf_putc(&b, '\n');
    }
    rc |= write_file(out_dir, "robots.txt", &b, d, files);

    hc_buf_reset(&b);
    hc_campaign_ics(sh, &b);
    rc |= write_file(out_dir, "schedule/schedule.ics", &b, d, files);
    hc_buf_free(&b);
    return rc ? -1 : 0;
}
