/**
 * The built-in SMART authorization server (a setting, always on in demo mode): sign-in, the child picker and the
 * consent screen, the clients registered in the settings, the tokens it issues and the keys it signs them with.
 */
package se.samplan.server.authserver;
