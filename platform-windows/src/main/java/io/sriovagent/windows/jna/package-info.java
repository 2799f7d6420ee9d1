/**
 * Native declarations of the Windows APIs the agent calls, as narrow JNA library interfaces without
 * {@code INSTANCE} fields: nothing here loads a DLL until {@link io.sriovagent.windows.jna.WindowsLibraries#load()}
 * runs (on Windows only), so tests on any OS mock these interfaces with Mockito.
 *
 * <p>jna-platform's own library interfaces cannot serve that purpose: each one loads its DLL in a static
 * initializer, which Mockito triggers when it instruments the type, and their nested structures do the same
 * when constructed. jna-platform types that are not tied to a library (GUID, handles, the {@code Winsvc}
 * structures and callbacks) are used as they are.
 *
 * <p>Structures declared here use only fixed-width fields ({@code short[]} for WCHAR arrays, {@code int} for
 * ULONG/DWORD/BOOL, {@code long} for ULONG64): their layout is then the same on every 64-bit JVM, so the layout
 * tests run on Linux prove the Windows x64 layout.
 */
package io.sriovagent.windows.jna;
