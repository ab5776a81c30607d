' zlib.vbs - VBScript, run by Wine's cscript, drives examples/zlib's
' ZLib.Codec: zlib for Windows (libz-mingw-w64-dev) wrapped through a
' sidecar, built by the cross build and registered by the Wine suite.
' Version, Crc32, Adler32, CompressBound, Level, a Compress -> Uncompress
' round trip, and the errors a script sees (zlib's own messages).
'
' A script passes bytes as a string (DESIGN.md section 5). Every expected
' value below holds whichever bytes of the string the component receives:
' checksums are compared with checksums of the same text, continued or
' round-tripped. Wine's VBScript cannot compare a ULONG (VarType 19) with a
' number, nor take UBound or LenB of a byte array, so results are compared
' through Hex or CLng.
'
' cscript exits 0 even after an uncaught error, so the last line,
' "zlib.vbs: all N checks passed", is printed only when every check passed,
' and the harness (wine.sh) requires it. Each failing statement sits in a
' Sub of its own under On Error Resume Next (Wine's VBScript has no Execute).
'
' usage: cscript //nologo zlib.vbs
Option Explicit

Const VBS_RUNTIME = "Microsoft VBScript runtime error"
Const BAD_COUNT = "Wrong number of arguments or invalid property assignment"
Const FOX = "The quick brown fox jumps over the lazy dog"
Const VT_UI4 = 19
Const VT_ARRAY_UI1 = 8209 ' vbArray + vbByte

Dim checks, failures
Dim caughtNumber, caughtDescription, caughtSource
Dim z, other, version, packed, unpacked, longText, i
checks = 0
failures = 0

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

Sub Catch
    caughtNumber = Err.Number
    caughtDescription = Err.Description
    caughtSource = Err.Source
    Err.Clear
End Sub

Sub Expect(number, description, source, what)
    CheckEqual caughtNumber, number, what & ": Err.Number"
    CheckEqual caughtDescription, description, what & ": Err.Description"
    CheckEqual caughtSource, source, what & ": Err.Source"
    caughtNumber = Empty
End Sub

' ---- The statements that must fail, one per Sub ----------------------------
Sub CrcNegative
    On Error Resume Next
    z.Crc32 -1, ""
    Catch
End Sub

Sub CrcPastULong
    On Error Resume Next
    z.Crc32 4294967296, ""
    Catch
End Sub

Sub CrcWithoutBytes
    On Error Resume Next
    z.Crc32 0
    Catch
End Sub

Sub PutLevelTooHigh
    On Error Resume Next
    z.Level = 12
    Catch
End Sub

Sub UncompressGarbage
    On Error Resume Next
    z.Uncompress "garbage"
    Catch
End Sub

Sub UncompressNothing
    On Error Resume Next
    z.Uncompress ""
    Catch
End Sub

' ---- ZLib.Codec -------------------------------------------------------------
Set z = CreateObject("ZLib.Codec")
CheckEqual TypeName(z), "ICodec", "TypeName of the object"

