#!/usr/bin/env python3
"""Hostile input to ccwgen: inputs too big, too deep or too broken to check in,
generated here at test time. Each must give clean diagnostics and exit status
1, write no output (an earlier output is left untouched), and stay within a
time and a memory bound.

usage: hostile-inputs.py CCWGEN SOURCE_ROOT CASE [--sanitized]

--sanitized: ccwgen is built with AddressSanitizer, whose shadow memory
cannot live under an address-space limit; the memory bound is then checked
on the peak resident set only, and the case that needs the address-space
limit to end at all (macro-explosion) is refused by meson.build.
"""
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time

TIME_LIMIT = 60  # seconds, for the slowest of them under ASan on a loaded machine
ADDRESS_SPACE_LIMIT = 1 << 30  # bytes
RSS_LIMIT = 1 << 30  # bytes of peak resident memory (ASan: twice that)

ANNOTATE = "#include <ccw/annotate.h>\n"


def header(text):
    return {"hostile.h": text.encode()}


def binary_header():
    """64 KiB of random bytes, NULs and bad UTF-8 among them."""
    rng = random.Random(9)
    return {"hostile.h": bytes(rng.randrange(256) for _ in range(65536))}, ["hostile.h"]


def clang_errors():
    """Ten thousand syntax errors: clang stops after its error limit."""
    return header("int x = ;\n" * 10000), ["hostile.h"]


def deep_brackets():
    """Nesting far beyond clang's bracket limit."""
    return header("int x = " + "(" * 100000 + "1" + ")" * 100000 + ";\n"), ["hostile.h"]


def macro_explosion():
    """Each macro doubles the one before: 2^40 tokens, which only a memory
    limit can stop; libclang must fail cleanly when it is reached."""
    lines = ["#define M0 x"] + [f"#define M{i} M{i - 1} M{i - 1}" for i in range(1, 41)]
    return header("\n".join(lines) + "\nint f(int M40);\n"), ["hostile.h"]


def long_macro_errors():
    """One macro, 1 MiB long on a single logical line, that expands to two
    thousand annotated functions, each with an error."""
    body = " ".join(f"CCW_METHOD() int thing_f{i}(int x{'_' * 400});" for i in range(2000))
    return header(ANNOTATE + 'struct CCW_CLASS("noncreatable") thing;\n#define MANY ' + body +
                  "\nMANY\n"), ["hostile.h"]


def many_errors():
    """Five thousand annotation errors, one per line, every one reported."""
    lines = [ANNOTATE, 'struct CCW_CLASS("noncreatable") thing;\n']
    lines += [f"CCW_METHOD() int thing_f{i}(int x);\n" for i in range(5000)]
    return header("".join(lines)), ["hostile.h"]


def long_annotation():
    """A 1 MiB option string, built by a macro."""
    return header(ANNOTATE + '#define LONG "help=\\"' + "a" * (1 << 20) + '\\""\n' +
                  "struct CCW_CLASS(LONG) thing;\n"), ["hostile.h"]


def annotation_bytes():
    """Every byte value but NUL in an annotation, overlong forms included."""
    escaped = "".join(f"\\x{b:02x}" for b in range(1, 256)) + "\\xc0\\xaf\\xe0\\x80\\xaf"
    return header(ANNOTATE + f'struct CCW_CLASS("noncreatable help=\\"{escaped}\\"") thing;\n'), \
        ["hostile.h"]


LEDGER = "tests/golden/sidecar/ledger.h"


def sidecar(text):
    return {"hostile.json": text.encode()}, ["--sidecar", "hostile.json", "{root}/" + LEDGER]


def sidecar_nesting():
    """Arrays nested 100000 deep where a list of interfaces belongs."""
    return sidecar('{"classes": {"ledger": {"class": "noncreatable", "interfaces": ' +
                   "[" * 100000 + "]" * 100000 + "}}}")


def sidecar_wrong_types():
    """A wrong JSON type at every place the sidecar has."""
    doc = {
        "classes": {"ledger": {"class": 5, "interfaces": {"ILedger": True},
                               "properties": ["balance"]}},
        "functions": {
            "ledger_open": {"constructor": None},
            "ledger_close": {"destructor": []},
            "ledger_append": {"method": {}, "result": 1.5, "params": "entry"},
            "ledger_count": {"propget": False, "params": {"l": 3}},
            "ledger_entry": [],
            "ledger_version": "method",
        },
    }
    return sidecar(json.dumps(doc))


def sidecar_huge_string():
    """A 20 MiB option string in a sidecar."""
    return sidecar('{"classes": {"ledger": {"class": "help=\\"' + "b" * (20 << 20) + '\\""}}}')


def sidecar_many_errors():
    """Five thousand functions the header does not declare."""
    functions = ", ".join(f'"missing_{i}": {{"method": "class=ledger"}}' for i in range(5000))
    return sidecar('{"functions": {' + functions + "}}")


