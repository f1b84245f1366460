/// Small text helpers for shortfall reasons and notes, kept in one place so messages
/// read the same everywhere.
enum ScheduleWording {
    /// "1 working day", "3 working days".
    static func count(_ n: Int, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
    }

    /// "2h", "1h30", "45min".
    static func duration(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        if h == 0 { return "\(m)min" }
        return m == 0 ? "\(h)h" : "\(h)h\(m < 10 ? "0" : "")\(m)"
    }

    /// "a, b, c" with at most `limit` items, then "and N more".
    static func list(_ items: [String], limit: Int = 6) -> String {
        guard items.count > limit else { return items.joined(separator: ", ") }
        return items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }

    static func ceilDiv(_ a: Int, _ b: Int) -> Int {
        b <= 0 ? a : a / b + (a % b == 0 ? 0 : 1)
    }
}
