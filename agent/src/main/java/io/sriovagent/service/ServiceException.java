package io.sriovagent.service;

/**
 * A service operation the OS refused or that cannot be done here. The message is one line for a person
 * (what failed and, where known, what to do); the CLI prints it to stderr and exits with 2, with the cause's
 * stack trace only under {@code --debug}.
 */
public class ServiceException extends Exception {

    public ServiceException(String message) {
        super(message);
    }

    public ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
