import Foundation
import Testing
@testable import GoLiveCore

/// The timeline pictures are read by a real XML parser (Python's ElementTree), the way
/// a browser or a PDF converter would, and checked for what a reader depends on.
struct SVGTimelineWriterTests {
    // MARK: Fixtures

    private static func m(_ date: String, _ time: String) -> LocalMoment {
        LocalMoment(date: CivilDate(iso: date) ?? CivilDate(dayNumber: 0), time: TimeOfDay(text: time) ?? LocalMoment(wallMinutes: 0).time)
    }

    /// A cutover night as the runbook describes it.
    static func cutoverNight(_ lang: Language = .fr) -> Timeline {
        Timeline(title: "Nuit de bascule — Lot 1", language: lang, scale: .hours,
                 start: m("2027-03-18", "17:00"), end: m("2027-03-19", "08:00"),
                 lanes: [
                    TimelineLane(label: "Runbook", bars: [
                        TimelineBar(label: "Gel des saisies", start: m("2027-03-18", "18:00"), end: m("2027-03-18", "18:30"), kind: .step),
                        TimelineBar(label: "Extraction", start: m("2027-03-18", "20:00"), end: m("2027-03-18", "23:00"), kind: .step),
                        TimelineBar(label: "Chargement", start: m("2027-03-18", "23:00"), end: m("2027-03-19", "03:00"), kind: .step),
                        TimelineBar(label: "Tests", start: m("2027-03-19", "03:00"), end: m("2027-03-19", "05:30"), kind: .step),
                    ], points: [TimelineMarker(label: "Go/no-go données", at: m("2027-03-19", "03:00"), kind: .checkpoint)]),
                    TimelineLane(label: "Support", bars: [
                        TimelineBar(label: "Permanence", start: m("2027-03-19", "06:00"), end: m("2027-03-19", "08:00"), kind: .hypercare)]),
                 ],
                 shaded: [TimelineSpan(label: "Fenêtre de bascule", start: m("2027-03-18", "20:00"), end: m("2027-03-19", "06:00"))],
                 markers: [TimelineMarker(label: "Point de non-retour", at: m("2027-03-19", "04:00"), kind: .pointOfNoReturn),
                           TimelineMarker(label: "Mise en production", at: m("2027-03-19", "06:00"), kind: .goLive)])
    }

    /// A whole campaign across two waves, in days.
    static func campaign() -> Timeline {
        let lanes = [("Lot 1", "2027-03-19"), ("Lot 2", "2027-04-02")].map { wave -> TimelineLane in
            let j = CivilDate(iso: wave.1) ?? CivilDate(dayNumber: 0)
            let at = { (k: Int, t: String) in LocalMoment(date: j.adding(days: k), time: TimeOfDay(text: t) ?? LocalMoment(wallMinutes: 0).time) }
            return TimelineLane(label: wave.0, bars: [
                TimelineBar(label: "Training \(wave.0)", start: at(-21, "09:00"), end: at(-2, "17:30"), kind: .training),
                TimelineBar(label: "Hypercare \(wave.0)", start: at(0, "07:00"), end: at(15, "18:00"), kind: .hypercare),
                TimelineBar(label: "Daily review \(wave.0)", start: at(1, "09:30"), end: at(10, "10:00"), kind: .meeting),
            ], points: [
                TimelineMarker(label: "Teaser \(wave.0)", at: at(-30, "09:00"), kind: .send),
                TimelineMarker(label: "Go-live \(wave.0)", at: at(0, "06:00"), kind: .goLive),
                TimelineMarker(label: "Handover \(wave.0)", at: at(20, "09:00"), kind: .handover),
            ])
        }
        return Timeline(title: "Atlas campaign", language: .en, scale: .days,
                        start: m("2027-02-15", "00:00"), end: m("2027-05-10", "00:00"), lanes: lanes,
                        shaded: [TimelineSpan(label: "Easter", start: m("2027-03-26", "00:00"), end: m("2027-03-30", "00:00"))],
                        markers: [TimelineMarker(label: "Go/No-Go committee", at: m("2027-03-10", "14:00"), kind: .checkpoint)])
    }

    // MARK: Structure

