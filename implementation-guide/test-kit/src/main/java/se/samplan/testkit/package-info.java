/** The conformance test kit: settings, the HTTP client with its recorded exchanges, the launcher and its reports. */
package se.samplan.testkit;
