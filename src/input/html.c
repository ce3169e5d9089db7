/*
 * HTML through libxml2's HTML parser: the text of the body in document
 * order. Block elements (p, div, li, h1-h6, tr, ...) end lines, with an empty
 * line after a paragraph; table cells are set apart by a space; <br> ends a
 * line; <sup> (or a styled or classed reference, a link to a footnote: see
 * marker_element) holding a number is a footnote marker; <hr>, or an element
 * (a block) whose class, id or role says footnotes, starts the footnotes (input.h).
 * An item of an ordered list that does not print its number gets it: "1. "
 * in the text, "1 " (the footnote's number) in the footnotes. script, style, head and the like are skipped; nothing is
 * fetched (HTML_PARSE_NONET).
 */
#define _GNU_SOURCE /* strcasestr */
#include "input/input.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool name_is(const xmlNode *n, const char *const *names)
{
    for (; *names; names++)
        if (strcasecmp((const char *)n->name, *names) == 0)
            return true;
    return false;
}

static const char *const skipped[] = {"head",     "script", "style",  "noscript", "template", "title",
                                      "iframe",   "object", "svg",    "math",     "select",   "button",
                                      "textarea", NULL};
static const char *const paragraphs[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd",
                                         "blockquote", "pre", "address", "figcaption", "caption", NULL};
static const char *const blocks[] = {"div",    "ul",     "ol",   "dl",      "table",   "tr",     "thead",
                                     "tbody",  "tfoot",  "section", "article", "header", "footer", "nav",
                                     "aside",  "main",   "figure", "center", "form",    "fieldset", "body",
                                     NULL};

/* The length of a conditional-comment mark of Word's HTML ("<![if
 * !supportFootnotes]>", "<![endif]>") at s, which the HTML parser leaves in
 * the text; 0 when there is none. */
static size_t conditional(const char *s)
{
    if (strncmp(s, "<![", 3) != 0)
        return 0;
    for (size_t i = 3; s[i] && i < 80; i++)
        if (s[i] == ']' && s[i + 1] == '>')
            return i + 2;
    return 0;
}

/* The text of n and its descendants, white space dropped, into buf. */
static size_t text_of(const xmlNode *n, char *buf, size_t cap, size_t len)
{
    for (const xmlNode *c = n->children; c && len < cap; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            for (const char *p = (const char *)c->content; *p && len < cap; p++) {
                size_t skip = conditional(p);
                if (skip)
                    p += skip - 1;
                else if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
                    buf[len++] = *p;
            }
        } else if (c->type == XML_ELEMENT_NODE) {
            len = text_of(c, buf, cap, len);
        }
    }
    return len;
}

/* A marker's digits: "3", "[3]", "(3)", "3)"; n digits into d. */
static size_t marker_digits(const char *t, size_t n, char d[4])
{
    size_t i = 0, k = 0;
    if (i < n && (t[i] == '[' || t[i] == '('))
        i++;
    while (i < n && t[i] >= '0' && t[i] <= '9' && k < 3)
        d[k++] = t[i++];
    if (i < n && (t[i] == ']' || t[i] == ')'))
        i++;
    return i == n ? k : 0;
}

static bool attr_has(const xmlNode *n, const char *attr, const char *word)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    bool has = v && strcasestr((const char *)v, word);
    xmlFree(v);
    return has;
}

/* Does n's style attribute, spaces removed (its first 255 bytes), hold
 * either declaration (b may be NULL)? */
static bool style_has(const xmlNode *n, const char *a, const char *b)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"style");
    bool has = false;
    if (v) {
        char compact[256];
        size_t k = 0;
        for (const xmlChar *p = v; *p && k + 1 < sizeof compact; p++)
            if (*p != ' ')
                compact[k++] = (char)*p;
        compact[k] = '\0';
        has = strcasestr(compact, a) || (b && strcasestr(compact, b));
    }
    xmlFree(v);
    return has;
}

static bool page_break(const xmlNode *n)
{
    return style_has(n, "page-break-before:always", "break-before:page");
}

/* Is n a footnote reference: <sup>; an element raised by its style
 * (vertical-align: super); one whose class names a footnote reference (Word's
 * MsoFootnoteReference, "footnote-ref", "noteref"); a link to a footnote
 * (Word's "#_ftn1", "#fn1", "#footnote-1")? The caller still requires a
 * number for text. */
static bool marker_element(const xmlNode *n)
{
    const char *nm = (const char *)n->name;
    if (strcasecmp(nm, "sup") == 0 || attr_has(n, "class", "footnotereference") ||
        attr_has(n, "class", "footnote-ref") || attr_has(n, "class", "noteref") ||
        attr_has(n, "class", "fnref") || attr_has(n, "role", "doc-noteref"))
        return true;
    if (style_has(n, "vertical-align:super", NULL))
        return true;
    if (strcasecmp(nm, "a") != 0)
        return false;
    xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
    bool note = href && href[0] == '#' &&
                (strncasecmp((const char *)href + 1, "_ftn", 4) == 0 ||
                 strncasecmp((const char *)href + 1, "fn", 2) == 0 ||
                 strncasecmp((const char *)href + 1, "footnote", 8) == 0 ||
                 strncasecmp((const char *)href + 1, "_edn", 4) == 0);
    xmlFree(href);
    return note;
}

