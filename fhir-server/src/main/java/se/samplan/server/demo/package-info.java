/** The demo mode (Spring profile {@code demo}): loads the package's example scenarios into an empty database. */
package se.samplan.server.demo;
