/*
 * Unit tests of the instrument catalog: the embedded CSV, folding, title,
 * prefix and Treaty Series lookups, --catalog overrides and CSV errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog/catalog.h"

/* Seed titles, exactly as A/RES/74/174 (Chinese) prints them. */
#define ZH_UNTOC "联合国打击跨国有组织犯罪公约"
#define ZH_CRC "儿童权利公约"
#define ZH_OPSC "儿童权利公约关于买卖儿童、儿童卖淫和儿童色情制品问题的任择议定书"
#define ZH_TIP "联合国打击跨国有组织犯罪公约关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书"

#define EN_CRC "Convention on the Rights of the Child"

static int setup(void **state)
{
    instcite_error err = {0};
    instcite_catalog *cat = instcite_catalog_new(&err);
    if (!cat) {
        fprintf(stderr, "catalog: %s\n", err.message);
        return -1;
    }
    *state = cat;
    return 0;
}

static int teardown(void **state)
{
    instcite_catalog_free(*state);
    return 0;
}

static const cat_entry *title(const instcite_catalog *cat, const char *s)
{
    return catalog_find_title(cat, s, strlen(s));
}

static const char *title_id(const instcite_catalog *cat, const char *s)
{
    const cat_entry *e = title(cat, s);
    return e ? e->id : "(none)";
}

/* Writes text to a new temporary file; returns its malloc'd path. */
static char *temp_csv(const char *text)
{
    char *path = strdup("/tmp/instcite-catalog-XXXXXX");
    assert_non_null(path);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t len = strlen(text);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
    return path;
}

static void test_embedded(void **state)
{
    const instcite_catalog *cat = *state;
    size_t n = instcite_catalog_size(cat);

    assert_true(n > 100);
    assert_int_equal(catalog_count(cat), n);
    for (size_t i = 1; i < n; i++)
        assert_true(strcmp(catalog_entry(cat, i - 1)->id, catalog_entry(cat, i)->id) < 0);
    assert_null(catalog_entry(cat, n));

    const cat_entry *crc = catalog_find_id(cat, "crc");
    assert_non_null(crc);
    assert_string_equal(crc->title[LANG_EN], EN_CRC);
    assert_int_equal(crc->kind, INSTCITE_KIND_CONVENTION);
    assert_string_equal(crc->date, "1989-11-20");
    assert_string_equal(crc->adopted_by, "A/RES/44/25");
    assert_string_equal(crc->unts_volume, "1577");
    assert_string_equal(crc->unts_number, "27531");
    assert_string_equal(crc->parent, "");
    /* The short name, then the inflected forms of datasets/aliases-extra.csv. */
    assert_string_equal(crc->aliases, "CRC|Конвенции о правах ребенка|Конвенцию о правах ребенка|"
                                      "Конвенцией о правах ребенка");
    assert_true(strncmp(crc->confidence, "sourced;", 8) == 0);

    assert_int_equal(catalog_find_id(cat, "icescr")->kind, INSTCITE_KIND_COVENANT);
    assert_int_equal(catalog_find_id(cat, "charter")->kind, INSTCITE_KIND_CHARTER);
    assert_int_equal(catalog_find_id(cat, "udhr")->kind, INSTCITE_KIND_DECLARATION);
    assert_int_equal(catalog_find_id(cat, "vdpa")->kind, INSTCITE_KIND_DECLARATION);
    assert_int_equal(catalog_find_id(cat, "paris")->kind, INSTCITE_KIND_AGREEMENT);
    assert_int_equal(catalog_find_id(cat, "rome-statute")->kind, INSTCITE_KIND_CONVENTION);
    assert_int_equal(catalog_find_id(cat, "agenda2030")->kind, INSTCITE_KIND_OTHER_INSTRUMENT);
    assert_null(catalog_find_id(cat, "no-such-id"));
    assert_null(catalog_find_id(cat, ""));
}

