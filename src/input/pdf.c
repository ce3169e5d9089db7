/*
 * PDF through poppler-glib: the text of each page in poppler's reading order
 * (the order pdftotext prints), with the layout signals turned into the text
 * layer's conventions (input.h):
 *  - digits set smaller than the text beside them and raised above its
 *    baseline are a footnote marker: superscript digits glued to the word
 *    before, even where the text layer glued them to the word after or to a
 *    number before ("2019" and a raised "2" read "20192");
 *  - below the footnote rule, such a number that poppler printed apart from
 *    its footnote (on its own line, or all numbers of a block at its end) is
 *    put back at the start of the line it stands beside: "N text";
 *  - a form feed starts every page after the first.
 */
#include "input/input.h"

#include <poppler.h>
#include <stdlib.h>
#include <string.h>

typedef struct pchar {
    size_t off, len; /* bytes in the page text */
    gunichar cp;
    double x1, y1, x2, y2, size;
} pchar;

typedef struct pline {
    size_t a, b;      /* chars [a, b), '\n' excluded */
    double top, bottom, left;
    int number;       /* a footnote number put before this line, or 0 */
    size_t partner;   /* a digits-only line: the line it stands beside */
    bool moved;       /* a number-only line moved to another line */
    bool rule;
    bool digits;      /* holds only digits (and spaces), at most 3 */
} pline;

static bool is_blank(gunichar c)
{
    return c == ' ' || c == '\t' || c == 0xA0;
}

static bool is_digit_cp(gunichar c)
{
    return c >= '0' && c <= '9';
}

/* How far a digit run and the line it belongs to are searched for what they
 * stand beside: bounds the work on hostile pages (long lines of digits,
 * thousands of number-only lines) to linear. */
#define NEAR_CHARS 64
#define NEAR_LINES 200

/* The nearest printed character that is not a digit, looking from the run
 * [p, q) outwards within the line [a, b), at most NEAR_CHARS away; -1 when
 * there is none. */
static long ref_char(const pchar *ch, size_t a, size_t b, size_t p, size_t q)
{
    for (size_t d = 1; d <= NEAR_CHARS; d++) {
        bool any = false;
        if (p >= a + d) {
            any = true;
            const pchar *c = &ch[p - d];
            if (!is_blank(c->cp) && !is_digit_cp(c->cp) && c->size > 0)
                return (long)(p - d);
        }
        if (q + d - 1 < b) {
            any = true;
            const pchar *c = &ch[q + d - 1];
            if (!is_blank(c->cp) && !is_digit_cp(c->cp) && c->size > 0)
                return (long)(q + d - 1);
        }
        if (!any)
            return -1;
    }
    return -1;
}

/* Is the character c smaller than ref and raised above its baseline? */
static bool raised_small(const pchar *c, const pchar *ref)
{
    return c->size > 0 && ref->size > 0 && c->size < 0.8 * ref->size && c->y2 < ref->y2 - 0.1 * ref->size;
}

/* Does line l hold only digits (and spaces), at most 3 of them? */
static bool digits_only(const pchar *ch, const pline *l)
{
    size_t digits = 0;
    for (size_t i = l->a; i < l->b; i++) {
        if (is_blank(ch[i].cp))
            continue;
        if (!is_digit_cp(ch[i].cp) || ++digits > 3)
            return false;
    }
    return digits > 0;
}

/* The line a digits-only line l stands beside: one whose height holds l's
 * middle and which begins to its right (the footnote text after its
 * number); the closest by height, or n_lines. */
static size_t partner(const pline *ln, size_t n_lines, size_t l)
{
    double mid = (ln[l].top + ln[l].bottom) / 2;
    size_t best = n_lines;
    double best_d = 0;
    size_t from = l > NEAR_LINES ? l - NEAR_LINES : 0, to = l + NEAR_LINES < n_lines ? l + NEAR_LINES : n_lines;
    for (size_t t = from; t < to; t++) {
        if (t == l || ln[t].a == ln[t].b || ln[t].digits)
            continue;
        if (mid < ln[t].top || mid > ln[t].bottom || ln[t].left + 0.5 < ln[l].left)
            continue;
        double d = mid - (ln[t].top + ln[t].bottom) / 2;
        if (d < 0)
            d = -d;
        if (best == n_lines || d < best_d)
            best = t, best_d = d;
    }
    return best;
}

