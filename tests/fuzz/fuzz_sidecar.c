/*
 * fuzz_sidecar.c - the sidecar reader (ccwgen/sidecar.c) and the check stage
 * behind it, on arbitrary JSON.
 *
 * Each input annotates a fresh copy of the declarations of
 * tests/golden/sidecar/ledger.h, built here without libclang: a struct with
 * two fields and six functions with integer, floating, string, buffer, record
 * and out parameters. An input the reader accepts goes on through
 * check_build_model, so the option texts it carries reach the option parser
 * and every check, as they do in ccwgen. The diagnostics are printed (to
 * /dev/null) in both formats.
 *
 * Properties: the reader fails exactly when it reported an error; a model
 * comes back whenever memory suffices; nothing leaks.
 */
#include "fuzz.h"

#include <stdbool.h>
#include <string.h>

#include "check.h"
#include "decls.h"
#include "diag.h"
#include "model.h"
#include "sidecar.h"

static FILE *null_output;

static char *copy(const char *text)
{
    char *s = strdup(text);

    FUZZ_CHECK(s != NULL);
    return s;
}

static struct c_type scalar(enum c_type_kind kind, const char *spelling, unsigned size,
                            bool is_signed)
{
    struct c_type type = { 0 };

    type.kind = kind;
    type.spelling = copy(spelling);
    type.size = size;
    type.is_signed = is_signed;
    return type;
}

static struct c_type pointer_to(struct c_type pointee, const char *spelling)
{
    struct c_type type = scalar(C_POINTER, spelling, 8, false);

    type.pointee = malloc(sizeof(*type.pointee));
    FUZZ_CHECK(type.pointee != NULL);
    *type.pointee = pointee;
    return type;
}

static struct c_type ledger_record(bool is_const)
{
    struct c_type type = scalar(C_RECORD, is_const ? "const struct ledger" : "struct ledger",
                                16, false);

    type.is_const = is_const;
    type.record_tag = copy("ledger");
    return type;
}

static struct c_type plain_char(bool is_const)
{
    struct c_type type = scalar(C_INT, is_const ? "const char" : "char", 1, true);

    type.is_char = true;
    type.is_const = is_const;
    return type;
}

static struct location at(const char *file, unsigned line, unsigned column)
{
    struct location where = { file, line, column };

    return where;
}

static struct c_function *function(struct decl_set *set, const char *file, unsigned line,
                                   const char *name, struct c_type result, size_t param_count)
{
    struct c_function *fn = decl_set_add_function(set, copy(name));

    FUZZ_CHECK(fn != NULL);
    fn->result = result;
    fn->where = at(file, line, 1);
    fn->order = set->next_order++;
    fn->param_count = param_count;
    if (param_count) {
        fn->params = calloc(param_count, sizeof(*fn->params));
        FUZZ_CHECK(fn->params != NULL);
    }
    return fn;
}

static void param(struct c_function *fn, size_t index, const char *name, struct c_type type)
{
    fn->params[index].name = copy(name);
    fn->params[index].type = type;
    fn->params[index].where = at(fn->where.file, fn->where.line, 20 + 10 * (unsigned)index);
}

/* The declarations of tests/golden/sidecar/ledger.h. */
static void ledger_declarations(struct decl_set *set)
{
    const char *file = decl_set_intern_file(set, "ledger.h");
    struct c_struct *st;
    struct c_function *fn;

    FUZZ_CHECK(file != NULL);
    st = decl_set_add_struct(set, copy("ledger"));
    FUZZ_CHECK(st != NULL);
    st->defined = true;
    st->where = at(file, 8, 8);
    st->field_count = 2;
    st->fields = calloc(2, sizeof(*st->fields));
    FUZZ_CHECK(st->fields != NULL);
    st->fields[0].name = copy("revision");
    st->fields[0].type = scalar(C_INT, "unsigned int", 4, false);
    st->fields[0].where = at(file, 9, 11);
    st->fields[0].order = set->next_order++;
    st->fields[1].name = copy("balance");
    st->fields[1].type = scalar(C_FLOAT, "double", 8, true);
    st->fields[1].where = at(file, 10, 9);
    st->fields[1].order = set->next_order++;

    function(set, file, 13, "ledger_open", pointer_to(ledger_record(false), "struct ledger *"), 0);
    fn = function(set, file, 14, "ledger_close", scalar(C_VOID, "void", 0, false), 1);
    param(fn, 0, "l", pointer_to(ledger_record(false), "struct ledger *"));
    fn = function(set, file, 15, "ledger_append", scalar(C_INT, "int", 4, true), 4);
    param(fn, 0, "l", pointer_to(ledger_record(false), "struct ledger *"));
    param(fn, 1, "entry", pointer_to(plain_char(true), "const char *"));
    {
        struct c_type byte = scalar(C_INT, "const unsigned char", 1, false);

        byte.is_const = true;
        param(fn, 2, "blob", pointer_to(byte, "const unsigned char *"));
    }
    param(fn, 3, "blob_len", scalar(C_INT, "size_t", 8, false));
    fn = function(set, file, 16, "ledger_count", scalar(C_INT, "long", 8, true), 1);
    param(fn, 0, "l", pointer_to(ledger_record(true), "const struct ledger *"));
    fn = function(set, file, 17, "ledger_entry", scalar(C_INT, "int", 4, true), 3);
    param(fn, 0, "l", pointer_to(ledger_record(true), "const struct ledger *"));
    param(fn, 1, "index", scalar(C_INT, "long", 8, true));
    param(fn, 2, "text", pointer_to(pointer_to(plain_char(false), "char *"), "char **"));
    function(set, file, 18, "ledger_version", pointer_to(plain_char(true), "const char *"), 0);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    null_output = fopen("/dev/null", "w");
    FUZZ_CHECK(null_output != NULL);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct check_options options = { "ledger", false };
    /* An exact-size copy, so that ASan sees any read past the text. */
    char *text = malloc(size ? size : 1);
    struct decl_set decls;
    struct diag_list diags;
    int status;

    FUZZ_CHECK(text != NULL);
    memcpy(text, data, size);
    decl_set_init(&decls);
    diag_list_init(&diags);
    ledger_declarations(&decls);

    status = sidecar_apply("fuzz.json", text, size, &decls, &diags);
    FUZZ_CHECK(status == 0 || status == -1);
    FUZZ_CHECK((status == -1) == (diags.errors > 0));
    if (status == 0) {
        struct model *model = check_build_model(&decls, &options, &diags);

        FUZZ_CHECK(model != NULL);
        model_free(model);
    }
    diag_list_sort(&diags);
    diag_list_print(&diags, DIAG_FORMAT_TEXT, null_output);
    diag_list_print(&diags, DIAG_FORMAT_JSON, null_output);

    diag_list_free(&diags);
    decl_set_free(&decls);
    free(text);
    return 0;
}
