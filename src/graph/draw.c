/*
 * Node positions for the drawings (SVG, HTML report), computed with igraph.
 * Besides graph.c this is the only file that includes igraph.h; it reads the
 * sorted view (graph.h) and hands back plain coordinate arrays, so the
 * writers in src/export/ never see igraph.
 *
 *  - Force layout: Fruchterman-Reingold (500 iterations), over a grid above
 *    DRAW_FR_MAX_NODES nodes, where FR's O(n^2) iterations get slow (the
 *    drawings show at most that many: see svg.c). Edge direction is
 *    ignored. (DrL took 30 s for 4,400 nodes and 200 s for 16,000.)
 *  - Time layout: x is fixed by the year (FR with minx = maxx per vertex),
 *    y is left to FR, so citations run from right (recent) to left (older),
 *    as in CitNetExplorer. A node without a date is placed by the year its
 *    symbol implies (graph_node_time_year); the rest are held in a column at
 *    the left edge. FR with a grid keeps large graphs tractable.
 *  - igraph's RNG is seeded before every layout, so the same graph always
 *    gets the same picture on the same build.
 */
#include "graph/graph.h"

#include <igraph.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { DRAW_FR_MAX_NODES = 1000, DRAW_FR_ITERATIONS = 500 };
#define DRAW_SEED 20240101

static char draw_reason[160];

static void draw_error_handler(const char *reason, const char *file, int line,
                               igraph_error_t code)
{
    snprintf(draw_reason, sizeof draw_reason, "%s (%s at %s:%d)",
             reason ? reason : "unknown reason", igraph_strerror(code), file ? file : "?", line);
    IGRAPH_FINALLY_FREE();
}

/* The value of a node column, or NULL / 0 when absent. */
static gval node_value(const instcite_graph *g, size_t i, const char *name)
{
    for (size_t k = 0; k < graph_node_attr_count(); k++)
        if (strcmp(graph_node_attr(k)->name, name) == 0)
            return graph_node_value(g, i, k);
    return (gval){.type = GVAL_NONE};
}

/* Leading decimal number of s (at most 4 digits) and where it ends; -1 when
 * s does not start with a digit or the number goes on. */
static long number_at(const char *s, const char **end)
{
    long v = 0;
    int n = 0;
    while (s[n] >= '0' && s[n] <= '9' && n < 5)
        v = v * 10 + (s[n++] - '0');
    *end = s + n;
    return n == 0 || n > 4 ? -1 : v;
}

/* A Roman numeral (I V X L C, subtractive pairs allowed) at s and where it
 * ends; -1 when there is none. */
static long roman_at(const char *s, const char **end)
{
    static const char digits[] = "IVXLC";
    static const long values[] = {1, 5, 10, 50, 100};
    long total = 0;
    const char *p = s;
    for (const char *d; *p && (d = strchr(digits, *p)) != NULL; p++) {
        long v = values[d - digits];
        const char *next = p[1] ? strchr(digits, p[1]) : NULL;
        total += next && values[next - digits] > v ? -v : v;
    }
    *end = p;
    return p == s ? -1 : total;
}

/* The year a document symbol implies, or 0: General Assembly documents of
 * session s (A/RES/s/..., A/DEC/s/..., A/s/..., A/RES/n(s) with s in Roman
 * numerals) belong to 1945 + s, when the
 * session opens and most of its resolutions are adopted; ECOSOC symbols
 * carry the year (E/RES/2011/33, E/2018/30) and Security Council
 * resolutions print it (S/RES/1325(2000)). Only for placing undated nodes
 * on the time axis: never written as data. */
