/** The benchmark: Samplan against the peer on a generated county, in alternating rounds on a quiet machine, with its report. */
package se.samplan.benchmark;
