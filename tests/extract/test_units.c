/* Unit tests for the pieces the extractor is built from: resolution
 * numbers, document symbols, dates and numerals in the language tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "extract/resnum.h"
#include "extract/symbol.h"
#include "lang/lang.h"

#include <string.h>

static void check_resnum(const char *in, size_t len, resnum_form form, const char *printed,
                         const char *compact)
{
    resnum r;
    assert_int_equal(resnum_parse(in, strlen(in), &r), len);
    assert_int_equal(r.form, form);
    assert_string_equal(r.printed, printed);
    assert_string_equal(r.compact, compact);
}

static void test_resnum_forms(void **state)
{
    (void)state;
    check_resnum("73/154号", 6, RESNUM_SLASH, "73/154", "73/154");
    check_resnum("49/35 A号", 7, RESNUM_SLASH, "49/35 A", "49/35A");
    check_resnum("2200 A (XXI) of", 12, RESNUM_ROMAN, "2200 A (XXI)", "2200A(XXI)");
    check_resnum("194(III)号", 8, RESNUM_ROMAN, "194 (III)", "194(III)");
    check_resnum("1325 (2000),", 11, RESNUM_YEAR, "1325 (2000)", "1325(2000)");
    check_resnum("ES-10/19", 8, RESNUM_SLASH, "ES-10/19", "ES-10/19");
    check_resnum("S-27/2.", 6, RESNUM_SLASH, "S-27/2", "S-27/2");
}

static void test_resnum_rejects(void **state)
{
    (void)state;
    resnum r;
    assert_int_equal(resnum_parse("2019", 4, &r), 0);        /* a bare integer */
    assert_int_equal(resnum_parse("/154", 4, &r), 0);
    assert_int_equal(resnum_parse("123456/1", 8, &r), 0);    /* too many digits */
    assert_int_equal(resnum_parse("1325 (20001)", 12, &r), 0);
    assert_int_equal(resnum_parse("七十四", strlen("七十四"), &r), 0);
}

static void test_symbols(void **state)
{
    (void)state;
    const char *s = "(E/2007/30/Rev.1)，";
    assert_int_equal(symbol_scan(s + 1, strlen(s) - 1, '('), strlen("E/2007/30/Rev.1"));
    s = "A/74/400.";
    assert_int_equal(symbol_scan(s, strlen(s), ' '), 8);
    s = "S/25811 and";
    assert_int_equal(symbol_scan(s, strlen(s), 0), 7);
    s = "and/or";
    assert_int_equal(symbol_scan(s, strlen(s), ' '), 0);
    s = "A/B";                                  /* no digit */
    assert_int_equal(symbol_scan(s, strlen(s), ' '), 0);
    s = "XA/74/1";                              /* inside a word */
    assert_int_equal(symbol_scan(s + 1, strlen(s) - 1, 'X'), 0);
}

static void test_dates_and_numerals(void **state)
{
    (void)state;
    const lang_table *zh = lang_find("zh");
    assert_non_null(zh);
    char iso[11];
    const char *d = "2018年12月17日关于";
    assert_int_equal(lang_parse_date(zh, d, strlen(d), iso), strlen("2018年12月17日"));
    assert_string_equal(iso, "2018-12-17");
    d = "2007年，补编";
    assert_int_equal(lang_parse_date(zh, d, strlen(d), iso), strlen("2007年"));
    assert_string_equal(iso, "2007");
    d = "2018年13月1日";
    lang_parse_date(zh, d, strlen(d), iso);
    assert_string_equal(iso, "2018"); /* month 13 is not a date */
    int v = 0;
    assert_true(lang_parse_cjk_number("七十四届", strlen("七十四届"), &v) > 0);
    assert_int_equal(v, 74);
    assert_true(lang_parse_cjk_number("十六", strlen("十六"), &v) > 0);
    assert_int_equal(v, 16);
    assert_true(lang_parse_cjk_number("八十", strlen("八十"), &v) > 0);
    assert_int_equal(v, 80);
    assert_true(lang_parse_cjk_number("一百零五", strlen("一百零五"), &v) > 0);
    assert_int_equal(v, 105);
}

