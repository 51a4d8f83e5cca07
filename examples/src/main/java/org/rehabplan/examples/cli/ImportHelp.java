package org.rehabplan.examples.cli;

import static java.util.Objects.requireNonNull;

/**
 * The command line's own part of the report: how to import the calendar file into the common
 * calendar apps. The plan itself is rendered by {@link org.rehabplan.Agenda}.
 */
final class ImportHelp {
  private ImportHelp() {}

  /** How to import {@code fileName} into the common calendar apps. */
  static String forFile(String fileName) {
    requireNonNull(fileName, "fileName");
    return "To import " + fileName + ", best into a new calendar of its own (so that you\n"
        + "can remove the whole plan in one step):\n"
        + "  Google Calendar  on a computer: Settings > Import & export > Import. Google\n"
        + "                   ignores the reminders in imported files and uses the\n"
        + "                   calendar's own notifications instead.\n"
        + "  Apple Calendar   Mac: File > Import. iPhone or iPad: open the file (from Mail\n"
        + "                   or Files) and tap Add All.\n"
        + "  Outlook          File > Open & Export > Import/Export > Import an iCalendar\n"
        + "                   (.ics) file; on the web: Add calendar > Upload from file.\n";
  }
}
