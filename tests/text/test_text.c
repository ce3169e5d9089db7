/* Normalisation and the offset map back to the input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "text/text.h"

#include <string.h>

static void normalise(const char *in, text *t)
{
    instcite_error err = {0};
    assert_int_equal(text_init(t, in, strlen(in), &err), INSTCITE_OK);
}

static void test_spaces_next_to_cjk_are_dropped(void **state)
{
    (void)state;
    text t;
    normalise("2018 年 12 月 17 日第 73/154 号", &t);
    assert_string_equal(t.s, "2018年12月17日第73/154号");
    text_destroy(&t);
    normalise("Recalling  its\xC2\xA0resolution\t73/154 ", &t); /* NBSP, tab, double space */
    assert_string_equal(t.s, "Recalling its resolution 73/154");
    text_destroy(&t);
    normalise("WeProtect 全球联盟", &t);
    assert_string_equal(t.s, "WeProtect全球联盟");
    text_destroy(&t);
}

static void test_full_width_dashes_quotes(void **state)
{
    (void)state;
    text t;
    normalise("第７３／１５４号（Ａ/74）\xE2\x80\x93\xE2\x80\x9Cx\xE2\x80\x9D", &t);
    assert_string_equal(t.s, "第73/154号(A/74)-\"x\"");
    text_destroy(&t);
}

static void test_arabic_digits_and_punctuation(void **state)
{
    (void)state;
    text t;
    /* "قرارها ٧٣/١٥٤، المؤرخ ٢٠١٨؛" and extended digits ۲۰۱۹ */
    normalise("قرارها ٧٣/١٥٤، المؤرخ ٢٠١٨؛ ۲۰۱۹", &t);
    assert_string_equal(t.s, "قرارها 73/154, المؤرخ 2018; 2019");
    assert_int_equal(t.map[strlen("قرارها ")], strlen("قرارها "));
    text_destroy(&t);
    /* Tatweel in a justified word, a right-to-left mark before a symbol. */
    normalise("الجمعيــة العامة (\xE2\x80\x8F" "A/74/400)", &t);
    assert_string_equal(t.s, "الجمعية العامة (A/74/400)");
    text_destroy(&t);
    /* Presentation forms from an old PDF's text layer; the lam-alef ligature. */
    normalise("ﺍﻟﺠﻤﻌﻴﺔ ﺍﻟﻌﺎﻣﺔ ﻻ", &t);
    assert_string_equal(t.s, "الجمعية العامة لا");
    assert_int_equal(t.map[strlen("الجمعية العامة ل")], strlen("ﺍﻟﺠﻤﻌﻴﺔ ﺍﻟﻌﺎﻣﺔ "));
    text_destroy(&t);
}

static void test_superscript_markers(void **state)
{
    (void)state;
    text t;
    normalise("公约》¹² 和", &t);
    assert_string_equal(t.s, "公约》\x1e" "12\x1f和");
    text_destroy(&t);
    normalise("Crime\xE2\x81\xB4", &t); /* U+2074 */
    assert_string_equal(t.s, "Crime\x1e" "4\x1f");
    text_destroy(&t);
}

/* A marker at the very end of the input: its closing byte maps inside the
 * input, and the input end of a span through it is the input's length. */
static void test_marker_at_end_maps_inside(void **state)
{
    (void)state;
    const char in[] = "x\xC2\xB9"; /* x¹ */
    text t;
    normalise(in, &t);
    assert_string_equal(t.s, "x\x1e" "1\x1f");
    assert_true(t.map[t.len - 1] < sizeof in - 1);
    assert_int_equal(text_input_end(t.in, t.map, t.len), sizeof in - 1);
    text_destroy(&t);
}

static void test_offsets_map_to_input(void **state)
{
    (void)state;
    /* BOM, CRLF, a full-width digit and a CJK space before the target. */
    const char *in = "\xEF\xBB\xBF" "a\r\n\xE3\x80\x80第７号";
    text t;
    normalise(in, &t);
    assert_string_equal(t.s, "a\n第7号");
    const char *p = strstr(t.s, "第");
    size_t s = (size_t)(p - t.s), e = s + strlen("第7号");
    assert_int_equal(t.map[s], strstr(in, "第") - in);
    assert_int_equal(text_input_end(t.in, t.map, e), strlen(in));
    assert_int_equal(t.map[0], 3); /* after the BOM */
    text_destroy(&t);
}

