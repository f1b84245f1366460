@testable import GoLiveCore

// An independent checker of a training plan against its problem. It shares no code with
// the scheduler on purpose: it restates each rule from the brief and lists every
// violation in words, so a failing test says what broke.

/// Every rule the plan breaks; empty when the plan is valid.
func verify(_ problem: TrainingProblem, _ plan: TrainingPlan) -> [String] {
    var problems: [String] = []
    let modules = Dictionary(problem.modules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let trainers = Dictionary(problem.trainers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let rooms = Dictionary(problem.rooms.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let cal = problem.calendar

    func demand(of s: ScheduledSession) -> TrainingDemand? {
        problem.demands.first { $0.audienceID == s.audienceID && $0.site == s.site }
    }

    for s in plan.sessions {
        let tag = "\(s.audienceID)/\(s.moduleID) #\(s.number)"
        guard let d = demand(of: s) else { problems.append("\(tag): no demand for this audience and site"); continue }
        guard let m = modules[s.moduleID] else { problems.append("\(tag): unknown module"); continue }
        if !d.modules.contains(s.moduleID) { problems.append("\(tag): module not requested by the audience") }
        if s.format != m.format { problems.append("\(tag): format \(s.format) but module is \(m.format)") }
        if m.format == .elearning {
            if s.date != nil || s.start != nil || s.end != nil || s.roomID != nil || s.trainerID != nil {
                problems.append("\(tag): e-learning must have no slot, room or trainer")
            }
            if s.seats != d.headcount || s.number != 1 || s.of != 1 { problems.append("\(tag): e-learning must be 1 of 1 for the whole headcount") }
            continue
        }
        guard let date = s.date, let start = s.start, let end = s.end else {
            problems.append("\(tag): timed session without date or time"); continue
        }
        if !cal.workingDays.contains(date.weekday) { problems.append("\(tag): \(date) is not a working day") }
        if cal.holidays.contains(date) { problems.append("\(tag): \(date) is a holiday") }
        if date < d.windowFrom || date > d.windowTo { problems.append("\(tag): \(date) is outside the window \(d.windowFrom)…\(d.windowTo)") }
        if start < cal.dayStart || end > cal.dayEnd { problems.append("\(tag): \(start)–\(end) is outside working hours") }
        if end.minutes - start.minutes != m.durationMinutes { problems.append("\(tag): lasts \(end.minutes - start.minutes) min, module lasts \(m.durationMinutes)") }
        if s.seats < 1 || s.seats > m.capacity { problems.append("\(tag): \(s.seats) seats, module capacity \(m.capacity)") }
        guard let tid = s.trainerID, let t = trainers[tid] else { problems.append("\(tag): no known trainer"); continue }
        if !t.modules.contains(m.id) { problems.append("\(tag): \(tid) is not qualified") }
        if !t.languages.contains(d.language) { problems.append("\(tag): \(tid) does not speak \(d.language)") }
        if t.unavailable.contains(date) { problems.append("\(tag): \(tid) is unavailable on \(date)") }
        switch m.format {
        case .classroom:
            if !t.sites.contains(d.site) { problems.append("\(tag): \(tid) does not teach at \(d.site)") }
            guard let rid = s.roomID, let r = rooms[rid] else { problems.append("\(tag): classroom without a known room"); continue }
            if r.site != d.site { problems.append("\(tag): room \(rid) is at \(r.site), not \(d.site)") }
            if r.capacity < s.seats { problems.append("\(tag): room \(rid) seats \(r.capacity) < \(s.seats)") }
        case .remote:
            if s.roomID != nil { problems.append("\(tag): remote session with a room") }
        case .elearning:
            break
        }
    }

    problems += overlaps(plan.sessions, by: \.trainerID, what: "trainer")
    problems += overlaps(plan.sessions, by: \.roomID, what: "room")

    for d in problem.demands {
        let mine = plan.sessions.filter { $0.audienceID == d.audienceID && $0.site == d.site }
        if d.headcount <= 0 {
            if !mine.isEmpty { problems.append("\(d.audienceID): headcount 0 but \(mine.count) sessions") }
            continue
        }
        var firstEnds: [(String, Int)] = []
        for id in d.modules where !firstEnds.contains(where: { $0.0 == id }) {
            let list = mine.filter { $0.moduleID == id }.sorted { $0.number < $1.number }
            guard let m = modules[id] else { continue }
            if list.isEmpty { problems.append("\(d.audienceID)/\(id): no session"); continue }
            let total = list.reduce(0) { $0 + $1.seats }
            if total != d.headcount { problems.append("\(d.audienceID)/\(id): \(total) seats for headcount \(d.headcount)") }
            if list.map(\.number) != Array(1...list.count) || list.contains(where: { $0.of != list.count }) {
                problems.append("\(d.audienceID)/\(id): numbering is not 1…\(list.count) of \(list.count)")
            }
            if zip(list, list.dropFirst()).contains(where: { $0.seats < $1.seats }) || (list.map(\.seats).max() ?? 0) - (list.map(\.seats).min() ?? 0) > 1 {
                problems.append("\(d.audienceID)/\(id): seats not spread evenly, larger first: \(list.map(\.seats))")
            }
            if m.format != .elearning {
                let siteRooms = problem.rooms.filter { $0.site == d.site }.map(\.capacity)
                let size = m.format == .classroom ? min(m.capacity, siteRooms.max() ?? 0) : m.capacity
                let expected = size > 0 ? (d.headcount + size - 1) / size : -1
                if list.count != expected { problems.append("\(d.audienceID)/\(id): \(list.count) sessions, the least that seats everyone is \(expected)") }
                let starts = list.compactMap { s in s.date.flatMap { dt in s.start.map { dt.dayNumber * 1440 + $0.minutes } } }
                let earliest = starts.min() ?? 0
                for (before, end) in firstEnds where earliest < end {
                    problems.append("\(d.audienceID)/\(id): starts before the first '\(before)' session ends")
                }
                let ends = list.compactMap { s in s.date.flatMap { dt in s.end.map { dt.dayNumber * 1440 + $0.minutes } } }
                firstEnds.append((id, ends.min() ?? 0))
            } else {
                firstEnds.append((id, Int.min))
            }
        }
    }
    return problems
}

/// Pairs of sessions sharing a trainer or room whose times overlap.
private func overlaps(_ sessions: [ScheduledSession], by key: KeyPath<ScheduledSession, String?>, what: String) -> [String] {
    var byKeyDay: [String: [ScheduledSession]] = [:]
    for s in sessions {
        guard let k = s[keyPath: key], let date = s.date else { continue }
        byKeyDay["\(k) \(date)", default: []].append(s)
    }
    var out: [String] = []
    for (k, list) in byKeyDay.sorted(by: { $0.key < $1.key }) {
        for (i, a) in list.enumerated() {
            for b in list[(i + 1)...] {
                guard let as_ = a.start, let ae = a.end, let bs = b.start, let be = b.end else { continue }
                if as_ < be && bs < ae {
                    out.append("\(what) \(k): \(a.audienceID)/\(a.moduleID) \(as_)–\(ae) overlaps \(b.audienceID)/\(b.moduleID) \(bs)–\(be)")
                }
            }
        }
    }
    return out
}
