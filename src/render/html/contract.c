/* contract.c — the template contract (contract.h): the table of every value
 * a layout receives, printing it, and checking a template against it
 * (contract_dump.c lists the keys a page's values really have).
 *
 * When the renderer sets a new value (pages.c, context.c, campaign.c,
 * photos.c, meta.c, render/pdf/html.c for the album), add its row here: tests/e2e/contract.sh compares the
 * table with the keys of every page of the example site. */
#include "contract.h"
#include "../../base/alloc.h"
#include <stdlib.h>
#include <string.h>

#define E HC_CONTRACT_EVERY
static const hc_contract_row rows[] = {
    /* ---- every page: base() in pages.c, hc_shared_build in context.c, meta.c ---- */
    { E, "root", NULL, "\"../\" × depth: the page's way back to the site root; put it before every url" },
    { E, "page_title", NULL, "the page's title (absent on the home page)" },
    { E, "description", NULL, "the page's summary for <meta name=description>, else site.description, else \"\"" },
    { E, "nav[]", "menu-item", "the menu, the item of this page's section marked current" },
    { E, "canonical", NULL, "the page's absolute URL (absent without base_url, and on the 404 page)" },
    { E, "noindex", NULL, "true on the 404 page: keep it out of search engines (absent elsewhere)" },
    { E, "og.title", NULL, "Open Graph title: page_title, else site.title" },
    { E, "og.type", NULL, "\"article\" for a case study, else \"website\"" },
    { E, "og.locale", NULL, "site.lang with '_' (zh_CN)" },
    { E, "og.image", NULL, "absolute URL of the share image (absent without base_url)" },
    { E, "site", "site", "the site's values (hc_shared_build in context.c)" },

    /* ---- layouts ---- */
    { "home", "domains[]", "link", "each domain of the standards, linking to its page" },
    { "home", "domains[].full", NULL, "the domain's full name" },
    { "home", "domains[].count", NULL, "units in the domain" },
    { "home", "domains[].planned", NULL, "units the plan calls for" },
    { "home", "domains[].percent", NULL, "count / planned in whole percent, at most 100" },
    { "home", "status_tally[]", "status", "each status with its count of units" },
    { "home", "status_tally[].count", NULL, "units with that status" },
    { "home", "status_tally[].url", NULL, "the status's page" },
    { "home", "project_count", NULL, "number of units" },
    { "home", "case_count", NULL, "number of case studies" },
    { "home", "township_count", NULL, "townships with at least one unit" },
    { "home", "latest_cases[]", "card-case", "the newest six case studies" },
    { "home", "banner", "image", "site.yaml banner (absent when not given)" },
    { "home", "assessment", NULL, "考评 by domain × grade (absent in the edition without grades)" },
    { "home", "assessment.grades[]", "link", "the grades, as column heads" },
    { "home", "assessment.rows[]", "link", "one row per domain" },
    { "home", "assessment.rows[].cells[].count", NULL, "units of the domain with the column's grade" },
    { "home", "assessment.rows[].ungraded", NULL, "units of the domain not graded yet" },
    { "home", "assessment.totals[].count", NULL, "units with the column's grade" },
    { "home", "assessment.ungraded", NULL, "units not graded yet" },

    { "project", "p", "card-project", "the unit" },
    { "project", "tags[]", "link", "its tags" },
    { "project", "funding", NULL, "money put in, in 万元 (absent when not given)" },
    { "project", "assessed", NULL, "the date its grade was given, prose (absent when none)" },
    { "project", "milestones[]", "milestone", "its milestones in date order" },
    { "project", "milestones[].date_zh", NULL, "the date in prose" },
    { "project", "nodes[]", NULL, "its 示范节点, in file order" },
    { "project", "nodes[].n", NULL, "1-based number (as on the route map)" },
    { "project", "nodes[].id", NULL, "the node's id (an anchor)" },
    { "project", "nodes[].name", NULL, "the node's name" },
    { "project", "nodes[].kind", NULL, "its kind (absent when not given)" },
    { "project", "nodes[].lon", NULL, "longitude, 4 decimals" },
    { "project", "nodes[].lat", NULL, "latitude, 4 decimals" },
    { "project", "nodes[].status", "status", "its progress" },
    { "project", "nodes[].amap", NULL, "高德 map link to it" },
    { "project", "nodes[].baidu", NULL, "百度 map link to it" },
    { "project", "nav_start", "link", "walking directions to the route's first node (absent without nodes)" },
    { "project", "route[]", NULL, "the route's stops in order" },
    { "project", "route[].name", NULL, "the stop's node name" },
    { "project", "route[].n", NULL, "the stop's node number" },
    { "project", "route_map", "map-image", "the unit's route map (absent without maps or nodes)" },
    { "project", "route_map.phone", "phone-map", "its phone version (absent when none is drawn)" },
    { "project", "standard[]", "standard-mark", "the 十个一, each marked for this unit" },
    { "project", "standard[].key", NULL, "the item's key" },
    { "project", "standard_met", NULL, "items met" },
    { "project", "standard_total", NULL, "items in the standard" },
    { "project", "baseline", NULL, "the 双40条 check (absent when not given)" },
    { "project", "baseline.passed", NULL, "rules passed" },
    { "project", "baseline.total", NULL, "rules checked" },
    { "project", "baseline.met", NULL, "true when passed reaches the threshold" },
    { "project", "applying", NULL, "true when the unit applies to be a 示范" },
    { "project", "supervision[]", "supervision-item", "its 督战 matters (internal edition; empty in the public one)" },
    { "project", "observation", NULL, "its 观摩会 (absent when none)" },
    { "project", "observation.number", NULL, "the 观摩 number (absent when none)" },
    { "project", "observation.date", NULL, "the date in prose" },
    { "project", "observation.place", NULL, "where (absent when not given)" },
    { "project", "lead", "image", "the first photo, big, not lazy (absent without photos)" },
    { "project", "photos[]", "image", "every photo, lazy, for the gallery" },
    { "project", "photos[].n", NULL, "1-based number" },
    { "project", "cases[]", "card-case", "the case studies about this unit" },

    { "case", "c", "card-case", "the case study" },
    { "case", "body", NULL, "its body as HTML: use {{{body}}}" },
    { "case", "minutes", NULL, "reading time in minutes" },
    { "case", "projects[]", "card-project", "the units it is about" },

    { "page", "body", NULL, "the page's body as HTML: use {{{body}}}" },

    { "list", "projects[]", "card-project", "this page's units (all units, or a term's)" },
    { "list", "cases[]", "card-case", "this page's case studies (all, or a term's)" },
    { "list", "term", NULL, "the heading: 全部示范项目, 全部案例 or the term's name" },
    { "list", "project_count", NULL, "units in the whole listing (absent on cases/)" },
    { "list", "case_count", NULL, "case studies in the whole listing (absent on projects/)" },
    { "list", "pager", "pager", "the pages of the listing" },
    { "list", "taxonomy", "link", "a term's taxonomy (absent on projects/ and cases/)" },
    { "list", "intro", NULL, "a line about a domain or status term (absent otherwise)" },
    { "list", "guide", NULL, "a township's guide map, a site path (absent otherwise, or without maps)" },
    { "list", "guide_map", NULL, "its size (absent when not drawn)" },
    { "list", "guide_map.width", NULL, "width in px" },
    { "list", "guide_map.height", NULL, "height in px" },
    { "list", "guide_map.phone", "phone-map", "its phone version (absent when none is drawn)" },

    { "taxonomy", "terms[]", "link", "every term of the taxonomy, linking to its page" },
    { "taxonomy", "terms[].projects", NULL, "units with the term" },
    { "taxonomy", "terms[].cases", NULL, "case studies with the term" },
    { "taxonomy", "terms[].status", "status", "the status, on the status taxonomy only" },

    { "standards", "items[]", NULL, "the 十个一" },
    { "standards", "items[].n", NULL, "1-based number" },
    { "standards", "items[].name", NULL, "the item's name" },
    { "standards", "items[].key", NULL, "the item's key" },
    { "standards", "items[].met", NULL, "units meeting it" },
    { "standards", "rows[]", NULL, "one row per unit" },
    { "standards", "rows[].p", "card-unit", "the unit" },
    { "standards", "rows[].domain_key", NULL, "its domain's key (absent without a domain)" },
    { "standards", "rows[].cells[]", "standard-mark", "one mark per item" },
    { "standards", "rows[].cells[].n", NULL, "the item's number" },
    { "standards", "rows[].met", NULL, "items the unit meets" },
    { "standards", "baseline_total", NULL, "rules of the 双40条" },
    { "standards", "baseline_threshold", NULL, "rules a unit must pass" },
    { "standards", "grades[]", "link", "the 考评 grades (empty without grades)" },
    { "standards", "domains[].key", NULL, "each domain's key" },
    { "standards", "domains[].name", NULL, "each domain's name" },

    { "map", "width", NULL, "map/overview.png's width in px" },
    { "map", "height", NULL, "its height" },
    { "map", "width2x", NULL, "the @2x width" },
    { "map", "height2x", NULL, "the @2x height" },
    { "map", "markers[]", NULL, "a link over each unit's marker, placed in percent of the image" },
    { "map", "markers[].p", "card-unit", "the unit" },
    { "map", "markers[].left", NULL, "% from the left" },
    { "map", "markers[].top", NULL, "% from the top" },
    { "map", "markers[].size", NULL, "% of the width" },
    { "map", "phone_markers[]", NULL, "the same over the phone overview" },
    { "map", "phone_markers[].p", "card-unit", "the unit" },
    { "map", "phone_markers[].cx", NULL, "centre, % from the left" },
    { "map", "phone_markers[].cy", NULL, "centre, % from the top" },
    { "map", "phone_markers[].size", NULL, "% of the width" },
    { "map", "phone_markers[].label", NULL, "its label's box (absent when unlabelled)" },
    { "map", "phone_markers[].label.left", NULL, "% from the left" },
    { "map", "phone_markers[].label.top", NULL, "% from the top" },
    { "map", "phone_markers[].label.width", NULL, "% of the width" },
    { "map", "phone_markers[].label.height", NULL, "% of the height" },
    { "map", "overview.phone", "phone-map", "the phone overview (absent when not drawn)" },
    { "map", "units[]", "card-unit", "every unit (the list under the map)" },

    { "board", "domains[]", "link", "the domains, as column heads" },
    { "board", "rows[]", "link", "one row per township with units" },
    { "board", "rows[].cells[]", NULL, "one cell per domain" },
    { "board", "rows[].cells[].domain", NULL, "the column's domain name" },
    { "board", "rows[].cells[].units[]", "card-unit", "the township's units in that domain" },
    { "board", "rows[].counts[]", "status", "each status with the township's count" },
    { "board", "rows[].counts[].count", NULL, "units with that status" },
    { "board", "totals[]", "status", "each status with the count over all units" },
    { "board", "totals[].count", NULL, "units with that status" },
    { "board", "maps", NULL, "true when maps are built" },

    { "schedule", "units[]", NULL, "each unit's milestones" },
    { "schedule", "units[].p", "card-unit", "the unit" },
    { "schedule", "units[].milestones[]", "milestone", "its milestones" },
    { "schedule", "units[].milestones[].date_table", NULL, "the date for a table (date_format.table)" },
    { "schedule", "units[].done", NULL, "milestones done" },
    { "schedule", "units[].total", NULL, "milestones" },
    { "schedule", "units[].number", NULL, "its 观摩 number (absent when none)" },
    { "schedule", "upcoming[]", "observation", "观摩会 from today on, soonest first" },
    { "schedule", "upcoming[].days_left", NULL, "days until it" },
    { "schedule", "past[]", "observation", "观摩会 before today" },

    { "supervision", "groups[]", NULL, "open matters grouped by owner, owners with overdue ones first" },
    { "supervision", "groups[].owner", NULL, "the owner (（未指定责任单位） when none)" },
    { "supervision", "groups[].late", NULL, "true when the group's first matter is overdue" },
    { "supervision", "groups[].items[]", "supervision-entry", "its open matters" },
    { "supervision", "done_items[]", "supervision-entry", "matters done" },
    { "supervision", "open_count", NULL, "matters open" },
    { "supervision", "overdue_count", NULL, "matters overdue" },
    { "supervision", "done_count", NULL, "matters done" },

    { "album", "root", NULL, "\"../\": print/album.html is one folder down; put it before a site path" },
    { "album", "site", "site", "the site's values, as every page has them" },
    { "album", "year", NULL, "the data's year, for the cover" },
    { "album", "base_url", NULL, "site.yaml base_url (\"\" when not given)" },
    { "album", "paper.width", NULL, "the trim's width, \"210.0mm\" (print: in site.yaml)" },
    { "album", "paper.height", NULL, "the trim's height" },
    { "album", "paper.top", NULL, "the top margin" },
    { "album", "paper.outer", NULL, "the outer margin (mirrored on facing pages)" },
    { "album", "paper.bottom", NULL, "the bottom margin" },
    { "album", "paper.inner", NULL, "the inner margin (the gutter)" },
    { "album", "paper.bare_height", NULL, "the trim's height less 0.5 mm: the cover never spills onto a second page" },
    { "album", "colors.accent", NULL, "the album's accent colour, #rrggbb" },
    { "album", "colors.gold", NULL, "its gold" },
    { "album", "colors.ink", NULL, "its text colour" },
    { "album", "colors.muted", NULL, "its colour for secondary text" },
    { "album", "items[]", NULL, "the 十个一, in order" },
    { "album", "items[].name", NULL, "the item's name" },
    { "album", "statuses[]", "album-status", "every progress status, in order (the colour legend)" },
    { "album", "chapters[]", NULL, "one chapter per domain of the standards" },
    { "album", "chapters[].key", NULL, "the domain's key" },
    { "album", "chapters[].name", NULL, "its name" },
    { "album", "chapters[].full", NULL, "its full name" },
    { "album", "chapters[].planned", NULL, "units the plan calls for" },
    { "album", "chapters[].count", NULL, "units in the domain" },
    { "album", "chapters[].units[]", "album-unit", "the domain's units, one spread each" },
    { "album", "cases[]", "album-case", "the case studies the album carries (album: cases in site.yaml)" },

    { "404", "inline_css", NULL, "site.css itself, to inline: the page is served at any depth" },
    /* the search page has only the values every page has */
    { "search", "", NULL, "" },

    /* ---- body images: partials rendered by the C code for ![alt](path "title") ---- */
    { "partials/figure", "", "image", "a Markdown image alone in its paragraph (caption: its title)" },
    { "partials/figure", "root", NULL, "the page's root (as every page's root)" },
    { "partials/picture", "", "image", "a Markdown image inside text" },
    { "partials/picture", "root", NULL, "the page's root" },

    /* ---- shapes ---- */
    { "site", "title", NULL, "site.yaml title" },
    { "site", "lang", NULL, "site.yaml language (zh-CN), for <html lang>" },
    { "site", "district", NULL, "site.yaml district (absent when not given)" },
    { "site", "description", NULL, "site.yaml description (absent when not given)" },
    { "site", "logo", "image", "site.yaml logo (absent when not given)" },
    { "site", "author", NULL, "site.yaml author: who runs the site (absent when not given)" },
    { "site", "theme_color", NULL, "#rrggbb of the share images and favicon, for <meta name=theme-color>" },
    { "site", "css", NULL, "site path of the theme's CSS, with its content hash" },
    { "site", "js", NULL, "site path of the theme's script, with its content hash" },
    { "site", "search_js", NULL, "site path of the search page's script (absent without one)" },
    { "site", "nav[]", "menu-item", "the menu with no item current (themes from before per-page menus)" },
    { "site", "build_date", NULL, "the data's date in prose (数据截至 …; date_format.prose)" },
    { "site", "build_date_iso", NULL, "the same as YYYY-MM-DD" },
    { "site", "year", NULL, "the data's year (for a copyright line)" },
    { "site", "internal", NULL, "true in the internal edition (内部资料, noindex)" },
    { "site", "overdue", NULL, "true when overdue marks are shown (internal edition, or public.overdue)" },
    { "site", "supervision", NULL, "true when the site has a 督战 page" },
    { "site", "words.done", NULL, "the standards' word for done (已完成)" },
    { "site", "words.open", NULL, "the standards' word for not yet done" },
    { "site", "words.late", NULL, "the standards' word for overdue" },
    { "site", "words.due_today", NULL, "the standards' word for due today" },
    { "site", "words.deadline", NULL, "the standards' word for a deadline (时限)" },
    { "site", "print", NULL, "true when the album is built (print: in site.yaml)" },
    { "site", "pdf_size", NULL, "\"PDF，4.2 MB\": print/album.pdf's size" },
    { "site", "press_size", NULL, "the same for print/album-press.pdf" },
    { "site", "maps", NULL, "true when maps are built (maps: in site.yaml)" },
    { "site", "search", NULL, "true when the theme has a search page" },
    { "site", "statuses[]", "status", "every progress status of the standards, in order (the colour legend)" },
    { "site", "beian", NULL, "the filing numbers (absent when none is given)" },
    { "site", "beian.icp", NULL, "ICP 备案号" },
    { "site", "beian.police", NULL, "公安备案号" },
    { "site", "beian.police_url", NULL, "the police record's look-up URL" },
    { "site", "beian.site_code", NULL, "网站标识码" },
    { "site", "contact", NULL, "the contact block (absent when none is given)" },
    { "site", "contact.address", NULL, "postal address" },
    { "site", "contact.phone", NULL, "phone as written" },
    { "site", "contact.tel", NULL, "the phone's digits and + for a tel: link" },
    { "site", "contact.email", NULL, "e-mail address" },
    { "album-status", "name", NULL, "the status's name" },
    { "album-status", "meaning", NULL, "a line saying what it means" },
    { "album-status", "color", NULL, "#rrggbb as the album prints it" },
    { "album-unit", "id", NULL, "its 挂号 (an anchor: #unit-<id>)" },
    { "album-unit", "name", NULL, "its name" },
    { "album-unit", "domain", NULL, "its domain's full name (\"\" when none)" },
    { "album-unit", "level", NULL, "its level (\"\" when none)" },
    { "album-unit", "brand", NULL, "主题品牌 (\"\" when not given)" },
    { "album-unit", "summary", NULL, "its summary (\"\" when not given)" },
    { "album-unit", "route", NULL, "its route (false without nodes)" },
    { "album-unit", "route.src", NULL, "the route map's PNG, a link from print/" },
    { "album-unit", "route.nodes[]", NULL, "the route's stops in order" },
    { "album-unit", "route.nodes[].name", NULL, "the stop's node name" },
    { "album-unit", "route.nodes[].first", NULL, "true for the first stop (no arrow before it)" },
    { "album-unit", "lead_name", NULL, "挂帅领战: who leads it (\"\" when not given)" },
    { "album-unit", "lead_title", NULL, "their title (\"\" when not given)" },
    { "album-unit", "grade", NULL, "its 考评 grade, 尚未考评 when none (\"\" without grades)" },
    { "album-unit", "baseline", NULL, "the 双40条 check (false when not given)" },
    { "album-unit", "baseline.passed", NULL, "rules passed" },
    { "album-unit", "baseline.total", NULL, "rules checked" },
    { "album-unit", "funding", NULL, "money put in, in 万元 (\"\" when not given)" },
    { "album-unit", "status", "album-status", "its progress (false when not given)" },
    { "album-unit", "checks_done", NULL, "items of the 十个一 met" },
    { "album-unit", "checks_total", NULL, "items in the 十个一" },
    { "album-unit", "checks[]", NULL, "the 十个一, each marked for this unit" },
    { "album-unit", "checks[].name", NULL, "the item's name" },
    { "album-unit", "checks[].yes", NULL, "true when met" },
    { "album-unit", "checks[].note", NULL, "（待补齐） when not met, （未填报） when not reported, else \"\"" },
    { "album-unit", "cases[]", NULL, "the case studies about it" },
    { "album-unit", "cases[].url", NULL, "#case-<slug> when the album carries it, else its page on the site" },
    { "album-unit", "cases[].title", NULL, "its title" },
    { "album-unit", "url", NULL, "its page on the site, a link from print/" },
    { "album-unit", "web", NULL, "the same as an absolute URL (base_url), as printed" },
    { "album-unit", "qr", NULL, "a QR code of web: base64 of an SVG, for a data: URL (\"\" when none)" },
    { "album-case", "slug", NULL, "its slug (an anchor: #case-<slug>)" },
    { "album-case", "date", NULL, "YYYY-MM-DD (\"\" when none)" },
    { "album-case", "township", NULL, "its township (\"\" when none)" },
    { "album-case", "url", NULL, "its page on the site, a link from print/" },
    { "album-case", "title", NULL, "its title" },
    { "album-case", "units[]", NULL, "the units it is about" },
    { "album-case", "units[].id", NULL, "the unit's 挂号 (its spread: #unit-<id>)" },
    { "album-case", "units[].name", NULL, "the unit's name" },
    { "album-case", "units[].sep", NULL, "true for all but the first (put a separator before it)" },
    { "album-case", "body", NULL, "its body as HTML, links and images pointing from print/: use {{{body}}}" },
    { "link", "name", NULL, "the name" },
    { "link", "url", NULL, "its page's href from the root" },
    { "menu-item", "", "link", "a menu item" },
    { "menu-item", "key", NULL, "its number in the menu" },
    { "menu-item", "current", NULL, "true for this page's section" },
    { "status", "key", NULL, "the status key (a CSS class), \"none\" when not given" },
    { "status", "name", NULL, "its name (已完成)" },
    { "status", "meaning", NULL, "a line saying what it means" },
    { "status", "color", NULL, "#rrggbb from the standards" },
    { "status", "fg", NULL, "#000000 or #ffffff, whichever reads on color" },
    { "image", "alt", NULL, "alt text" },
    { "image", "caption", NULL, "caption (absent when none)" },
    { "image", "lazy", NULL, "true when it may load late (loading=lazy); false for the first image a reader sees" },
    { "image", "sizes", NULL, "the sizes attribute for its place in the default layout" },
    { "image", "svg", NULL, "true for an SVG: then w, h, webp, jpeg, full_w, full_h, color and preview are absent" },
    { "image", "src", NULL, "the fallback JPEG (≤ 960 px wide), or the SVG" },
    { "image", "w", NULL, "its widest size's width" },
    { "image", "h", NULL, "its widest size's height" },
    { "image", "webp[]", "image-size", "each WebP size, narrowest first (srcset)" },
    { "image", "jpeg[]", "image-size", "each JPEG size, narrowest first (srcset)" },
    { "image", "full", NULL, "the widest WebP (the full-screen viewer)" },
    { "image", "full_w", NULL, "its width" },
    { "image", "full_h", NULL, "its height" },
    { "image", "color", NULL, "its dominant colour (the background until it loads)" },
    { "image", "preview", NULL, "a tiny blurred preview as a data: URL" },
    { "image-size", "url", NULL, "the file's href from the root" },
    { "image-size", "w", NULL, "its width in px" },
    { "image-size", "last", NULL, "true for the last (no comma after it)" },
    { "card-unit", "url", NULL, "the unit's page" },
    { "card-unit", "id", NULL, "its 挂号 (QJ-B-01)" },
    { "card-unit", "name", NULL, "its name" },
    { "card-unit", "short_name", NULL, "its short name" },
    { "card-unit", "status", "status", "its progress" },
    { "card-project", "", "card-unit", "a unit's card: everything of card-unit, and" },
    { "card-project", "brand", NULL, "主题品牌 (absent when not given)" },
    { "card-project", "summary", NULL, "its summary (absent when not given)" },
    { "card-project", "thumb", "image", "its first photo (absent without photos)" },
    { "card-project", "domain", "link", "its domain (absent when not given)" },
    { "card-project", "level", "link", "its level (absent when not given)" },
    { "card-project", "grade", "link", "its 考评 grade (absent when none, or without grades)" },
    { "card-project", "townships[]", "link", "its townships" },
    { "card-project", "lead_name", NULL, "挂帅领战: who leads it (absent when not given)" },
    { "card-project", "lead_title", NULL, "their title (absent when not given)" },
    { "card-case", "url", NULL, "the case study's page" },
    { "card-case", "title", NULL, "its title" },
    { "card-case", "summary", NULL, "its summary (\"\" when none)" },
    { "card-case", "date", NULL, "YYYY-MM-DD (\"\" when none)" },
    { "card-case", "date_zh", NULL, "the date in prose" },
    { "card-case", "township", "link", "its township (absent when none)" },
    { "card-case", "words", NULL, "its length in words" },
    { "card-case", "tags[]", "link", "its tags" },
    { "card-case", "thumb", "image", "its first image, else its first unit's photo (absent when none)" },
    { "milestone", "date", NULL, "YYYY-MM-DD" },
    { "milestone", "title", NULL, "what is due" },
    { "milestone", "done", NULL, "true when done" },
    { "milestone", "late", NULL, "true when past its date and not done" },
    { "milestone", "state", NULL, "site.words for its state (已完成, 逾期, …)" },
    { "supervision-item", "matter", NULL, "the matter" },
    { "supervision-item", "owner", NULL, "who owns it" },
    { "supervision-item", "deadline", NULL, "YYYY-MM-DD (\"\" when none)" },
    { "supervision-item", "deadline_zh", NULL, "the deadline in prose" },
    { "supervision-item", "done", NULL, "true when done" },
    { "supervision-item", "overdue", NULL, "true when past its deadline and not done" },
    { "supervision-item", "state", NULL, "site.words for its state" },
    { "supervision-entry", "", "supervision-item", "a matter: everything of supervision-item, and" },
    { "supervision-entry", "p", "card-unit", "its unit" },
    { "supervision-entry", "days_over", NULL, "days past the deadline (absent unless overdue)" },
    { "supervision-entry", "days_left", NULL, "days to the deadline (absent when done, overdue or undated)" },
    { "supervision-entry", "due_today", NULL, "true when not done and the deadline is today" },
    { "observation", "p", "card-unit", "the unit" },
    { "observation", "number", NULL, "the 观摩 number (absent when none)" },
    { "observation", "date", NULL, "YYYY-MM-DD" },
    { "observation", "date_zh", NULL, "the date in prose" },
    { "observation", "place", NULL, "where (absent when not given)" },
    { "map-image", "png", NULL, "the PNG's site path (put {{root}} before it)" },
    { "map-image", "png2x", NULL, "the @2x PNG's site path" },
    { "map-image", "webp", NULL, "the WebP's site path" },
    { "map-image", "width", NULL, "width in px" },
    { "map-image", "height", NULL, "height in px" },
    { "map-image", "width2x", NULL, "the @2x width" },
    { "map-image", "height2x", NULL, "the @2x height" },
    { "phone-map", "", "map-image", "a map drawn for phones: everything of map-image, and" },
    { "phone-map", "webp2x", NULL, "the @2x WebP's site path" },
    { "pager", "show", NULL, "true when there is more than one page (else the pager is empty)" },
    { "pager", "current", NULL, "this page's number" },
    { "pager", "total", NULL, "pages in all" },
    { "pager", "prev", "pager-entry", "the page before (absent on the first)" },
    { "pager", "next", "pager-entry", "the page after (absent on the last)" },
    { "pager", "pages[]", "pager-entry", "first, last and the pages near this one" },
    { "pager", "pages[].gap", NULL, "true for a gap (…) between them; then nothing else is set" },
    { "pager-entry", "n", NULL, "the page's number" },
    { "pager-entry", "url", NULL, "its href from the root" },
    { "pager-entry", "current", NULL, "true for this page (absent otherwise)" },
    { "standard-mark", "name", NULL, "the item's name" },
    { "standard-mark", "yes", NULL, "true when met" },
    { "standard-mark", "no", NULL, "true when not met" },
    { "standard-mark", "unknown", NULL, "true when not reported" },
};
#undef E
#define NROWS (sizeof rows / sizeof rows[0])

