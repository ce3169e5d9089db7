/*
 * Unit tests of the drawing layout (src/graph/draw.c) and of the writers'
 * contracts: coordinates in [0, 1] and repeatable (for every node or a chosen
 * subset), a drawing of more than 1,000 nodes showing 1,000, the time layout's x given
 * by the year, date normalisation for GEXF, refused formats, and every
 * writer reporting a failed write (to /dev/full) as INSTCITE_ERR_IO.
 */
#include "instcite.h"
#include "export/out.h"
#include "extract/doc.h"
#include "graph/graph.h"

#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void cite(instcite_doc *d, instcite_kind kind, const char *key, const char *date)
{
    instcite_mention *m = doc_add_mention(d);
    assert_non_null(m);
    m->kind = kind;
    m->where = doc_strdup(d, "PP1");
    m->key = doc_strdup(d, key);
    m->symbol = kind == INSTCITE_KIND_GA_RESOLUTION ? m->key : NULL;
    m->date = date ? doc_strdup(d, date) : NULL;
    m->start = 1;
    m->end = 2;
}

static instcite_doc *resolution(const char *symbol, const char *date)
{
    instcite_doc *d = doc_new(symbol);
    assert_non_null(d);
    d->info.symbol = doc_strdup(d, symbol);
    d->info.kind = INSTCITE_KIND_GA_RESOLUTION;
    d->info.date = date ? doc_strdup(d, date) : NULL;
    d->info.lang = doc_strdup(d, "en");
    return d;
}

/* Two resolutions citing a convention (1989), an older resolution (2001)
 * and an undated report: 6 nodes. */
static instcite_graph *sample(void)
{
    instcite_error err;
    instcite_graph *g = instcite_graph_new(NULL, &err);
    assert_non_null(g);
    instcite_doc *a = resolution("A/RES/74/174", "2019-12-18");
    instcite_doc *b = resolution("A/RES/73/154", "2018-12-17");
    cite(a, INSTCITE_KIND_CONVENTION, "Convention on the Rights of the Child", "1989");
    cite(a, INSTCITE_KIND_GA_RESOLUTION, "A/RES/73/154", "2018-12-17");
    cite(a, INSTCITE_KIND_REPORT, "A/74/400", NULL);
    cite(b, INSTCITE_KIND_CONVENTION, "Convention on the Rights of the Child", "1989");
    cite(b, INSTCITE_KIND_GA_RESOLUTION, "A/RES/56/1", "2001-11-01");
    cite(b, INSTCITE_KIND_REPORT, "A/73/500", NULL);
    assert_int_equal(instcite_graph_add(g, a, &err), INSTCITE_OK);
    assert_int_equal(instcite_graph_add(g, b, &err), INSTCITE_OK);
    instcite_doc_free(a);
    instcite_doc_free(b);
    assert_int_equal(graph_prepare(g, &err), INSTCITE_OK);
    return g;
}

static void test_force_layout(void **state)
{
    (void)state;
    instcite_graph *g = sample();
    size_t n = instcite_graph_node_count(g);
    assert_int_equal(n, 6);
    double x[6], y[6], x2[6], y2[6];
    instcite_error err;
    assert_int_equal(graph_layout(g, INSTCITE_LAYOUT_FORCE, NULL, x, y, &err), INSTCITE_OK);
    assert_int_equal(graph_layout(g, INSTCITE_LAYOUT_AUTO, NULL, x2, y2, &err), INSTCITE_OK);
    double lo = 1, hi = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(x[i] >= 0 && x[i] <= 1 && y[i] >= 0 && y[i] <= 1);
        /* Seeded: the same picture every time. */
        assert_true(x[i] == x2[i] && y[i] == y2[i]);
        lo = x[i] < lo ? x[i] : lo;
        hi = x[i] > hi ? x[i] : hi;
    }
    assert_true(lo == 0.0 && hi == 1.0); /* normalised to the full width */
    instcite_graph_free(g);
}

