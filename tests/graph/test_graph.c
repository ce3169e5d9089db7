/*
 * Unit tests of the citation graph: documents built by hand with the
 * internal doc builder, the embedded catalog for protocol -> parent.
 */
#include "instcite.h"
#include "extract/doc.h"
#include "graph/graph.h"

#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define CRC "Convention on the Rights of the Child"
#define OPSC                                                                                  \
    "Optional Protocol to the Convention on the Rights of the Child on the sale of children, " \
    "child prostitution and child pornography"

static void mention(instcite_doc *d, instcite_kind kind, const char *where, const char *key,
                    const char *catalog_id, const char *symbol, const char *clause, size_t start)
{
    instcite_mention *m = doc_add_mention(d);
    assert_non_null(m);
    m->kind = kind;
    m->where = doc_strdup(d, where);
    m->key = doc_strdup(d, key);
    m->catalog_id = catalog_id ? doc_strdup(d, catalog_id) : NULL;
    m->symbol = symbol ? doc_strdup(d, symbol) : NULL;
    m->clause = clause ? doc_strdup(d, clause) : NULL;
    m->start = start;
    m->end = start + 10;
    m->confidence = 1.0;
}

static instcite_doc *resolution(const char *symbol, const char *lang, const char *date)
{
    instcite_doc *d = doc_new("corpus/x.txt");
    assert_non_null(d);
    d->info.symbol = doc_strdup(d, symbol);
    d->info.lang = doc_strdup(d, lang);
    d->info.kind = INSTCITE_KIND_GA_RESOLUTION;
    d->info.body = doc_strdup(d, "GA");
    d->info.session = atoi(symbol + 6);
    d->info.date = doc_strdup(d, date);
    d->info.title = doc_strdup(d, "Title of the resolution");
    return d;
}

/* A/RES/74/174 cites the CRC twice, its protocol, A/RES/73/154 twice and
 * itself; it states the protocol -> CRC relation the catalog also knows.
 * A/RES/73/154 is added too and cites the CRC. */
static instcite_doc *doc_a(void)
{
    instcite_doc *d = resolution("A/RES/74/174", "en", "2019-12-18");
    mention(d, INSTCITE_KIND_GA_RESOLUTION, "HEADER", "A/RES/74/174", NULL, "A/RES/74/174", NULL, 5);
    mention(d, INSTCITE_KIND_CONVENTION, "PP8", CRC, "crc", NULL, "recall", 100);
    mention(d, INSTCITE_KIND_PROTOCOL, "PP8", OPSC, "crc-opsc", NULL, "recall", 150);
    mention(d, INSTCITE_KIND_GA_RESOLUTION, "PP12", "A/RES/73/154", NULL, "A/RES/73/154", "recall",
            300);
    mention(d, INSTCITE_KIND_GA_RESOLUTION, "OP3", "A/RES/73/154", NULL, "A/RES/73/154", "urge",
            900);
    mention(d, INSTCITE_KIND_CONVENTION, "OP3", CRC, "crc", NULL, "urge", 800);
    instcite_relation *r = doc_add_relation(d);
    assert_non_null(r);
    r->from = doc_strdup(d, OPSC);
    r->type = doc_strdup(d, "optional_protocol_to");
    r->to = doc_strdup(d, CRC);
    r->where = doc_strdup(d, "PP8");
    return d;
}

static instcite_doc *doc_b(void)
{
    instcite_doc *d = resolution("A/RES/73/154", "en", "2018-12-17");
    mention(d, INSTCITE_KIND_CONVENTION, "PP3", CRC, "crc", NULL, "recall", 50);
    return d;
}

typedef struct fixture {
    instcite_catalog *cat;
    instcite_graph *g;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    instcite_error err;
    f->cat = instcite_catalog_new(&err);
    if (!f->cat) {
        fprintf(stderr, "catalog: %s\n", err.message);
        free(f);
        return -1;
    }
    f->g = instcite_graph_new(f->cat, &err);
    *state = f;
    return f->g ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    instcite_graph_free(f->g);
    instcite_catalog_free(f->cat);
    free(f);
    return 0;
}

