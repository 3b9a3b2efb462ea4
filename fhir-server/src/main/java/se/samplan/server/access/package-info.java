/**
 * Who may do what (R13, R15): the bearer-token check, the caller behind each request, SMART scopes, which
 * plans and linked resources a caller may read or write on every path, and SMART discovery.
 */
package se.samplan.server.access;
