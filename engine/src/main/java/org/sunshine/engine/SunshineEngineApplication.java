package org.sunshine.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Camunda 7 CE engine for Sunshine: REST at /engine-rest, operator webapps at /camunda. */
@SpringBootApplication
public class SunshineEngineApplication {
  public static void main(String[] args) {
    SpringApplication.run(SunshineEngineApplication.class, args);
  }
}
