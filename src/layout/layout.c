#include "layout/layout.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static span mkspan(size_t s, size_t e)
{
    return (span){s, e};
}

static para *add_para(layout *lo, size_t *cap, para_kind kind, int n, span line, span body)
{
    if (lo->n_paras == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        para *p = realloc(lo->paras, ncap * sizeof *p);
        if (!p)
            return NULL;
        lo->paras = p;
        *cap = ncap;
    }
    para *p = &lo->paras[lo->n_paras++];
    p->kind = kind;
    p->n = n;
    p->line = line;
    p->body = body;
    static const char *const names[] = {"HEADER", "PP", "OP", "FN"};
    if (kind == PARA_HEADER)
        snprintf(p->where, sizeof p->where, "HEADER");
    else
        snprintf(p->where, sizeof p->where, "%s%d", names[kind], n);
    return p;
}

/* "74/174." or "S-27/2." at the start of a line: the title line. */
static size_t title_number(const char *s, size_t n)
{
    size_t i = 0;
    unsigned long v;
    if (lang_match(s, n, "ES-"))
        i = 3;
    else if (lang_match(s, n, "S-"))
        i = 2;
    size_t k = lang_digits(s + i, n - i, 3, &v);
    if (!k)
        return 0;
    i += k;
    if (i >= n || s[i] != '/')
        return 0;
    i++;
    k = lang_digits(s + i, n - i, 5, &v);
    if (!k)
        return 0;
    i += k;
    return i < n && s[i] == '.' ? i : 0;
}

/* "1." (operative paragraph number) at the start of a line. */
static size_t op_number(const char *s, size_t n, int *num)
{
    unsigned long v;
    size_t k = lang_digits(s, n, 3, &v);
    if (!k || k >= n || s[k] != '.' || v == 0)
        return 0;
    *num = (int)v;
    k++;
    while (k < n && s[k] == ' ')
        k++;
    return k;
}

/* Parses the header line s[0..n) (at offset off); returns 1 if it was one. */
static int header_line(layout *lo, const lang_table *L, const char *s, size_t n, size_t off)
{
    size_t k, m;
    int v;
    char iso[11];
    if (L->session_open && (k = lang_match(s, n, L->session_open)) &&
        (m = lang_parse_cjk_number(s + k, n - k, &v)) &&
        lang_match(s + k + m, n - k - m, L->session_close)) {
        lo->session = v;
        return 1;
    }
    if (L->agenda_open && (k = lang_match(s, n, L->agenda_open))) {
        size_t e = k;
        while (e < n && s[e] != ' ')
            e++;
        lo->agenda_item = mkspan(off + k, off + e);
        return 1;
    }
    if ((k = lang_parse_date(L, s, n, iso)) && strlen(iso) == 10) {
        const lang_name *a = lang_match_name(s + k, n - k, L->adoption, &m);
        if (a && k + m == n) {
            memcpy(lo->date, iso, sizeof iso);
            lo->body = a->value;
            return 1;
        }
    }
    if (L->report_open && (k = lang_match(s, n, L->report_open))) {
        const char *mid = memchr(s, '(', n);
        size_t close_len = strlen(L->report_close);
        if (mid && n >= close_len && memcmp(s + n - close_len, L->report_close, close_len) == 0) {
            size_t mid_at = (size_t)(mid - s);
            size_t ml = strlen(L->report_mid);
            size_t committee_end = mid_at + 1 >= ml ? mid_at + 1 - ml : k;
            lo->committee = mkspan(off + k, off + committee_end);
            const char *close = memchr(mid, ')', n - mid_at);
            if (close)
                lo->report_symbol = mkspan(off + mid_at + 1, off + (size_t)(close - s));
            /* The mention is the bracketed phrase without the brackets. */
            lo->report_line = mkspan(off + 1, off + n - 1);
            return 1;
        }
    }
    return 0;
}