/* Layouts rendered with only their own values, not every page's: the body
 * images' partials (photos.c), and the album's web version (render/pdf/html.c
 * through hc_theme_render: its values, site and root; no menu, no og). */
static const char *const standalone[] = { "partials/figure", "partials/picture", "album" };

static int is_standalone(const char *scope)
{
    for (size_t i = 0; i < sizeof standalone / sizeof standalone[0]; i++)
        if (!strcmp(standalone[i], scope)) return 1;
    return 0;
}

const hc_contract_row *hc_contract_rows(size_t *n)
{
    *n = NROWS;
    return rows;
}

static int is_shape(const char *scope)
{
    for (size_t i = 0; i < NROWS; i++)
        if (rows[i].shape && !strcmp(rows[i].shape, scope)) return 1;
    return 0;
}

int hc_contract_is_layout(const char *scope)
{
    return strcmp(scope, HC_CONTRACT_EVERY) != 0 && !is_shape(scope);
}

/* ---- the keys of a layout, shapes expanded ---- */

typedef struct {
    char **v;
    size_t n, cap;
} keyset;

static void keyset_add(keyset *s, const char *k, size_t len)
{
    s->v = hc_xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
    s->v[s->n++] = hc_xstrndup(k, len);
}

/* key and every key above it: "a[].b" → "a", "a[]", "a[].b"; when there is
 * a tag, key followed by it and the keys above by "-" (no row of their own) */
