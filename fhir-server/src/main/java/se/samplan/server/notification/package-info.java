/** Notifications (followup.md): FHIR Subscriptions on HAPI's subscription module, owned, filtered and audited. */
package se.samplan.server.notification;
