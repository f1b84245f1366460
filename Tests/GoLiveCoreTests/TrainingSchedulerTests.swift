import Testing
@testable import GoLiveCore

@Suite("Training scheduler — placement")
struct TrainingSchedulerTests {
    typealias F = TrainingFixtures
    let essentials = ModuleSpec(id: "essentials", durationMinutes: 120, format: .classroom, capacity: 12)
    let advanced = ModuleSpec(id: "advanced", durationMinutes: 180, format: .classroom, capacity: 12)

    func problem(modules: [ModuleSpec]? = nil, trainers: [TrainerSpec], rooms: [RoomSpec] = [RoomSpec(id: "lyon-r1", site: "Lyon", capacity: 14)],
                 calendar: WorkCalendar = F.officeHours(), demands: [TrainingDemand]) -> TrainingProblem {
        TrainingProblem(modules: modules ?? [essentials, advanced], trainers: trainers, rooms: rooms, calendar: calendar, demands: demands)
    }

    @Test func classroomSessionsArePackedFromTheStartOfTheDay() throws {
        let p = problem(trainers: [F.trainer("t-a", modules: ["essentials"])],
                        demands: [F.demand("agents", headcount: 31, modules: ["essentials"])])
        let plan = try TrainingScheduler.schedule(p).get()
        #expect(plan.sessions.map(F.line) == [
            "2027-03-01 09:00–11:00 lyon-r1 t-a 11 1/3",
            "2027-03-01 11:00–13:00 lyon-r1 t-a 10 2/3",
            "2027-03-01 13:00–15:00 lyon-r1 t-a 10 3/3",
        ])
        #expect(verify(p, plan) == [])
    }

    @Test func aSessionNeverCrossesTheEndOfTheDay() throws {
        // 3h slots from 09:00: 09–12, 12–15; 15–18 would end after 17:30.
        let p = problem(trainers: [F.trainer("t-a", modules: ["advanced"])],
                        demands: [F.demand("agents", headcount: 36, modules: ["advanced"])])
        let plan = try TrainingScheduler.schedule(p).get()
        #expect(plan.sessions.map(F.line) == [
            "2027-03-01 09:00–12:00 lyon-r1 t-a 12 1/3",
            "2027-03-01 12:00–15:00 lyon-r1 t-a 12 2/3",
            "2027-03-02 09:00–12:00 lyon-r1 t-a 12 3/3",
        ])
    }

    @Test func weekendsHolidaysAndDaysOffAreSkipped() throws {
        let fullDay = ModuleSpec(id: "essentials", durationMinutes: 480, format: .classroom, capacity: 12)
        // Fri 5th: trainer off; 6th–7th: weekend; Mon 8th: holiday.
        let p = problem(modules: [fullDay], trainers: [F.trainer("t-a", modules: ["essentials"], off: ["2027-03-05"])],
                        calendar: F.officeHours(holidays: ["2027-03-08"]),
                        demands: [F.demand("agents", headcount: 24, modules: ["essentials"], from: "2027-03-05", to: "2027-03-10")])
        let plan = try TrainingScheduler.schedule(p).get()
        #expect(plan.sessions.compactMap(\.date?.description) == ["2027-03-09", "2027-03-10"])
        #expect(verify(p, plan) == [])
    }

    @Test func roomCapacityCapsTheSessionSizeAndIsReported() throws {
        let p = problem(trainers: [F.trainer("t-a", modules: ["essentials"])],
                        rooms: [RoomSpec(id: "lyon-small", site: "Lyon", capacity: 8)],
                        demands: [F.demand("agents", headcount: 20, modules: ["essentials"])])
        let plan = try TrainingScheduler.schedule(p).get()
        #expect(plan.sessions.map(\.seats) == [7, 7, 6])
        #expect(plan.notes.contains { $0.message.contains("hold at most 8 trainees") && $0.message.contains("lyon-small") })
        #expect(verify(p, plan) == [])
    }

    @Test func smallestRoomThatSeatsTheGroupIsChosen() throws {
        let p = problem(trainers: [F.trainer("t-a", modules: ["essentials"])],
                        rooms: [RoomSpec(id: "lyon-big", site: "Lyon", capacity: 30), RoomSpec(id: "lyon-mid", site: "Lyon", capacity: 12),
                                RoomSpec(id: "paris-r1", site: "Paris", capacity: 12)],
                        demands: [F.demand("agents", headcount: 10, modules: ["essentials"])])
        #expect(F.sessions(TrainingScheduler.schedule(p)).map(\.roomID) == ["lyon-mid"])
    }

    @Test func remoteSessionsNeedNoRoomAndATrainerWithoutSitesTeachesThem() throws {
        let remote = ModuleSpec(id: "reporting", durationMinutes: 60, format: .remote, capacity: 10)
        let p = problem(modules: [remote, essentials],
                        trainers: [F.trainer("t-home", modules: ["reporting", "essentials"], sites: [])],
                        rooms: [], demands: [F.demand("agents", headcount: 15, modules: ["reporting"])])
        let plan = try TrainingScheduler.schedule(p).get()
        #expect(plan.sessions.map(F.line) == [
            "2027-03-01 09:00–10:00 - t-home 8 1/2",
            "2027-03-01 10:00–11:00 - t-home 7 2/2",
        ])
        #expect(verify(p, plan) == [])

        // The same trainer cannot take a classroom session: it has no site.
        let classroom = problem(trainers: [F.trainer("t-home", modules: ["essentials"], sites: [])],
                                demands: [F.demand("agents", headcount: 5, modules: ["essentials"])])
        #expect(F.shortfalls(TrainingScheduler.schedule(classroom)).first?.blocking.first?.contains("teaches at Lyon") == true)
    }

    @Test func eLearningIsOneUnscheduledEntryForTheWholeAudience() throws {
        let basics = ModuleSpec(id: "basics", durationMinutes: 45, format: .elearning, capacity: 5)
        let p = problem(modules: [basics], trainers: [], rooms: [],
                        demands: [F.demand("agents", headcount: 180, modules: ["basics"])])
        let plan = try TrainingScheduler.schedule(p).get()
        #expect(plan.sessions == [ScheduledSession(audienceID: "agents", moduleID: "basics", format: .elearning, site: "Lyon",
                                                   date: nil, start: nil, end: nil, roomID: nil, trainerID: nil,
                                                   seats: 180, number: 1, of: 1)])
    }

    @Test func headcountZeroGivesNoSessions() throws {
        let p = problem(trainers: [], rooms: [], demands: [F.demand("nobody", headcount: 0, modules: ["essentials", "missing"])])
        #expect(try TrainingScheduler.schedule(p).get().sessions.isEmpty)
    }

    @Test func workIsSpreadAcrossEquallyGoodTrainers() throws {
        let p = problem(trainers: [F.trainer("t-b", modules: ["essentials"]), F.trainer("t-a", modules: ["essentials"])],
                        demands: [F.demand("agents", headcount: 36, modules: ["essentials"])])
        #expect(F.sessions(TrainingScheduler.schedule(p)).compactMap(\.trainerID) == ["t-a", "t-b", "t-a"])
    }

    @Test func aLaterModuleStartsAfterTheFirstSessionOfTheEarlierOneEnds() throws {
        let p = problem(trainers: [F.trainer("t-a", modules: ["essentials"]), F.trainer("t-b", modules: ["advanced"])],
                        rooms: [RoomSpec(id: "lyon-r1", site: "Lyon", capacity: 14), RoomSpec(id: "lyon-r2", site: "Lyon", capacity: 14)],
                        demands: [F.demand("agents", headcount: 12, modules: ["essentials", "advanced"])])
        let plan = try TrainingScheduler.schedule(p).get()
        // Room and trainer are free at 09:00 for 'advanced', but 'essentials' ends at 11:00: next 3h slot is 12:00.
        #expect(plan.sessions.map(F.line) == [
            "2027-03-01 09:00–11:00 lyon-r1 t-a 12 1/1",
            "2027-03-01 12:00–15:00 lyon-r1 t-b 12 1/1",
        ])

        // The first module pushed to Tuesday pulls the second one with it.
        var late = p
        late.demands = [F.demand("agents", headcount: 12, modules: ["advanced", "essentials"])]
        late.trainers[1].unavailable = [F.date("2027-03-01")]
        let latePlan = try TrainingScheduler.schedule(late).get()
        #expect(latePlan.sessions.map(F.line) == [
            "2027-03-02 09:00–12:00 lyon-r1 t-b 12 1/1",
            "2027-03-02 13:00–15:00 lyon-r1 t-a 12 1/1",
        ])
        #expect(verify(late, latePlan) == [])
    }

    @Test func demandsWithTheEarliestWindowAreServedFirst() throws {
        let p = problem(trainers: [F.trainer("t-a", modules: ["essentials"])],
                        demands: [F.demand("zeta", headcount: 12, modules: ["essentials"], from: "2027-03-01"),
                                  F.demand("alpha", headcount: 12, modules: ["essentials"], from: "2027-03-02"),
                                  F.demand("beta", headcount: 12, modules: ["essentials"], from: "2027-03-01")])
        let sessions = F.sessions(TrainingScheduler.schedule(p))
        #expect(sessions.map { "\($0.audienceID) \($0.date?.description ?? "") \($0.start?.description ?? "")" } == [
            "beta 2027-03-01 09:00", "zeta 2027-03-01 11:00", "alpha 2027-03-02 09:00",
        ])
    }

    @Test func aModuleEndingOnTheLastWorkingDayOfTheWindowIsATightSpot() throws {
        let fullDay = ModuleSpec(id: "essentials", durationMinutes: 480, format: .classroom, capacity: 12)
        let tight = problem(modules: [fullDay], trainers: [F.trainer("t-a", modules: ["essentials"])],
                            demands: [F.demand("agents", headcount: 24, modules: ["essentials"], from: "2027-03-01", to: "2027-03-02")])
        let notes = try TrainingScheduler.schedule(tight).get().notes
        #expect(notes.count == 1)
        #expect(notes.first?.moduleID == "essentials")
        #expect(notes.first?.message.contains("tight spot") == true)
        #expect(notes.first?.message.contains("2027-03-02, the last working day of the window") == true)

        var relaxed = tight
        relaxed.demands[0].windowTo = F.date("2027-03-03")
        #expect(try TrainingScheduler.schedule(relaxed).get().notes == [])
    }

    @Test func aModuleListedTwiceIsScheduledOnceWithANote() throws {
        let p = problem(trainers: [F.trainer("t-a", modules: ["essentials"])],
                        demands: [F.demand("agents", headcount: 5, modules: ["essentials", "essentials"])])
        let plan = try TrainingScheduler.schedule(p).get()
        #expect(plan.sessions.count == 1)
        #expect(plan.notes.map(\.message) == ["'essentials' is listed twice for agents; it is scheduled once"])
    }
}
