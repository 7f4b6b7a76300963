package org.sunshine.engine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The REST API is open by default in Camunda; Sunshine requires basic auth on it. */
@Configuration
public class RestSecurityConfig {
  @Bean
  public FilterRegistrationBean<RestBasicAuthFilter> engineRestBasicAuth(
      @Value("${sunshine.rest.user}") String user, @Value("${sunshine.rest.password}") String password) {
    FilterRegistrationBean<RestBasicAuthFilter> registration =
        new FilterRegistrationBean<>(new RestBasicAuthFilter(user, password));
    registration.setName("sunshine-engine-rest-basic-auth");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(0);
    return registration;
  }
}
