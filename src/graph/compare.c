/*
 * Comparison of citation sets (instcite_compare_* in instcite.h).
 *
 * Identities and clause names are interned: a set is a sorted array of
 * identity numbers, each with a bit mask of the clause verbs it was cited
 * under. Memory is therefore linear in the citations, which is what lets
 * --nearest run over 100,000 documents.
 *
 * Nearest sets: an inverted index (identity -> sets citing it, in CSR form)
 * is built once. For a set D the identities are visited rarest first; after
 * the first i of its |D| identities, a set not met yet can share at most
 * r = |D| - i identities with D, so its Jaccard is at most r / |D|. Once k
 * sets are known (their exact Jaccard computed by merging the two sorted
 * arrays) and the k-th best is above that bound, the rest of the index need
 * not be visited. When too many candidates pile up for that check to pay,
 * the scan goes on to the end counting shared identities, which are then
 * exact. Either way the result is exact.
 */
#include "graph/graph.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAX_CLAUSES = 64,     /* distinct clause names kept apart; the rest share the last bit */
    VERIFY_LIMIT = 4096   /* candidates beyond which the early-stop check is dropped */
};

/* ------------------------------------------------------------------------ */
/* Interned strings                                                          */

typedef struct strtab {
    char **s;
    size_t n, cap;
    uint32_t *slot; /* index + 1, 0 = empty; power-of-two size, half full at most */
    size_t slots;
} strtab;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211u;
    }
    return h;
}

/* The number of s, added when new; -1 when out of memory. */
static long strtab_intern(strtab *t, const char *s)
{
    if (t->slots) {
        size_t mask = t->slots - 1;
        for (size_t h = (size_t)hash_str(s) & mask; t->slot[h]; h = (h + 1) & mask)
            if (strcmp(t->s[t->slot[h] - 1], s) == 0)
                return (long)(t->slot[h] - 1);
    }
    if (t->n >= UINT32_MAX - 1)
        return -1;
    if ((t->n + 1) * 2 > t->slots) {
        size_t slots = t->slots ? t->slots * 2 : 1024;
        uint32_t *slot = calloc(slots, sizeof *slot);
        if (!slot)
            return -1;
        for (size_t i = 0; i < t->n; i++) {
            size_t h = (size_t)hash_str(t->s[i]) & (slots - 1);
            while (slot[h])
                h = (h + 1) & (slots - 1);
            slot[h] = (uint32_t)i + 1;
        }
        free(t->slot);
        t->slot = slot;
        t->slots = slots;
    }
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        char **v = realloc(t->s, cap * sizeof *v);
        if (!v)
            return -1;
        t->s = v;
        t->cap = cap;
    }
    size_t len = strlen(s) + 1;
    char *copy = malloc(len);
    if (!copy)
        return -1;
    memcpy(copy, s, len);
    size_t h = (size_t)hash_str(s) & (t->slots - 1);
    while (t->slot[h])
        h = (h + 1) & (t->slots - 1);
    t->slot[h] = (uint32_t)t->n + 1;
    t->s[t->n] = copy;
    return (long)t->n++;
}

static void strtab_destroy(strtab *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->s[i]);
    free(t->s);
    free(t->slot);
}

/* ------------------------------------------------------------------------ */
/* Sets                                                                      */

typedef struct entry {
    uint32_t id;     /* identity number */
    uint64_t clause; /* bit k: cited under clause name k */
} entry;

typedef struct cset {
    char *name;     /* symbol or name of the first document, or set by the caller */
    char *doc_name; /* name (path) of the first document */
    entry *e;       /* sorted by id, unique */
    size_t n, cap;
} cset;

struct instcite_compare {
    strtab ids, clauses;
    cset *sets;
    size_t n, cap;
    /* Inverted index, built by nearest: sets citing identity i are
     * post[start[i] .. start[i+1]). */
    size_t *start;
    uint32_t *post;
};

