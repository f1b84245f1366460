import Foundation

/// Writes RFC 5545 calendar files that Outlook, Google Calendar and Thunderbird import
/// with the right local times. Output is a pure function of the document: same input,
/// same bytes.
public enum ICSWriter {
    public static let productIdentifier = "-//GoLive//GoLive//EN"

    public static func render(_ document: CalendarDocument) -> String {
        let zone = document.timeZone
        let events = sorted(document.events)
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:" + productIdentifier,
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + ICSText.escape(document.name),
            // Google Calendar reads this to pick the calendar's default zone.
            "X-WR-TIMEZONE:" + ICSText.escape(zone.identifier),
        ]
        if let years = coveredYears(events, in: zone) {
            lines += ICSTimeZone.lines(for: zone, years: years)
        }
        for event in events {
            lines += eventLines(event, zone: zone)
        }
        lines.append("END:VCALENDAR")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 2 } + 64)
        for line in lines { ICSText.appendFolded(line, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Builds a UID from plan ids: lowercase, only `a-z`, `0-9` and `-`, parts joined
    /// by `-`, suffixed `@golive`. Accents are dropped (`Équipe` → `equipe`).
    public static func uidSafe(_ parts: [String]) -> String {
        let slugs = parts.map(slug).filter { !$0.isEmpty }
        return (slugs.isEmpty ? "event" : slugs.joined(separator: "-")) + "@golive"
    }

    // MARK: - Events

    /// Sorted by start, then UID; the original position breaks remaining ties so
    /// the order never depends on the sort algorithm.
    static func sorted(_ events: [CalendarEvent]) -> [CalendarEvent] {
        events.enumerated().sorted { a, b in
            let sa = ICSDateTime.seconds(a.element.start), sb = ICSDateTime.seconds(b.element.start)
            if sa != sb { return sa < sb }
            if a.element.uid != b.element.uid { return a.element.uid < b.element.uid }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// From the local year before the first event to the year after the last.
    static func coveredYears(_ events: [CalendarEvent], in zone: TimeZone) -> ClosedRange<Int>? {
        let years = events.flatMap { [ICSDateTime.local($0.start, in: zone).date.year,
                                      ICSDateTime.local($0.end, in: zone).date.year] }
        guard let low = years.min(), let high = years.max() else { return nil }
        return max(1, low - 1)...min(9999, high + 1)
    }

    static func eventLines(_ event: CalendarEvent, zone: TimeZone) -> [String] {
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + ICSText.escape(event.uid),
            "DTSTAMP:" + ICSDateTime.utc(event.stamp).text + "Z",
            dateTime("DTSTART", event.start, zone: zone),
        ]
        if ICSDateTime.seconds(event.end) > ICSDateTime.seconds(event.start) {
            lines.append(dateTime("DTEND", event.end, zone: zone))
        }
        lines.append("SEQUENCE:\(max(0, event.sequence))")
        lines.append("SUMMARY:" + ICSText.escape(event.summary))
        if !event.description.isEmpty {
            lines.append("DESCRIPTION:" + ICSText.escape(event.description))
        }
        if let location = event.location, !location.isEmpty {
            lines.append("LOCATION:" + ICSText.escape(location))
        }
        if let url = event.url.map(ICSText.sanitizeURI), !url.isEmpty {
            lines.append("URL:" + url)
        }
        let categories = event.categories.filter { !$0.isEmpty }.map(ICSText.escape)
        if !categories.isEmpty {
            lines.append("CATEGORIES:" + categories.joined(separator: ","))
        }
        lines.append("TRANSP:" + (event.transparent ? "TRANSPARENT" : "OPAQUE"))
        if let minutes = event.reminderMinutesBefore {
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:" + ICSText.escape(event.summary),
                "TRIGGER:" + (minutes >= 0 ? "-PT\(minutes)M" : "PT\(minutes.magnitude)M"),
                "END:VALARM",
            ]
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// `DTSTART;TZID=Europe/Paris:20270319T200000`. In the hour repeated when clocks
    /// go back, readers take a local time as its first occurrence (RFC 5545 §3.3.5),
    /// so a moment in the second occurrence is written in UTC instead.
    static func dateTime(_ name: String, _ date: Date, zone: TimeZone) -> String {
        let seconds = ICSDateTime.seconds(date)
        let local = ICSDateTime.local(date, in: zone)
        if firstOccurrence(of: seconds, in: zone) < seconds {
            return name + ":" + ICSDateTime.utc(date).text + "Z"
        }
        return name + ";TZID=" + ICSText.parameterValue(zone.identifier) + ":" + local.text
    }

    /// The earliest instant showing the same wall-clock time as `seconds` in `zone`.
    static func firstOccurrence(of seconds: Int, in zone: TimeZone) -> Int {
        func offset(_ s: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(s))) }
        let wall = seconds + offset(seconds)
        let candidates = [offset(seconds - 86_400), offset(seconds + 86_400)]
            .map { wall - $0 }
            .filter { $0 < seconds && offset($0) == wall - $0 }
        return candidates.min() ?? seconds
    }

    // MARK: - UIDs

    private static let ligatures: [Character: String] = ["œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"]

    static func slug(_ text: String) -> String {
        // Plan ids are ASCII: no ligature, no accent to fold, so skip Foundation's folding.
        text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiSlug(text) : foldedSlug(text)
    }

    /// The general `slug`: ligatures expanded, accents folded, then letters and digits kept.
    static func foldedSlug(_ text: String) -> String {
        let expanded = text.map { ligatures[$0] ?? String($0) }.joined()
        let folded = expanded.folding(options: .diacriticInsensitive, locale: nil).lowercased()
        var out = ""
        for scalar in folded.unicodeScalars {
            let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if keep {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.last == "-" { out.removeLast() }
        return out
    }

    /// `slug` for ASCII text, byte by byte: the same letters, digits and dashes.
    static func asciiSlug(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                out.append(lower)
            } else if let last = out.last, last != 0x2D {
                out.append(0x2D)
            }
        }
        while out.last == 0x2D { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
