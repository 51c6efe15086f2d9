package dev.annals.web.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's content policy: scripts, styles and connections from this server only, no inline
 * script, no eval, no frames, no plugins. The console builds its pages from data with text nodes
 * only, so even an event whose data looks like markup cannot run. (This is also why it uses no
 * Alpine.js: its standard build needs {@code unsafe-eval}, and its CSP build is not served here.)
 * Set before the server's defaults, which only fill in what is missing.
 */
@WebFilter(urlPatterns = {"/console/*", "/webjars/*"})
public class ConsolePolicyFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", POLICY);
    chain.doFilter(request, response);
  }
}
