package dev.annals.eventstore.api;

import dev.annals.tenancy.api.InvalidRequestException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Which URLs the server calls on a tenant's behalf (webhooks, saga steps): absolute http(s) URLs
 * with a host, no user info and no fragment, and never this server's own HTTP port on a local
 * address (a tenant must not be able to drive the server's own API, or its admin endpoints, with
 * the server's requests).
 */
public final class OutboundUrls {

  /** Longest URL accepted. */
  static final int MAX_LENGTH = 2000;

  private OutboundUrls() {}

  /**
   * @param text the URL as sent
   * @param ownPorts the ports this server listens on
   * @return the URL
   * @throws InvalidRequestException when it may not be targeted, saying why
   */
  public static URI check(String text, Set<Integer> ownPorts) {
    return check(text, "url", ownPorts);
  }

  /**
   * @param text the URL as sent
   * @param field the field's name in refusals, e.g. {@code steps[0].action.url}
   * @param ownPorts the ports this server listens on
   * @return the URL
   * @throws InvalidRequestException when it may not be targeted, saying why
   */
  public static URI check(String text, String field, Set<Integer> ownPorts) {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      throw new InvalidRequestException(
          "'" + field + "' must be an http(s) URL of 1-" + MAX_LENGTH + " chars");
    }
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw new InvalidRequestException("'" + field + "' is not a valid URL: " + e.getReason());
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidRequestException(
          "'" + field + "' must use http or https, not '" + scheme + "'");
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      throw new InvalidRequestException("'" + field + "' must name a host");
    }
    if (url.getRawUserInfo() != null || url.getRawFragment() != null) {
      throw new InvalidRequestException("'" + field + "' must not carry user info or a fragment");
    }
    int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    if (ownPorts.contains(port) && isLocal(url.getHost())) {
      throw new InvalidRequestException(
          "'" + field + "' points at this server's own endpoints (port " + port + "): not allowed");
    }
    return url;
  }

  /** Whether the host names this machine (loopback, any-local, or one of its own addresses). */
  public static boolean isLocal(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(h)) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || isOwn(a)) {
          return true;
        }
      }
      return false;
    } catch (UnknownHostException e) {
      return false; // it resolves nowhere now; delivery will fail and say so
    }
  }

  private static boolean isOwn(InetAddress a) {
    try {
      return java.net.NetworkInterface.getByInetAddress(a) != null;
    } catch (java.net.SocketException e) {
      return false;
    }
  }
}