instcite_status layout_init(layout *lo, const text *t, const lang_table *L, instcite_error *err)
{
    memset(lo, 0, sizeof *lo);
    size_t cap = 0;
    enum { HEAD, ORGAN, BODY, FOOTER } state = HEAD;
    para *last_body = NULL;
    for (size_t ls = 0; ls < t->len;) {
        const char *nl = memchr(t->s + ls, '\n', t->len - ls);
        size_t le = nl ? (size_t)(nl - t->s) : t->len;
        size_t next = nl ? le + 1 : le;
        const char *s = t->s + ls;
        size_t n = le - ls;
        if (n == 0) {
            ls = next;
            continue;
        }
        para *p = NULL;
        bool wants_para = true;
        int num;
        size_t k;
        unsigned long fn;
        if (s[0] == FN_OPEN && (k = lang_digits(s + 1, n - 1, 4, &fn)) && 1 + k < n &&
            s[1 + k] == FN_CLOSE) {
            p = add_para(lo, &cap, PARA_FN, (int)fn, mkspan(ls, le), mkspan(ls + k + 2, le));
            lo->footnotes++;
        } else if (state == HEAD && L && (lang_match_name(s, n, L->verbs, &k) || op_number(s, n, &num))) {
            /* No title line (a fragment, not a whole resolution): the
             * paragraphs begin at the first clause verb or number. */
            state = BODY;
            next = ls; /* read this line again as a paragraph */
            wants_para = false;
        } else if (state == HEAD) {
            if (L && (k = title_number(s, n))) {
                lo->number = mkspan(ls, ls + k);
                k++;
                while (k < n && s[k] == ' ')
                    k++;
                lo->title = mkspan(ls + k, le);
                state = ORGAN;
            } else if (L && header_line(lo, L, s, n, ls)) {
                ;
            } else if (lo->agenda_item.end && !lo->agenda_title.end && !lo->date[0]) {
                lo->agenda_title = mkspan(ls, le);
            }
            p = add_para(lo, &cap, PARA_HEADER, 0, mkspan(ls, le), mkspan(ls, le));
        } else if (state == ORGAN && L && lang_match_name(s, n, L->bodies, &k) && n - k <= 3) {
            /* "大会，": the organ line that opens the preamble. */
            state = BODY;
            ls = next;
            continue;
        } else {
            char iso[11];
            unsigned long pm;
            size_t dk;
            if (L && L->plenary_open && (k = lang_match(s, n, L->plenary_open)) &&
                (dk = lang_digits(s + k, n - k, 4, &pm)) &&
                lang_match(s + k + dk, n - k - dk, L->plenary_close) == n - k - dk) {
                lo->plenary = (int)pm;
                state = FOOTER;
                wants_para = false;
            } else if (L && (dk = lang_parse_date(L, s, n, iso)) == n && strlen(iso) == 10 &&
                       (lo->operative || state == FOOTER)) {
                memcpy(lo->closing_date, iso, sizeof iso);
                wants_para = false;
            } else if (state == FOOTER) {
                wants_para = false;
            } else if ((k = op_number(s, n, &num))) {
                p = last_body = add_para(lo, &cap, PARA_OP, num, mkspan(ls, le), mkspan(ls + k, le));
                lo->operative++;
            } else if (lo->operative == 0) {
                lo->preambular++;
                p = last_body = add_para(lo, &cap, PARA_PP, (int)lo->preambular, mkspan(ls, le),
                                         mkspan(ls, le));
            } else if (!last_body) {
                wants_para = false;
            } else {
                /* A line after operative paragraphs began that carries no
                 * number continues the previous paragraph (a sub-paragraph). */
                para prev = *last_body;
                p = last_body = add_para(lo, &cap, prev.kind, prev.n, mkspan(ls, le), mkspan(ls, le));
            }
            state = state == FOOTER ? FOOTER : BODY;
        }
        if (wants_para && !p) {
            layout_destroy(lo);
            if (err) {
                err->code = INSTCITE_ERR_NOMEM;
                err->offset = -1;
                err->line = 0;
                snprintf(err->message, sizeof err->message, "out of memory");
            }
            return INSTCITE_ERR_NOMEM;
        }
        ls = next;
    }
    return INSTCITE_OK;
}

void layout_destroy(layout *lo)
{
    free(lo->paras);
    memset(lo, 0, sizeof *lo);
}