static instcite_status nomem(instcite_error *err)
{
    return graph_fail(err, INSTCITE_ERR_NOMEM, "out of memory comparing citation sets");
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

instcite_compare *instcite_compare_new(instcite_error *err)
{
    instcite_compare *c = calloc(1, sizeof *c);
    if (!c)
        nomem(err);
    return c;
}

size_t instcite_compare_count(const instcite_compare *c)
{
    return c ? c->n : 0;
}

void instcite_compare_free(instcite_compare *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        free(c->sets[i].name);
        free(c->sets[i].doc_name);
        free(c->sets[i].e);
    }
    free(c->sets);
    strtab_destroy(&c->ids);
    strtab_destroy(&c->clauses);
    free(c->start);
    free(c->post);
    free(c);
}

/* The identity a mention cites: the rule of the graph (graph.c). */
static const char *mention_id(const instcite_mention *m)
{
    if (m->key && *m->key)
        return m->key;
    if (m->symbol && *m->symbol)
        return m->symbol;
    if (m->catalog_id && *m->catalog_id)
        return m->catalog_id;
    if (m->title && *m->title)
        return m->title;
    return NULL;
}

static int cmp_entry(const void *x, const void *y)
{
    const entry *p = x, *q = y;
    return p->id < q->id ? -1 : p->id > q->id;
}

instcite_status instcite_compare_add(instcite_compare *c, const instcite_doc *doc, size_t set,
                                     instcite_error *err)
{
    if (!c || !doc || set > c->n)
        return graph_fail(err, INSTCITE_ERR_INVALID, "instcite_compare_add: bad argument");
    const instcite_docinfo *info = instcite_doc_info(doc);
    const char *self = info->symbol && *info->symbol ? info->symbol : info->name;
    if (set == c->n) {
        if (c->n == c->cap) {
            size_t cap = c->cap ? c->cap * 2 : 64;
            cset *v = realloc(c->sets, cap * sizeof *v);
            if (!v)
                return nomem(err);
            c->sets = v;
            c->cap = cap;
        }
        cset *s = &c->sets[c->n];
        memset(s, 0, sizeof *s);
        s->name = xstrdup(self ? self : "-");
        s->doc_name = xstrdup(info->name ? info->name : "-");
        if (!s->name || !s->doc_name) {
            free(s->name);
            free(s->doc_name);
            return nomem(err);
        }
        c->n++;
    }
    cset *s = &c->sets[set];
    size_t nm = instcite_doc_mention_count(doc);
    for (size_t i = 0; i < nm; i++) {
        const instcite_mention *m = instcite_doc_mention(doc, i);
        const char *id = mention_id(m);
        if (!id || (self && strcmp(id, self) == 0))
            continue; /* no citation, or the document citing itself */
        long iid = strtab_intern(&c->ids, id);
        long cl = m->clause && *m->clause ? strtab_intern(&c->clauses, m->clause) : -2;
        if (iid < 0 || cl == -1)
            return nomem(err);
        if (s->n == s->cap) {
            size_t cap = s->cap ? s->cap * 2 : 16;
            entry *v = realloc(s->e, cap * sizeof *v);
            if (!v)
                return nomem(err);
            s->e = v;
            s->cap = cap;
        }
        uint64_t bit = 0;
        if (cl >= 0)
            bit = (uint64_t)1 << (cl < MAX_CLAUSES ? cl : MAX_CLAUSES - 1);
        s->e[s->n++] = (entry){.id = (uint32_t)iid, .clause = bit};
    }
    /* Sorted and unique again, clause masks merged. */
    qsort(s->e, s->n, sizeof *s->e, cmp_entry);
    size_t o = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (o && s->e[o - 1].id == s->e[i].id)
            s->e[o - 1].clause |= s->e[i].clause;
        else
            s->e[o++] = s->e[i];
    }
    s->n = o;
    /* The index is stale now. */
    free(c->start);
    free(c->post);
    c->start = NULL;
    c->post = NULL;
    return INSTCITE_OK;
}

