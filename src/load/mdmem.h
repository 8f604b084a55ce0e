/* mdmem.h — cmark's allocator, one document at a time per thread.
 *
 * cmark makes a node for every block and inline and grows a buffer for every
 * string: thousands of small callocs per case study, about 40 % of the
 * parsing time in a profile of 100,000 documents. hc_md_mem() serves
 * them from a region that belongs to the calling thread instead: free gives
 * back only the latest allocation, and hc_md_mem_reset() releases everything
 * at once.
 *
 * Use: parse with cmark_parser_new_with_mem(opts, hc_md_mem()), render, copy
 * what you keep (cmark_render_html's string is region memory too), free the
 * tree, then hc_md_mem_reset(). Nothing cmark handed out may be used after
 * the reset. A thread's region is released when the thread ends, or by
 * hc_md_mem_release() (the main thread calls it when it is done).
 * Out of memory aborts, as everywhere (alloc.h).
 */
#ifndef HC_MDMEM_H
#define HC_MDMEM_H
#include <cmark.h>

cmark_mem *hc_md_mem(void);
void hc_md_mem_reset(void);
void hc_md_mem_release(void);

#endif
