/// Turns a failed placement into reasons a planner can act on. Runs only on failure, so
/// it may rescan the window slot by slot.
extension SchedulingRun {
    struct Blocker {
        let reason: String
        let suggestion: String
    }

    /// Problems visible before placing anything: each alone makes the module impossible.
    func staticBlockers(_ task: Task, needed: Int) -> [Blocker] {
        let d = task.demand, m = task.module
        var out: [Blocker] = []
        if m.capacity <= 0 {
            out.append(Blocker(reason: "module '\(m.id)' has a capacity of \(m.capacity) trainees per session",
                               suggestion: "raise module capacity of '\(m.id)' to at least 1"))
        }
        let dayLength = calendar.dayLength
        if dayLength == 0 {
            out.append(Blocker(reason: "the working hours \(calendar.dayStart)–\(calendar.dayEnd) leave no time in the day",
                               suggestion: "set working hours whose end is after their start"))
        } else if m.durationMinutes <= 0 {
            out.append(Blocker(reason: "module '\(m.id)' has no duration",
                               suggestion: "give module '\(m.id)' a duration"))
        } else if m.durationMinutes > dayLength {
            out.append(Blocker(
                reason: "'\(m.id)' lasts \(ScheduleWording.duration(m.durationMinutes)) but the working day (\(calendar.dayStart)–\(calendar.dayEnd)) lasts \(ScheduleWording.duration(dayLength))",
                suggestion: "shorten '\(m.id)' to at most \(ScheduleWording.duration(dayLength)) or lengthen the working hours"))
        }
        if let trainerBlocker = trainerBlocker(task) { out.append(trainerBlocker) }
        if task.isClassroom && task.rooms.isEmpty {
            out.append(Blocker(reason: "no room on site \(d.site)",
                               suggestion: "add a room at \(d.site) seating \(max(1, m.capacity)), or make '\(m.id)' a remote module"))
        }
        if task.windowDays.isEmpty {
            if d.windowTo < d.windowFrom {
                out.append(Blocker(reason: "the training window ends (\(d.windowTo)) before it starts (\(d.windowFrom))",
                                   suggestion: "fix the training window so it ends after it starts"))
            } else {
                let days = ScheduleWording.ceilDiv(needed, max(1, perDayCapacity(task)))
                out.append(Blocker(reason: "the window from \(d.windowFrom) to \(d.windowTo) has no working day",
                                   suggestion: "widen the training window by \(ScheduleWording.count(days, "working day"))"))
            }
        }
        return out
    }

    private func trainerBlocker(_ task: Task) -> Blocker? {
        guard task.candidates.isEmpty else { return nil }
        let d = task.demand, m = task.module
        let wanted = trainerWanted(task)
        let qualified = resources.trainers.filter { $0.modules.contains(m.id) }
        if qualified.isEmpty {
            return Blocker(reason: "no trainer is qualified for '\(m.id)'", suggestion: "add \(wanted)")
        }
        let speaking = qualified.filter { $0.languages.contains(d.language) }
        if speaking.isEmpty {
            return Blocker(reason: "no trainer qualified for '\(m.id)' speaks \(d.language.rawValue)",
                           suggestion: "add \(wanted)")
        }
        let ids = ScheduleWording.list(speaking.map(\.id))
        return Blocker(reason: "no trainer qualified for '\(m.id)' speaking \(d.language.rawValue) teaches at \(d.site) (qualified: \(ids))",
                       suggestion: "add \(d.site) to the sites of \(ids), or add \(wanted)")
    }

    /// "a trainer for 'advanced' speaking en at Lyon" (no site for remote modules).
    func trainerWanted(_ task: Task) -> String {
        "a trainer for '\(task.module.id)' speaking \(task.demand.language.rawValue)"
            + (task.isClassroom ? " at \(task.demand.site)" : "")
    }

    /// A rough count of sessions one working day can hold for this module, used to say
    /// how many days to add.
    func perDayCapacity(_ task: Task) -> Int {
        let parallel = task.isClassroom ? min(task.candidates.count, task.rooms.count) : task.candidates.count
        return max(1, task.slotStarts.count * max(1, parallel))
    }

    private enum Cause { case unavailable, trainersAndRooms, trainers, rooms, noMatchingSlot, ordering }