instcite_status instcite_compare_set_name(instcite_compare *c, size_t set, const char *name,
                                          instcite_error *err)
{
    if (!c || set >= c->n || !name)
        return graph_fail(err, INSTCITE_ERR_INVALID, "instcite_compare_set_name: bad argument");
    char *copy = xstrdup(name);
    if (!copy)
        return nomem(err);
    free(c->sets[set].name);
    c->sets[set].name = copy;
    return INSTCITE_OK;
}

/* Size of the intersection of two sorted sets. */
static size_t shared_count(const cset *a, const cset *b)
{
    size_t i = 0, j = 0, s = 0;
    while (i < a->n && j < b->n) {
        if (a->e[i].id < b->e[j].id)
            i++;
        else if (a->e[i].id > b->e[j].id)
            j++;
        else {
            s++;
            i++;
            j++;
        }
    }
    return s;
}

static double jaccard(size_t na, size_t nb, size_t s)
{
    size_t uni = na + nb - s;
    return uni ? (double)s / (double)uni : 0.0;
}

static double overlap(size_t na, size_t nb, size_t s)
{
    size_t lo = na < nb ? na : nb;
    return lo ? (double)s / (double)lo : 0.0;
}

/* ------------------------------------------------------------------------ */
/* Output helpers                                                            */

typedef struct w {
    FILE *f;
    bool failed;
} w;

static void put(w *o, const char *s)
{
    if (!o->failed && fputs(s, o->f) == EOF)
        o->failed = true;
}

static void pf(w *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void pf(w *o, const char *fmt, ...)
{
    if (o->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    if (vfprintf(o->f, fmt, ap) < 0)
        o->failed = true;
    va_end(ap);
}

static void num(w *o, double d)
{
    char buf[32];
    graph_format_double(d, buf);
    put(o, buf);
}

static void jstr(w *o, const char *s)
{
    put(o, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            pf(o, "\\%c", *p);
        else if (*p < 0x20)
            pf(o, "\\u%04x", *p);
        else if (!o->failed && putc(*p, o->f) == EOF)
            o->failed = true;
    }
    put(o, "\"");
}

/* A quoted CSV cell; a leading = + - @ TAB CR gets an apostrophe (no
 * spreadsheet formulas), as in the record CSV. */
static void csv(w *o, const char *s)
{
    put(o, "\"");
    if (s[0] && strchr("=+-@\t\r", s[0]))
        put(o, "'");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            put(o, "\"\"");
        else if (!o->failed && putc(*p, o->f) == EOF)
            o->failed = true;
    }
    put(o, "\"");
}

static instcite_status finish(w *o, instcite_error *err)
{
    if (fflush(o->f) != 0 || ferror(o->f) || o->failed)
        return graph_fail(err, INSTCITE_ERR_IO, "cannot write the comparison: write error");
    return INSTCITE_OK;
}

/* The clause names in a mask, ";"-joined in byte order, into buf. */
static const char *clause_list(const instcite_compare *c, uint64_t mask, char *buf, size_t cap)
{
    const char *names[MAX_CLAUSES];
    size_t n = 0;
    for (size_t k = 0; k < MAX_CLAUSES && k < c->clauses.n; k++)
        if (mask >> k & 1)
            names[n++] = c->clauses.s[k];
    /* Few names: insertion sort. */
    for (size_t i = 1; i < n; i++) {
        const char *t = names[i];
        size_t j = i;
        while (j > 0 && strcmp(names[j - 1], t) > 0) {
            names[j] = names[j - 1];
            j--;
        }
        names[j] = t;
    }
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        int k = snprintf(buf + o, cap - o, "%s%s", i ? ";" : "", names[i]);
        if (k < 0 || (size_t)k >= cap - o)
            break;
        o += (size_t)k;
    }
    return buf;
}

/* ------------------------------------------------------------------------ */
/* A pair                                                                    */

/* One identity of A∪B: where it is and under which clauses. */
typedef struct row {
    const char *id;
    int side; /* 1 = only A, 2 = only B, 3 = both */
    uint64_t ca, cb;
} row;