version = z.Version
With New RegExp
    .Pattern = "^1\.[0-9]+\.[0-9]+(\.[0-9]+)?$"
    Check .Test(version), "Version is zlib's, 1.x.y: got """ & version & """"
End With

' uLong is 4 bytes on Windows: the glue was generated for the target.
CheckEqual VarType(z.Crc32(0, FOX)), VT_UI4, "VarType of Crc32's result (ULONG)"
CheckEqual VarType(z.CompressBound(0)), VT_UI4, "VarType of CompressBound's result (ULONG)"

CheckEqual Hex(z.Crc32(0, FOX)), "414FA339", "Crc32 of the fox (its UTF-8 bytes) is zlib's"
CheckEqual Hex(z.Adler32(1, FOX)), "5BDC0FDA", "Adler32 of the fox (its UTF-8 bytes) is zlib's"
CheckEqual Hex(z.Crc32(0, "")), "0", "Crc32 of no bytes from 0"
CheckEqual Hex(z.Crc32(4294967295, "")), "FFFFFFFF", "Crc32 of no bytes keeps the largest ULONG"
CheckEqual Hex(z.Crc32(z.Crc32(0, "The quick "), "brown fox jumps over the lazy dog")), _
    Hex(z.Crc32(0, FOX)), "Crc32 continued from a prefix's equals the whole text's"
Check Hex(z.Crc32(0, FOX)) <> Hex(z.Crc32(0, "the quick brown fox jumps over the lazy dog")), _
    "Crc32 tells one changed letter apart"
CheckEqual CLng(z.Adler32(1, "")), 1, "Adler32 of no bytes from 1"
CheckEqual Hex(z.Adler32(z.Adler32(1, "The quick "), "brown fox jumps over the lazy dog")), _
    Hex(z.Adler32(1, FOX)), "Adler32 continued from a prefix's equals the whole text's"

CheckEqual CLng(z.CompressBound(0)), 13, "CompressBound(0)"
CheckEqual CLng(z.CompressBound(100)), 113, "CompressBound(100)"
CheckEqual CLng(z.CompressBound(1000000)), 1000318, "CompressBound(1000000)"

CheckEqual z.Level, -1, "a new codec's Level (zlib's default)"
z.Level = 9
CheckEqual z.Level, 9, "Level = 9"
Set other = CreateObject("ZLib.Codec")
CheckEqual other.Level, -1, "another codec keeps its own Level"

packed = z.Compress(FOX)
CheckEqual VarType(packed), VT_ARRAY_UI1, "VarType of Compress's result (SAFEARRAY(BYTE))"
Check Hex(z.Crc32(0, packed)) <> Hex(z.Crc32(0, FOX)), "Compress changes the bytes"
unpacked = z.Uncompress(packed)
CheckEqual VarType(unpacked), VT_ARRAY_UI1, "VarType of Uncompress's result"
CheckEqual Hex(z.Crc32(0, unpacked)), Hex(z.Crc32(0, FOX)), _
    "Uncompress(Compress(text)) has the text's Crc32"
CheckEqual Hex(z.Adler32(1, unpacked)), Hex(z.Adler32(1, FOX)), _
    "Uncompress(Compress(text)) has the text's Adler32"
CheckEqual Hex(other.Crc32(0, other.Uncompress(packed))), Hex(z.Crc32(0, FOX)), _
    "another codec uncompresses it"

longText = ""
For i = 1 To 200
    longText = longText & FOX & " " & i & ". "
Next
For Each i In Array(0, 1, 6, 9)
    z.Level = i
    CheckEqual Hex(z.Crc32(0, z.Uncompress(z.Compress(longText)))), Hex(z.Crc32(0, longText)), _
        "a round trip of " & Len(longText) & " characters at level " & i
Next
CheckEqual Hex(z.Crc32(0, z.Uncompress(z.Compress("")))), "0", "a round trip of no bytes"

' ---- Errors ------------------------------------------------------------------
CrcNegative
Expect 6, "Overflow", VBS_RUNTIME, "z.Crc32 -1, """" (a ULONG)"
CrcPastULong
Expect 6, "Overflow", VBS_RUNTIME, "z.Crc32 4294967296, """" (a ULONG)"
CrcWithoutBytes
Expect 450, BAD_COUNT, VBS_RUNTIME, "z.Crc32 0 (its bytes left out)"
z.Level = 9
PutLevelTooHigh
' EINVAL from zlib_codec_set_level: E_INVALIDARG, with the codec's message.
Expect &H80070057, "zlib: level 12 is not -1 (default) or 0 to 9", "ZLib.Codec", "z.Level = 12"
CheckEqual z.Level, 9, "a refused Level leaves Level alone"
UncompressGarbage
Expect &H80070057, "zlib: incorrect header check", "ZLib.Codec", "z.Uncompress ""garbage"""
UncompressNothing
Expect &H80070057, "zlib: the stream is incomplete", "ZLib.Codec", "z.Uncompress """""
CheckEqual Hex(z.Crc32(0, z.Uncompress(packed))), Hex(z.Crc32(0, FOX)), _
    "the codec works after its failures"

Set other = Nothing
Set z = Nothing

If failures = 0 Then
    WScript.Echo "zlib.vbs: all " & checks & " checks passed"
Else
    WScript.Echo "zlib.vbs: " & failures & " of " & checks & " checks failed"
End If
