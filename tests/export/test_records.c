/* Unit tests for instcite_records_write: exact JSON Lines bytes, omitted NULL
 * fields, JSON shape, CSV header and formula neutralising, table truncation
 * by display width, and I/O errors. Documents are built by hand. */
#include "instcite.h"
#include "extract/doc.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <cjson/cJSON.h>

/* A citing document with a symbol, two mentions, a relation, a warning. */
static instcite_doc *make_doc(void)
{
    instcite_doc *doc = doc_new("datasets/x.zh.txt");
    assert_non_null(doc);
    instcite_docinfo *d = &doc->info;
    d->lang = "zh";
    d->symbol = doc_strdup(doc, "A/RES/74/174");
    d->kind = INSTCITE_KIND_GA_RESOLUTION;
    d->body = "GA";
    d->session = 74;
    d->date = "2019-12-18";
    d->title = doc_strdup(doc, "打击贩运人口");
    d->preambular = 2;
    d->operative = 3;
    d->footnotes = 1;

    instcite_mention *m = doc_add_mention(doc);
    assert_non_null(m);
    m->kind = INSTCITE_KIND_GA_RESOLUTION;
    m->where = "PP1";
    m->key = "A/RES/73/154";
    m->symbol = "A/RES/73/154";
    m->number = "73/154";
    m->date = "2018-12-17";
    /* a quote, a backslash and a control character */
    m->text = doc_strdup(doc, "say \"x\" a\\b\x01");
    m->start = 10;
    m->end = 22;
    m->confidence = 0.85671;

    m = doc_add_mention(doc);
    assert_non_null(m);
    m->kind = INSTCITE_KIND_CONVENTION;
    m->where = "PP2";
    m->key = "Convention on the Rights of the Child";
    m->catalog_id = "crc";
    m->title_en = "Convention on the Rights of the Child";
    m->title = doc_strdup(doc, "儿童权利公约");
    m->footnote = "1";
    m->unts = "1577/27531";
    m->verb = "回顾";
    m->clause = "recall";
    m->text = "《儿童权利公约》";
    m->start = 40;
    m->end = 64;
    m->confidence = 1.0;

    instcite_relation *r = doc_add_relation(doc);
    assert_non_null(r);
    r->from = "A/RES/73/154";
    r->type = "adopted_by";
    r->to = "GA";
    r->where = "PP1";

    instcite_warning *w = doc_add_warning(doc);
    assert_non_null(w);
    w->code = "unts-mismatch";
    w->where = "FN1";
    w->start = 70;
    w->end = 80;
    w->message = "footnote 1 prints 1577/27530";
    return doc;
}

/* Writes docs in format into memory and returns the bytes (free them). */
static char *render(const instcite_doc *const *docs, size_t n, instcite_format format)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    instcite_error err = {0};
    instcite_status st = instcite_records_write(docs, n, format, f, &err);
    assert_int_equal(fclose(f), 0);
    if (st != INSTCITE_OK)
        fail_msg("instcite_records_write: %s", err.message);
    return buf;
}

static const char expected_jsonl[] =
    "{\"type\":\"document\",\"doc\":\"A/RES/74/174\",\"name\":\"datasets/x.zh.txt\","
    "\"lang\":\"zh\",\"symbol\":\"A/RES/74/174\",\"kind\":\"ga_resolution\",\"body\":\"GA\","
    "\"session\":74,\"date\":\"2019-12-18\",\"title\":\"打击贩运人口\","
    "\"preambular\":2,\"operative\":3,\"footnotes\":1}\n"
    "{\"type\":\"mention\",\"doc\":\"A/RES/74/174\",\"lang\":\"zh\",\"where\":\"PP1\","
    "\"kind\":\"ga_resolution\",\"key\":\"A/RES/73/154\",\"symbol\":\"A/RES/73/154\","
    "\"number\":\"73/154\",\"date\":\"2018-12-17\",\"start\":10,\"end\":22,"
    "\"text\":\"say \\\"x\\\" a\\\\b\\u0001\",\"confidence\":0.857}\n"
    "{\"type\":\"mention\",\"doc\":\"A/RES/74/174\",\"lang\":\"zh\",\"where\":\"PP2\","
    "\"kind\":\"convention\",\"key\":\"Convention on the Rights of the Child\","
    "\"title_en\":\"Convention on the Rights of the Child\",\"title\":\"儿童权利公约\","
    "\"footnote\":\"1\",\"unts\":\"1577/27531\",\"verb\":\"回顾\",\"clause\":\"recall\","
    "\"catalog_id\":\"crc\",\"start\":40,\"end\":64,\"text\":\"《儿童权利公约》\","
    "\"confidence\":1}\n"
    "{\"type\":\"relation\",\"doc\":\"A/RES/74/174\",\"from\":\"A/RES/73/154\","
    "\"relation\":\"adopted_by\",\"to\":\"GA\",\"where\":\"PP1\"}\n"
    "{\"type\":\"warning\",\"doc\":\"A/RES/74/174\",\"code\":\"unts-mismatch\","
    "\"where\":\"FN1\",\"start\":70,\"end\":80,\"message\":\"footnote 1 prints 1577/27530\"}\n";