static void add_both(instcite_graph *g)
{
    instcite_error err;
    instcite_doc *a = doc_a(), *b = doc_b();
    assert_int_equal(instcite_graph_add(g, a, &err), INSTCITE_OK);
    instcite_doc_free(a); /* the graph copies what it needs */
    assert_int_equal(instcite_graph_add(g, b, &err), INSTCITE_OK);
    instcite_doc_free(b);
}

/* Sorted position of a node id, or -1. */
static long node_at(const instcite_graph *g, const char *id)
{
    for (size_t i = 0; i < instcite_graph_node_count(g); i++)
        if (strcmp(graph_node_id(g, i), id) == 0)
            return (long)i;
    return -1;
}

static long edge_at(const instcite_graph *g, const char *from, const char *to)
{
    for (size_t e = 0; e < instcite_graph_edge_count(g); e++)
        if (strcmp(graph_node_id(g, graph_edge_source(g, e)), from) == 0 &&
            strcmp(graph_node_id(g, graph_edge_target(g, e)), to) == 0)
            return (long)e;
    return -1;
}

/* Value of the attribute called name (node or edge column). */
static gval node_attr(const instcite_graph *g, long i, const char *name)
{
    assert_true(i >= 0);
    for (size_t k = 0; k < graph_node_attr_count(); k++)
        if (strcmp(graph_node_attr(k)->name, name) == 0)
            return graph_node_value(g, (size_t)i, k);
    fail_msg("no node attribute %s", name);
    return (gval){0};
}

static gval edge_attr(const instcite_graph *g, long e, const char *name)
{
    assert_true(e >= 0);
    for (size_t k = 0; k < graph_edge_attr_count(); k++)
        if (strcmp(graph_edge_attr(k)->name, name) == 0)
            return graph_edge_value(g, (size_t)e, k);
    fail_msg("no edge attribute %s", name);
    return (gval){0};
}

static void counts_and_merge(void **state)
{
    fixture *f = *state;
    add_both(f->g);
    instcite_error err;
    assert_int_equal(graph_prepare(f->g, &err), INSTCITE_OK);
    /* A/RES/74/174, A/RES/73/154 (cited AND added: one node), CRC, OPSC,
     * and the resolutions the catalog says adopted CRC and OPSC
     * (A/RES/44/25, A/RES/54/263). */
    assert_int_equal(instcite_graph_node_count(f->g), 6);
    /* A->CRC, A->OPSC, A->73/154, B->CRC, OPSC->CRC (doc relation and
     * catalog relation collapse), CRC->44/25 and OPSC->54/263 (adopted_by);
     * no A->A self-loop. */
    assert_int_equal(instcite_graph_edge_count(f->g), 7);
    assert_string_equal(edge_attr(f->g, edge_at(f->g, CRC, "A/RES/44/25"), "type").s,
                        "adopted_by");
    assert_int_equal(node_attr(f->g, node_at(f->g, "A/RES/44/25"), "session").i, 44);
    assert_int_equal(edge_at(f->g, "A/RES/74/174", "A/RES/74/174"), -1);

    long b = node_at(f->g, "A/RES/73/154");
    assert_true(node_attr(f->g, b, "in_corpus").b);
    assert_int_equal(node_attr(f->g, b, "session").i, 73);
    assert_int_equal(node_attr(f->g, b, "year").i, 2018);
    assert_string_equal(node_attr(f->g, b, "label").s, "A/RES/73/154");
    assert_string_equal(node_attr(f->g, b, "kind").s, "ga_resolution");

    long crc = node_at(f->g, CRC);
    assert_false(node_attr(f->g, crc, "in_corpus").b);
    assert_string_equal(node_attr(f->g, crc, "catalog_id").s, "crc");
    assert_string_equal(node_attr(f->g, crc, "unts").s, "1577/27531");
    assert_string_equal(node_attr(f->g, crc, "label").s, CRC);
    assert_int_equal(node_attr(f->g, crc, "year").i, 1989);
    /* In from A, B and the protocol; weights 2 + 1 + 1. */
    assert_int_equal(node_attr(f->g, crc, "in_degree").i, 3);
    assert_int_equal(node_attr(f->g, crc, "weighted_in_degree").i, 4);
    gval pr = node_attr(f->g, crc, "pagerank");
    assert_int_equal(pr.type, GVAL_DOUBLE);
    /* Of the cited nodes the most cited ranks highest (the resolution that
     * adopted CRC is downstream of it through adopted_by, and may rank
     * higher: metrics run over every edge); ranks sum to 1. */
    double sum = 0;
    for (size_t i = 0; i < instcite_graph_node_count(f->g); i++) {
        double p = node_attr(f->g, (long)i, "pagerank").d;
        sum += p;
        if (node_attr(f->g, (long)i, "cited_by").i > 0)
            assert_true(p <= pr.d);
    }
    assert_true(sum > 0.999999 && sum < 1.000001);
}

