/// The `training:` block.
extension PlanReader {
    static let weekdays = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]

    mutating func readTraining(_ o: YAMLObject) -> Training? {
        o.checkKeys(["modules", "trainers", "rooms", "calendar", "window"], &d)
        var seenModules: [String: SourceLocation] = [:]
        let modules: [TrainingModule] = o.objects("modules", itemName: "training module", &d).compactMap { m in
            m.checkKeys(["id", "title", "duration", "format", "capacity", "summary"], &d)
            let id = m.id(kind: "training module", seen: &seenModules, &d)
            let title = m.string("title", &d)
            let duration = m.duration("duration", required: true, &d)
            let format = m.choice("format", TrainingModule.Format.self, required: true, &d)
            let capacity = m.int("capacity", required: format?.value != .elearning, min: 1, &d)
            guard let id, let duration, let format else { return nil }
            return TrainingModule(id: id, title: title?.value ?? id, durationMinutes: duration, format: format.value,
                                  capacity: capacity?.value ?? Int.max, summary: m.string("summary", &d)?.value,
                                  location: m.location)
        }
        knownModuleIDs = seenModules.sorted { $0.value < $1.value }.map(\.key)
        var seenTrainers: [String: SourceLocation] = [:]
        let trainers: [Trainer] = o.objects("trainers", itemName: "trainer", &d).compactMap { t in
            t.checkKeys(["id", "name", "modules", "languages", "sites", "unavailable"], &d)
            let id = t.id(kind: "trainer", seen: &seenTrainers, &d)
            let name = t.string("name", &d)
            let modules = t.idRefs("modules", &d)
            let languages = t.strings("languages", &d).compactMap { YAMLObject.choice($0, Language.self, what: "trainer language", &d)?.value }
            let sites = t.strings("sites", &d).map(\.value)
            let unavailable = t.strings("unavailable", &d).compactMap { YAMLObject.date($0, what: "each date of 'unavailable'", &d) }
            guard let id else { return nil }
            return Trainer(id: id, name: name?.value ?? id, modules: modules, languages: languages,
                           sites: sites, unavailable: unavailable, location: t.location)
        }
        var seenRooms: [String: SourceLocation] = [:]
        let rooms: [Room] = o.objects("rooms", itemName: "room", &d).compactMap { r in
            r.checkKeys(["id", "site", "capacity"], &d)
            let id = r.id(kind: "room", seen: &seenRooms, &d)
            let site = r.string("site", required: true, &d)
            let capacity = r.int("capacity", required: true, min: 1, &d)
            guard let id, let site, let capacity else { return nil }
            return Room(id: id, site: site.value, capacity: capacity.value, location: r.location)
        }
        var calendar = TrainingCalendar.standard
        if let c = o.object("calendar", context: "'calendar' in training", &d) {
            c.checkKeys(["working_days", "hours", "holidays"], &d)
            if c.has("working_days") {
                let days = c.strings("working_days", &d).compactMap { text -> Int? in
                    if let n = Self.weekdays[text.value.lowercased()] { return n }
                    d.error(text.location, "working day '\(text.value)' must be one of mon, tue, wed, thu, fri, sat, sun")
                    return nil
                }
                calendar.workingDays = Set(days)
            }
            if let hours = c.window("hours", &d) {
                if hours.end <= hours.start, let location = c["hours"]?.location {
                    d.error(location, "training hours must end after they start, found \(hours.start)–\(hours.end)")
                } else {
                    calendar.start = hours.start
                    calendar.end = hours.end
                }
            }
            calendar.holidays = Set(c.strings("holidays", &d).compactMap { YAMLObject.date($0, what: "each holiday", &d) })
        }
        var from = DayRef.relative(-21)
        var to = DayRef.relative(-2)
        if let w = o.object("window", context: "'window' in training", &d) {
            w.checkKeys(["from", "to"], &d)
            from = w.day("from", required: true, &d) ?? from
            to = w.day("to", required: true, &d) ?? to
            if case .relative(let a) = from, case .relative(let b) = to, a > b {
                d.error(w.location, "the training window starts (\(from)) after it ends (\(to))")
            }
        }
        return Training(modules: modules, trainers: trainers, rooms: rooms, calendar: calendar,
                        windowFrom: from, windowTo: to, location: o.location)
    }
}