static int cmp_row(const void *x, const void *y)
{
    return strcmp(((const row *)x)->id, ((const row *)y)->id);
}

instcite_status instcite_compare_write_pair(instcite_compare *c, size_t a, size_t b,
                                            instcite_format format, FILE *out,
                                            instcite_error *err)
{
    if (!c || !out || a >= c->n || b >= c->n)
        return graph_fail(err, INSTCITE_ERR_INVALID, "instcite_compare_write_pair: bad argument");
    if (format != INSTCITE_FORMAT_TABLE && format != INSTCITE_FORMAT_JSON &&
        format != INSTCITE_FORMAT_CSV)
        return graph_fail(err, INSTCITE_ERR_INVALID,
                          "a comparison is written as table, json or csv, not format %d",
                          (int)format);
    const cset *A = &c->sets[a], *B = &c->sets[b];
    row *rows = malloc((A->n + B->n + 1) * sizeof *rows);
    if (!rows)
        return nomem(err);
    size_t n = 0, i = 0, j = 0, n_shared = 0, n_a = 0, n_b = 0, n_changed = 0;
    while (i < A->n || j < B->n) {
        if (j == B->n || (i < A->n && A->e[i].id < B->e[j].id)) {
            rows[n++] = (row){c->ids.s[A->e[i].id], 1, A->e[i].clause, 0};
            i++;
            n_a++;
        } else if (i == A->n || B->e[j].id < A->e[i].id) {
            rows[n++] = (row){c->ids.s[B->e[j].id], 2, 0, B->e[j].clause};
            j++;
            n_b++;
        } else {
            rows[n++] = (row){c->ids.s[A->e[i].id], 3, A->e[i].clause, B->e[j].clause};
            n_changed += A->e[i].clause != B->e[j].clause;
            i++;
            j++;
            n_shared++;
        }
    }
    qsort(rows, n, sizeof *rows, cmp_row);
    double jac = jaccard(A->n, B->n, n_shared), ovl = overlap(A->n, B->n, n_shared);
    char ba[512], bb[512];
    w o = {.f = out};
    if (format == INSTCITE_FORMAT_CSV) {
        put(&o, "identity,in_a,in_b,clauses_a,clauses_b\r\n");
        for (size_t r = 0; r < n; r++) {
            csv(&o, rows[r].id);
            pf(&o, ",%s,%s,", rows[r].side & 1 ? "true" : "false",
               rows[r].side & 2 ? "true" : "false");
            csv(&o, clause_list(c, rows[r].ca, ba, sizeof ba));
            put(&o, ",");
            csv(&o, clause_list(c, rows[r].cb, bb, sizeof bb));
            put(&o, "\r\n");
        }
    } else if (format == INSTCITE_FORMAT_JSON) {
        const cset *sides[2] = {A, B};
        put(&o, "{");
        for (int s = 0; s < 2; s++) {
            pf(&o, "%s\"%c\": {\"doc\": ", s ? ", " : "", s ? 'b' : 'a');
            jstr(&o, sides[s]->name);
            put(&o, ", \"name\": ");
            jstr(&o, sides[s]->doc_name);
            pf(&o, ", \"identities\": %zu}", sides[s]->n);
        }
        pf(&o, ",\n \"shared\": %zu, \"only_a\": %zu, \"only_b\": %zu, \"jaccard\": ", n_shared,
           n_a, n_b);
        num(&o, jac);
        put(&o, ", \"overlap\": ");
        num(&o, ovl);
        static const char *const lists[] = {"shared", "only_a", "only_b"};
        static const int want[] = {3, 1, 2};
        for (int l = 0; l < 3; l++) {
            pf(&o, ",\n \"%s_identities\": [", lists[l]);
            bool first = true;
            for (size_t r = 0; r < n; r++) {
                if (rows[r].side != want[l])
                    continue;
                put(&o, first ? "" : ", ");
                jstr(&o, rows[r].id);
                first = false;
            }
            put(&o, "]");
        }
        put(&o, ",\n \"clause_changes\": [");
        bool first = true;
        for (size_t r = 0; r < n; r++) {
            if (rows[r].side != 3 || rows[r].ca == rows[r].cb)
                continue;
            put(&o, first ? "\n  {\"identity\": " : ",\n  {\"identity\": ");
            jstr(&o, rows[r].id);
            put(&o, ", \"a\": ");
            jstr(&o, clause_list(c, rows[r].ca, ba, sizeof ba));
            put(&o, ", \"b\": ");
            jstr(&o, clause_list(c, rows[r].cb, bb, sizeof bb));
            put(&o, "}");
            first = false;
        }
        put(&o, first ? "]}\n" : "\n ]}\n");
    } else {
        pf(&o, "A  %s (%s): %zu identities\nB  %s (%s): %zu identities\n", A->name, A->doc_name,
           A->n, B->name, B->doc_name, B->n);
        pf(&o, "shared %zu, only A %zu, only B %zu; Jaccard ", n_shared, n_a, n_b);
        num(&o, jac);
        put(&o, ", overlap ");
        num(&o, ovl);
        pf(&o, "; %zu shared identities change clause\n\n", n_changed);
        static const char *const mark[] = {"", "A ", " B", "AB"};
        for (size_t r = 0; r < n; r++) {
            pf(&o, "%s  %s", mark[rows[r].side], rows[r].id);
            if (rows[r].side == 3 && rows[r].ca != rows[r].cb)
                pf(&o, "   [%s -> %s]", clause_list(c, rows[r].ca, ba, sizeof ba),
                   clause_list(c, rows[r].cb, bb, sizeof bb));
            put(&o, "\n");
        }
    }
    free(rows);
    return finish(&o, err);
}