static long long symbol_year(const char *sym)
{
    if (!sym)
        return 0;
    const char *end;
    long v;
    if (!strncmp(sym, "A/RES/", 6) || !strncmp(sym, "A/DEC/", 6) || !strncmp(sym, "A/", 2)) {
        v = number_at(sym + (sym[2] >= '0' && sym[2] <= '9' ? 2 : 6), &end);
        if (v > 0 && v < 200 && *end == '/')
            return 1945 + v;
        /* Sessions 1 to 30 were numbered in Roman: A/RES/2200A(XXI). */
        const char *open = !strncmp(sym, "A/RES/", 6) ? strchr(sym + 6, '(') : NULL;
        long s = open ? roman_at(open + 1, &end) : -1;
        return s > 0 && s <= 40 && *end == ')' ? 1945 + s : 0;
    }
    if (!strncmp(sym, "E/RES/", 6) || !strncmp(sym, "E/DEC/", 6) || !strncmp(sym, "E/", 2)) {
        v = number_at(sym + (sym[2] >= '0' && sym[2] <= '9' ? 2 : 6), &end);
        return v >= 1946 && *end == '/' ? v : 0;
    }
    if (!strncmp(sym, "S/RES/", 6)) {
        const char *open = strchr(sym + 6, '(');
        v = open ? number_at(open + 1, &end) : -1;
        return v >= 1946 && *end == ')' ? v : 0;
    }
    return 0;
}

long long graph_node_time_year(const instcite_graph *g, size_t i)
{
    gval year = node_value(g, i, "year");
    if (year.type == GVAL_INT && year.i)
        return year.i;
    gval sym = node_value(g, i, "symbol");
    long long y = symbol_year(sym.type == GVAL_STRING ? sym.s : NULL);
    return y ? y : symbol_year(graph_node_id(g, i));
}

double graph_time_x(long long year, long long lo, long long hi)
{
    if (!year)
        return 0.0;
    if (hi <= lo)
        return 0.56;
    return 0.12 + 0.88 * (double)(year - lo) / (double)(hi - lo);
}

static void normalise(double *v, size_t n)
{
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (v[i] < lo)
            lo = v[i];
        if (v[i] > hi)
            hi = v[i];
    }
    for (size_t i = 0; i < n; i++)
        v[i] = hi > lo ? (v[i] - lo) / (hi - lo) : 0.5;
}

/* Lays out the n nodes node[0..n) (sorted positions, ascending); vid maps a
 * sorted position to its vertex, -1 for a node not laid out. x and y are
 * indexed by vertex. */
