import Testing
@testable import GoLiveCore

@Suite("Notation")
struct NotationTests {
    @Test(arguments: [("2h", 120), ("90m", 90), ("1h30", 90), ("3d", 4320), ("1d2h", 1560), ("45m", 45)])
    func durations(_ text: String, _ minutes: Int) {
        #expect(Notation.duration(text) == minutes)
    }

    @Test(arguments: ["", "2 hours", "h", "1h60", "0m", "30m2h", "-2h", "2x"])
    func badDurations(_ text: String) {
        #expect(Notation.duration(text) == nil)
    }

    @Test func relativeDaysAndMoments() {
        #expect(Notation.relativeDay("J") == 0)
        #expect(Notation.relativeDay("D+7") == 7)
        #expect(Notation.relativeDay("J-30") == -30)
        #expect(Notation.relativeDay("J30") == nil)
        #expect(Notation.moment("J-1 18:00", dayAlone: false) == MomentRef(day: .relative(-1), time: TimeOfDay(hour: 18, minute: 0)))
        #expect(Notation.moment("2027-03-19T20:00", dayAlone: false) == MomentRef(day: .absolute(CivilDate(year: 2027, month: 3, day: 19)!), time: TimeOfDay(hour: 20, minute: 0)))
        #expect(Notation.moment("J-30", dayAlone: false) == nil)
        #expect(Notation.moment("J-30", dayAlone: true) == MomentRef(day: .relative(-30), time: nil))
        #expect(Notation.moment("JT18:00", dayAlone: false) == nil)
    }

    @Test func theCutoverWindowClosesOnJ() {
        let window = CutoverWindow(start: TimeOfDay(hour: 20, minute: 0)!, end: TimeOfDay(hour: 6, minute: 0)!)
        let j = CivilDate(year: 2027, month: 3, day: 19)!
        #expect(window.opens(j: j).description == "2027-03-18 20:00")
        #expect(window.closes(j: j).description == "2027-03-19 06:00")
    }

    @Test func dayArithmeticIgnoresDaylightSaving() {
        let before = CivilDate(year: 2027, month: 3, day: 27)!
        #expect(before.adding(days: 2).description == "2027-03-29")
        #expect(CivilDate(year: 2027, month: 3, day: 19)!.weekday == 5)
        #expect(CivilDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2027, month: 2, day: 29) == nil)
    }
}