static void test_jsonl_exact_bytes(void **state)
{
    (void)state;
    instcite_doc *doc = make_doc();
    const instcite_doc *docs[] = {doc};
    char *s = render(docs, 1, INSTCITE_FORMAT_JSONL);
    assert_string_equal(s, expected_jsonl);
    free(s);
    instcite_doc_free(doc);
}

/* A document without a symbol is named by its name; NULL fields and zero
 * session / meeting numbers are left out; every line parses as JSON. */
static void test_jsonl_omits_null_fields(void **state)
{
    (void)state;
    instcite_doc *doc = doc_new("plain.txt");
    assert_non_null(doc);
    instcite_mention *m = doc_add_mention(doc);
    assert_non_null(m);
    m->kind = INSTCITE_KIND_REPORT;
    m->where = "OP1";
    m->key = "A/74/400";
    m->start = 1;
    m->end = 9;
    const instcite_doc *docs[] = {doc};
    char *s = render(docs, 1, INSTCITE_FORMAT_JSONL);
    assert_string_equal(s,
        "{\"type\":\"document\",\"doc\":\"plain.txt\",\"name\":\"plain.txt\",\"kind\":\"unknown\","
        "\"preambular\":0,\"operative\":0,\"footnotes\":0}\n"
        "{\"type\":\"mention\",\"doc\":\"plain.txt\",\"where\":\"OP1\",\"kind\":\"report\","
        "\"key\":\"A/74/400\",\"start\":1,\"end\":9,\"confidence\":0}\n");
    assert_null(strstr(s, "null"));
    assert_null(strstr(s, "session"));
    assert_null(strstr(s, "symbol"));
    free(s);
    instcite_doc_free(doc);
}

/* Two documents in order; JSON holds both with their records nested. */
static void test_json_document(void **state)
{
    (void)state;
    instcite_doc *a = make_doc();
    instcite_doc *b = doc_new("second.txt");
    assert_non_null(b);
    const instcite_doc *docs[] = {a, b};
    char *s = render(docs, 2, INSTCITE_FORMAT_JSON);
    size_t len = strlen(s);
    assert_true(len > 0 && s[len - 1] == '\n');
    cJSON *root = cJSON_Parse(s);
    assert_non_null(root);
    cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "documents");
    assert_int_equal(cJSON_GetArraySize(arr), 2);
    cJSON *d0 = cJSON_GetArrayItem(arr, 0);
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(d0, "doc")->valuestring, "A/RES/74/174");
    cJSON *ms = cJSON_GetObjectItemCaseSensitive(d0, "mentions");
    assert_int_equal(cJSON_GetArraySize(ms), 2);
    cJSON *m1 = cJSON_GetArrayItem(ms, 1);
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(m1, "title")->valuestring,
                        "儿童权利公约");
    assert_null(cJSON_GetObjectItemCaseSensitive(m1, "type"));
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(d0, "relations")), 1);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(d0, "warnings")), 1);
    cJSON *d1 = cJSON_GetArrayItem(arr, 1);
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(d1, "doc")->valuestring, "second.txt");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(d1, "mentions")), 0);
    cJSON_Delete(root);
    free(s);
    instcite_doc_free(a);
    instcite_doc_free(b);
}

static void test_csv(void **state)
{
    (void)state;
    instcite_doc *doc = make_doc();
    instcite_mention *m = doc_add_mention(doc);
    assert_non_null(m);
    m->kind = INSTCITE_KIND_OTHER_INSTRUMENT;
    m->where = "OP3";
    m->key = "=HYPERLINK(\"http://x\")";
    m->text = "-1+2";
    m->start = 5;
    m->end = 9;
    m->confidence = 0.5;
    const instcite_doc *docs[] = {doc};
    char *s = render(docs, 1, INSTCITE_FORMAT_CSV);
    const char *header =
        "\"doc\",\"lang\",\"where\",\"kind\",\"key\",\"symbol\",\"number\",\"date\",\"footnote\","
        "\"unts\",\"clause\",\"verb\",\"start\",\"end\",\"text\",\"confidence\"\n";
    assert_int_equal(strncmp(s, header, strlen(header)), 0);
    /* the first mention, with the embedded quote doubled */
    assert_non_null(strstr(s,
        "\"A/RES/74/174\",\"zh\",\"PP1\",\"ga_resolution\",\"A/RES/73/154\",\"A/RES/73/154\","
        "\"73/154\",\"2018-12-17\",\"\",\"\",\"\",\"\",\"10\",\"22\",\"say \"\"x\"\" a\\b\x01\","
        "\"0.857\"\n"));
    /* formula-looking text cells get an apostrophe */
    assert_non_null(strstr(s,
        "\"A/RES/74/174\",\"zh\",\"OP3\",\"other_instrument\",\"'=HYPERLINK(\"\"http://x\"\")\","
        "\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"5\",\"9\",\"'-1+2\",\"0.5\"\n"));
    /* header + 3 rows */
    size_t lines = 0;
    for (const char *p = s; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 4);
    free(s);
    instcite_doc_free(doc);
}

