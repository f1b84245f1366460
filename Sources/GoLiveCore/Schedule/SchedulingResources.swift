/// The trainers, rooms and modules of a problem, deduplicated by id and sorted so that
/// nothing depends on input order or on `Set` iteration.
struct SchedulingResources: Sendable {
    struct Trainer: Sendable {
        let id: String
        let modules: Set<String>
        let languages: Set<Language>
        let sites: Set<String>
        let unavailable: Set<Int>          // day numbers
        let unavailableDates: [CivilDate]  // sorted, for messages
    }

    struct Room: Sendable {
        let index: Int
        let id: String
        let capacity: Int
    }

    let modules: [String: ModuleSpec]
    let trainers: [Trainer]               // sorted by id; position is the occupancy index
    let roomsBySite: [String: [Room]]     // smallest first, then by id
    let roomCount: Int

    init(_ p: TrainingProblem) {
        var modules: [String: ModuleSpec] = [:]
        for m in p.modules.sorted(by: Self.moduleOrder) where modules[m.id] == nil {
            modules[m.id] = m
        }
        self.modules = modules

        var seenTrainers = Set<String>()
        trainers = p.trainers.sorted(by: Self.trainerOrder).compactMap { t in
            guard seenTrainers.insert(t.id).inserted else { return nil }
            let dates = t.unavailable.sorted()
            return Trainer(id: t.id, modules: Set(t.modules), languages: Set(t.languages),
                           sites: Set(t.sites), unavailable: Set(dates.map(\.dayNumber)),
                           unavailableDates: dates)
        }

        // A room that seats nobody can host nothing: leaving it out gives the clearer
        // "no room on site" message.
        var seenRooms = Set<String>()
        var bySite: [String: [Room]] = [:]
        var index = 0
        for r in p.rooms.sorted(by: Self.roomOrder) where r.capacity > 0 && seenRooms.insert(r.id).inserted {
            bySite[r.site, default: []].append(Room(index: index, id: r.id, capacity: r.capacity))
            index += 1
        }
        roomsBySite = bySite.mapValues { rooms in
            rooms.sorted { ($0.capacity, $0.id) < ($1.capacity, $1.id) }
        }
        roomCount = index
    }

    private static func moduleOrder(_ a: ModuleSpec, _ b: ModuleSpec) -> Bool {
        (a.id, a.durationMinutes, a.format.rawValue, a.capacity) < (b.id, b.durationMinutes, b.format.rawValue, b.capacity)
    }

    private static func roomOrder(_ a: RoomSpec, _ b: RoomSpec) -> Bool {
        (a.id, a.site, a.capacity) < (b.id, b.site, b.capacity)
    }

    private static func trainerOrder(_ a: TrainerSpec, _ b: TrainerSpec) -> Bool {
        if a.id != b.id { return a.id < b.id }
        return trainerKey(a) < trainerKey(b)
    }

    /// Only used to break ties between trainers sharing an id.
    private static func trainerKey(_ t: TrainerSpec) -> String {
        [t.modules.joined(separator: ","), t.languages.map(\.rawValue).joined(separator: ","),
         t.sites.joined(separator: ","), t.unavailable.sorted().map(\.description).joined(separator: ",")]
            .joined(separator: "|")
    }
}
