/*
 * Word .docx through libzip and libxml2: word/document.xml in document
 * order, one line per paragraph (an empty line after it), table cells in
 * order; list numbering from word/numbering.xml printed as Word prints it
 * ("1.", "(a)"), directly or through the paragraph's style; footnote
 * references (w:footnoteReference) become markers numbered in order of
 * reference, as Word numbers them, and the footnotes of word/footnotes.xml
 * follow the body after the rule, one "N text" line each (input.h);
 * endnotes (word/endnotes.xml) the same, numbered with the footnotes. A run
 * set as superscript that holds a number is a marker too. The first page's
 * header (word/headerN.xml), where UN documents print their symbol, comes
 * first. Deleted text, field codes and drawings are skipped; a page break
 * (w:br w:type="page", w:pageBreakBefore) starts a page.
 */
#include "input/input.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* Largest part read from the archive (a zip bomb stops here). */
#define PART_MAX ((zip_uint64_t)256 << 20)

static bool is(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *local)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (is(c, local))
            return c;
    return NULL;
}

/* The w:val (any namespace) of n as an int, or def. */
static int val_int(const xmlNode *n, const char *attr, int def)
{
    xmlChar *v = n ? xmlGetProp(n, (const xmlChar *)attr) : NULL;
    int r = v ? atoi((const char *)v) : def;
    xmlFree(v);
    return r;
}

static bool val_is(const xmlNode *n, const char *attr, const char *want)
{
    xmlChar *v = n ? xmlGetProp(n, (const xmlChar *)attr) : NULL;
    bool r = v && strcmp((const char *)v, want) == 0;
    xmlFree(v);
    return r;
}

/* ---- reading parts ------------------------------------------------------- */

/* Reads the part named name: NULL with *missing when there is none. */
static xmlDoc *read_part(zip_t *za, const char *name, bool *missing, instcite_error *err, instcite_status *st)
{
    *missing = false;
    zip_int64_t idx = zip_name_locate(za, name, 0);
    if (idx < 0) {
        *missing = true;
        return NULL;
    }
    zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
    if (!zf) {
        *st = INSTCITE_ERR_PARSE;
        input_set_err(err, *st, "Word document: cannot read %s (%s)", name, zip_strerror(za));
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            zip_fclose(zf);
            *st = INSTCITE_ERR_NOMEM;
            input_set_err(err, *st, "out of memory");
            return NULL;
        }
        if (len == cap) {
            if (cap >= PART_MAX) {
                free(buf);
                zip_fclose(zf);
                *st = INSTCITE_ERR_LIMIT;
                input_set_err(err, *st, "Word document: %s is larger than 256 MiB", name);
                return NULL;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb)
                free(buf);
            buf = nb, cap *= 2;
            continue;
        }
        zip_int64_t got = zip_fread(zf, buf + len, cap - len);
        if (got < 0) {
            free(buf);
            *st = INSTCITE_ERR_PARSE;
            input_set_err(err, *st, "Word document: cannot read %s (%s)", name, zip_file_strerror(zf));
            zip_fclose(zf);
            return NULL;
        }
        if (got == 0)
            break;
        len += (size_t)got;
    }
    zip_fclose(zf);
    xml_saved saved;
    input_xml_quiet(&saved);
    xmlDoc *doc = xmlReadMemory(buf, (int)len, name, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
    input_xml_restore(&saved);
    free(buf);
    if (!doc) {
        *st = INSTCITE_ERR_PARSE;
        input_set_err(err, *st, "Word document: %s is not well-formed XML", name);
    }
    return doc;
}

/* ---- indexes: elements by id (time stays linear in hostile documents) ---- */

typedef struct idnode {
    int id;
    char *name; /* a string id (styles), or NULL */
    const xmlNode *node;
} idnode;

typedef struct idindex {
    idnode *v;
    size_t n;
} idindex;

static int by_id(const void *a, const void *b)
{
    const idnode *x = a, *y = b;
    if (x->name || y->name)
        return strcmp(x->name ? x->name : "", y->name ? y->name : "");
    return (x->id > y->id) - (x->id < y->id);
}

/* Indexes the children of parent named local by their attribute attr (an
 * int, or a string when named is true). */