static void test_seed_titles(void **state)
{
    const instcite_catalog *cat = *state;
    const cat_entry *e;

    e = title(cat, ZH_CRC);
    assert_non_null(e);
    assert_string_equal(e->id, "crc");
    assert_string_equal(e->parent, "");
    assert_string_equal(e->relation, "");

    e = title(cat, ZH_OPSC);
    assert_non_null(e);
    assert_string_equal(e->id, "crc-opsc");
    assert_int_equal(e->kind, INSTCITE_KIND_PROTOCOL);
    assert_string_equal(e->parent, "crc");
    assert_string_equal(e->relation, "optional_protocol_to");

    e = title(cat, ZH_UNTOC);
    assert_non_null(e);
    assert_string_equal(e->id, "untoc");
    assert_string_equal(e->parent, "");

    e = title(cat, ZH_TIP);
    assert_non_null(e);
    assert_string_equal(e->id, "untoc-tip");
    assert_int_equal(e->kind, INSTCITE_KIND_PROTOCOL);
    assert_string_equal(e->parent, "untoc");
    assert_string_equal(e->relation, "supplements");

    /* As printed: inside 《》, with a comma variant, with stray spaces. */
    assert_string_equal(title_id(cat, "《" ZH_OPSC "》"), "crc-opsc");
    assert_string_equal(title_id(cat, "儿童权利公约关于买卖儿童，儿童卖淫和儿童色情制品问题的任择议定书"),
                        "crc-opsc");
    assert_string_equal(title_id(cat, "儿童 权利 公约"), "crc");
}

static void test_fold(void **state)
{
    char out[128];
    (void)state;

    const char *en = "  The Convention on\tthe RIGHTS-of the Child, 1989.";
    size_t n = catalog_fold(en, strlen(en), out, sizeof out);
    assert_string_equal(out, "theconventionontherightsofthechild1989");
    assert_int_equal(n, strlen("theconventionontherightsofthechild1989"));

    const char *zh = "《经济、社会、文化权利国际公约》（“两公约”）";
    catalog_fold(zh, strlen(zh), out, sizeof out);
    assert_string_equal(out, "经济社会文化权利国际公约两公约");

    /* Latin-1 and Extended-A capitals, Greek, Cyrillic (ё = е), dashes. */
    const char *mixed = "DÉCLARATION Ŀ ŒUVRE ΣΟΦΊΑΣ ПРАВАХ РЕБЁНКА — 2015–2030";
    catalog_fold(mixed, strlen(mixed), out, sizeof out);
    assert_string_equal(out, "déclarationŀœuvreσοφίασправахребенка20152030");

    /* Like snprintf: the full length is returned and out is truncated. */
    char small[5];
    n = catalog_fold("Convention", 10, small, sizeof small);
    assert_int_equal(n, 10);
    assert_string_equal(small, "conv");
    assert_int_equal(catalog_fold("Convention", 10, NULL, 0), 10);

    /* A stray byte is kept, not skipped or read past. */
    n = catalog_fold("A\xC3", 2, out, sizeof out);
    assert_int_equal(n, 2);
    assert_memory_equal(out, "a\xC3", 3);
}

static void test_crc_languages(void **state)
{
    const instcite_catalog *cat = *state;

    assert_string_equal(title_id(cat, EN_CRC), "crc");
    assert_string_equal(title_id(cat, "convention on the rights of the child"), "crc");
    assert_string_equal(title_id(cat, "Convention relative aux droits de l’enfant"), "crc");
    assert_string_equal(title_id(cat, "Convención sobre los Derechos del Niño"), "crc");
    assert_string_equal(title_id(cat, "КОНВЕНЦИЯ О ПРАВАХ РЕБЕНКА"), "crc");
    assert_string_equal(title_id(cat, "اتفاقية حقوق الطفل"), "crc");
    assert_string_equal(title_id(cat, "CRC"), "crc");

    /* Aliases: short names and variants the facts table accepts; no
     * common-word aliases ("CAT" the treaty, "cat" the animal). */
    assert_string_equal(title_id(cat, "UNTOC"), "untoc");
    assert_string_equal(title_id(cat, "公民及政治权利国际公约"), "iccpr");
    assert_null(title(cat, "CAT"));
    assert_null(title(cat, "cites"));
    assert_null(title(cat, "Convention on the Rights"));
    assert_null(title(cat, ""));
    assert_null(title(cat, " 、 "));
}