    @Test(arguments: [cutoverNight(.fr), cutoverNight(.en), campaign()])
    func isWellFormedAccessibleAndSelfContained(_ t: Timeline) throws {
        let r = try SVGCheck.parse(SVGTimelineWriter.render(t))
        #expect(r.root == "{http://www.w3.org/2000/svg}svg")
        #expect(r.attrs["role"] == "img")
        #expect(r.attrs["width"] == "100%")
        #expect(r.attrs["height"] == nil)
        #expect(r.attrs["viewBox"]?.hasPrefix("0 0 1000.0 ") == true)
        #expect(r.firstChildren.prefix(2) == ["title", "desc"])
        #expect(r.svgTitle == t.title)
        #expect(!r.desc.isEmpty)
        #expect(r.labelledByResolves)
        #expect(r.forbidden.isEmpty, "script, foreignObject, external href or class: \(r.forbidden)")
        #expect(r.badNumbers.isEmpty, "coordinates must have one fixed decimal: \(r.badNumbers)")
        #expect(r.duplicateIds.isEmpty)
        #expect(r.outOfViewBox.isEmpty, "shapes outside the picture: \(r.outOfViewBox)")
    }

    @Test(arguments: [cutoverNight(.fr), campaign()])
    func everyBarAndMarkerHasATextLabelAndATitle(_ t: Timeline) throws {
        let r = try SVGCheck.parse(SVGTimelineWriter.render(t))
        let labels = t.lanes.flatMap { $0.bars.map(\.label) + $0.points.map(\.label) } + t.markers.map(\.label)
        for label in labels {
            #expect(r.texts.contains(label), "no drawn label for \(label)")
            #expect(r.titles.contains { $0.hasPrefix(label + " — ") }, "no tooltip for \(label)")
            #expect(r.desc.contains(label), "desc omits \(label)")
        }
        for lane in t.lanes { #expect(r.texts.contains(lane.label)) }
    }

    @Test func legendNamesEveryKindDrawnAndKindsDifferWithoutColour() throws {
        let r = try SVGCheck.parse(SVGTimelineWriter.render(Self.campaign()))
        for name in ["Training", "Hypercare", "Meeting", "Checkpoint (go/no-go)", "Go-live", "Handover to run", "Easter"] {
            #expect(r.texts.contains(name), "legend lacks \(name)")
        }
        #expect(!r.texts.contains("Step"), "legend lists a kind that is not drawn")
        // Training, hypercare and meeting bars are told apart by their fill pattern.
        let patterned = Set(r.rectFills.filter { $0.hasPrefix("url(#") })
        #expect(patterned.count == 3)
    }

    @Test func hoursAxisReadsInTheTimelineLanguage() throws {
        let fr = try SVGCheck.parse(SVGTimelineWriter.render(Self.cutoverNight(.fr)))
        #expect(fr.texts.contains("22\u{00A0}h"))
        #expect(fr.texts.contains("ven. 19 mars"))
        #expect(fr.texts.contains("Légende :"))
        let en = try SVGCheck.parse(SVGTimelineWriter.render(Self.cutoverNight(.en)))
        #expect(en.texts.contains("22:00"))
        #expect(en.texts.contains("Fri 19 Mar"))
    }

    // MARK: Hostile and awkward input

    @Test func markupInLabelsIsEscaped() throws {
        let evil = #"<script>alert(1)</script> & "x""#
        var t = Self.cutoverNight()
        t.title = evil
        t.lanes[0].label = evil
        t.lanes[0].bars[0].label = evil
        t.markers[0].label = evil
        t.shaded[0].label = evil
        let svg = SVGTimelineWriter.render(t)
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("& \""))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        let r = try SVGCheck.parse(svg)
        #expect(r.forbidden.isEmpty)
        #expect(r.svgTitle == evil)   // the parser reads back exactly what the plan said
        #expect(r.texts.contains(evil))
    }

    @Test func controlCharactersCannotBreakTheXML() throws {
        var t = Self.cutoverNight()
        t.lanes[0].bars[0].label = "Gel\u{0}\u{7}\u{1B} des saisies\nligne 2"
        _ = try SVGCheck.parse(SVGTimelineWriter.render(t))
    }

    @Test func longLabelsAreShortenedButKeptWhole() throws {
        let long = String(repeating: "Migration des dossiers de recouvrement ", count: 8) + "FIN"
        var t = Self.cutoverNight()
        t.lanes[0].label = long
        t.lanes[0].bars[1].label = long
        let r = try SVGCheck.parse(SVGTimelineWriter.render(t))
        let shortened = r.texts.filter { $0.hasPrefix("Migration des dossiers") }
        #expect(shortened.count == 2)
        #expect(shortened.allSatisfy { $0.hasSuffix("…") && $0.count < long.count })
        #expect(r.titles.contains(long))
        #expect(r.titles.contains { $0.hasPrefix(long + " — ") })
    }

