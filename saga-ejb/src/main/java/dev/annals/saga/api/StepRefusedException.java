package dev.annals.saga.api;

/**
 * A step's action saying that trying again cannot help (the other side refused, as with an HTTP
 * 4xx): the step fails for good at once and compensation begins.
 */
public class StepRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message why, fit to show an operator
   */
  public StepRefusedException(String message) {
    super(message);
  }
}