static void test_prefix(void **state)
{
    const instcite_catalog *cat = *state;
    size_t m = 99;
    const cat_entry *e;

    const char *t1 = EN_CRC " and the Optional Protocols thereto";
    e = catalog_match_prefix(cat, t1, strlen(t1), &m);
    assert_non_null(e);
    assert_string_equal(e->id, "crc");
    assert_int_equal(m, strlen(EN_CRC));

    /* A glued footnote digit or a comma still ends the title. */
    const char *t2 = EN_CRC ",1 and";
    e = catalog_match_prefix(cat, t2, strlen(t2), &m);
    assert_non_null(e);
    assert_int_equal(m, strlen(EN_CRC));

    const char *t3 = EN_CRC "hood";
    m = 99;
    assert_null(catalog_match_prefix(cat, t3, strlen(t3), &m));
    assert_int_equal(m, 0);

    /* Longest wins: the Optional Protocol, not the Convention it starts with. */
    const char *t4 = "Optional Protocol to the Convention on the Rights of the Child on the sale "
                     "of children, child prostitution and child pornography, which";
    e = catalog_match_prefix(cat, t4, strlen(t4), &m);
    assert_non_null(e);
    assert_string_equal(e->id, "crc-opsc");
    assert_int_equal(m, strlen(t4) - strlen(", which"));

    /* Chinese: any boundary; the longest title wins over its prefix 儿童权利公约. */
    const char *z1 = ZH_OPSC "》，⁵";
    e = catalog_match_prefix(cat, z1, strlen(z1), &m);
    assert_non_null(e);
    assert_string_equal(e->id, "crc-opsc");
    assert_int_equal(m, strlen(ZH_OPSC));

    const char *z2 = ZH_CRC "》⁴ 和";
    e = catalog_match_prefix(cat, z2, strlen(z2), &m);
    assert_non_null(e);
    assert_string_equal(e->id, "crc");
    assert_int_equal(m, strlen(ZH_CRC));

    const char *z3 = ZH_UNTOC "及其各项议定书";
    e = catalog_match_prefix(cat, z3, strlen(z3), &m);
    assert_non_null(e);
    assert_string_equal(e->id, "untoc");
    assert_int_equal(m, strlen(ZH_UNTOC));

    /* Russian: case-insensitive, word boundary respected; inflected forms
     * match through their aliases. */
    const char *r1 = "Конвенция о правах ребенкам";
    assert_null(catalog_match_prefix(cat, r1, strlen(r1), &m));
    const char *r3 = "Конвенции о правах ребенка,";
    e = catalog_match_prefix(cat, r3, strlen(r3), &m);
    assert_non_null(e);
    assert_string_equal(e->id, "crc");
    const char *r2 = "конвенция о правах ребенка и";
    e = catalog_match_prefix(cat, r2, strlen(r2), &m);
    assert_non_null(e);
    assert_string_equal(e->id, "crc");
    assert_int_equal(m, strlen("конвенция о правах ребенка"));

    /* The match starts at text[0], never on a space or bracket before it. */
    const char *lead = " " EN_CRC;
    assert_null(catalog_match_prefix(cat, lead, strlen(lead), &m));
    assert_null(catalog_match_prefix(cat, "《" ZH_CRC "》", strlen("《" ZH_CRC "》"), &m));
    assert_null(catalog_match_prefix(cat, "Recalling", 9, &m));
    assert_null(catalog_match_prefix(cat, EN_CRC, 10, &m)); /* length honoured */
    assert_null(catalog_match_prefix(cat, "", 0, NULL));
}