/* ------------------------------------------------------------------------ */
/* All pairs                                                                 */

instcite_status instcite_compare_write_matrix(instcite_compare *c, FILE *out, instcite_error *err)
{
    if (!c || !out)
        return graph_fail(err, INSTCITE_ERR_INVALID, "instcite_compare_write_matrix: NULL argument");
    w o = {.f = out};
    put(&o, "a,a_name,b,b_name,size_a,size_b,shared,jaccard,overlap\r\n");
    for (size_t i = 0; i < c->n && !o.failed; i++) {
        for (size_t j = i + 1; j < c->n; j++) {
            const cset *A = &c->sets[i], *B = &c->sets[j];
            size_t s = shared_count(A, B);
            csv(&o, A->name);
            put(&o, ",");
            csv(&o, A->doc_name);
            put(&o, ",");
            csv(&o, B->name);
            put(&o, ",");
            csv(&o, B->doc_name);
            pf(&o, ",%zu,%zu,%zu,", A->n, B->n, s);
            num(&o, jaccard(A->n, B->n, s));
            put(&o, ",");
            num(&o, overlap(A->n, B->n, s));
            put(&o, "\r\n");
        }
    }
    return finish(&o, err);
}

/* ------------------------------------------------------------------------ */
/* Nearest sets                                                              */

static int build_index(instcite_compare *c)
{
    size_t ni = c->ids.n, total = 0;
    c->start = calloc(ni + 1, sizeof *c->start);
    if (!c->start)
        return -1;
    for (size_t s = 0; s < c->n; s++) {
        total += c->sets[s].n;
        for (size_t k = 0; k < c->sets[s].n; k++)
            c->start[c->sets[s].e[k].id + 1]++;
    }
    for (size_t i = 0; i < ni; i++)
        c->start[i + 1] += c->start[i];
    c->post = malloc((total ? total : 1) * sizeof *c->post);
    size_t *fill = malloc((ni ? ni : 1) * sizeof *fill);
    if (!c->post || !fill) {
        free(fill);
        return -1;
    }
    memcpy(fill, c->start, ni * sizeof *fill);
    /* Sets in order, so every posting list is sorted by set number. */
    for (size_t s = 0; s < c->n; s++)
        for (size_t k = 0; k < c->sets[s].n; k++)
            c->post[fill[c->sets[s].e[k].id]++] = (uint32_t)s;
    free(fill);
    return 0;
}