static void test_time_layout(void **state)
{
    (void)state;
    instcite_graph *g = sample();
    size_t n = instcite_graph_node_count(g);
    double x[6], y[6];
    instcite_error err;
    assert_int_equal(graph_layout(g, INSTCITE_LAYOUT_TIME, NULL, x, y, &err), INSTCITE_OK);
    for (size_t i = 0; i < n; i++) {
        long long yr = graph_node_time_year(g, i);
        assert_true(x[i] == graph_time_x(yr, 1989, 2019));
        assert_true(y[i] >= 0 && y[i] <= 1);
    }
    assert_true(graph_time_x(0, 1989, 2019) == 0.0);
    assert_true(graph_time_x(1989, 1989, 2019) == 0.12);
    assert_true(graph_time_x(2019, 1989, 2019) == 1.0);
    assert_true(graph_time_x(2001, 1989, 2019) < graph_time_x(2018, 1989, 2019));
    assert_true(graph_time_x(2000, 2000, 2000) > 0.12);
    instcite_graph_free(g);
}

/* Undated nodes are placed by the year their symbol implies. */
static void test_symbol_years(void **state)
{
    (void)state;
    instcite_error err;
    instcite_graph *g = instcite_graph_new(NULL, &err);
    instcite_doc *d = resolution("A/RES/74/174", "2019-12-18");
    static const struct { const char *key; instcite_kind kind; long long year; } cases[] = {
        {"A/RES/73/154", INSTCITE_KIND_GA_RESOLUTION, 2018},
        {"A/DEC/73/546", INSTCITE_KIND_GA_DECISION, 2018},
        {"A/74/400", INSTCITE_KIND_REPORT, 2019},
        {"E/RES/2011/33", INSTCITE_KIND_ECOSOC_RESOLUTION, 2011},
        {"E/2007/30/Rev.1", INSTCITE_KIND_OFFICIAL_RECORDS, 2007},
        {"S/RES/1325(2000)", INSTCITE_KIND_SC_RESOLUTION, 2000},
        {"A/RES/2200A(XXI)", INSTCITE_KIND_GA_RESOLUTION, 1966},
        {"A/RES/217A(III)", INSTCITE_KIND_GA_RESOLUTION, 1948},
        {"A/RES/S-27/2", INSTCITE_KIND_GA_RESOLUTION, 0},
        {"CCPCJ/RES/16/2", INSTCITE_KIND_COMMISSION_RESOLUTION, 0},
        {"Convention on the Rights of the Child", INSTCITE_KIND_CONVENTION, 0},
    };
    enum { N = sizeof cases / sizeof cases[0] };
    for (size_t k = 0; k < N; k++)
        cite(d, cases[k].kind, cases[k].key, NULL);
    assert_int_equal(instcite_graph_add(g, d, &err), INSTCITE_OK);
    instcite_doc_free(d);
    assert_int_equal(graph_prepare(g, &err), INSTCITE_OK);
    size_t n = instcite_graph_node_count(g);
    assert_int_equal(n, N + 1);
    for (size_t i = 0; i < n; i++) {
        const char *id = graph_node_id(g, i);
        long long want = strcmp(id, "A/RES/74/174") == 0 ? 2019 : -1;
        for (size_t k = 0; k < N; k++)
            if (strcmp(id, cases[k].key) == 0)
                want = cases[k].year;
        assert_true(graph_node_time_year(g, i) == want);
    }
    instcite_graph_free(g);
}

static void test_tiny_graphs(void **state)
{
    (void)state;
    instcite_error err;
    instcite_graph *g = instcite_graph_new(NULL, &err);
    assert_int_equal(graph_prepare(g, &err), INSTCITE_OK);
    double x[1] = {-1}, y[1] = {-1};
    assert_int_equal(graph_layout(g, INSTCITE_LAYOUT_FORCE, NULL, x, y, &err), INSTCITE_OK);
    /* Every format writes an empty graph. */
    static const instcite_format all[] = {
        INSTCITE_FORMAT_GRAPHML, INSTCITE_FORMAT_JSON, INSTCITE_FORMAT_GEXF,
        INSTCITE_FORMAT_CYTOSCAPE, INSTCITE_FORMAT_DOT, INSTCITE_FORMAT_SVG,
        INSTCITE_FORMAT_HTML, INSTCITE_FORMAT_CSV_NODES, INSTCITE_FORMAT_CSV_EDGES,
    };
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) {
        FILE *f = tmpfile();
        assert_non_null(f);
        assert_int_equal(instcite_graph_write_ex(g, all[k], NULL, f, &err), INSTCITE_OK);
        assert_true(ftell(f) > 0);
        fclose(f);
    }
    instcite_doc *d = resolution("A/RES/1/1", "1946-01-24");
    assert_int_equal(instcite_graph_add(g, d, &err), INSTCITE_OK);
    instcite_doc_free(d);
    assert_int_equal(graph_prepare(g, &err), INSTCITE_OK);
    assert_int_equal(graph_layout(g, INSTCITE_LAYOUT_FORCE, NULL, x, y, &err), INSTCITE_OK);
    assert_true(x[0] == 0.5 && y[0] == 0.5);
    assert_int_equal(graph_layout(g, INSTCITE_LAYOUT_TIME, NULL, x, y, &err), INSTCITE_OK);
    assert_true(x[0] == graph_time_x(1946, 1946, 1946));
    instcite_graph_free(g);
}

