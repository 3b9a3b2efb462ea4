/** A synthetic county for loading a server: its organisations and staff, and person bundles in the shape of a county's export. */
package se.samplan.testkit.county;
