"""Expands the session events of rehabplan's exported calendars with libical 3 (the parser of
GNOME Evolution) through its GObject bindings, ICalGLib.Component.foreach_recurrence, as a client
that imported the files of a case in order sees them: for each UID the event with the highest
SEQUENCE (a later file wins a tie), cancelled events dropped.

libical resolves a TZID it knows with its own zone data before the file's VTIMEZONE; where that
data differs from the file's (libical 3.0.16 expands a daily 02:55 series in Mexico/BajaSur to
03:55 on 7 and 8 April 2024, the first Sunday of April under Mexico's DST rules abolished in
2022), no file content can help. So each case is also expanded with its TZIDs renamed, which makes
libical use the file's VTIMEZONE alone: libical-file-zones.json. The Java side accepts a
difference in libical.json only when libical-file-zones.json is exact.

Usage: /usr/bin/python3 expand-libical.py DIR; for each DIR/CASE/ with 1.ics, 2.ics, ... writes
DIR/CASE/libical.json and DIR/CASE/libical-file-zones.json: [[startEpochSecond, endEpochSecond],
...] sorted, or {"error": ...}.
Needs Debian's python3-gi and gir1.2-ical-3.0.
"""
import json
import os
import re
import sys
import traceback

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

MAX_INSTANCES = 100000
UTC = ICalGLib.Timezone.get_utc_timezone()
FROM = ICalGLib.Time.new_from_string("19700101T000000Z")
TO = ICalGLib.Time.new_from_string("22000101T000000Z")


def sequence(event):
    prop = event.get_first_property(ICalGLib.PropertyKind.SEQUENCE_PROPERTY)
    return 0 if prop is None else prop.get_sequence()


def x_item(event):
    prop = event.get_first_property(ICalGLib.PropertyKind.X_PROPERTY)
    while prop is not None:
        if prop.get_x_name() == "X-REHABPLAN-ITEM":
            return prop.get_value_as_string()
        prop = event.get_next_property(ICalGLib.PropertyKind.X_PROPERTY)
    return None


def expand(event):
    if event.get_first_property(ICalGLib.PropertyKind.RDATE_PROPERTY) is not None:
        raise ValueError("RDATE in a portable file")
    out = []

    def collect(component, span, data):
        if len(out) >= MAX_INSTANCES:
            raise ValueError("more than %d instances" % MAX_INSTANCES)
        out.append([span.get_start(), span.get_end()])

    event.foreach_recurrence(FROM, TO, collect, None)
    return out


def expand_case(directory, rename):
    files = sorted((f for f in os.listdir(directory) if re.fullmatch(r"\d+\.ics", f)),
                   key=lambda f: int(f[:-4]))
    calendars = []  # keeps each file's VCALENDAR (and its VTIMEZONE) alive
    kept = {}
    for f in files:
        with open(os.path.join(directory, f), encoding="utf-8") as handle:
            text = handle.read()
        if rename:
            text = re.sub(r"(TZID[:=])", r"\1rehabplan-file-", text)
        calendar = ICalGLib.Component.new_from_string(text)
        if calendar is None:
            raise ValueError("libical cannot parse " + f)
        calendars.append(calendar)
        event = calendar.get_first_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
        while event is not None:
            uid = event.get_uid()
            if uid not in kept or sequence(event) >= sequence(kept[uid]):
                kept[uid] = event
            event = calendar.get_next_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    out = []
    for event in kept.values():
        if x_item(event) != "session":
            continue
        status = event.get_first_property(ICalGLib.PropertyKind.STATUS_PROPERTY)
        if status is not None and status.get_value_as_string().upper() == "CANCELLED":
            continue
        out.extend(expand(event))
    return sorted(out)


def main(root):
    for name in sorted(os.listdir(root)):
        directory = os.path.join(root, name)
        if not os.path.isdir(directory):
            continue
        for rename, name in ((False, "libical.json"), (True, "libical-file-zones.json")):
            try:
                result = expand_case(directory, rename)
            except Exception:  # reported to the Java side, which fails the case with it
                result = {"error": traceback.format_exc()}
            with open(os.path.join(directory, name), "w") as handle:
                json.dump(result, handle)


if __name__ == "__main__":
    main(sys.argv[1])
