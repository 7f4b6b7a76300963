package org.sunshine.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP basic auth for /engine-rest against one technical account from the environment.
 *
 * <p>Camunda's own HttpBasicAuthenticationProvider checks passwords through the identity
 * service, whose failed-login delay and lock-out would let a single misconfigured client
 * lock the account the API and all workers share; it also hashes the password on every
 * request. The engine's users stay for the operator webapps only.
 */
class RestBasicAuthFilter extends OncePerRequestFilter {
  private final byte[] expected;

  RestBasicAuthFilter(String user, String password) {
    if (user == null || user.isBlank() || password == null || password.length() < 12) {
      throw new IllegalStateException(
          "SUNSHINE_ENGINE_REST_USER and SUNSHINE_ENGINE_REST_PASSWORD (>= 12 characters) must be set");
    }
    this.expected = sha256(user + ":" + password);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        // Compare digests so the time taken does not depend on where the strings differ.
        if (MessageDigest.isEqual(expected, sha256(credentials))) {
          chain.doFilter(request, response);
          return;
        }
      } catch (IllegalArgumentException malformed) {
        // Not base64: falls through to 401 like a wrong password.
      }
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"sunshine-engine\"");
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType("application/json");
    response.getWriter().write("{\"type\":\"AuthenticationException\",\"message\":\"authentication required\"}");
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
