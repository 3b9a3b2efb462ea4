/** Validation on write: every resource claiming a Samplan profile is validated against it before it is stored. */
package se.samplan.server.validation;
