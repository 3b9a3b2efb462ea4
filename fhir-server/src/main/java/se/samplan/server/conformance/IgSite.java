package se.samplan.server.conformance;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The implementation guide at {@code /ig/}, open without a token (access.md): the static site of the ig-site jar
 * ({@code META-INF/resources/ig}), with the package for download at {@code /ig/package.tgz}.
 */
@Configuration
class IgSite implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/ig", "/ig/");
		registry.addViewController("/ig/").setViewName("forward:/ig/index.html");
	}
}