static void edge_attributes(void **state)
{
    fixture *f = *state;
    add_both(f->g);
    assert_int_equal(graph_prepare(f->g, NULL), INSTCITE_OK);

    long e = edge_at(f->g, "A/RES/74/174", CRC);
    assert_string_equal(edge_attr(f->g, e, "type").s, "cites");
    assert_int_equal(edge_attr(f->g, e, "weight").i, 2);
    assert_string_equal(edge_attr(f->g, e, "paragraphs").s, "PP8;OP3");
    assert_string_equal(edge_attr(f->g, e, "clauses").s, "recall;urge");
    assert_int_equal(edge_attr(f->g, e, "first_offset").i, 100);
    assert_string_equal(edge_attr(f->g, e, "lang").s, "en");
    assert_int_equal(edge_attr(f->g, e, "relation").type, GVAL_NONE);

    e = edge_at(f->g, "A/RES/74/174", "A/RES/73/154");
    assert_int_equal(edge_attr(f->g, e, "weight").i, 2);
    assert_string_equal(edge_attr(f->g, e, "paragraphs").s, "PP12;OP3");
    assert_int_equal(edge_attr(f->g, e, "first_offset").i, 300);

    e = edge_at(f->g, OPSC, CRC);
    assert_string_equal(edge_attr(f->g, e, "type").s, "optional_protocol_to");
    assert_string_equal(edge_attr(f->g, e, "relation").s, "optional_protocol_to");
    assert_string_equal(edge_attr(f->g, e, "relation_where").s, "CATALOG;PP8");
    assert_int_equal(edge_attr(f->g, e, "weight").i, 1);
    assert_int_equal(edge_attr(f->g, e, "first_offset").type, GVAL_NONE);
}

/* The parent relation comes from the catalog alone when the document states
 * none, and brings the parent node with it. */
static void catalog_parent(void **state)
{
    fixture *f = *state;
    instcite_doc *d = resolution("A/RES/75/1", "en", "2020-09-21");
    mention(d, INSTCITE_KIND_PROTOCOL, "PP2", OPSC, "crc-opsc", NULL, "recall", 10);
    assert_int_equal(instcite_graph_add(f->g, d, NULL), INSTCITE_OK);
    instcite_doc_free(d);
    assert_int_equal(graph_prepare(f->g, NULL), INSTCITE_OK);
    /* A/RES/75/1, OPSC, CRC and A/RES/54/263 (adopted OPSC, per catalog). */
    assert_int_equal(instcite_graph_node_count(f->g), 4);
    assert_int_equal(instcite_graph_edge_count(f->g), 3);
    long e = edge_at(f->g, OPSC, CRC);
    assert_string_equal(edge_attr(f->g, e, "type").s, "optional_protocol_to");
    assert_string_equal(edge_attr(f->g, e, "relation_where").s, "CATALOG");
    long crc = node_at(f->g, CRC);
    assert_string_equal(node_attr(f->g, crc, "kind").s, "convention");
    assert_int_equal(node_attr(f->g, crc, "in_degree").i, 1);
}

