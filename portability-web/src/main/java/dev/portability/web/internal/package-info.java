/**
 * Internal: the request handling of the console, free of the servlet API, and its operations, spool and JSON.
 * Unsupported; may change in any release without notice.
 */
package dev.portability.web.internal;
