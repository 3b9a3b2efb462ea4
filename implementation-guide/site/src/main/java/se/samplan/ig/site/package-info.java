/** The generator of the static IG site: HTML pages made from the samplan.fhir.sip package and the Markdown pages. */
package se.samplan.ig.site;
