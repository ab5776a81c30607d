/*
 * fuzz_options.c - the annotation option parser (ccwgen/options.c) on
 * arbitrary text.
 *
 * Properties: a parse either succeeds with well-formed tokens (keys made of
 * key characters, no key twice, columns inside the text, every token found
 * again by its key) or fails with an offset inside the text, a message and
 * an empty list.
 */
#include "fuzz.h"

#include <stdbool.h>
#include <string.h>

#include "options.h"

static bool is_key_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '.';
}

static void check_tokens(const struct option_list *list, size_t text_len)
{
    for (size_t i = 0; i < list->count; i++) {
        const struct option_token *token = &list->tokens[i];

        FUZZ_CHECK(token->key != NULL && token->key[0] != '\0');
        for (const char *c = token->key; *c; c++)
            FUZZ_CHECK(is_key_char(*c));
        FUZZ_CHECK(token->column < text_len);
        FUZZ_CHECK(option_list_find(list, token->key) == token);
        for (size_t j = 0; j < i; j++)
            FUZZ_CHECK(strcmp(list->tokens[j].key, token->key) != 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The parser takes C strings: the text ends at the first NUL. */
    char *text = malloc(size + 1);
    struct option_list list = { NULL, 0 };
    unsigned error_column = 0;
    const char *error_message = NULL;
    size_t len;

    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    len = strlen(text);

    if (option_list_parse(text, &list, &error_column, &error_message) == 0) {
        check_tokens(&list, len);
    } else {
        FUZZ_CHECK(error_message != NULL && error_message[0] != '\0');
        FUZZ_CHECK(error_column <= len);
        FUZZ_CHECK(list.count == 0 && list.tokens == NULL);
    }
    option_list_free(&list);
    free(text);
    return 0;
}
