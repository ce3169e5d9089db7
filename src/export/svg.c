/*
 * The drawing: an SVG of the graph laid out by igraph (graph_layout in
 * src/graph/draw.c), for a person to look at before analysing.
 *
 *  - Nodes are circles coloured by kind (one hue family per issuing organ or
 *    instrument family, see kind_colour in out.c) with a radius growing with
 *    the square root of the in-degree; documents of the corpus get a dark
 *    ring.
 *  - A graph of more than DRAW_MAX nodes is drawn by its DRAW_MAX nodes of
 *    most edges (in and out: the instruments most cited and the documents
 *    citing most, so the picture keeps the edges between them; ties in the
 *    order of the labels below) and the edges between those, and the title
 *    says so: a picture of a corpus's thousands of nodes is a blot, and
 *    laying them all out took minutes. The graph files hold everything.
 *  - Labels for every node of a small graph (LABEL_ALL_MAX), else for the
 *    most cited (LABELS_MAX, by in-degree, then weighted in-degree, then id;
 *    corpus documents are told by their ring, not by a label); every node
 *    has a <title> (tooltip) with its full label, kind and in-degree. Each
 *    label goes right, left, above or below its circle, wherever it overlaps
 *    least with the labels and circles already placed.
 *  - Edges are straight lines ending in an arrow at the rim of the target;
 *    citations solid grey, instrument relations dashed.
 *  - --layout time: x is the year (graph_node_time_year), with a labelled
 *    axis; nodes with no year stand in a column at the left.
 *  - Every text is XML-escaped; no script, no external reference (fonts are
 *    generic families), so the file is inert and self-contained. A bidi
 *    control inside a label ends with its <text> element.
 *  - Output is deterministic: seeded layout, coordinates with two decimals
 *    written without the locale.
 */
#include "export/out.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Small graphs get every label; larger ones the LABELS_MAX most cited. */
enum { SVG_W = 1200, SVG_H = 860, MARGIN = 70, LEGEND_H = 90, LABEL_ALL_MAX = 40,
       LABELS_MAX = 14, LABEL_CHARS = 42, DRAW_MAX = 1000 };

static instcite_kind node_kind(const instcite_graph *g, size_t i)
{
    return instcite_kind_from_name(node_str(g, i, "kind"));
}

static bool node_in_corpus(const instcite_graph *g, size_t i)
{
    gval v = graph_node_value(g, i, node_attr_index("in_corpus"));
    return v.type == GVAL_BOOL && v.b;
}

/* Documents read are never drawn smaller than 8, even when nothing cites
 * them: they are what the picture is about. No node is drawn larger than
 * 40 (an in-degree of 136), which a corpus's treaties pass by far. */
static double node_radius(const instcite_graph *g, size_t i)
{
    double r = 5.0 + 3.0 * sqrt((double)node_int(g, i, "in_degree"));
    return r > 40.0 ? 40.0 : r < 8.0 && node_in_corpus(g, i) ? 8.0 : r;
}

/* Node order for labelling: most cited first. */
static const instcite_graph *rank_graph;

static int cmp_cited(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    long long dx = node_int(rank_graph, x, "in_degree"), dy = node_int(rank_graph, y, "in_degree");
    if (dx != dy)
        return dx > dy ? -1 : 1;
    dx = node_int(rank_graph, x, "weighted_in_degree");
    dy = node_int(rank_graph, y, "weighted_in_degree");
    if (dx != dy)
        return dx > dy ? -1 : 1;
    return x < y ? -1 : x > y; /* sorted position = id order */
}

/* Graph functions run on one thread, so the file-static comparison context
 * is safe. */
size_t *graph_most_cited(const instcite_graph *g)
{
    size_t n = instcite_graph_node_count(g);
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!order)
        return NULL;
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    rank_graph = g;
    qsort(order, n, sizeof *order, cmp_cited);
    rank_graph = NULL;
    return order;
}