/* The same resolution in two languages is one node; its citations of the
 * same identity aggregate on one edge. */
static void two_languages(void **state)
{
    fixture *f = *state;
    instcite_doc *en = resolution("A/RES/74/174", "en", "2019-12-18");
    instcite_doc *zh = resolution("A/RES/74/174", "zh", "2019-12-18");
    mention(en, INSTCITE_KIND_CONVENTION, "PP8", CRC, "crc", NULL, "recall", 100);
    mention(zh, INSTCITE_KIND_CONVENTION, "PP8", CRC, "crc", NULL, "recall", 60);
    assert_int_equal(instcite_graph_add(f->g, en, NULL), INSTCITE_OK);
    assert_int_equal(instcite_graph_add(f->g, zh, NULL), INSTCITE_OK);
    instcite_doc_free(en);
    instcite_doc_free(zh);
    assert_int_equal(graph_prepare(f->g, NULL), INSTCITE_OK);
    /* The resolution, CRC and A/RES/44/25 (adopted CRC, per catalog). */
    assert_int_equal(instcite_graph_node_count(f->g), 3);
    assert_int_equal(instcite_graph_edge_count(f->g), 2);
    long a = node_at(f->g, "A/RES/74/174");
    assert_string_equal(node_attr(f->g, a, "lang").s, "en;zh");
    long e = edge_at(f->g, "A/RES/74/174", CRC);
    assert_int_equal(edge_attr(f->g, e, "weight").i, 2);
    assert_string_equal(edge_attr(f->g, e, "paragraphs").s, "PP8");
    assert_string_equal(edge_attr(f->g, e, "lang").s, "en;zh");
    assert_int_equal(edge_attr(f->g, e, "first_offset").i, 60);
}

static void sorted_order(void **state)
{
    fixture *f = *state;
    add_both(f->g);
    assert_int_equal(graph_prepare(f->g, NULL), INSTCITE_OK);
    size_t n = instcite_graph_node_count(f->g);
    for (size_t i = 1; i < n; i++)
        assert_true(strcmp(graph_node_id(f->g, i - 1), graph_node_id(f->g, i)) < 0);
    assert_string_equal(graph_node_id(f->g, 0), "A/RES/44/25");
    for (size_t e = 1; e < instcite_graph_edge_count(f->g); e++) {
        size_t s0 = graph_edge_source(f->g, e - 1), s1 = graph_edge_source(f->g, e);
        assert_true(s0 < s1 || (s0 == s1 && graph_edge_target(f->g, e - 1) <
                                                graph_edge_target(f->g, e)));
    }
}

static char *write_to_memory(instcite_graph *g, instcite_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    instcite_error err;
    assert_int_equal(instcite_graph_write(g, fmt, m, &err), INSTCITE_OK);
    assert_int_equal(fclose(m), 0);
    return buf;
}

static void reproducible(void **state)
{
    fixture *f = *state;
    add_both(f->g);
    instcite_format fmts[] = {INSTCITE_FORMAT_GRAPHML, INSTCITE_FORMAT_JSON};
    for (size_t k = 0; k < 2; k++) {
        char *one = write_to_memory(f->g, fmts[k]);
        char *two = write_to_memory(f->g, fmts[k]);
        assert_string_equal(one, two);
        free(one);
        free(two);
    }
    /* The same documents added in the other order give the same bytes. */
    instcite_graph *h = instcite_graph_new(f->cat, NULL);
    assert_non_null(h);
    instcite_doc *a = doc_a(), *b = doc_b();
    assert_int_equal(instcite_graph_add(h, b, NULL), INSTCITE_OK);
    assert_int_equal(instcite_graph_add(h, a, NULL), INSTCITE_OK);
    instcite_doc_free(a);
    instcite_doc_free(b);
    char *x = write_to_memory(f->g, INSTCITE_FORMAT_JSON);
    char *y = write_to_memory(h, INSTCITE_FORMAT_JSON);
    /* Lists are in first-seen order, but here every list comes from one
     * document, so the order of addition does not show. */
    assert_string_equal(x, y);
    free(x);
    free(y);
    instcite_graph_free(h);
}