static void keyset_add_all(keyset *s, const char *k, const char *tag)
{
    hc_buf b = HC_BUF_INIT;
    for (const char *p = k;; p++) {
        int end = !*p;
        if (p > k && (end || *p == '.' || (p[0] == '[' && p[1] == ']'))) {
            hc_buf_reset(&b);
            hc_buf_put(&b, k, (size_t)(p - k));
            if (tag) hc_buf_printf(&b, "\t%s", end ? tag : "-");
            keyset_add(s, hc_buf_cstr(&b), b.len);
        }
        if (end) break;
    }
    hc_buf_free(&b);
}

/* The keys of scope's rows below prefix, shapes expanded; tagged: each with
 * "<TAB>scope:key" of the row it comes from. */
static void expand(keyset *s, const char *scope, const char *prefix, int depth, int tagged)
{
    if (depth > 16) return;   /* shapes do not nest that deep; a cycle would */
    hc_buf k = HC_BUF_INIT, tag = HC_BUF_INIT;
    for (size_t i = 0; i < NROWS; i++) {
        if (strcmp(rows[i].scope, scope)) continue;
        hc_buf_reset(&k);
        hc_buf_puts(&k, prefix);
        if (*prefix && *rows[i].key) hc_buf_putc(&k, '.');
        hc_buf_puts(&k, rows[i].key);
        hc_buf_reset(&tag);
        hc_buf_printf(&tag, "%s:%s", rows[i].scope, rows[i].key);
        keyset_add_all(s, hc_buf_cstr(&k), tagged ? hc_buf_cstr(&tag) : NULL);
        if (rows[i].shape) expand(s, rows[i].shape, hc_buf_cstr(&k), depth + 1, tagged);
    }
    hc_buf_free(&k);
    hc_buf_free(&tag);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every key layout receives, sorted, without repeats. */
static void layout_keys(keyset *s, const char *layout, int tagged)
{
    if (!is_standalone(layout)) expand(s, HC_CONTRACT_EVERY, "", 0, tagged);
    expand(s, layout, "", 0, tagged);
    if (!s->n) return;
    qsort(s->v, s->n, sizeof *s->v, cmp_str);
    size_t w = 1;
    for (size_t r = 1; r < s->n; r++) {
        if (!strcmp(s->v[r], s->v[w - 1])) free(s->v[r]);
        else s->v[w++] = s->v[r];
    }
    s->n = w;
}

static int keyset_has(const keyset *s, const char *k)
{
    return s->n && bsearch(&k, s->v, s->n, sizeof *s->v, cmp_str) != NULL;
}

static void keyset_free(keyset *s)
{
    for (size_t i = 0; i < s->n; i++) free(s->v[i]);
    free(s->v);
    *s = (keyset){ 0 };
}

/* ---- printing ---- */

static void print_rows(FILE *out, const char *scope)
{
    for (size_t i = 0; i < NROWS; i++) {
        const hc_contract_row *r = &rows[i];
        if (strcmp(r->scope, scope) || (!*r->key && !r->shape)) continue;
        const char *key = *r->key ? r->key : "(itself)";
        if (r->shape) fprintf(out, "  %-32s %s → %s\n", key, r->meaning, r->shape);
        else fprintf(out, "  %-32s %s\n", key, r->meaning);
    }
}

/* Each scope once, in the order of its first row. */
static int first_of_scope(size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (!strcmp(rows[k].scope, rows[i].scope)) return 0;
    return 1;
}

void hc_contract_print(FILE *out)
{
    fputs("The values each layout of a theme is rendered with (the template contract).\n"
          "A key is a dotted path: {{site.title}}; \"[]\" is each item of a list:\n"
          "{{#milestones}}{{date}}{{/milestones}}. \"→ shape\" means the value has the fields\n"
          "listed under that shape at the end. A value said to be absent is not set at all,\n"
          "so {{#key}}…{{/key}} shows only when it is there.\n\n", out);
    fprintf(out, "Every page (baseof.mustache, the partials and every layout):\n");
    print_rows(out, HC_CONTRACT_EVERY);
    for (size_t i = 0; i < NROWS; i++) {
        const char *s = rows[i].scope;
        if (!first_of_scope(i) || !hc_contract_is_layout(s)) continue;
        if (is_standalone(s)) fprintf(out, "\nlayouts/%s.mustache (rendered with only these values):\n", s);
        else
            fprintf(out, "\nlayouts/%s.mustache (and every page's values):\n", s);
        print_rows(out, s);
        if (!strcmp(s, "search")) fputs("  (nothing more: the entries are in search/index.js)\n", out);
    }
    fputs("\nShapes:\n", out);
    for (size_t i = 0; i < NROWS; i++) {
        if (!first_of_scope(i) || hc_contract_is_layout(rows[i].scope) || !is_shape(rows[i].scope)) continue;
        fprintf(out, "\n%s:\n", rows[i].scope);
        print_rows(out, rows[i].scope);
    }
}

void hc_contract_print_keys(FILE *out)
{
    for (size_t i = 0; i < NROWS; i++) {
        if (!first_of_scope(i) || !hc_contract_is_layout(rows[i].scope)) continue;
        keyset s = { 0 };
        layout_keys(&s, rows[i].scope, 1);
        for (size_t k = 0; k < s.n; k++) fprintf(out, "%s\t%s\n", rows[i].scope, s.v[k]);
        keyset_free(&s);
    }
}

/* ---- checking a template against the table ---- */

#define MAX_NEST 64        /* sections open at once, and partials within partials */

typedef struct {
    const keyset *keys;
    const char *layout;
    hc_contract_load_fn load;
    void *load_arg;
    hc_diags *d;
    size_t unknown;
    char *frames[MAX_NEST * 2];   /* the context stack: key paths, "" for the page's values */
    size_t nframes;
    int depth;                    /* partials and parents being followed */
} checker;

/* The key a name resolves to from the frames (innermost first), as Mustache
 * looks names up, or NULL; malloc'd. Digits pick an item of a list. */
static char *resolve(const checker *c, const char *name, size_t len)
{
    const char *dot = memchr(name, '.', len);
    size_t n0 = dot ? (size_t)(dot - name) : len;
    hc_buf k = HC_BUF_INIT;
    for (size_t f = c->nframes; f-- > 0;) {
        if (!c->frames[f]) continue;
        hc_buf_reset(&k);
        hc_buf_puts(&k, c->frames[f]);
        if (k.len) hc_buf_putc(&k, '.');
        hc_buf_put(&k, name, n0);
        if (keyset_has(c->keys, hc_buf_cstr(&k))) goto found;
    }
    hc_buf_free(&k);
    return NULL;
found:
    for (const char *p = dot; p && p < name + len;) {   /* the rest, strictly below */
        const char *s = p + 1, *e = memchr(s, '.', (size_t)(name + len - s));
        if (!e) e = name + len;
        size_t digits = 0;
        while (s + digits < e && s[digits] >= '0' && s[digits] <= '9') digits++;
        if (digits && s + digits == e) hc_buf_puts(&k, "[]");
        else {
            hc_buf_putc(&k, '.');
            hc_buf_put(&k, s, (size_t)(e - s));
        }
        if (!keyset_has(c->keys, hc_buf_cstr(&k))) {
            hc_buf_free(&k);
            return NULL;
        }
        p = e < name + len ? e : NULL;
    }
    return hc_buf_detach(&k, NULL);
}

static void line_col(const char *text, const char *at, int *line, int *col)
{
    *line = 1;
    const char *bol = text;
    for (const char *p = text; p < at; p++)
        if (*p == '\n') { ++*line; bol = p + 1; }
    *col = (int)(at - bol) + 1;
}

/* Resolves name; reports it when nothing has it. Returns the key or NULL. */
static char *lookup(checker *c, const char *path, const char *text, const char *at, const char *name, size_t len)
{
    if (len == 1 && name[0] == '.') return hc_xstrdup(".");
    char *k = resolve(c, name, len);
    if (!k) {
        int line, col;
        line_col(text, at, &line, &col);
        hc_error(c->d, "template-contract", path, line, col,
                 "{{%.*s}}: layout %s receives no such value (see 'huace help templates')", (int)len, name,
                 c->layout);
        c->unknown++;
    }
    return k;
}

static void scan(checker *c, const char *path, const char *text, size_t len);

/* The tag {{=<% %>=}} between s and e: the new delimiters into o and cl (16
 * bytes each); 0 if it is malformed (the engine reports it). */
static int set_delimiters(const char *s, const char *e, char *o, char *cl)
{
    const char *a = s, *b = e;
    while (a < b && *a == ' ') a++;
    if (b > a && b[-1] == '=') b--;
    const char *sp = memchr(a, ' ', (size_t)(b - a));
    if (!sp) return 0;
    const char *c2 = sp;
    while (c2 < b && *c2 == ' ') c2++;
    size_t n1 = (size_t)(sp - a), n2 = (size_t)(b - c2);
    while (n2 && c2[n2 - 1] == ' ') n2--;
    if (!n1 || !n2 || n1 >= 16 || n2 >= 16) return 0;
    memcpy(o, a, n1);
    o[n1] = '\0';
    memcpy(cl, c2, n2);
    cl[n2] = '\0';
    return 1;
}

static void follow(checker *c, const char *name, size_t len)
{
    if (c->depth >= MAX_NEST || !c->load) return;
    char *nm = hc_xstrndup(name, len);
    const char *p = NULL;
    size_t n = 0;
    const char *t = c->load(c->load_arg, nm, &p, &n);
    if (t) {
        c->depth++;
        scan(c, p ? p : nm, t, n);
        c->depth--;
    }
    free(nm);
}

/* One template's tags, with the frames open where it is included. */
static void scan(checker *c, const char *path, const char *text, size_t len)
{
    const char *open = "{{", *close = "}}";
    char dl_open[16], dl_close[16];
    char pushed[MAX_NEST];   /* per open section: 1 if it pushed a frame */
    size_t nopen = 0, base = c->nframes;
    const char *p = text, *end = text + len;
    for (;;) {
        size_t lo = strlen(open), lc = strlen(close);
        const char *t = NULL;
        for (const char *q = p; q + lo <= end; q++)
            if (!memcmp(q, open, lo)) { t = q; break; }
        if (!t) break;
        const char *s = t + lo;
        char kind = s < end ? *s : 0;
        int triple = kind == '{' && !strcmp(open, "{{");
        if (strchr("!#^/><$&{=", kind) && kind) s++;
        const char *e = NULL;
        for (const char *q = s; q + lc <= end; q++)
            if (!memcmp(q, close, lc)) { e = q; break; }
        if (!e) break;   /* the engine reports it */
        p = e + lc + (triple && e + lc < end && e[lc] == '}');
        if (kind == '!') continue;
        if (kind == '=') {
            if (set_delimiters(s, e, dl_open, dl_close)) {
                open = dl_open;
                close = dl_close;
            }
            continue;
        }
        while (s < e && (*s == ' ' || *s == '\t')) s++;
        const char *ne = e;
        while (ne > s && (ne[-1] == ' ' || ne[-1] == '\t')) ne--;
        if (kind == '>' && s < ne && *s == '*') {   /* a dynamic name: only its value is known */
            for (s++; s < ne && *s == ' '; s++) {}
            free(lookup(c, path, text, t, s, (size_t)(ne - s)));
            continue;
        }
        size_t n = (size_t)(ne - s);
        if (kind == '>') { follow(c, s, n); continue; }
        if (kind == '/') {
            if (nopen && pushed[--nopen]) free(c->frames[--c->nframes]);
            continue;
        }
        if (kind == '<' || kind == '$') {
            if (kind == '<') follow(c, s, n);
            if (nopen < MAX_NEST) pushed[nopen++] = 0;
            continue;
        }
        char *k = lookup(c, path, text, t, s, n);
        if (kind == '#' || kind == '^') {
            int push = kind == '#' && nopen < MAX_NEST && c->nframes < MAX_NEST * 2;
            if (push) {   /* a list's items, or the value itself; NULL: an unknown one, looked through */
                char *f = NULL;
                if (k && strcmp(k, ".")) {
                    hc_buf li = HC_BUF_INIT;
                    hc_buf_printf(&li, "%s[]", k);
                    f = keyset_has(c->keys, hc_buf_cstr(&li)) ? hc_buf_detach(&li, NULL) : hc_xstrdup(k);
                    hc_buf_free(&li);
                }
                c->frames[c->nframes++] = f;
            }
            if (nopen < MAX_NEST) pushed[nopen++] = (char)push;
        }
        free(k);
    }
    while (c->nframes > base) free(c->frames[--c->nframes]);   /* sections left open: the engine reports */
}

size_t hc_contract_check(const char *layout, const char *path, const char *text, size_t len,
                         hc_contract_load_fn load, void *load_arg, hc_diags *d)
{
    keyset keys = { 0 };
    layout_keys(&keys, layout, 0);
    checker c = { .keys = &keys, .layout = layout, .load = load, .load_arg = load_arg, .d = d };
    c.frames[c.nframes++] = hc_xstrdup("");
    scan(&c, path, text, len);
    while (c.nframes) free(c.frames[--c.nframes]);
    keyset_free(&keys);
    return c.unknown;
}
