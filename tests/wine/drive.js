// drive.js - JScript, run by Wine's cscript, drives the components the Wine
// suite registered: every member of Example.Counter's default interface
// (ICounter: Value, IsZero, Add, Reset) and of WineTest.Arith, and the errors
// a script sees - a missing member, a wrong argument count, a type mismatch,
// an overflow, and C failures as e.number and e.description.
//
// cscript exits 0 even after an uncaught error, so the last line,
// "drive.js: all N checks passed", is printed only when every check passed,
// and the harness (wine.sh) requires it.
//
// usage: cscript //nologo drive.js ERANGE-TEXT EINVAL-TEXT
//   the C runtime's strerror texts, which errno failures carry

var checks = 0, failures = 0;
var erangeText = WScript.Arguments.Item(0), einvalText = WScript.Arguments.Item(1);

// JScript reports an HRESULT as a negative number; these are unsigned.
var DISP_E_MEMBERNOTFOUND = 0x80020003, DISP_E_TYPEMISMATCH = 0x80020005,
    DISP_E_OVERFLOW = 0x8002000A, DISP_E_BADPARAMCOUNT = 0x8002000E,
    E_INVALIDARG = 0x80070057, JS_E_NO_MEMBER = 0x800A01B6;

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

// ---- Example.Counter -------------------------------------------------------
var c = new ActiveXObject("Example.Counter");
checkEqual(typeof c, "object", "typeof the object");
checkEqual(c.Value, 0, "a new counter's Value");
checkEqual(c.IsZero, true, "a new counter IsZero");
c.Add(5);
checkEqual(c.Value, 5, "Add(5)");
checkEqual(c.IsZero, false, "IsZero after Add(5)");
c.Add();
checkEqual(c.Value, 6, "Add() with its optional step left out adds 1");
c.Add(-10);
checkEqual(c.Value, -4, "Add(-10)");
c.add(3);
checkEqual(c.VALUE, -1, "names are case-insensitive");
c.Reset();
checkEqual(c.Value, 0, "Reset()");
checkEqual(c.IsZero, true, "IsZero after Reset()");
c.Value = 41;
checkEqual(c.Value, 41, "Value = 41");
c.Add("7");
checkEqual(c.Value, 48, "Add(\"7\"): a string is coerced");
c.Value = 3.6;
checkEqual(c.Value, 4, "Value = 3.6 rounds");
c.Value = true;
checkEqual(c.Value, -1, "Value = true is -1");
c.Value = -2147483648;
checkEqual(c.Value, -2147483648, "Value = the smallest LONG");

var other = new ActiveXObject("Example.Counter");
other.Value = 100;
checkEqual(c.Value, -2147483648, "a second object has its own count");
checkEqual(other.Value, 100, "the second object's Value");
other = null;

// ---- WineTest.Arith --------------------------------------------------------
var a = new ActiveXObject("WineTest.Arith");
checkEqual(a.Sum(2, 3), 5, "Sum(2, 3)");
checkEqual(a.Sum(2147483647, 1), -2147483648, "Sum wraps around");
checkEqual(a.Sum("40", 2.25), 42, "Sum coerces a string and a double");
checkEqual(a.Divide(7, 2), 3, "Divide(7, 2)");
checkEqual(a.Divide(-7, 2), -3, "Divide(-7, 2)");
checkEqual(a.Divisions, 2, "Divisions counts the divisions");
checkEqual(a.Mean(1.5, 2), 1.75, "Mean(1.5, 2)");
checkEqual(a.Repeat("ab", 3), "ababab", "Repeat(\"ab\", 3)");
checkEqual(a.Repeat("x", 0), "", "Repeat(\"x\", 0)");
// U+00E9, U+4E2D and U+1F600 (a surrogate pair): UTF-16 -> UTF-8 -> UTF-16.
var text = String.fromCharCode(0xE9, 0x4E2D, 0xD83D, 0xDE00);
checkEqual(a.Repeat(text, 2), text + text, "Repeat of non-ASCII text and a surrogate pair");
checkEqual(a.Repeat(text, 2).length, 8, "length of the repeated UTF-16 text");
checkEqual(a.IsEven(4), true, "IsEven(4)");
checkEqual(a.IsEven(-3), false, "IsEven(-3)");

// ---- Errors ----------------------------------------------------------------
// Wine's JScript throws its own TypeError for a member GetIDsOfNames does not
// know, and the component's HRESULT, without a description, for the rest.
expectError(function () { c.Frobnicate(); }, JS_E_NO_MEMBER,
            "Object doesn't support this property or method", "c.Frobnicate() (no such member)");
checkEqual(typeof c.Nothing2, "undefined", "reading a member that does not exist");
expectError(function () { return c.Add; }, DISP_E_MEMBERNOTFOUND, "",
            "reading the method Add as a property");
expectError(function () { c.Add(1, 2); }, DISP_E_BADPARAMCOUNT, "",
            "c.Add(1, 2) (too many arguments)");
expectError(function () { c.Reset(1); }, DISP_E_BADPARAMCOUNT, "",
            "c.Reset(1) (too many arguments)");
expectError(function () { a.Sum(1); }, DISP_E_BADPARAMCOUNT, "", "a.Sum(1) (too few arguments)");
expectError(function () { c.Add("seven"); }, DISP_E_TYPEMISMATCH, "", "c.Add(\"seven\")");
expectError(function () { c.Value = "many"; }, DISP_E_TYPEMISMATCH, "", "c.Value = \"many\"");
expectError(function () { a.Sum(1, c); }, DISP_E_TYPEMISMATCH, "",
            "a.Sum(1, c) (an object for a LONG)");
expectError(function () { c.Add(2147483648); }, DISP_E_OVERFLOW, "", "c.Add(2147483648)");
expectError(function () { c.IsZero = true; }, DISP_E_MEMBERNOTFOUND, "",
            "c.IsZero = true (read-only property)");

c.Value = 2147483647;
// ERANGE from counter_add: MAKE_HRESULT(1, FACILITY_ITF, 0x200 + 34).
expectError(function () { c.Add(); }, 0x80040222, erangeText,
            "c.Add() past the largest LONG (ERANGE)");
checkEqual(c.Value, 2147483647, "a failed Add leaves Value alone");
// EDOM (33), with the description the library set.
expectError(function () { a.Divide(7, 0); }, 0x80040221, "division of 7 by zero",
            "a.Divide(7, 0)");
checkEqual(a.Divisions, 2, "a failed division is not counted");
expectError(function () { a.Repeat("x", -1); }, E_INVALIDARG, einvalText,
            "a.Repeat(\"x\", -1) (EINVAL: E_INVALIDARG)");
checkEqual(a.Sum(1, 1), 2, "the object works after its failures");

a = null;
c = null;
CollectGarbage();

if (failures === 0)
    WScript.Echo("drive.js: all " + checks + " checks passed");
else
    WScript.Echo("drive.js: " + failures + " of " + checks + " checks failed");
