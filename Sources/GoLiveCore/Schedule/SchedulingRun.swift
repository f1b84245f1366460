/// The mutable state of one scheduling pass: occupancy per trainer and room, trainer
/// load, and what has been placed or reported so far.
struct SchedulingRun {
    let calendar: WorkCalendar
    let resources: SchedulingResources
    var trainerBusy: OccupancyIndex
    var roomBusy: OccupancyIndex
    /// Minutes taught so far per trainer, to spread work across equally good trainers.
    var trainerLoad: [Int]
    var windowCache: [ClosedRange<Int>: [Int]] = [:]
    var sessions: [ScheduledSession] = []
    var shortfalls: [TrainingShortfall] = []
    var notes: [TrainingNote] = []

    /// The end of the first session of an earlier module: later modules start after it.
    struct Predecessor {
        let moduleID: String
        let date: CivilDate
        let end: TimeOfDay
        var absolute: Int { date.dayNumber * 1440 + end.minutes }
    }

    /// Everything fixed about one module of one demand while its sessions are placed.
    struct Task {
        let demand: TrainingDemand
        let module: ModuleSpec
        let candidates: [Int]                     // trainer indexes, by id
        let rooms: [SchedulingResources.Room]     // on the demand's site; empty for remote
        let windowDays: [Int]                     // working day numbers of the window
        let slotStarts: [Int]                     // minutes since midnight
        let predecessor: Predecessor?
        var isClassroom: Bool { module.format == .classroom }
        var notBefore: Int { predecessor?.absolute ?? Int.min }
    }

    init(_ p: TrainingProblem) {
        calendar = p.calendar
        resources = SchedulingResources(p)
        trainerBusy = OccupancyIndex(resources: resources.trainers.count)
        roomBusy = OccupancyIndex(resources: resources.roomCount)
        trainerLoad = Array(repeating: 0, count: resources.trainers.count)
    }

    mutating func schedule(_ demand: TrainingDemand) {
        guard demand.headcount > 0 else { return }
        var seen = Set<String>()
        var predecessor: Predecessor?
        for moduleID in demand.modules {
            guard seen.insert(moduleID).inserted else {
                notes.append(TrainingNote(audienceID: demand.audienceID, moduleID: moduleID,
                                          message: "'\(moduleID)' is listed twice for \(demand.audienceID); it is scheduled once"))
                continue
            }
            guard let module = resources.modules[moduleID] else {
                shortfalls.append(shortfall(demand, moduleID: moduleID, needed: 1, placed: 0,
                    blocking: ["module '\(moduleID)' is not defined in the training modules"],
                    suggestion: "add module '\(moduleID)' to training.modules, or remove it from audience \(demand.audienceID)"))
                continue
            }
            if module.format == .elearning {
                sessions.append(ScheduledSession(
                    audienceID: demand.audienceID, moduleID: module.id, format: .elearning, site: demand.site,
                    date: nil, start: nil, end: nil, roomID: nil, trainerID: nil,
                    seats: demand.headcount, number: 1, of: 1))
                continue
            }
            if let first = placeTimed(demand, module, after: predecessor),
               first.absolute > predecessor?.absolute ?? Int.min {
                predecessor = first
            }
        }
    }

