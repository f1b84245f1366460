/// Dates, times and durations written as a native French or English office writer would.
///
/// The word tables are our own, not `DateFormatter`/ICU locale data, so the text is
/// byte-identical on every machine whatever its locale or ICU version.
///
/// Typography: a number and its unit (`20 h 30`, `45 min`, `3 jours`, `2 days`) are
/// joined by a NO-BREAK SPACE (U+00A0, `DateWords.unitSpace`) so a line never breaks
/// between them; every other space is an ordinary space. English uses the 24-hour clock
/// (`06:00`) and British day-month order (`Friday 19 March 2027`), which reads naturally
/// to English-speaking staff of a European organisation.
public enum DateWords {
    /// The space between a number and its unit (U+00A0 NO-BREAK SPACE).
    public static let unitSpace = "\u{00A0}"

    /// "vendredi 19 mars 2027" / "Friday 19 March 2027"; French writes "1er" for the first.
    public static func longDate(_ d: CivilDate, _ lang: Language) -> String {
        "\(dayAndMonth(d, lang)) \(d.year)"
    }

    /// "ven. 19 mars" / "Fri 19 Mar".
    public static func shortDate(_ d: CivilDate, _ lang: Language) -> String {
        let day = dayNumber(d.day, lang)
        switch lang {
        case .fr: return "\(pick(frWeekdaysShort, d.weekday)) \(day) \(pick(frMonthsShort, d.month))"
        case .en: return "\(pick(enWeekdaysShort, d.weekday)) \(day) \(pick(enMonthsShort, d.month))"
        }
    }

    /// "20 h", "20 h 30", "6 h", "0 h" / "20:00", "06:00", "00:00".
    public static func time(_ t: TimeOfDay, _ lang: Language) -> String {
        switch lang {
        case .fr:
            return t.minute == 0
                ? "\(t.hour)\(unitSpace)h"
                : "\(t.hour)\(unitSpace)h\(unitSpace)\(twoDigits(t.minute))"
        case .en:
            return "\(twoDigits(t.hour)):\(twoDigits(t.minute))"
        }
    }

    /// "vendredi 19 mars 2027 à 20 h" / "Friday 19 March 2027 at 20:00".
    public static func moment(_ d: CivilDate, _ t: TimeOfDay, _ lang: Language) -> String {
        switch lang {
        case .fr: return "\(longDate(d, lang)) à \(time(t, lang))"
        case .en: return "\(longDate(d, lang)) at \(time(t, lang))"
        }
    }

    /// Over two days: "du vendredi 19 mars, 20 h, au samedi 20 mars, 6 h".
    /// Same day: "le vendredi 19 mars de 9 h à 11 h"; ending at the next midnight reads
    /// "de 20 h à minuit" / "from 20:00 to midnight". Years are written only when the two
    /// ends fall in different years, because a reader always knows the current year.
    public static func span(from: (CivilDate, TimeOfDay), to: (CivilDate, TimeOfDay), _ lang: Language) -> String {
        let (d1, t1) = from
        let (d2, t2) = to
        let endsAtMidnight = t2.minutes == 0 && d1.days(until: d2) == 1 && t1.minutes > 0
        if d1 == d2 || endsAtMidnight {
            let day = dayAndMonth(d1, lang)
            let end = endsAtMidnight ? (lang == .fr ? "minuit" : "midnight") : time(t2, lang)
            switch lang {
            case .fr:
                return t1 == t2 && !endsAtMidnight
                    ? "le \(day) à \(time(t1, lang))"
                    : "le \(day) de \(time(t1, lang)) à \(end)"
            case .en:
                return t1 == t2 && !endsAtMidnight
                    ? "on \(day) at \(time(t1, lang))"
                    : "on \(day) from \(time(t1, lang)) to \(end)"
            }
        }
        let withYear = d1.year != d2.year
        let start = withYear ? longDate(d1, lang) : dayAndMonth(d1, lang)
        let finish = withYear ? longDate(d2, lang) : dayAndMonth(d2, lang)
        switch lang {
        case .fr: return "du \(start), \(time(t1, lang)), au \(finish), \(time(t2, lang))"
        case .en: return "from \(start), \(time(t1, lang)), to \(finish), \(time(t2, lang))"
        }
    }

