/// The plan's `training:` block and audiences, as the scheduler's problem.
extension TrainingProblem {
    /// One demand per audience and site (a multi-site audience's headcount is split with
    /// `SiteSplit`); windows are resolved from each audience's wave date. Audiences that
    /// follow no module, or whose wave is unknown, ask for nothing.
    init(plan: Plan, training: Training) {
        let modules = training.modules.map { m in
            ModuleSpec(id: m.id, durationMinutes: m.durationMinutes, format: TrainingFormat(m.format), capacity: m.capacity)
        }
        let trainers = training.trainers.map { t in
            TrainerSpec(id: t.id, modules: t.modules.map(\.value), languages: t.languages, sites: t.sites,
                        unavailable: Set(t.unavailable))
        }
        let rooms = training.rooms.map { RoomSpec(id: $0.id, site: $0.site, capacity: $0.capacity) }
        let c = training.calendar
        let calendar = WorkCalendar(workingDays: c.workingDays, dayStart: c.start, dayEnd: c.end, holidays: c.holidays)
        var demands: [TrainingDemand] = []
        for audience in plan.audiences where !audience.modules.isEmpty {
            guard let wave = plan.wave(audience.waveID) else { continue }
            let from = training.windowFrom.resolve(j: wave.date), to = training.windowTo.resolve(j: wave.date)
            for (site, headcount) in SiteSplit.split(audience) {
                demands.append(TrainingDemand(audienceID: audience.id, language: audience.language, site: site,
                                              headcount: headcount, modules: audience.modules.map(\.value),
                                              windowFrom: from, windowTo: to))
            }
        }
        self.init(modules: modules, trainers: trainers, rooms: rooms, calendar: calendar, demands: demands)
    }
}

extension TrainingFormat {
    init(_ format: TrainingModule.Format) {
        switch format {
        case .classroom: self = .classroom
        case .remote: self = .remote
        case .elearning: self = .elearning
        }
    }
}