    /// Places every session of a classroom or remote module; returns the end of its first session.
    private mutating func placeTimed(_ demand: TrainingDemand, _ module: ModuleSpec, after predecessor: Predecessor?) -> Predecessor? {
        let task = makeTask(demand, module, predecessor)
        let maxRoom = task.rooms.last
        let size = task.isClassroom ? min(module.capacity, maxRoom?.capacity ?? module.capacity) : module.capacity
        let needed = size > 0 ? ScheduleWording.ceilDiv(demand.headcount, size) : 1

        let blockers = staticBlockers(task, needed: needed)
        if !blockers.isEmpty {
            shortfalls.append(shortfall(demand, moduleID: module.id, needed: needed, placed: 0,
                                        blocking: blockers.map(\.reason),
                                        suggestion: Self.joinSuggestions(blockers.map(\.suggestion))))
            return nil
        }
        if task.isClassroom, let maxRoom, maxRoom.capacity < module.capacity {
            notes.append(TrainingNote(audienceID: demand.audienceID, moduleID: module.id,
                message: "sessions of '\(module.id)' hold at most \(maxRoom.capacity) trainees: the largest room at \(demand.site) (\(maxRoom.id)) seats \(maxRoom.capacity) while the module allows \(module.capacity)"))
        }

        // Larger sessions first; sizes differ by at most one trainee: the first `extra`
        // sessions seat `base + 1`.
        let base = demand.headcount / needed, extra = demand.headcount % needed

        var cursor = firstCursor(task)
        var placed: [ScheduledSession] = []
        var unplaced = 0, unplacedSeats = 0
        var i = 0
        while i < needed {
            let seatCount = base + (i < extra ? 1 : 0)
            guard let found = findSlot(task, seats: seatCount, from: cursor) else {
                // Nothing larger can fit either, so skip every session of this size at once;
                // this keeps a huge headcount from looping session by session.
                let sameSize = i < extra ? extra - i : needed - i
                unplaced += sameSize
                unplacedSeats = max(unplacedSeats, seatCount)
                i += sameSize
                continue
            }
            cursor = (found.dayIndex, found.slotIndex)
            placed.append(book(task, found, seats: seatCount, number: placed.count + 1, of: needed))
            i += 1
        }
        sessions.append(contentsOf: placed)

        if unplaced > 0 {
            shortfalls.append(diagnose(task, needed: needed, placed: placed.count, unplaced: unplaced, seats: unplacedSeats))
        } else if let last = placed.last?.date, !task.windowDays.contains(where: { $0 > last.dayNumber }) {
            notes.append(TrainingNote(audienceID: demand.audienceID, moduleID: module.id,
                message: "tight spot: the last '\(module.id)' session for \(demand.audienceID) at \(demand.site) is on \(last), the last working day of the window (\(demand.windowFrom) to \(demand.windowTo)); no slack is left if a session has to move"))
        }
        guard let first = placed.first, let date = first.date, let end = first.end else { return nil }
        return Predecessor(moduleID: module.id, date: date, end: end)
    }

    private mutating func makeTask(_ demand: TrainingDemand, _ module: ModuleSpec, _ predecessor: Predecessor?) -> Task {
        let classroom = module.format == .classroom
        let candidates = resources.trainers.indices.filter { i in
            let t = resources.trainers[i]
            return t.modules.contains(module.id) && t.languages.contains(demand.language)
                && (!classroom || t.sites.contains(demand.site))
        }
        return Task(demand: demand, module: module, candidates: candidates,
                    rooms: classroom ? resources.roomsBySite[demand.site] ?? [] : [],
                    windowDays: windowDays(demand.windowFrom, demand.windowTo),
                    slotStarts: slotStarts(module.durationMinutes), predecessor: predecessor)
    }

    /// Working day numbers of a window, cached because many audiences share a wave's window.
    mutating func windowDays(_ from: CivilDate, _ to: CivilDate) -> [Int] {
        guard from <= to else { return [] }
        let key = from.dayNumber...to.dayNumber
        if let cached = windowCache[key] { return cached }
        let days = calendar.workingDays(from: from, to: to).map(\.dayNumber)
        windowCache[key] = days
        return days
    }

    /// Slots are packed from the start of the day in steps of the module's duration;
    /// none crosses the end of the day.
    func slotStarts(_ duration: Int) -> [Int] {
        guard duration > 0 else { return [] }
        return Array(stride(from: calendar.dayStart.minutes, through: calendar.dayEnd.minutes - duration, by: duration))
    }