static void graphml_escapes(void **state)
{
    fixture *f = *state;
    instcite_doc *d = doc_new("odd <name> & \"q\" 'a'\x01");
    assert_non_null(d);
    d->info.lang = doc_strdup(d, "en");
    d->info.title = doc_strdup(d, "tab\there\r\nA & B < C");
    assert_int_equal(instcite_graph_add(f->g, d, NULL), INSTCITE_OK);
    instcite_doc_free(d);
    char *xml = write_to_memory(f->g, INSTCITE_FORMAT_GRAPHML);
    assert_non_null(strstr(xml, "tab&#9;here&#13;&#10;A &amp; B &lt; C"));
    assert_non_null(strstr(xml, "odd &lt;name&gt; &amp; &quot;q&quot; &#39;a&#39;\xEF\xBF\xBD"));
    /* The id is an NMTOKEN: space, '<', '_' ... encoded. */
    assert_non_null(strstr(xml, "<node id=\"odd_x0020__x003C_name_x003E_"));
    assert_null(strchr(xml, '\x01'));
    assert_null(strstr(xml, "attr.type=\"long\""));
    assert_null(strstr(xml, "for=\"graph\""));
    assert_non_null(strstr(xml, "edgedefault=\"directed\""));
    free(xml);
}

static void numbers(void **state)
{
    (void)state;
    char buf[32];
    graph_format_double(1.0, buf);
    assert_string_equal(buf, "1.0");
    graph_format_double(0.5, buf);
    assert_string_equal(buf, "0.5");
    graph_format_double(0.1, buf);
    assert_string_equal(buf, "0.1");
    graph_format_double(1.0 / 3.0, buf);
    assert_true(strtod(buf, NULL) == 1.0 / 3.0);
    graph_format_double(1e-20, buf);
    assert_string_equal(buf, "1e-20");
}

/* What graph_format_double promises, printed the plain way: the first of
 * %.15g, %.16g, %.17g that reads back exactly, ".0" added to a bare
 * integer. */
static void reference_double(double d, char buf[32])
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, 32, "%.*g", prec, d);
        if (strtod(buf, NULL) == d)
            break;
    }
    if (!strpbrk(buf, ".eE"))
        strcat(buf, ".0");
}

static uint64_t next_random(uint64_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return *state;
}

/* The fast path (one printf, the shorter forms rounded from its digits)
 * against the reference on every kind of double: random bit patterns (all
 * magnitudes), PageRank-sized values, short decimals and integers (which
 * take the 15-digit form), values next to powers of ten (rounding carries
 * into the exponent) and the halfway cases where the 17 digits end in 5. */
static void numbers_like_printf(void **state)
{
    (void)state;
    uint64_t r = 0x9E3779B97F4A7C15u;
    char got[32], want[32];
    for (int i = 0; i < 300000; i++) {
        double d;
        uint64_t bits = next_random(&r);
        switch (i % 6) {
        case 0: memcpy(&d, &bits, sizeof d); break;
        case 1: d = (double)(bits >> 11) / 9007199254740992.0 / 1000.0; break;
        case 2: d = (double)(bits % 100000) / 1000.0; break;
        case 3: d = (double)(int64_t)(bits % 2000000000) - 1e9; break;
        case 4: {
            static const double tens[] = {1e-5, 1e-4, 1e-3, 0.1, 1, 10, 1e14, 1e15, 1e16, 1e17};
            /* a few representable steps either side (positive doubles
             * order as their bits do) */
            uint64_t b;
            memcpy(&b, &tens[bits % 10], sizeof b);
            uint64_t k = (bits >> 8) % 6;
            b = (bits >> 16) & 1 ? b - k : b + k;
            memcpy(&d, &b, sizeof d);
            break;
        }
        default: d = ((double)(bits % 1000000) + 0.5) * 1e-7; break;
        }
        if (isnan(d) || isinf(d))
            continue;
        graph_format_double(d, got);
        reference_double(d, want);
        if (strcmp(got, want) != 0)
            fail_msg("%a: got %s, want %s", d, got, want);
    }
}

