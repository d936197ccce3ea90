// Reads iCalendar files with ical.js (Mozilla's parser, behind many web calendars) and prints,
// as JSON, each file's events as {UID: UTC start (ISO 8601)}. Used by
// tests/calendars/test_parsers_agree.py to compare ical.js with icalendar and vobject.
//
// Each file's own VTIMEZONEs are registered before its events are read, and forgotten after,
// so one file's zone never helps another: the zone must be right in every file.
//
// Usage: node ical-starts.mjs a.ics b.ics ...  →  {"a.ics": {"uid": "2027-04-05T16:00:00Z"}, ...}
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const result = {};
for (const path of process.argv.slice(2)) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const starts = {};
  for (const component of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(component);
    starts[event.uid] = event.startDate.toJSDate().toISOString().replace(".000Z", "Z");
  }
  result[path] = starts;
}
ICAL.TimezoneService.reset();
process.stdout.write(JSON.stringify(result));