/* Above 1000 nodes the force layout is DrL: still in bounds and repeatable. */
static void test_large_layout(void **state)
{
    (void)state;
    instcite_error err;
    instcite_graph *g = instcite_graph_new(NULL, &err);
    enum { DOCS = 13, CITES = 100 };
    for (int d = 0; d < DOCS; d++) {
        char sym[32], key[32];
        snprintf(sym, sizeof sym, "A/RES/70/%d", d + 1);
        instcite_doc *doc = resolution(sym, "2015-12-01");
        for (int c = 0; c < CITES; c++) {
            /* Overlapping ranges, so the documents share some citations. */
            snprintf(key, sizeof key, "A/RES/60/%d", d * 80 + c);
            cite(doc, INSTCITE_KIND_GA_RESOLUTION, key, NULL);
        }
        assert_int_equal(instcite_graph_add(g, doc, &err), INSTCITE_OK);
        instcite_doc_free(doc);
    }
    assert_int_equal(graph_prepare(g, &err), INSTCITE_OK);
    size_t n = instcite_graph_node_count(g);
    assert_true(n > 1000);
    double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    double *x2 = malloc(n * sizeof *x2), *y2 = malloc(n * sizeof *y2);
    assert_non_null(x && y && x2 && y2);
    assert_int_equal(graph_layout(g, INSTCITE_LAYOUT_FORCE, NULL, x, y, &err), INSTCITE_OK);
    assert_int_equal(graph_layout(g, INSTCITE_LAYOUT_FORCE, NULL, x2, y2, &err), INSTCITE_OK);
    for (size_t i = 0; i < n; i++) {
        assert_true(x[i] >= 0 && x[i] <= 1 && y[i] >= 0 && y[i] <= 1);
        assert_true(x[i] == x2[i] && y[i] == y2[i]);
    }
    /* A subset: only the shown nodes get a position. */
    bool *shown = calloc(n, sizeof *shown);
    assert_non_null(shown);
    for (size_t i = 0; i < n; i += 3)
        shown[i] = true;
    for (size_t i = 0; i < n; i++)
        x[i] = y[i] = -1;
    assert_int_equal(graph_layout(g, INSTCITE_LAYOUT_TIME, shown, x, y, &err), INSTCITE_OK);
    for (size_t i = 0; i < n; i++) {
        if (shown[i])
            assert_true(x[i] >= 0 && x[i] <= 1 && y[i] >= 0 && y[i] <= 1);
        else
            assert_true(x[i] == -1 && y[i] == -1);
    }
    free(shown);

    /* The drawing of this graph of more than 1,000 nodes shows 1,000 of
     * them: the 13 documents (each with 100 edges) among them, and says so. */
    char *svg = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&svg, &len);
    assert_non_null(f);
    assert_int_equal(instcite_graph_write(g, INSTCITE_FORMAT_SVG, f, &err), INSTCITE_OK);
    assert_int_equal(fclose(f), 0);
    char title[128];
    snprintf(title, sizeof title, "Citation graph: 1000 of %zu nodes (those with most edges)", n);
    assert_non_null(strstr(svg, title));
    size_t circles = 0, documents = 0;
    for (const char *p = svg; (p = strstr(p, "<title>")) != NULL; p++)
        circles++;
    for (const char *p = svg; (p = strstr(p, "stroke-width=\"2.5\"><title>A/RES/70/")) != NULL; p++)
        documents++;
    assert_int_equal(circles, 1000);
    assert_int_equal(documents, DOCS);
    free(svg);

    free(x);
    free(y);
    free(x2);
    free(y2);
    instcite_graph_free(g);
}