/* A neighbour with its score. */
typedef struct near {
    uint32_t set;
    uint32_t shared;
    double jaccard;
} near;

/* True when x ranks before y. */
static bool better(const near *x, const near *y)
{
    if (x->jaccard != y->jaccard)
        return x->jaccard > y->jaccard;
    if (x->shared != y->shared)
        return x->shared > y->shared;
    return x->set < y->set;
}

/* Inserts x into the sorted best list (at most k long). */
static void offer(near *best, size_t *n, size_t k, near x)
{
    if (*n == k && !better(&x, &best[k - 1]))
        return;
    size_t i = *n < k ? (*n)++ : k - 1;
    while (i > 0 && better(&x, &best[i - 1])) {
        best[i] = best[i - 1];
        i--;
    }
    best[i] = x;
}

static const instcite_compare *sort_c;

/* Identities of a set ordered rarest first (ties by number). */
static int cmp_df(const void *x, const void *y)
{
    uint32_t p = *(const uint32_t *)x, q = *(const uint32_t *)y;
    size_t dp = sort_c->start[p + 1] - sort_c->start[p];
    size_t dq = sort_c->start[q + 1] - sort_c->start[q];
    if (dp != dq)
        return dp < dq ? -1 : 1;
    return p < q ? -1 : p > q;
}

/* Per-query scratch, sized by the number of sets and reused. */
typedef struct scratch {
    uint32_t *stamp;   /* set s met in query q when stamp[s] == q + 1 */
    uint32_t *count;   /* shared identities counted so far */
    uint32_t *verified; /* exact score known when verified[s] == q + 1 */
    double *score;
    uint32_t *exact;   /* exact shared count, when verified */
    uint32_t *cand;    /* sets met, in order */
    uint32_t *order;   /* the query's identities, rarest first */
} scratch;

/* The k nearest sets of set q into best (*n of them). */
static void nearest_of(const instcite_compare *c, size_t q, size_t k, scratch *x, near *best,
                       size_t *n)
{
    const cset *D = &c->sets[q];
    uint32_t tag = (uint32_t)q + 1;
    size_t n_cand = 0, n_verified = 0;
    bool counts_exact = true;
    *n = 0;
    for (size_t i = 0; i < D->n; i++)
        x->order[i] = D->e[i].id;
    sort_c = c;
    qsort(x->order, D->n, sizeof *x->order, cmp_df);
    sort_c = NULL;

    for (size_t i = 0; i < D->n; i++) {
        if (n_cand >= k && n_cand <= VERIFY_LIMIT) {
            /* Exact scores of the sets met so far; stop when no set not yet
             * met can reach the k-th best. */
            for (size_t v = n_verified; v < n_cand; v++) {
                uint32_t s = x->cand[v];
                const cset *S = &c->sets[s];
                uint32_t sh = (uint32_t)shared_count(D, S);
                x->exact[s] = sh;
                x->score[s] = jaccard(D->n, S->n, sh);
                x->verified[s] = tag;
            }
            n_verified = n_cand;
            *n = 0;
            for (size_t v = 0; v < n_cand; v++) {
                uint32_t s = x->cand[v];
                offer(best, n, k, (near){s, x->exact[s], x->score[s]});
            }
            double bound = (double)(D->n - i) / (double)D->n;
            if (*n == k && best[k - 1].jaccard > bound) {
                counts_exact = false;
                break;
            }
        }
        uint32_t id = x->order[i];
        for (size_t p = c->start[id]; p < c->start[id + 1]; p++) {
            uint32_t s = c->post[p];
            if (s == q)
                continue;
            if (x->stamp[s] != tag) {
                x->stamp[s] = tag;
                x->count[s] = 0;
                x->cand[n_cand++] = s;
            }
            x->count[s]++;
        }
    }
    if (!counts_exact)
        return; /* best holds the verified top k */
    *n = 0;
    for (size_t v = 0; v < n_cand; v++) {
        uint32_t s = x->cand[v];
        uint32_t sh = x->count[s];
        offer(best, n, k, (near){s, sh, jaccard(D->n, c->sets[s].n, sh)});
    }
}

