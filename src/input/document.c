/* Documents that are not text: extraction from their text layer, and the
 * public instcite_input_text. */
#include "extract/doc.h"
#include "input/input.h"

#include <stdlib.h>
#include <string.h>

/* Set while the text layer of a document is being extracted, so that the
 * inner instcite_extract reads it as text whatever it holds. */
static _Thread_local bool converting;

bool input_extract(const instcite_catalog *cat, const char *name, const void *bytes, size_t len,
                   const char *lang, instcite_doc **doc, instcite_error *err)
{
    *doc = NULL;
    if (converting)
        return false;
    input_format f = input_detect(bytes, len, name);
    if (f == INPUT_TEXT)
        return false;
    char *text;
    size_t text_len;
    if (input_convert(f, bytes, len, &text, &text_len, err) != INSTCITE_OK)
        return true;
    converting = true;
    *doc = instcite_extract(cat, name, text, text_len, lang, err);
    converting = false;
    free(text);
    if (*doc)
        (*doc)->info.source = input_format_name(f);
    return true;
}

instcite_status instcite_input_text(const void *bytes, size_t len, const char *name, char **text,
                                    size_t *text_len, const char **source, instcite_error *err)
{
    if (!text || !text_len || (!bytes && len)) {
        input_set_err(err, INSTCITE_ERR_INVALID, "no input or no output");
        return INSTCITE_ERR_INVALID;
    }
    *text = NULL;
    *text_len = 0;
    input_format f = input_detect(bytes, len, name);
    if (source)
        *source = input_format_name(f);
    if (f != INPUT_TEXT)
        return input_convert(f, bytes, len, text, text_len, err);
    char *copy = malloc(len + 1);
    if (!copy) {
        input_set_err(err, INSTCITE_ERR_NOMEM, "out of memory");
        return INSTCITE_ERR_NOMEM;
    }
    if (len)
        memcpy(copy, bytes, len);
    copy[len] = '\0';
    *text = copy;
    *text_len = len;
    return INSTCITE_OK;
}