static void test_bad_input(void **state)
{
    (void)state;
    text t;
    instcite_error err = {0};
    const char bad[] = "ok\n\xE4\xB8";
    assert_int_equal(text_init(&t, bad, sizeof bad - 1, &err), INSTCITE_ERR_ENCODING);
    assert_int_equal(err.offset, 3);
    assert_int_equal(err.line, 2);
    const char overlong[] = "\xC0\xAF";
    assert_int_equal(text_init(&t, overlong, 2, &err), INSTCITE_ERR_ENCODING);
    assert_int_equal(err.offset, 0);
    const char surrogate[] = "ab\xED\xA0\x80";
    assert_int_equal(text_init(&t, surrogate, 5, &err), INSTCITE_ERR_ENCODING);
    assert_int_equal(err.offset, 2);
    assert_int_equal(text_init(&t, "", 0, &err), INSTCITE_ERR_EMPTY);
    assert_int_equal(text_init(&t, " \r\n\xEF\xBB\xBF\t\n", 7, &err), INSTCITE_ERR_EMPTY);
}

/* The runs text_init copies whole (printable ASCII with single spaces, CJK
 * with the full-width comma, colon and semicolon) give what the character
 * by character rules give: the same bytes, each mapped to its character. */
static void test_fast_runs(void **state)
{
    (void)state;
    text t;
    /* CJK, full-width punctuation; the ideographic space next to CJK drops. */
    const char *zh = "中文，中文：中\xE3\x80\x80文；中文。";
    normalise(zh, &t);
    assert_string_equal(t.s, "中文，中文：中文；中文。");
    for (size_t i = 0; i < t.len; i++) {
        size_t at = t.map[i];
        assert_true(((unsigned char)zh[at] & 0xC0) != 0x80); /* a character's start */
        assert_true(i < 3 || t.map[i] >= t.map[i - 1]);
    }
    assert_int_equal(t.map[21], strlen("中文，中文：中\xE3\x80\x80")); /* 文 after the space */
    text_destroy(&t);
    /* Single spaces inside an ASCII run are kept in place; a double space
     * becomes one, at the first space's offset. */
    normalise("a b  c", &t);
    assert_string_equal(t.s, "a b c");
    const text_off want[] = {0, 1, 2, 3, 5};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(t.map[i], want[i]);
    text_destroy(&t);
    /* A marker ends before a CJK character; full-width ASCII still folds. */
    normalise("x\xC2\xB9中Ａ／", &t);
    assert_string_equal(t.s, "x\x1e" "1\x1f中A/");
    text_destroy(&t);
}

/* text_next_digit against a byte loop, on bytes chosen near the digits and
 * with the high bit set (0xB0..0xB9 have a digit's low seven bits). */
static void test_next_digit(void **state)
{
    (void)state;
    static const unsigned char pool[] = {'0', '9', '/', ':', 'a', ' ', 0xB0, 0xB9, 0xBA, 0xAF,
                                         0x30 | 0x80, 0xE4};
    unsigned seed = 12345;
    char buf[40];
    for (int round = 0; round < 200000; round++) {
        size_t n = (seed = seed * 1103515245u + 12345u) % sizeof buf;
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            buf[k] = (char)pool[(seed >> 16) % sizeof pool];
        }
        size_t want = 0;
        while (want < n && !(buf[want] >= '0' && buf[want] <= '9'))
            want++;
        assert_int_equal(text_next_digit(buf, n), want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spaces_next_to_cjk_are_dropped),
        cmocka_unit_test(test_full_width_dashes_quotes),
        cmocka_unit_test(test_arabic_digits_and_punctuation),
        cmocka_unit_test(test_superscript_markers),
        cmocka_unit_test(test_offsets_map_to_input),
        cmocka_unit_test(test_marker_at_end_maps_inside),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_fast_runs),
        cmocka_unit_test(test_next_digit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