instcite_status instcite_compare_write_nearest(instcite_compare *c, size_t k,
                                               instcite_format format, FILE *out,
                                               instcite_error *err)
{
    if (!c || !out || k == 0)
        return graph_fail(err, INSTCITE_ERR_INVALID, "instcite_compare_write_nearest: bad argument");
    if (format != INSTCITE_FORMAT_CSV && format != INSTCITE_FORMAT_JSON &&
        format != INSTCITE_FORMAT_JSONL)
        return graph_fail(err, INSTCITE_ERR_INVALID,
                          "nearest sets are written as csv or json, not format %d", (int)format);
    if (c->n >= UINT32_MAX)
        return graph_fail(err, INSTCITE_ERR_LIMIT, "too many sets");
    if (!c->start && build_index(c))
        return nomem(err);
    size_t most = 1;
    for (size_t s = 0; s < c->n; s++)
        if (c->sets[s].n > most)
            most = c->sets[s].n;
    size_t ns = c->n ? c->n : 1;
    scratch x = {
        .stamp = calloc(ns, sizeof(uint32_t)),
        .count = calloc(ns, sizeof(uint32_t)),
        .verified = calloc(ns, sizeof(uint32_t)),
        .score = calloc(ns, sizeof(double)),
        .exact = calloc(ns, sizeof(uint32_t)),
        .cand = malloc(ns * sizeof(uint32_t)),
        .order = malloc(most * sizeof(uint32_t)),
    };
    near *best = malloc(k * sizeof *best);
    instcite_status st = INSTCITE_OK;
    if (!x.stamp || !x.count || !x.verified || !x.score || !x.exact || !x.cand || !x.order ||
        !best) {
        st = nomem(err);
        goto out;
    }
    w o = {.f = out};
    if (format == INSTCITE_FORMAT_CSV)
        put(&o, "doc,name,rank,other,other_name,shared,jaccard\r\n");
    for (size_t q = 0; q < c->n && !o.failed; q++) {
        size_t n;
        nearest_of(c, q, k, &x, best, &n);
        const cset *D = &c->sets[q];
        if (format == INSTCITE_FORMAT_CSV) {
            for (size_t r = 0; r < n; r++) {
                const cset *S = &c->sets[best[r].set];
                csv(&o, D->name);
                put(&o, ",");
                csv(&o, D->doc_name);
                pf(&o, ",%zu,", r + 1);
                csv(&o, S->name);
                put(&o, ",");
                csv(&o, S->doc_name);
                pf(&o, ",%u,", best[r].shared);
                num(&o, best[r].jaccard);
                put(&o, "\r\n");
            }
            continue;
        }
        put(&o, "{\"doc\": ");
        jstr(&o, D->name);
        put(&o, ", \"name\": ");
        jstr(&o, D->doc_name);
        pf(&o, ", \"identities\": %zu, \"nearest\": [", D->n);
        for (size_t r = 0; r < n; r++) {
            const cset *S = &c->sets[best[r].set];
            put(&o, r ? ", {\"doc\": " : "{\"doc\": ");
            jstr(&o, S->name);
            put(&o, ", \"name\": ");
            jstr(&o, S->doc_name);
            pf(&o, ", \"shared\": %u, \"jaccard\": ", best[r].shared);
            num(&o, best[r].jaccard);
            put(&o, "}");
        }
        put(&o, "]}\n");
    }
    st = finish(&o, err);
out:
    free(x.stamp);
    free(x.count);
    free(x.verified);
    free(x.score);
    free(x.exact);
    free(x.cand);
    free(x.order);
    free(best);
    return st;
}
