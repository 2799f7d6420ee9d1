/**
 * The operating-system service SPI: the CLI's {@code service install|uninstall|run} commands go through
 * {@link io.sriovagent.service.OsServiceSupport}, implemented by platform modules (Windows SCM).
 */
package io.sriovagent.service;
