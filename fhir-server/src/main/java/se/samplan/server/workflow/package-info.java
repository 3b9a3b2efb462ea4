/**
 * The SIP planning workflow: the phases a plan goes through, the {@code $sip-*} operations that move it,
 * and the rules (R- and W-numbers of domain.md and workflow.md) enforced on every write path.
 */
package se.samplan.server.workflow;