static void test_iso_date(void **state)
{
    (void)state;
    char buf[11];
    assert_true(iso_date("2007", buf));
    assert_string_equal(buf, "2007-01-01");
    assert_true(iso_date("2019-12-18", buf));
    assert_string_equal(buf, "2019-12-18");
    assert_false(iso_date("2019-13-01", buf));
    assert_false(iso_date("2019-12", buf));
    assert_false(iso_date("19th century", buf));
    assert_false(iso_date("", buf));
    assert_false(iso_date(NULL, buf));
}

static void test_refused_formats(void **state)
{
    (void)state;
    instcite_graph *g = sample();
    instcite_error err;
    FILE *f = tmpfile();
    assert_int_equal(instcite_graph_write_ex(g, INSTCITE_FORMAT_CSV, NULL, f, &err),
                     INSTCITE_ERR_INVALID);
    assert_non_null(strstr(err.message, "CSV_NODES"));
    assert_int_equal(instcite_graph_write_ex(g, INSTCITE_FORMAT_JSONL, NULL, f, &err),
                     INSTCITE_ERR_INVALID);
    assert_int_equal(instcite_graph_write_ex(g, (instcite_format)999, NULL, f, &err),
                     INSTCITE_ERR_INVALID);
    assert_int_equal(instcite_graph_write_ex(g, INSTCITE_FORMAT_SVG, NULL, NULL, &err),
                     INSTCITE_ERR_INVALID);
    /* The graph formats are not extraction-record formats. */
    assert_int_equal(instcite_records_write(NULL, 0, INSTCITE_FORMAT_GEXF, f, &err),
                     INSTCITE_ERR_INVALID);
    fclose(f);
    assert_int_equal(instcite_format_from_name("gexf"), INSTCITE_FORMAT_GEXF);
    assert_int_equal(instcite_format_from_name("cytoscape"), INSTCITE_FORMAT_CYTOSCAPE);
    assert_int_equal(instcite_format_from_path("out/a.b/graph.gexf"), INSTCITE_FORMAT_GEXF);
    assert_int_equal(instcite_format_from_path("g.cyjs"), INSTCITE_FORMAT_CYTOSCAPE);
    assert_int_equal(instcite_format_from_path("g.gv"), INSTCITE_FORMAT_DOT);
    assert_int_equal(instcite_format_from_path("g.htm"), INSTCITE_FORMAT_HTML);
    assert_int_equal(instcite_format_from_path("g.csv"), INSTCITE_FORMAT_CSV);
    assert_int_equal(instcite_format_from_path("out.svg/graph"), INSTCITE_FORMAT_UNKNOWN);
    instcite_graph_free(g);
}

static void test_write_errors(void **state)
{
    (void)state;
    FILE *full = fopen("/dev/full", "w");
    if (!full)
        skip();
    /* Fully buffered, so the failure shows at the writer's final flush. */
    instcite_graph *g = sample();
    static const instcite_format all[] = {
        INSTCITE_FORMAT_GRAPHML, INSTCITE_FORMAT_JSON, INSTCITE_FORMAT_GEXF,
        INSTCITE_FORMAT_CYTOSCAPE, INSTCITE_FORMAT_DOT, INSTCITE_FORMAT_SVG,
        INSTCITE_FORMAT_HTML, INSTCITE_FORMAT_CSV_NODES, INSTCITE_FORMAT_CSV_EDGES,
    };
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) {
        instcite_error err = {0};
        clearerr(full);
        assert_int_equal(instcite_graph_write_ex(g, all[k], NULL, full, &err), INSTCITE_ERR_IO);
        assert_true(err.message[0] != '\0');
    }
    fclose(full);
    instcite_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_force_layout),    cmocka_unit_test(test_time_layout),
        cmocka_unit_test(test_symbol_years),
        cmocka_unit_test(test_tiny_graphs),     cmocka_unit_test(test_large_layout),
        cmocka_unit_test(test_iso_date),
        cmocka_unit_test(test_refused_formats), cmocka_unit_test(test_write_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
