/// The few words training documents need in each language (the templates hold the prose).
enum TrainingWords {
    static func format(_ f: TrainingFormat, _ l: Language) -> String {
        switch (f, l) {
        case (.classroom, .fr): return "en salle"
        case (.classroom, .en): return "classroom"
        case (.remote, .fr): return "à distance"
        case (.remote, .en): return "remote"
        case (.elearning, _): return "e-learning"
        }
    }

    /// Where a session takes place: "paris-r1 (Paris)", or the word for remote.
    static func place(_ s: ScheduledSession, _ l: Language) -> String {
        if let room = s.roomID { return s.site.isEmpty ? room : "\(room) (\(s.site))" }
        return s.format == .remote ? (l == .fr ? "à distance (Teams)" : "remote (Teams)") : ""
    }

    /// "9 h – 11 h" / "09:00–11:00".
    static func hours(_ s: ScheduledSession, _ l: Language) -> String {
        guard let start = s.start, let end = s.end else { return "" }
        return l == .fr ? "\(DateWords.time(start, l)) – \(DateWords.time(end, l))"
                        : "\(DateWords.time(start, l))–\(DateWords.time(end, l))"
    }

    static func session(_ s: ScheduledSession, _ l: Language) -> String {
        l == .fr ? "session \(s.number) sur \(s.of)" : "session \(s.number) of \(s.of)"
    }

    /// Plain text for calendars: the Markdown emphasis marks of a summary are dropped.
    static func plain(_ markdown: String) -> String {
        markdown.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
    }
}

/// Whole tables and lists of the training pages printed in one value each: the schedule has one
/// row per session (thousands) and one line per e-learning audience, and the schedule page renders
/// as a single unit, on one core, while the rest of the build waits for it.
enum TrainingLines {
    /// What `{{#rows}}<tr><td><time datetime="{{iso}}">{{date}}</time></td>` then `<td>{{cell}}</td>` for
    /// each of `cells`, then `</tr>⏎{{/rows}}` prints, values escaped as in a Markdown template.
    static func sessionRows(_ rows: [[String: Any]], cells: [String]) -> String {
        var out = ""
        out.reserveCapacity(rows.count * 200)
        for row in rows {
            out += "<tr><td><time datetime=\""
            out += text(row["iso"])
            out += "\">"
            out += text(row["date"])
            out += "</time></td>"
            Preformatted.cells(row, cells, into: &out)
            out += "</tr>\n"
        }
        return out
    }

    /// What `{{#elearning}}- **{{module}}** ({{duration}}): {{audience}}, {{seats}} people⏎{{/elearning}}`
    /// prints (in French `) : ` and `personnes`).
    static func elearningLines(_ items: [[String: Any]], _ l: Language) -> String {
        let colon = l == .fr ? ") : " : "): ", unit = l == .fr ? " personnes\n" : " people\n"
        var out = ""
        for item in items {
            out += "- **"
            out += text(item["module"])
            out += "** ("
            out += text(item["duration"])
            out += colon
            out += text(item["audience"])
            out += ", "
            out += text(item["seats"])
            out += unit
        }
        return out
    }

    /// What the audience's page prints after a session's date, as one value the template escapes:
    /// `{{hours}} — {{place}}, with {{trainer}} ({{seats}} seats, {{session}})` (`avec`, `places` in French).
    static func sessionDetails(hours: String, place: String, trainer: String, seats: Int, session: String,
                               _ l: Language) -> String {
        hours + " — " + place + (l == .fr ? ", avec " : ", with ") + trainer + " (" + String(seats)
            + (l == .fr ? " places, " : " seats, ") + session + ")"
    }

    private static func text(_ value: Any?) -> String { Preformatted.text(value) }
}
