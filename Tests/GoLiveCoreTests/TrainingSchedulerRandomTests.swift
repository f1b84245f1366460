import Foundation
import Testing
@testable import GoLiveCore

/// Seeded random problems: generous ones must always schedule cleanly, tight ones must
/// either schedule cleanly or explain every shortfall.
enum RandomTrainingProblems {
    static func make(seed: UInt64, generous: Bool) -> TrainingProblem {
        var rng = TrainingRandom(seed: seed)
        let weekdays = Set((1...7).filter { _ in rng.int(in: 0...3) > 0 }).union([rng.int(in: 1...5)])
        let dayStart = rng.int(in: 14...20) * 30, dayEnd = rng.int(in: 32...38) * 30
        let calendar = WorkCalendar(workingDays: weekdays, dayStart: TimeOfDay(minutes: dayStart)!,
                                    dayEnd: TimeOfDay(minutes: dayEnd)!, holidays: [])
        let formats: [TrainingFormat] = [.classroom, .classroom, .remote, .elearning]
        let modules = (0..<rng.int(in: 1...4)).map { i in
            ModuleSpec(id: "m\(i)", durationMinutes: rng.int(in: 2...min(12, (dayEnd - dayStart) / 15)) * 15,
                       format: formats[rng.int(in: 0...3)], capacity: rng.int(in: 3...15))
        }
        let sites = (0..<rng.int(in: 1...3)).map { "S\($0)" }
        let base = CivilDate(year: 2027, month: 1, day: 4)!.adding(days: rng.int(in: 0...6))
        let span = generous ? 40 : rng.int(in: 2...12)
        var holidays = Set<CivilDate>()
        for _ in 0..<rng.int(in: 0...3) { holidays.insert(base.adding(days: rng.int(in: 0...span))) }
        var cal = calendar
        cal.holidays = holidays

        var demands: [TrainingDemand] = []
        for i in 0..<rng.int(in: 2...(generous ? 12 : 20)) {
            let from = base.adding(days: rng.int(in: 0...5))
            let picked = modules.map(\.id).filter { _ in rng.int(in: 0...2) > 0 }
            demands.append(TrainingDemand(audienceID: "a\(i)", language: rng.int(in: 0...1) == 0 ? .fr : .en,
                                          site: sites[rng.int(in: 0...(sites.count - 1))],
                                          headcount: rng.int(in: 0...40), modules: picked.shuffled(using: &rng),
                                          windowFrom: from, windowTo: from.adding(days: span)))
        }
        // Generous: one trainer per language and site for every 3 demands, rooms likewise.
        let perSite = generous ? max(2, demands.count / 3 + 1) : rng.int(in: 1...2)
        var trainers: [TrainerSpec] = []
        var rooms: [RoomSpec] = []
        for site in sites {
            for k in 0..<perSite {
                rooms.append(RoomSpec(id: "\(site)-r\(k)", site: site, capacity: rng.int(in: generous ? 8...20 : 2...20)))
                for language in Language.allCases {
                    let off = (0..<rng.int(in: 0...(generous ? 2 : 6))).map { _ in base.adding(days: rng.int(in: 0...span)) }
                    trainers.append(TrainerSpec(id: "t-\(site)-\(language.rawValue)-\(k)",
                                                modules: modules.map(\.id).filter { _ in generous || rng.int(in: 0...3) > 0 },
                                                languages: [language], sites: [site], unavailable: Set(off)))
                }
            }
        }
        return TrainingProblem(modules: modules, trainers: trainers, rooms: rooms, calendar: cal, demands: demands)
    }

    /// The same problem with every order-free array shuffled.
    static func shuffled(_ p: TrainingProblem, seed: UInt64) -> TrainingProblem {
        var rng = TrainingRandom(seed: seed)
        var q = p
        q.modules.shuffle(using: &rng)
        q.rooms.shuffle(using: &rng)
        q.demands.shuffle(using: &rng)
        q.trainers = p.trainers.shuffled(using: &rng).map { t in
            var t = t
            t.modules.shuffle(using: &rng)
            t.sites.shuffle(using: &rng)
            return t
        }
        return q
    }
}

@Suite("Training scheduler — random problems and determinism")
struct TrainingSchedulerRandomTests {
    @Test(arguments: 1...50 as ClosedRange<UInt64>)
    func generousProblemsScheduleWithoutViolations(seed: UInt64) throws {
        let p = RandomTrainingProblems.make(seed: seed, generous: true)
        switch TrainingScheduler.schedule(p) {
        case .success(let plan):
            #expect(verify(p, plan) == [])
        case .failure(let f):
            Issue.record("seed \(seed): \(f.shortfalls)")
        }
    }

