"""Expands the session events of rehabplan's exported calendars with Python icalendar (parsing,
and the file's VTIMEZONE turned into a tzinfo by icalendar's Timezone.to_tz) and dateutil
(recurrence rules), as a client that imported the files of a case in order sees them: for each
UID the event with the highest SEQUENCE (a later file wins a tie), cancelled events dropped.

Rules are expanded in wall time and each instance is then placed with the zone of the file's
VTIMEZONE (the file is the contract: dateutil's own zone data may differ, e.g. for legacy zones
such as SystemV/YST9YDT). Also checks that no series has two instances on one local day.

Usage: /usr/bin/python3 expand-dateutil.py DIR; for each DIR/CASE/ with 1.ics, 2.ics, ... writes
DIR/CASE/dateutil.json: [[startEpochSecond, endEpochSecond], ...] sorted, or {"error": ...}.
Debian's python3-icalendar and python3-dateutil load in /usr/bin/python3.
"""
import datetime
import json
import os
import re
import sys
import traceback

import icalendar
from dateutil import rrule

MAX_INSTANCES = 100000
UTC = datetime.timezone.utc


class Zone:
    """A zone of the file (pytz-style tzinfo from the VTIMEZONE) or UTC."""

    def __init__(self, tzinfo=None):
        self.tzinfo = tzinfo

    def instant(self, wall):
        if self.tzinfo is None:
            return wall.replace(tzinfo=UTC).timestamp()
        return self.tzinfo.localize(wall).timestamp()

    def wall(self, aware):
        if self.tzinfo is None:
            return aware.astimezone(UTC).replace(tzinfo=None)
        return self.tzinfo.normalize(aware.astimezone(self.tzinfo)).replace(tzinfo=None)


def wall_and_zone(prop, zones):
    value = prop.dt
    if not isinstance(value, datetime.datetime):
        raise ValueError("a session event with a DATE value")
    tzid = prop.params.get("TZID")
    if tzid:
        return value.replace(tzinfo=None), zones[str(tzid)]
    if value.tzinfo is None:
        raise ValueError("a floating date-time")
    return value.astimezone(UTC).replace(tzinfo=None), Zone()


def exdates(event, zones):
    raw = event.get("EXDATE")
    if raw is None:
        return []
    out = []
    for group in raw if isinstance(raw, list) else [raw]:
        tzid = group.params.get("TZID")
        for d in group.dts:
            out.append(d.dt.replace(tzinfo=None) if tzid
                       else d.dt.astimezone(UTC).replace(tzinfo=None))
    return out


def expand(event, zones):
    start, zone = wall_and_zone(event["DTSTART"], zones)
    end, end_zone = wall_and_zone(event["DTEND"], zones)
    if "RDATE" in event:
        raise ValueError("RDATE in a portable file")
    if "RRULE" not in event:
        return [(zone.instant(start), end_zone.instant(end))]
    if end_zone.tzinfo is not zone.tzinfo:
        raise ValueError("a series whose DTSTART and DTEND differ in form")
    rule = event["RRULE"]
    until = rule.get("UNTIL")
    text = rule.to_ical().decode()
    if until:
        # UNTIL is UTC; in wall time it is the same moment on the series' clock.
        local_until = zone.wall(until[0] if until[0].tzinfo else until[0].replace(tzinfo=UTC))
        text = re.sub(r"UNTIL=[0-9TZ]+", "UNTIL=" + local_until.strftime("%Y%m%dT%H%M%S"), text)
    rules = rrule.rruleset()
    rules.rrule(rrule.rrulestr(text, dtstart=start))
    for x in exdates(event, zones):
        rules.exdate(x)
    out = []
    days = set()
    for n, s in enumerate(rules):
        if n >= MAX_INSTANCES:
            raise ValueError("more than %d instances" % MAX_INSTANCES)
        # [MS-OXCICAL]'s templates hold at most one instance per local day in one series.
        if s.date() in days:
            raise ValueError("two instances on %s in the series %s" % (s.date(), event["UID"]))
        days.add(s.date())
        # RFC 5545 3.8.5.3: an instance lasts DTEND - DTSTART.
        out.append((zone.instant(s), zone.instant(s + (end - start))))
    return out


def sequence(event):
    return int(event.get("SEQUENCE", 0))


def expand_case(directory):
    files = sorted((f for f in os.listdir(directory) if re.fullmatch(r"\d+\.ics", f)),
                   key=lambda f: int(f[:-4]))
    kept = {}
    for f in files:
        with open(os.path.join(directory, f), "rb") as handle:
            calendar = icalendar.Calendar.from_ical(handle.read())
        zones = {str(z["TZID"]): Zone(z.to_tz()) for z in calendar.walk("VTIMEZONE")}
        for event in calendar.walk("VEVENT"):
            uid = str(event["UID"])
            if uid not in kept or sequence(event) >= sequence(kept[uid][0]):
                kept[uid] = (event, zones)
    out = []
    for event, zones in kept.values():
        if str(event.get("X-REHABPLAN-ITEM", "")) != "session":
            continue
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        out.extend(expand(event, zones))
    return sorted([int(round(s)), int(round(e))] for s, e in out)


def main(root):
    for name in sorted(os.listdir(root)):
        directory = os.path.join(root, name)
        if not os.path.isdir(directory):
            continue
        try:
            result = expand_case(directory)
        except Exception:  # reported to the Java side, which fails the case with it
            result = {"error": traceback.format_exc()}
        with open(os.path.join(directory, "dateutil.json"), "w") as handle:
            json.dump(result, handle)


if __name__ == "__main__":
    main(sys.argv[1])