    /// "2 h", "1 h 30", "45 min", "3 jours" / "2 hr", "1 hr 30 min", "45 min", "3 days".
    /// Whole days read in days; anything else in hours and minutes (a 25-hour cutover
    /// reads "25 h" / "25 hr", which is how a runbook counts). English abbreviates both
    /// units the same way ("hr", "min"), as schedules do. Negative durations keep their sign.
    public static func duration(minutes: Int, _ lang: Language) -> String {
        if minutes < 0 { return "-" + duration(magnitude: minutes.magnitude, lang) }
        return duration(magnitude: UInt(minutes), lang)
    }

    /// Full weekday name, ISO numbering (1 = Monday … 7 = Sunday); other numbers wrap.
    public static func weekdayName(_ isoWeekday: Int, _ lang: Language) -> String {
        switch lang {
        case .fr: return pick(frWeekdays, isoWeekday)
        case .en: return pick(enWeekdays, isoWeekday)
        }
    }

    /// Full month name (1 = January); other numbers wrap.
    public static func monthName(_ month: Int, _ lang: Language) -> String {
        switch lang {
        case .fr: return pick(frMonths, month)
        case .en: return pick(enMonths, month)
        }
    }

    /// "semaine du 15 mars 2027" / "week of 15 March 2027".
    public static func weekOf(_ monday: CivilDate, _ lang: Language) -> String {
        switch lang {
        case .fr: return "semaine du \(dayMonthYear(monday, lang))"
        case .en: return "week of \(dayMonthYear(monday, lang))"
        }
    }

    // MARK: - Pieces

    /// The first day of a range whose last day is written in full: without its year when both
    /// days share it ("du vendredi 26 février au mardi 2 mars 2027").
    public static func rangeStart(_ first: CivilDate, endingOn last: CivilDate, _ lang: Language) -> String {
        first.year == last.year ? dayAndMonth(first, lang) : longDate(first, lang)
    }

    /// "vendredi 19 mars" / "Friday 19 March".
    static func dayAndMonth(_ d: CivilDate, _ lang: Language) -> String {
        "\(weekdayName(d.weekday, lang)) \(dayNumber(d.day, lang)) \(monthName(d.month, lang))"
    }

    /// "15 mars 2027" / "15 March 2027", without the weekday.
    static func dayMonthYear(_ d: CivilDate, _ lang: Language) -> String {
        "\(dayNumber(d.day, lang)) \(monthName(d.month, lang)) \(d.year)"
    }

    /// French writes the first of the month as an ordinal: "1er mars".
    static func dayNumber(_ day: Int, _ lang: Language) -> String {
        lang == .fr && day == 1 ? "1er" : "\(day)"
    }

    private static func duration(magnitude m: UInt, _ lang: Language) -> String {
        let s = unitSpace
        if m >= 1440 && m % 1440 == 0 {
            let days = m / 1440
            switch lang {
            case .fr: return "\(days)\(s)\(days == 1 ? "jour" : "jours")"
            case .en: return "\(days)\(s)\(days == 1 ? "day" : "days")"
            }
        }
        let h = m / 60, min = m % 60
        if h == 0 { return "\(min)\(s)min" }
        switch lang {
        case .fr: return min == 0 ? "\(h)\(s)h" : "\(h)\(s)h\(s)\(twoDigits(Int(min)))"
        case .en: return min == 0 ? "\(h)\(s)hr" : "\(h)\(s)hr \(min)\(s)min"
        }
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }

    /// 1-based lookup that wraps instead of trapping on out-of-range input.
    private static func pick(_ table: [String], _ oneBased: Int) -> String {
        let n = table.count
        let i = ((oneBased - 1) % n + n) % n
        return table[i]
    }

    // MARK: - Word tables

    private static let frWeekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    private static let enWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let frWeekdaysShort = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
    private static let enWeekdaysShort = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let frMonths = ["janvier", "février", "mars", "avril", "mai", "juin",
                                   "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
    private static let enMonths = ["January", "February", "March", "April", "May", "June",
                                   "July", "August", "September", "October", "November", "December"]
    // Abbreviations of the Imprimerie nationale; short months are written in full.
    private static let frMonthsShort = ["janv.", "févr.", "mars", "avr.", "mai", "juin",
                                        "juil.", "août", "sept.", "oct.", "nov.", "déc."]
    private static let enMonthsShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
