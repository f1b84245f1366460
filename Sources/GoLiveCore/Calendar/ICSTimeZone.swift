import Foundation

/// Builds the VTIMEZONE component for a zone from Foundation's timezone data.
///
/// When the zone's changes follow a yearly rule over the covered years (Europe:
/// last Sunday of March and October), each kind is written once with an RRULE:
/// that is the shape Outlook reads most reliably. Otherwise every change is
/// listed with its own DTSTART, which any RFC 5545 reader understands.
enum ICSTimeZone {
    /// One change of UTC offset, with its wall-clock moment read in the offset before it.
    struct Transition: Equatable {
        let local: ICSDateTime
        let from: Int
        let to: Int
        let isDaylight: Bool
    }

    /// Guards against a timezone database that never stops reporting transitions.
    static let maxTransitions = 4_000

    /// Lines of the VTIMEZONE covering `years` (local years of the zone).
    static func lines(for zone: TimeZone, years: ClosedRange<Int>) -> [String] {
        let changes = transitions(of: zone, years: years)
        var body: [String]
        if changes.isEmpty {
            let offset = zone.secondsFromGMT(for: instant(year: years.lowerBound))
            body = observance(
                Transition(local: ICSDateTime(seconds: firstSecond(of: years.lowerBound), offset: 0),
                           from: offset, to: offset, isDaylight: false),
                rule: nil)
        } else if let rules = yearlyRules(changes, years: years) {
            body = rules.flatMap { observance($0.first, rule: $0.rule) }
        } else {
            body = changes.flatMap { observance($0, rule: nil) }
        }
        return ["BEGIN:VTIMEZONE", "TZID:" + ICSText.escape(zone.identifier)] + body + ["END:VTIMEZONE"]
    }

    static func transitions(of zone: TimeZone, years: ClosedRange<Int>) -> [Transition] {
        // Start a day early and stop a day late: the filter below keeps local years only.
        let end = instant(year: years.upperBound + 1).addingTimeInterval(86_400)
        var cursor = instant(year: years.lowerBound).addingTimeInterval(-86_400)
        var found: [Transition] = []
        for _ in 0..<maxTransitions {
            guard let next = zone.nextDaylightSavingTimeTransition(after: cursor),
                  next > cursor, next < end else { break }
            cursor = next
            let from = zone.secondsFromGMT(for: next.addingTimeInterval(-1))
            let to = zone.secondsFromGMT(for: next)
            let isDaylight = zone.isDaylightSavingTime(for: next)
            guard from != to || isDaylight != zone.isDaylightSavingTime(for: next.addingTimeInterval(-1)) else { continue }
            let local = ICSDateTime(seconds: ICSDateTime.seconds(next), offset: from)
            guard years.contains(local.date.year) else { continue }
            found.append(Transition(local: local, from: from, to: to, isDaylight: isDaylight))
        }
        return found
    }

    /// One RRULE per kind of change, or nil when some kind does not happen exactly
    /// once a year on the same weekday rule and wall-clock time.
    static func yearlyRules(_ changes: [Transition], years: ClosedRange<Int>) -> [(first: Transition, rule: String)]? {
        var kinds: [[Transition]] = []
        for change in changes {
            if let i = kinds.firstIndex(where: { sameKind($0[0], change) }) {
                kinds[i].append(change)
            } else {
                kinds.append([change])
            }
        }
        var rules: [(first: Transition, rule: String)] = []
        for kind in kinds {
            guard kind.map(\.local.date.year) == Array(years), let rule = weekdayRule(kind.map(\.local)) else { return nil }
            rules.append((kind[0], rule))
        }
        return rules
    }

    static func sameKind(_ a: Transition, _ b: Transition) -> Bool {
        a.from == b.from && a.to == b.to && a.isDaylight == b.isDaylight
    }

    /// `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU` when every moment falls on the same month,
    /// weekday, time and week of the month ("last" preferred when it also fits).
    static func weekdayRule(_ moments: [ICSDateTime]) -> String? {
        guard let first = moments.first,
              moments.allSatisfy({ $0.date.month == first.date.month && $0.date.weekday == first.date.weekday
                  && $0.secondOfDay == first.secondOfDay }) else { return nil }
        let isLast = moments.allSatisfy { $0.date.day + 7 > CivilDate.daysIn(month: $0.date.month, year: $0.date.year) }
        let nth = (first.date.day - 1) / 7 + 1
        let ordinal: Int
        if isLast {
            ordinal = -1
        } else if nth <= 4, moments.allSatisfy({ ($0.date.day - 1) / 7 + 1 == nth }) {
            ordinal = nth
        } else {
            return nil
        }
        let weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        return "FREQ=YEARLY;BYMONTH=\(first.date.month);BYDAY=\(ordinal)\(weekdays[first.date.weekday - 1])"
    }

    static func observance(_ change: Transition, rule: String?) -> [String] {
        let name = change.isDaylight ? "DAYLIGHT" : "STANDARD"
        var lines = [
            "BEGIN:" + name,
            "DTSTART:" + change.local.text,
            "TZOFFSETFROM:" + ICSDateTime.offsetText(change.from),
            "TZOFFSETTO:" + ICSDateTime.offsetText(change.to),
        ]
        if let rule { lines.append("RRULE:" + rule) }
        lines.append("END:" + name)
        return lines
    }

    static func firstSecond(of year: Int) -> Int {
        let day = CivilDate(year: min(max(year, 1), 9999), month: 1, day: 1)?.dayNumber ?? 0
        return day * 86_400
    }

    static func instant(year: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(firstSecond(of: year)))
    }
}
