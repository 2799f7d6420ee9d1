package io.sriovagent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Winsvc;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * advapi32.dll service calls: the control dispatcher that makes this process a service, and the Service Control
 * Manager calls that install and remove it. Uses jna-platform's {@link Winsvc} structures and callbacks, which
 * do not load any library.
 */
public interface ServiceControlLibrary extends StdCallLibrary {

    int SC_MANAGER_CONNECT = 0x0001;
    int SC_MANAGER_CREATE_SERVICE = 0x0002;

    int SERVICE_QUERY_STATUS = 0x0004;
    int SERVICE_STOP = 0x0020;
    int DELETE = 0x10000;
    int SERVICE_ALL_ACCESS = 0xF01FF;

    int SERVICE_WIN32_OWN_PROCESS = 0x10;
    int SERVICE_AUTO_START = 0x2;
    int SERVICE_ERROR_NORMAL = 0x1;

    int SERVICE_STOPPED = 1;
    int SERVICE_START_PENDING = 2;
    int SERVICE_STOP_PENDING = 3;
    int SERVICE_RUNNING = 4;

    int SERVICE_CONTROL_STOP = 1;
    int SERVICE_CONTROL_INTERROGATE = 4;
    int SERVICE_CONTROL_SHUTDOWN = 5;

    int SERVICE_ACCEPT_STOP = 0x1;
    int SERVICE_ACCEPT_SHUTDOWN = 0x4;

    int SERVICE_CONFIG_DESCRIPTION = 1;
    int SERVICE_CONFIG_FAILURE_ACTIONS = 2;
    int SERVICE_CONFIG_FAILURE_ACTIONS_FLAG = 4;

    int SC_ACTION_RESTART = 1;

    int NO_ERROR = 0;
    int ERROR_ACCESS_DENIED = 5;
    int ERROR_CALL_NOT_IMPLEMENTED = 120;
    int ERROR_SERVICE_DOES_NOT_EXIST = 1060;
    int ERROR_SERVICE_CANNOT_ACCEPT_CTRL = 1061;
    int ERROR_SERVICE_NOT_ACTIVE = 1062;
    int ERROR_FAILED_SERVICE_CONTROLLER_CONNECT = 1063;
    int ERROR_SERVICE_SPECIFIC_ERROR = 1066;
    int ERROR_SERVICE_MARKED_FOR_DELETE = 1072;
    int ERROR_SERVICE_EXISTS = 1073;

    /** Blocks until every service of the table has reported SERVICE_STOPPED. */
    boolean StartServiceCtrlDispatcher(Winsvc.SERVICE_TABLE_ENTRY[] serviceTable);

    Winsvc.SERVICE_STATUS_HANDLE RegisterServiceCtrlHandlerEx(String serviceName, Winsvc.HandlerEx handler,
                                                              Pointer context);

    boolean SetServiceStatus(Winsvc.SERVICE_STATUS_HANDLE handle, Winsvc.SERVICE_STATUS status);

    Winsvc.SC_HANDLE OpenSCManager(String machineName, String databaseName, int desiredAccess);

    Winsvc.SC_HANDLE CreateService(Winsvc.SC_HANDLE manager, String serviceName, String displayName,
                                   int desiredAccess, int serviceType, int startType, int errorControl,
                                   String binaryPathName, String loadOrderGroup, IntByReference tagId,
                                   String dependencies, String serviceStartName, String password);

    boolean ChangeServiceConfig2(Winsvc.SC_HANDLE service, int infoLevel, Winsvc.ChangeServiceConfig2Info info);

    Winsvc.SC_HANDLE OpenService(Winsvc.SC_HANDLE manager, String serviceName, int desiredAccess);

    boolean ControlService(Winsvc.SC_HANDLE service, int control, Winsvc.SERVICE_STATUS status);

    boolean QueryServiceStatus(Winsvc.SC_HANDLE service, Winsvc.SERVICE_STATUS status);

    boolean DeleteService(Winsvc.SC_HANDLE service);

    boolean CloseServiceHandle(Winsvc.SC_HANDLE handle);
}