    @Test func barsOutsideTheRangeAreClippedOrListed() throws {
        var t = Self.cutoverNight(.en)
        t.lanes[0].bars.append(TimelineBar(label: "Dry run", start: Self.m("2027-03-10", "20:00"), end: Self.m("2027-03-10", "23:00"), kind: .other))
        t.lanes[0].bars.append(TimelineBar(label: "Straddles the start", start: Self.m("2027-03-18", "12:00"), end: Self.m("2027-03-18", "19:00"), kind: .other))
        let r = try SVGCheck.parse(SVGTimelineWriter.render(t))
        #expect(!r.texts.contains("Dry run"))
        #expect(r.desc.contains("“Dry run”, on Wednesday 10 March from 20:00 to 23:00 (outside the period shown)"))
        #expect(r.texts.contains("Straddles the start"))
        #expect(r.outOfViewBox.isEmpty)
        #expect(r.barsLeftOfPlot == 0)
    }

    @Test func emptyAndDegenerateTimelinesStillDraw() throws {
        let at = Self.m("2027-03-19", "20:00")
        let cases = [
            Timeline(title: "", language: .fr, scale: .hours, start: at, end: at),
            Timeline(title: "x", language: .en, scale: .days, start: at, end: Self.m("2027-03-01", "00:00"),
                     lanes: [TimelineLane(label: "Empty lane")]),
            Timeline(title: "y", language: .en, scale: .hours, start: at, end: at,
                     lanes: [TimelineLane(label: "L", bars: [TimelineBar(label: "Instant", start: at, end: at, kind: .step)])]),
            Timeline(title: "z", language: .en, scale: .days, start: Self.m("0001-01-01", "00:00"), end: Self.m("9999-12-31", "23:59")),
        ]
        for t in cases {
            let r = try SVGCheck.parse(SVGTimelineWriter.render(t))
            #expect(r.attrs["role"] == "img")
            #expect(r.badNumbers.isEmpty)
        }
        let first = try SVGCheck.parse(SVGTimelineWriter.render(cases[0]))
        #expect(first.svgTitle == "Chronologie")
        #expect(first.texts.contains("Aucun élément à afficher"))
        #expect(try SVGCheck.parse(SVGTimelineWriter.render(cases[1])).texts.contains("Empty lane"))
        #expect(try SVGCheck.parse(SVGTimelineWriter.render(cases[2])).texts.contains("Instant"))
    }

    @Test func manyLanesMakeATallerPicture() throws {
        var t = Self.campaign()
        let few = try SVGCheck.parse(SVGTimelineWriter.render(t)).height
        t.lanes = (1...30).map { TimelineLane(label: "Site \($0)", bars: t.lanes[0].bars) }
        let many = try SVGCheck.parse(SVGTimelineWriter.render(t))
        #expect(many.height > few * 3)
        #expect(many.outOfViewBox.isEmpty)
        #expect((1...30).allSatisfy { many.texts.contains("Site \($0)") })
    }

    @Test func renderingIsDeterministic() {
        let a = SVGTimelineWriter.render(Self.campaign())
        let b = SVGTimelineWriter.render(Self.campaign())
        #expect(a == b)
        #expect(a.utf8.elementsEqual(b.utf8))
        // The id prefix comes from a stable fingerprint, not Swift's per-process hash seed.
        #expect(SVGMarkup.fingerprint("Atlas") == SVGMarkup.fingerprint("Atlas"))
        #expect(SVGMarkup.fingerprint("") == "cbf29ce484222325")
    }

    @Test func numbersHaveOneFixedDecimal() {
        #expect(SVGMarkup.num(0) == "0.0")
        #expect(SVGMarkup.num(-0.01) == "0.0")
        #expect(SVGMarkup.num(12.345) == "12.3")
        #expect(SVGMarkup.num(-3.25) == "-3.3" || SVGMarkup.num(-3.25) == "-3.2")
        #expect(SVGMarkup.num(980) == "980.0")
        #expect(SVGMarkup.num(.nan) == "0.0")
    }
}
