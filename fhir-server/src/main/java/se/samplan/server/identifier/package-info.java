/**
 * Swedish identifiers on write: personnummer and samordningsnummer are checked (format, date, Luhn check
 * digit) in any resource, and the OID system forms are stored in their URI form.
 */
package se.samplan.server.identifier;