/* Marks in mark[] the chars of every footnote-marker digit run of the page.
 * A line of digits only is compared with the line it stands beside, else
 * with the line after (its footnote's text), else the line before. */
static void find_markers(const pchar *ch, pline *ln, size_t n_lines, unsigned char *mark)
{
    for (size_t l = 0; l < n_lines; l++) {
        ln[l].partner = n_lines;
        for (size_t p = ln[l].a; p < ln[l].b;) {
            if (!is_digit_cp(ch[p].cp)) {
                p++;
                continue;
            }
            size_t q = p;
            while (q < ln[l].b && is_digit_cp(ch[q].cp))
                q++;
            long r = ref_char(ch, ln[l].a, ln[l].b, p, q);
            if (r < 0 && ln[l].digits) {
                size_t t = partner(ln, n_lines, l);
                ln[l].partner = t;
                if (t < n_lines)
                    r = ref_char(ch, ln[t].a, ln[t].b, ln[t].a, ln[t].a);
            }
            if (r < 0 && l + 1 < n_lines)
                r = ref_char(ch, ln[l + 1].a, ln[l + 1].b, ln[l + 1].a, ln[l + 1].a);
            if (r < 0 && l > 0)
                r = ref_char(ch, ln[l - 1].a, ln[l - 1].b, ln[l - 1].b, ln[l - 1].b);
            /* The small raised digits of the run, at most 3 in a row: all
             * of it, or the marker a text layer glued to a number
             * ("2019" then a raised "2": "20192"). */
            for (size_t i = p; r >= 0 && i < q;) {
                size_t j = i;
                while (j < q && raised_small(&ch[j], &ch[r]))
                    j++;
                if (j > i && j - i <= 3)
                    memset(mark + i, 1, j - i);
                i = j > i ? j : i + 1;
            }
            p = q;
        }
    }
}

/* Below the rule: each footnote number printed on a line of its own goes
 * before the line it stands beside. */
static void pair_numbers(const pchar *ch, pline *ln, size_t n_lines, size_t rule, const unsigned char *mark)
{
    for (size_t l = rule + 1; l < n_lines; l++) {
        size_t t = ln[l].partner;
        if (t <= rule || t >= n_lines || ln[t].number || !ln[l].digits)
            continue;
        int v = 0;
        bool marker = true;
        for (size_t i = ln[l].a; i < ln[l].b; i++)
            if (!is_blank(ch[i].cp)) {
                marker = marker && mark[i];
                v = v * 10 + (int)(ch[i].cp - '0');
            }
        if (!marker || !v)
            continue;
        ln[t].number = v;
        ln[l].moved = true;
    }
}

static bool rule_line(const pchar *ch, const pline *l)
{
    size_t under = 0;
    for (size_t i = l->a; i < l->b; i++) {
        if (ch[i].cp == '_')
            under++;
        else if (!is_blank(ch[i].cp))
            return false;
    }
    return under >= 5;
}