/* Writes at most max code points of s, escaped, with "…" when cut. */
static void put_short(ow *w, const char *s, size_t max)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t count = 0, cut = 0;
    for (size_t i = 0; p[i]; i++) {
        if ((p[i] & 0xC0) == 0x80)
            continue;
        if (count == max) {
            cut = i;
            break;
        }
        count++;
    }
    if (!cut) {
        ow_xml(w, s);
        return;
    }
    char *part = malloc(cut + 1);
    if (!part) {
        w->failed = true;
        return;
    }
    memcpy(part, s, cut);
    part[cut] = '\0';
    ow_xml(w, part);
    ow_put(w, "\xE2\x80\xA6");
    free(part);
}

/* An axis-aligned rectangle, for placing labels. */
typedef struct box {
    double x0, y0, x1, y1;
} box;

static double overlap(const box *a, const box *b)
{
    double w = (a->x1 < b->x1 ? a->x1 : b->x1) - (a->x0 > b->x0 ? a->x0 : b->x0);
    double h = (a->y1 < b->y1 ? a->y1 : b->y1) - (a->y0 > b->y0 ? a->y0 : b->y0);
    return w > 0 && h > 0 ? w * h : 0;
}

/* Approximate width in pixels of a 12px sans-serif label (cut at max code
 * points): wide for CJK and other East Asian scripts, narrow otherwise.
 * Only used to keep labels apart, so an estimate is enough. */
static double label_width(const char *s, size_t max)
{
    const unsigned char *p = (const unsigned char *)s;
    double w = 0;
    size_t count = 0;
    for (size_t i = 0; p[i] && count < max; i++) {
        if ((p[i] & 0xC0) == 0x80)
            continue;
        count++;
        w += p[i] < 0x80 ? 6.8 : p[i] >= 0xE2 && p[i] < 0xEF && p[i] != 0xE2 ? 12.0 : 7.5;
    }
    return count == max && p[0] ? w + 12.0 : w; /* the ellipsis */
}

typedef struct frame {
    double x0, y0, w, h; /* plot area */
} frame;

static double px(const frame *f, double x)
{
    return f->x0 + x * f->w;
}

static double py(const frame *f, double y)
{
    return f->y0 + y * f->h;
}

/* The years of the nodes drawn: the span graph_layout gave them. */
static void draw_time_axis(ow *w, const instcite_graph *g, const bool *shown, const frame *f)
{
    size_t n = instcite_graph_node_count(g);
    long long lo = 0, hi = 0;
    bool undated = false;
    for (size_t i = 0; i < n; i++) {
        if (!shown[i])
            continue;
        long long yr = graph_node_time_year(g, i);
        if (!yr)
            undated = true;
        if (yr && (!lo || yr < lo))
            lo = yr;
        if (yr > hi)
            hi = yr;
    }
    double base = f->y0 + f->h + 28;
    ow_put(w, "<g class=\"axis\" font-size=\"12\" fill=\"#444\" text-anchor=\"middle\">\n");
    ow_put(w, "<line x1=\"");
    ow_coord(w, px(f, 0.1));
    ow_put(w, "\" y1=\"");
    ow_coord(w, base - 14);
    ow_put(w, "\" x2=\"");
    ow_coord(w, px(f, 1.0));
    ow_put(w, "\" y2=\"");
    ow_coord(w, base - 14);
    ow_put(w, "\" stroke=\"#888\"/>\n");
    if (lo) {
        long long span = hi - lo, step = 1;
        while (span / step > 12)
            step = step == 1 ? 2 : step == 2 ? 5 : step * 2;
        long long first = (lo + step - 1) / step * step;
        if (hi == lo)
            first = lo;
        for (long long yr = first; yr <= hi; yr += step) {
            double x = px(f, graph_time_x(yr, lo, hi));
            ow_put(w, "<line x1=\"");
            ow_coord(w, x);
            ow_put(w, "\" y1=\"");
            ow_coord(w, base - 18);
            ow_put(w, "\" x2=\"");
            ow_coord(w, x);
            ow_put(w, "\" y2=\"");
            ow_coord(w, base - 10);
            ow_put(w, "\" stroke=\"#888\"/><text x=\"");
            ow_coord(w, x);
            ow_put(w, "\" y=\"");
            ow_coord(w, base + 4);
            ow_printf(w, "\">%lld</text>\n", yr);
        }
    }
    if (undated) {
        ow_put(w, "<text x=\"");
        ow_coord(w, px(f, 0.0));
        ow_put(w, "\" y=\"");
        ow_coord(w, base + 4);
        ow_put(w, "\">undated</text>\n");
    }
    ow_put(w, "</g>\n");
}

