/// Notation-aware getters shared by the plan, audience and feedback readers.
extension YAMLObject {
    func id(_ key: String = "id", kind: String, seen: inout [String: SourceLocation],
            required: Bool = true, _ d: inout Diagnostics) -> String? {
        guard let text = string(key, required: required, &d) else { return nil }
        return YAMLObject.checkID(text, kind: kind, seen: &seen, &d)
    }

    static func checkID(_ text: Located<String>, kind: String, seen: inout [String: SourceLocation],
                        _ d: inout Diagnostics) -> String? {
        guard Notation.isValidID(text.value) else {
            d.error(text.location, "\(kind) id '\(text.value)' must use only lowercase letters, digits and '-' (e.g. 'lot-1')")
            return nil
        }
        if let first = seen[text.value] {
            d.error(text.location, "duplicate \(kind) id '\(text.value)' (first defined at \(first))")
            return nil
        }
        seen[text.value] = text.location
        return text.value
    }

    func idRefs(_ key: String, _ d: inout Diagnostics) -> [Located<String>] {
        strings(key, &d)
    }

    func date(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> CivilDate? {
        guard let text = string(key, required: required, &d) else { return nil }
        return YAMLObject.date(text, what: "'\(key)' in \(context)", &d)
    }

    static func date(_ text: Located<String>, what: String, _ d: inout Diagnostics) -> CivilDate? {
        guard let date = CivilDate(iso: text.value.trimmingSpaces) else {
            d.error(text.location, "\(what) must be a date written YYYY-MM-DD (e.g. 2027-03-19), found '\(text.value)'")
            return nil
        }
        return date
    }

    func time(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> TimeOfDay? {
        guard let text = string(key, required: required, &d) else { return nil }
        guard let time = TimeOfDay(text: text.value.trimmingSpaces) else {
            d.error(text.location, "'\(key)' in \(context) must be a 24-hour time HH:MM (e.g. 20:00), found '\(text.value)'")
            return nil
        }
        return time
    }

    func duration(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> Int? {
        guard let text = string(key, required: required, &d) else { return nil }
        guard let minutes = Notation.duration(text.value) else {
            d.error(text.location, "'\(key)' in \(context) must be a duration such as 2h, 90m, 1h30 or 3d, found '\(text.value)'")
            return nil
        }
        return minutes
    }

    func day(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> DayRef? {
        guard let text = string(key, required: required, &d) else { return nil }
        guard let day = Notation.day(text.value) else {
            d.error(text.location, "'\(key)' in \(context) must be a day relative to go-live (J-30, D+1, J) or a date (2027-03-19), found '\(text.value)'")
            return nil
        }
        return day
    }

    func moment(_ key: String, required: Bool = false, dayAlone: Bool = false, _ d: inout Diagnostics) -> MomentRef? {
        guard let text = string(key, required: required, &d) else { return nil }
        guard let moment = Notation.moment(text.value, dayAlone: dayAlone) else {
            let forms = dayAlone ? "a day (J-30), a moment (J-1 18:00) or a date and time (2027-03-19 20:00)"
                                 : "a moment such as 'J-1 18:00' or '2027-03-19 20:00'"
            d.error(text.location, "'\(key)' in \(context) must be \(forms), found '\(text.value)'")
            return nil
        }
        return moment
    }

    func window(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> CutoverWindow? {
        guard let object = object(key, required: required, context: "'\(key)' in \(context)", &d) else { return nil }
        object.checkKeys(["start", "end"], &d)
        let start = object.time("start", required: true, &d)
        let end = object.time("end", required: true, &d)
        guard let start, let end else { return nil }
        if start == end {
            d.error(object.location, "'\(key)' in \(context) starts and ends at \(start): a window needs some time")
            return nil
        }
        return CutoverWindow(start: start, end: end)
    }

    func person(_ key: String, _ d: inout Diagnostics) -> Project.Person? {
        guard let object = object(key, context: "'\(key)' in \(context)", &d) else { return nil }
        object.checkKeys(["name", "role", "email", "phone"], &d)
        guard let name = object.string("name", required: true, &d) else { return nil }
        return Project.Person(name: name.value, role: object.string("role", &d)?.value,
                              email: object.email("email", &d), phone: object.string("phone", &d)?.value)
    }

    /// An e-mail address: it goes into contact lists and mail headers, so it must be one.
    func email(_ key: String, _ d: inout Diagnostics) -> String? {
        guard let text = string(key, &d) else { return nil }
        guard EmailAddressSyntax.isPlausible(text.value) else {
            d.error(text.location, "'\(key)' in \(context) must be an e-mail address (e.g. name@example.org), found '\(text.value)'")
            return nil
        }
        return text.value
    }

    /// Each item of a list read as a mapping, with a context naming its position.
    func objects(_ key: String, required: Bool = false, itemName: String, _ d: inout Diagnostics) -> [YAMLObject] {
        guard let items = list(key, required: required, &d) else { return [] }
        return items.enumerated().compactMap { index, item in
            let idHint = (item.node.mapping?["id"]?.string).map { " '\($0)'" } ?? " #\(index + 1)"
            return YAMLObject(item, context: "\(itemName)\(idHint)", &d)
        }
    }
}