static igraph_error_t run_layout(const instcite_graph *g, instcite_layout mode,
                                 const size_t *node, const igraph_integer_t *vid,
                                 igraph_integer_t n, double *x, double *y)
{
    size_t m = instcite_graph_edge_count(g);
    igraph_vector_int_t ends;
    igraph_t ig;
    igraph_matrix_t pos;

    IGRAPH_VECTOR_INT_INIT_FINALLY(&ends, 0);
    for (size_t e = 0; e < m; e++) {
        igraph_integer_t s = vid[graph_edge_source(g, e)], t = vid[graph_edge_target(g, e)];
        if (s >= 0 && t >= 0) {
            IGRAPH_CHECK(igraph_vector_int_push_back(&ends, s));
            IGRAPH_CHECK(igraph_vector_int_push_back(&ends, t));
        }
    }
    IGRAPH_CHECK(igraph_create(&ig, &ends, n, IGRAPH_UNDIRECTED));
    IGRAPH_FINALLY(igraph_destroy, &ig);
    IGRAPH_MATRIX_INIT_FINALLY(&pos, n, 2);

    if (mode == INSTCITE_LAYOUT_TIME) {
        long long lo = 0, hi = 0;
        for (igraph_integer_t i = 0; i < n; i++) {
            long long yr = graph_node_time_year(g, node[i]);
            if (yr && (!lo || yr < lo))
                lo = yr;
            if (yr > hi)
                hi = yr;
        }
        /* In FR's own units the drawing is about sqrt(n) wide: give the
         * years room in proportion. */
        double width = 4.0 * sqrt((double)n) + 10.0;
        igraph_vector_t fixed;
        IGRAPH_VECTOR_INIT_FINALLY(&fixed, n);
        for (igraph_integer_t i = 0; i < n; i++) {
            long long yr = graph_node_time_year(g, node[i]);
            /* x in [0,1]: 0 for undated, [0.12, 1] for the years. */
            double fx = graph_time_x(yr, lo, hi);
            x[i] = fx;
            VECTOR(fixed)[i] = fx * width;
        }
        IGRAPH_CHECK(igraph_layout_fruchterman_reingold(&ig, &pos, false, DRAW_FR_ITERATIONS,
                                                        sqrt((double)n), IGRAPH_LAYOUT_AUTOGRID,
                                                        NULL, &fixed, &fixed, NULL, NULL));
        for (igraph_integer_t i = 0; i < n; i++)
            y[i] = MATRIX(pos, i, 1);
        normalise(y, (size_t)n);
        igraph_vector_destroy(&fixed);
        IGRAPH_FINALLY_CLEAN(1);
    } else {
        IGRAPH_CHECK(igraph_layout_fruchterman_reingold(
            &ig, &pos, false, DRAW_FR_ITERATIONS, sqrt((double)n),
            n <= DRAW_FR_MAX_NODES ? IGRAPH_LAYOUT_NOGRID : IGRAPH_LAYOUT_GRID, NULL, NULL,
            NULL, NULL, NULL));
        for (igraph_integer_t i = 0; i < n; i++) {
            x[i] = MATRIX(pos, i, 0);
            y[i] = MATRIX(pos, i, 1);
        }
        normalise(x, (size_t)n);
        normalise(y, (size_t)n);
    }

    igraph_matrix_destroy(&pos);
    igraph_destroy(&ig);
    igraph_vector_int_destroy(&ends);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

instcite_status graph_layout(const instcite_graph *g, instcite_layout mode, const bool *shown,
                             double *x, double *y, instcite_error *err)
{
    size_t all = instcite_graph_node_count(g), n = 0;
    size_t *node = malloc((all ? all : 1) * sizeof *node);
    igraph_integer_t *vid = malloc((all ? all : 1) * sizeof *vid);
    double *vx = malloc((all ? all : 1) * sizeof *vx), *vy = malloc((all ? all : 1) * sizeof *vy);
    if (!node || !vid || !vx || !vy) {
        free(node);
        free(vid);
        free(vx);
        free(vy);
        return graph_fail(err, INSTCITE_ERR_NOMEM, "out of memory laying out the graph");
    }
    for (size_t i = 0; i < all; i++) {
        vid[i] = !shown || shown[i] ? (igraph_integer_t)n : -1;
        if (vid[i] >= 0)
            node[n++] = i;
    }
    igraph_error_t rc = IGRAPH_SUCCESS;
    if (n == 1) {
        long long yr = graph_node_time_year(g, node[0]);
        vx[0] = mode == INSTCITE_LAYOUT_TIME ? graph_time_x(yr, yr, yr) : 0.5;
        vy[0] = 0.5;
    } else if (n > 1) {
        igraph_error_handler_t *old = igraph_set_error_handler(draw_error_handler);
        igraph_warning_handler_t *old_warn =
            igraph_set_warning_handler(igraph_warning_handler_ignore);
        draw_reason[0] = '\0';
        rc = igraph_rng_seed(igraph_rng_default(), DRAW_SEED);
        if (rc == IGRAPH_SUCCESS)
            rc = run_layout(g, mode, node, vid, (igraph_integer_t)n, vx, vy);
        igraph_set_warning_handler(old_warn);
        igraph_set_error_handler(old);
    }
    if (rc == IGRAPH_SUCCESS) {
        for (size_t v = 0; v < n; v++) {
            x[node[v]] = vx[v];
            y[node[v]] = vy[v];
        }
    }
    free(node);
    free(vid);
    free(vx);
    free(vy);
    if (rc == IGRAPH_ENOMEM)
        return graph_fail(err, INSTCITE_ERR_NOMEM, "out of memory laying out the graph");
    if (rc != IGRAPH_SUCCESS)
        return graph_fail(err, INSTCITE_ERR_GRAPH, "igraph layout: %s",
                          draw_reason[0] ? draw_reason : igraph_strerror(rc));
    return INSTCITE_OK;
}
