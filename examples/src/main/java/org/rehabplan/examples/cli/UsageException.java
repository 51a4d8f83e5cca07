package org.rehabplan.examples.cli;

/**
 * A bad command line or an output file that cannot be written: {@link RehabplanCli} prints the
 * message as one line on standard error and exits with status {@value RehabplanCli#EXIT_USAGE}.
 * The message names the option and the value, e.g. {@code --zone 'Mars/Olympus': unknown time
 * zone}.
 */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An exception whose message is shown to the user as it is. */
  public UsageException(String message) {
    super(Texts.oneLine(message), null, false, false);
  }

  /** An exception for {@code --option 'value'}, followed by {@code problem}. */
  static UsageException of(String option, String value, String problem) {
    return new UsageException(option + " " + Texts.quote(value) + ": " + problem);
  }
}
