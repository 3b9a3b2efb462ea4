/** The audit log (R15): an AuditEvent for every request that reads or writes personal data, stored before the answer. */
package se.samplan.server.audit;
