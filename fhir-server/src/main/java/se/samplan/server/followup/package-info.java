/** Follow-up duties (followup.md): deadlines that lapse recorded as deviations (R12). */
package se.samplan.server.followup;
