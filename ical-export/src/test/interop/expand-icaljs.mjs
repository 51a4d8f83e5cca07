// Expands the session events of rehabplan's exported calendars with Mozilla ical.js (the parser
// of Thunderbird and many web calendars), as a client that imported the files of a case in order
// sees them: for each UID the event with the highest SEQUENCE (a later file wins a tie), cancelled
// events dropped. Usage: node expand-icaljs.mjs DIR; for each DIR/CASE/ with 1.ics, 2.ics, ...
// writes DIR/CASE/icaljs.json: [[startEpochSecond, endEpochSecond], ...] sorted, or {"error": ...}.
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';

const MAX_INSTANCES = 100000;

// ical.js 2.2.1 converts UTC instants into zones east of UTC+10 with the old offset for some hours
// after a DST change; an instance's instant is therefore computed from its own wall time and the
// offset its zone gives that wall time, never by converting from UTC.
function epochSecond(time) {
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second) / 1000;
  if (time.isDate) {
    throw new Error('a session event with a DATE value');
  }
  if (!time.zone || time.zone === ICAL.Timezone.localTimezone) {
    throw new Error('a floating date-time: ' + time.toString());
  }
  return wall - time.zone.utcOffset(time);
}

function files(dir) {
  return fs.readdirSync(dir).filter((f) => /^\d+\.ics$/.test(f))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
}

function expandCase(dir) {
  const calendars = files(dir).map((f) => new ICAL.Component(
    ICAL.parse(fs.readFileSync(path.join(dir, f), 'utf8'))));
  // The winning event of each UID: [file index, component].
  const kept = new Map();
  calendars.forEach((calendar, index) => {
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
      const uid = vevent.getFirstPropertyValue('uid');
      const sequence = vevent.getFirstPropertyValue('sequence') || 0;
      const before = kept.get(uid);
      if (!before || sequence >= before.sequence) {
        kept.set(uid, { index, vevent, sequence });
      }
    }
  });
  const out = [];
  calendars.forEach((calendar, index) => {
    // The zones of this file: each file brings the VTIMEZONE that covers its own events.
    for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
      ICAL.TimezoneService.register(vtimezone);
    }
    for (const { index: from, vevent } of kept.values()) {
      if (from !== index) continue;
      if (vevent.getFirstPropertyValue('x-rehabplan-item') !== 'session') continue;
      if (String(vevent.getFirstPropertyValue('status') || '').toUpperCase() === 'CANCELLED') continue;
      const event = new ICAL.Event(vevent);
      const iterator = event.iterator();
      let n = 0;
      for (let next = iterator.next(); next; next = iterator.next()) {
        if (++n > MAX_INSTANCES) throw new Error('more than ' + MAX_INSTANCES + ' instances');
        const details = event.getOccurrenceDetails(next);
        out.push([epochSecond(details.startDate), epochSecond(details.endDate)]);
      }
    }
    for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
      ICAL.TimezoneService.remove(vtimezone.getFirstPropertyValue('tzid'));
    }
  });
  out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return out;
}

const root = process.argv[2];
for (const name of fs.readdirSync(root).sort()) {
  const dir = path.join(root, name);
  if (!fs.statSync(dir).isDirectory()) continue;
  let result;
  try {
    result = expandCase(dir);
  } catch (e) {
    result = { error: String(e && e.stack || e) };
  }
  fs.writeFileSync(path.join(dir, 'icaljs.json'), JSON.stringify(result));
}