/* Under a locale whose decimal point is a comma, output is unchanged. Skipped
 * when no such locale is installed (LOCPATH may point at one built with
 * localedef -i de_DE -f UTF-8 DIR/de_DE.UTF-8). */
static void comma_locale(void **state)
{
    fixture *f = *state;
    add_both(f->g);
    char *before = write_to_memory(f->g, INSTCITE_FORMAT_JSON);
    char *before_xml = write_to_memory(f->g, INSTCITE_FORMAT_GRAPHML);
    const char *names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8"};
    bool set = false;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !set; i++)
        set = setlocale(LC_ALL, names[i]) != NULL;
    if (!set) {
        free(before);
        free(before_xml);
        skip();
    }
    char buf[32];
    snprintf(buf, sizeof buf, "%.1f", 0.5);
    bool comma = strcmp(buf, "0,5") == 0;
    instcite_graph_free(f->g); /* rebuild so the metrics are recomputed */
    f->g = instcite_graph_new(f->cat, NULL);
    assert_non_null(f->g);
    add_both(f->g);
    char *after = write_to_memory(f->g, INSTCITE_FORMAT_JSON);
    char *after_xml = write_to_memory(f->g, INSTCITE_FORMAT_GRAPHML);
    graph_format_double(0.5, buf);
    setlocale(LC_ALL, "C");
    assert_true(comma);
    assert_string_equal(buf, "0.5");
    assert_string_equal(before, after);
    assert_string_equal(before_xml, after_xml);
    free(before);
    free(after);
    free(before_xml);
    free(after_xml);
}

static void errors(void **state)
{
    fixture *f = *state;
    add_both(f->g);
    instcite_error err;
    assert_int_equal(instcite_graph_write(f->g, INSTCITE_FORMAT_CSV, stdout, &err),
                     INSTCITE_ERR_INVALID);
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        assert_int_equal(instcite_graph_write(f->g, INSTCITE_FORMAT_GRAPHML, full, &err),
                         INSTCITE_ERR_IO);
        clearerr(full);
        assert_int_equal(instcite_graph_write(f->g, INSTCITE_FORMAT_JSON, full, &err),
                         INSTCITE_ERR_IO);
        fclose(full);
    }
    instcite_graph_free(NULL);
    assert_int_equal(instcite_graph_node_count(NULL), 0);
}

static void empty_graph(void **state)
{
    fixture *f = *state;
    char *json = write_to_memory(f->g, INSTCITE_FORMAT_JSON);
    assert_string_equal(json, "{\"directed\":true,\"multigraph\":false,\"graph\":{},"
                              "\"nodes\":[],\"edges\":[]}\n");
    free(json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(counts_and_merge, setup, teardown),
        cmocka_unit_test_setup_teardown(edge_attributes, setup, teardown),
        cmocka_unit_test_setup_teardown(catalog_parent, setup, teardown),
        cmocka_unit_test_setup_teardown(two_languages, setup, teardown),
        cmocka_unit_test_setup_teardown(sorted_order, setup, teardown),
        cmocka_unit_test_setup_teardown(reproducible, setup, teardown),
        cmocka_unit_test_setup_teardown(graphml_escapes, setup, teardown),
        cmocka_unit_test(numbers),
        cmocka_unit_test(numbers_like_printf),
        cmocka_unit_test_setup_teardown(comma_locale, setup, teardown),
        cmocka_unit_test_setup_teardown(errors, setup, teardown),
        cmocka_unit_test_setup_teardown(empty_graph, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
