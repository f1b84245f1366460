/// Where the axis ticks go and what they say. Ticks are placed on wall-clock minutes
/// (`LocalMoment.wallMinutes`), so a daylight-saving night shows every hour the clock
/// shows, 24 hours apart per day, exactly as people read their watches.
enum SVGTimelineAxis {
    struct Label: Equatable {
        var at: Int          // wall-clock minutes
        var text: String
        var centred: Bool    // centred on `at` (hours) or starting at it (days)
    }

    struct Ticks: Equatable {
        var major: [Label]          // gridlines and their labels
        var minorDays: [Int]        // short marks for days between weekly ticks
        var upper: [Label]          // dates above the hours, or months above the days
    }

    static func ticks(scale: Timeline.Scale, start s: Int, end e: Int, maxTicks: Int, _ lang: Language) -> Ticks {
        switch scale {
        case .hours: return hourTicks(s, e, maxTicks, lang)
        case .days: return dayTicks(s, e, maxTicks, lang)
        }
    }

    private static func hourTicks(_ s: Int, _ e: Int, _ maxTicks: Int, _ lang: Language) -> Ticks {
        let steps = [15, 30, 60, 120, 180, 240, 360, 720, 1440]
        let step = steps.first { (e - s) / $0 <= maxTicks } ?? lastResortStep(s, e, maxTicks)
        var major: [Label] = []
        var at = ceilDiv(s, step) * step
        while at <= e {
            major.append(Label(at: at, text: DateWords.time(LocalMoment(wallMinutes: at).time, lang), centred: true))
            at += step
        }
        var upper = [Label(at: s, text: DateWords.shortDate(LocalMoment(wallMinutes: s).date, lang), centred: false)]
        var midnight = ceilDiv(s + 1, 1440) * 1440
        while midnight <= e && upper.count <= maxTicks {
            upper.append(Label(at: midnight, text: DateWords.shortDate(LocalMoment(wallMinutes: midnight).date, lang), centred: false))
            midnight += 1440
        }
        return Ticks(major: major, minorDays: [], upper: upper)
    }

    private static func dayTicks(_ s: Int, _ e: Int, _ maxTicks: Int, _ lang: Language) -> Ticks {
        let firstDay = ceilDiv(s, 1440)
        let lastDay = e / 1440 - (e % 1440 == 0 ? 1 : 0)   // a day that starts at `e` is not shown
        let days = max(0, lastDay - firstDay + 1)
        let steps = [1, 2, 7, 14, 28, 91, 182, 364]
        let step = steps.first { days / $0 <= maxTicks } ?? max(7, lastResortStep(s, e, maxTicks) / 1440 / 7 * 7 + 7)
        // Weekly and longer steps start on Mondays, the day plans are read by.
        var day = firstDay
        if step >= 7 { while CivilDate(dayNumber: day).weekday != 1 { day += 1 } }
        var major: [Label] = []
        while day <= lastDay {
            let date = CivilDate(dayNumber: day)
            let short = DateWords.shortDate(date, lang).split(separator: " ").prefix(2).joined(separator: " ")
            major.append(Label(at: day * 1440, text: short, centred: false))
            day += step
        }
        let minor = step > 1 && days <= 400 ? Array(firstDay...max(firstDay, lastDay)).map { $0 * 1440 } : []
        var upper: [Label] = []
        var d = firstDay
        while d <= lastDay {
            let date = CivilDate(dayNumber: d)
            if d == firstDay || date.day == 1 {
                upper.append(Label(at: d * 1440, text: "\(DateWords.monthName(date.month, lang)) \(date.year)", centred: false))
            }
            // Jump to the next first of the month rather than walking every day.
            let next = CivilDate(year: date.month == 12 ? date.year + 1 : date.year, month: date.month % 12 + 1, day: 1)
            guard let next, next.dayNumber > d else { break }
            d = next.dayNumber
        }
        return Ticks(major: major, minorDays: minor, upper: upper)
    }

    /// A step that keeps the tick count bounded however long the range is.
    private static func lastResortStep(_ s: Int, _ e: Int, _ maxTicks: Int) -> Int {
        let raw = (e - s) / max(1, maxTicks) + 1
        return ceilDiv(raw, 1440) * 1440
    }

    static func ceilDiv(_ a: Int, _ b: Int) -> Int {
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return r > 0 ? q + 1 : q
    }
}