static void test_language_detection(void **state)
{
    (void)state;
    const char *zh = "大会，回顾其第73/154号决议";
    assert_string_equal(lang_detect(zh, strlen(zh)), "zh");
    const char *en = "The General Assembly, Recalling its resolution 73/154 of 17 December 2018 on the rights of the child and the";
    assert_string_equal(lang_detect(en, strlen(en)), "en");
    const char *fr = "L'Assemblée générale, Rappelant la résolution 73/154 et la Convention relative aux droits de l'enfant et des";
    assert_string_equal(lang_detect(fr, strlen(fr)), "fr");
    const char *ru = "Генеральная Ассамблея, ссылаясь на свою резолюцию 73/154";
    assert_string_equal(lang_detect(ru, strlen(ru)), "ru");
    /* Spanish shares " la " and " de " with French. */
    const char *es = "La Asamblea General, Recordando la resolución 2011/33 del Consejo Económico y Social y la "
                     "Convención sobre los Derechos del Niño, relativa a la protección de los niños contra la";
    assert_string_equal(lang_detect(es, strlen(es)), "es");
    /* Fragments too short for function words: the kind word decides. */
    const char *es2 = "Recordando la resolución 73/154,";
    assert_string_equal(lang_detect(es2, strlen(es2)), "es");
    const char *fr2 = "Rappelant la résolution 73/154,";
    assert_string_equal(lang_detect(fr2, strlen(fr2)), "fr");
    const char *en2 = "Recalling resolution 73/154,";
    assert_string_equal(lang_detect(en2, strlen(en2)), "en");
    const char *ar = "إن الجمعية العامة، إذ تشير إلى قرارها 73/154 المؤرخ 17 كانون الأول/ديسمبر 2018 (A/74/400)";
    assert_string_equal(lang_detect(ar, strlen(ar)), "ar");
}

static void test_lang_match(void **state)
{
    (void)state;
    assert_int_equal(lang_match("ab", 2, "a"), 1);
    assert_int_equal(lang_match("ab", 1, "ab"), 0);      /* s ends first */
    assert_int_equal(lang_match("abcd", 4, "abcde"), 0); /* within the first four bytes */
    assert_int_equal(lang_match("abcde", 5, "abce"), 0);
    assert_int_equal(lang_match("abcdefgh", 8, "abcdefgX"), 0);
    assert_int_equal(lang_match("abcdefgh", 8, "abcdefgh"), 8);
    assert_int_equal(lang_match("abcdefghi", 9, "abcdefgh"), 8);
    assert_int_equal(lang_match("abcdefg", 7, "abcdefgh"), 0);
    assert_int_equal(lang_match("abc", 3, ""), 0);
    assert_int_equal(lang_match("abc", 3, NULL), 0);
    assert_int_equal(lang_match("abc", 0, "a"), 0);
}

/* The first-byte index answers what a walk over the whole list answers, for
 * every list of the six tables looked up that way: each entry as it is,
 * lengthened, shortened, and every single byte (most begin no entry, and
 * the index must find nothing there without walking). */
static void check_index(const lang_name *names)
{
    lang_name_index ix;
    lang_name_index_init(&ix, names);
    char buf[256];
    for (const lang_name *e = names; e && e->text; e++) {
        size_t n = strlen(e->text);
        assert_true(n + 3 < sizeof buf);
        memcpy(buf, e->text, n);
        memcpy(buf + n, " x", 3);
        for (size_t len = 0; len <= n + 2; len++) {
            size_t l1, l2;
            const lang_name *a = lang_match_name(buf, len, names, &l1);
            const lang_name *b = lang_match_indexed(buf, len, &ix, &l2);
            assert_ptr_equal(a, b);
            assert_int_equal(l1, l2);
            if (a) /* found in the bucket of its first byte */
                assert_true(ix.whole || ix.first[(unsigned char)buf[0]] <
                                            ix.first[(unsigned char)buf[0] + 1]);
        }
    }
    for (int c = 1; c < 256; c++) {
        char one[2] = {(char)c, 0};
        size_t l1, l2;
        assert_ptr_equal(lang_match_name(one, 1, names, &l1), lang_match_indexed(one, 1, &ix, &l2));
        if (!ix.whole && ix.first[c] == ix.first[c + 1]) /* an empty bucket: nothing begins so */
            assert_null(lang_match_name(one, 1, names, &l1));
    }
}

static void test_lang_index(void **state)
{
    (void)state;
    static const char *const codes[] = {"zh", "en", "fr", "es", "ru", "ar"};
    for (size_t k = 0; k < sizeof codes / sizeof codes[0]; k++) {
        const lang_table *L = lang_find(codes[k]);
        assert_non_null(L);
        check_index(L->verbs);
        check_index(L->kind_words);
        check_index(L->bodies);
        check_index(L->short_names);
        check_index(L->months);
    }
    check_index(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resnum_forms),
        cmocka_unit_test(test_resnum_rejects),
        cmocka_unit_test(test_symbols),
        cmocka_unit_test(test_dates_and_numerals),
        cmocka_unit_test(test_language_detection),
        cmocka_unit_test(test_lang_match),
        cmocka_unit_test(test_lang_index),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
