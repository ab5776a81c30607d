' drive.vbs - VBScript, run by Wine's cscript, drives the components the
' Wine suite registered: every member of Example.Counter's default interface
' (ICounter: Value, IsZero, Add, Reset) and of WineTest.Arith, and the
' errors a script sees - a missing member, a wrong argument count, a type
' mismatch, an overflow, and C failures as Err.Number, Err.Description and
' Err.Source.
'
' cscript exits 0 even after an uncaught error, so the last line,
' "drive.vbs: all N checks passed", is printed only when every check passed,
' and the harness (wine.sh) requires it.  Wine's VBScript has no Execute, so
' each failing statement sits in a Sub of its own under On Error Resume Next;
' everything else runs without it, so an unexpected error ends the script
' before that line.
'
' usage: cscript //nologo drive.vbs ERANGE-TEXT EINVAL-TEXT
'   the C runtime's strerror texts, which errno failures carry
Option Explicit

Const VBS_RUNTIME = "Microsoft VBScript runtime error"
Const NO_MEMBER = "Object doesn't support this property or method"
Const BAD_COUNT = "Wrong number of arguments or invalid property assignment"

Dim checks, failures, erangeText, einvalText
Dim caughtNumber, caughtDescription, caughtSource
Dim c, other, a, x
checks = 0
failures = 0
erangeText = WScript.Arguments.Item(0)
einvalText = WScript.Arguments.Item(1)

Sub Check(ok, what)
    checks = checks + 1
    If Not ok Then
        failures = failures + 1
        WScript.Echo "FAIL: " & what
    End If
End Sub

Sub CheckEqual(actual, expected, what)
    Check actual = expected, what & ": got " & actual & ", expected " & expected
End Sub

' Called right after the failing statement, under its Sub's On Error Resume
' Next: keeps the error for Expect.
Sub Catch
    caughtNumber = Err.Number
    caughtDescription = Err.Description
    caughtSource = Err.Source
    Err.Clear
End Sub

' The error the last failing statement raised was exactly this one.
Sub Expect(number, description, source, what)
    CheckEqual caughtNumber, number, what & ": Err.Number"
    CheckEqual caughtDescription, description, what & ": Err.Description"
    CheckEqual caughtSource, source, what & ": Err.Source"
    caughtNumber = Empty
End Sub

' ---- The statements that must fail, one per Sub ----------------------------
Sub CallMissingMethod
    On Error Resume Next
    c.Frobnicate
    Catch
End Sub

Sub ReadMissingProperty
    On Error Resume Next
    x = c.Nothing2
    Catch
End Sub

Sub WriteMissingProperty
    On Error Resume Next
    a.Total = 1
    Catch
End Sub

Sub AddTooMany
    On Error Resume Next
    c.Add 1, 2
    Catch
End Sub

Sub ResetWithArgument
    On Error Resume Next
    c.Reset 1
    Catch
End Sub

Sub SumTooFew
    On Error Resume Next
    x = a.Sum(1)
    Catch
End Sub

Sub AddText
    On Error Resume Next
    c.Add "seven"
    Catch
End Sub

Sub PutText
    On Error Resume Next
    c.Value = "many"
    Catch
End Sub

Sub SumObject
    On Error Resume Next
    x = a.Sum(1, c)
    Catch
End Sub

Sub AddTooLarge
    On Error Resume Next
    c.Add 2147483648
    Catch
End Sub

Sub PutReadOnly
    On Error Resume Next
    c.IsZero = True
    Catch
End Sub

Sub AddPastMaximum
    On Error Resume Next
    c.Add
    Catch
End Sub

Sub DivideByZero
    On Error Resume Next
    x = a.Divide(7, 0)
    Catch
End Sub

Sub RepeatNegative
    On Error Resume Next
    x = a.Repeat("x", -1)
    Catch
End Sub

' ---- Example.Counter ------------------------------------------------------
Set c = CreateObject("Example.Counter")
CheckEqual TypeName(c), "ICounter", "TypeName of the object (its default interface)"
CheckEqual c.Value, 0, "a new counter's Value"
CheckEqual VarType(c.Value), vbLong, "VarType(Value)"
Check c.IsZero, "a new counter IsZero"
CheckEqual VarType(c.IsZero), vbBoolean, "VarType(IsZero)"
c.Add 5
CheckEqual c.Value, 5, "Add 5"
Check Not c.IsZero, "IsZero after Add 5"
c.Add
CheckEqual c.Value, 6, "Add with its optional step left out adds 1"
c.Add -10
CheckEqual c.Value, -4, "Add -10"
Call c.Add(2)
CheckEqual c.Value, -2, "Call c.Add(2)"
c.ADD 3
CheckEqual c.value, 1, "names are case-insensitive"
c.Reset
CheckEqual c.Value, 0, "Reset"
Check c.IsZero, "IsZero after Reset"
c.Value = 41
CheckEqual c.Value, 41, "Value = 41"
c.Add "7"
CheckEqual c.Value, 48, "Add ""7"": a string is coerced"
c.Value = 2.5
CheckEqual c.Value, 2, "Value = 2.5 rounds half to even"
c.Value = 3.6
CheckEqual c.Value, 4, "Value = 3.6 rounds"
c.Value = True
CheckEqual c.Value, -1, "Value = True is -1"
c.Value = -2147483648
CheckEqual c.Value, -2147483648, "Value = the smallest Long"