    /// The first window day the module may use, given the ordering constraint.
    private func firstCursor(_ task: Task) -> (Int, Int) {
        guard let p = task.predecessor else { return (0, 0) }
        let day = p.date.dayNumber
        return (task.windowDays.firstIndex { $0 >= day } ?? task.windowDays.count, 0)
    }

    struct Placement {
        let dayIndex: Int
        let slotIndex: Int
        let trainer: Int
        let room: SchedulingResources.Room?
    }

    /// Earliest day and slot, from `cursor` on, with a free qualified trainer and, for
    /// classroom, a free room on site seating `seats`.
    private func findSlot(_ task: Task, seats: Int, from cursor: (Int, Int)) -> Placement? {
        let duration = task.module.durationMinutes
        var slotFrom = cursor.1
        for dayIndex in cursor.0..<task.windowDays.count {
            defer { slotFrom = 0 }
            let day = task.windowDays[dayIndex]
            for slotIndex in slotFrom..<task.slotStarts.count {
                let start = task.slotStarts[slotIndex]
                guard day * 1440 + start >= task.notBefore else { continue }
                guard let trainer = freeTrainer(task, day: day, start: start, end: start + duration) else { continue }
                if !task.isClassroom {
                    return Placement(dayIndex: dayIndex, slotIndex: slotIndex, trainer: trainer, room: nil)
                }
                if let room = freeRoom(task, seats: seats, day: day, start: start, end: start + duration) {
                    return Placement(dayIndex: dayIndex, slotIndex: slotIndex, trainer: trainer, room: room)
                }
            }
        }
        return nil
    }

    /// The least loaded free candidate; ties go to the smallest id.
    func freeTrainer(_ task: Task, day: Int, start: Int, end: Int) -> Int? {
        var best: Int?
        for i in task.candidates where !resources.trainers[i].unavailable.contains(day)
            && trainerBusy.isFree(i, day: day, start: start, end: end) {
            if best.map({ trainerLoad[i] < trainerLoad[$0] }) ?? true { best = i }
        }
        return best
    }

    /// The smallest free room that seats everyone, so large rooms stay free for large groups.
    func freeRoom(_ task: Task, seats: Int, day: Int, start: Int, end: Int) -> SchedulingResources.Room? {
        task.rooms.first { $0.capacity >= seats && roomBusy.isFree($0.index, day: day, start: start, end: end) }
    }

    private mutating func book(_ task: Task, _ p: Placement, seats: Int, number: Int, of: Int) -> ScheduledSession {
        let day = task.windowDays[p.dayIndex]
        let start = task.slotStarts[p.slotIndex], end = start + task.module.durationMinutes
        trainerBusy.book(p.trainer, day: day, start: start, end: end)
        trainerLoad[p.trainer] += task.module.durationMinutes
        if let room = p.room { roomBusy.book(room.index, day: day, start: start, end: end) }
        return ScheduledSession(
            audienceID: task.demand.audienceID, moduleID: task.module.id, format: task.module.format,
            site: task.demand.site, date: CivilDate(dayNumber: day),
            start: TimeOfDay(minutes: start), end: TimeOfDay(minutes: end),
            roomID: p.room?.id, trainerID: resources.trainers[p.trainer].id,
            seats: seats, number: number, of: of)
    }

    func shortfall(_ d: TrainingDemand, moduleID: String, needed: Int, placed: Int,
                   blocking: [String], suggestion: String) -> TrainingShortfall {
        TrainingShortfall(audienceID: d.audienceID, moduleID: moduleID, site: d.site,
                          windowFrom: d.windowFrom, windowTo: d.windowTo,
                          sessionsNeeded: needed, sessionsPlaced: placed,
                          blocking: blocking, suggestion: suggestion)
    }

    /// Distinct suggestions in order, joined into one sentence-like string.
    static func joinSuggestions(_ items: [String]) -> String {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }.joined(separator: "; ")
    }
}
