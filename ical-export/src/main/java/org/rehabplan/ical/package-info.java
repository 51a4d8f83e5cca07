/**
 * Export of rehabplan plans to iCalendar (RFC 5545) files that Google Calendar, Apple Calendar,
 * Outlook and Thunderbird import: {@link org.rehabplan.ical.IcalExporter}.
 *
 * <p>Every public type is immutable and thread-safe. Builders validate their input in one place
 * and reject bad input with {@link java.lang.IllegalArgumentException} or {@link
 * java.lang.NullPointerException} naming the argument and the bad value. Nothing reads the system
 * clock, the default time zone or the default locale, and nothing touches the network.
 *
 * <p><b>Null rule:</b> no method in this package accepts or returns {@code null} unless the
 * parameter or return type is annotated {@link org.jspecify.annotations.Nullable}; passing {@code
 * null} elsewhere throws {@link java.lang.NullPointerException} naming the argument.
 */
@NullMarked
package org.rehabplan.ical;

import org.jspecify.annotations.NullMarked;
