/// Parsers for the contract's notation table: durations, relative days and moments.
/// Each returns nil on bad text; callers turn that into a positioned error with an example.
enum Notation {
    /// `2h`, `90m`, `1h30`, `3d`, `1d2h`: total minutes, > 0.
    static func duration(_ text: String) -> Int? {
        let s = Array(text.trimmingSpaces)
        guard !s.isEmpty else { return nil }
        var total = 0
        var number = ""
        var lastUnit: Character?
        for c in s {
            if c.isASCII && c.isNumber {
                number.append(c)
                guard number.count <= 6 else { return nil }
            } else {
                guard let n = Int(number) else { return nil }
                switch c {
                case "d" where lastUnit == nil: total += n * 1440
                case "h" where lastUnit == nil || lastUnit == "d": total += n * 60
                case "m" where lastUnit != "m": total += n
                default: return nil
                }
                lastUnit = c
                number = ""
            }
        }
        if !number.isEmpty {
            // `1h30`: bare minutes are only allowed right after hours.
            guard lastUnit == "h", let n = Int(number), n < 60 else { return nil }
            total += n
        }
        return total > 0 ? total : nil
    }

    /// `J`, `D`, `J-30`, `D+7`, `J+0`.
    static func relativeDay(_ text: String) -> Int? {
        var s = Substring(text)
        guard let first = s.first, first == "J" || first == "D" else { return nil }
        s = s.dropFirst()
        if s.isEmpty { return 0 }
        guard let sign = s.first, sign == "+" || sign == "-" else { return nil }
        let digits = s.dropFirst()
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let n = Int(digits) else { return nil }
        return sign == "-" ? -n : n
    }

    /// A relative day or an ISO date.
    static func day(_ text: String) -> DayRef? {
        let t = text.trimmingSpaces
        if let offset = relativeDay(t) { return .relative(offset) }
        if let date = CivilDate(iso: t) { return .absolute(date) }
        return nil
    }

    /// `J-1 18:00`, `2027-03-19 20:00`, `2027-03-19T20:00`; with `dayAlone`, also `J-30` or a date.
    static func moment(_ text: String, dayAlone: Bool) -> MomentRef? {
        let t = text.trimmingSpaces
        let separators: [Character] = [" ", "T"]
        if let cut = t.lastIndex(where: { separators.contains($0) }), cut != t.startIndex {
            let dayPart = t[..<cut].trimmingSpaces
            let timePart = t[t.index(after: cut)...].trimmingSpaces
            // `T` only separates an absolute date from its time.
            if t[cut] == "T", CivilDate(iso: dayPart) == nil { return nil }
            guard let day = day(dayPart), let time = TimeOfDay(text: timePart) else { return nil }
            return MomentRef(day: day, time: time)
        }
        guard dayAlone, let day = day(t) else { return nil }
        return MomentRef(day: day, time: nil)
    }

    static func isValidID(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