static void test_unts(void **state)
{
    const instcite_catalog *cat = *state;
    const cat_entry *e;

    e = catalog_find_unts(cat, "2171", "27531");
    assert_non_null(e);
    assert_string_equal(e->id, "crc-opsc");
    assert_string_equal(catalog_find_unts(cat, "1577", "27531")->id, "crc");
    assert_string_equal(catalog_find_unts(cat, "2237", "39574")->id, "untoc-tip");
    /* Shared volume and number: the Covenant before its protocol. */
    assert_string_equal(catalog_find_unts(cat, "999", "14668")->id, "iccpr");
    /* Geneva Conventions: an exact number before the 970-973 range row. */
    assert_string_equal(catalog_find_unts(cat, "75", "973")->id, "gc-iv");
    assert_string_equal(catalog_find_unts(cat, "75", "971")->id, "gc-1949");
    assert_null(catalog_find_unts(cat, "2237", "39674")); /* A/RES/74/174 fn 9 misprint */
    assert_null(catalog_find_unts(cat, "9999", "27531"));
    assert_null(catalog_find_unts(cat, NULL, "27531"));

    e = catalog_find_unts_number(cat, "39574");
    assert_non_null(e);
    assert_string_equal(e->id, "untoc");
    assert_string_equal(catalog_find_unts_number(cat, "27531")->id, "crc");
    assert_string_equal(catalog_find_unts_number(cat, "027531")->id, "crc");
    assert_null(catalog_find_unts_number(cat, "12345678"));
    assert_null(catalog_find_unts_number(cat, "abc"));
    assert_null(catalog_find_unts_number(cat, ""));
}

static void test_override(void **state)
{
    (void)state;
    instcite_error err = {0};
    instcite_catalog *cat = instcite_catalog_new(&err);
    assert_non_null(cat);
    size_t n = instcite_catalog_size(cat);

    /* Columns in another order, one unknown column, a quoted comma, a BOM. */
    char *path = temp_csv("\xEF\xBB\xBFtitle_en,notes,id,kind,aliases,unts_number\n"
                          "\"Convention on the Rights of the Child, as tested\",x,crc,convention,"
                          "KRK,27531\n"
                          "Test Treaty on Examples,,test-treaty,agreement,TTE|Beispielvertrag,\n");
    assert_int_equal(instcite_catalog_load(cat, path, &err), INSTCITE_OK);
    assert_int_equal(instcite_catalog_size(cat), n + 1);

    const cat_entry *crc = catalog_find_id(cat, "crc");
    assert_non_null(crc);
    assert_string_equal(crc->title[LANG_EN], "Convention on the Rights of the Child, as tested");
    assert_string_equal(crc->title[LANG_FR], "");
    assert_string_equal(crc->unts_volume, "");
    assert_string_equal(title_id(cat, "KRK"), "crc");
    assert_null(title(cat, "Convention relative aux droits de l'enfant")); /* replaced row */
    assert_null(title(cat, EN_CRC));

    const cat_entry *t = title(cat, "Beispielvertrag");
    assert_non_null(t);
    assert_string_equal(t->id, "test-treaty");
    assert_int_equal(t->kind, INSTCITE_KIND_AGREEMENT);
    assert_ptr_equal(title(cat, "test treaty on examples"), t);
    assert_ptr_equal(catalog_find_id(cat, "test-treaty"), t);
    for (size_t i = 1; i < instcite_catalog_size(cat); i++)
        assert_true(strcmp(catalog_entry(cat, i - 1)->id, catalog_entry(cat, i)->id) < 0);

    /* Other rows and their index entries survive the merge. */
    assert_string_equal(title_id(cat, ZH_TIP), "untoc-tip");
    unlink(path);
    free(path);
    instcite_catalog_free(cat);
}

static void test_duplicate_in_file(void **state)
{
    (void)state;
    instcite_error err = {0};
    instcite_catalog *cat = instcite_catalog_new(&err);
    assert_non_null(cat);
    size_t n = instcite_catalog_size(cat);
    char *path = temp_csv("id,title_en\nzz-one,First Title\nzz-one,Second Title\n");
    assert_int_equal(instcite_catalog_load(cat, path, &err), INSTCITE_OK);
    assert_int_equal(instcite_catalog_size(cat), n + 1);
    assert_string_equal(catalog_find_id(cat, "zz-one")->title[LANG_EN], "Second Title");
    assert_int_equal(catalog_find_id(cat, "zz-one")->kind, INSTCITE_KIND_OTHER_INSTRUMENT);
    assert_null(title(cat, "First Title"));
    unlink(path);
    free(path);
    instcite_catalog_free(cat);
}

/* Loads text, which must fail with INSTCITE_ERR_PARSE at line, with a
 * message containing want; the catalog must be unchanged afterwards. */
