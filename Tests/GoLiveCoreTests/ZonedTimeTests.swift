import Foundation
import Testing
@testable import GoLiveCore

/// Europe/Paris changes to summer time on 2027-03-28 (02:00 → 03:00) and back on
/// 2027-10-31 (03:00 → 02:00). Cutover nights are often scheduled on weekends like these.
struct ZonedTimeTests {
    private let paris = TimeZone(identifier: "Europe/Paris") ?? TimeZone(secondsFromGMT: 3600)!
    private func m(_ date: String, _ time: String) -> LocalMoment {
        LocalMoment(date: CivilDate(iso: date) ?? CivilDate(dayNumber: 0),
                    time: TimeOfDay(text: time) ?? LocalMoment(wallMinutes: 0).time)
    }
    private func utc(_ s: String) -> Date {
        // s = "YYYY-MM-DD HH:MM" in UTC
        let moment = m(String(s.prefix(10)), String(s.suffix(5)))
        return Date(timeIntervalSince1970: TimeInterval(moment.wallMinutes * 60))
    }

    @Test func parisZoneIsAvailable() {
        #expect(TimeZone(identifier: "Europe/Paris") != nil, "tzdata missing: apt-get install tzdata")
    }

    @Test func ordinaryWinterAndSummerTimes() {
        #expect(ZonedTime.instant(m("2027-03-19", "20:00"), in: paris) == utc("2027-03-19 19:00"))
        #expect(ZonedTime.instant(m("2027-07-01", "12:00"), in: paris) == utc("2027-07-01 10:00"))
        #expect(ZonedTime.local(utc("2027-07-01 10:00"), in: paris) == m("2027-07-01", "12:00"))
    }

    @Test func springForwardSkippedTimeMovesForwardByTheGap() {
        let skipped = ZonedTime.instant(m("2027-03-28", "02:30"), in: paris)
        #expect(skipped == utc("2027-03-28 01:30"))
        #expect(ZonedTime.local(skipped, in: paris) == m("2027-03-28", "03:30"))
        // Either side of the gap is unaffected.
        #expect(ZonedTime.instant(m("2027-03-28", "01:59"), in: paris) == utc("2027-03-28 00:59"))
        #expect(ZonedTime.instant(m("2027-03-28", "03:00"), in: paris) == utc("2027-03-28 01:00"))
    }

    @Test func springForwardStepEndsLaterOnTheClock() {
        let end = ZonedTime.adding(minutes: 120, to: m("2027-03-28", "01:30"), in: paris)
        #expect(end == m("2027-03-28", "04:30"))
        #expect(ZonedTime.minutes(from: m("2027-03-28", "01:00"), to: m("2027-03-28", "04:00"), in: paris) == 120)
    }

    @Test func fallBackAmbiguousTimeIsTheFirstOccurrence() {
        let first = ZonedTime.instant(m("2027-10-31", "02:30"), in: paris)
        #expect(first == utc("2027-10-31 00:30"))   // still on summer time, UTC+2
        // The second 02:30 exists as an instant and reads back as 02:30.
        #expect(ZonedTime.local(utc("2027-10-31 01:30"), in: paris) == m("2027-10-31", "02:30"))
    }

    @Test func fallBackNightIsAnHourLonger() {
        let end = ZonedTime.adding(minutes: 120, to: m("2027-10-31", "01:30"), in: paris)
        #expect(end == m("2027-10-31", "02:30"))
        #expect(ZonedTime.minutes(from: m("2027-10-30", "20:00"), to: m("2027-10-31", "06:00"), in: paris) == 660)
        #expect(ZonedTime.minutes(from: m("2027-03-27", "20:00"), to: m("2027-03-28", "06:00"), in: paris) == 540)
    }

    @Test func conversionIgnoresTheMachineZone() {
        let tokyo = TimeZone(identifier: "Asia/Tokyo") ?? TimeZone(secondsFromGMT: 9 * 3600)!
        #expect(ZonedTime.instant(m("2027-03-19", "20:00"), in: tokyo) == utc("2027-03-19 11:00"))
        #expect(ZonedTime.local(utc("2027-03-19 11:00"), in: tokyo) == m("2027-03-19", "20:00"))
    }

    @Test func extremeInstantsDoNotCrash() {
        _ = ZonedTime.local(Date(timeIntervalSince1970: 1e300), in: paris)
        _ = ZonedTime.local(Date(timeIntervalSince1970: -.infinity), in: paris)
        #expect(LocalMoment(wallMinutes: -1) == m("1969-12-31", "23:59"))
    }
}