typedef struct walk {
    sink *k;
    int depth;
} walk;

static void visit(walk *w, const xmlNode *n, bool pre, int *ol_next);

static void children(walk *w, const xmlNode *n, bool pre, int *ol_next)
{
    for (const xmlNode *c = n->children; c && !w->k->oom; c = c->next)
        visit(w, c, pre, ol_next);
}

static void visit(walk *w, const xmlNode *n, bool pre, int *ol_next)
{
    sink *k = w->k;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (!n->content)
            return;
        size_t len = strlen((const char *)n->content);
        if (pre) {
            for (size_t i = 0; i < len;) {
                const char *nl = memchr(n->content + i, '\n', len - i);
                size_t e = nl ? (size_t)(nl - (const char *)n->content) : len;
                sink_put(k, (const char *)n->content + i, e - i);
                if (nl)
                    sink_newline(k, true);
                i = nl ? e + 1 : len;
            }
        } else {
            const char *t = (const char *)n->content;
            size_t from = 0;
            for (size_t i = 0; i < len; i++) {
                size_t skip = t[i] == '<' ? conditional(t + i) : 0;
                if (skip) {
                    sink_words(k, t + from, i - from);
                    i += skip - 1;
                    from = i + 1;
                }
            }
            sink_words(k, t + from, len - from);
        }
        return;
    }
    if (n->type != XML_ELEMENT_NODE || !n->name || w->depth > 512)
        return;
    if (name_is(n, skipped))
        return;
    w->depth++;
    const char *nm = (const char *)n->name;
    if (page_break(n))
        sink_page(k);
    if (strcasecmp(nm, "br") == 0) {
        sink_newline(k, false);
    } else if (strcasecmp(nm, "hr") == 0) {
        if (!k->in_notes)
            sink_rule(k);
    } else if (marker_element(n)) {
        char buf[16], d[4];
        size_t tl = text_of(n, buf, sizeof buf, 0), nd;
        if (tl < sizeof buf && (nd = marker_digits(buf, tl, d)))
            sink_marker(k, d, nd);
        else
            children(w, n, pre, ol_next);
    } else if (strcasecmp(nm, "td") == 0 || strcasecmp(nm, "th") == 0) {
        sink_words(k, " ", 1);
        children(w, n, pre, ol_next);
        sink_words(k, " ", 1);
    } else {
        bool para = name_is(n, paragraphs), block = !para && name_is(n, blocks);
        if (block && !k->in_notes &&
            (attr_has(n, "class", "footnotes") || attr_has(n, "id", "footnotes") ||
             attr_has(n, "class", "endnotes") || attr_has(n, "role", "doc-endnotes")))
            sink_rule(k);
        if (para || block)
            sink_newline(k, false);
        int my_ol = 0;
        int *next = ol_next;
        if (strcasecmp(nm, "ol") == 0) {
            xmlChar *st = xmlGetProp(n, (const xmlChar *)"start");
            my_ol = st ? atoi((const char *)st) : 1;
            xmlFree(st);
            next = &my_ol;
        } else if (strcasecmp(nm, "ul") == 0) {
            next = NULL;
        }
        if (strcasecmp(nm, "li") == 0 && ol_next) {
            int num = (*ol_next)++;
            char buf[8];
            size_t tl = text_of(n, buf, sizeof buf, 0);
            bool printed = tl && ((buf[0] >= '0' && buf[0] <= '9') || buf[0] == '[');
            char digits[16];
            int nd = snprintf(digits, sizeof digits, "%d", num);
            if (k->in_notes && !printed && num > 0 && num < 1000) {
                sink_marker(k, digits, (size_t)nd); /* the footnote's number */
            } else if (!k->in_notes && !printed) {
                sink_put(k, digits, (size_t)nd); /* as a browser prints it: "1. " */
                sink_puts(k, ". ");
            }
        }
        children(w, n, pre || strcasecmp(nm, "pre") == 0,
                 strcasecmp(nm, "li") == 0 ? NULL : next);
        if (para)
            sink_newline(k, true);
        else if (block)
            sink_newline(k, false);
    }
    w->depth--;
}

instcite_status input_html(const void *bytes, size_t len, char **out, size_t *out_len, instcite_error *err)
{
    if (len > (size_t)0x7fffffff) {
        input_set_err(err, INSTCITE_ERR_LIMIT, "HTML page larger than 2 GiB");
        return INSTCITE_ERR_LIMIT;
    }
    /* Without a declared charset, UTF-8 (libxml2 would take Latin-1). */
    size_t head = len < 4096 ? len : 4096;
    const char *enc = memmem(bytes, head, "charset", 7) || memmem(bytes, head, "CHARSET", 7) ? NULL : "UTF-8";
    input_xml_init();
    xml_saved saved;
    input_xml_quiet(&saved);
    htmlDocPtr doc = htmlReadMemory(bytes, (int)len, NULL, enc,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    input_xml_restore(&saved);
    if (!doc) {
        input_set_err(err, INSTCITE_ERR_PARSE, "not a readable HTML page");
        return INSTCITE_ERR_PARSE;
    }
    sink k = {0};
    walk w = {.k = &k};
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (root)
        visit(&w, root, false, NULL);
    xmlFreeDoc(doc);
    return sink_finish(&k, out, out_len, err, "HTML page without text");
}
