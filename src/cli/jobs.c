/*
 * --jobs: files extracted on worker threads, documents handed to the caller
 * in input order on the calling thread; and the progress line on stderr.
 *
 * The library extracts distinct documents on distinct threads with one
 * shared, read-only catalog (instcite.h); graph calls happen in fn, on the
 * calling thread only. Workers run at most `window` inputs ahead of the
 * consumer, so a consumer that frees each document keeps memory bounded.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------------ */
/* Progress                                                                  */

void progress_start(progress *p, const opts *o, int total)
{
    memset(p, 0, sizeof *p);
    p->on = !o->quiet && total > 1 && isatty(STDERR_FILENO);
    p->total = total;
    p->t0 = p->last = now_seconds();
}

long long progress_size(const progress *p, const char *path)
{
    struct stat st;
    if (!p->on || strcmp(path, "-") == 0 || stat(path, &st) != 0)
        return 0;
    return (long long)st.st_size;
}

/* Nothing is printed during the first second: short runs stay silent. */
void progress_step(progress *p, long long bytes)
{
    p->done++;
    p->bytes += bytes;
    if (!p->on)
        return;
    double t = now_seconds();
    if (t - p->t0 < 1.0 || (t - p->last < 0.25 && p->done < p->total))
        return;
    p->last = t;
    double el = t - p->t0;
    double mbs = (double)p->bytes / 1e6 / el;
    long eta = p->done ? (long)(el / p->done * (p->total - p->done) + 0.5) : 0;
    fprintf(stderr, "\r%s: %d/%d files, %.1f MB/s, ETA %ld:%02ld ", prog, p->done, p->total, mbs,
            eta / 60, eta % 60);
    p->shown = true;
}

void progress_end(progress *p)
{
    if (p->shown)
        fputs("\r\033[K", stderr);
    p->shown = false;
}

/* ------------------------------------------------------------------------ */
/* Workers                                                                   */

typedef struct slot {
    instcite_doc *doc;
    void *extra; /* what pre made of doc */
    instcite_error err;
    long long bytes;
    bool done;
    bool deferred; /* standard input: read by the consumer, in its turn */
} slot;

typedef struct pool {
    const instcite_catalog *cat;
    const opts *o;
    progress *prog_line;
    void *(*pre)(instcite_doc **doc, void *ctx);
    void *ctx;
    /* A ring of `window` slots: input i lives in slots[i % window]. A worker
     * claims input i only once i < consumed + window, so the slot's previous
     * input (i - window) has been taken by the consumer, which clears done.
     * Memory stays bounded however many files there are (a slot per input
     * was 300 MB at a million files). */
    slot *slots;
    int n;
    int next;     /* next input to claim */
    int consumed; /* inputs handed on by the consumer */
    int window;
    bool waiting; /* the consumer sleeps on ready, for slot `consumed` */
    bool stop;
    pthread_mutex_t mu;
    pthread_cond_t claimable; /* a worker waits for the window to move */
    pthread_cond_t ready;     /* the consumer waits for its next slot */
} pool;

/* Documents are handed over in batches: waking the consumer for each one
 * cost two context switches per document (a tenth of an extraction with
 * --jobs 2). With p->mu held: whether a worker that has just filled a slot
 * should wake the consumer, that is when its slot is done and either
 * BATCH slots in a row are, or no worker can claim more until the consumer
 * moves (all inputs claimed, or the window full). */
#define BATCH 16

static bool consumer_should_wake(const pool *p)
{
    int w = p->consumed;
    if (!p->waiting || !p->slots[w % p->window].done)
        return false;
    if (p->next >= p->n || p->next >= p->consumed + p->window)
        return true;
    int k = 1;
    while (k < BATCH && w + k < p->next && p->slots[(w + k) % p->window].done)
        k++;
    return k >= BATCH;
}

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stop && p->next < p->n && p->next >= p->consumed + p->window)
            pthread_cond_wait(&p->claimable, &p->mu);
        if (p->stop || p->next >= p->n)
            break;
        int i = p->next++;
        pthread_mutex_unlock(&p->mu);

        const char *path = p->o->paths[i];
        slot r = {.doc = NULL};
        if (strcmp(path, "-") == 0) {
            r.deferred = true;
        } else {
            r.bytes = progress_size(p->prog_line, path);
            r.doc = extract_one(p->cat, p->o, path, &r.err);
            if (r.doc && p->pre)
                r.extra = p->pre(&r.doc, p->ctx);
        }

        pthread_mutex_lock(&p->mu);
        r.done = true;
        p->slots[i % p->window] = r;
        if (consumer_should_wake(p))
            pthread_cond_signal(&p->ready);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

int jobs_count(const opts *o)
{
    if (o->jobs > 0)
        return o->jobs;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

int each_input_parallel(const instcite_catalog *cat, opts *o, int jobs,
                        void *(*pre)(instcite_doc **doc, void *ctx),
                        int (*fn)(instcite_doc *doc, void *extra, void *ctx), void *ctx,
                        int *failed)
{
    int n = o->n_paths;
    if (jobs > n)
        jobs = n;
    pool p = {.cat = cat, .o = o, .n = n, .window = 64 * jobs, .pre = pre, .ctx = ctx};
    p.slots = calloc((size_t)p.window, sizeof *p.slots);
    pthread_t *tid = malloc((size_t)jobs * sizeof *tid);
    progress line;
    progress_start(&line, o, n);
    p.prog_line = &line;
    if (!p.slots || !tid) {
        free(p.slots);
        free(tid);
        return -1;
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.claimable, NULL);
    pthread_cond_init(&p.ready, NULL);
    int started = 0;
    while (started < jobs && pthread_create(&tid[started], NULL, worker, &p) == 0)
        started++;

    int rc = 0;
    if (started == 0)
        rc = 1; /* no thread at all: the caller goes on sequentially */
    for (int i = 0; i < n && rc == 0; i++) {
        pthread_mutex_lock(&p.mu);
        slot *sl = &p.slots[i % p.window];
        p.waiting = true;
        while (!sl->done)
            pthread_cond_wait(&p.ready, &p.mu);
        p.waiting = false;
        slot r = *sl;
        *sl = (slot){.doc = NULL};
        pthread_mutex_unlock(&p.mu);

        if (r.deferred) {
            r.doc = extract_one(cat, o, o->paths[i], &r.err);
            if (r.doc && pre)
                r.extra = pre(&r.doc, ctx);
        }
        if (r.doc || r.extra) {
            if (fn(r.doc, r.extra, ctx))
                rc = -1;
        } else if (r.err.code == INSTCITE_ERR_NOMEM) {
            rc = -1;
        } else {
            (*failed)++;
            report_input_error(o, o->paths[i], &r.err);
        }
        progress_step(&line, r.bytes);

        pthread_mutex_lock(&p.mu);
        p.consumed = i + 1;
        pthread_cond_broadcast(&p.claimable);
        pthread_mutex_unlock(&p.mu);
    }
    progress_end(&line);

    pthread_mutex_lock(&p.mu);
    p.stop = true;
    pthread_cond_broadcast(&p.claimable);
    pthread_mutex_unlock(&p.mu);
    for (int t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    for (int i = 0; i < p.window; i++) { /* documents extracted after a fatal error */
        instcite_doc_free(p.slots[i].doc);
        free(p.slots[i].extra);
    }
    pthread_cond_destroy(&p.ready);
    pthread_cond_destroy(&p.claimable);
    pthread_mutex_destroy(&p.mu);
    free(p.slots);
    free(tid);
    return rc;
}
