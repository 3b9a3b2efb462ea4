package se.samplan.server.hapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;

/**
 * The FHIR endpoint's answers leave in one piece, with a {@code Content-Length}. HAPI's JSON writer hands each
 * primitive value to Jackson's {@code ObjectMapper.writeValue}, which flushes after every value, and each flush
 * reached the socket as a chunk of its own: a page went out in as many writes as it held values, a fifth of
 * the server's CPU on such a search. The answer is kept in memory (a page is at most
 * {@code samplan.max-page-size} entries) and written when HAPI is done.
 */
@Configuration
class ResponseBuffer {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> fhirResponseBuffer() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
				try {
					chain.doFilter(request, buffered);
				} finally {
					buffered.copyBodyToResponse();
				}
			}
		});
		registration.addUrlPatterns(RestfulServerConfig.FHIR_PATH + "/*");
		return registration;
	}
}