static void index_build(idindex *ix, const xmlNode *parent, const char *local, const char *attr, bool named)
{
    size_t cap = 0;
    ix->v = NULL;
    ix->n = 0;
    for (const xmlNode *c = parent ? parent->children : NULL; c; c = c->next) {
        if (!is(c, local))
            continue;
        if (ix->n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            idnode *nv = realloc(ix->v, ncap * sizeof *nv);
            if (!nv)
                break;
            ix->v = nv, cap = ncap;
        }
        idnode *e = &ix->v[ix->n];
        e->node = c;
        e->name = NULL;
        e->id = 0;
        if (named) {
            xmlChar *v = xmlGetProp(c, (const xmlChar *)attr);
            if (!v)
                continue;
            e->name = strdup((const char *)v);
            xmlFree(v);
            if (!e->name)
                continue;
        } else {
            e->id = val_int(c, attr, -2000);
        }
        ix->n++;
    }
    if (ix->n)
        qsort(ix->v, ix->n, sizeof *ix->v, by_id);
}

static const xmlNode *index_find(const idindex *ix, int id, const char *name)
{
    idnode key = {.id = id, .name = (char *)name};
    const idnode *e = ix->n ? bsearch(&key, ix->v, ix->n, sizeof *ix->v, by_id) : NULL;
    return e ? e->node : NULL;
}

static void index_free(idindex *ix)
{
    for (size_t i = 0; i < ix->n; i++)
        free(ix->v[i].name);
    free(ix->v);
    ix->v = NULL;
    ix->n = 0;
}

/* ---- list numbering ------------------------------------------------------ */

#define LEVELS 9

typedef struct numdef {
    int num_id;
    const xmlNode *abstract; /* w:abstractNum */
    int count[LEVELS];
    bool started[LEVELS];
} numdef;

typedef struct numbering {
    numdef *defs;
    size_t n;
} numbering;

static int by_num_id(const void *a, const void *b)
{
    const numdef *x = a, *y = b;
    return (x->num_id > y->num_id) - (x->num_id < y->num_id);
}

static void numbering_load(numbering *nb, const xmlDoc *doc)
{
    const xmlNode *root = xmlDocGetRootElement(doc);
    size_t cap = 0;
    idindex abstracts;
    index_build(&abstracts, root, "abstractNum", "abstractNumId", false);
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
        if (!is(c, "num"))
            continue;
        const xmlNode *abs = index_find(&abstracts, val_int(child(c, "abstractNumId"), "val", -1), NULL);
        if (!abs)
            continue;
        if (nb->n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            numdef *nd = realloc(nb->defs, ncap * sizeof *nd);
            if (!nd)
                break;
            nb->defs = nd, cap = ncap;
        }
        nb->defs[nb->n++] = (numdef){.num_id = val_int(c, "numId", -1), .abstract = abs};
    }
    index_free(&abstracts);
    if (nb->n)
        qsort(nb->defs, nb->n, sizeof *nb->defs, by_num_id);
}

static const xmlNode *level(const numdef *d, int ilvl)
{
    for (const xmlNode *l = d->abstract->children; l; l = l->next)
        if (is(l, "lvl") && val_int(l, "ilvl", -1) == ilvl)
            return l;
    return NULL;
}

