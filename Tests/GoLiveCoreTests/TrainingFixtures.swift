@testable import GoLiveCore

/// Small builders for hand-written training problems. 2027-03-01 is a Monday.
enum TrainingFixtures {
    static func date(_ text: String) -> CivilDate {
        CivilDate(iso: text) ?? CivilDate(dayNumber: 0)
    }

    static func clock(_ text: String) -> TimeOfDay {
        TimeOfDay(text: text) ?? TimeOfDay(minutes: 0)!
    }

    /// Monday to Friday, 09:00–17:30.
    static func officeHours(holidays: [String] = []) -> WorkCalendar {
        WorkCalendar(workingDays: [1, 2, 3, 4, 5], dayStart: clock("09:00"), dayEnd: clock("17:30"),
                     holidays: Set(holidays.map(date)))
    }

    static func demand(_ id: String, site: String = "Lyon", language: Language = .fr, headcount: Int,
                       modules: [String], from: String = "2027-03-01", to: String = "2027-03-12") -> TrainingDemand {
        TrainingDemand(audienceID: id, language: language, site: site, headcount: headcount,
                       modules: modules, windowFrom: date(from), windowTo: date(to))
    }

    static func trainer(_ id: String, modules: [String], languages: [Language] = [.fr], sites: [String] = ["Lyon"],
                        off: [String] = []) -> TrainerSpec {
        TrainerSpec(id: id, modules: modules, languages: languages, sites: sites, unavailable: Set(off.map(date)))
    }

    static func sessions(_ result: Result<TrainingPlan, TrainingInfeasible>) -> [ScheduledSession] {
        (try? result.get())?.sessions ?? []
    }

    static func shortfalls(_ result: Result<TrainingPlan, TrainingInfeasible>) -> [TrainingShortfall] {
        if case .failure(let f) = result { return f.shortfalls }
        return []
    }

    /// "2027-03-01 09:00–11:00 room trainer seats" — compact and readable in expectations.
    static func line(_ s: ScheduledSession) -> String {
        [s.date?.description ?? "-", "\(s.start?.description ?? "-")–\(s.end?.description ?? "-")",
         s.roomID ?? "-", s.trainerID ?? "-", "\(s.seats)", "\(s.number)/\(s.of)"].joined(separator: " ")
    }
}
