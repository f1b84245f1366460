extension TrainingProblem {
    /// A generated problem for benchmarks and tests: `audiences` demands spread over
    /// `waves` waves five weeks apart, on sites of about 25 audiences each, with trainers
    /// and rooms provisioned from the load so that it is feasible by construction.
    /// The same arguments always give the same problem.
    public static func synthetic(audiences: Int, waves: Int, seed: UInt64) -> TrainingProblem {
        var rng = TrainingRandom(seed: seed)
        let audienceCount = max(0, audiences), waveCount = max(1, waves)
        let siteCount = max(1, (audienceCount + 24) / 25)
        let modules = [
            ModuleSpec(id: "basics", durationMinutes: 45, format: .elearning, capacity: 500),
            ModuleSpec(id: "essentials", durationMinutes: 120, format: .classroom, capacity: 12),
            ModuleSpec(id: "advanced", durationMinutes: 180, format: .classroom, capacity: 10),
            ModuleSpec(id: "reporting", durationMinutes: 90, format: .remote, capacity: 16),
        ]
        let orders = [["basics", "essentials", "advanced"], ["essentials", "advanced", "reporting"],
                      ["essentials", "reporting", "advanced"], ["basics", "essentials", "reporting"]]
        // Friday 2027-03-19 is the first wave; one holiday falls in each window.
        let firstWave = CivilDate(year: 2027, month: 3, day: 19) ?? CivilDate(dayNumber: 20_896)
        var holidays = Set<CivilDate>()
        var windows: [(from: CivilDate, to: CivilDate)] = []
        for w in 0..<waveCount {
            let j = firstWave.adding(days: 35 * w)
            windows.append((j.adding(days: -21), j.adding(days: -2)))
            holidays.insert(j.adding(days: -11))
        }
        // Constant, valid clock times (09:00 and 17:30), not data.
        let calendar = WorkCalendar(workingDays: [1, 2, 3, 4, 5], dayStart: TimeOfDay(minutes: 540)!,
                                    dayEnd: TimeOfDay(minutes: 1050)!, holidays: holidays)

        let sites = (0..<siteCount).map { String(format: "Site-%03d", $0 + 1) }
        let siteLanguage = sites.map { _ in rng.int(in: 0...2) == 0 ? Language.en : .fr }
        var demands: [TrainingDemand] = []
        // Sessions per (site, wave) and per (site, language, wave), to size rooms and trainers.
        var roomLoad = [[Int]](repeating: [Int](repeating: 0, count: waveCount), count: siteCount)
        var trainerLoad: [String: [Int]] = [:]
        for a in 0..<audienceCount {
            let wave = a % waveCount, site = rng.int(in: 0...(siteCount - 1))
            let language = rng.int(in: 0...4) == 0 ? (siteLanguage[site] == .fr ? Language.en : .fr) : siteLanguage[site]
            let headcount = rng.int(in: 5...60)
            let order = orders[rng.int(in: 0...(orders.count - 1))]
            demands.append(TrainingDemand(
                audienceID: String(format: "aud-%04d", a + 1), language: language, site: sites[site],
                headcount: headcount, modules: order, windowFrom: windows[wave].from, windowTo: windows[wave].to))
            for id in order {
                guard let m = modules.first(where: { $0.id == id }), m.format != .elearning else { continue }
                let count = (headcount + m.capacity - 1) / m.capacity
                if m.format == .classroom { roomLoad[site][wave] += count }
                trainerLoad["\(site)|\(language.rawValue)", default: Array(repeating: 0, count: waveCount)][wave] += count
            }
        }

        // Working days per window, minus two for trainer days off; a room or trainer is
        // counted for only two sessions a day, well under what a day holds.
        let workingDays = windows.map { calendar.workingDays(from: $0.from, to: $0.to).count }
        let minDays = max(1, (workingDays.min() ?? 1) - 2)
        var rooms: [RoomSpec] = []
        var trainers: [TrainerSpec] = []
        for (s, site) in sites.enumerated() {
            let roomsNeeded = ((roomLoad[s].max() ?? 0) + 2 * minDays - 1) / (2 * minDays) + 1
            for r in 0..<roomsNeeded {
                rooms.append(RoomSpec(id: "\(site.lowercased())-r\(r + 1)", site: site, capacity: 12 + rng.int(in: 0...4)))
            }
            for language in Language.allCases {
                guard let load = trainerLoad["\(s)|\(language.rawValue)"]?.max() else { continue }
                for t in 0..<((load + 2 * minDays - 1) / (2 * minDays) + 1) {
                    let off = (0..<2).map { _ -> CivilDate in
                        let w = windows[rng.int(in: 0...(waveCount - 1))]
                        return w.from.adding(days: rng.int(in: 0...w.from.days(until: w.to)))
                    }
                    trainers.append(TrainerSpec(
                        id: "t-\(site.lowercased())-\(language.rawValue)-\(t + 1)",
                        modules: ["essentials", "advanced", "reporting"], languages: [language],
                        sites: [site], unavailable: Set(off)))
                }
            }
        }
        return TrainingProblem(modules: modules, trainers: trainers, rooms: rooms, calendar: calendar, demands: demands)
    }
}
