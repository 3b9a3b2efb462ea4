package se.samplan.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

/** Samplan: a FHIR R4 server for the Swedish samordnad individuell plan (SIP). */
@SpringBootApplication(exclude = {
		ElasticsearchRestClientAutoConfiguration.class, // Hibernate Search has its own client to a search cluster
		QuartzAutoConfiguration.class}) // HAPI runs its own schedulers
@ConfigurationPropertiesScan
public class SamplanApplication {

	public static void main(String[] args) {
		SpringApplication.run(SamplanApplication.class, args);
	}

	/** The server's clock, in the county's time zone (followup.md, "Time"); tests replace it to move time. */
	@Bean
	Clock clock() {
		return Clock.system(ZoneId.of("Europe/Stockholm"));
	}
}
