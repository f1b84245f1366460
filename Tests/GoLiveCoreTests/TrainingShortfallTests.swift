import Testing
@testable import GoLiveCore

@Suite("Training scheduler — shortfalls")
struct TrainingShortfallTests {
    typealias F = TrainingFixtures
    let essentials = ModuleSpec(id: "essentials", durationMinutes: 120, format: .classroom, capacity: 12)
    let room = RoomSpec(id: "lyon-r1", site: "Lyon", capacity: 14)

    func only(_ p: TrainingProblem) -> TrainingShortfall? {
        let all = F.shortfalls(TrainingScheduler.schedule(p))
        return all.count == 1 ? all[0] : nil
    }

    @Test func noTrainerSpeaksTheLanguage() throws {
        let p = TrainingProblem(modules: [essentials], trainers: [F.trainer("t-martin", modules: ["essentials"], languages: [.fr])],
                                rooms: [room], calendar: F.officeHours(),
                                demands: [F.demand("agents-lyon", language: .en, headcount: 20, modules: ["essentials"])])
        let s = try #require(only(p))
        #expect(s.blocking == ["no trainer qualified for 'essentials' speaks en"])
        #expect(s.suggestion == "add a trainer for 'essentials' speaking en at Lyon")
        #expect((s.sessionsNeeded, s.sessionsPlaced) == (2, 0))
        #expect((s.audienceID, s.moduleID, s.site) == ("agents-lyon", "essentials", "Lyon"))
    }

    @Test func tooFewRooms() throws {
        // Two trainers but one room: four 2h slots on the only day, six sessions needed.
        let p = TrainingProblem(modules: [essentials],
                                trainers: [F.trainer("t-a", modules: ["essentials"]), F.trainer("t-b", modules: ["essentials"])],
                                rooms: [room], calendar: F.officeHours(),
                                demands: [F.demand("agents", headcount: 72, modules: ["essentials"], from: "2027-03-01", to: "2027-03-01")])
        let s = try #require(only(p))
        #expect((s.sessionsNeeded, s.sessionsPlaced) == (6, 4))
        #expect(s.blocking.contains("rooms on site Lyon are full on every working day of the window"))
        #expect(!s.blocking.contains { $0.contains("trainers for") })
        #expect(s.suggestion == "add a room at Lyon seating 12, or widen the training window by 1 working day")
    }

    @Test func theOnlyTrainerIsUnavailableEveryDayOfTheWindow() throws {
        let p = TrainingProblem(modules: [essentials],
                                trainers: [F.trainer("t-martin", modules: ["essentials"], off: ["2027-03-01", "2027-03-02", "2027-03-20"])],
                                rooms: [room], calendar: F.officeHours(),
                                demands: [F.demand("agents", headcount: 10, modules: ["essentials"], from: "2027-03-01", to: "2027-03-02")])
        let s = try #require(only(p))
        #expect(s.sessionsPlaced == 0)
        #expect(s.blocking.contains("trainer t-martin is unavailable on 2027-03-01, 2027-03-02"))
        #expect(s.blocking.contains { $0.contains("is unavailable on every working day of the window") })
        #expect(s.suggestion == "add a trainer for 'essentials' speaking fr at Lyon, or make t-martin available on at least 1 working day of the window")
    }

    @Test func theWindowIsTooShort() throws {
        let p = TrainingProblem(modules: [essentials], trainers: [F.trainer("t-a", modules: ["essentials"])],
                                rooms: [room], calendar: F.officeHours(),
                                demands: [F.demand("agents", headcount: 72, modules: ["essentials"], from: "2027-03-01", to: "2027-03-01")])
        let s = try #require(only(p))
        #expect((s.sessionsNeeded, s.sessionsPlaced) == (6, 4))
        #expect(s.blocking.first == "only 4 of 6 'essentials' sessions fit in the window 2027-03-01 to 2027-03-01 (1 working day)")
        #expect(s.blocking.contains("rooms on site Lyon are full on every working day of the window"))
        #expect(s.suggestion.hasPrefix("widen the training window by 1 working day"))
    }

    @Test func aWindowWithNoWorkingDay() throws {
        let p = TrainingProblem(modules: [essentials], trainers: [F.trainer("t-a", modules: ["essentials"])],
                                rooms: [room], calendar: F.officeHours(),
                                demands: [F.demand("agents", headcount: 30, modules: ["essentials"], from: "2027-03-06", to: "2027-03-07")])
        let s = try #require(only(p))
        #expect(s.blocking == ["the window from 2027-03-06 to 2027-03-07 has no working day"])
        #expect(s.suggestion == "widen the training window by 1 working day")
    }

    @Test func noTrainerTeachesOnTheSiteAndNoRoomThere() throws {
        let p = TrainingProblem(modules: [essentials], trainers: [F.trainer("t-paris", modules: ["essentials"], sites: ["Paris"])],
                                rooms: [RoomSpec(id: "paris-r1", site: "Paris", capacity: 12)], calendar: F.officeHours(),
                                demands: [F.demand("agents", headcount: 10, modules: ["essentials"])])
        let s = try #require(only(p))
        #expect(s.blocking == ["no trainer qualified for 'essentials' speaking fr teaches at Lyon (qualified: t-paris)", "no room on site Lyon"])
        #expect(s.suggestion == "add Lyon to the sites of t-paris, or add a trainer for 'essentials' speaking fr at Lyon; add a room at Lyon seating 12, or make 'essentials' a remote module")
    }