static void draw_legend(ow *w, const instcite_graph *g, const bool *shown, double top)
{
    bool present[INSTCITE_KIND_COUNT_] = {false};
    for (size_t i = 0; i < instcite_graph_node_count(g); i++)
        if (shown[i])
            present[node_kind(g, i)] = true;
    ow_put(w, "<g class=\"legend\" font-size=\"12\" fill=\"#222\">\n");
    int col = 0, row = 0;
    for (int k = 0; k < INSTCITE_KIND_COUNT_; k++) {
        if (!present[k])
            continue;
        double x = MARGIN + col * 220.0, y = top + row * 20.0;
        ow_put(w, "<circle cx=\"");
        ow_coord(w, x);
        ow_put(w, "\" cy=\"");
        ow_coord(w, y - 4);
        ow_printf(w, "\" r=\"6\" fill=\"%s\"/><text x=\"", kind_colour((instcite_kind)k));
        ow_coord(w, x + 12);
        ow_put(w, "\" y=\"");
        ow_coord(w, y);
        ow_printf(w, "\">%s</text>\n", instcite_kind_name((instcite_kind)k));
        if (++col == 5) {
            col = 0;
            row++;
        }
    }
    ow_put(w, "</g>\n");
}

static void draw(ow *w, const instcite_graph *g, instcite_layout layout, const double *x,
                 const double *y, const size_t *order, const bool *shown)
{
    size_t n = instcite_graph_node_count(g), m = instcite_graph_edge_count(g);
    size_t n_shown = 0, m_shown = 0;
    for (size_t i = 0; i < n; i++)
        n_shown += shown[i];
    for (size_t e = 0; e < m; e++)
        m_shown += shown[graph_edge_source(g, e)] && shown[graph_edge_target(g, e)];
    bool time = layout == INSTCITE_LAYOUT_TIME;
    frame f = {MARGIN, MARGIN, SVG_W - 2.0 * MARGIN,
               SVG_H - 2.0 * MARGIN - LEGEND_H - (time ? 30.0 : 0.0)};
    size_t k_type = edge_attr_index("type");

    ow_printf(w, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", SVG_W, SVG_H);
    if (n_shown < n)
        ow_printf(w, "<text x=\"%d\" y=\"36\" font-size=\"18\" fill=\"#111\">"
                     "Citation graph: %zu of %zu nodes (those with most edges), %zu of %zu edges%s</text>\n",
                  MARGIN, n_shown, n, m_shown, m, time ? " (x: year)" : "");
    else
        ow_printf(w, "<text x=\"%d\" y=\"36\" font-size=\"18\" fill=\"#111\">"
                     "Citation graph: %zu nodes, %zu edges%s</text>\n",
                  MARGIN, n, m, time ? " (x: year)" : "");
    if (time)
        draw_time_axis(w, g, shown, &f);

    /* Many edges would hide the nodes: lighter lines for dense pictures. */
    ow_put(w, m_shown > 200 ? "<g class=\"edges\" fill=\"none\" stroke-opacity=\"0.35\">\n"
                            : "<g class=\"edges\" fill=\"none\">\n");
    for (size_t e = 0; e < m && !w->failed; e++) {
        size_t s = graph_edge_source(g, e), t = graph_edge_target(g, e);
        if (!shown[s] || !shown[t])
            continue;
        double x1 = px(&f, x[s]), y1 = py(&f, y[s]), x2 = px(&f, x[t]), y2 = py(&f, y[t]);
        double dx = x2 - x1, dy = y2 - y1, len = sqrt(dx * dx + dy * dy);
        double rs = node_radius(g, s), rt = node_radius(g, t) + 2.0;
        if (len <= rs + rt)
            continue; /* overlapping circles: nothing visible to draw */
        x1 += dx / len * rs;
        y1 += dy / len * rs;
        x2 -= dx / len * rt;
        y2 -= dy / len * rt;
        gval type = graph_edge_value(g, e, k_type);
        bool cites = type.type == GVAL_STRING && strcmp(type.s, "cites") == 0;
        ow_put(w, "<line x1=\"");
        ow_coord(w, x1);
        ow_put(w, "\" y1=\"");
        ow_coord(w, y1);
        ow_put(w, "\" x2=\"");
        ow_coord(w, x2);
        ow_put(w, "\" y2=\"");
        ow_coord(w, y2);
        ow_put(w, cites ? "\" stroke=\"#9a9a9a\" marker-end=\"url(#instcite-arrow)\"/>\n"
                        : "\" stroke=\"#c77d2e\" stroke-dasharray=\"5 3\" "
                          "marker-end=\"url(#instcite-arrow)\"/>\n");
    }
    ow_put(w, "</g>\n<g class=\"nodes\" stroke=\"#ffffff\" stroke-width=\"1.5\">\n");
    for (size_t i = 0; i < n && !w->failed; i++) {
        if (!shown[i])
            continue;
        bool in_corpus = node_in_corpus(g, i);
        const char *label = node_str(g, i, "label");
        ow_put(w, "<circle cx=\"");
        ow_coord(w, px(&f, x[i]));
        ow_put(w, "\" cy=\"");
        ow_coord(w, py(&f, y[i]));
        ow_put(w, "\" r=\"");
        ow_coord(w, node_radius(g, i));
        ow_printf(w, "\" fill=\"%s\"%s><title>", kind_colour(node_kind(g, i)),
                  in_corpus ? " stroke=\"#111111\" stroke-width=\"2.5\"" : "");
        ow_xml(w, label ? label : graph_node_id(g, i));
        ow_printf(w, " (%s, cited by %lld)</title></circle>\n",
                  instcite_kind_name(node_kind(g, i)), node_int(g, i, "in_degree"));
    }
    ow_put(w, "</g>\n<g class=\"labels\" font-size=\"12\" fill=\"#111\" stroke=\"#ffffff\" "
              "stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\">\n");
    box *placed = malloc((n ? n : 1) * sizeof *placed);
    if (!placed) {
        w->failed = true;
        return;
    }
    size_t labelled = 0;
    for (size_t r = 0; r < n && !w->failed; r++) {
        size_t i = order[r];
        if (!shown[i])
            continue;
        if (n_shown > LABEL_ALL_MAX && (node_int(g, i, "in_degree") == 0 || labelled == LABELS_MAX))
            break; /* order is most cited first */
        const char *label = node_str(g, i, "label");
        if (!label)
            label = graph_node_id(g, i);
        double cx = px(&f, x[i]), cy = py(&f, y[i]), rad = node_radius(g, i);
        double width = label_width(label, LABEL_CHARS);
        /* Candidate places: right, left, above, below the circle; the first
         * that overlaps least with the labels and circles already there. */
        const struct { double x, y; const char *anchor; box b; } cand[4] = {
            {cx + rad + 4, cy + 4, "", {cx + rad + 4, cy - 8, cx + rad + 4 + width, cy + 6}},
            {cx - rad - 4, cy + 4, " text-anchor=\"end\"",
             {cx - rad - 4 - width, cy - 8, cx - rad - 4, cy + 6}},
            {cx, cy - rad - 5, " text-anchor=\"middle\"",
             {cx - width / 2, cy - rad - 17, cx + width / 2, cy - rad - 3}},
            {cx, cy + rad + 14, " text-anchor=\"middle\"",
             {cx - width / 2, cy + rad + 2, cx + width / 2, cy + rad + 16}},
        };
        int best = 0;
        double best_cost = 0;
        for (int c = 0; c < 4; c++) {
            const box *b = &cand[c].b;
            double cost = 0;
            if (b->x0 < 0 || b->x1 > SVG_W)
                cost += 1e6; /* outside the picture */
            for (size_t k = 0; k < labelled; k++)
                cost += overlap(b, &placed[k]);
            for (size_t j = 0; j < n; j++) {
                if (j == i || !shown[j])
                    continue;
                double jr = node_radius(g, j), jx = px(&f, x[j]), jy = py(&f, y[j]);
                box nb = {jx - jr, jy - jr, jx + jr, jy + jr};
                cost += overlap(b, &nb);
            }
            if (c == 0 || cost < best_cost) {
                best = c;
                best_cost = cost;
            }
        }
        placed[labelled++] = cand[best].b;
        ow_put(w, "<text x=\"");
        ow_coord(w, cand[best].x);
        ow_put(w, "\" y=\"");
        ow_coord(w, cand[best].y);
        ow_printf(w, "\"%s>", cand[best].anchor);
        put_short(w, label, LABEL_CHARS);
        ow_put(w, "</text>\n");
    }
    free(placed);
    ow_put(w, "</g>\n");
    draw_legend(w, g, shown, SVG_H - LEGEND_H + 10.0);
}

/* Marks the DRAW_MAX nodes of most edges (see the top of the file); order
 * is graph_most_cited's. false when out of memory. */
static const size_t *edge_count_of;
static const size_t *cited_rank_of;

static int cmp_edge_count(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    if (edge_count_of[x] != edge_count_of[y])
        return edge_count_of[x] > edge_count_of[y] ? -1 : 1;
    return cited_rank_of[x] < cited_rank_of[y] ? -1 : cited_rank_of[x] > cited_rank_of[y];
}

static bool choose_shown(const instcite_graph *g, const size_t *order, bool *shown)
{
    size_t n = instcite_graph_node_count(g), m = instcite_graph_edge_count(g);
    size_t *count = calloc(n, sizeof *count), *rank = malloc(n * sizeof *rank),
           *by = malloc(n * sizeof *by);
    if (!count || !rank || !by) {
        free(count);
        free(rank);
        free(by);
        return false;
    }
    for (size_t e = 0; e < m; e++) {
        count[graph_edge_source(g, e)]++;
        count[graph_edge_target(g, e)]++;
    }
    for (size_t r = 0; r < n; r++) {
        rank[order[r]] = r;
        by[r] = order[r];
    }
    edge_count_of = count; /* graph functions run on one thread */
    cited_rank_of = rank;
    qsort(by, n, sizeof *by, cmp_edge_count);
    edge_count_of = cited_rank_of = NULL;
    for (size_t r = 0; r < DRAW_MAX; r++)
        shown[by[r]] = true;
    free(count);
    free(rank);
    free(by);
    return true;
}

instcite_status svg_write(const instcite_graph *g, instcite_layout layout, bool standalone,
                          FILE *out, instcite_error *err)
{
    size_t n = instcite_graph_node_count(g);
    double *x = malloc((n ? n : 1) * sizeof *x), *y = malloc((n ? n : 1) * sizeof *y);
    size_t *order = graph_most_cited(g);
    bool *shown = calloc(n ? n : 1, sizeof *shown);
    if (!x || !y || !order || !shown) {
        free(x);
        free(y);
        free(order);
        free(shown);
        return graph_fail(err, INSTCITE_ERR_NOMEM, "out of memory drawing the graph");
    }
    if (n <= DRAW_MAX) {
        for (size_t i = 0; i < n; i++)
            shown[i] = true;
    } else if (!choose_shown(g, order, shown)) {
        free(x);
        free(y);
        free(order);
        free(shown);
        return graph_fail(err, INSTCITE_ERR_NOMEM, "out of memory drawing the graph");
    }
    instcite_status st = graph_layout(g, layout, n > DRAW_MAX ? shown : NULL, x, y, err);
    if (st == INSTCITE_OK) {
        ow w = {.out = out};
        if (standalone)
            ow_put(&w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        ow_printf(&w, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                      "width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                      "role=\"img\" aria-label=\"citation graph\">\n",
                  SVG_W, SVG_H, SVG_W, SVG_H);
        ow_put(&w, "<defs><marker id=\"instcite-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" "
                   "refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
                   "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#777\"/></marker></defs>\n");
        draw(&w, g, layout, x, y, order, shown);
        ow_put(&w, "</svg>\n");
        st = ow_finish(&w, "SVG", err);
    }
    free(x);
    free(y);
    free(order);
    free(shown);
    return st;
}
