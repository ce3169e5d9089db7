/* Encodings: UTF-16 and GB18030 inputs give the mentions of their UTF-8
 * form with offsets into the bytes given; invalid bytes are rejected with
 * their offset or replaced with a warning. Usage: test-encoding SEED */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "instcite.h"
#include "text/encoding.h"
#include "text/text.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *seed_path;
static char *seed;
static size_t seed_len;
static instcite_catalog *cat;

/* Converts s (UTF-8) to the charset to; returns a new buffer. */
static char *recode(const char *to, const char *from, const char *s, size_t n, size_t *out_len)
{
    iconv_t cd = iconv_open(to, from);
    assert_true(cd != (iconv_t)-1);
    size_t cap = 4 * n + 8, ol = cap;
    char *out = malloc(cap), *op = out, *ip = (char *)s;
    size_t il = n;
    assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
    iconv_close(cd);
    *out_len = cap - ol;
    return out;
}

static instcite_doc *extract(const void *b, size_t n, const char *encoding, int policy, instcite_error *err)
{
    instcite_options o = {.encoding = encoding, .invalid_policy = policy};
    return instcite_extract_opts(cat, "t", b, n, &o, err);
}

/* Every mention's [start, end) of in, read as charset, is its text. */
static void check_offsets(const instcite_doc *doc, const char *in, size_t n, const char *charset)
{
    for (size_t i = 0; i < instcite_doc_mention_count(doc); i++) {
        const instcite_mention *m = instcite_doc_mention(doc, i);
        assert_true(m->start < m->end && m->end <= n);
        size_t ul;
        char *u = recode("UTF-8", charset, in + m->start, m->end - m->start, &ul);
        if (ul != strlen(m->text) || memcmp(u, m->text, ul) != 0)
            fail_msg("mention %zu: input [%zu,%zu) reads '%.*s', text is '%s'", i, m->start, m->end,
                     (int)ul, u, m->text);
        free(u);
    }
}

/* The same mentions (where, key) as the UTF-8 seed. */
static void check_same_as_seed(const instcite_doc *doc)
{
    instcite_error err = {0};
    instcite_doc *ref = instcite_extract(cat, "t", seed, seed_len, NULL, &err);
    assert_non_null(ref);
    assert_int_equal(instcite_doc_mention_count(doc), instcite_doc_mention_count(ref));
    for (size_t i = 0; i < instcite_doc_mention_count(ref); i++) {
        assert_string_equal(instcite_doc_mention(doc, i)->key, instcite_doc_mention(ref, i)->key);
        assert_string_equal(instcite_doc_mention(doc, i)->where, instcite_doc_mention(ref, i)->where);
        assert_string_equal(instcite_doc_mention(doc, i)->text, instcite_doc_mention(ref, i)->text);
    }
    assert_int_equal(instcite_doc_mention_count(ref), 19);
    instcite_doc_free(ref);
}

static size_t count_warnings(const instcite_doc *doc, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < instcite_doc_warning_count(doc); i++)
        n += strcmp(instcite_doc_warning(doc, i)->code, code) == 0;
    return n;
}

static void test_utf16_with_bom(void **state)
{
    (void)state;
    static const struct { const char *charset; const char *bom; } forms[] = {
        {"UTF-16LE", "\xFF\xFE"}, {"UTF-16BE", "\xFE\xFF"}};
    for (size_t f = 0; f < 2; f++) {
        size_t n;
        char *body = recode(forms[f].charset, "UTF-8", seed, seed_len, &n);
        char *in = malloc(n + 2);
        memcpy(in, forms[f].bom, 2);
        memcpy(in + 2, body, n);
        free(body);
        instcite_error err = {0};
        instcite_doc *doc = extract(in, n + 2, NULL, 0, &err);
        assert_non_null(doc);
        check_same_as_seed(doc);
        check_offsets(doc, in, n + 2, forms[f].charset);
        /* A BOM decides: no detection warning. */
        assert_int_equal(count_warnings(doc, "encoding-detected"), 0);
        instcite_doc_free(doc);
        /* Named explicitly, the same. */
        doc = extract(in, n + 2, "utf-16", 0, &err);
        assert_non_null(doc);
        check_same_as_seed(doc);
        instcite_doc_free(doc);
        free(in);
    }
}

