package se.samplan.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Samplan: a FHIR R4 server for the Swedish samordnad individuell plan (SIP). */
@SpringBootApplication(exclude = {
		ElasticsearchRestClientAutoConfiguration.class, // the ES client comes with HAPI; one node uses Lucene
		QuartzAutoConfiguration.class}) // HAPI runs its own schedulers
@ConfigurationPropertiesScan
public class SamplanApplication {

	public static void main(String[] args) {
		SpringApplication.run(SamplanApplication.class, args);
	}
}