    @Test(arguments: 101...150 as ClosedRange<UInt64>)
    func tightProblemsEitherFitOrExplainEveryShortfall(seed: UInt64) throws {
        let p = RandomTrainingProblems.make(seed: seed, generous: false)
        switch TrainingScheduler.schedule(p) {
        case .success(let plan):
            #expect(verify(p, plan) == [])
        case .failure(let f):
            #expect(!f.shortfalls.isEmpty)
            for s in f.shortfalls {
                #expect(s.sessionsPlaced < s.sessionsNeeded)
                #expect(!s.blocking.isEmpty && !s.suggestion.isEmpty)
                #expect(p.demands.contains { $0.audienceID == s.audienceID && $0.modules.contains(s.moduleID) })
            }
        }
    }

    @Test(arguments: [3, 17, 101, 104, 120] as [UInt64])
    func schedulingTwiceOrWithShuffledInputGivesTheSameResult(seed: UInt64) {
        let p = RandomTrainingProblems.make(seed: seed, generous: seed < 100)
        let first = TrainingScheduler.schedule(p)
        #expect(Self.same(first, TrainingScheduler.schedule(p)))
        for shuffleSeed in [UInt64(1), 2, 3] {
            #expect(Self.same(first, TrainingScheduler.schedule(RandomTrainingProblems.shuffled(p, seed: shuffleSeed))))
        }
    }

    @Test func syntheticProblemIsFeasibleDeterministicAndFast() throws {
        let p = TrainingProblem.synthetic(audiences: 1000, waves: 4, seed: 42)
        #expect(p == TrainingProblem.synthetic(audiences: 1000, waves: 4, seed: 42))
        #expect(p.demands.count == 1000 && p.demands.allSatisfy { $0.modules.count == 3 })
        let clock = ContinuousClock()
        var result: Result<TrainingPlan, TrainingInfeasible>?
        let elapsed = clock.measure { result = TrainingScheduler.schedule(p) }
        print("training scheduler: 1,000 audiences × 3 modules scheduled in \(elapsed) (debug build; see sched-bench for release)")
        let plan = try #require(try result?.get())
        #expect(verify(p, plan) == [])
        #expect(elapsed < .seconds(20))
    }

    @Test(arguments: [(10, 1, 1), (200, 3, 9), (60, 2, 5)] as [(Int, Int, UInt64)])
    func smallerSyntheticProblemsAreFeasibleToo(audiences: Int, waves: Int, seed: UInt64) throws {
        let p = TrainingProblem.synthetic(audiences: audiences, waves: waves, seed: seed)
        let plan = try TrainingScheduler.schedule(p).get()
        #expect(verify(p, plan) == [])
    }

    static func same(_ a: Result<TrainingPlan, TrainingInfeasible>, _ b: Result<TrainingPlan, TrainingInfeasible>) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)): return x == y
        case (.failure(let x), .failure(let y)): return x == y
        default: return false
        }
    }
}

@Suite("Training plan checker")
struct TrainingVerifierTests {
    typealias F = TrainingFixtures

    /// The checker must catch broken plans, or the random tests above prove nothing.
    @Test func theCheckerFlagsBrokenPlans() throws {
        let p = RandomTrainingProblems.make(seed: 7, generous: true)
        let plan = try TrainingScheduler.schedule(p).get()
        let timed = try #require(plan.sessions.firstIndex { $0.format == .classroom })
        let other = try #require(plan.sessions.indices.first { $0 != timed && plan.sessions[$0].date != nil })

        var doubleBooked = plan
        doubleBooked.sessions[other].trainerID = plan.sessions[timed].trainerID
        doubleBooked.sessions[other].date = plan.sessions[timed].date
        doubleBooked.sessions[other].start = plan.sessions[timed].start
        doubleBooked.sessions[other].end = plan.sessions[timed].end
        #expect(verify(p, doubleBooked).contains { $0.hasPrefix("trainer ") && $0.contains("overlaps") })

        var outside = plan
        outside.sessions[timed].date = p.demands.first { $0.audienceID == plan.sessions[timed].audienceID }?.windowTo.adding(days: 30)
        #expect(verify(p, outside).contains { $0.contains("outside the window") })

        var lostSeat = plan
        lostSeat.sessions[timed].seats -= 1
        #expect(verify(p, lostSeat).contains { $0.contains("seats for headcount") })

        var dropped = plan
        dropped.sessions.remove(at: timed)
        #expect(!verify(p, dropped).isEmpty)
    }
}