    /// Why some sessions found no slot once everything else was placed.
    func diagnose(_ task: Task, needed: Int, placed: Int, unplaced: Int, seats: Int) -> TrainingShortfall {
        let d = task.demand, m = task.module
        let window = "\(d.windowFrom) to \(d.windowTo)"
        var reasons = ["only \(placed) of \(needed) '\(m.id)' sessions fit in the window \(window) (\(ScheduleWording.count(task.windowDays.count, "working day")))"]

        let usable = task.windowDays.filter { $0 * 1440 + (task.slotStarts.last ?? 0) >= task.notBefore }
        if let p = task.predecessor, usable.count < task.windowDays.count {
            reasons.append("'\(m.id)' must start after the first '\(p.moduleID)' session ends (\(p.date) \(p.end)), which leaves \(ScheduleWording.count(usable.count, "working day")) of the window")
        }

        let windowSet = Set(task.windowDays)
        for i in task.candidates {
            let t = resources.trainers[i]
            let off = t.unavailableDates.filter { windowSet.contains($0.dayNumber) }
            if !off.isEmpty {
                reasons.append("trainer \(t.id) is unavailable on \(ScheduleWording.list(off.map(\.description), limit: 10))")
            }
        }

        var anyAvailable = false, slots = 0, noTrainer = 0, noRoom = 0
        for day in usable {
            if task.candidates.contains(where: { !resources.trainers[$0].unavailable.contains(day) }) { anyAvailable = true }
            for start in task.slotStarts where day * 1440 + start >= task.notBefore {
                let end = start + m.durationMinutes
                slots += 1
                if freeTrainer(task, day: day, start: start, end: end) == nil { noTrainer += 1 }
                if task.isClassroom && freeRoom(task, seats: seats, day: day, start: start, end: end) == nil { noRoom += 1 }
            }
        }

        let trainerIDs = ScheduleWording.list(task.candidates.map { resources.trainers[$0].id })
        let cause: Cause
        if usable.isEmpty || slots == 0 {
            cause = .ordering
        } else if !anyAvailable {
            cause = .unavailable
            reasons.append("every trainer for '\(m.id)' speaking \(d.language.rawValue)\(task.isClassroom ? " at \(d.site)" : "") (\(trainerIDs)) is unavailable on every working day of the window")
        } else if noTrainer == slots && task.isClassroom && noRoom == slots {
            cause = .trainersAndRooms
            reasons.append("trainers for '\(m.id)' speaking \(d.language.rawValue) at \(d.site) (\(trainerIDs)) are fully booked on every working day of the window")
            reasons.append("rooms on site \(d.site) are full on every working day of the window")
        } else if noTrainer == slots {
            cause = .trainers
            reasons.append("trainers for '\(m.id)' speaking \(d.language.rawValue)\(task.isClassroom ? " at \(d.site)" : "") (\(trainerIDs)) are fully booked on every working day of the window")
        } else if task.isClassroom && noRoom == slots {
            cause = .rooms
            reasons.append("rooms on site \(d.site) are full on every working day of the window")
        } else {
            cause = .noMatchingSlot
            reasons.append("no slot in the window has a free trainer and a free room at \(d.site) at the same time")
        }

        var roomHint: String?
        if task.isClassroom, let largest = task.rooms.last, largest.capacity < m.capacity {
            let uncapped = ScheduleWording.ceilDiv(d.headcount, m.capacity)
            reasons.append("no room on site \(d.site) seats \(m.capacity) (the largest, \(largest.id), seats \(largest.capacity)), so \(needed) sessions are needed instead of \(uncapped)")
            roomHint = "book a room seating \(m.capacity) at \(d.site)"
        }

        let extraDays = ScheduleWording.count(ScheduleWording.ceilDiv(unplaced, perDayCapacity(task)), "working day")
        let widen = "widen the training window by \(extraDays)"
        var suggestion: String
        switch cause {
        case .unavailable:
            let days = ScheduleWording.count(ScheduleWording.ceilDiv(unplaced, max(1, task.slotStarts.count)), "working day")
            suggestion = "add \(trainerWanted(task)), or make \(trainerIDs) available on at least \(days) of the window"
        case .trainers:
            suggestion = "add \(trainerWanted(task)), or \(widen)"
        case .rooms:
            suggestion = "add a room at \(d.site) seating \(min(m.capacity, task.rooms.last?.capacity ?? m.capacity)), or \(widen)"
        case .trainersAndRooms:
            suggestion = "\(widen), or add both \(trainerWanted(task)) and a room at \(d.site)"
        case .noMatchingSlot:
            suggestion = widen
        case .ordering:
            suggestion = "\(widen), or schedule '\(task.predecessor?.moduleID ?? m.id)' earlier in the window"
        }
        if let roomHint { suggestion += ", or \(roomHint)" }

        return shortfall(d, moduleID: m.id, needed: needed, placed: placed, blocking: reasons, suggestion: suggestion)
    }
}
