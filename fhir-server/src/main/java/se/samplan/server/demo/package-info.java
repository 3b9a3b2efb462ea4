/**
 * The demo mode (Spring profile {@code demo}): the package's example scenarios loaded into an empty database, the
 * sign-in page of the built-in authorization server listing the demo's people and staff, and a scriptable token
 * endpoint for demo users; none of it exists without the profile.
 */
package se.samplan.server.demo;
