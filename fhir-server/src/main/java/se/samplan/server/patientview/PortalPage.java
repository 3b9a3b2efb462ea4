package se.samplan.server.patientview;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The reference portal page "Mina planer" at {@code /portal/}: static HTML, CSS and JavaScript from
 * {@code static/portal}, which read and write through the FHIR API with the person's token.
 */
@Configuration
class PortalPage implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/portal", "/portal/");
		registry.addViewController("/portal/").setViewName("forward:/portal/index.html");
	}
}
