/**
 * Follow-up duties (followup.md): deadlines that lapse recorded as deviations (R12), and the worklists of what waits
 * for each party.
 */
package se.samplan.server.followup;
