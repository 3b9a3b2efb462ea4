/**
 * The demo mode (Spring profile {@code demo}): the package's example scenarios loaded into an empty
 * database, and a built-in token issuer for demo users; neither exists without the profile.
 */
package se.samplan.server.demo;