# name: (generator, a line of ccwgen's diagnostics that must appear (regex),
#        the least number of error lines)
CASES = {
    "binary-header": (binary_header, r"hostile\.h:\d+:\d+: error: .+", 2),
    "clang-errors": (clang_errors, r"hostile\.h:\d+:9: error: expected expression", 10),
    "deep-brackets": (deep_brackets,
                      r"hostile\.h:1:\d+: error: bracket nesting level exceeded maximum of \d+",
                      1),
    "macro-explosion": (macro_explosion, r"hostile\.h: error: .*libclang.*", 1),
    "long-macro-errors": (long_macro_errors,
                          r"hostile\.h:\d+:\d+: error: thing_f1999: the first parameter must be "
                          r"a pointer to a struct annotated with CCW_CLASS .*", 2000),
    "many-errors": (many_errors,
                    r"hostile\.h:5002:\d+: error: thing_f4999: the first parameter must be .*",
                    5000),
    "long-annotation": (long_annotation,
                        r"hostile\.h:\d+:\d+: error: malformed CCW_CLASS options: option text "
                        r"longer than \d+ bytes", 1),
    "annotation-bytes": (annotation_bytes,
                         r"hostile\.h:2:\d+: error: CCW_CLASS text is not valid UTF-8 .*", 1),
    "sidecar-nesting": (sidecar_nesting, r"hostile\.json:1:\d+: error: sidecar: .*", 1),
    "sidecar-wrong-types": (sidecar_wrong_types, r"hostile\.json:1:\d+: error: .*", 1),
    "sidecar-huge-string": (sidecar_huge_string,
                            r"hostile\.json:1:\d+: error: malformed .*options: option text "
                            r"longer than \d+ bytes", 1),
    "sidecar-many-errors": (sidecar_many_errors, r"hostile\.json:1:\d+: error: .*missing_4999.*",
                            5000),
}


def fail(case, message, stderr=b""):
    print(f"FAIL hostile {case}: {message}", file=sys.stderr)
    if stderr:
        print("--- ccwgen's stderr (head):", file=sys.stderr)
        print(stderr[:3000].decode("utf-8", "replace"), file=sys.stderr)
    sys.exit(1)


def main():
    if len(sys.argv) not in (4, 5) or (len(sys.argv) == 5 and sys.argv[4] != "--sanitized"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    ccwgen, root, case = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
    sanitized = len(sys.argv) == 5
    if case not in CASES:
        fail(case, "no such case")
    generate, expect, least_errors = CASES[case]
    files, args = generate()

    with tempfile.TemporaryDirectory() as tmp:
        for name, data in files.items():
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(data)
        out = os.path.join(tmp, "out")
        os.mkdir(out)
        previous = b"an earlier good output\n"
        with open(os.path.join(out, "case.typelib.json"), "wb") as f:
            f.write(previous)

        def limit_memory():
            if not sanitized:
                resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))

        command = [ccwgen, "-o", out, "--name", "case"] + \
            [a.replace("{root}", root) for a in args] + ["--", "-I" + os.path.join(root, "include")]
        start = time.monotonic()
        try:
            run = subprocess.run(command, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 timeout=TIME_LIMIT, preexec_fn=limit_memory, check=False)
        except subprocess.TimeoutExpired:
            fail(case, f"still running after {TIME_LIMIT} s")
        elapsed = time.monotonic() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        if run.returncode != 1:
            fail(case, f"exit status {run.returncode}, expected 1", run.stderr)
        lines = run.stderr.decode("utf-8", "replace").splitlines()
        if not any(re.fullmatch(expect, line) for line in lines):
            fail(case, f"no line matching: {expect}", run.stderr)
        errors = sum(1 for line in lines if ": error: " in line)
        if errors < least_errors:
            fail(case, f"{errors} errors reported, expected at least {least_errors}", run.stderr)
        if os.listdir(out) != ["case.typelib.json"]:
            fail(case, f"outputs appeared: {sorted(os.listdir(out))}")
        with open(os.path.join(out, "case.typelib.json"), "rb") as f:
            if f.read() != previous:
                fail(case, "the earlier output changed")
        if sorted(os.listdir(tmp)) != sorted(list(files) + ["out"]):
            fail(case, f"files appeared: {sorted(os.listdir(tmp))}")
        rss_limit = RSS_LIMIT * (2 if sanitized else 1)
        if peak > rss_limit:
            fail(case, f"peak memory {peak >> 20} MiB, more than {rss_limit >> 20} MiB")
        print(f"hostile {case}: exit 1, {errors} errors, {elapsed:.2f} s, "
              f"peak {peak >> 20} MiB")


if __name__ == "__main__":
    main()