Set other = CreateObject("Example.Counter")
other.Value = 100
CheckEqual c.Value, -2147483648, "a second object has its own count"
CheckEqual other.Value, 100, "the second object's Value"
Set other = Nothing

' ---- WineTest.Arith -------------------------------------------------------
Set a = CreateObject("WineTest.Arith")
CheckEqual TypeName(a), "IArith", "TypeName of WineTest.Arith"
CheckEqual a.Sum(2, 3), 5, "Sum(2, 3)"
CheckEqual a.Sum(2147483647, 1), -2147483648, "Sum wraps around"
CheckEqual a.Sum("40", 2.25), 42, "Sum coerces a string and a Double"
CheckEqual a.Divide(7, 2), 3, "Divide(7, 2)"
CheckEqual a.Divide(-7, 2), -3, "Divide(-7, 2)"
CheckEqual a.Divisions, 2, "Divisions counts the divisions"
CheckEqual a.Mean(1.5, 2), 1.75, "Mean(1.5, 2)"
CheckEqual VarType(a.Mean(1, 2)), vbDouble, "VarType(Mean)"
CheckEqual a.Repeat("ab", 3), "ababab", "Repeat(""ab"", 3)"
CheckEqual a.Repeat("x", 0), "", "Repeat(""x"", 0)"
' (Non-ASCII text is drive.js's: Wine's VBScript has no ChrW.)
CheckEqual a.IsEven(4), True, "IsEven(4)"
CheckEqual a.IsEven(-3), False, "IsEven(-3)"

' ---- Errors ---------------------------------------------------------------
CallMissingMethod
Expect 438, NO_MEMBER, VBS_RUNTIME, "c.Frobnicate (no such member)"
ReadMissingProperty
Expect 438, NO_MEMBER, VBS_RUNTIME, "x = c.Nothing2 (no such member)"
WriteMissingProperty
Expect 438, NO_MEMBER, VBS_RUNTIME, "a.Total = 1 (no such member)"
AddTooMany
Expect 450, BAD_COUNT, VBS_RUNTIME, "c.Add 1, 2 (too many arguments)"
ResetWithArgument
Expect 450, BAD_COUNT, VBS_RUNTIME, "c.Reset 1 (too many arguments)"
SumTooFew
Expect 450, BAD_COUNT, VBS_RUNTIME, "a.Sum(1) (too few arguments)"
AddText
Expect 13, "Type mismatch", VBS_RUNTIME, "c.Add ""seven"""
PutText
Expect 13, "Type mismatch", VBS_RUNTIME, "c.Value = ""many"""
SumObject
Expect 13, "Type mismatch", VBS_RUNTIME, "a.Sum(1, c) (an object for a Long)"
AddTooLarge
Expect 6, "Overflow", VBS_RUNTIME, "c.Add 2147483648"
PutReadOnly
Expect 438, NO_MEMBER, VBS_RUNTIME, "c.IsZero = True (read-only property)"

c.Value = 2147483647
AddPastMaximum
' ERANGE from counter_add: MAKE_HRESULT(1, FACILITY_ITF, 0x200 + 34).
Expect &H80040222, erangeText, "Example.Counter", "c.Add past the largest Long (ERANGE)"
CheckEqual c.Value, 2147483647, "a failed Add leaves Value alone"
DivideByZero
' EDOM (33), with the description the library set.
Expect &H80040221, "division of 7 by zero", "WineTest.Arith", "a.Divide(7, 0)"
CheckEqual a.Divisions, 2, "a failed division is not counted"
RepeatNegative
Expect &H80070057, einvalText, "WineTest.Arith", "a.Repeat(""x"", -1) (EINVAL: E_INVALIDARG)"
CheckEqual a.Sum(1, 1), 2, "the object works after its failures"

Set a = Nothing
Set c = Nothing

If failures = 0 Then
    WScript.Echo "drive.vbs: all " & checks & " checks passed"
Else
    WScript.Echo "drive.vbs: " & failures & " of " & checks & " checks failed"
End If