/* One page into the sink. Returns false when out of memory. */
static bool page_text(PopplerPage *page, sink *k)
{
    char *text = poppler_page_get_text(page);
    if (!text)
        return true;
    size_t n_chars = (size_t)g_utf8_strlen(text, -1);
    PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    bool layout = poppler_page_get_text_layout(page, &rects, &n_rects) && n_rects == n_chars;
    pchar *ch = calloc(n_chars ? n_chars : 1, sizeof *ch);
    pline *ln = calloc(n_chars + 1, sizeof *ln);
    unsigned char *mark = calloc(n_chars ? n_chars : 1, 1);
    if (!ch || !ln || !mark) {
        free(ch), free(ln), free(mark), g_free(rects), g_free(text);
        return false;
    }
    const char *s = text;
    for (size_t i = 0; i < n_chars; i++) {
        const char *next = g_utf8_next_char(s);
        ch[i].off = (size_t)(s - text);
        ch[i].len = (size_t)(next - s);
        ch[i].cp = g_utf8_get_char(s);
        if (layout) {
            ch[i].x1 = rects[i].x1, ch[i].y1 = rects[i].y1;
            ch[i].x2 = rects[i].x2, ch[i].y2 = rects[i].y2;
        }
        s = next;
    }
    if (layout) {
        GList *attrs = poppler_page_get_text_attributes(page);
        for (GList *a = attrs; a; a = a->next) {
            const PopplerTextAttributes *at = a->data;
            for (int i = at->start_index; i >= 0 && i <= at->end_index && (size_t)i < n_chars; i++)
                ch[i].size = at->font_size;
        }
        poppler_page_free_text_attributes(attrs);
    }
    /* Lines. */
    size_t n_lines = 0;
    for (size_t i = 0; i <= n_chars;) {
        size_t j = i;
        while (j < n_chars && ch[j].cp != '\n')
            j++;
        pline *l = &ln[n_lines++];
        l->a = i, l->b = j;
        l->top = l->bottom = l->left = 0;
        bool first = true;
        for (size_t q = i; q < j; q++) {
            if (is_blank(ch[q].cp))
                continue;
            if (first || ch[q].y1 < l->top)
                l->top = ch[q].y1;
            if (first || ch[q].y2 > l->bottom)
                l->bottom = ch[q].y2;
            if (first)
                l->left = ch[q].x1;
            first = false;
        }
        l->rule = rule_line(ch, l);
        l->digits = digits_only(ch, l);
        i = j + 1;
        if (j == n_chars)
            break;
    }
    if (layout) {
        find_markers(ch, ln, n_lines, mark);
        for (size_t l = 0; l < n_lines; l++)
            if (ln[l].rule) {
                pair_numbers(ch, ln, n_lines, l, mark);
                break;
            }
    }
    for (size_t l = 0; l < n_lines && !k->oom; l++) {
        const pline *L = &ln[l];
        if (L->moved)
            continue;
        if (L->rule) {
            sink_rule(k);
            continue;
        }
        if (L->number) {
            char num[16];
            int nn = snprintf(num, sizeof num, "%d", L->number);
            sink_newline(k, false);
            sink_marker(k, num, (size_t)nn);
        }
        for (size_t i = L->a; i < L->b;) {
            if (mark[i]) {
                char num[8];
                size_t nn = 0;
                while (i < L->b && mark[i] && nn < sizeof num)
                    num[nn++] = (char)ch[i++].cp;
                sink_marker(k, num, nn);
                /* a marker glued to the word after it: keep them apart */
                if (i < L->b && !is_blank(ch[i].cp) && !(k->len && k->s[k->len - 1] == ' '))
                    sink_put(k, " ", 1);
                continue;
            }
            sink_put(k, text + ch[i].off, ch[i].len);
            i++;
        }
        sink_newline(k, false);
    }
    free(ch);
    free(ln);
    free(mark);
    g_free(rects);
    g_free(text);
    return !k->oom;
}

instcite_status input_pdf(const void *bytes, size_t len, char **out, size_t *out_len, instcite_error *err)
{
    GBytes *gb = g_bytes_new_static(bytes, len);
    GError *gerr = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(gb, NULL, &gerr);
    g_bytes_unref(gb);
    if (!doc) {
        instcite_status st = INSTCITE_ERR_PARSE;
        if (gerr && gerr->domain == POPPLER_ERROR && gerr->code == POPPLER_ERROR_ENCRYPTED) {
            st = INSTCITE_ERR_UNSUPPORTED;
            input_set_err(err, st, "encrypted PDF (password-protected): its text cannot be read without the password");
        } else {
            input_set_err(err, st, "not a readable PDF (%s)", gerr ? gerr->message : "poppler could not open it");
        }
        if (gerr)
            g_error_free(gerr);
        return st;
    }
    int n_pages = poppler_document_get_n_pages(doc);
    sink k = {0};
    for (int p = 0; p < n_pages && !k.oom; p++) {
        PopplerPage *page = poppler_document_get_page(doc, p);
        if (!page)
            continue;
        if (p > 0)
            sink_page(&k);
        page_text(page, &k);
        g_object_unref(page);
    }
    g_object_unref(doc);
    return sink_finish(&k, out, out_len, err,
                       n_pages ? "PDF without a text layer (image-only or scanned): there is no text to read (no OCR)"
                               : "PDF without pages");
}
