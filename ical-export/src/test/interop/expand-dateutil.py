"""Expands the session events of rehabplan's exported calendars with Python icalendar (parsing)
and dateutil (recurrence), as a client that imported the files of a case in order sees them: for
each UID the event with the highest SEQUENCE (a later file wins a tie), cancelled events dropped.

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
from dateutil import rrule, tz

MAX_INSTANCES = 100000


def zone(tzid):
    z = tz.gettz(tzid)
    if z is None:
        raise ValueError("dateutil does not know the zone " + tzid)
    return z


def moment(prop):
    """An aware datetime (dateutil zone) from a DTSTART/DTEND/EXDATE value: the wall time read by
    icalendar, the zone from its TZID parameter (or UTC)."""
    value = prop.dt
    if not isinstance(value, datetime.datetime):
        raise ValueError("a session event with a DATE value")
    tzid = prop.params.get("TZID")
    wall = value.replace(tzinfo=None)
    if tzid:
        return wall.replace(tzinfo=zone(str(tzid)))
    if value.tzinfo is None:
        raise ValueError("a floating date-time")
    return value.astimezone(datetime.timezone.utc)


def exdates(event):
    raw = event.get("EXDATE")
    if raw is None:
        return []
    out = []
    for group in raw if isinstance(raw, list) else [raw]:
        tzid = group.params.get("TZID")
        for d in group.dts:
            wall = d.dt.replace(tzinfo=None)
            out.append(wall.replace(tzinfo=zone(str(tzid))) if tzid
                       else d.dt.astimezone(datetime.timezone.utc))
    return out


def expand(event):
    start = moment(event["DTSTART"])
    end = moment(event["DTEND"])
    length = end - start if start.tzinfo is end.tzinfo else None
    if "RDATE" in event:
        raise ValueError("RDATE in a portable file")
    if "RRULE" not in event:
        return [(start.timestamp(), end.timestamp())]
    rule_text = event["RRULE"].to_ical().decode()
    rules = rrule.rruleset()
    rules.rrule(rrule.rrulestr(rule_text, dtstart=start))
    for x in exdates(event):
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
        # The end of an instance is its wall-clock start plus DTEND - DTSTART (RFC 5545 3.8.5.3);
        # a series never straddles an offset change, so that is also the exact duration.
        e = s + (end - start)
        out.append((s.timestamp(), e.timestamp()))
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
        for event in calendar.walk("VEVENT"):
            uid = str(event["UID"])
            if uid not in kept or sequence(event) >= sequence(kept[uid]):
                kept[uid] = event
    out = []
    for event in kept.values():
        if str(event.get("X-REHABPLAN-ITEM", "")) != "session":
            continue
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        out.extend(expand(event))
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
