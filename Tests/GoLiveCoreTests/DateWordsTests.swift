import Testing
@testable import GoLiveCore

/// Golden strings: what a French or English reader sees in every document.
/// `_` stands for the no-break space between a number and its unit.
struct DateWordsTests {
    private func d(_ s: String) -> CivilDate { CivilDate(iso: s) ?? CivilDate(dayNumber: 0) }
    private func t(_ s: String) -> TimeOfDay { TimeOfDay(text: s) ?? LocalMoment(wallMinutes: 0).time }
    private func plain(_ s: String) -> String { s.replacingOccurrences(of: "\u{00A0}", with: "_") }

    @Test func longDates() {
        #expect(DateWords.longDate(d("2027-03-19"), .fr) == "vendredi 19 mars 2027")
        #expect(DateWords.longDate(d("2027-03-19"), .en) == "Friday 19 March 2027")
        #expect(DateWords.longDate(d("2027-03-01"), .fr) == "lundi 1er mars 2027")
        #expect(DateWords.longDate(d("2027-03-01"), .en) == "Monday 1 March 2027")
        #expect(DateWords.longDate(d("2027-08-15"), .fr) == "dimanche 15 août 2027")
        #expect(DateWords.longDate(d("2028-02-29"), .en) == "Tuesday 29 February 2028")
    }

    @Test func shortDates() {
        #expect(DateWords.shortDate(d("2027-03-19"), .fr) == "ven. 19 mars")
        #expect(DateWords.shortDate(d("2027-03-19"), .en) == "Fri 19 Mar")
        #expect(DateWords.shortDate(d("2027-02-01"), .fr) == "lun. 1er févr.")
        #expect(DateWords.shortDate(d("2027-12-05"), .fr) == "dim. 5 déc.")
        #expect(DateWords.shortDate(d("2027-09-07"), .en) == "Tue 7 Sep")
    }

    @Test func times() {
        #expect(plain(DateWords.time(t("20:00"), .fr)) == "20_h")
        #expect(plain(DateWords.time(t("20:30"), .fr)) == "20_h_30")
        #expect(plain(DateWords.time(t("06:00"), .fr)) == "6_h")
        #expect(plain(DateWords.time(t("07:05"), .fr)) == "7_h_05")
        #expect(plain(DateWords.time(t("00:00"), .fr)) == "0_h")
        #expect(DateWords.time(t("20:00"), .en) == "20:00")
        #expect(DateWords.time(t("06:00"), .en) == "06:00")
        #expect(DateWords.time(t("00:00"), .en) == "00:00")
        #expect(DateWords.time(t("23:59"), .en) == "23:59")
    }

    @Test func moments() {
        #expect(plain(DateWords.moment(d("2027-03-19"), t("20:00"), .fr)) == "vendredi 19 mars 2027 à 20_h")
        #expect(DateWords.moment(d("2027-03-19"), t("20:00"), .en) == "Friday 19 March 2027 at 20:00")
    }

    @Test func spansCrossingMidnight() {
        let s = (d("2027-03-19"), t("20:00")), e = (d("2027-03-20"), t("06:00"))
        #expect(plain(DateWords.span(from: s, to: e, .fr)) == "du vendredi 19 mars, 20_h, au samedi 20 mars, 6_h")
        #expect(DateWords.span(from: s, to: e, .en) == "from Friday 19 March, 20:00, to Saturday 20 March, 06:00")
    }

    @Test func spansOnOneDay() {
        let s = (d("2027-03-19"), t("09:00")), e = (d("2027-03-19"), t("11:00"))
        #expect(plain(DateWords.span(from: s, to: e, .fr)) == "le vendredi 19 mars de 9_h à 11_h")
        #expect(DateWords.span(from: s, to: e, .en) == "on Friday 19 March from 09:00 to 11:00")
        #expect(plain(DateWords.span(from: s, to: s, .fr)) == "le vendredi 19 mars à 9_h")
        #expect(DateWords.span(from: s, to: s, .en) == "on Friday 19 March at 09:00")
    }

    @Test func spanEndingAtMidnightReadsMidnight() {
        let s = (d("2027-03-19"), t("20:00")), e = (d("2027-03-20"), t("00:00"))
        #expect(plain(DateWords.span(from: s, to: e, .fr)) == "le vendredi 19 mars de 20_h à minuit")
        #expect(DateWords.span(from: s, to: e, .en) == "on Friday 19 March from 20:00 to midnight")
    }

    @Test func spanAcrossNewYearShowsYears() {
        let s = (d("2027-12-31"), t("20:00")), e = (d("2028-01-01"), t("06:00"))
        #expect(plain(DateWords.span(from: s, to: e, .fr))
                == "du vendredi 31 décembre 2027, 20_h, au samedi 1er janvier 2028, 6_h")
        #expect(DateWords.span(from: s, to: e, .en)
                == "from Friday 31 December 2027, 20:00, to Saturday 1 January 2028, 06:00")
    }

    @Test func durations() {
        let fr = [120: "2_h", 90: "1_h_30", 45: "45_min", 4320: "3_jours", 1440: "1_jour",
                  0: "0_min", 65: "1_h_05", 1500: "25_h", -30: "-30_min"]
        let en = [120: "2_hr", 90: "1_hr 30_min", 45: "45_min", 4320: "3_days", 1440: "1_day",
                  0: "0_min", 65: "1_hr 5_min", 1500: "25_hr", 60: "1_hr"]
        for (m, text) in fr { #expect(plain(DateWords.duration(minutes: m, .fr)) == text, "\(m) min") }
        for (m, text) in en { #expect(plain(DateWords.duration(minutes: m, .en)) == text, "\(m) min") }
        #expect(DateWords.duration(minutes: Int.min, .en).hasPrefix("-"))
    }

    @Test func namesAndWeeks() {
        #expect(DateWords.weekdayName(1, .fr) == "lundi")
        #expect(DateWords.weekdayName(7, .en) == "Sunday")
        #expect(DateWords.weekdayName(8, .en) == "Monday")   // wraps, never traps
        #expect(DateWords.monthName(2, .fr) == "février")
        #expect(DateWords.monthName(12, .en) == "December")
        #expect(DateWords.monthName(0, .fr) == "décembre")
        #expect(DateWords.weekOf(d("2027-03-15"), .fr) == "semaine du 15 mars 2027")
        #expect(DateWords.weekOf(d("2027-03-15"), .en) == "week of 15 March 2027")
        #expect(DateWords.weekOf(d("2027-11-01"), .fr) == "semaine du 1er novembre 2027")
    }
}