static size_t roman(int v, bool upper, char *out, size_t cap)
{
    static const int vals[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *const syms[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
    size_t n = 0;
    for (int i = 0; i < 13 && v > 0; i++)
        while (v >= vals[i] && n + 3 < cap) {
            for (const char *s = syms[i]; *s; s++)
                out[n++] = upper ? (char)(*s - 32) : *s;
            v -= vals[i];
        }
    out[n] = '\0';
    return n;
}

/* The number of level ilvl formatted by its w:numFmt. */
static void format_level(const xmlNode *lvl, int v, char *out, size_t cap)
{
    xmlChar *fmt = xmlGetProp(child(lvl, "numFmt") ? child(lvl, "numFmt") : lvl, (const xmlChar *)"val");
    const char *f = fmt ? (const char *)fmt : "decimal";
    if (strcmp(f, "lowerLetter") == 0 || strcmp(f, "upperLetter") == 0) {
        char c = (char)((strcmp(f, "lowerLetter") == 0 ? 'a' : 'A') + (v - 1) % 26);
        size_t reps = (size_t)(v - 1) / 26 + 1, i = 0;
        for (; i < reps && i + 1 < cap; i++)
            out[i] = c;
        out[i] = '\0';
    } else if (strcmp(f, "lowerRoman") == 0 || strcmp(f, "upperRoman") == 0) {
        roman(v, f[0] == 'u', out, cap);
    } else if (strcmp(f, "bullet") == 0 || strcmp(f, "none") == 0) {
        out[0] = '\0';
    } else {
        snprintf(out, cap, "%d", v);
    }
    xmlFree(fmt);
}

/* The printed number of a paragraph with w:numPr, into out ("" if none). */
static void number_text(numbering *nb, const xmlNode *numpr, char *out, size_t cap)
{
    out[0] = '\0';
    int num_id = val_int(child(numpr, "numId"), "val", -1);
    int ilvl = val_int(child(numpr, "ilvl"), "val", 0);
    if (ilvl < 0 || ilvl >= LEVELS)
        return;
    numdef key = {.num_id = num_id};
    numdef *d = nb->n ? bsearch(&key, nb->defs, nb->n, sizeof *nb->defs, by_num_id) : NULL;
    const xmlNode *lvl = d ? level(d, ilvl) : NULL;
    if (!lvl)
        return;
    if (!d->started[ilvl]) {
        d->count[ilvl] = val_int(child(lvl, "start"), "val", 1) - 1;
        d->started[ilvl] = true;
    }
    d->count[ilvl]++;
    for (int deeper = ilvl + 1; deeper < LEVELS; deeper++)
        d->started[deeper] = false;
    xmlChar *pattern = xmlGetProp(child(lvl, "lvlText"), (const xmlChar *)"val");
    if (!pattern)
        return;
    size_t n = 0;
    for (const char *p = (const char *)pattern; *p && n + 1 < cap; p++) {
        if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
            int l = p[1] - '1';
            const xmlNode *ll = level(d, l);
            char part[32];
            part[0] = '\0';
            if (ll)
                format_level(ll, d->started[l] ? d->count[l] : 1, part, sizeof part);
            for (const char *q = part; *q && n + 1 < cap; q++)
                out[n++] = *q;
            p++;
        } else {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
    xmlFree(pattern);
    /* A bullet's symbol is no number. */
    if (n && ((unsigned char)out[0] >= 0x80 || out[0] == '-' || out[0] == 'o'))
        out[0] = '\0';
}

/* ---- the walk ------------------------------------------------------------ */

typedef struct dwalk {
    sink *k;
    numbering nb;
    idindex styles; /* w:style elements of word/styles.xml by w:styleId */
    idindex notes;  /* w:footnote elements of word/footnotes.xml by w:id */
    idindex endnotes; /* w:endnote elements of word/endnotes.xml by w:id */
    struct noteref {
        int id;
        bool end; /* an endnote */
    } *refs; /* notes in order of reference; number = index + 1 */
    size_t n_refs, cap_refs;
    bool in_note; /* rendering a footnote: paragraphs join with a space */
    int depth;
} dwalk;

static void walk_children(dwalk *w, const xmlNode *n);

static void run(dwalk *w, const xmlNode *r)
{
    sink *k = w->k;
    const xmlNode *rpr = child(r, "rPr");
    bool sup = val_is(child(rpr, "vertAlign"), "val", "superscript");
    if (sup) { /* a printed marker: "3" as a superscript run */
        char d[4];
        size_t nd = 0;
        bool digits = true;
        for (const xmlNode *c = r->children; c && digits; c = c->next) {
            if (is(c, "rPr"))
                continue;
            if (!is(c, "t")) {
                digits = false;
                break;
            }
            xmlChar *t = xmlNodeGetContent(c);
            for (const xmlChar *p = t; p && *p && digits; p++) {
                if (*p >= '0' && *p <= '9' && nd < 3)
                    d[nd++] = (char)*p;
                else if (*p != ' ')
                    digits = false;
            }
            xmlFree(t);
        }
        if (digits && nd) {
            sink_marker(k, d, nd);
            return;
        }
    }
    for (const xmlNode *c = r->children; c && !k->oom; c = c->next) {
        if (is(c, "t")) {
            xmlChar *t = xmlNodeGetContent(c);
            if (t)
                sink_put(k, (const char *)t, strlen((const char *)t));
            xmlFree(t);
        } else if (is(c, "tab") || is(c, "ptab")) {
            sink_put(k, " ", 1);
        } else if (is(c, "br") || is(c, "cr")) {
            if (val_is(c, "type", "page"))
                sink_page(k);
            else if (!w->in_note)
                sink_newline(k, false);
            else
                sink_put(k, " ", 1);
        } else if (is(c, "noBreakHyphen")) {
            sink_put(k, "-", 1);
        } else if ((is(c, "footnoteReference") || is(c, "endnoteReference")) && !w->in_note) {
            int id = val_int(c, "id", -1000);
            if (val_is(c, "customMarkFollows", "1") || val_is(c, "customMarkFollows", "true"))
                continue; /* the mark is the text that follows */
            if (w->n_refs == w->cap_refs) {
                size_t ncap = w->cap_refs ? w->cap_refs * 2 : 32;
                struct noteref *nr = realloc(w->refs, ncap * sizeof *nr);
                if (!nr) {
                    k->oom = true;
                    return;
                }
                w->refs = nr, w->cap_refs = ncap;
            }
            w->refs[w->n_refs].id = id;
            w->refs[w->n_refs++].end = is(c, "endnoteReference");
            char num[16];
            int nn = snprintf(num, sizeof num, "%zu", w->n_refs);
            sink_marker(k, num, (size_t)nn);
        }
    }
}

/* The numbering a paragraph style gives (w:numPr in the style or in the
 * styles it is based on), or NULL. */
static const xmlNode *style_numpr(const dwalk *w, const xmlNode *ppr)
{
    xmlChar *id = w->styles.n ? xmlGetProp(child(ppr, "pStyle"), (const xmlChar *)"val") : NULL;
    const xmlNode *found = NULL;
    for (int depth = 0; id && depth < 16 && !found; depth++) {
        const xmlNode *st = index_find(&w->styles, 0, (const char *)id);
        xmlFree(id);
        id = NULL;
        if (!st)
            break;
        found = child(child(st, "pPr"), "numPr");
        if (!found && child(st, "basedOn"))
            id = xmlGetProp(child(st, "basedOn"), (const xmlChar *)"val");
    }
    xmlFree(id);
    return found;
}

static void paragraph(dwalk *w, const xmlNode *p)
{
    sink *k = w->k;
    const xmlNode *ppr = child(p, "pPr");
    if (child(ppr, "pageBreakBefore") && !val_is(child(ppr, "pageBreakBefore"), "val", "0"))
        sink_page(k);
    if (!w->in_note)
        sink_newline(k, false);
    const xmlNode *numpr = child(ppr, "numPr");
    if (!numpr && !w->in_note)
        numpr = style_numpr(w, ppr);
    if (numpr && !w->in_note) {
        char num[64];
        number_text(&w->nb, numpr, num, sizeof num);
        if (num[0]) {
            sink_puts(k, num);
            sink_put(k, " ", 1);
        }
    }
    walk_children(w, p);
    if (w->in_note)
        sink_put(k, " ", 1);
    else
        sink_newline(k, true);
}

static void walk_children(dwalk *w, const xmlNode *n)
{
    if (w->depth > 256)
        return;
    w->depth++;
    for (const xmlNode *c = n->children; c && !w->k->oom; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is(c, "p"))
            paragraph(w, c);
        else if (is(c, "r"))
            run(w, c);
        else if (is(c, "pPr") || is(c, "rPr") || is(c, "sectPr") || is(c, "del") || is(c, "moveFrom") ||
                 is(c, "instrText") || is(c, "delText") || is(c, "drawing") || is(c, "pict") ||
                 is(c, "object") || is(c, "Fallback") || is(c, "tblPr") || is(c, "tblGrid") ||
                 is(c, "trPr") || is(c, "tcPr") || is(c, "commentRangeStart") || is(c, "footnoteRef"))
            continue;
        else if (is(c, "tc")) {
            walk_children(w, c);
            sink_put(w->k, " ", 1);
        } else
            walk_children(w, c); /* body, tbl, tr, hyperlink, ins, sdt, smartTag, fldSimple, ... */
    }
    w->depth--;
}

/* The notes referenced, in order: footnotes and endnotes numbered together
 * (a text layer needs one number per note; Word numbers endnotes apart, in
 * roman numerals by default). */
static void footnotes(dwalk *w, const xmlDoc *notes, const xmlDoc *endnotes)
{
    if (!w->n_refs || (!notes && !endnotes))
        return;
    sink_rule(w->k);
    index_build(&w->notes, notes ? xmlDocGetRootElement(notes) : NULL, "footnote", "id", false);
    index_build(&w->endnotes, endnotes ? xmlDocGetRootElement(endnotes) : NULL, "endnote", "id", false);
    for (size_t i = 0; i < w->n_refs && !w->k->oom; i++) {
        const xmlNode *fn = index_find(w->refs[i].end ? &w->endnotes : &w->notes, w->refs[i].id, NULL);
        if (!fn)
            continue;
        char num[16];
        int nn = snprintf(num, sizeof num, "%zu", i + 1);
        sink_newline(w->k, false);
        sink_marker(w->k, num, (size_t)nn);
        w->in_note = true;
        walk_children(w, fn);
        w->in_note = false;
        sink_newline(w->k, false);
    }
}

/* The first w:sectPr in document order (the first section's page setup). */
static const xmlNode *first_section(const xmlNode *n, int depth)
{
    for (const xmlNode *c = n ? n->children : NULL; c && depth < 64; c = c->next) {
        if (is(c, "sectPr"))
            return c;
        if (c->type == XML_ELEMENT_NODE && (is(c, "body") || is(c, "p") || is(c, "pPr"))) {
            const xmlNode *f = first_section(c, depth + 1);
            if (f)
                return f;
        }
    }
    return NULL;
}

/* The page header the first page prints (the first-page header when the
 * section has one, else the default header): UN documents carry their
 * symbol there ("A/RES/73/3"), not in the body. NULL when there is none
 * or it cannot be read (it is only a help: no error). */
static xmlDoc *first_header(zip_t *za, const xmlDoc *body)
{
    const xmlNode *sect = first_section(xmlDocGetRootElement(body), 0);
    if (!sect)
        return NULL;
    const xmlNode *title_pg = child(sect, "titlePg");
    bool first = title_pg && !val_is(title_pg, "val", "0") && !val_is(title_pg, "val", "false");
    xmlChar *rid = NULL;
    for (int pass = 0; pass < 2 && !rid; pass++)
        for (const xmlNode *c = sect->children; c && !rid; c = c->next)
            if (is(c, "headerReference") && val_is(c, "type", pass == 0 && first ? "first" : "default"))
                rid = xmlGetProp(c, (const xmlChar *)"id");
    if (!rid)
        return NULL;
    bool missing;
    instcite_status st = INSTCITE_OK;
    instcite_error ignored;
    xmlDoc *rels = read_part(za, "word/_rels/document.xml.rels", &missing, &ignored, &st);
    xmlChar *target = NULL;
    const xmlNode *root = rels ? xmlDocGetRootElement(rels) : NULL;
    for (const xmlNode *c = root ? root->children : NULL; c && !target; c = c->next)
        if (is(c, "Relationship") && val_is(c, "Id", (const char *)rid))
            target = xmlGetProp(c, (const xmlChar *)"Target");
    xmlFree(rid);
    xmlFreeDoc(rels);
    if (!target)
        return NULL;
    char name[256];
    const char *t = (const char *)target;
    if (t[0] == '/')
        snprintf(name, sizeof name, "%s", t + 1); /* absolute within the package */
    else
        snprintf(name, sizeof name, "word/%s", t);
    xmlFree(target);
    st = INSTCITE_OK;
    return read_part(za, name, &missing, &ignored, &st);
}

instcite_status input_docx(const void *bytes, size_t len, char **out, size_t *out_len, instcite_error *err)
{
    input_xml_init();
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (!za) {
        input_set_err(err, INSTCITE_ERR_PARSE, "not a readable Word document (%s)", zip_error_strerror(&ze));
        if (src)
            zip_source_free(src);
        zip_error_fini(&ze);
        return INSTCITE_ERR_PARSE;
    }
    zip_error_fini(&ze);
    instcite_status st = INSTCITE_OK;
    bool missing;
    xmlDoc *body = read_part(za, "word/document.xml", &missing, err, &st);
    if (!body) {
        zip_discard(za);
        if (missing) {
            st = INSTCITE_ERR_UNSUPPORTED;
            input_set_err(err, st, "a zip archive that is not a Word .docx document");
        }
        return st;
    }
    xmlDoc *header = first_header(za, body);
    xmlDoc *num = read_part(za, "word/numbering.xml", &missing, err, &st);
    xmlDoc *notes = st == INSTCITE_OK ? read_part(za, "word/footnotes.xml", &missing, err, &st) : NULL;
    xmlDoc *endnotes = st == INSTCITE_OK ? read_part(za, "word/endnotes.xml", &missing, err, &st) : NULL;
    xmlDoc *styles = st == INSTCITE_OK ? read_part(za, "word/styles.xml", &missing, err, &st) : NULL;
    zip_discard(za);
    sink k = {0};
    dwalk w = {.k = &k};
    if (st == INSTCITE_OK) {
        if (num)
            numbering_load(&w.nb, num);
        if (styles)
            index_build(&w.styles, xmlDocGetRootElement(styles), "style", "styleId", true);
        const xmlNode *root = xmlDocGetRootElement(body);
        if (header && xmlDocGetRootElement(header))
            walk_children(&w, xmlDocGetRootElement(header));
        if (root)
            walk_children(&w, root);
        footnotes(&w, notes, endnotes);
    }
    free(w.nb.defs);
    index_free(&w.styles);
    index_free(&w.notes);
    index_free(&w.endnotes);
    free(w.refs);
    xmlFreeDoc(body);
    xmlFreeDoc(num);
    xmlFreeDoc(notes);
    xmlFreeDoc(endnotes);
    xmlFreeDoc(styles);
    xmlFreeDoc(header);
    if (st != INSTCITE_OK) {
        free(k.s);
        return st;
    }
    return sink_finish(&k, out, out_len, err, "Word document without text");
}
