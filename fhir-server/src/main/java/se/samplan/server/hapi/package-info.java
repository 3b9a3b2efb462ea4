/**
 * Wiring of HAPI FHIR's JPA server (storage settings, persistence, the REST servlet at /fhir) and the write
 * pipeline every write passes: pending writes of a request, row locks, If-Match, refusals of batch entries; the
 * node's write-ahead journals (the full-text index's, the audit log's); and what several nodes on one database
 * share: the start-up lock, the search engine, scheduled work once per cluster.
 */
package se.samplan.server.hapi;
