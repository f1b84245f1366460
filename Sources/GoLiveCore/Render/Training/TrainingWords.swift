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