static void test_utf16_without_bom_detected(void **state)
{
    (void)state;
    const char *en = "Recalling its resolution 73/154 of 17 December 2018 and A/RES/72/195,\n";
    static const char *const charsets[] = {"UTF-16LE", "UTF-16BE"};
    for (size_t c = 0; c < 2; c++) {
        size_t n;
        char *in = recode(charsets[c], "UTF-8", en, strlen(en), &n);
        instcite_error err = {0};
        instcite_doc *doc = extract(in, n, NULL, 0, &err);
        assert_non_null(doc);
        assert_true(instcite_doc_mention_count(doc) >= 1);
        check_offsets(doc, in, n, charsets[c]);
        assert_int_equal(count_warnings(doc, "encoding-detected"), 1);
        instcite_doc_free(doc);
        free(in);
    }
    /* NUL bytes here and there (OCR) are not UTF-16: read as UTF-8. */
    char ocr[200];
    memset(ocr, 'a', sizeof ocr);
    for (size_t i = 1; i < sizeof ocr; i += 7)
        ocr[i] = '\0';
    instcite_error err = {0};
    instcite_doc *doc = extract(ocr, sizeof ocr, NULL, 0, &err);
    assert_non_null(doc);
    assert_int_equal(count_warnings(doc, "encoding-detected"), 0);
    instcite_doc_free(doc);
}

static void test_gb18030_detected_and_named(void **state)
{
    (void)state;
    size_t n;
    char *gb = recode("GB18030", "UTF-8", seed, seed_len, &n);
    instcite_error err = {0};
    instcite_doc *doc = extract(gb, n, NULL, 0, &err);
    assert_non_null(doc);
    check_same_as_seed(doc);
    check_offsets(doc, gb, n, "GB18030");
    assert_int_equal(count_warnings(doc, "encoding-detected"), 1);
    instcite_doc_free(doc);
    /* Named: no warning. */
    doc = extract(gb, n, "GB18030", 0, &err);
    assert_non_null(doc);
    check_same_as_seed(doc);
    assert_int_equal(count_warnings(doc, "encoding-detected"), 0);
    instcite_doc_free(doc);
    /* GBK has no four-byte sequences: the seed's superscript markers (four
     * bytes in GB18030) are invalid in it. */
    assert_null(extract(gb, n, "GBK", 0, &err));
    assert_int_equal(err.code, INSTCITE_ERR_ENCODING);
    const char *zh = "回顾其第73/154号决议";
    size_t gn;
    char *gbk = recode("GBK", "UTF-8", zh, strlen(zh), &gn);
    doc = extract(gbk, gn, "gbk", 0, &err);
    assert_non_null(doc);
    assert_int_equal(instcite_doc_mention_count(doc), 1);
    check_offsets(doc, gbk, gn, "GBK");
    instcite_doc_free(doc);
    free(gbk);
    /* Not detected when the language is known not to be Chinese. */
    instcite_options o = {.lang = "en"};
    assert_null(instcite_extract_opts(cat, "t", gb, n, &o, &err));
    assert_int_equal(err.code, INSTCITE_ERR_ENCODING);
    free(gb);
}

static void test_latin1_is_not_taken_for_gb(void **state)
{
    (void)state;
    const char fr[] = "Rappelant sa r\xE9solution 73/154 du 17 d\xE9" "cembre 2018, la Convention relative aux "
                      "droits de l'enfant et le Pacte international relatif aux droits \xE9" "conomiques";
    instcite_error err = {0};
    assert_null(extract(fr, sizeof fr - 1, NULL, 0, &err));
    assert_int_equal(err.code, INSTCITE_ERR_ENCODING);
    assert_int_equal(err.offset, strchr(fr, '\xE9') - fr);
    instcite_doc *doc = extract(fr, sizeof fr - 1, "latin1", 0, &err);
    assert_non_null(doc);
    instcite_doc_free(doc);
}

