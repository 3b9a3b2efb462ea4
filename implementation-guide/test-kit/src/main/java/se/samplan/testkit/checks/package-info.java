/** The kit's checks of a SIP server, as JUnit 5 tests tagged with the IG rule they prove (R2, W1, ...). */
package se.samplan.testkit.checks;