static void expect_parse_error(const char *text, long line, const char *want)
{
    instcite_error err = {0};
    instcite_catalog *cat = instcite_catalog_new(&err);
    assert_non_null(cat);
    size_t n = instcite_catalog_size(cat);
    char *path = temp_csv(text);

    err.line = -7;
    assert_int_equal(instcite_catalog_load(cat, path, &err), INSTCITE_ERR_PARSE);
    assert_int_equal(err.code, INSTCITE_ERR_PARSE);
    assert_int_equal(err.line, line);
    assert_true(err.offset >= 0);
    if (!strstr(err.message, want) || !strstr(err.message, path))
        fail_msg("message \"%s\" lacks \"%s\" or the path", err.message, want);
    char where[32];
    snprintf(where, sizeof where, ":%ld:", line);
    assert_non_null(strstr(err.message, where));

    assert_int_equal(instcite_catalog_size(cat), n);
    assert_string_equal(catalog_find_id(cat, "crc")->title[LANG_EN], EN_CRC);
    assert_null(catalog_find_id(cat, "new-row"));
    assert_string_equal(title_id(cat, ZH_CRC), "crc");
    unlink(path);
    free(path);
    instcite_catalog_free(cat);
}

static void test_malformed(void **state)
{
    (void)state;
    expect_parse_error("id,kind,title_en\n"
                       "new-row,convention,A Title\n"
                       "crc,convention,\"Unterminated title\n",
                       3, "unterminated");
    expect_parse_error("id,kind,title_en\n"
                       "new-row,convention,\"Quoted\"trailing\n",
                       2, "error parsing");
    expect_parse_error("kind,title_en\nconvention,A Title\n", 1, "\"id\"");
    expect_parse_error("id,kind\nnew-row,convention\n", 1, "\"title_en\"");
    expect_parse_error("id,kind,title_en\n"
                       "new-row,convention,A Title\n"
                       "crc,treatyish,Convention on the Rights of the Child\n",
                       3, "unknown kind \"treatyish\"");
    expect_parse_error("id,kind,title_en\nnew-row,ga_resolution,A Title\n", 2,
                       "unknown kind \"ga_resolution\"");
    expect_parse_error("id,kind,title_en\nnew-row,convention,A Title,extra\n", 2,
                       "4 fields");
    expect_parse_error("id,kind,title_en\n,convention,A Title\n", 2, "empty id");
    expect_parse_error("id,id,title_en\n", 1, "duplicate column");
    expect_parse_error("", 1, "missing header");
    /* A quoted field spanning lines: the error names the record's line. */
    expect_parse_error("id,kind,title_en\n"
                       "new-row,convention,\"Two\nlines\"\n"
                       "x,bogus,Y\n",
                       4, "unknown kind \"bogus\"");
}

static void test_missing_file(void **state)
{
    instcite_catalog *cat = *state;
    instcite_error err = {0};
    size_t n = instcite_catalog_size(cat);

    assert_int_equal(instcite_catalog_load(cat, "/nonexistent/instcite/catalog.csv", &err),
                     INSTCITE_ERR_IO);
    assert_int_equal(err.code, INSTCITE_ERR_IO);
    assert_non_null(strstr(err.message, "/nonexistent/instcite/catalog.csv"));
    assert_int_equal(instcite_catalog_size(cat), n);
    assert_int_equal(instcite_catalog_load(cat, NULL, NULL), INSTCITE_ERR_INVALID);
}

static void test_lang(void **state)
{
    (void)state;
    assert_int_equal(lang_index("en"), LANG_EN);
    assert_int_equal(lang_index("zh"), LANG_ZH);
    assert_int_equal(lang_index("ar"), LANG_AR);
    assert_int_equal(lang_index("de"), -1);
    assert_int_equal(lang_index(NULL), -1);
    assert_string_equal(lang_code(LANG_RU), "ru");
    assert_string_equal(lang_code(LANG_FR), "fr");
    assert_string_equal(lang_code(LANG_COUNT), "");
    instcite_catalog_free(NULL);
    assert_int_equal(instcite_catalog_size(NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_embedded),
        cmocka_unit_test(test_seed_titles),
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_crc_languages),
        cmocka_unit_test(test_prefix),
        cmocka_unit_test(test_unts),
        cmocka_unit_test(test_override),
        cmocka_unit_test(test_duplicate_in_file),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_lang),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
