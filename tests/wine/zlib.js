// zlib.js - JScript, run by Wine's cscript, drives examples/zlib's
// ZLib.Codec (zlib for Windows, wrapped through a sidecar, built by the
// cross build and registered by the Wine suite): Version, Crc32, Adler32,
// CompressBound, Level, and the errors a script sees (zlib's own messages).
//
// A script passes bytes as a string (DESIGN.md section 5); every expected
// checksum is that of the same text, continued, so it holds whichever bytes
// of the string the component receives. Wine 8's JScript cannot take a
// SAFEARRAY(BYTE) as a value at all (E_NOTIMPL), so Compress and Uncompress
// are driven from VBScript (zlib.vbs) and only their failure is tested here.
//
// cscript exits 0 even after an uncaught error, so the last line,
// "zlib.js: all N checks passed", is printed only when every check passed,
// and the harness (wine.sh) requires it.
//
// usage: cscript //nologo zlib.js

var checks = 0, failures = 0;
var FOX = "The quick brown fox jumps over the lazy dog";

// JScript reports an HRESULT as a negative number; these are unsigned.
var DISP_E_MEMBERNOTFOUND = 0x80020003, DISP_E_OVERFLOW = 0x8002000A,
    DISP_E_BADPARAMCOUNT = 0x8002000E, E_INVALIDARG = 0x80070057;

function check(ok, what) {
    checks++;
    if (!ok) {
        failures++;
        WScript.Echo("FAIL: " + what);
    }
}

function checkEqual(actual, expected, what) {
    check(actual === expected, what + ": got " + actual + " (" + typeof actual + "), expected " +
          expected + " (" + typeof expected + ")");
}

// f must throw the error (number, description).
function expectError(f, number, description, what) {
    var caught = null;

    try {
        f();
    } catch (e) {
        caught = e;
    }
    check(caught !== null, what + ": throws");
    if (caught !== null) {
        checkEqual(caught.number >>> 0, number, what + ": e.number");
        checkEqual(caught.description, description, what + ": e.description");
    }
}

var z = new ActiveXObject("ZLib.Codec");
checkEqual(typeof z, "object", "typeof the object");
// Version is a method: JScript calls it with parentheses (read as a
// property it is DISP_E_MEMBERNOTFOUND).
var version = z.Version();
check(/^1\.[0-9]+\.[0-9]+(\.[0-9]+)?$/.test(version), "Version is zlib's, 1.x.y: got " + version);
expectError(function () { return z.Version; }, DISP_E_MEMBERNOTFOUND, "", "Version read as a property");

checkEqual(z.Crc32(0, FOX), 0x414FA339, "Crc32 of the fox (its UTF-8 bytes) is zlib's");
checkEqual(z.Adler32(1, FOX), 0x5BDC0FDA, "Adler32 of the fox (its UTF-8 bytes) is zlib's");
checkEqual(z.Crc32(0, ""), 0, "Crc32 of no bytes from 0");
checkEqual(z.Crc32(4294967295, ""), 4294967295, "Crc32 of no bytes keeps the largest ULONG");
checkEqual(typeof z.Crc32(0, FOX), "number", "typeof Crc32's result");
checkEqual(z.Crc32(z.Crc32(0, "The quick "), "brown fox jumps over the lazy dog"), z.Crc32(0, FOX),
           "Crc32 continued from a prefix's equals the whole text's");
check(z.Crc32(0, FOX) !== z.Crc32(0, "the quick brown fox jumps over the lazy dog"),
      "Crc32 tells one changed letter apart");
checkEqual(z.Adler32(1, ""), 1, "Adler32 of no bytes from 1");
checkEqual(z.Adler32(z.Adler32(1, "The quick "), "brown fox jumps over the lazy dog"),
           z.Adler32(1, FOX), "Adler32 continued from a prefix's equals the whole text's");
// Non-ASCII text: whatever its bytes, continuing gives the whole's checksum.
checkEqual(z.Crc32(z.Crc32(0, "caf\u00e9 "), "\ud83d\ude00"), z.Crc32(0, "caf\u00e9 \ud83d\ude00"),
           "Crc32 of non-ASCII text, continued");

checkEqual(z.CompressBound(0), 13, "CompressBound(0)");
checkEqual(z.CompressBound(100), 113, "CompressBound(100)");
checkEqual(z.CompressBound(1000000), 1000318, "CompressBound(1000000)");

checkEqual(z.Level, -1, "a new codec's Level (zlib's default)");
z.Level = 0;
checkEqual(z.Level, 0, "Level = 0");
checkEqual(new ActiveXObject("ZLib.Codec").Level, -1, "another codec keeps its own Level");

expectError(function () { z.Crc32(4294967296, ""); }, DISP_E_OVERFLOW, "",
            "Crc32(4294967296, \"\") (a ULONG)");
expectError(function () { z.Crc32(0); }, DISP_E_BADPARAMCOUNT, "", "Crc32(0) (its bytes left out)");
expectError(function () { z.Level = 12; }, E_INVALIDARG,
            "zlib: level 12 is not -1 (default) or 0 to 9", "Level = 12");
checkEqual(z.Level, 0, "a refused Level leaves Level alone");
expectError(function () { z.Uncompress("garbage"); }, E_INVALIDARG, "zlib: incorrect header check",
            "Uncompress(\"garbage\")");
checkEqual(z.CompressBound(100), 113, "the codec works after its failures");

if (failures === 0)
    WScript.Echo("zlib.js: all " + checks + " checks passed");
else
    WScript.Echo("zlib.js: " + failures + " of " + checks + " checks failed");
