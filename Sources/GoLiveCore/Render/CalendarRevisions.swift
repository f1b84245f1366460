/// Gives every calendar event the SEQUENCE and DTSTAMP its history calls for, across all `.ics`
/// outputs at once: an event copied into several calendars (a session in the audience's and the
/// trainer's) is one event, so its copies are compared together, exactly as the manifest records them.
/// Unchanged events keep their SEQUENCE; a changed one gets the next, and a DTSTAMP one minute per
/// revision after the stamp its writer chose — never the build machine's clock.
enum CalendarRevisions {
    /// `kept`: the events of the files kept from the last build, UID → the digests of their copies.
    /// `revised`: whether any calendar was rewritten (its SEQUENCE and DTSTAMP lines then changed).
    static func apply(_ outputs: [OutputFile], history: Manifest?,
                      kept: [String: [String]] = [:]) -> (files: [OutputFile], revised: Bool) {
        guard let history, history.eventTable?.isEmpty == false else { return (outputs, false) }
        let records = Manifest.eventRecords(in: outputs, kept: kept)
        var revised: [String: Int] = [:]
        for (uid, record) in records {
            let sequence = history.eventSequence(uid: uid, digest: record.digest)
            if sequence != 0 { revised[uid] = sequence }
        }
        guard !revised.isEmpty else { return (outputs, false) }
        return (outputs.map { file in
            guard file.path.hasSuffix(".ics"), file.isInMemory else { return file }
            return OutputFile(path: file.path, text: rewrite(String(decoding: file.data, as: UTF8.self), revised))
        }, true)
    }

    /// SEQUENCE and DTSTAMP lines are short and never folded by `ICSWriter`, so they are replaced in place.
    static func rewrite(_ text: String, _ revised: [String: Int]) -> String {
        var lines = text.components(separatedBy: "\r\n")
        var start = 0
        while start < lines.count {
            guard lines[start] == "BEGIN:VEVENT", let end = lines[start...].firstIndex(of: "END:VEVENT") else { start += 1; continue }
            let uid = unfoldedUID(lines[start...end])
            if let uid, let sequence = revised[uid] {
                for i in start...end {
                    if lines[i].hasPrefix("SEQUENCE:") { lines[i] = "SEQUENCE:\(sequence)" }
                    if lines[i].hasPrefix("DTSTAMP:"), let stamp = UTCStamp(String(lines[i].dropFirst(8))) {
                        lines[i] = "DTSTAMP:" + stamp.adding(minutes: sequence).text
                    }
                }
            }
            start = end + 1
        }
        return lines.joined(separator: "\r\n")
    }

    private static func unfoldedUID(_ lines: ArraySlice<String>) -> String? {
        guard let i = lines.firstIndex(where: { $0.hasPrefix("UID:") }) else { return nil }
        var uid = String(lines[i].dropFirst(4))
        var next = i + 1
        while next < lines.endIndex, lines[next].hasPrefix(" ") { uid += lines[next].dropFirst(); next += 1 }
        return uid
    }

    /// `20270301T090000Z`, with minute arithmetic on civil dates.
    struct UTCStamp {
        var moment: LocalMoment
        var seconds: String

        init?(_ text: String) {
            guard text.count == 16, text.hasSuffix("Z"), let date = CivilDate(iso: "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.dropFirst(6).prefix(2))"),
                  let time = TimeOfDay(text: "\(text.dropFirst(9).prefix(2)):\(text.dropFirst(11).prefix(2))") else { return nil }
            moment = LocalMoment(date: date, time: time)
            seconds = String(text.dropFirst(13).prefix(2))
        }

        func adding(minutes: Int) -> UTCStamp {
            var copy = self
            copy.moment = moment.adding(wallMinutes: minutes)
            return copy
        }

        var text: String {
            let d = moment.date, t = moment.time
            return String(format: "%04d%02d%02dT%02d%02d", d.year, d.month, d.day, t.hour, t.minute) + seconds + "Z"
        }
    }
}