static void test_invalid_utf8_rejected_or_replaced(void **state)
{
    (void)state;
    const char in[] = "回顾其第73/154号决议\xFF\xFE，又回顾第72/195号决议";
    size_t bad = strlen("回顾其第73/154号决议");
    instcite_error err = {0};
    assert_null(extract(in, sizeof in - 1, NULL, INSTCITE_INVALID_REJECT, &err));
    assert_int_equal(err.code, INSTCITE_ERR_ENCODING);
    assert_int_equal(err.offset, bad);
    instcite_doc *doc = extract(in, sizeof in - 1, NULL, INSTCITE_INVALID_REPLACE, &err);
    assert_non_null(doc);
    assert_int_equal(instcite_doc_mention_count(doc), 2);
    check_offsets(doc, in, sizeof in - 1, "UTF-8");
    const instcite_mention *m = instcite_doc_mention(doc, 1);
    assert_int_equal(m->start, strstr(in, "第72") - in);
    assert_int_equal(count_warnings(doc, "invalid-replaced"), 2);
    const instcite_warning *w = instcite_doc_warning(doc, instcite_doc_warning_count(doc) - 2);
    assert_string_equal(w->code, "invalid-replaced");
    assert_int_equal(w->start, bad);
    assert_int_equal(w->end, bad + 1);
    instcite_doc_free(doc);
}

static void test_utf16_lone_surrogate(void **state)
{
    (void)state;
    /* "第73/154号决议" in UTF-16LE with a lone high surrogate after it. */
    size_t n;
    char *body = recode("UTF-16LE", "UTF-8", "回顾其第73/154号决议", strlen("回顾其第73/154号决议"), &n);
    char *in = malloc(n + 6);
    memcpy(in, "\xFF\xFE", 2);
    memcpy(in + 2, body, n);
    memcpy(in + 2 + n, "\x00\xD8" "a\x00", 4);
    free(body);
    instcite_error err = {0};
    assert_null(extract(in, n + 6, NULL, 0, &err));
    assert_int_equal(err.code, INSTCITE_ERR_ENCODING);
    assert_int_equal(err.offset, n + 2);
    instcite_doc *doc = extract(in, n + 6, NULL, INSTCITE_INVALID_REPLACE, &err);
    assert_non_null(doc);
    assert_int_equal(instcite_doc_mention_count(doc), 1);
    check_offsets(doc, in, n + 6, "UTF-16LE");
    assert_int_equal(count_warnings(doc, "invalid-replaced"), 1);
    /* An odd last byte. */
    assert_null(extract(in, n + 5, NULL, 0, &err));
    instcite_doc_free(doc);
    free(in);
}

static void test_many_bad_bytes_are_summarised(void **state)
{
    (void)state;
    size_t n = 5000;
    char *in = malloc(n + 64);
    strcpy(in, "回顾其第73/154号决议 ");
    size_t k = strlen(in);
    memset(in + k, 0xFF, n);
    instcite_error err = {0};
    instcite_doc *doc = extract(in, k + n, NULL, INSTCITE_INVALID_REPLACE, &err);
    assert_non_null(doc);
    assert_int_equal(count_warnings(doc, "invalid-replaced"), ENC_MAX_BAD + 1);
    instcite_doc_free(doc);
    free(in);
}

static void test_names_and_errors(void **state)
{
    (void)state;
    assert_string_equal(instcite_encoding_name("gbk"), "GBK");
    assert_string_equal(instcite_encoding_name("utf8"), "UTF-8");
    assert_string_equal(instcite_encoding_name(NULL), "auto");
    assert_null(instcite_encoding_name("ebcdic"));
    instcite_error err = {0};
    assert_null(extract("x", 1, "ebcdic", 0, &err));
    assert_int_equal(err.code, INSTCITE_ERR_INVALID);
    assert_null(extract("x", 1, NULL, 7, &err));
    assert_int_equal(err.code, INSTCITE_ERR_INVALID);
    assert_null(extract("", 0, "utf-16", 0, &err));
    assert_int_equal(err.code, INSTCITE_ERR_EMPTY);
}

/* enc_input_offset agrees with a walk over every character boundary, for a
 * mix of 1- to 4-byte characters and replaced bytes, in every encoding. */
