// A .NET client of examples/counter, run by Mono on Linux: Mono's runtime
// callable wrapper calls the component through the vtables ccwgen generated.
// The object comes from the component's own DllGetClassObject (P/Invoke)
// and IClassFactory::CreateInstance; no registration is involved.
using System;
using System.Runtime.InteropServices;

[ComImport, Guid("00000001-0000-0000-C000-000000000046"),
 InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
interface IClassFactory {
	[PreserveSig] int CreateInstance([MarshalAs(UnmanagedType.IUnknown)] object outer,
		ref Guid iid, [MarshalAs(UnmanagedType.IUnknown)] out object instance);
	[PreserveSig] int LockServer(bool doLock);
}

// Slots 7 on: Mono calls a dual interface's own methods after IDispatch's four.
[ComImport, Guid("3E9B1C7A-5D24-4F8B-A0C1-7E6D5F4B3A21"),
 InterfaceType(ComInterfaceType.InterfaceIsDual)]
interface ICounter {
	int Value { get; set; }
	void Add(int step);
	void Reset();
	bool IsZero { get; }
}

[ComImport, Guid("5F2A8D3C-1E4B-4C7D-9B6A-2F1E0D9C8B74"),
 InterfaceType(ComInterfaceType.InterfaceIsDual)]
interface INamed {
	string Name { get; set; }
	string Describe();
}

static class CounterClient {
	[DllImport("counter_component")]
	static extern int DllGetClassObject(ref Guid clsid, ref Guid iid,
		[MarshalAs(UnmanagedType.Interface)] out IClassFactory factory);

	[DllImport("libc")]
	static extern IntPtr strerror(int errnum);

	// The IErrorInfo description the component raises for an errno value.
	static string Strerror(int errnum)
	{
		return Marshal.PtrToStringAnsi(strerror(errnum));
	}

	const int EINVAL = 22, ERANGE = 34;

	static int failures;

	static void Check(bool ok, string what)
	{
		Console.WriteLine((ok ? "ok: " : "FAIL: ") + what);
		if (!ok)
			failures++;
	}

	static int Main()
	{
		Guid clsid = new Guid("8C5A3F1E-2B7D-4E10-9F6A-1D2C3B4A5E60");
		Guid iidFactory = typeof(IClassFactory).GUID;
		Guid iidUnknown = new Guid("00000000-0000-0000-C000-000000000046");
		IClassFactory factory;
		object instance;

		Check(DllGetClassObject(ref clsid, ref iidFactory, out factory) == 0, "DllGetClassObject");
		Check(factory.CreateInstance(null, ref iidUnknown, out instance) == 0, "CreateInstance");

		ICounter counter = (ICounter)instance;   // QueryInterface by the RCW
		Check(counter.Value == 0 && counter.IsZero, "a new counter is zero");
		counter.Add(5);
		counter.Add(-2);
		Check(counter.Value == 3 && !counter.IsZero, "Add: 5 - 2 = " + counter.Value);
		counter.Value = int.MaxValue;
		try {
			counter.Add(1);
			Check(false, "Add past int.MaxValue throws");
		} catch (COMException e) {
			Check(e.ErrorCode == unchecked((int)(0x80040200 + ERANGE)),
			      "Add past int.MaxValue: HRESULT 0x" + e.ErrorCode.ToString("X8"));
			Check(e.Message == Strerror(ERANGE),
			      "its IErrorInfo description: \"" + e.Message + "\"");
			Check(e.Source == "Example.Counter", "its IErrorInfo source: \"" + e.Source + "\"");
		}
		counter.Reset();
		Check(counter.Value == 0, "Reset");

		INamed named = (INamed)instance;
		Check(named.Name == "counter", "Name: \"" + named.Name + "\"");
		named.Name = "gr\u00fc\u00dfe \U0001F600";
		counter.Add(4);
		string text = named.Describe();
		Check(text == "gr\u00fc\u00dfe \U0001F600 = 4", "Describe (UTF-8 both ways): \"" + text + "\"");
		try {
			named.Name = "";
			Check(false, "an empty name throws");
		} catch (ArgumentException e) {
			Check(Marshal.GetHRForException(e) == unchecked((int)0x80070057),
			      "an empty name: E_INVALIDARG as " + e.GetType().Name);
			Check(e.Message == Strerror(EINVAL), "its description: \"" + e.Message + "\"");
		}

		Check(Marshal.ReleaseComObject(instance) == 0, "the last reference is released");
		Marshal.ReleaseComObject(factory);
		Console.WriteLine(failures == 0 ? "PASS" : failures + " FAILED");
		return failures == 0 ? 0 : 1;
	}
}