    @Test func smallRoomsAreNamedWhenTheyCauseTheShortfall() throws {
        let p = TrainingProblem(modules: [essentials], trainers: [F.trainer("t-a", modules: ["essentials"])],
                                rooms: [RoomSpec(id: "lyon-small", site: "Lyon", capacity: 6)], calendar: F.officeHours(),
                                demands: [F.demand("agents", headcount: 30, modules: ["essentials"], from: "2027-03-01", to: "2027-03-01")])
        let s = try #require(only(p))
        #expect((s.sessionsNeeded, s.sessionsPlaced) == (5, 4))
        #expect(s.blocking.contains("no room on site Lyon seats 12 (the largest, lyon-small, seats 6), so 5 sessions are needed instead of 3"))
        #expect(s.suggestion.hasSuffix("or book a room seating 12 at Lyon"))
    }

    @Test func unknownModulesAndImpossibleDurationsAreExplained() throws {
        let long = ModuleSpec(id: "marathon", durationMinutes: 540, format: .remote, capacity: 10)
        let p = TrainingProblem(modules: [long], trainers: [F.trainer("t-a", modules: ["marathon"])],
                                rooms: [], calendar: F.officeHours(),
                                demands: [F.demand("agents", headcount: 5, modules: ["ghost", "marathon"])])
        let all = F.shortfalls(TrainingScheduler.schedule(p))
        #expect(all.map(\.moduleID) == ["ghost", "marathon"])
        #expect(all.first?.blocking == ["module 'ghost' is not defined in the training modules"])
        #expect(all.last?.blocking == ["'marathon' lasts 9h but the working day (09:00–17:30) lasts 8h30"])
        #expect(all.last?.suggestion == "shorten 'marathon' to at most 8h30 or lengthen the working hours")
    }

    @Test func everyShortfallIsReportedAndNoPartialPlanIsReturned() throws {
        let p = TrainingProblem(modules: [essentials], trainers: [F.trainer("t-a", modules: ["essentials"])],
                                rooms: [room, RoomSpec(id: "nice-r1", site: "Nice", capacity: 12)], calendar: F.officeHours(),
                                demands: [F.demand("ok", headcount: 10, modules: ["essentials"]),
                                          F.demand("english", language: .en, headcount: 10, modules: ["essentials"]),
                                          F.demand("nice", site: "Nice", headcount: 10, modules: ["essentials"])])
        let result = TrainingScheduler.schedule(p)
        guard case .failure(let infeasible) = result else {
            Issue.record("expected a failure"); return
        }
        #expect(infeasible.shortfalls.map(\.audienceID) == ["english", "nice"])
        #expect(infeasible.shortfalls.allSatisfy { !$0.blocking.isEmpty && !$0.suggestion.isEmpty })
    }

    @Test func trainersBookedByEarlierDemandsAreNamed() throws {
        let remote = ModuleSpec(id: "reporting", durationMinutes: 240, format: .remote, capacity: 10)
        // Two 4h slots a day (09:00, 13:00), one day, one trainer: the third session has nowhere to go.
        let p = TrainingProblem(modules: [remote], trainers: [F.trainer("t-a", modules: ["reporting"], sites: [])],
                                rooms: [], calendar: F.officeHours(),
                                demands: [F.demand("first", headcount: 20, modules: ["reporting"], from: "2027-03-01", to: "2027-03-01"),
                                          F.demand("second", headcount: 10, modules: ["reporting"], from: "2027-03-01", to: "2027-03-01")])
        let s = try #require(only(p))
        #expect(s.audienceID == "second")
        #expect(s.blocking.contains("trainers for 'reporting' speaking fr (t-a) are fully booked on every working day of the window"))
        #expect(s.suggestion == "add a trainer for 'reporting' speaking fr, or widen the training window by 1 working day")
    }

    @Test func oddInputsAreReportedWithoutCrashing() throws {
        let odd = [ModuleSpec(id: "zero", durationMinutes: 0, format: .remote, capacity: 0),
                   ModuleSpec(id: "one-seat", durationMinutes: 60, format: .classroom, capacity: 1)]
        var reversedHours = F.officeHours()
        reversedHours.dayEnd = F.clock("08:00")
        let p = TrainingProblem(modules: odd, trainers: [F.trainer("t-a", modules: ["zero", "one-seat"])], rooms: [room],
                                calendar: F.officeHours(),
                                demands: [F.demand("negative", headcount: -5, modules: ["zero"]),
                                          F.demand("huge", headcount: 1_000_000_000_000, modules: ["one-seat"], from: "2027-01-01", to: "2029-12-31"),
                                          F.demand("reversed", headcount: 3, modules: ["zero"], from: "2027-03-10", to: "2027-03-01")])
        let all = F.shortfalls(TrainingScheduler.schedule(p))
        #expect(all.map(\.audienceID) == ["huge", "reversed"])
        let huge = try #require(all.first)
        #expect(huge.sessionsNeeded == 1_000_000_000_000)
        #expect(huge.sessionsPlaced == 6_256)   // 782 working days × 8 one-hour slots
        let reversed = try #require(all.last)
        #expect(reversed.blocking == ["module 'zero' has a capacity of 0 trainees per session", "module 'zero' has no duration",
                                      "the training window ends (2027-03-01) before it starts (2027-03-10)"])

        var noHours = p
        noHours.calendar = reversedHours
        noHours.demands = [F.demand("agents", headcount: 3, modules: ["one-seat"])]
        #expect(F.shortfalls(TrainingScheduler.schedule(noHours)).first?.blocking == ["the working hours 09:00–08:00 leave no time in the day"])
    }
}
