/*
 * ccw.c - the `ccw` command: the command-line face of activation off
 * Windows (docs/activation.md).
 *
 *   ccw register PATH.so          run the component's DllRegisterServer
 *   ccw unregister PATH.so        run its DllUnregisterServer
 *   ccw unregister PROGID|{CLSID} remove that class from the registry
 *   ccw list                      print the registered classes
 *
 * Exit status: 0 success, 1 failure (the message names the file and the
 * reason), 2 usage error.  Every subcommand is one row of `commands` below
 * and one function taking its arguments.
 */
#define _XOPEN_SOURCE 700 /* realpath is XSI in glibc's headers */

#include <ccw/runtime.h>

#include "call.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

typedef struct command {
    const char *name;
    const char *arguments; /* for the usage text */
    const char *summary;
    int min_args, max_args;
    int (*run)(char **args);
} command;

/* Print the reason for a failure: the IErrorInfo description when the
 * failing call raised one (libccw's always name the file), else the
 * HRESULT. */
static int report(HRESULT hr, const char *what)
{
    IErrorInfo *info = NULL;
    BSTR description = NULL;
    char *text = NULL;

    if (GetErrorInfo(0, &info) == S_OK && info) {
        if (SUCCEEDED(IErrorInfo_GetDescription(info, &description)) && description)
            ccw_bstr_to_utf8(description, &text, NULL);
        SysFreeString(description);
        IErrorInfo_Release(info);
    }
    if (text && *text)
        fprintf(stderr, "ccw: %s\n", text);
    else
        fprintf(stderr, "ccw: %s: failed with HRESULT 0x%08lX\n", what, (unsigned long)hr);
    ccw_string_free(text);
    return EXIT_FAILED;
}

/* Load a component after the checks activation applies, and call one of
 * its entry points (DllRegisterServer or DllUnregisterServer). */
static int call_component(const char *argument, const char *entry_point)
{
    HRESULT (STDAPICALLTYPE *function)(void);
    char *path = realpath(argument, NULL);
    void *handle = NULL, *address;
    int status = EXIT_FAILED;
    HRESULT hr;

    if (!path) {
        perror(argument);
        return EXIT_FAILED;
    }
    SetErrorInfo(0, NULL);
    hr = ccw_registry_check_component(path);
    if (FAILED(hr)) {
        report(hr, path);
        goto cleanup;
    }
    handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        fprintf(stderr, "ccw: component %s: %s\n", path, dlerror());
        goto cleanup;
    }
    address = dlsym(handle, entry_point);
    if (!address) {
        fprintf(stderr, "ccw: component %s: no %s (build it with ccwgen --dll)\n", path,
                entry_point);
        goto cleanup;
    }
    /* POSIX: dlsym's result converts to the function's type. */
    memcpy(&function, &address, sizeof(function));
    SetErrorInfo(0, NULL);
    hr = function();
    if (FAILED(hr)) {
        report(hr, entry_point);
        goto cleanup;
    }
    status = EXIT_OK;

cleanup:
    if (handle)
        dlclose(handle);
    free(path);
    return status;
}

static int run_register(char **args)
{
    return call_component(args[0], "DllRegisterServer");
}

/* A component is named by a path: an argument with a slash, or one that
 * names an existing file; anything else is a ProgID or a CLSID. */
static int run_unregister(char **args)
{
    struct stat st;
    HRESULT hr;

    if (strchr(args[0], '/') || stat(args[0], &st) == 0)
        return call_component(args[0], "DllUnregisterServer");
    SetErrorInfo(0, NULL);
    hr = ccw_registry_remove(args[0]);
    return FAILED(hr) ? report(hr, args[0]) : EXIT_OK;
}

static const char *or_dash(const char *text)
{
    return text ? text : "-";
}

/* One line per class, tab-separated: CLSID, ProgID, threading model,
 * version, component, registry file ("-" for what a class lacks). */
static int run_list(char **args)
{
    ccw_registry_entry *entries;
    size_t count, i;
    HRESULT hr;

    (void)args;
    SetErrorInfo(0, NULL);
    hr = ccw_registry_list(&entries, &count);
    if (FAILED(hr))
        return report(hr, "list");
    for (i = 0; i < count; i++) {
        OLECHAR wide[40];
        char clsid[40];
        int j;

        StringFromGUID2(&entries[i].clsid, wide, 40);
        for (j = 0; j < 40; j++)
            clsid[j] = (char)wide[j];
        printf("%s\t%s\t%s\t%s\t%s\t%s\n", clsid, or_dash(entries[i].progid),
               entries[i].threading, or_dash(entries[i].version), entries[i].path,
               entries[i].registry);
    }
    ccw_registry_list_free(entries, count);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAILED;
}

static const command commands[] = {
    { "register", "PATH", "register a component's classes (its DllRegisterServer)", 1, 1,
      run_register },
    { "unregister", "PATH|PROGID|{CLSID}",
      "unregister a component (its DllUnregisterServer), or remove one class", 1, 1,
      run_unregister },
    { "list", "", "print the registered classes", 0, 0, run_list },
    { "call", "[--library PATH] PROGID|{CLSID} [IFACE.]MEMBER [--put] [ARG|NAME:=ARG...]"
              " [--then ...]",
      "call members late-bound (IDispatch), one object, and print their results", 2, INT_MAX,
      ccw_tool_call },
    { "describe", "[--library PATH] PROGID|{CLSID}",
      "print a class's interfaces from its type information", 1, 3, ccw_tool_describe },
};

static void usage(FILE *to)
{
    size_t i;

    fprintf(to, "usage: ccw COMMAND [ARGUMENTS]\n\ncommands:\n");
    for (i = 0; i < sizeof(commands) / sizeof(*commands); i++)
        fprintf(to, "  %-10s %-20s %s\n", commands[i].name, commands[i].arguments,
                commands[i].summary);
    fprintf(to, "\nThe registry is $CCW_REGISTRY (colon-separated files, updates go to the "
                "first),\nelse $XDG_DATA_HOME/ccw/registry.json then /etc/ccw/registry.json.\n");
}

int main(int argc, char **argv)
{
    size_t i;

    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return EXIT_OK;
    }
    for (i = 0; argc >= 2 && i < sizeof(commands) / sizeof(*commands); i++) {
        const command *cmd = &commands[i];

        if (strcmp(argv[1], cmd->name) != 0)
            continue;
        if (argc - 2 < cmd->min_args || argc - 2 > cmd->max_args) {
            fprintf(stderr, "usage: ccw %s %s\n", cmd->name, cmd->arguments);
            return EXIT_USAGE;
        }
        return cmd->run(argv + 2);
    }
    if (argc >= 2)
        fprintf(stderr, "ccw: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