static void test_offset_map_exhaustive(void **state)
{
    (void)state;
    const char *pieces[] = {"a", "é", "第", "😀", "\n", "７"};
    size_t cap = 20000, n = 0;
    char *u = malloc(cap);
    unsigned r = 12345;
    while (n + 8 < cap) {
        r = r * 1103515245 + 12345;
        const char *p = pieces[(r >> 16) % 6];
        memcpy(u + n, p, strlen(p));
        n += strlen(p);
    }
    static const char *charsets[] = {"UTF-16LE", "UTF-16BE", "GB18030"};
    for (size_t c = 0; c < 3; c++) {
        size_t in_len;
        char *in = recode(charsets[c], "UTF-8", u, n, &in_len);
        encoded e;
        instcite_error err = {0};
        assert_int_equal(enc_decode(&e, in, in_len, charsets[c], false, false, &err), INSTCITE_OK);
        assert_true(e.converted);
        assert_int_equal(e.u8_len, n);
        assert_memory_equal(e.u8, u, n);
        /* Walk: the UTF-8 of input character j starts at the sum of the
         * earlier characters' UTF-8 lengths. */
        size_t ui = 0, ii = 0;
        while (ui < n) {
            assert_int_equal(enc_input_offset(&e, ui), ii);
            size_t ul = 1;
            while (ui + ul < n && ((unsigned char)u[ui + ul] & 0xC0) == 0x80)
                ul++;
            size_t il;
            char *one = recode(charsets[c], "UTF-8", u + ui, ul, &il);
            free(one);
            ui += ul;
            ii += il;
        }
        assert_int_equal(enc_input_offset(&e, n), in_len);
        enc_destroy(&e);
        free(in);
    }
    free(u);
}

static int setup(void **state)
{
    (void)state;
    FILE *f = fopen(seed_path, "rb");
    if (!f)
        return -1;
    seed = malloc(1 << 20);
    seed_len = fread(seed, 1, 1 << 20, f);
    fclose(f);
    cat = instcite_catalog_new(NULL);
    return cat ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    free(seed);
    instcite_catalog_free(cat);
    return 0;
}

/* utf8_valid (with its inline two- and three-byte paths) against decoding
 * character by character, on short strings of the bytes where UTF-8's
 * rules have edges: overlong leads, surrogates, truncation. */
static void test_utf8_valid_agrees_with_decoding(void **state)
{
    (void)state;
    static const unsigned char pool[] = {'a', 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                         0xE0, 0xE3, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5};
    unsigned rng = 777;
    unsigned char buf[12];
    size_t valid = 0;
    for (int round = 0; round < 300000; round++) {
        size_t n = (rng = rng * 1103515245u + 12345u) % (sizeof buf + 1);
        for (size_t k = 0; k < n; k++) {
            rng = rng * 1103515245u + 12345u;
            buf[k] = pool[(rng >> 16) % sizeof pool];
        }
        bool want = true;
        for (size_t i = 0; i < n && want;) {
            unsigned cp;
            size_t k = utf8_decode(buf + i, n - i, &cp);
            want = k > 0;
            i += k;
        }
        valid += want;
        assert_int_equal(utf8_valid(buf, n), want);
    }
    assert_true(valid > 1000); /* the pool makes valid strings too */
}

/* enc_assume_utf8 takes the common case only: auto, not UTF-16. */
static void test_assume_utf8(void **state)
{
    (void)state;
    encoded e;
    assert_true(enc_assume_utf8(&e, "abc", 3, NULL));
    assert_ptr_equal(e.u8, "abc");
    assert_false(e.converted);
    assert_true(enc_assume_utf8(&e, "\xEF\xBB\xBF" "abc", 6, "auto"));
    assert_false(enc_assume_utf8(&e, "\xFF\xFE" "a\0b\0", 6, NULL));
    assert_false(enc_assume_utf8(&e, "\xFE\xFF\0a\0b", 6, NULL));
    const char u16[] = "T\0h\0e\0 \0G\0e\0n\0e\0r\0a\0l\0 \0A\0s\0s\0e\0m\0b\0l\0y\0";
    assert_false(enc_assume_utf8(&e, u16, sizeof u16 - 1, NULL));
    assert_false(enc_assume_utf8(&e, "abc", 3, "gb18030"));
    assert_false(enc_assume_utf8(&e, "abc", 3, "utf-8"));
    assert_false(enc_assume_utf8(&e, "abc", 3, "no-such-encoding"));
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s SEED\n", argv[0]);
        return 2;
    }
    seed_path = argv[1];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf16_with_bom),
        cmocka_unit_test(test_utf16_without_bom_detected),
        cmocka_unit_test(test_gb18030_detected_and_named),
        cmocka_unit_test(test_latin1_is_not_taken_for_gb),
        cmocka_unit_test(test_invalid_utf8_rejected_or_replaced),
        cmocka_unit_test(test_utf16_lone_surrogate),
        cmocka_unit_test(test_many_bad_bytes_are_summarised),
        cmocka_unit_test(test_names_and_errors),
        cmocka_unit_test(test_offset_map_exhaustive),
        cmocka_unit_test(test_utf8_valid_agrees_with_decoding),
        cmocka_unit_test(test_assume_utf8),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
