/** How Samplan refuses a request: HAPI exceptions carrying an OperationOutcome that says what and where. */
package se.samplan.server.outcome;