static void test_table(void **state)
{
    (void)state;
    instcite_doc *doc = make_doc();
    instcite_mention *m = doc_add_mention(doc);
    assert_non_null(m);
    m->kind = INSTCITE_KIND_CONVENTION;
    m->where = "OP2";
    m->catalog_id = "untoc";
    m->key = "untoc";
    m->title_en = "United Nations Convention against Transnational Organized Crime";
    m->date = "2000-11-15";
    m->footnote = "2";
    m->unts = "2225/39574";
    m = doc_add_mention(doc);
    assert_non_null(m);
    m->kind = INSTCITE_KIND_OTHER_INSTRUMENT;
    m->where = "OP3";
    /* 30 ideographs: 60 columns */
    m->key = "联合国打击跨国有组织犯罪公约关于预防禁止和惩治贩运人口特别是";
    const instcite_doc *docs[] = {doc};
    char *s = render(docs, 1, INSTCITE_FORMAT_TABLE);
    /* header: symbol, language, date, title, counts */
    assert_non_null(strstr(s, "A/RES/74/174  [zh]  2019-12-18  打击贩运人口\n"));
    assert_non_null(strstr(s, "4 mentions of 4 identities; 2 preambular / 3 operative "
                              "paragraphs / 1 footnotes\n"));
    /* the catalog title cut to 47 columns + "…" */
    assert_non_null(strstr(s, "United Nations Convention against Transnational\u2026  "
                              "2000-11-15  2   2225/39574\n"));
    /* 23 ideographs (46 columns) + "…": the 24th would pass 47 columns */
    assert_non_null(strstr(s, "OP3    other_instrument  "
                              "联合国打击跨国有组织犯罪公约关于预防禁止和惩治\u2026\n"));
    /* KEY is 48 wide, DATE 10: a 37-column title, 11 + 2 spaces, an empty
     * date (10 + 2), then FN and UNTS */
    assert_non_null(strstr(s, "PP2    convention        Convention on the Rights of the Child"
                              "                         1   1577/27531\n"));
    assert_non_null(strstr(s, "\nWHERE  KIND              KEY"));
    assert_non_null(strstr(s, "\nwarning: FN1: footnote 1 prints 1577/27530\n"));
    /* control characters never reach the terminal */
    assert_null(strchr(s, '\x01'));
    free(s);
    instcite_doc_free(doc);
}

static void test_io_error(void **state)
{
    (void)state;
    instcite_doc *doc = make_doc();
    const instcite_doc *docs[] = {doc};
    const instcite_format formats[] = {INSTCITE_FORMAT_JSONL, INSTCITE_FORMAT_JSON,
                                       INSTCITE_FORMAT_CSV, INSTCITE_FORMAT_TABLE};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        FILE *f = fopen("/dev/full", "w");
        if (!f)
            skip();
        instcite_error err = {0};
        assert_int_equal(instcite_records_write(docs, 1, formats[i], f, &err), INSTCITE_ERR_IO);
        assert_int_equal(err.code, INSTCITE_ERR_IO);
        assert_true(err.message[0] != '\0');
        fclose(f);
    }
    instcite_doc_free(doc);
}

static void test_invalid_format(void **state)
{
    (void)state;
    instcite_doc *doc = make_doc();
    const instcite_doc *docs[] = {doc};
    instcite_error err = {0};
    assert_int_equal(instcite_records_write(docs, 1, INSTCITE_FORMAT_GRAPHML, stdout, &err),
                     INSTCITE_ERR_INVALID);
    assert_int_equal(instcite_records_write(docs, 1, INSTCITE_FORMAT_JSONL, NULL, &err),
                     INSTCITE_ERR_INVALID);
    /* no documents: no JSON Lines */
    char *s = render(NULL, 0, INSTCITE_FORMAT_JSONL);
    assert_string_equal(s, "");
    free(s);
    instcite_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl_exact_bytes),
        cmocka_unit_test(test_jsonl_omits_null_fields),
        cmocka_unit_test(test_json_document),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_io_error),
        cmocka_unit_test(test_invalid_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
